// 7. Durability soak (issue 11): stock y-websocket clients write to several documents while `pejling server` is
// killed with SIGKILL at random moments, ≥ 1,000 times (quick: 50; PEJLING_SOAK_KILLS overrides), and restarted at
// once on the same data folder each time.
//
// One cycle: start the server (its own process group) → per document a fresh observer client syncs and checks that
// every edit acknowledged so far is there → per document a writer client types map entries at random intervals →
// after a random 20–400 ms the whole process group is killed with SIGKILL → the next server starts at once.
// An edit counts as acknowledged when the observer received it: the server relays an update only once it is
// durable (main/sync/room.ts). Checks use fresh clients, so an old client cannot heal a loss by syncing its copy back.
// A restart that exits or does not listen within 20 s counts as refused (and is retried).
//
// The server runs as an esbuild bundle of main/cli/index.ts (dependencies external, so the same code and
// node_modules): tsx's on-the-fly compile made each start 1.3 s quiet and 3–20 s on this loaded machine, which would
// make 1,000 restarts take most of an hour; the bundle starts in about 0.3 s.
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { REPO_ROOT, RESULTS_DIR } from '../lib/paths';
import { buildReport, writeReport } from '../lib/report';

const GROUP = '8 Durability soak';
const DOCUMENTS = 4;
const START_TIMEOUT_MS = 20_000;
const SYNC_TIMEOUT_MS = 20_000;
process.setMaxListeners(Math.max(process.getMaxListeners(), 1000));

interface Server {
  child: ChildProcess;
  url: string;
  output(): string;
}

const BUNDLE = join(REPO_ROOT, 'dist', 'soak', 'pejling.mjs');

