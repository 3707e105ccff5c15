// The three example strategies exported with the real CLI and read back by independent readers:
// LibreOffice lays them out (PDF), poppler reads the pages, mammoth and pandoc read the .docx.
import { access, copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrategyIndex } from '../../shared/export/strategy-index';
import type { StrategyFile } from '../../shared/format/schema';
import {
  EXAMPLES,
  docxPart,
  examplesDir,
  libreOfficePdf,
  mammothHeadings,
  pdfPages,
  pejling,
  readExample,
  repoRoot,
  run,
  squash,
  tempDir,
} from './export-helpers';

interface TocEntry {
  number: string;
  title: string;
  page: number;
}

/** The table of contents as pdftotext -layout prints it: "2.1   Title .......... 7", maybe wrapped. */
function tocEntries(pages: string[]): { entries: TocEntry[]; lastTocPage: number } {
  const first = pages.findIndex((page) => /^\s*Indhold\s*$/m.test(page));
  expect(first, 'a page with the heading "Indhold"').toBeGreaterThanOrEqual(0);
  const entries: TocEntry[] = [];
  let pending = '';
  let page = first;
  for (; page < pages.length; page++) {
    const lines = (pages[page] ?? '').split('\n');
    let found = false;
    for (const line of lines) {
      const text = line.trim();
      if (!text || text === 'Indhold') continue;
      // An unnumbered entry (a foreword) has its title straight away.
      const complete = /^(?:(\d+(?:\.\d+)*)\s+)?(.+?)\s*\.{2,}\s*(\d+)$/.exec(`${pending} ${text}`.trim());
      if (complete) {
        entries.push({ number: complete[1] ?? '', title: squash(complete[2] ?? ''), page: Number(complete[3]) });
        pending = '';
        found = true;
      } else if (/^\d+(?:\.\d+)*\s+\S/.test(text) || pending) {
        // An entry wrapped over two lines: the page number is on the next one.
        pending = `${pending} ${text}`.trim();
      }
    }
    // The table of contents ends on the page before the first page without entries.
    if (!found && page > first) break;
  }
  return { entries, lastTocPage: page - 1 };
}

/** The strategy's headings as the export writes them (title only), in order. */
function expectedTitles(strategy: StrategyFile): string[] {
  return [
    ...strategy.perspectives.flatMap((p) => [...(p.hidden ? [] : [p.title]), ...p.focusAreas.map((fa) => fa.title)]),
    ...(strategy.actionPlans ?? []).map((plan) => plan.title),
  ];
}

/** Danish quotes and apostrophes as the export writes them. */
const typographic = (text: string) =>
  text.replace(/"([^"]*)"/g, '„$1“').replace(/(\p{L})'/gu, '$1’').replace(/(?<![\d-])(\d{4})-(\d{4})(?![\d-])/g, '$1–$2');

interface Exported {
  strategy: StrategyFile;
  dir: string;
  docx: string;
  stdout: string;
  pages: string[];
  /** pdftotext without -layout: cells of a table come out whole, in reading order. */
  raw: string;
}

const exported = new Map<string, Exported>();
let work: string;

