// 3. Sync latency through `pejling server` (the real command, a child process with a temp data dir):
// from a keystroke in one client to the change being visible in another. Node clients (stock
// y-websocket WebsocketProvider) with 2 and with 20 clients, each typing one character every 150 ms at
// a random place in a shared Y.Text; and two Chromium pages with the editor stack (keystroke in one
// page to the character in the other page's DOM). Baseline: the same load through the bare relay
// (bench/bare-relay.ts). The two servers take turns, so a change in the machine's load hits both.
//
// The server writes every update durably (fdatasync) before relaying it, so its latency has this disk's
// flush latency as a floor: measured here too, and the 20-client run is repeated with the server's data
// on tmpfs (/dev/shm, where a flush costs nothing) to tell the disk's share from the server's own.
import { existsSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BenchContext } from '../lib/context';
import { callBench, openBenchPage } from '../lib/browser';
import { summariseCpuProfile, type CpuProfile, type ProfileEntry } from '../lib/cdp';
import { figure, type Figure } from '../lib/figures';
import { startBareRelay, startPejlingServer, type ChildServer } from '../lib/processes';
import { percentile } from '../lib/stats';

const GROUP = '3 Sync latency';
// Each stock WebsocketProvider adds a process 'exit' listener (to say goodbye to the server); hundreds are expected here.
process.setMaxListeners(Math.max(process.getMaxListeners(), 1000));
const TYPING_INTERVAL_MS = 150;
const WARMUP_MS = 500;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzæøå ';
// Playwright types characters outside its US key layout (æ, ø, å) without a keydown; the pages get ASCII.
const KEYS = 'abcdefghijklmnopqrstuvwxyz';

interface Run {
  samples: number[];
  edits: number;
  /** Deliveries expected (edits × other clients) that never arrived. */
  missing: number;
}

