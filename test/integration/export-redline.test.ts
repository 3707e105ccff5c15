// The redline Word document, through the real CLI: `pejling export NEW --docx OUT --compare-with OLD`
// for a pair of strategies (København 2010–2014 and an edit of it) that differ by a changed paragraph,
// an added and a removed focus area, a renamed title, a changed initiative status, and an added and a
// removed initiative. Read back by independent readers: pandoc accepting all changes gives the text of
// NEW's own export, rejecting them the text of OLD's; mammoth opens it; LibreOffice lays it out with
// the marks (old and new words both on the page) and the contents' page numbers where the headings are.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../shared/format/schema';
import { initiativeStatusLabel } from '../../shared/export/typography';
import { docxPart, libreOfficePdf, mammothHeadings, pandocBodyText, pdfPages, pejling, readExample, repoRoot, run, squash, tempDir, unnumberedTitles } from './export-helpers';

let work: string;
let oldFile: string;
let newFile: string;
let redline: string;
let cli: { code: number; stdout: string; stderr: string };
let older: StrategyFile;
let newer: StrategyFile;

const CHANGED_FROM = 'så lette og sikre at bruge';
const CHANGED_TO = 'så enkle og trygge at bruge';
const RENAMED_FROM = 'Attraktive digitale løsninger til alle';
const RENAMED_TO = 'Enkle og sikre digitale løsninger til alle';
const ADDED_TITLE = 'Kunstig intelligens med omtanke';
const ADDED_BODY = 'Vi afprøver kunstig intelligens, hvor den hjælper borgerne, og kun med et klart ansvar.';
const ADDED_INITIATIVE = 'Forsøg med sprogmodeller i borgerservice';

function edited(strategy: StrategyFile): { next: StrategyFile; removedFocusArea: string; removedInitiative: string; oldStatus: string } {
  const next = structuredClone(strategy);
  const [borgere, opgaver] = next.perspectives;
  const first = borgere!.focusAreas[0]!;
  expect(first.title).toBe(RENAMED_FROM);
  expect(first.body).toContain(CHANGED_FROM);
  first.title = RENAMED_TO;
  first.body = (first.body as string).replace(CHANGED_FROM, CHANGED_TO);
  borgere!.focusAreas.push({ id: 'fa-ki', title: ADDED_TITLE, body: ADDED_BODY, goals: [{ id: 'g-ki-1', text: 'Tre forsøg er evalueret inden udgangen af 2012.' }] });
  const removed = opgaver!.focusAreas.splice(1, 1)[0]!;
  const plan = next.actionPlans!.find((p) => p.id === 'ap-faelles-2011-2012')!;
  const changed = plan.initiatives[0]!;
  expect(changed.status ?? 'planned').not.toBe('delayed');
  const oldStatus = initiativeStatusLabel(changed.status ?? 'planned', 'da');
  changed.status = 'delayed';
  const gone = plan.initiatives.splice(2, 1)[0]!;
  plan.initiatives.push({ id: 'i-sprogmodeller', title: ADDED_INITIATIVE, focusAreaIds: ['fa-ki'], status: 'planned', start: '2012-01', end: '2012-12' });
  return { next, removedFocusArea: removed.title, removedInitiative: gone.title, oldStatus };
}

let facts: ReturnType<typeof edited>;

