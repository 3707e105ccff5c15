// 4. Word export of the large strategy (the strategy part, house style "kommune"), each run in a child
// process (bench/export-child.ts) so its peak memory (maxRSS) is its own. Page-number modes of
// main/export/layout-pass.ts: 'quick' (our fast estimate), 'estimate' (docx's Word-like layout, the
// default without LibreOffice) and 'libreoffice' (real layout passes; the default where LibreOffice is
// installed). Baseline: pandoc converting the same content, as Markdown (bench/strategy-markdown.ts),
// to .docx with a table of contents. Quick mode runs the 'quick' mode only.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summariseCpuProfile, type CpuProfile, type ProfileEntry } from '../lib/cdp';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { REPO_ROOT } from '../lib/paths';
import { runCommand } from '../lib/processes';
import { median } from '../lib/stats';
import { generateLargeStrategy } from '../generate-large-strategy';
import { strategyToMarkdown } from '../strategy-markdown';

const GROUP = '4 Word export';
const CHILD = join(REPO_ROOT, 'bench', 'export-child.ts');
const BUDGET = { text: '< 3000 ms and faster than pandoc', maxValue: 3000, maxRatio: 1 };

interface ChildResult {
  exportMs: number;
  layoutMs: number;
  passes: number;
  pageSource: string;
  pageCount: number;
  bytes: number;
  maxRssKiB: number;
  fallbackReason?: string;
  processMs: number;
}

