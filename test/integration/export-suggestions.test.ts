// "Eksportér Word med forslag": `pejling export FILE --docx OUT --suggestions` writes the pending
// suggestions of a strategy (test/fixtures/strategies/with-suggestions.json: Bo Lind rewrites and adds
// words and suggests a new title for a focus area and an initiative, Carla Friis deletes a sentence, Anna
// Holm makes a word bold and suggests a new goal) as Word tracked changes by their authors; without the
// option the document is the published text. Read back by independent readers:
// pandoc with --track-changes=all (who inserted and deleted what), accept (the text with the
// suggestions accepted) and reject (the published text), and LibreOffice (flat ODF: its own tracked
// changes with author and kind; a PDF of the published text).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EditorState } from 'prosemirror-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { publishedStrategy } from '../../shared/export/published';
import type { StrategyFile } from '../../shared/format/schema';
import { FieldSuggestions } from '../../shared/model/field-suggestions';
import { importStrategy } from '../../shared/model/interchange';
import { StrategyModel } from '../../shared/model/strategy-model';
import { suggestTransaction } from '../../shared/model/suggest-transform';
import { recordSuggestion } from '../../shared/model/suggestions';
import { richToProseMirror } from '../../shared/richtext/rich';
import { richSchema } from '../../shared/richtext/schema';
import { encodePejlingFile } from '../../main/storage/pejling-file';
import { docxPart, pdfPages, pejling, repoRoot, run, squash, tempDir } from './export-helpers';

const fixture = path.join(repoRoot, 'test/fixtures/strategies/with-suggestions.json');
const SLOW = 300_000;

