// 11. Word import of a 50-page strategy: `importDocx` (main/import/import-docx.ts: read with mammoth's document
// tree, recognise the outline, build and validate the strategy) on a .docx that Pejling's own export made from a
// generated strategy of about 50 pages (6 perspectives, 32 focus areas, 90 initiatives; the export's own page
// count is reported). Baseline: mammoth converting the same file to HTML, the plain reading any import needs.
// Budget (issue 15): < 2000 ms.
import mammoth from 'mammoth';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { median } from '../lib/stats';
import { generateLargeStrategy } from '../generate-large-strategy';
import { exportStrategyDocumentInProcess } from '../../main/export/export-in-process';
import { importDocx } from '../../main/import/import-docx';
import { readDocx } from '../../main/import/read-docx';

const GROUP = '11 Word import';

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

export async function measureWordImport(ctx: BenchContext): Promise<Figure[]> {
  const strategy = generateLargeStrategy({ perspectives: 6, focusAreas: 32, initiatives: 90, owners: 40 });
  const exported = await exportStrategyDocumentInProcess(strategy, { part: 'strategy', pageNumbers: 'quick' });
  const bytes = exported.bytes;
  const repeat = ctx.quick ? 2 : 5;
  // One warm-up run each, then import and baseline take turns so that a change in the machine's load hits both.
  await importDocx(bytes);
  await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const imports: number[] = [];
  const reads: number[] = [];
  const baseline: number[] = [];
  let focusAreas = 0;
  let initiatives = 0;
  for (let run = 0; run < repeat; run++) {
    const result = await timed(() => importDocx(bytes));
    imports.push(result.ms);
    focusAreas = result.value.strategy.perspectives.reduce((n, p) => n + p.focusAreas.length, 0);
    initiatives = (result.value.strategy.actionPlans ?? []).reduce((n, p) => n + p.initiatives.length, 0);
    reads.push((await timed(() => readDocx(bytes))).ms);
    baseline.push((await timed(() => mammoth.convertToHtml({ buffer: Buffer.from(bytes) }))).ms);
  }
  ctx.log(`  word import: ${imports.map(Math.round).join(', ')} ms (reading alone ${reads.map(Math.round).join(', ')} ms); mammoth → HTML: ${baseline.map(Math.round).join(', ')} ms`);
  return [
    figure({
      id: 'import.word-50-pages',
      group: GROUP,
      title: `Word import of a ${exported.pageCount}-page strategy (read, recognise, build, validate)`,
      value: median(imports),
      unit: 'ms',
      baseline: { label: 'mammoth, .docx → HTML', value: median(baseline), unit: 'ms' },
      budget: { text: '< 2000 ms', maxValue: 2000 },
      details: {
        pages: exported.pageCount,
        docxBytes: bytes.byteLength,
        runsMs: imports.map(Math.round),
        readingMs: median(reads),
        focusAreasImported: focusAreas,
        focusAreasInSource: strategy.perspectives.reduce((n, p) => n + p.focusAreas.length, 0),
        initiativesImported: initiatives,
        initiativesInSource: (strategy.actionPlans ?? []).reduce((n, p) => n + p.initiatives.length, 0),
      },
    }),
  ];
}
