// `npm run bench [-- --quick] [-- --only trace,open,sync,export,merge,memory]`: Pejling's performance
// budget (issue #8), each figure measured in this one run together with its baseline. Prints the table and
// writes bench/results/latest.json and latest.md (a run limited with --only writes to the temp dir instead,
// so it never replaces a complete result). bench/README.md explains how to read them.
//
// Exit status: 0 when every measurement ran (missed budgets included: they are findings, not failures);
// 1 when a measurement failed; 2 for wrong use.
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, type BenchContext } from './lib/context';
import { failedFigure, type Figure } from './lib/figures';
import { stopAll } from './lib/processes';
import { buildReport, formatTable, writeReport } from './lib/report';
import { measureEditingTrace } from './scenarios/editing-trace';
import { measureOfflineMerge } from './scenarios/offline-merge';
import { measureOpenStrategy } from './scenarios/open-strategy';
import { measureServerMemory } from './scenarios/server-memory';
import { measureSoak } from './scenarios/soak';
import { measureSyncLatency } from './scenarios/sync-latency';
import { measureWordExport } from './scenarios/word-export';
import { measureExportSync } from './scenarios/export-sync';
import { measureCommentsOpen } from './scenarios/comments-open';
import { measureRedline } from './scenarios/redline-export';
import { measureWordImport } from './scenarios/word-import';
import { measureVersionsCompare } from './scenarios/versions-compare';
import { measureTypingSuggestions } from './scenarios/typing-suggestions';
import { measurePdfExport } from './scenarios/pdf-export';
import { measureRemoteBurst } from './scenarios/remote-burst';

interface Scenario {
  key: string;
  group: string;
  run: (ctx: BenchContext) => Promise<Figure[]>;
  /** Reported when the whole measurement fails. */
  failure: { id: string; title: string; unit: string; budget?: string };
}

const SCENARIOS: Scenario[] = [
  { key: 'trace', group: '1 Editing trace', run: measureEditingTrace, failure: { id: 'trace.editor-rate', title: 'Trace replay through the editor stack', unit: 'edits/s' } },
  { key: 'open', group: '2 Large strategy', run: measureOpenStrategy, failure: { id: 'open.cold', title: 'Open the large strategy to an interactive editor', unit: 'ms', budget: '< 1000 ms and ≤ 4 × applyUpdate' } },
  { key: 'sync', group: '3 Sync latency', run: measureSyncLatency, failure: { id: 'sync.node20.p95', title: 'Sync latency, 20 typing clients, p95', unit: 'ms', budget: 'p95 < 30 ms and < 2 × bare relay' } },
  { key: 'export', group: '4 Word export', run: measureWordExport, failure: { id: 'export.quick', title: 'Word export of the large strategy', unit: 'ms', budget: '< 3000 ms and faster than pandoc' } },
  { key: 'merge', group: '5 Offline merge', run: measureOfflineMerge, failure: { id: 'merge.exchange', title: 'Offline merge of 2 × 10,000 edits', unit: 'ms', budget: '< 1000 ms' } },
  { key: 'memory', group: '6 Server memory', run: measureServerMemory, failure: { id: 'server.memory-per-document', title: 'Server memory per document and connection', unit: 'KiB' } },
  { key: 'export-sync', group: '7 Sync during export', run: measureExportSync, failure: { id: 'export.sync-during.p95', title: 'Sync p95 while a large export runs', unit: 'ms', budget: 'p95 < 100 ms' } },
  { key: 'redline', group: '9 Compare and redline', run: measureRedline, failure: { id: 'redline.compare', title: 'Compare two versions of the large strategy', unit: 'ms', budget: '< 500 ms' } },
  { key: 'import', group: '11 Word import', run: measureWordImport, failure: { id: 'import.word-50-pages', title: 'Word import of a 50-page strategy', unit: 'ms', budget: '< 2000 ms' } },
  { key: 'versions', group: '12 Compare versions in the app', run: measureVersionsCompare, failure: { id: 'versions.compare-marked', title: 'Compare two versions of the large strategy to the marked editor', unit: 'ms', budget: '< 500 ms to the summary, < 1000 ms to the marked editor' } },
  { key: 'pdf', group: '13 Verified Word and PDF export', run: measurePdfExport, failure: { id: 'pdf.example.pdf.warm', title: 'Word and PDF export with verified page numbers, warm LibreOffice', unit: 'ms', budget: '< 1500 ms (17 pages), < 3000 ms (245 pages)' } },
  { key: 'burst', group: '14 Remote edits', run: measureRemoteBurst, failure: { id: 'burst.remote-10k', title: '10,000 remote edits at the open large strategy', unit: 'ms', budget: '≤ 100 ms' } },
  { key: 'soak', group: '8 Durability soak', run: measureSoak, failure: { id: 'soak.acknowledged-lost', title: 'Durability soak: acknowledged edits lost over ≥ 1,000 SIGKILLs', unit: 'edits', budget: '0' } },
  { key: 'suggestions', group: '15 Suggestions', run: measureTypingSuggestions, failure: { id: 'suggestions.typing.frame.p95', title: 'Typing in suggestion mode, p95', unit: 'ms', budget: '≤ 1.5 × without suggestion mode' } },
  { key: 'comments', group: '10 Comments', run: measureCommentsOpen, failure: { id: 'comments.open.cold', title: 'Open the large strategy with 500 comment threads', unit: 'ms', budget: '≤ 1.2 × without threads' } },
];