let dir: string;
let tracked: string;
let published: string;
let cli: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = await tempDir('export-suggestions');
  tracked = path.join(dir, 'med-forslag.docx');
  published = path.join(dir, 'udgivet.docx');
  const [a, b] = await Promise.all([
    pejling(['export', fixture, '--docx', tracked, '--suggestions', '--page-numbers', 'quick']),
    pejling(['export', fixture, '--docx', published, '--page-numbers', 'quick']),
  ]);
  expect(b.code, b.stderr).toBe(0);
  cli = a;
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function pandoc(docx: string, to: 'html' | 'plain', changes: 'all' | 'accept' | 'reject'): Promise<string> {
  const result = await run('pandoc', ['-f', 'docx', '-t', to, '--wrap=none', `--track-changes=${changes}`, docx]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The body's text from the vision on (the cover and the contents are the same in both documents). */
const body = (text: string): string => squash(text.slice(text.indexOf('Fjordby er en')));

describe('pejling export --suggestions (Word with suggestions)', () => {
  it('writes the document and says how many suggestions it holds as tracked changes', () => {
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('Skrev 7 ventende forslag som sporede ændringer');
  });

  it('pandoc --track-changes=all: each insertion and deletion by its author, at its time', async () => {
    const html = await pandoc(tracked, 'html', 'all');
    const changes = [...html.matchAll(/<span class="(insertion|deletion)" data-author="([^"]*)" data-date="([^"]*)">([^<]*)<\/span>/g)].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(changes).toEqual([
      // the focus area's suggested title: a tracked replacement of its heading
      ['deletion', 'Bo Lind', '2026-03-10T09:20:00Z', 'Selvbetjening'],
      ['insertion', 'Bo Lind', '2026-03-10T09:20:00Z', 'Selvbetjening på borgernes præmisser'],
      ['deletion', 'Bo Lind', '2026-03-10T09:15:00Z', 'hurtigt'],
      ['insertion', 'Bo Lind', '2026-03-10T09:15:00Z', 'enkelt og trygt'],
      ['insertion', 'Bo Lind', '2026-03-10T09:17:00Z', 'og offentliggør resultatet'],
      ['deletion', 'Carla Friis', '2026-03-11T14:00:00Z', 'Papirblanketter udfases.'],
      // a suggested goal, and an initiative's suggested title in the plan's table
      ['deletion', 'Anna Holm', '2026-03-12T07:00:00Z', 'Ni ud af ti ansøgninger er digitale i 2028.'],
      ['insertion', 'Anna Holm', '2026-03-12T07:00:00Z', 'Ni ud af ti ansøgninger er digitale i 2027.'],
      ['deletion', 'Bo Lind', '2026-03-12T08:00:00Z', 'Selvbetjening med MitID'],
      ['insertion', 'Bo Lind', '2026-03-12T08:00:00Z', 'Selvbetjening med MitID og digital fuldmagt'],
    ]);
  }, SLOW);

  it('pandoc --track-changes=accept gives the text with the suggestions accepted, reject the published text', async () => {
    const accepted = body(await pandoc(tracked, 'plain', 'accept'));
    expect(accepted).toContain('Borgerne skal kunne klare deres ærinder enkelt og trygt på nettet.');
    expect(accepted).toContain('Vi måler tilfredsheden hvert år og offentliggør resultatet.');
    expect(accepted).not.toContain('hurtigt');
    expect(accepted).not.toContain('Papirblanketter');
    expect(accepted).toContain('Selvbetjening på borgernes præmisser');
    expect(accepted).toContain('digitale i 2027.');
    const rejected = body(await pandoc(tracked, 'plain', 'reject'));
    expect(rejected).toContain('Borgerne skal kunne klare deres ærinder hurtigt på nettet.');
    expect(rejected).toContain('Vi måler tilfredsheden hvert år. Papirblanketter udfases.');
    expect(rejected).not.toContain('præmisser');
    // rejecting everything in Word gives exactly the document exported without --suggestions
    expect(rejected).toBe(body(await pandoc(published, 'plain', 'all')));
  }, SLOW);

  it('the suggested bold is the run with its new formatting and the old one in w:rPrChange, by Anna Holm', async () => {
    const xml = await docxPart(tracked, 'word/document.xml');
    expect(xml).toMatch(
      /<w:r><w:rPr><w:b\/><w:bCs\/><w:rPrChange w:id="\d+" w:author="Anna Holm" w:date="2026-03-09T08:30:00Z"><w:rPr><w:b w:val="false"\/>(?:(?!<\/w:rPrChange>).)*<\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">nærværende<\/w:t>/,
    );
    // every revision has its own id
    const ids = [...xml.matchAll(/<w:(?:ins|del|rPrChange) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(11);
    expect(new Set(ids).size).toBe(11);
  }, SLOW);

  it('LibreOffice opens it and reads its tracked changes: the kind, the author and the time of each', async () => {
    const readDir = path.join(dir, 'lo');
    await mkdir(readDir);
    const copy = path.join(readDir, 'med-forslag.docx');
    await writeFile(copy, await readFile(tracked));
    const profile = await tempDir('lo-profile');
    try {
      const result = await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'fodt', '--outdir', readDir, copy]);
      expect(result.code, result.stderr).toBe(0);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
    const odf = await readFile(path.join(readDir, 'med-forslag.fodt'), 'utf8');
    const regions = [...odf.matchAll(/<text:changed-region[^>]*>\s*<text:(insertion|deletion|format-change)>\s*<office:change-info>\s*<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => [m[1], m[2]]);
    expect(regions).toEqual([
      ['format-change', 'Anna Holm'],
      ['deletion', 'Bo Lind'],
      ['insertion', 'Bo Lind'],
      ['deletion', 'Bo Lind'],
      ['insertion', 'Bo Lind'],
      ['insertion', 'Bo Lind'],
      ['deletion', 'Carla Friis'],
      ['deletion', 'Anna Holm'],
      ['insertion', 'Anna Holm'],
      ['deletion', 'Bo Lind'],
      ['insertion', 'Bo Lind'],
    ]);
  }, SLOW);

  it('without --suggestions the document has no pending suggestion: no insertion, no tracked change, no suggested bold', async () => {
    const xml = await docxPart(published, 'word/document.xml');
    expect(xml).not.toMatch(/<w:(ins|del|rPrChange) /);
    expect(xml).not.toContain('enkelt og trygt');
    expect(xml).not.toContain('offentliggør');
    const text = body(await pandoc(published, 'plain', 'all'));
    expect(text).toContain('Borgerne skal kunne klare deres ærinder hurtigt på nettet.');
    expect(text).toContain('Papirblanketter udfases.');
    expect(text).not.toContain('præmisser');
    // the suggested bold is not applied
    expect(await pandoc(published, 'html', 'all')).toContain('Fjordby er en nærværende digital kommune');
  }, SLOW);

  it('the PDF shows the published text too', async () => {
    const pdf = path.join(dir, 'udgivet.pdf');
    const result = await pejling(['export', fixture, '--pdf', pdf]);
    if (result.code !== 0 && /LibreOffice/.test(result.stderr)) throw new Error(`the PDF export needs LibreOffice: ${result.stderr}`);
    expect(result.code, result.stderr).toBe(0);
    const text = squash((await pdfPages(pdf)).join('\n'));
    expect(text).toContain('ærinder hurtigt på nettet');
    expect(text).not.toContain('enkelt og trygt');
    expect(text).not.toContain('offentliggør resultatet');
  }, SLOW);

  it('--suggestions is for the Word document only: not with --pdf, not with --compare-with', async () => {
    const pdf = await pejling(['export', fixture, '--pdf', path.join(dir, 'x.pdf'), '--suggestions']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--suggestions gælder kun Word-dokumentet');
    const compare = await pejling(['export', fixture, '--docx', path.join(dir, 'x.docx'), '--compare-with', fixture, '--suggestions', '--lang', 'en']);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain('--suggestions cannot be used with --compare-with');
  }, SLOW);
});

describe('a .pejling document with suggestions made through the model API', () => {
  it('carries them (they are Yjs): exported --suggestions, pandoc reads them by their author', async () => {
    const strategy = publishedStrategy(JSON.parse(await readFile(fixture, 'utf8')) as StrategyFile);
    delete strategy.fieldSuggestions;
    strategy.formatVersion = 2;
    const doc = importStrategy(strategy);
    const model = new StrategyModel(doc);
    // Bo, in suggestion mode, adds a sentence at the end of the focus area's first paragraph …
    const state = EditorState.create({ schema: richSchema, doc: richToProseMirror(model.getRich('fa-selvbetjening', 'body')!) });
    const end = state.doc.firstChild!.nodeSize - 1;
    const typed = suggestTransaction(state, state.tr.insertText(' Også om natten.', end), { newId: () => 'sg-model-1', isOwn: () => true });
    expect(typed.newId).toBe('sg-model-1');
    model.setRich('fa-selvbetjening', 'body', typed.tr.doc.toJSON() as StrategyFile['vision']['statement']);
    recordSuggestion(doc, 'sg-model-1', { authorId: 'u-bo', authorName: 'Bo Lind', at: '2026-03-20T10:00:00+01:00' });
    // … and a new title for it.
    new FieldSuggestions(model).suggest({ itemId: 'fa-selvbetjening', field: 'title', text: 'Selvbetjening for alle', author: { id: 'u-bo', name: 'Bo Lind' }, at: '2026-03-20T10:01:00+01:00' });
    const file = path.join(dir, 'fjordby.pejling');
    await writeFile(
      file,
      encodePejlingFile({
        header: { title: strategy.meta.title, organisation: strategy.meta.organisation, schemaVersion: 2, savedAt: new Date().toISOString(), appVersion: '0.0.0' },
        update: Y.encodeStateAsUpdate(doc),
      }),
    );
    const out = path.join(dir, 'fra-pejling.docx');
    const result = await pejling(['export', file, '--docx', out, '--suggestions', '--page-numbers', 'quick']);
    expect(result.code, result.stderr).toBe(0);
    const html = await pandoc(out, 'html', 'all');
    const changes = [...html.matchAll(/<span class="(insertion|deletion)" data-author="([^"]*)"[^>]*>([^<]*)<\/span>/g)].map((m) => `${m[1]} by ${m[2]}: ${m[3]}`);
    expect(changes).toEqual(['deletion by Bo Lind: Selvbetjening', 'insertion by Bo Lind: Selvbetjening for alle', 'insertion by Bo Lind: Også om natten.']);
    // and `pejling check` names them
    const check = await pejling(['check', file, '--json']);
    const findings = (JSON.parse(check.stdout) as { code: string; id: string }[]).filter((f) => f.code === 'pending-suggestions');
    expect(findings.map((f) => f.id)).toEqual(['fa-selvbetjening', 'fa-selvbetjening']);
  }, SLOW);
});
