// 6. Server memory per open document and per connection, with 100 documents × 5 clients.
//
// Method: the server runs as a child process (`pejling server`, and the bare relay as the baseline) with
// bench/server-probe.ts preloaded: over IPC it answers process.memoryUsage() after a full GC. Readings:
//   m0  no documents open;
//   m1  100 documents open, one client each (stock WebsocketProvider; the first client writes the
//       document: the Københavns Kommune example strategy, so each holds a real strategy);
//   m2  the same 100 documents with 5 clients each.
// Per document = (m1 − m0) / 100; per connection = (m2 − m1) / 400. Heap is the live JS heap after GC
// (stable); RSS is reported as well (it includes freed memory the allocator keeps).
//
// Slow readers (issue 20, item 5): 20 clients connect to one document and never read (their sockets are
// paused) while a reading client writes SLOW_READER_EDIT_MIB × 1 MiB of text; the figure is the server's
// peak RSS, sampled after every edit, against the bare relay (which buffers everything for everyone).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { StrategyFile } from '../../shared/format/schema';
import { importStrategy } from '../../shared/model';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { REPO_ROOT } from '../lib/paths';
import { startBareRelay, startPejlingServer, type ChildServer, type MemorySample } from '../lib/processes';

const GROUP = '6 Server memory';
const SLOW_READERS = 20;
// Each stock WebsocketProvider adds a process 'exit' listener (to say goodbye to the server); hundreds are expected here.
process.setMaxListeners(Math.max(process.getMaxListeners(), 1000));
const DOCUMENTS = 100;
const CLIENTS_PER_DOCUMENT = 5;

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function connect(server: ChildServer, room: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.awareness.setLocalStateField('user', { name: `Bench ${room}`, color: '#335577' });
  return { doc, provider };
}

function synced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a client did not sync within 30 s')), 30_000);
    client.provider.on('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

async function health(server: ChildServer): Promise<{ documents?: number; connections?: number }> {
  const response = await fetch(`${server.url}/healthz`);
  return (await response.json()) as { documents?: number; connections?: number };
}

/** Waits until the server reports `documents` open and then lets pending writes settle. */
async function settle(server: ChildServer, documents: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await health(server)).documents !== documents) {
    if (Date.now() > deadline) throw new Error(`${server.name} does not report ${documents} open documents`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_500));
}

interface Readings {
  m0: MemorySample;
  m1: MemorySample;
  m2: MemorySample;
  stateBytes: number;
}

async function measure(server: ChildServer, state: Uint8Array, documents: number, room: string): Promise<Readings> {
  const clients: Client[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const m0 = await server.memory(true);
    for (let d = 0; d < documents; d++) {
      const first = connect(server, `${room}-${d}`);
      clients.push(first);
      await synced(first);
      Y.applyUpdate(first.doc, state);
    }
    await settle(server, documents);
    const m1 = await server.memory(true);
    const more: Client[] = [];
    for (let d = 0; d < documents; d++) {
      for (let c = 1; c < CLIENTS_PER_DOCUMENT; c++) more.push(connect(server, `${room}-${d}`));
    }
    clients.push(...more);
    await Promise.all(more.map(synced));
    const sample = more[more.length - 1]!;
    if (Y.encodeStateVector(sample.doc).length === 0) throw new Error(`${server.name}: a late client received an empty document`);
    await settle(server, documents);
    const m2 = await server.memory(true);
    return { m0, m1, m2, stateBytes: state.length };
  } finally {
    for (const { provider, doc } of clients) {
      provider.destroy();
      doc.destroy();
    }
  }
}

const kib = (bytes: number) => bytes / 1024;

/** Text that Yjs cannot store as a few repeated structs. */
function filler(bytes: number, seed: number): string {
  let state = seed;
  const chars: string[] = [];
  for (let i = 0; i < bytes; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    chars.push(String.fromCharCode(97 + (state % 26)));
  }
  return chars.join('');
}

interface SlowReaderReading {
  rssBeforeMiB: number;
  peakRssMiB: number;
  connectionsAfter: number | null;
}

