// Word comments (a department's høringssvar written in the margin) come along as comment threads on the same
// text: on the focus area's body with the commented words as the quote, on a goal, on a heading's title; with
// their author, date and text. A comment in the part a user set aside (the cover) is counted, not lost silently.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../shared/format/schema';
import { createHost } from '../../main/host/host';
import { pejling, tempDir } from './export-helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('import-comments');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A paragraph whose `marked` words carry comment `id`. */
function commented(before: string, marked: string, after: string, id: number, options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bullet?: boolean } = {}): Paragraph {
  return new Paragraph({
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.bullet ? { bullet: { level: 0 } } : {}),
    children: [new TextRun(before), new CommentRangeStart(id), new TextRun(marked), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }), new TextRun(after)],
  });
}

async function consultationDraft(): Promise<Buffer> {
  const at = new Date('2025-03-14T09:30:00Z');
  const document = new Document({
    comments: {
      children: [
        { id: 0, author: 'Børne- og Ungeforvaltningen', date: at, children: [new Paragraph('Hvad koster det?')] },
        { id: 1, author: 'Teknik og Miljø', date: at, children: [new Paragraph('Ni ud af ti er for ambitiøst.')] },
        { id: 2, author: 'Økonomi', date: at, children: [new Paragraph('Skal titlen ikke være bredere?')] },
        { id: 3, author: 'Kommunikation', date: at, children: [new Paragraph('Forsiden mangler et foto.')] },
      ],
    },
    sections: [
      {
        children: [
          commented('', 'Digitaliseringsstrategi 2025–2028', '', 3, { heading: HeadingLevel.TITLE }),
          new Paragraph('Vesterby Kommune'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Vision')] }),
          new Paragraph('Vesterby er nem at have med at gøre.'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Borgere')] }),
          commented('', 'Digital service', '', 2, { heading: HeadingLevel.HEADING_2 }),
          commented('Vi bygger ', 'en ny selvbetjening til pladsanvisning', ' i 2025.', 0),
          new Paragraph({ children: [new TextRun({ text: 'Målsætninger', bold: true })] }),
          commented('', 'Ni ud af ti', ' ansøgninger sendes digitalt.', 1, { bullet: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

describe('Word comments', () => {
  it('become comment threads on the same text, with author, date and text', async () => {
    const docx = path.join(dir, 'hoering.docx');
    const out = path.join(dir, 'hoering.json');
    await writeFile(docx, await consultationDraft());
    const result = await pejling(['import', docx, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 Word-kommentarer blev til kommentartråde; 1 stod i en udeladt del og kom ikke med');
    const strategy = JSON.parse(await readFile(out, 'utf8')) as StrategyFile;
    const focusArea = strategy.perspectives[0]!.focusAreas[0]!;
    const goal = focusArea.goals![0]!;
    expect(strategy.comments?.map((c) => ({ target: c.target, author: c.messages[0]?.author, date: c.messages[0]?.date, text: c.messages[0]?.text }))).toEqual([
      { target: { id: focusArea.id, field: 'title', quote: 'Digital service' }, author: 'Økonomi', date: '2025-03-14T09:30:00.000Z', text: 'Skal titlen ikke være bredere?' },
      { target: { id: focusArea.id, field: 'body', quote: 'en ny selvbetjening til pladsanvisning' }, author: 'Børne- og Ungeforvaltningen', date: '2025-03-14T09:30:00.000Z', text: 'Hvad koster det?' },
      { target: { id: goal.id, field: 'text', quote: 'Ni ud af ti' }, author: 'Teknik og Miljø', date: '2025-03-14T09:30:00.000Z', text: 'Ni ud af ti er for ambitiøst.' },
    ]);
    expect(strategy.formatVersion).toBe(2);
    const validated = await pejling(['validate', out]);
    expect(validated.code, validated.stdout).toBe(0);

    // The app's path: the host reads the .docx, the preview's strategy is created as a document, and the
    // document holds the threads (read back as the interchange JSON it saves).
    const host = await createHost({ dataDir: path.join(dir, 'data') });
    try {
      const read = await host.api.readWordDocument({ fileName: 'hoering.docx', bytes: new Uint8Array(await readFile(docx)) });
      expect(read.document.comments.map((c) => c.author)).toEqual(['Børne- og Ungeforvaltningen', 'Teknik og Miljø', 'Økonomi', 'Kommunikation']);
      const summary = await host.api.createDocument({ from: 'json', text: JSON.stringify(strategy), fileName: 'hoering.json' });
      const saved = JSON.parse(new TextDecoder().decode((await host.api.saveDocumentAs(summary.id, 'json')).bytes)) as StrategyFile;
      const savedFocusArea = saved.perspectives[0]!.focusAreas[0]!;
      expect(saved.comments?.map((c) => [c.target.id === savedFocusArea.id || c.target.id === savedFocusArea.goals?.[0]?.id, c.target.field, c.target.quote, c.messages[0]?.text])).toEqual([
        [true, 'title', 'Digital service', 'Skal titlen ikke være bredere?'],
        [true, 'body', 'en ny selvbetjening til pladsanvisning', 'Hvad koster det?'],
        [true, 'text', 'Ni ud af ti', 'Ni ud af ti er for ambitiøst.'],
      ]);
    } finally {
      await host.close();
    }
  }, 60_000);
});
