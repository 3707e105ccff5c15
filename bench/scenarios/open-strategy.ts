// 2. The large strategy (12 perspectives, 120 focus areas, 1,000 initiatives, 150 owners) in browser mode:
// the real server with the built renderer, the document created through POST /api/documents, opened at
// #/doc/<id>/edit/<focus area>. Timed until the navigator lists every focus area, the focus area's editor
// shows its text, and a character typed into it has reached ProseMirror's document.
//   cold: a fresh page loading that URL (time from navigation start; the budgeted figure);
//   warm: the app already on its start screen, then the route changes (time from the change).
// Baseline: Y.applyUpdate of the document's state in the same page (the app page, after opening) and in
// Node. Also the renderer's JS heap after opening (CDP, after GC), and typing latency (keydown → next
// frame) in the large strategy against the same keystrokes in the bare editor stack holding the same text.
import type { Browser, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { importStrategy } from '../../shared/model';
import type { StrategyFile } from '../../shared/format/schema';
import { generateLargeStrategy } from '../generate-large-strategy';
import { callBench, newContext, openBenchPage } from '../lib/browser';
import { createDocument, ensureRenderer, startBrowserModeServer } from '../lib/browser-mode';
import { cdpSession, heapUsedAfterGc, profileTop, type ProfileEntry } from '../lib/cdp';
import type { BenchContext } from '../lib/context';
import { RENDERER_DIST } from '../lib/paths';
import { sourceMapResolver } from '../lib/source-map';
import { figure, type Figure } from '../lib/figures';
import { firstBundleFigure } from './open-bundle'; // issue 18: the first bundle's size
import { installOpenWatcher, installTypingProbe, typingSamples, type OpenTiming, type OpenWatch } from '../lib/page-probes';
import { median, percentile, withTimeout } from '../lib/stats';

const GROUP = '2 Large strategy';
const TYPED = 'Kommunen vil styrke den digitale service for borgerne og virksomhederne i hele kommunen. ';

export function focusAreaWatch(strategy: StrategyFile, index: number): OpenWatch & { paragraphs: string[] } {
  const areas = strategy.perspectives.flatMap((p) => p.focusAreas);
  const area = areas[index]!;
  const body = typeof area.body === 'string' ? area.body : '';
  return {
    focusAreaId: area.id,
    focusAreas: areas.length,
    snippet: `${area.title}.`,
    marker: 'Ø',
    // The body as the editor shows it (Markdown bold markers gone), for the bare-editor baseline.
    paragraphs: body.split('\n\n').map((p) => p.replace(/\*\*/g, '')),
  };
}

const openResult = (page: Page) =>
  withTimeout(
    page.evaluate(() => (window as unknown as { __benchOpenResult: Promise<OpenTiming> }).__benchOpenResult),
    60_000,
    'opening the document to an interactive editor',
  );

export async function coldOpen(browser: Browser, url: string, watch: OpenWatch): Promise<OpenTiming> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(installOpenWatcher, watch);
    await page.goto(url);
    return await openResult(page);
  } finally {
    await context.close();
  }
}

/** One more cold open under the CPU profiler (not timed): where opening spends its time. */
async function profiledColdOpen(browser: Browser, url: string, watch: OpenWatch): Promise<ProfileEntry[]> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(installOpenWatcher, watch);
    const session = await cdpSession(page);
    const { top } = await profileTop(
      session,
      async () => {
        await page.goto(url);
        await openResult(page);
      },
      { resolve: sourceMapResolver(RENDERER_DIST) },
    );
    return top;
  } finally {
    await context.close();
  }
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

