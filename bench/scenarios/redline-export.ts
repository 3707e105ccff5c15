// 9. Compare and redline of the large strategy (issue 13): two versions of bench/generate-large-strategy.ts's
// strategy that differ the way a consultation round changes a strategy (a tenth of the focus areas' texts
// reworded, two focus areas removed and two added, a renamed title, a sixth of the initiatives with a new
// status, ten removed and ten added initiatives). Measured in this process:
//   - compare (shared/compare) to the summary: budget < 500 ms; baseline: JSON.stringify of both
//     versions (a floor: reading every value once);
//   - the redline Word export (shared/export/docx with `compare`) with the quick page-number estimate:
//     budget < 3000 ms; baseline: the normal export of the new version, the same way, in the same run;
//   - full run: the redline export with LibreOffice's page numbers (main/export/layout-pass.ts) through the
//     warm LibreOffice (main/export/office/), budget < 3000 ms, which must end verified (the last layout
//     confirmed every page number written in the contents).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareStrategies } from '../../shared/compare/compare';
import { summaryText } from '../../shared/compare/summary';
import { exportDocxDetailed } from '../../shared/export/docx/export-docx';
import { houseStyleSchema } from '../../shared/export/house-style';
import type { StrategyFile } from '../../shared/format/schema';
import { exportDocxWithLayout } from '../../main/export/layout-pass';
import { findSoffice } from '../../main/export/libreoffice';
import { findUnoPython } from '../../main/export/office/find-python';
import { WarmOffice } from '../../main/export/office/warm-office';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { REPO_ROOT } from '../lib/paths';
import { median } from '../lib/stats';
import { generateLargeStrategy } from '../generate-large-strategy';

const GROUP = '9 Compare and redline';
const NOW = new Date('2026-03-02T12:00:00Z');

/** The new version: a deterministic edit of the old one (see the header). */
function consultationEdit(old: StrategyFile): StrategyFile {
  const next = structuredClone(old);
  let n = 0;
  for (const perspective of next.perspectives) {
    for (const focusArea of perspective.focusAreas) {
      if (n++ % 10 === 0 && typeof focusArea.body === 'string') {
        focusArea.body = focusArea.body.replace(/ skal /g, ' vil ').replace(/\n\n/, ' Det aftales i høringen.\n\n');
      }
    }
  }
  next.perspectives[0]!.focusAreas[0]!.title += ' og sikkerhed';
  next.perspectives[1]!.focusAreas.splice(0, 1);
  next.perspectives[2]!.focusAreas.splice(1, 1);
  next.perspectives[3]!.focusAreas.push({ id: 'fa-bench-new-1', title: 'Kunstig intelligens med omtanke', body: 'Vi afprøver nye værktøjer, hvor de hjælper borgerne.' });
  next.perspectives[4]!.focusAreas.unshift({ id: 'fa-bench-new-2', title: 'Fælles data om klima', body: 'Data om energi og forbrug samles ét sted.' });
  const plans = next.actionPlans ?? [];
  let k = 0;
  for (const plan of plans) for (const initiative of plan.initiatives) if (k++ % 6 === 0) initiative.status = initiative.status === 'delayed' ? 'active' : 'delayed';
  const first = plans[0]!;
  const removed = first.initiatives.splice(5, 10);
  for (let i = 0; i < 10; i++) {
    first.initiatives.push({ id: `i-bench-new-${i}`, title: `Nyt initiativ ${i + 1} fra høringen`, focusAreaIds: removed[i]?.focusAreaIds ?? [], status: 'planned' });
  }
  return next;
}

