// 13. Word and PDF export with verified page numbers (issue 16, "speed with right page numbers"): the table
// of contents' numbers laid out by LibreOffice and confirmed by the last layout, for a normal example
// (odder-2006, 16 pages) and the large strategy (bench/generate-large-strategy.ts), house style "kommune".
// Measured in this process through main/export/layout-pass.ts:
//   - warm: the app's state — the warm LibreOffice (main/export/office/) already running and past its first
//     document (a small one converted before timing); budgets 17 pages < 1.5 s, 245 pages < 3 s;
//   - cold: a warm-office process started for this export (what one CLI run does), no budget;
//   - one-shot: a fresh `soffice --convert-to pdf` per layout (the path without python3-uno), no budget;
//   - baseline: pandoc reading the same .docx to plain text (pandoc has no PDF engine here: no LaTeX,
//     wkhtmltopdf, weasyprint or pdfroff), in the same run.
// Also counted: how often the first layout already confirms the quick estimate, so that one layout is the
// whole check (the three examples in both house styles, and the large strategy).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StrategyFile } from '../../shared/format/schema';
import { exportDocxWithLayout, type LayoutExportResult } from '../../main/export/layout-pass';
import { findSoffice } from '../../main/export/libreoffice';
import { findUnoPython } from '../../main/export/office/find-python';
import { WarmOffice } from '../../main/export/office/warm-office';
import { loadHouseStyle } from '../../main/export/styles';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { REPO_ROOT } from '../lib/paths';
import { runCommand } from '../lib/processes';
import { median } from '../lib/stats';
import { generateLargeStrategy } from '../generate-large-strategy';

const GROUP = '13 Verified Word and PDF export';
const NOW = new Date('2026-03-02T12:00:00Z');
const EXAMPLES = ['kk-2010-2014', 'odder-2006', 'brk-2010'];

async function example(name: string): Promise<StrategyFile> {
  return JSON.parse(await readFile(join(REPO_ROOT, 'templates/examples', `${name}.json`), 'utf8')) as StrategyFile;
}

interface Run {
  ms: number;
  result: LayoutExportResult;
}

