// What every measurement gets: the mode, a shared Chromium and bench page server (started on first
// use), the editing trace (read once) and a logger for progress lines.
import type { Browser } from '@playwright/test';
import { launchChromium } from './browser';
import { startPageServer, type PageServer } from './page-server';
import { flattenTrace, loadTrace, paragraphSteps, type EditingTrace } from './trace';

export interface BenchContext {
  quick: boolean;
  log(message: string): void;
  browser(): Promise<Browser>;
  /** The Chromium version, when a measurement launched it. */
  browserVersion(): Promise<string | undefined>;
  pageServer(): Promise<PageServer>;
  trace(): Promise<EditingTrace>;
  /** Notes for the report (fallbacks used, things skipped). */
  note(message: string): void;
  notes: string[];
  close(): Promise<void>;
}

export function createContext(options: { quick: boolean; log: (message: string) => void }): BenchContext {
  let browser: Promise<Browser> | null = null;
  let pages: Promise<PageServer> | null = null;
  let trace: Promise<EditingTrace> | null = null;
  const notes: string[] = [];
  const ctx: BenchContext = {
    quick: options.quick,
    log: options.log,
    notes,
    note(message) {
      notes.push(message);
      options.log(`note: ${message}`);
    },
    browser: () => (browser ??= launchChromium()),
    browserVersion: async () => (browser ? (await browser.catch(() => null))?.version() : undefined),
    trace: () => (trace ??= loadTrace()),
    pageServer: () =>
      (pages ??= startPageServer({
        trace: async () => JSON.stringify(flattenTrace((await ctx.trace()).edits)),
        steps: async () => {
          const { edits } = await ctx.trace();
          return JSON.stringify(paragraphSteps(edits, edits.length));
        },
      })),
    async close() {
      const [b, p] = await Promise.allSettled([browser, pages]);
      if (b.status === 'fulfilled' && b.value) await b.value.close().catch(() => undefined);
      if (p.status === 'fulfilled' && p.value) await p.value.close().catch(() => undefined);
    },
  };
  return ctx;
}