function parseArgs(args: string[]): { quick: boolean; only: Set<string> | null } {
  let quick = false;
  let only: Set<string> | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      const keys = (value ?? '').split(',').filter(Boolean);
      const unknown = keys.filter((k) => !SCENARIOS.some((s) => s.key === k));
      if (keys.length === 0 || unknown.length > 0) {
        throw new Error(`--only takes a comma-separated list of ${SCENARIOS.map((s) => s.key).join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
      }
      only = new Set(keys);
    } else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run bench [-- --quick] [-- --only trace,open,sync,export,merge,memory]');
      process.exit(0);
    } else {
      throw new Error(`Unknown option '${arg}'. Usage: npm run bench [-- --quick] [-- --only ${SCENARIOS.map((s) => s.key).join(',')}]`);
    }
  }
  return { quick, only };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 2;
  }
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg();
  const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const ctx = createContext({ quick: options.quick, log });
  const stop = () => {
    void Promise.allSettled([ctx.close(), stopAll()]).then(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  log(`Pejling benchmark, ${options.quick ? 'quick' : 'full'} run`);
  const figures: Figure[] = [];
  let chromium: string | undefined;
  try {
    for (const scenario of SCENARIOS) {
      if (options.only && !options.only.has(scenario.key)) continue;
      log(`${scenario.group} …`);
      const scenarioStart = performance.now();
      try {
        figures.push(...(await scenario.run(ctx)));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`${scenario.group} FAILED: ${message}`);
        const f = scenario.failure;
        figures.push(failedFigure(f.id, scenario.group, f.title, f.unit, error, f.budget ? { text: f.budget } : undefined));
        await stopAll();
      }
      log(`${scenario.group} done in ${Math.round((performance.now() - scenarioStart) / 1000)} s`);
    }
    chromium = await ctx.browserVersion();
  } finally {
    await ctx.close();
    await stopAll();
  }

  const cpuList = cpus();
  const report = buildReport(
    {
      mode: options.quick ? 'quick' : 'full',
      startedAt,
      durationMs: performance.now() - started,
      machine: {
        cpus: cpuList.length,
        cpuModel: cpuList[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadavg(),
        node: process.version,
        ...(chromium ? { chromium } : {}),
      },
      notes: ctx.notes,
    },
    figures,
  );
  console.log(`\n${formatTable(report)}\n`);
  const written = await writeReport(report, options.only ? join(tmpdir(), 'pejling-bench-partial') : undefined);
  console.log(`Wrote ${written.json} and ${written.markdown}`);
  return report.budgets.errors > 0 ? 1 : 0;
}

process.exitCode = await main();