async function typeAndMeasure(page: Page, editorSelector: string | null, chars: number): Promise<{ frame: number[]; painted: number[]; typed: string }> {
  if (editorSelector) {
    await page.click(editorSelector);
    await page.keyboard.press('Control+End');
  }
  await page.evaluate(installTypingProbe);
  const typed = TYPED.repeat(Math.ceil(chars / TYPED.length)).slice(0, chars);
  for (const char of typed) {
    await page.keyboard.type(char);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(200);
  return { ...(await page.evaluate(typingSamples)), typed };
}

export async function measureOpenStrategy(ctx: BenchContext): Promise<Figure[]> {
  await ensureRenderer(ctx);
  const large = generateLargeStrategy();
  const watch = focusAreaWatch(large, 57);
  const state = Y.encodeStateAsUpdate(importStrategy(large));
  const nodeApply: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    Y.applyUpdate(new Y.Doc(), state);
    nodeApply.push(performance.now() - started);
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'pejling-bench-open-'));
  const server = await startBrowserModeServer(ctx, dataDir);
  const browser = await ctx.browser();
  try {
    const id = await createDocument(server, large, 'stor-strategi.json');
    const route = (docId: string, focusAreaId: string) => `#/doc/${encodeURIComponent(docId)}/edit/${encodeURIComponent(focusAreaId)}`;

    // Cold opens: a fresh browser context each time.
    const coldRuns = ctx.quick ? 3 : 5;
    const cold: OpenTiming[] = [];
    const coldUrl = `${server.url}/${route(id, watch.focusAreaId)}`;
    for (let run = 0; run < coldRuns; run++) cold.push(await coldOpen(browser, coldUrl, watch));
    ctx.log(`  open (cold): ${cold.map((t) => Math.round(t.interactiveMs)).join(', ')} ms`);
    const openProfile = await profiledColdOpen(browser, coldUrl, watch);

    // Warm open from the start screen; the renderer's heap before and after; applyUpdate in that page.
    const context = await newContext(browser);
    let warm: OpenTiming;
    let heapBefore: { usedBytes: number };
    let heapAfter: { usedBytes: number };
    let pageApply: number[];
    try {
      const page = await context.newPage();
      await page.addInitScript(installOpenWatcher, watch);
      await page.goto(`${server.url}/#/`);
      await page.waitForSelector('#start-documents-heading');
      await page.waitForLoadState('networkidle');
      const session = await cdpSession(page);
      heapBefore = await heapUsedAfterGc(session);
      warm = await withTimeout(
        page.evaluate((hash) => {
          const w = window as unknown as { __benchOpen: (t0: number) => Promise<OpenTiming> };
          const result = w.__benchOpen(performance.now());
          location.hash = hash;
          return result;
        }, route(id, watch.focusAreaId)),
        60_000,
        'opening the document from the start screen',
      );
      await page.waitForTimeout(500);
      heapAfter = await heapUsedAfterGc(session);
      // The bench bundle brings its own Yjs into the page: a cold copy, like the app's first applyUpdate.
      await page.evaluate((await ctx.pageServer()).bundle);
      pageApply = await callBench(page, 'applyUpdateTimes', toBase64(state), 5);
    } finally {
      await context.close();
    }
    ctx.log(`  open (warm): ${Math.round(warm.interactiveMs)} ms; applyUpdate in page: ${pageApply.map((t) => Math.round(t)).join(', ')} ms`);

    // Typing latency: the app with the large strategy (issue 18's budget; the 100-focus-area document of earlier
    // rounds is gone: the large one is where a keystroke is dearest), and the bare editor stack with the same text.
    const chars = ctx.quick ? 25 : 60;
    const typingContext = await newContext(browser);
    let app: { frame: number[]; painted: number[]; typed: string };
    let typingProfile: ProfileEntry[] = [];
    try {
      const page = await typingContext.newPage();
      await page.addInitScript(installOpenWatcher, watch);
      await page.goto(`${server.url}/${route(id, watch.focusAreaId)}`);
      await openResult(page);
      const selector = `[data-field="${watch.focusAreaId}:body"] .ProseMirror`;
      app = await typeAndMeasure(page, selector, chars);
      const shown = (await page.textContent(selector)) ?? '';
      if (!shown.includes(app.typed.trim())) throw new Error('the app editor does not show the typed text');
      // Where a keystroke's time goes in the app: a few more keys under the CPU profiler (not timed).
      const session = await cdpSession(page);
      typingProfile = (
        await profileTop(
          session,
          async () => {
            for (const char of 'Og mere tekst her.') {
              await page.keyboard.type(char);
              await page.waitForTimeout(30);
            }
          },
          { resolve: sourceMapResolver(RENDERER_DIST) },
        )
      ).top;
    } finally {
      await typingContext.close();
    }
    const benchPage = await openBenchPage(browser, (await ctx.pageServer()).url);
    let bare: { frame: number[]; painted: number[]; typed: string };
    try {
      await callBench(benchPage, 'mountTypingEditor', watch.paragraphs);
      bare = await typeAndMeasure(benchPage, null, chars);
      if (!((await benchPage.textContent('.ProseMirror')) ?? '').includes(bare.typed.trim())) throw new Error('the bare editor does not show the typed text');
    } finally {
      await benchPage.context().close();
    }

    const coldMs = median(cold.map((t) => t.interactiveMs));
    const applyCold = pageApply[0]!;
    const openDetails = {
      runs: cold.map((t) => ({ readyMs: Math.round(t.readyMs), interactiveMs: Math.round(t.interactiveMs) })),
      checkedProseMirrorDocument: cold.every((t) => t.checkedModel),
      stateBytes: state.length,
      applyUpdateInPageMs: pageApply.map((t) => Math.round(t * 10) / 10),
      applyUpdateNodeMs: nodeApply.map((t) => Math.round(t * 10) / 10),
      focusArea: watch.focusAreaId,
      cpuProfileTop: openProfile,
    };
    return [
      await firstBundleFigure(RENDERER_DIST, GROUP), // issue 18: the first bundle's size
      figure({
        id: 'open.cold',
        group: GROUP,
        title: 'Open the large strategy to an interactive editor (page load, median)',
        value: coldMs,
        unit: 'ms',
        baseline: { label: 'Y.applyUpdate of its state, same browser (first run)', value: applyCold, unit: 'ms' },
        budget: { text: '< 1000 ms and ≤ 4 × applyUpdate', maxValue: 1000, maxRatio: 4 },
        details: openDetails,
      }),
      figure({
        id: 'open.warm',
        group: GROUP,
        title: 'Open it from the start screen (app already loaded)',
        value: warm.interactiveMs,
        unit: 'ms',
        baseline: { label: 'Y.applyUpdate, same page (first run)', value: applyCold, unit: 'ms' },
        budget: { text: '≤ 2 × applyUpdate', maxRatio: 2 },
        details: { readyMs: Math.round(warm.readyMs) },
      }),
      figure({
        id: 'open.apply-update-node',
        group: GROUP,
        title: 'Y.applyUpdate of the large strategy in Node (median of 5)',
        value: median(nodeApply),
        unit: 'ms',
        baseline: { label: 'same, in the browser page (median of 5)', value: median(pageApply), unit: 'ms' },
      }),
      figure({
        id: 'open.renderer-heap',
        group: GROUP,
        title: 'Renderer JS heap with the large strategy open (after GC)',
        value: heapAfter.usedBytes / 2 ** 20,
        unit: 'MiB',
        baseline: { label: 'start screen, same page', value: heapBefore.usedBytes / 2 ** 20, unit: 'MiB' },
      }),
      ...(['frame', 'painted'] as const).flatMap((kind) =>
        [50, 95].map((p) =>
          figure({
            id: `typing.${kind}.p${p}`,
            group: GROUP,
            title: `Typing, large strategy: keydown → ${kind === 'frame' ? 'next frame' : 'frame painted'}, p${p}`,
            value: percentile(app[kind], p),
            unit: 'ms',
            baseline: { label: `bare editor stack p${p}`, value: percentile(bare[kind], p), unit: 'ms' },
            ...(kind === 'frame' && p === 95 ? { budget: { text: '≤ 2 × bare editor stack and ≤ 10 ms', maxValue: 10, maxRatio: 2 } } : {}),
            ...(kind === 'frame' && p === 50 ? { details: { keystrokes: app[kind].length, bareKeystrokes: bare[kind].length, cpuProfileTop: typingProfile } } : {}),
          }),
        ),
      ),
    ];
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
