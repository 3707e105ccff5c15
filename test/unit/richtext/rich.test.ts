import { describe, expect, it } from 'vitest';
import { RichTextError, checkRich, isEmptyDoc, proseMirrorToRich, richSchema, richToPlainText, richToProseMirror } from '../../../shared/richtext';

const para = (text: string, marks?: object[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });

describe('Rich ⇄ ProseMirror', () => {
  it('Markdown strings are parsed; ProseMirror JSON is read', () => {
    expect(richToProseMirror('**x**').toJSON()).toEqual({ type: 'doc', content: [para('x', [{ type: 'strong' }])] });
    const json = { type: 'doc' as const, content: [para('y')] };
    expect(richToProseMirror(json).toJSON()).toEqual(json);
  });

  it('writes Markdown when it is exact, ProseMirror JSON when it is not', () => {
    expect(proseMirrorToRich(richToProseMirror({ type: 'doc', content: [para('kort', [{ type: 'em' }])] }))).toBe('*kort*');
    // leading spaces would be lost in Markdown
    const spaced = { type: 'doc' as const, content: [para('  indrykket')] };
    expect(proseMirrorToRich(richToProseMirror(spaced))).toEqual(spaced);
  });

  it('an empty document is the empty string', () => {
    expect(proseMirrorToRich(richToProseMirror(''))).toBe('');
    expect(proseMirrorToRich(richToProseMirror({ type: 'doc' }))).toBe('');
    expect(isEmptyDoc(richToProseMirror(''))).toBe(true);
    expect(isEmptyDoc(richToProseMirror('x'))).toBe(false);
  });

  it('plain text drops markup and separates blocks', () => {
    expect(richToPlainText('# Titel\n\n- **a**\n- [b](https://x.dk)\n\nslut\\\nlinje')).toBe('Titel\na\nb\nslut\nlinje');
  });

  it.each([
    [{ type: 'doc', content: [{ type: 'video' }] }, '/content/0/type', 'unknown node type "video"'],
    [{ type: 'doc', content: [{ type: 'bullet_list', content: [para('x')] }] }, '/content/0/content/0', '"paragraph" is not allowed here in "bullet_list"'],
    [{ type: 'doc', content: [{ type: 'heading', attrs: { level: 5 }, content: [] }] }, '/content/0/attrs/level', 'heading level must be one of 1, 2, 3'],
    [{ type: 'doc', content: [para('x', [{ type: 'code' }])] }, '/content/0/content/0/marks/0/type', 'unknown mark "code"'],
    [{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }, '/content/0/content/0/text', 'a text node needs non-empty "text"'],
    [{ type: 'doc', content: [{ type: 'paragraph', attrs: { align: 'left' } }] }, '/content/0/attrs/align', '"paragraph" has no attribute "align"'],
    [{ type: 'doc', content: [{ type: 'table', content: [] }] }, '/content/0', '"table" is incomplete'],
    [{ type: 'paragraph' }, '', 'a ProseMirror document must have "type": "doc"'],
  ])('refuses %j at %s', (json, path, reason) => {
    const problems = checkRich(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(RichTextError);
    expect(problems[0]!.path).toBe(path);
    expect(problems[0]!.reason).toContain(reason);
    expect(() => richToProseMirror(json as never)).toThrow(RichTextError);
  });

  it('every Markdown string is acceptable', () => {
    expect(checkRich('<script>x</script> ![a](b)')).toEqual([]);
  });

  it('the schema has the node and mark names y-prosemirror stores', () => {
    expect(Object.keys(richSchema.nodes)).toEqual([
      'doc', 'paragraph', 'heading', 'blockquote', 'bullet_list', 'ordered_list', 'list_item',
      'table', 'table_row', 'table_cell', 'table_header', 'image', 'page_break', 'footnote', 'text', 'hard_break',
    ]);
    expect(Object.keys(richSchema.marks)).toEqual(['em', 'strong', 'link', 'comment', 'insertion', 'deletion', 'modification']);
  });
});
