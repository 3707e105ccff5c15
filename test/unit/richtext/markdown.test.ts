import { describe, expect, it } from 'vitest';
import { parseMarkdown, serializeMarkdown, toMarkdownIfExact, richSchema } from '../../../shared/richtext';

/** Parses, checks the structure, and checks the Markdown comes back as written. */
function roundTrip(markdown: string): ReturnType<typeof parseMarkdown> {
  const doc = parseMarkdown(markdown);
  expect(serializeMarkdown(doc)).toBe(markdown);
  return doc;
}

describe('Markdown', () => {
  it('paragraphs, bold, italic and links', () => {
    const doc = roundTrip('Første **fed** og *kursiv* og [kommunen](https://kk.dk "Forside").\n\nAndet afsnit');
    expect(doc.childCount).toBe(2);
    const first = doc.firstChild!;
    const marks = (text: string) => {
      let found: string[] = [];
      first.forEach((n) => {
        if (n.text === text) found = n.marks.map((m) => (m.type.name === 'link' ? `link:${m.attrs.href}:${m.attrs.title}` : m.type.name));
      });
      return found;
    };
    expect(marks('fed')).toEqual(['strong']);
    expect(marks('kursiv')).toEqual(['em']);
    expect(marks('kommunen')).toEqual(['link:https://kk.dk:Forside']);
  });

  it('bullet and ordered lists, nested, with a start number', () => {
    const doc = roundTrip('- et\n- to\n  - to a\n\n3. tre\n4. fire');
    expect(doc.child(0).type.name).toBe('bullet_list');
    expect(doc.child(0).child(1).child(1).type.name).toBe('bullet_list');
    expect(doc.child(1).type.name).toBe('ordered_list');
    expect(doc.child(1).attrs.order).toBe(3);
  });

  it('headings 1–3; deeper headings become level 3', () => {
    const doc = roundTrip('# Et\n\n## To\n\n### Tre');
    expect([0, 1, 2].map((i) => doc.child(i).attrs.level)).toEqual([1, 2, 3]);
    expect(parseMarkdown('#### Fire').firstChild!.attrs.level).toBe(3);
  });

  it('blockquotes and hard breaks', () => {
    const doc = roundTrip('> citat\n\nlinje\\\nny linje');
    expect(doc.child(0).type.name).toBe('blockquote');
    expect(doc.child(1).child(1).type.name).toBe('hard_break');
  });

  it('normalises other spellings to one form, which is then stable', () => {
    const doc = parseMarkdown('* a\n* b\n\n__fed__ _kursiv_\n\nSætning\nfortsat');
    const once = serializeMarkdown(doc);
    expect(once).toBe('- a\n- b\n\n**fed** *kursiv*\n\nSætning fortsat');
    expect(serializeMarkdown(parseMarkdown(once))).toBe(once);
  });

  it('keeps syntax the schema cannot hold as plain text', () => {
    const doc = parseMarkdown('`kode` ![billede](x.png) <b>html</b>\n\n---');
    expect(doc.textContent).toContain('`kode`');
    // an image is read as "!" and a link, so its address is kept
    let imageLink: unknown;
    doc.descendants((n) => {
      if (n.text === 'billede') imageLink = n.marks[0]?.attrs.href;
    });
    expect(imageLink).toBe('x.png');
    expect(doc.textContent).toContain('<b>html</b>');
    expect(toMarkdownIfExact(doc)).toBeDefined();
  });

  it('text with Markdown characters is escaped so it reads back the same', () => {
    const doc = richSchema.node('doc', null, [richSchema.node('paragraph', null, [richSchema.text('5 * 3 = [15] _ikke_ kursiv')])]);
    const md = toMarkdownIfExact(doc);
    expect(md).toBeDefined();
    expect(parseMarkdown(md!).eq(doc)).toBe(true);
  });

  it('a table is not Markdown', () => {
    const cell = richSchema.node('table_cell', null, [richSchema.node('paragraph', null, [richSchema.text('x')])]);
    const table = richSchema.node('table', null, [richSchema.node('table_row', null, [cell])]);
    expect(toMarkdownIfExact(richSchema.node('doc', null, [table]))).toBeUndefined();
  });
});
