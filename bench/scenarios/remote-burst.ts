// 13. Remote edits arriving at an open editor (issue 18), in browser mode on the real server with the built renderer:
//   burst: the large strategy is open at a focus area; a colleague's replica (synced from the server, then offline)
//     types 10,000 keystrokes (runs of characters at one place, a few backspaces), half of them in that focus
//     area's text, each its own transaction, the last one a marker at the start of its first paragraph; back online, they reach the server as one update (as a reconnecting
//     client's sync step 2 does) and the server relays it. Timed in the page from the message's arrival to the
//     first frame whose editor shows the marker and the task after it (painted); budget ≤ 100 ms. Baseline: the
//     same burst applied to the bare editor stack bound to the same focus area's body (bench page), and
//     Y.applyUpdate of it in Node.
//   co-editors: then 20 stock y-websocket clients type into that focus area (one character every 150 ms each, at
//     random places); the page records every frame interval (requestAnimationFrame to the next) and long task;
//     budget: no frame over 50 ms. Baseline: the longest frame of the same page while nobody types.
// The trace replay (1.) keeps its figure, without a budget: one ProseMirror transaction per edit is what no user makes.
import type { Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { StrategyModel } from '../../shared/model';
import { encodeUpdate } from '../../shared/sync/protocol';
import { generateLargeStrategy } from '../generate-large-strategy';
import { callBench, newContext, openBenchPage } from '../lib/browser';
import { createDocument, ensureRenderer, startBrowserModeServer } from '../lib/browser-mode';
import { cdpSession, profileTop, summariseCpuProfile, type CpuProfile, type ProfileEntry } from '../lib/cdp';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { RENDERER_DIST } from '../lib/paths';
import { installBurstProbe, installOpenWatcher, startFrameWatch, stopFrameWatch, waitForBurst, type BurstTiming } from '../lib/page-probes';
import type { ChildServer } from '../lib/processes';
import { sourceMapResolver } from '../lib/source-map';
import { median, percentile, seededRandom, withTimeout } from '../lib/stats';
import { focusAreaWatch } from './open-strategy';

const GROUP = '14 Remote edits';
const EDITS = 10_000;
const CO_EDITORS = 20;
const TYPING_INTERVAL_MS = 150;
/** Messages at least this large are bursts (a single keystroke's update is a few dozen bytes). */
const BURST_MIN_BYTES = 20_000;
const MARKER = 'EftermiddagensÆndringer';
const WORDS = ['digital', 'borgeren', 'sammenhæng', 'data', 'sikkerhed', 'velfærd', 'løsning', 'gevinst', 'kommunen', 'samarbejde'];

process.setMaxListeners(Math.max(process.getMaxListeners(), 1000));

/** The texts of a focus area's body paragraphs (what y-prosemirror writes into when someone types there). */
function paragraphTexts(model: StrategyModel, focusAreaId: string): Y.XmlText[] {
  return model
    .fragment(focusAreaId, 'body')
    .toArray()
    .flatMap((block) => (block instanceof Y.XmlElement ? block.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText) : []));
}

/** A stock y-websocket client of the document, synced. */
async function syncedClient(server: ChildServer, id: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, id, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
  await withTimeout(
    new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      provider.on('sync', (synced: boolean) => synced && resolve());
    }),
    30_000,
    'a client syncing the large strategy',
  );
  return { doc, provider };
}

/**
 * A colleague's offline afternoon on `doc`: EDITS keystrokes, each its own transaction, as an editor writes them:
 * runs of 5–60 characters typed at one place (a place in the open focus area half of the time), now and then a few
 * backspaces; the marker last, at the start of the open focus area's first paragraph.
 */
function offlineAfternoon(doc: Y.Doc, openFocusAreaId: string, seed: number): void {
  const rnd = seededRandom(seed);
  const model = new StrategyModel(doc);
  const others = model
    .list('focusArea')
    .map((f) => f.id)
    .filter((id) => id !== openFocusAreaId);
  const open = paragraphTexts(model, openFocusAreaId);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const sentence = `${WORDS.join(' ')} `;
  let edits = 0;
  while (edits < EDITS - 1) {
    const texts = rnd() < 0.5 ? open : paragraphTexts(model, pick(others));
    const text = texts.length > 0 ? pick(texts) : null;
    if (!text) continue;
    let at = Math.floor(rnd() * (text.length + 1));
    const run = Math.min(EDITS - 1 - edits, 5 + Math.floor(rnd() * 56));
    const from = Math.floor(rnd() * sentence.length);
    for (let i = 0; i < run; i++) {
      if (at > 0 && rnd() < 0.1) {
        doc.transact(() => text.delete(at - 1, 1));
        at--;
      } else {
        const char = sentence[(from + i) % sentence.length]!;
        doc.transact(() => text.insert(at, char));
        at++;
      }
      edits++;
    }
  }
  doc.transact(() => open[0]!.insert(0, `${MARKER} `));
}

