// Footnotes and manual page breaks in rich text, exported with the real CLI and read back by independent
// readers: the .docx holds real Word footnotes (w:footnoteReference in the text, the note's text in
// word/footnotes.xml) and a Word page break; pandoc reads the footnote as a footnote; LibreOffice starts
// the text after the page break on a new page. The same strategy goes through the interchange file and
// the live document unchanged (the nodes are rich JSON).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../shared/format/schema';
import { exportStrategy, importStrategy } from '../../shared/model';
import { docxPart, libreOfficePdf, pdfPages, pejling, run, squash, tempDir } from './export-helpers';

const NOTE = 'Kilde: KL’s undersøgelse af kommunernes selvbetjening, 2010.';
const strategy: StrategyFile = {
  format: 'pejling-strategy',
  formatVersion: 2,
  meta: { title: 'Strategi med noter', organisation: 'Noterup Kommune', period: { from: 2025, to: 2028 } },
  vision: { statement: 'Borgerne møder en digital kommune.' },
  perspectives: [
    {
      id: 'p-1',
      title: 'Borgerne',
      focusAreas: [
        {
          id: 'fa-1',
          title: 'Selvbetjening',
          body: {
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: 'Tre ud af fire ansøgninger kommer digitalt' },
                  { type: 'footnote', content: [{ type: 'text', text: 'Kilde: KL’s undersøgelse af kommunernes ' }, { type: 'text', text: 'selvbetjening', marks: [{ type: 'em' }] }, { type: 'text', text: ', 2010.' }] },
                  { type: 'text', text: ' i dag.' },
                ],
              },
              { type: 'paragraph', content: [{ type: 'text', text: 'Sidste linje før sideskiftet.' }] },
              { type: 'page_break' },
              { type: 'paragraph', content: [{ type: 'text', text: 'Første linje efter sideskiftet.' }] },
            ],
          },
        },
      ],
    },
  ],
};

let work: string;
let docx: string;

beforeAll(async () => {
  work = await tempDir('notes');
  const input = path.join(work, 'noter.json');
  await writeFile(input, JSON.stringify(strategy, null, 2));
  docx = path.join(work, 'noter.docx');
  const result = await pejling(['export', input, '--docx', docx]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('footnotes and page breaks in the Word export', () => {
  it('validates and survives the live document: the interchange holds both nodes as rich JSON', async () => {
    const input = path.join(work, 'noter.json');
    expect((await pejling(['validate', input])).code).toBe(0);
    const again = exportStrategy(importStrategy(JSON.parse(await readFile(input, 'utf8')) as StrategyFile));
    expect(again.perspectives[0]?.focusAreas[0]?.body).toEqual(strategy.perspectives[0]?.focusAreas[0]?.body);
  });

  it('writes a real Word footnote: a reference in the text, the note in word/footnotes.xml', async () => {
    const document = await docxPart(docx, 'word/document.xml');
    const reference = /<w:footnoteReference w:id="(\d+)"\/>/.exec(document);
    expect(reference, 'w:footnoteReference').not.toBeNull();
    // The reference sits right after the words it belongs to.
    expect(document.indexOf('Tre ud af fire ansøgninger kommer digitalt')).toBeLessThan(document.indexOf('<w:footnoteReference'));
    const notes = await docxPart(docx, 'word/footnotes.xml');
    const note = new RegExp(`<w:footnote w:id="${reference?.[1]}">(.*?)</w:footnote>`, 's').exec(notes)?.[1] ?? '';
    expect(squash([...note.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))).toBe(NOTE);
    expect(note).toContain('<w:i/>'); // emphasis inside the note is kept
  });

  it('is read by pandoc as a footnote', async () => {
    const result = await run('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', docx]);
    expect(result.code).toBe(0);
    const markdown = result.stdout.replace(/\u00a0/g, ' ');
    expect(markdown).toMatch(/kommer digitalt\[\^1\] i dag\./);
    expect(markdown).toMatch(/\[\^1\]: Kilde: KL['’]s undersøgelse af kommunernes \*selvbetjening\*, 2010\./);
  });

  it('writes a Word page break; in LibreOffice the text after it starts a new page', async () => {
    const document = await docxPart(docx, 'word/document.xml');
    expect(document).toContain('<w:br w:type="page"/>');
    const pages = await pdfPages(await libreOfficePdf(docx));
    const before = pages.findIndex((page) => page.includes('Sidste linje før sideskiftet.'));
    const after = pages.findIndex((page) => page.includes('Første linje efter sideskiftet.'));
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(before + 1);
    // The first line of that page's body (after the running header) is the text after the break.
    const lines = (pages[after] ?? '').split('\n').map(squash).filter(Boolean);
    expect(lines[1]).toBe('Første linje efter sideskiftet.');
    // And the footnote's text is at the foot of the page with its reference.
    expect(squash(pages[before] ?? '')).toContain(squash(NOTE));
  }, 120_000);
});