export async function measureRedline(ctx: BenchContext): Promise<Figure[]> {
  const old = generateLargeStrategy();
  const next = consultationEdit(old);
  const style = houseStyleSchema.parse(JSON.parse(await readFile(join(REPO_ROOT, 'templates/styles/kommune.json'), 'utf8')));
  const figures: Figure[] = [];

  // Compare: the first (cold) run is what a user waits for; the median of the warm ones is the steady cost.
  const runs = ctx.quick ? 3 : 7;
  const compareMs: number[] = [];
  const floorMs: number[] = [];
  let summary = '';
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    const result = compareStrategies(old, next);
    summary = summaryText(result.summary, 'da');
    compareMs.push(performance.now() - started);
    started = performance.now();
    JSON.stringify(old);
    JSON.stringify(next);
    floorMs.push(performance.now() - started);
  }
  ctx.log(`  compare: ${compareMs.map((ms) => Math.round(ms)).join(', ')} ms — ${summary}`);
  figures.push(
    figure({
      id: 'redline.compare',
      group: GROUP,
      title: 'Compare two versions of the large strategy, to the summary (first run, cold)',
      value: compareMs[0]!,
      unit: 'ms',
      baseline: { label: 'JSON.stringify of both versions', value: median(floorMs), unit: 'ms' },
      budget: { text: '< 500 ms', maxValue: 500 },
      details: { runsMs: compareMs.map((ms) => Math.round(ms)), warmMedianMs: Math.round(median(compareMs.slice(1))), summary },
    }),
  );

  // The redline export and the normal one take turns, so a change in the machine's load hits both.
  const redlineMs: number[] = [];
  const plainMs: number[] = [];
  let pages = 0;
  const exports = ctx.quick ? 1 : 3;
  for (let i = 0; i < exports; i++) {
    let started = performance.now();
    const redline = await exportDocxDetailed(next, { part: 'strategy', style, now: NOW, estimate: 'quick', compare: { old, author: 'Bench', date: '2026-03-02T12:00:00Z' } });
    redlineMs.push(performance.now() - started);
    pages = redline.pageCount;
    started = performance.now();
    await exportDocxDetailed(next, { part: 'strategy', style, now: NOW, estimate: 'quick' });
    plainMs.push(performance.now() - started);
  }
  ctx.log(`  redline export (quick estimate): ${redlineMs.map((ms) => Math.round(ms)).join(', ')} ms; normal export: ${plainMs.map((ms) => Math.round(ms)).join(', ')} ms`);
  figures.push(
    figure({
      id: 'redline.export.quick',
      group: GROUP,
      title: 'Redline Word export of the large strategy, quick page-number estimate',
      value: median(redlineMs),
      unit: 'ms',
      baseline: { label: 'normal export of the new version, same way', value: median(plainMs), unit: 'ms' },
      budget: { text: '< 3000 ms', maxValue: 3000 },
      details: { runsMs: redlineMs.map((ms) => Math.round(ms)), baselineRunsMs: plainMs.map((ms) => Math.round(ms)), estimatedPages: pages },
    }),
  );
  if (ctx.quick) {
    ctx.note('Quick mode: the redline export with LibreOffice page numbers is in the full run.');
    return figures;
  }

  // With LibreOffice's page numbers, the app's way: the warm LibreOffice (main/export/office/) already
  // running and past its first document, as after the app's first export.
  const soffice = await findSoffice();
  const python = soffice ? await findUnoPython(soffice) : undefined;
  if (!soffice || !python) {
    ctx.note(`The redline export with LibreOffice could not run: ${soffice ? 'no Python with the uno module (python3-uno)' : 'LibreOffice is not installed'}.`);
    return figures;
  }
  const office = new WarmOffice({ soffice, python });
  try {
    await office.start();
    const small = JSON.parse(await readFile(join(REPO_ROOT, 'templates/examples/brk-2010.json'), 'utf8')) as StrategyFile;
    await exportDocxWithLayout(small, { part: 'strategy', style, now: NOW, pageNumbers: 'libreoffice', office });
    const runs: { ms: number; laidOut: Awaited<ReturnType<typeof exportDocxWithLayout>> }[] = [];
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      const laidOut = await exportDocxWithLayout(next, { part: 'strategy', style, now: NOW, pageNumbers: 'libreoffice', compare: { old, author: 'Bench', date: '2026-03-02T12:00:00Z' }, office });
      runs.push({ ms: performance.now() - started, laidOut });
    }
    const { laidOut } = runs[runs.length - 1]!;
    const ms = median(runs.map((r) => r.ms));
    ctx.log(`  redline export (LibreOffice page numbers, warm): ${runs.map((r) => Math.round(r.ms)).join(', ')} ms, ${laidOut.passes} layouts, verified ${laidOut.verified}`);
    const details = {
      runsMs: runs.map((r) => Math.round(r.ms)),
      exportMs: laidOut.timings.exportMs,
      libreOfficeMs: laidOut.timings.layoutMs,
      layouts: laidOut.passes,
      firstLayoutAgreed: laidOut.agreedFirst ?? false,
      engine: laidOut.engine,
      pages: laidOut.pageCount,
      headings: laidOut.headings.length,
    };
    figures.push(
      figure({
        id: 'redline.export.libreoffice',
        group: GROUP,
        title: 'Redline export of the large strategy with LibreOffice page numbers (warm LibreOffice)',
        value: ms,
        unit: 'ms',
        baseline: { label: 'normal export of the new version, quick estimate', value: median(plainMs), unit: 'ms' },
        budget: { text: '< 3000 ms, verified', maxValue: 3000 },
        details,
      }),
      figure({
        id: 'redline.export.libreoffice.verified',
        group: GROUP,
        title: 'Redline export with LibreOffice page numbers: contents verified by the last layout (1 = yes)',
        value: runs.every((r) => r.laidOut.verified) ? 1 : 0,
        unit: 'verified',
        budget: { text: 'verified (right page numbers)', minValue: 1 },
        details,
      }),
    );
  } catch (error) {
    ctx.note(`The redline export with LibreOffice could not run: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await office.stop();
  }
  return figures;
}