/** Sends one update to the document as an editor connection would, then closes. */
async function sendUpdate(server: ChildServer, id: string, update: Uint8Array): Promise<WebSocket> {
  const socket = new WebSocket(`${server.wsUrl}/${encodeURIComponent(id)}`);
  await withTimeout(new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject)), 10_000, 'connecting the colleague');
  socket.send(encodeUpdate(update));
  return socket;
}

const openResult = (page: Page) =>
  withTimeout(page.evaluate(() => (window as unknown as { __benchOpenResult: Promise<unknown> }).__benchOpenResult), 60_000, 'opening the document');

interface BurstRun {
  timing: BurstTiming;
  base: Uint8Array;
  burst: Uint8Array;
}

export async function measureRemoteBurst(ctx: BenchContext): Promise<Figure[]> {
  await ensureRenderer(ctx);
  const strategy = generateLargeStrategy();
  const watch = focusAreaWatch(strategy, 57);
  const selector = `[data-field="${watch.focusAreaId}:body"] .ProseMirror`;
  const route = (id: string) => `#/doc/${encodeURIComponent(id)}/edit/${encodeURIComponent(watch.focusAreaId)}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'pejling-bench-burst-'));
  const server = await startBrowserModeServer(ctx, dataDir);
  const browser = await ctx.browser();
  const runs: BurstRun[] = [];
  let profile: ProfileEntry[] = [];
  let frames: Awaited<ReturnType<typeof coEditorFrames>> | null = null;
  try {
    const count = ctx.quick ? 2 : 3;
    // One more run than timed: the last is under the CPU profiler (where the time goes), and then the co-editors type.
    for (let run = 0; run <= count; run++) {
      const profiled = run === count;
      const id = await createDocument(server, strategy, `stor-strategi-${run}.json`);
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.addInitScript(installOpenWatcher, watch);
        await page.addInitScript(installBurstProbe, BURST_MIN_BYTES);
        await page.goto(`${server.url}/${route(id)}`);
        await openResult(page);
        await page.waitForTimeout(500);

        const colleague = await syncedClient(server, id);
        colleague.provider.destroy();
        const base = Y.encodeStateAsUpdate(colleague.doc);
        const before = Y.encodeStateVector(colleague.doc);
        offlineAfternoon(colleague.doc, watch.focusAreaId, 7 + run);
        const burst = Y.encodeStateAsUpdate(colleague.doc, before);
        colleague.doc.destroy();

        const session = profiled ? await cdpSession(page) : null;
        const measure = async () => {
          const waiting = page.evaluate(waitForBurst, [selector, MARKER, 30_000] as [string, string, number]);
          const socket = await sendUpdate(server, id, burst);
          try {
            return await waiting;
          } finally {
            socket.close();
          }
        };
        if (session) {
          profile = (await profileTop(session, measure, { resolve: sourceMapResolver(RENDERER_DIST), top: 15 })).top;
        } else {
          runs.push({ timing: await measure(), base, burst });
        }
        ctx.log(`  remote burst ${run + 1}${profiled ? ' (profiled)' : ''}: ${(burst.length / 1024).toFixed(0)} KiB`);

        if (profiled) frames = await coEditorFrames(ctx, server, id, page, watch.focusAreaId);
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }

  // Baselines: the same bursts into the bare editor stack, and Y.applyUpdate alone in Node.
  const benchPage = await openBenchPage(browser, (await ctx.pageServer()).url);
  const bare: { shownMs: number; paintedMs: number }[] = [];
  try {
    for (const { base, burst } of runs) {
      bare.push(await callBench(benchPage, 'burstIntoEditor', toBase64(base), toBase64(burst), watch.focusAreaId, MARKER));
    }
  } finally {
    await benchPage.context().close();
  }
  const nodeApply = runs.map(({ base, burst }) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    const started = performance.now();
    Y.applyUpdate(doc, burst);
    const ms = performance.now() - started;
    doc.destroy();
    return ms;
  });

  const painted = median(runs.map((r) => r.timing.paintedMs));
  const out: Figure[] = [
    figure({
      id: 'burst.remote-10k',
      group: GROUP,
      title: `${EDITS.toLocaleString('en-US')} remote edits (one update) at the open large strategy: arrival → painted (median)`,
      value: painted,
      unit: 'ms',
      baseline: { label: 'the same burst into the bare editor stack', value: median(bare.map((b) => b.paintedMs)), unit: 'ms' },
      budget: { text: '≤ 100 ms', maxValue: 100 },
      details: {
        runs: runs.map((r) => ({ shownMs: round1(r.timing.shownMs), paintedMs: round1(r.timing.paintedMs), bytes: r.timing.bytes })),
        bare: bare.map((b) => ({ shownMs: round1(b.shownMs), paintedMs: round1(b.paintedMs) })),
        cpuProfileTop: profile,
      },
    }),
    figure({
      id: 'burst.remote-10k.node-apply',
      group: GROUP,
      title: 'The same burst: Y.applyUpdate alone in Node (median)',
      value: median(nodeApply),
      unit: 'ms',
      details: { runs: nodeApply.map(round1) },
    }),
  ];
  if (frames) {
    const longest = Math.max(...frames.typing);
    out.push(
      figure({
        id: 'burst.coeditors20.longest-frame',
        group: GROUP,
        title: `${CO_EDITORS} co-editors typing in the open focus area: longest frame`,
        value: longest,
        unit: 'ms',
        baseline: { label: 'longest frame of the same page, nobody typing', value: Math.max(...frames.idle), unit: 'ms' },
        budget: { text: 'no frame over 50 ms', maxValue: 50 },
        details: {
          frames: frames.typing.length,
          framesOver50Ms: frames.typing.filter((ms) => ms > 50).length,
          idleFramesOver50Ms: frames.idle.filter((ms) => ms > 50).length,
          p95FrameMs: round1(percentile(frames.typing, 95)),
          longTasks: frames.longTasks.length,
          longestTaskMs: frames.longTasks.length ? round1(Math.max(...frames.longTasks)) : 0,
          remoteEdits: frames.edits,
          cpuProfileTop: frames.cpuProfileTop,
        },
      }),
    );
  }
  return out;
}

/** Frame intervals of the page: first with nobody typing, then while CO_EDITORS stock clients type into the focus area. */
async function coEditorFrames(
  ctx: BenchContext,
  server: ChildServer,
  id: string,
  page: Page,
  focusAreaId: string,
): Promise<{ idle: number[]; typing: number[]; longTasks: number[]; edits: number; cpuProfileTop: ProfileEntry[] }> {
  const seconds = ctx.quick ? 4 : 8;
  const clients = await Promise.all(Array.from({ length: CO_EDITORS }, () => syncedClient(server, id)));
  await page.waitForTimeout(500);
  await page.evaluate(startFrameWatch);
  await page.waitForTimeout(2000);
  const idle = (await page.evaluate(stopFrameWatch)).intervals;
  await page.evaluate(startFrameWatch);
  // Where the page's time goes while they type (the frame intervals are timed under the profiler too: its
  // sampling costs the page little next to 20 people's edits, and the budget is about long frames, not ms).
  const session = await cdpSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  let edits = 0;
  const timers: NodeJS.Timeout[] = [];
  clients.forEach(({ doc }, index) => {
    const rnd = seededRandom(100 + index);
    const texts = paragraphTexts(new StrategyModel(doc), focusAreaId);
    const type = () => {
      const text = texts[Math.floor(rnd() * texts.length)];
      if (!text) return;
      text.insert(Math.floor(rnd() * (text.length + 1)), 'abcdefghijklmnopqrstuvwxyz '[Math.floor(rnd() * 27)]!);
      edits++;
    };
    timers.push(
      setTimeout(() => {
        type();
        timers.push(setInterval(type, TYPING_INTERVAL_MS));
      }, rnd() * TYPING_INTERVAL_MS),
    );
  });
  await page.waitForTimeout(seconds * 1000);
  for (const timer of timers) clearTimeout(timer);
  const typing = await page.evaluate(stopFrameWatch);
  const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
  const cpuProfileTop = summariseCpuProfile(profile, 15, sourceMapResolver(RENDERER_DIST)).top;
  // The whole profile (call stacks, for DevTools' Performance panel) where one is asked for.
  const keep = process.env.PEJLING_BENCH_PROFILES;
  if (keep) await writeFile(join(keep, 'coeditors.cpuprofile'), JSON.stringify(profile));
  for (const { doc, provider } of clients) {
    provider.destroy();
    doc.destroy();
  }
  ctx.log(`  ${CO_EDITORS} co-editors: ${edits} edits, longest frame ${Math.round(Math.max(...typing.intervals))} ms`);
  return { idle, typing: typing.intervals, longTasks: typing.longTasks, edits, cpuProfileTop };
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