async function measureSlowReaders(server: ChildServer, editMiB: number): Promise<SlowReaderReading> {
  const room = 'bench-slow-readers';
  const writer = connect(server, room);
  const readers: WebSocket[] = [];
  try {
    await synced(writer);
    for (let i = 0; i < SLOW_READERS; i++) {
      const ws = new WebSocket(`${server.wsUrl}/${room}`);
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      ws.on('error', () => undefined);
      // Never read again: what the server sends piles up in its buffers.
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      readers.push(ws);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await server.memory(true);
    let peak = before.rss;
    for (let i = 0; i < editMiB; i++) {
      writer.doc.getText('slow').insert(0, filler(2 ** 20, i));
      await new Promise((resolve) => setTimeout(resolve, 150));
      peak = Math.max(peak, (await server.memory(false)).rss);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    peak = Math.max(peak, (await server.memory(false)).rss);
    const after = await health(server).catch(() => ({}) as { connections?: number });
    return { rssBeforeMiB: before.rss / 2 ** 20, peakRssMiB: peak / 2 ** 20, connectionsAfter: after.connections ?? null };
  } finally {
    for (const ws of readers) ws.terminate();
    writer.provider.destroy();
    writer.doc.destroy();
  }
}

export async function measureServerMemory(ctx: BenchContext): Promise<Figure[]> {
  const documents = DOCUMENTS;
  const example = JSON.parse(await readFile(join(REPO_ROOT, 'templates', 'examples', 'kk-2010-2014.json'), 'utf8')) as StrategyFile;
  const state = Y.encodeStateAsUpdate(importStrategy(example));
  const dataDir = await mkdtemp(join(tmpdir(), 'pejling-bench-memory-'));
  let ours: Readings;
  let bare: Readings;
  const editMiB = ctx.quick ? 8 : 16;
  let slowOurs: SlowReaderReading;
  let slowBare: SlowReaderReading;
  try {
    const server = await startPejlingServer(dataDir);
    try {
      ours = await measure(server, state, documents, 'bench-memory');
    } finally {
      await server.stop();
    }
    ctx.log(`  server memory: pejling server measured`);
    const relay = await startBareRelay();
    try {
      bare = await measure(relay, state, documents, 'bench-memory');
    } finally {
      await relay.stop();
    }
    // Fresh processes, so the readings above do not carry over.
    const slowServer = await startPejlingServer(dataDir);
    try {
      slowOurs = await measureSlowReaders(slowServer, editMiB);
    } finally {
      await slowServer.stop();
    }
    const slowRelay = await startBareRelay();
    try {
      slowBare = await measureSlowReaders(slowRelay, editMiB);
    } finally {
      await slowRelay.stop();
    }
    ctx.log(`  server memory: ${SLOW_READERS} non-reading clients measured`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const connections = documents * (CLIENTS_PER_DOCUMENT - 1);
  const perDoc = (r: Readings, key: 'heapUsed' | 'rss') => kib(r.m1[key] - r.m0[key]) / documents;
  const perConnection = (r: Readings, key: 'heapUsed' | 'rss') => kib(r.m2[key] - r.m1[key]) / connections;
  const raw = (r: Readings) => ({
    heapUsedMiB: [r.m0, r.m1, r.m2].map((m) => Math.round((m.heapUsed / 2 ** 20) * 10) / 10),
    rssMiB: [r.m0, r.m1, r.m2].map((m) => Math.round((m.rss / 2 ** 20) * 10) / 10),
  });
  const details = {
    method: 'process.memoryUsage() after full GC via IPC (bench/server-probe.ts); readings: none open, 100 docs × 1 client, 100 docs × 5 clients',
    documents,
    clientsPerDocument: CLIENTS_PER_DOCUMENT,
    documentStateBytes: state.length,
    pejling: raw(ours),
    bareRelay: raw(bare),
    rssPerDocumentKiB: { pejling: Math.round(perDoc(ours, 'rss')), bareRelay: Math.round(perDoc(bare, 'rss')) },
    rssPerConnectionKiB: { pejling: Math.round(perConnection(ours, 'rss')), bareRelay: Math.round(perConnection(bare, 'rss')) },
  };
  return [
    figure({
      id: 'server.memory-per-document',
      group: GROUP,
      title: `Server heap per open document (${Math.round(state.length / 1024)} KiB strategy, after GC)`,
      value: perDoc(ours, 'heapUsed'),
      unit: 'KiB',
      baseline: { label: 'bare relay', value: perDoc(bare, 'heapUsed'), unit: 'KiB' },
      details,
    }),
    figure({
      id: 'server.memory-per-connection',
      group: GROUP,
      title: 'Server heap per connection (after GC)',
      value: perConnection(ours, 'heapUsed'),
      unit: 'KiB',
      baseline: { label: 'bare relay', value: perConnection(bare, 'heapUsed'), unit: 'KiB' },
    }),
    figure({
      id: 'server.rss-slow-readers',
      group: GROUP,
      title: `Server RSS with ${SLOW_READERS} non-reading clients (${editMiB} MiB of edits, peak)`,
      value: slowOurs.peakRssMiB,
      unit: 'MiB',
      baseline: { label: 'bare relay', value: slowBare.peakRssMiB, unit: 'MiB' },
      details: {
        method: `${SLOW_READERS} WebSocket clients with paused sockets on one document; a reading client inserts ${editMiB} × 1 MiB of text; RSS sampled after each edit`,
        pejling: slowOurs,
        bareRelay: slowBare,
        limits: 'pejling server defaults: 48 MiB unsent per connection, 128 MiB per document',
      },
    }),
    figure({
      id: 'server.rss-100x5',
      group: GROUP,
      title: 'Server RSS with 100 documents × 5 clients',
      value: ours.m2.rss / 2 ** 20,
      unit: 'MiB',
      baseline: { label: 'bare relay', value: bare.m2.rss / 2 ** 20, unit: 'MiB' },
    }),
  ];
}
