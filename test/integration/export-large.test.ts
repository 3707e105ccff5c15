// A large strategy (12 perspectives, 120 focus areas of 3 paragraphs, 1,000 initiatives, 150
// owners) exports in reasonable time, and its table of contents points at the right pages.
// The LibreOffice pass on it takes tens of seconds on this machine, so it runs only with
// PEJLING_BENCH=1 (docs/export.md has the figures and the command).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocxWithLayout, type PageNumberMode } from '../../main/export/layout-pass';
import { loadHouseStyle } from '../../main/export/styles';
import type { StrategyFile } from '../../shared/format/schema';
import { largeStrategy, libreOfficePdf, pdfPages, run, squash, tempDir } from './export-helpers';

let work: string;
let strategy: StrategyFile;

beforeAll(async () => {
  work = await tempDir('large');
  strategy = largeStrategy();
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function timedExport(mode: PageNumberMode) {
  const { style, logo } = await loadHouseStyle('kommune');
  const started = performance.now();
  const result = await exportDocxWithLayout(strategy, { part: 'strategy', style, ...(logo ? { logo } : {}), pageNumbers: mode });
  const ms = Math.round(performance.now() - started);
  console.log(
    `large strategy, page numbers '${mode}': ${ms} ms in all (page numbers inside the export ${result.pageNumberMs} ms, ` +
      `LibreOffice ${result.timings.layoutMs} ms in ${result.passes} passes), ${result.pageCount} pages, source ${result.pageSource}`,
  );
  return { result, ms };
}

describe('a large strategy', () => {
  it('has the size the brief asks for', () => {
    const focusAreas = strategy.perspectives.flatMap((p) => p.focusAreas);
    expect(strategy.perspectives).toHaveLength(12);
    expect(focusAreas).toHaveLength(120);
    expect(focusAreas.every((fa) => typeof fa.body === 'string' && fa.body.split('\n\n').length === 3)).toBe(true);
    expect((strategy.actionPlans ?? []).flatMap((p) => p.initiatives)).toHaveLength(1000);
    expect(strategy.owners).toHaveLength(150);
  });

  it('exports with the quick estimate (its speed is a bench figure), and pandoc reads all of it', async () => {
    const { result } = await timedExport('quick');
    expect(result.pageSource).toBe('quick');
    expect(result.headings).toHaveLength(1 + 1 + 12 * 11 + 1 + 4);
    const file = path.join(work, 'quick.docx');
    await writeFile(file, result.bytes);
    const text = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file]);
    expect(text.stderr).toBe('');
    const body = squash(text.stdout);
    for (const plan of strategy.actionPlans ?? []) {
      const last = plan.initiatives[plan.initiatives.length - 1];
      expect(body).toContain(squash(last?.title ?? '?'));
    }
    // Rough but in order: the estimate never puts a heading before the one above it.
    const pages = result.headings.map((h) => h.page);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  it.runIf(process.env.PEJLING_BENCH === '1')(
    'with LibreOffice: the contents page numbers match the laid-out pages (and the timings are printed)',
    async () => {
      const { result } = await timedExport('libreoffice');
      expect(result.pageSource).toBe('measured');
      expect(result.verified).toBe(true);
      await timedExport('estimate');
      const dir = path.join(work, 'lo');
      await mkdir(dir);
      const file = path.join(dir, 'large.docx');
      await writeFile(file, result.bytes);
      const pages = await pdfPages(await libreOfficePdf(file));
      expect(pages).toHaveLength(result.pageCount);
      for (const heading of result.headings) {
        const text = squash(pages[heading.page - 1] ?? '');
        expect(text, `${heading.number} ${heading.title}`).toContain(squash(`${heading.number} ${heading.title}`));
      }
    },
    600_000,
  );
});
