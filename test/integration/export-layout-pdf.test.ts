// Layout of the exported documents as LibreOffice lays them out (issue 16): the examples through the real
// CLI to PDF, read back with poppler (`pdftotext -bbox-layout`: every word with its box). Each test here
// failed on the export before its fix; the .docx XML checks are in export-layout.test.ts.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StrategyIndex } from '../../shared/export/strategy-index';
import { initiativeStatusLabel, typeset } from '../../shared/export/typography';
import type { StrategyFile } from '../../shared/format/schema';
import { buildStatusReport } from '../../shared/report/status-report';
import { EXAMPLES, examplesDir, pejling, readExample, repoRoot, run, tempDir } from './export-helpers';
import { pdfLines, type PdfWord } from './export-layout-helpers';

// Each test lays a document out with LibreOffice (several seconds, more on a busy machine).
vi.setConfig({ testTimeout: 240_000 });

let work: string;
const pdfs = new Map<string, PdfWord[][][]>();

async function exportPdf(name: string, file: string, args: string[] = []): Promise<void> {
  const out = path.join(work, `${name}.pdf`);
  const result = await pejling(['export', file, '--pdf', out, ...args]);
  if (result.code !== 0) throw new Error(`export of ${name} failed: ${result.stderr}`);
  pdfs.set(name, await pdfLines(out));
}

const pagesOf = (name: string): PdfWord[][][] => {
  const pages = pdfs.get(name);
  if (!pages) throw new Error(`${name} was not exported`);
  return pages;
};

beforeAll(async () => {
  work = await tempDir('layout-pdf');
});

/** An example exported to PDF once, for the tests that read it. */
async function example(name: string): Promise<PdfWord[][][]> {
  if (!pdfs.has(name)) await exportPdf(name, path.join(examplesDir, `${name}.json`));
  return pagesOf(name);
}

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('heading numbers', () => {
  it.each(['kk-2010-2014', 'odder-2006'])('%s: the gap after the number is the same for every heading (1 and 10, 3 and 3.1)', async (name) => {
    const pages = await example(name);
    // Body pages only (page 2 is the contents, whose tab stops line the titles up on purpose).
    const gaps: { heading: string; em: number }[] = [];
    for (const page of pages.slice(2)) {
      for (const line of page) {
        const [number, first] = line;
        if (!number || !first || !/^\d+(\.\d+){0,2}$/.test(number.text)) continue;
        const size = number.yMax - number.yMin;
        // Headings are set larger than the body (a numbered list item "1." does not match the pattern).
        if (size < 14) continue;
        gaps.push({ heading: `${number.text} ${first.text}`, em: (first.xMin - number.xMax) / size });
      }
    }
    expect(gaps.length).toBeGreaterThan(10);
    const ems = gaps.map((gap) => gap.em);
    const spread = Math.max(...ems) - Math.min(...ems);
    expect(spread, JSON.stringify(gaps)).toBeLessThan(0.06);
  });
});

/** A strategy whose plans have 6 to 17 initiatives of varying heights, each plan's table on pages of its own. */
function manyPlans(base: StrategyFile): StrategyFile {
  const strategy = structuredClone(base);
  const focusAreas = strategy.perspectives.flatMap((p) => p.focusAreas.map((fa) => fa.id));
  strategy.actionPlans = Array.from({ length: 12 }, (_, p) => ({
    id: `plan-${p + 1}`,
    title: `Plan ${p + 1}`,
    kind: 'common' as const,
    period: { from: 2011, to: 2012 },
    initiatives: Array.from({ length: 6 + p }, (_, i) => ({
      id: `plan-${p + 1}-i${i + 1}`,
      title: `Tiltag P${p + 1}N${i + 1} om fælles løsninger`,
      description: 'Forvaltningerne samler deres løsninger og processer, så borgerne møder én indgang. '.repeat(1 + ((i + p) % 4)),
      focusAreaIds: [focusAreas[(i + p) % focusAreas.length] ?? ''],
      status: 'planned' as const,
      priority: 1 + (i % 3),
    })),
  }));
  return strategy;
}

describe('plan tables across pages', () => {
  it('never leaves a table’s last row alone on a page of its own (and the header row repeats)', async () => {
    const file = path.join(work, 'many-plans.json');
    await writeFile(file, JSON.stringify(manyPlans(await readExample('brk-2010'))));
    await exportPdf('many-plans', file);
    const pages = pagesOf('many-plans');
    const rowsOnPage = (page: PdfWord[][]) => page.flat().map((word) => /^P(\d+)N(\d+)$/.exec(word.text)).filter((m): m is RegExpExecArray => m !== null);
    const spans: { plan: number; page: number; rows: number; header: boolean }[] = [];
    pages.forEach((page, index) => {
      const rows = rowsOnPage(page);
      for (const plan of new Set(rows.map((m) => Number(m[1])))) {
        const header = page.some((line) => line.some((word) => word.text === 'Indsatsområde(r)'));
        spans.push({ plan, page: index + 1, rows: rows.filter((m) => Number(m[1]) === plan).length, header });
      }
    });
    const continued = spans.filter((span, i) => spans.findIndex((s) => s.plan === span.plan) !== i);
    // The case under test happens: several tables run onto a second page.
    expect(continued.length).toBeGreaterThan(3);
    for (const span of continued) {
      expect(span.rows, `plan ${span.plan} on page ${span.page}`).toBeGreaterThan(1);
      expect(span.header, `header row of plan ${span.plan} on page ${span.page}`).toBe(true);
    }
  });
});