async function bundleServer(): Promise<void> {
  await build({
    entryPoints: [join(REPO_ROOT, 'main', 'cli', 'index.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

function startServer(dataDir: string, recoveries: { count: number }): Promise<Server> {
  const child = spawn(process.execPath, [BUNDLE, 'server', '--port', '0', '--data', dataDir], {
    cwd: REPO_ROOT,
    detached: true, // its own process group, killed as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`did not listen within ${START_TIMEOUT_MS} ms:\n${output.slice(-2000)}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      recoveries.count += text.split('"event":"room-recovered"').length - 1;
      output = (output + text).slice(-8000);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before listening:\n${output.slice(-2000)}`));
    });
  });
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function connect(url: string, room: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws'), room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  return { doc, provider };
}

function synced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a client did not sync within ${SYNC_TIMEOUT_MS} ms`)), SYNC_TIMEOUT_MS);
    client.provider.on('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

function destroy(clients: Client[]): void {
  for (const { provider, doc } of clients.splice(0)) {
    provider.destroy();
    doc.destroy();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SoakResult {
  kills: number;
  acknowledged: number;
  lost: number;
  lostExamples: string[];
  refused: number;
  refusalExamples: string[];
  recoveries: number;
  edits: number;
  durationMs: number;
}

export async function runSoak(kills: number, log: (message: string) => void): Promise<SoakResult> {
  await bundleServer();
  const dataDir = await mkdtemp(join(tmpdir(), 'pejling-soak-'));
  const acked: Set<string>[] = Array.from({ length: DOCUMENTS }, () => new Set());
  const recoveries = { count: 0 };
  const result: SoakResult = { kills: 0, acknowledged: 0, lost: 0, lostExamples: [], refused: 0, refusalExamples: [], recoveries: 0, edits: 0, durationMs: 0 };
  const started = performance.now();
  const clients: Client[] = [];
  let server: Server | null = null;
  let edits = 0;
  const start = async (): Promise<Server> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await startServer(dataDir, recoveries);
      } catch (error) {
        result.refused++;
        if (result.refusalExamples.length < 5) result.refusalExamples.push((error as Error).message.slice(0, 500));
        if (attempt >= 4) throw new Error(`the server was refused 5 times in a row: ${(error as Error).message}`, { cause: error });
        await sleep(500);
      }
    }
  };
  try {
    for (let cycle = 0; cycle <= kills; cycle++) {
      server = await start();
      // Check with fresh clients that everything acknowledged so far is there.
      const observers = Array.from({ length: DOCUMENTS }, (_, d) => connect(server!.url, `soak-${d}`));
      clients.push(...observers);
      await Promise.all(observers.map(synced));
      observers.forEach((observer, d) => {
        const present = observer.doc.getMap('edits');
        for (const key of acked[d]!) {
          if (present.has(key)) continue;
          result.lost++;
          if (result.lostExamples.length < 10) result.lostExamples.push(`soak-${d}/${key} (checked after kill ${cycle})`);
          acked[d]!.delete(key); // counted once
        }
      });
      if (cycle === kills) break;
      observers.forEach((observer, d) => {
        observer.doc.getMap('edits').observe((event) => {
          for (const key of event.keysChanged) acked[d]!.add(key);
        });
      });
      const writers = Array.from({ length: DOCUMENTS }, (_, d) => connect(server!.url, `soak-${d}`));
      clients.push(...writers);
      await Promise.all(writers.map(synced));
      const killAt = performance.now() + 20 + Math.random() * 380;
      while (performance.now() < killAt) {
        const d = Math.floor(Math.random() * DOCUMENTS);
        writers[d]!.doc.getMap('edits').set(`c${cycle}-e${edits}`, edits);
        edits++;
        await sleep(Math.random() * 8);
      }
      killGroup(server.child);
      destroy(clients);
      await exited(server.child);
      server = null;
      result.kills++;
      if (result.kills % 50 === 0) {
        const total = acked.reduce((n, set) => n + set.size, 0);
        log(`  soak: ${result.kills}/${kills} kills, ${total} acknowledged edits, ${result.lost} lost, ${result.refused} restarts refused`);
      }
    }
  } finally {
    destroy(clients);
    if (server) {
      killGroup(server.child);
      await exited(server.child);
    }
    await rm(dataDir, { recursive: true, force: true });
  }
  result.acknowledged = acked.reduce((n, set) => n + set.size, 0) + result.lost;
  result.recoveries = recoveries.count;
  result.edits = edits;
  result.durationMs = performance.now() - started;
  return result;
}

export async function measureSoak(ctx: BenchContext): Promise<Figure[]> {
  const kills = Number(process.env.PEJLING_SOAK_KILLS ?? (ctx.quick ? 50 : 1000));
  if (!Number.isInteger(kills) || kills < 1) throw new Error(`PEJLING_SOAK_KILLS must be a positive integer, not ${process.env.PEJLING_SOAK_KILLS}`);
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg();
  const r = await runSoak(kills, (message) => ctx.log(message));
  const details = {
    method: 'stock y-websocket clients, fresh per cycle; SIGKILL to the server process group at a random 20–400 ms of typing; restart at once; fresh observers check every acknowledged edit',
    documents: DOCUMENTS,
    kills: r.kills,
    editsWritten: r.edits,
    acknowledgedEdits: r.acknowledged,
    lostExamples: r.lostExamples,
    refusalExamples: r.refusalExamples,
    tornTailsRepaired: r.recoveries,
    msPerCycle: Math.round(r.durationMs / Math.max(1, r.kills)),
    durationS: Math.round(r.durationMs / 1000),
  };
  const figures = [
    figure({
      id: 'soak.acknowledged-lost',
      group: GROUP,
      title: `Acknowledged edits lost over ${r.kills} SIGKILLs (${r.acknowledged} acknowledged, ${DOCUMENTS} documents)`,
      value: r.lost,
      unit: 'edits',
      budget: { text: '0', maxValue: 1 },
      details,
    }),
    figure({
      id: 'soak.restarts-refused',
      group: GROUP,
      title: `Restarts refused after SIGKILL (of ${r.kills + 1} starts)`,
      value: r.refused,
      unit: 'restarts',
      budget: { text: '0', maxValue: 1 },
    }),
    figure({ id: 'soak.kills', group: GROUP, title: 'SIGKILLs survived', value: r.kills, unit: 'kills', budget: { text: `≥ ${kills}`, minValue: kills } }),
  ];
  // Its own results file next to latest.*, so the figures are kept whether or not the run used --only.
  const cpuList = cpus();
  const report = buildReport(
    {
      mode: ctx.quick ? 'quick' : 'full',
      startedAt,
      durationMs: r.durationMs,
      machine: {
        cpus: cpuList.length,
        cpuModel: cpuList[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadavg(),
        node: process.version,
      },
      notes: [`durability soak only (npm run bench -- --only soak); ${r.kills} kills`],
    },
    figures,
  );
  const written = await writeReport(report, join(RESULTS_DIR, 'soak'));
  ctx.log(`  soak: wrote ${written.json}`);
  return figures;
}