export async function measurePdfExport(ctx: BenchContext): Promise<Figure[]> {
  const soffice = await findSoffice();
  if (!soffice) {
    ctx.note('Verified Word and PDF export: LibreOffice is not installed; nothing measured.');
    return [];
  }
  const python = await findUnoPython(soffice);
  if (!python) {
    ctx.note('Verified Word and PDF export: no Python with LibreOffice’s uno module (python3-uno); only the one-shot soffice could run, not measured.');
    return [];
  }
  const dir = await mkdtemp(join(tmpdir(), 'pejling-bench-pdf-'));
  const { style, logo } = await loadHouseStyle('kommune');
  const base = { part: 'strategy' as const, style, ...(logo ? { logo } : {}), now: NOW, pageNumbers: 'libreoffice' as const };
  const warm = new WarmOffice({ soffice, python });
  const figures: Figure[] = [];
  try {
    await warm.start();
    // Past the first document: LibreOffice loads its filters and fonts then (the app has done so after its first export).
    await exportDocxWithLayout(await example('brk-2010'), { ...base, office: warm, pdf: true });

    const timed = async (strategy: StrategyFile, options: { office: WarmOffice | null; pdf: boolean }): Promise<Run> => {
      const started = performance.now();
      const result = await exportDocxWithLayout(strategy, { ...base, office: options.office, ...(options.pdf ? { pdf: true } : {}) });
      const ms = performance.now() - started;
      if (!result.verified) throw new Error(`the export's page numbers were not verified (${result.passes} layouts)`);
      if (options.pdf && !result.pdf) throw new Error('the export wrote no PDF');
      return { ms, result };
    };
    const pandoc = async (bytes: Uint8Array, name: string): Promise<number> => {
      const input = join(dir, `${name}.docx`);
      await writeFile(input, bytes);
      const run = await runCommand('pandoc', ['-f', 'docx', '-t', 'plain', '-o', join(dir, `${name}.txt`), input]);
      if (run.code !== 0) throw new Error(`pandoc failed with code ${run.code}: ${run.stderr.trim().split('\n').pop() ?? ''}`);
      return run.wallMs;
    };
    const details = (runs: Run[]) => {
      const last = runs[runs.length - 1]!.result;
      return {
        runsMs: runs.map((r) => Math.round(r.ms)),
        pages: last.pageCount,
        headings: last.headings.length,
        layouts: last.passes,
        firstLayoutAgreed: last.agreedFirst ?? false,
        engine: last.engine,
        exportMs: last.timings.exportMs,
        libreOfficeMs: last.timings.layoutMs,
      };
    };

    const documents = [
      { key: 'example', label: 'odder-2006', strategy: await example('odder-2006'), budget: { text: '< 1500 ms (17 pages), verified', maxValue: 1500 }, runs: ctx.quick ? 1 : 3 },
      { key: 'large', label: 'the large strategy', strategy: generateLargeStrategy(), budget: { text: '< 3000 ms (245 pages), verified', maxValue: 3000 }, runs: ctx.quick ? 1 : 2 },
    ];
    for (const doc of documents) {
      const word: Run[] = [];
      const pdf: Run[] = [];
      const reference: number[] = [];
      // Ours and pandoc take turns, so a change in the machine's load hits both.
      for (let i = 0; i < doc.runs; i++) {
        word.push(await timed(doc.strategy, { office: warm, pdf: false }));
        pdf.push(await timed(doc.strategy, { office: warm, pdf: true }));
        reference.push(await pandoc(word[word.length - 1]!.result.bytes, `${doc.key}-${i}`));
      }
      const pages = word[0]!.result.pageCount;
      ctx.log(`  ${doc.label} (${pages} pages), warm: Word ${word.map((r) => Math.round(r.ms)).join(', ')} ms, PDF ${pdf.map((r) => Math.round(r.ms)).join(', ')} ms; pandoc → plain ${reference.map(Math.round).join(', ')} ms`);
      const baseline = { label: 'pandoc, the same .docx → plain text', value: median(reference), unit: 'ms' };
      figures.push(
        figure({ id: `pdf.${doc.key}.word.warm`, group: GROUP, title: `Word export, ${doc.label} (${pages} pages), verified page numbers, warm LibreOffice`, value: median(word.map((r) => r.ms)), unit: 'ms', baseline, budget: doc.budget, details: details(word) }),
        figure({ id: `pdf.${doc.key}.pdf.warm`, group: GROUP, title: `Word and PDF export, ${doc.label}, verified page numbers, warm LibreOffice`, value: median(pdf.map((r) => r.ms)), unit: 'ms', baseline, budget: doc.budget, details: details(pdf) }),
      );
      if (ctx.quick) continue;

      // Cold: a warm office started for this one export (a CLI run), then stopped.
      const cold = new WarmOffice({ soffice, python });
      try {
        const started = performance.now();
        const run = await timed(doc.strategy, { office: cold, pdf: true });
        run.ms = performance.now() - started;
        figures.push(figure({ id: `pdf.${doc.key}.pdf.cold`, group: GROUP, title: `Word and PDF export, ${doc.label}, LibreOffice started for it (one CLI run)`, value: run.ms, unit: 'ms', baseline, details: details([run]) }));
      } finally {
        await cold.stop();
      }
      const oneShot = await timed(doc.strategy, { office: null, pdf: true });
      ctx.log(`  ${doc.label}: one-shot soffice ${Math.round(oneShot.ms)} ms (${oneShot.result.passes} conversions)`);
      figures.push(figure({ id: `pdf.${doc.key}.pdf.one-shot`, group: GROUP, title: `Word and PDF export, ${doc.label}, one-shot soffice per layout (without python3-uno)`, value: oneShot.ms, unit: 'ms', baseline, details: details([oneShot]) }));
    }

    // How often the first layout confirms the quick estimate (one layout is then the whole check).
    const agreed: string[] = [];
    const checked: string[] = [];
    for (const styleName of ['kommune', 'neutral']) {
      const house = await loadHouseStyle(styleName);
      for (const name of EXAMPLES) {
        const result = await exportDocxWithLayout(await example(name), { ...base, style: house.style, ...(house.logo ? { logo: house.logo } : {}), office: warm });
        checked.push(`${name}/${styleName}`);
        if (result.agreedFirst) agreed.push(`${name}/${styleName}`);
      }
    }
    const large = await exportDocxWithLayout(documents[1]!.strategy, { ...base, office: warm });
    checked.push('large/kommune');
    if (large.agreedFirst) agreed.push('large/kommune');
    figures.push(
      figure({
        id: 'pdf.first-layout-agrees',
        group: GROUP,
        title: 'Exports whose first layout confirmed the quick estimate (one layout, no rewrite)',
        value: agreed.length,
        unit: `of ${checked.length}`,
        details: { agreed, checked },
      }),
    );
    return figures;
  } finally {
    await warm.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