async function exportOnce(dir: string, json: string, mode: string, run: number, profileDir?: string): Promise<ChildResult> {
  const out = join(dir, `export-${mode}-${run}.docx`);
  const args = [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), '--import', 'tsx', CHILD, json, mode, out];
  const result = await runCommand(process.execPath, args, { timeoutMs: 600_000 });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.code !== 0 || !line.startsWith('{')) {
    throw new Error(`export (${mode}) failed with code ${result.code}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  }
  if (!existsSync(out) || statSync(out).size === 0) throw new Error(`export (${mode}) wrote no document`);
  return { ...(JSON.parse(line) as Omit<ChildResult, 'processMs'>), processMs: result.wallMs };
}

async function profileOf(dir: string): Promise<ProfileEntry[]> {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return [];
  return summariseCpuProfile(JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile, 10).top;
}

interface PandocResult {
  ms: number;
  maxRssKiB: number | null;
}

async function pandocOnce(dir: string, markdown: string, run: number): Promise<PandocResult> {
  const out = join(dir, `pandoc-${run}.docx`);
  const args = ['-f', 'markdown', '-t', 'docx', '--toc', '-o', out, markdown];
  const timed = existsSync('/usr/bin/time');
  const result = timed ? await runCommand('/usr/bin/time', ['-f', '%M', 'pandoc', ...args]) : await runCommand('pandoc', args);
  if (result.code !== 0 || !existsSync(out)) throw new Error(`pandoc failed with code ${result.code}: ${result.stderr.trim().split('\n').slice(-2).join(' / ')}`);
  const rss = timed ? Number(result.stderr.trim().split('\n').pop()) : Number.NaN;
  return { ms: result.wallMs, maxRssKiB: Number.isFinite(rss) ? rss : null };
}

export async function measureWordExport(ctx: BenchContext): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pejling-bench-export-'));
  try {
    const strategy = generateLargeStrategy();
    const json = join(dir, 'strategy.json');
    const markdown = join(dir, 'strategy.md');
    await writeFile(json, JSON.stringify(strategy));
    await writeFile(markdown, strategyToMarkdown(strategy));
    const repeat = ctx.quick ? 1 : 3;

    // Our export and pandoc take turns, so a change in the machine's load hits both.
    const quick: ChildResult[] = [];
    const pandoc: PandocResult[] = [];
    for (let run = 0; run < repeat; run++) {
      quick.push(await exportOnce(dir, json, 'quick', run));
      pandoc.push(await pandocOnce(dir, markdown, run));
    }
    ctx.log(`  export (quick estimate): ${quick.map((r) => Math.round(r.exportMs)).join(', ')} ms; pandoc: ${pandoc.map((r) => Math.round(r.ms)).join(', ')} ms`);
    const pandocMs = median(pandoc.map((r) => r.ms));
    const pandocRss = pandoc.find((r) => r.maxRssKiB !== null)?.maxRssKiB ?? null;
    const pandocBaseline = { label: 'pandoc, Markdown → .docx with contents', value: pandocMs, unit: 'ms' };
    const rssBaseline = pandocRss === null ? null : { label: 'pandoc maxRSS', value: pandocRss / 1024, unit: 'MiB' };

    // Where our export spends its time: one more run under --cpu-prof (not timed).
    let quickProfile: ProfileEntry[] = [];
    if (!ctx.quick) {
      const profileDir = join(dir, 'profile-quick');
      await exportOnce(dir, json, 'quick', 99, profileDir);
      quickProfile = await profileOf(profileDir);
    }
    const resultDetails = (r: ChildResult, profile: ProfileEntry[]) => ({
      processWallMs: Math.round(r.processMs),
      pageSource: r.pageSource,
      pages: r.pageCount,
      docxBytes: r.bytes,
      ...(r.passes ? { libreOfficePasses: r.passes, libreOfficeMs: r.layoutMs } : {}),
      ...(r.fallbackReason ? { fallbackReason: r.fallbackReason } : {}),
      ...(profile.length ? { cpuProfileTop: profile } : {}),
    });
    const quickMedian = quick.slice().sort((a, b) => a.exportMs - b.exportMs)[Math.floor((quick.length - 1) / 2)]!;
    const figures: Figure[] = [
      figure({
        id: 'export.quick',
        group: GROUP,
        title: 'Word export, large strategy, quick page-number estimate',
        value: quickMedian.exportMs,
        unit: 'ms',
        baseline: pandocBaseline,
        budget: BUDGET,
        details: { ...resultDetails(quickMedian, quickProfile), runsMs: quick.map((r) => Math.round(r.exportMs)), pandocRunsMs: pandoc.map((r) => Math.round(r.ms)) },
      }),
      figure({
        id: 'export.quick.memory',
        group: GROUP,
        title: 'Peak memory (maxRSS) of that export process',
        value: quickMedian.maxRssKiB / 1024,
        unit: 'MiB',
        baseline: rssBaseline,
      }),
    ];
    if (ctx.quick) {
      ctx.note("Quick mode: the Word export ran with the quick page-number estimate only; the 'estimate' (docx layout) and LibreOffice runs are in the full run.");
      return figures;
    }

    const estimateProfileDir = join(dir, 'profile-estimate');
    const estimate = await exportOnce(dir, json, 'estimate', 0, estimateProfileDir);
    const estimateProfile = await profileOf(estimateProfileDir);
    ctx.log(`  export (docx layout estimate, profiled): ${Math.round(estimate.exportMs)} ms`);
    figures.push(
      figure({
        id: 'export.estimate',
        group: GROUP,
        title: "Word export, 'estimate' page numbers (docx's layout; default without LibreOffice)",
        value: estimate.exportMs,
        unit: 'ms',
        baseline: pandocBaseline,
        budget: BUDGET,
        details: { ...resultDetails(estimate, estimateProfile), note: 'one run, under --cpu-prof (a few per cent slower)' },
      }),
    );
    try {
      const lo = await exportOnce(dir, json, 'libreoffice', 0);
      ctx.log(`  export (LibreOffice passes): ${Math.round(lo.exportMs)} ms`);
      figures.push(
        figure({
          id: 'export.libreoffice',
          group: GROUP,
          title: 'Word export with the LibreOffice page-number pass (default where LibreOffice is installed)',
          value: lo.exportMs,
          unit: 'ms',
          baseline: pandocBaseline,
          budget: BUDGET,
          details: resultDetails(lo, []),
        }),
        figure({
          id: 'export.libreoffice.memory',
          group: GROUP,
          title: 'Peak memory (maxRSS) of that export process (LibreOffice itself not included)',
          value: lo.maxRssKiB / 1024,
          unit: 'MiB',
          baseline: rssBaseline,
        }),
      );
    } catch (error) {
      ctx.note(`The LibreOffice export could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