beforeAll(async () => {
  work = await tempDir('redline');
  older = await readExample('kk-2010-2014');
  facts = edited(older);
  newer = facts.next;
  oldFile = path.join(work, 'old.json');
  newFile = path.join(work, 'new.json');
  await writeFile(oldFile, JSON.stringify(older, null, 2));
  await writeFile(newFile, JSON.stringify(newer, null, 2));
  redline = path.join(work, 'redline.docx');
  cli = await pejling(['export', newFile, '--docx', redline, '--compare-with', oldFile, '--author', 'Line Jensen', '--date', '2026-03-12', '--style', 'kommune']);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** pandoc's plain text of a .docx (all changes accepted or rejected, or none tracked). */
async function pandocText(docx: string, changes?: 'accept' | 'reject'): Promise<string[]> {
  const result = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', ...(changes ? [`--track-changes=${changes}`] : []), docx]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout.split('\n');
}

/** The body's text without the contents, table borders and the empty items pandoc leaves (export-helpers.ts). */
function bodyText(lines: string[]): string {
  return pandocBodyText(lines, unnumberedTitles(older));
}

const plainExports = new Map<string, Promise<string>>();
/** The normal export of FILE (once per file), for comparing with what the redline gives. */
function plainExport(file: string, name: string): Promise<string> {
  let done = plainExports.get(file);
  if (!done) {
    done = (async () => {
      const out = path.join(work, `${name}.docx`);
      const result = await pejling(['export', file, '--docx', out, '--style', 'kommune', '--page-numbers', 'quick']);
      expect(result.code, result.stderr).toBe(0);
      return out;
    })();
    plainExports.set(file, done);
  }
  return done;
}

/** These tests run the CLI, LibreOffice and pandoc: minutes on a loaded machine (a guard, not a timing). */
const SLOW = 300_000;

describe('pejling export --compare-with (the redline)', () => {
  it('writes the document and names the changes it marks, by whom and when', async () => {
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const lines = cli.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Skrev .*redline\.docx \(\d+ sider; husstil kommune; indholdsfortegnelsens sidetal fra LibreOffice, kontrolleret\)$/);
    expect(lines[1]).toBe(
      `Ændringer siden ${oldFile}: 1 indsatsområde ændret, 1 tilføjet, 1 fjernet, 1 målsætning tilføjet, ${older.perspectives[1]!.focusAreas[1]!.goals!.length} fjernet, 1 initiativ ændret, 1 tilføjet, 1 fjernet (registreret som Line Jensen, 2026-03-12)`,
    );
    expect(await readdir(work)).toEqual(['new.json', 'old.json', 'redline.docx']);
  }, SLOW);

  it('accepting all changes gives NEW, rejecting all gives OLD (pandoc)', async () => {
    const newText = bodyText(await pandocText(await plainExport(newFile, 'new')));
    const oldText = bodyText(await pandocText(await plainExport(oldFile, 'old')));
    expect(newText).not.toBe(oldText);
    const accepted = bodyText(await pandocText(redline, 'accept'));
    const rejected = bodyText(await pandocText(redline, 'reject'));
    expect(accepted).toBe(newText);
    expect(rejected).toBe(oldText);
    // and each change is one a reader sees
    for (const text of [CHANGED_TO, RENAMED_TO, ADDED_TITLE, ADDED_INITIATIVE, 'Forsinket']) expect(accepted).toContain(text);
    expect(rejected).not.toContain(ADDED_TITLE);
    for (const text of [CHANGED_FROM, RENAMED_FROM, facts.removedFocusArea, facts.removedInitiative]) {
      expect(accepted).not.toContain(text);
      expect(rejected).toContain(text);
    }
  }, SLOW);

  it('marks them as Word tracked changes with author and date: runs, paragraph marks, table rows', async () => {
    const xml = await docxPart(redline, 'word/document.xml');
    const marks = [...xml.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"/g)];
    expect(marks.length).toBeGreaterThan(20);
    expect(new Set(marks.map((m) => m[3]))).toEqual(new Set(['Line Jensen']));
    expect(new Set(marks.map((m) => m[4]))).toEqual(new Set(['2026-03-12T00:00:00Z']));
    expect(new Set(marks.map((m) => m[2])).size).toBe(marks.length); // unique revision ids
    // the removed focus area: its heading is deleted text with a deleted paragraph mark
    const removedHeading = new RegExp(`<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:rPr><w:del [^>]+/></w:rPr></w:pPr><w:del [^>]+><w:r><w:delText xml:space="preserve">${facts.removedFocusArea}</w:delText>`);
    expect(xml).toMatch(removedHeading);
    // the added one: inserted text with an inserted paragraph mark
    expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading2"/><w:rPr><w:ins [^>]+/></w:rPr></w:pPr><w:bookmarkStart w:name="_Toc\\d+" w:id="\\d+"/><w:ins [^>]+><w:r><w:t xml:space="preserve">${ADDED_TITLE}</w:t>`));
    // table rows: one inserted, one deleted (the initiatives), as row revisions
    expect(xml.match(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins /g)?.length).toBeGreaterThanOrEqual(1);
    expect(xml.match(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:del /g)?.length).toBeGreaterThanOrEqual(1);
    // the changed status is a changed cell: the old word deleted, the new one inserted
    expect(xml).toMatch(new RegExp(`<w:delText xml:space="preserve">${facts.oldStatus}</w:delText>(?:(?!</w:p>).)*<w:t xml:space="preserve">Forsinket</w:t>`));
  }, SLOW);

  it('has the table of contents and numbering of NEW', async () => {
    const xml = await docxPart(redline, 'word/document.xml');
    const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
    expect(toc).toContain(RENAMED_TO);
    expect(toc).toContain(ADDED_TITLE);
    expect(toc).not.toContain(RENAMED_FROM);
    expect(toc).not.toContain(facts.removedFocusArea);
    // the focus area after the removed one is numbered as in NEW (4.2, not 4.3: the foreword has no number)
    const next = newer.perspectives[1]!.focusAreas[1]!.title;
    expect(toc).toMatch(new RegExp(`>4\\.2</w:t>(?:(?!</w:p>).)*${next}`));
  }, SLOW);

  it('opens in mammoth, which reads the new headings', async () => {
    const headings = await mammothHeadings(redline);
    expect(headings).toEqual(expect.arrayContaining([[2, RENAMED_TO], [2, ADDED_TITLE]]));
    expect(headings.map(([, title]) => title)).not.toContain(facts.removedFocusArea);
    expect(headings.map(([, title]) => title)).toEqual(await mammothHeadings(await plainExport(newFile, 'new')).then((h) => h.map(([, title]) => title)));
  }, SLOW);

  it('LibreOffice lays it out with the marks, and the contents’ page numbers are where the headings are', async () => {
    const readDir = path.join(work, 'read');
    await mkdir(readDir);
    const copy = path.join(readDir, 'redline.docx');
    await writeFile(copy, await readFile(redline));
    const pdf = await libreOfficePdf(copy);
    const pages = await pdfPages(pdf);
    const all = squash(pages.join('\n'));
    // both sides of each change are on the page, as marked text
    for (const text of [ADDED_TITLE, ADDED_INITIATIVE, facts.removedFocusArea, facts.removedInitiative]) expect(all).toContain(text);
    expect(all).toMatch(/letteenkle|lette enkle/);
    // the contents (on the pages after the cover) give each heading's page
    const tocPage = pages.findIndex((page) => /^\s*Indhold\s*$/m.test(page));
    const entries = [...pages.slice(tocPage, tocPage + 3).join('\n').matchAll(/^\s*(\d+(?:\.\d+)*)\s+(.+?)\s*\.{2,}\s*(\d+)\s*$/gm)].map((m) => ({ title: squash(m[2]!), page: Number(m[3]) }));
    expect(entries.map((e) => e.title)).toEqual(expect.arrayContaining([RENAMED_TO, ADDED_TITLE]));
    expect(entries.length).toBeGreaterThan(25);
    const lastToc = tocPage + pages.slice(tocPage).findIndex((page) => !/\.{5,}\s*\d+\s*$/m.test(page)) - 1;
    for (const entry of entries) {
      const at = pages.findIndex((page, i) => i > lastToc && page.split('\n').some((line) => squash(line).endsWith(entry.title)));
      expect(at + 1, `page of "${entry.title}"`).toBe(entry.page);
    }
    // PEJLING_SCREENSHOTS=1 refreshes docs/screenshots/redline-*.png: the changed focus area and a plan-table page.
    if (process.env.PEJLING_SCREENSHOTS === '1') {
      const focusArea = entries.find((e) => e.title === RENAMED_TO)!.page;
      // the plan-table page with the added initiative (and, in its plan, the changed status)
      const plan = pages.findIndex((page) => squash(page).includes(ADDED_INITIATIVE)) + 1;
      for (const [label, page] of [['focus-area', focusArea], ['plan-table', plan]] as const) {
        const base = path.join(repoRoot, 'docs/screenshots', `redline-${label}`);
        const shot = await run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
        expect(shot.code).toBe(0);
      }
    }
  }, SLOW);
});

describe('pejling export --compare-with refuses bad use, and writes nothing', () => {
  it('an invalid OLD file: exit 1, one line naming it', async () => {
    const bad = path.join(work, 'bad-old.json');
    await writeFile(bad, JSON.stringify({ ...older, meta: { ...older.meta, title: '' } }));
    const out = path.join(work, 'never.docx');
    const result = await pejling(['export', newFile, '--docx', out, '--compare-with', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${bad} er ikke en gyldig strategifil: /meta/title`);
    await expect(readFile(out)).rejects.toThrow();
  }, SLOW);

  it('a part other than the whole strategy, --author without --compare-with, a bad date, or with --comments: exit 2', async () => {
    const out = path.join(work, 'never.docx');
    const part = await pejling(['export', newFile, '--docx', out, '--compare-with', oldFile, '--part', 'status', '--lang', 'en']);
    expect(part.code).toBe(2);
    expect(part.stderr).toContain("--compare-with writes the changes of the whole strategy, not of the part 'status'");
    const author = await pejling(['export', newFile, '--docx', out, '--author', 'X']);
    expect(author.code).toBe(2);
    expect(author.stderr).toContain('--author bruges kun sammen med --compare-with');
    const date = await pejling(['export', newFile, '--docx', out, '--compare-with', oldFile, '--date', '2026-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain("--date skal være en dato, der findes (ÅÅÅÅ-MM-DD), ikke '2026-02-30'");
    const comments = await pejling(['export', newFile, '--docx', out, '--compare-with', oldFile, '--comments']);
    expect(comments.code).toBe(2);
    expect(comments.stderr).toContain('--compare-with og --comments kan ikke bruges sammen');
    await expect(readFile(out)).rejects.toThrow();
  }, SLOW);
});