describe('the status report', () => {
  it('breaks no name, status or title in the middle of a word', async () => {
    const kk = await readExample('kk-2010-2014');
    await exportPdf('kk-status', path.join(examplesDir, 'kk-2010-2014.json'), ['--part', 'status']);
    const words = new Set(pagesOf('kk-status').flat(2).map((word) => word.text));
    const index = new StrategyIndex(kk);
    const report = buildStatusReport(kk, {});
    const shown = report.groups.flatMap((group) =>
      group.focusAreas.flatMap((area) =>
        area.initiatives.flatMap((entry) => [entry.initiative.title, index.ownerLabel(entry.initiative.ownerId), initiativeStatusLabel(entry.status, 'da'), entry.plan.title]),
      ),
    );
    // A line may break at a space and after a hyphen or a dash, never inside a word: each word is in the
    // PDF whole, or as its pieces between hyphens.
    const expected = [...new Set(shown.flatMap((text) => typeset(text).split(/\s+/)))].filter((word) => word !== '');
    expect(expected.length).toBeGreaterThan(40);
    const found = (word: string) => words.has(word) || word.split(/(?<=[-–])/).every((piece) => words.has(piece));
    expect(expected.filter((word) => !found(word))).toEqual([]);
  });
});

describe('the running header', () => {
  it('keeps a long title on one line, shortened with an ellipsis', async () => {
    const strategy = structuredClone(await readExample('kk-2010-2014'));
    strategy.meta.title = `Digitaliseringsstrategi for Københavns Kommune 2010-2014: ${'sammenhængende digitale løsninger for borgere, virksomheder og medarbejdere i alle forvaltninger, '.repeat(3)}og mere`;
    const file = path.join(work, 'long-title.json');
    await writeFile(file, JSON.stringify(strategy));
    await exportPdf('long-title', file);
    const pages = pagesOf('long-title');
    // The header is the text above the first heading of a body page (page 3): its lines, by their top.
    for (const page of [pages[2], pages.at(-1)]) {
      const tops = [...new Set((page ?? []).filter((line) => (line[0]?.yMax ?? 999) < 75).map((line) => Math.round(line[0]?.yMin ?? 0)))];
      expect(tops.length).toBe(1);
      const header = (page ?? []).filter((line) => (line[0]?.yMax ?? 999) < 75).flat().map((word) => word.text).join(' ');
      expect(header).toMatch(/^Digitaliseringsstrategi for Københavns Kommune 2010–2014: .*…$/);
    }
  });
});

// PEJLING_SCREENSHOTS=1 writes PNG renders (50 dpi) of the three examples: the cover, the first chapter, a
// plan table and the status report, to docs/screenshots/export-layout-<example>-<page>.png, to be looked at.
describe.runIf(process.env.PEJLING_SCREENSHOTS === '1')('renders for looking at', () => {
  it.each(EXAMPLES)('%s: cover, a chapter, a plan table and the status report as PNG', async (name: string) => {
    const pages = await example(name);
    await exportPdf(`${name}-status`, path.join(examplesDir, `${name}.json`), ['--part', 'status']);
    const strategy = await readExample(name);
    const text = (page: PdfWord[][] | undefined) => (page ?? []).map((line) => line.map((w) => w.text).join(' '));
    const chapter = strategy.perspectives.find((p) => !p.hidden)?.title ?? strategy.perspectives[0]?.focusAreas[0]?.title ?? '';
    const chapterPage = pages.findIndex((page, i) => i > 1 && text(page).some((line) => line.endsWith(chapter.split(' ').slice(-2).join(' '))));
    const planPage = pages.findIndex((page) => page.some((line) => line.some((word) => word.text === 'Indsatsområde(r)')));
    const shots: [string, string, number][] = [
      ['cover', name, 1],
      ['chapter', name, chapterPage + 1],
      ['plan', name, planPage + 1],
      ['status', `${name}-status`, 1],
    ];
    for (const [label, pdf, page] of shots) {
      expect(page, label).toBeGreaterThan(0);
      const out = path.join(repoRoot, 'docs/screenshots', `export-layout-${name}-${label}`);
      const result = await run('pdftoppm', ['-r', '50', '-png', '-singlefile', '-f', String(page), '-l', String(page), path.join(work, `${pdf}.pdf`), out]);
      expect(result.code, result.stderr).toBe(0);
    }
  });
});