beforeAll(async () => {
  work = await tempDir('examples');
  for (const name of EXAMPLES) {
    // The test must fail when an example is missing: they are part of the product.
    await access(path.join(examplesDir, `${name}.json`));
    const dir = path.join(work, name);
    await mkdir(dir);
    const docx = path.join(dir, `${name}.docx`);
    const result = await pejling(['export', path.join(examplesDir, `${name}.json`), '--docx', docx]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The reading copy is converted on its own, so the exporter's layout pass is not what is checked.
    const copy = path.join(dir, 'read', `${name}.docx`);
    await mkdir(path.dirname(copy));
    await copyFile(docx, copy);
    const pdf = await libreOfficePdf(copy);
    const raw = await run('pdftotext', [pdf, '-']);
    exported.set(name, { strategy: await readExample(name), dir, docx, stdout: result.stdout, pages: await pdfPages(pdf), raw: raw.stdout });
  }
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(EXAMPLES)('export of %s', (name) => {
  const get = () => {
    const value = exported.get(name);
    if (!value) throw new Error(`${name} was not exported`);
    return value;
  };

  it('writes the document atomically and says where its page numbers come from', async () => {
    const { dir, stdout } = get();
    expect(await readdir(dir)).toEqual([`${name}.docx`, 'read']);
    expect(stdout).toMatch(/^Skrev .+\.docx \(\d+ sider; husstil \w+; indholdsfortegnelsens sidetal fra LibreOffice, kontrolleret\)\n$/);
  });

  it('has a table of contents whose page numbers are where LibreOffice puts the headings', () => {
    const { pages } = get();
    const { entries, lastTocPage } = tocEntries(pages);
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      const heading = squash(`${entry.number} ${entry.title}`);
      // The first body page (after the contents) that shows the numbered heading.
      const at = pages.findIndex((page, i) => i > lastTocPage && squash(page).includes(heading));
      expect(at + 1, `page of "${heading}"`).toBe(entry.page);
    }
  });

  it('lists every perspective and focus area in order, with numbers 1 / 1.1', () => {
    const { pages, strategy } = get();
    const { entries } = tocEntries(pages);
    let from = 0;
    for (const title of expectedTitles(strategy)) {
      const at = entries.findIndex((entry, i) => i >= from && entry.title === squash(typographic(title)));
      expect(at, `contents entry "${title}" after entry ${from}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    // numbered 1 / 1.1 / 1.1.1, except an unnumbered section (København's foreword), which has no number at all
    const unnumbered = new Set((strategy.sections ?? []).filter((section) => section.unnumbered).map((section) => squash(typographic(section.title))));
    for (const entry of entries) expect(entry.number, entry.title).toMatch(unnumbered.has(entry.title) ? /^$/ : /^\d+(\.\d+){0,2}$/);
    const body = squash(pages.slice(2).join('\n'));
    let position = 0;
    for (const title of expectedTitles(strategy)) {
      const at = body.indexOf(squash(typographic(title)), position);
      expect(at, `"${title}" in the body after position ${position}`).toBeGreaterThanOrEqual(0);
      position = at;
    }
  });

  it("names the initiatives' owners in the action-plan tables", () => {
    const { raw, strategy } = get();
    const index = new StrategyIndex(strategy);
    const chapter = tocEntries(get().pages).entries.find((entry) => entry.title === 'Handlingsplaner');
    const plansStart = squash(raw).lastIndexOf(`${chapter?.number} Handlingsplaner`);
    expect(plansStart).toBeGreaterThan(0);
    const plans = squash(raw).slice(plansStart);
    const owners = (strategy.actionPlans ?? []).flatMap((plan) => plan.initiatives.map((i) => i.ownerId)).filter((id): id is string => !!id);
    expect(owners.length).toBeGreaterThan(3);
    for (const id of owners) expect(plans, `owner ${id}`).toContain(squash(index.owners.get(id)?.name ?? `missing owner ${id}`));
  });

  it('says "Side X af Y" on every page after the cover, from 2 to the last (the cover has no footer)', () => {
    const { pages, strategy } = get();
    const n = pages.length;
    expect(n).toBeGreaterThan(5);
    expect(squash(pages[0] ?? '')).not.toContain('Side 1 af');
    pages.forEach((page, i) => i > 0 && expect(squash(page)).toContain(`${strategy.meta.organisation} · Side ${i + 1} af ${n}`));
  });

  it('has a heading hierarchy h1/h2/h3 without skipped levels, as mammoth reads it', async () => {
    const { docx, pages } = get();
    const headings = await mammothHeadings(docx);
    const { entries } = tocEntries(pages);
    expect(headings.map(([, text]) => squash(text))).toEqual(entries.map((entry) => entry.title));
    expect(headings.map(([level]) => level)).toEqual(entries.map((entry) => entry.number.split('.').length));
    let previous = 0;
    for (const [level] of headings) {
      expect(level).toBeLessThanOrEqual(previous + 1);
      previous = level;
    }
    expect(headings[0]?.[0]).toBe(1);
  });

  it('writes the contents as a TOC field with PAGEREF fields to bookmarked headings; verified numbers do not ask Word to update fields', async () => {
    const { docx, pages } = get();
    const [document, settings] = await Promise.all([docxPart(docx, 'word/document.xml'), docxPart(docx, 'word/settings.xml')]);
    expect(document).toContain('TOC \\h \\o &quot;1-3&quot;');
    const references = [...document.matchAll(/PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)<\/w:t>/g)];
    const { entries } = tocEntries(pages);
    // Each entry's field carries the page number LibreOffice shows (its cached result).
    expect(references.map((m) => Number(m[2]))).toEqual(entries.map((entry) => entry.page));
    for (const [, bookmark] of references) expect(document).toContain(`<w:bookmarkStart w:name="${bookmark}"`);
    // LibreOffice verified the numbers (export-layout.test.ts: estimated ones still ask).
    expect(settings).not.toContain('w:updateFields');
  });

  it('is read by pandoc without a single warning', async () => {
    const { docx, strategy } = get();
    const result = await run('pandoc', ['-f', 'docx', '-t', 'plain', docx]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(squash(result.stdout)).toContain(squash(typographic(strategy.meta.title)));
  });

  it('is accessible: language, title, author, header rows, alt text, real lists, no empty paragraphs', async () => {
    const { docx, strategy } = get();
    const [document, styles, core, numbering] = await Promise.all([
      docxPart(docx, 'word/document.xml'),
      docxPart(docx, 'word/styles.xml'),
      docxPart(docx, 'docProps/core.xml'),
      docxPart(docx, 'word/numbering.xml'),
    ]);
    expect(styles).toMatch(/<w:rPrDefault>.*<w:lang w:val="da-DK"\/>/s);
    expect(core).toContain(`<dc:title>${strategy.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${strategy.meta.organisation}</dc:creator>`);
    // Word's heading styles carry outline levels (navigation pane, TOC in LibreOffice).
    for (const [id, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
      expect(styles).toMatch(new RegExp(`w:styleId="${id}">.*?<w:outlineLvl w:val="${level}"/>.*?</w:style>`, 's'));
    }
    const tables = document.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table).toMatch(/^<w:tbl>.*?<w:tr>(?:<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader\/>)/s);
    // The house style's mark on the cover (the example has no logo of its own) is decoration, never named as the
    // organisation's logo (issue 16; the document's own logo and its alt text: export-images.test.ts).
    const pictures = document.match(/<wp:docPr [^>]*>.*?<\/wp:docPr>/gs) ?? [];
    expect(pictures.length).toBeGreaterThan(0);
    expect(pictures[0]).toMatch(/decorative[^>]*val="1"/);
    expect(pictures[0]).not.toMatch(/descr=/);
    // Lists are Word lists: bullets and numbers come from numbering definitions.
    expect(numbering).toContain('w:val="bullet"');
    expect(numbering).toContain('w:val="decimal"');
    expect((document.match(/<w:numPr>/g) ?? []).length).toBeGreaterThan(5);
    // No empty paragraphs used as spacing in the body (table cells, the TOC field and section
    // breaks hold structural paragraphs, not spacing).
    const body = document.replace(/<w:tbl>.*?<\/w:tbl>/gs, '').replace(/<w:sdt>.*?<\/w:sdt>/gs, '');
    const paragraphs = body.match(/<w:p>.*?<\/w:p>|<w:p\/>/gs) ?? [];
    const empty = paragraphs.filter((p) => !/<w:t[ >]|<w:drawing>|<w:sectPr>|<w:fldChar/.test(p));
    expect(empty).toEqual([]);
  });
});

describe('screenshots of the København example', () => {
  it('renders the cover, the contents, a focus-area page and a plan-table page as PNG', async () => {
    const kk = exported.get('kk-2010-2014');
    if (!kk) throw new Error('kk-2010-2014 was not exported');
    const { entries } = tocEntries(kk.pages);
    const focusArea = entries.find((entry) => entry.number === '4.1');
    const plan = entries.find((entry) => entry.title.startsWith('Fælles it-handlingsplan'));
    expect(focusArea && plan).toBeTruthy();
    const pdf = path.join(kk.dir, 'read', 'kk-2010-2014.pdf');
    // PEJLING_SCREENSHOTS=1 refreshes docs/screenshots; otherwise they are rendered to a temp dir.
    const outDir = process.env.PEJLING_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs/screenshots') : path.join(kk.dir, 'shots');
    await mkdir(outDir, { recursive: true });
    const shots = { cover: 1, toc: 2, 'focus-area': focusArea?.page ?? 0, 'plan-table': (plan?.page ?? 0) + 1 };
    for (const [label, page] of Object.entries(shots)) {
      const base = path.join(outDir, `export-${label}`);
      const result = await run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
      expect(result.code).toBe(0);
      const png = await readFile(`${base}.png`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(5000);
    }
  });
});