function waitForSync(provider: WebsocketProvider, what: string): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no sync within 20 s`)), 20_000);
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** `clients` Node clients in one room, each typing a character every 150 ms for `durationMs`. */
async function nodeTyping(server: ChildServer, room: string, clients: number, durationMs: number): Promise<Run> {
  const sent = new Map<string, number>();
  const samples: number[] = [];
  let measuring = false;
  const peers = Array.from({ length: clients }, () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.wsUrl, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== provider || !measuring) return;
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        const at = sent.get(`${struct.id.client}:${struct.id.clock}`);
        if (at !== undefined) samples.push(now - at);
      }
    });
    return { doc, provider };
  });
  await Promise.all(peers.map((p, i) => waitForSync(p.provider, `${server.name} client ${i + 1}`)));

  let edits = 0;
  const timers: NodeJS.Timeout[] = [];
  const started = performance.now();
  for (const { doc } of peers) {
    const type = () => {
      const text = doc.getText('typing');
      const clock = Y.getState(doc.store, doc.clientID);
      const at = Math.floor(Math.random() * (text.length + 1));
      const char = ALPHABET[Math.floor(Math.random() * ALPHABET.length)]!;
      const now = performance.now();
      if (now - started >= WARMUP_MS) {
        measuring = true;
        sent.set(`${doc.clientID}:${clock}`, now);
        edits++;
      }
      text.insert(at, char);
    };
    // Each client starts at its own moment, as people do.
    timers.push(
      setTimeout(() => {
        type();
        timers.push(setInterval(type, TYPING_INTERVAL_MS));
      }, Math.random() * TYPING_INTERVAL_MS),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS + durationMs));
  for (const timer of timers) clearTimeout(timer);
  // Let the last keystrokes arrive.
  const expected = edits * (clients - 1);
  const deadline = performance.now() + 5_000;
  while (samples.length < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const texts = new Set(peers.map((p) => p.doc.getText('typing').toString()));
  for (const { doc, provider } of peers) {
    provider.destroy();
    doc.destroy();
  }
  if (texts.size !== 1) throw new Error(`${server.name}: the ${clients} clients did not converge`);
  return { samples, edits, missing: expected - samples.length };
}

/** Two Chromium pages in one room; one types `chars` characters, 150 ms apart; keystroke → other DOM. */
async function chromiumTyping(ctx: BenchContext, server: ChildServer, room: string, chars: number): Promise<Run> {
  const pages = await ctx.pageServer();
  const browser = await ctx.browser();
  const typist = await openBenchPage(browser, pages.url);
  const watcher = await openBenchPage(browser, pages.url);
  try {
    await callBench(typist, 'joinSync', server.wsUrl, room);
    await callBench(watcher, 'joinSync', server.wsUrl, room);
    await callBench(typist, 'focusSyncEditor');
    let typed = '';
    for (let i = 0; i < chars; i++) {
      const char = KEYS[i % KEYS.length]!;
      await typist.keyboard.type(char);
      typed += char;
      await new Promise((resolve) => setTimeout(resolve, TYPING_INTERVAL_MS));
    }
    await watcher.waitForFunction((n) => (window as unknown as { pejlingBench: { syncLog(): { arrivals: number[] } } }).pejlingBench.syncLog().arrivals.length >= n, chars, { timeout: 10_000 });
    const sentLog = await callBench(typist, 'syncLog');
    const seenLog = await callBench(watcher, 'syncLog');
    if (seenLog.text !== typed) throw new Error(`${server.name}: the watching page shows "${seenLog.text}", not the typed "${typed}"`);
    if (sentLog.keydowns.length !== chars) throw new Error(`${server.name}: ${sentLog.keydowns.length} keydowns for ${chars} keystrokes`);
    const samples = sentLog.keydowns.map((at, i) => seenLog.arrivals[i]! - at);
    return { samples, edits: chars, missing: 0 };
  } finally {
    await typist.context().close();
    await watcher.context().close();
  }
}

/** Latency of appending a small record and flushing it (fdatasync) in `dir`, as the server's log does. */
async function flushLatency(dir: string, count: number): Promise<number[]> {
  const handle = await open(join(dir, 'flush-probe.log'), 'a');
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await handle.write(Buffer.alloc(48, i));
      await handle.datasync();
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  } finally {
    await handle.close();
  }
  return times;
}

function summary(run: Run[]): { p50: number; p95: number; p99: number; samples: number; edits: number; missing: number } {
  const samples = run.flatMap((r) => r.samples);
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    samples: samples.length,
    edits: run.reduce((n, r) => n + r.edits, 0),
    missing: run.reduce((n, r) => n + r.missing, 0),
  };
}

export async function measureSyncLatency(ctx: BenchContext): Promise<Figure[]> {
  const rounds = ctx.quick ? 1 : 2;
  const twoMs = ctx.quick ? 3_000 : 5_000;
  const twentyMs = ctx.quick ? 4_000 : 6_000;
  const chars = ctx.quick ? 20 : 30;
  const dataDir = await mkdtemp(join(tmpdir(), 'pejling-bench-sync-'));
  const shmDir = existsSync('/dev/shm') ? await mkdtemp('/dev/shm/pejling-bench-sync-') : null;
  const servers = [await startPejlingServer(join(dataDir, 'data')), await startBareRelay()] as const;
  const results = new Map<string, Run[]>();
  const add = (key: string, run: Run) => results.set(key, [...(results.get(key) ?? []), run]);
  let flush: number[] = [];
  let serverProfile: ProfileEntry[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const server of servers) {
        const tag = server === servers[0] ? 'pejling' : 'bare';
        add(`${tag}:node2`, await nodeTyping(server, `bench-sync-2-r${round}`, 2, twoMs));
        add(`${tag}:node20`, await nodeTyping(server, `bench-sync-20-r${round}`, 20, twentyMs));
        add(`${tag}:chromium`, await chromiumTyping(ctx, server, `bench-sync-chromium-r${round}`, chars));
        ctx.log(`  sync round ${round}, ${server.name}: done`);
      }
      flush = flush.concat(await flushLatency(dataDir, ctx.quick ? 60 : 100));
    }
    if (shmDir) {
      // Under the server's CPU profiler: with the disk out of the way, what the server itself spends.
      const onTmpfs = await startPejlingServer(join(shmDir, 'data'));
      try {
        const { result, profile } = await onTmpfs.profile(() => nodeTyping(onTmpfs, 'bench-sync-20-tmpfs', 20, twentyMs));
        add('tmpfs:node20', result);
        serverProfile = summariseCpuProfile(profile as CpuProfile, 12).top;
      } finally {
        await onTmpfs.stop();
      }
    }
  } finally {
    for (const server of servers) await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (shmDir) await rm(shmDir, { recursive: true, force: true });
  }

  const figures: Figure[] = [];
  const configs = [
    ['node2', '2 Node clients typing', null],
    ['node20', '20 Node clients typing', { text: 'p95 < 30 ms and < 2 × bare relay', maxValue: 30, maxRatio: 2 }],
    ['chromium', '2 Chromium pages, keystroke → other page’s DOM', null],
  ] as const;
  for (const [key, label, budget] of configs) {
    const ours = summary(results.get(`pejling:${key}`) ?? []);
    const bare = summary(results.get(`bare:${key}`) ?? []);
    const details = { pejling: ours, bareRelay: bare };
    for (const p of ['p50', 'p95', 'p99'] as const) {
      figures.push(
        figure({
          id: `sync.${key}.${p}`,
          group: GROUP,
          title: `${label}: ${p}`,
          value: ours[p],
          unit: 'ms',
          baseline: { label: `bare relay ${p}`, value: bare[p], unit: 'ms' },
          budget: p === 'p95' ? budget : null,
          ...(p === 'p95' ? { details } : {}),
        }),
      );
    }
  }
  const bare20 = summary(results.get('bare:node20') ?? []);
  if (shmDir) {
    const tmpfs = summary(results.get('tmpfs:node20') ?? []);
    figures.push(
      figure({
        id: 'sync.node20.p95-tmpfs',
        group: GROUP,
        title: '20 Node clients, server data on tmpfs (no flush cost): p95',
        value: tmpfs.p95,
        unit: 'ms',
        baseline: { label: 'bare relay p95', value: bare20.p95, unit: 'ms' },
        details: { pejlingOnTmpfs: tmpfs, serverCpuProfileTop: serverProfile },
      }),
    );
  }
  figures.push(
    figure({
      id: 'sync.disk-flush.p95',
      group: GROUP,
      title: 'This disk: append + fdatasync of a small record, p95 (the durable write before relay)',
      value: percentile(flush, 95),
      unit: 'ms',
      details: { p50: percentile(flush, 50), p99: percentile(flush, 99), max: Math.max(...flush), samples: flush.length },
    }),
  );
  return figures;
}
