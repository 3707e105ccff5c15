// Sync server figures: propagation latency (p50/p95) with 2 and 20 Node clients, and the server's memory
// per open document. The server runs as the real command (`node bin/pejling.js server`) in a child
// process, on 127.0.0.1, with a temporary data dir (durable writes included in the latency).
//
//   npx tsx bench/sync-server.ts [--edits 200] [--documents 100] [--json]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ChannelProvider } from '../shared/sync/channel-provider';
import { createWebSocketChannel, documentSocketUrl } from '../shared/sync/websocket-channel';

const REPO = fileURLToPath(new URL('../', import.meta.url));

interface Client {
  doc: Y.Doc;
  provider: ChannelProvider;
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(REPO, 'bin', 'pejling.js'), 'server', '--port', '0', '--data', dataDir], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { child, url };
}

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb * 1024;
}

function connect(url: string, name: string): Client {
  const doc = new Y.Doc();
  const channel = createWebSocketChannel({ url: documentSocketUrl(url, name, { pejling: true }), WebSocket });
  return { doc, provider: new ChannelProvider(doc, channel) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Sequential edits, round-robin over the clients; each sample = time until one other client has the edit. */
async function latency(url: string, clientCount: number, edits: number): Promise<{ p50: number; p95: number; samples: number }> {
  const name = `latens-${clientCount}`;
  const clients = Array.from({ length: clientCount }, () => connect(url, name));
  await Promise.all(clients.map((c) => c.provider.whenSynced()));
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    const writer = clients[i % clientCount]!;
    const key = `e${i}`;
    const received = clients
      .filter((c) => c !== writer)
      .map(
        (c) =>
          new Promise<number>((resolve) => {
            const map = c.doc.getMap('bench');
            const check = () => {
              if (map.has(key)) {
                map.unobserve(check);
                resolve(performance.now());
              }
            };
            map.observe(check);
          }),
      );
    const started = performance.now();
    writer.doc.getMap('bench').set(key, i);
    for (const at of await Promise.all(received)) samples.push(at - started);
  }
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
}

/** A strategy-sized document typed in many small edits (history included, as in real use). */
function fillDocument(doc: Y.Doc, seed: number): void {
  const text = doc.getText('body');
  const words = ['digital', 'borger', 'velfærd', 'data', 'arkitektur', 'sikkerhed', 'samarbejde', 'forvaltning', 'løsning'];
  for (let p = 0; p < 60; p++) {
    doc.transact(() => {
      for (let w = 0; w < 25; w++) text.insert(text.length, `${words[(seed + p * 7 + w) % words.length]} `);
      text.insert(text.length, '\n');
    });
  }
  const initiatives = doc.getMap('initiatives');
  for (let i = 0; i < 40; i++) {
    const item = new Y.Map<unknown>();
    initiatives.set(`i${i}`, item);
    item.set('title', `Initiativ ${i}`);
    item.set('status', 'planned');
  }
}

async function memoryPerDocument(url: string, pid: number, documents: number): Promise<{ before: number; after: number; perDocument: number; docBytes: number }> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = await rssBytes(pid);
  const clients: Client[] = [];
  let docBytes = 0;
  for (let i = 0; i < documents; i++) {
    const client = connect(url, `hukommelse-${i}`);
    await client.provider.whenSynced();
    fillDocument(client.doc, i);
    docBytes = Y.encodeStateAsUpdate(client.doc).length;
    clients.push(client);
  }
  await Promise.all(clients.map((c) => c.provider.whenSaved()));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await rssBytes(pid);
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  return { before, after, perDocument: (after - before) / documents, docBytes };
}

async function main(): Promise<void> {
  const edits = option('--edits', 200);
  const documents = option('--documents', 100);
  const dataDir = await mkdtemp(join(tmpdir(), 'pejling-bench-'));
  const { child, url } = await startServer(dataDir);
  try {
    const two = await latency(url, 2, edits);
    const twenty = await latency(url, 20, edits);
    const memory = await memoryPerDocument(url, child.pid!, documents);
    const result = {
      latencyMs: {
        clients2: { p50: round(two.p50), p95: round(two.p95), samples: two.samples },
        clients20: { p50: round(twenty.p50), p95: round(twenty.p95), samples: twenty.samples },
      },
      memory: {
        documents,
        documentStateBytes: memory.docBytes,
        serverRssBeforeMiB: round(memory.before / 2 ** 20),
        serverRssAfterMiB: round(memory.after / 2 ** 20),
        perOpenDocumentKiB: round(memory.perDocument / 1024),
      },
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(result));
    else {
      console.log(`propagation latency, 2 clients:  p50 ${result.latencyMs.clients2.p50} ms, p95 ${result.latencyMs.clients2.p95} ms (${two.samples} samples)`);
      console.log(`propagation latency, 20 clients: p50 ${result.latencyMs.clients20.p50} ms, p95 ${result.latencyMs.clients20.p95} ms (${twenty.samples} samples)`);
      console.log(
        `server memory: ${result.memory.perOpenDocumentKiB} KiB RSS per open document with one connection ` +
          `(${documents} documents of ${memory.docBytes} bytes state; RSS ${result.memory.serverRssBeforeMiB} → ${result.memory.serverRssAfterMiB} MiB)`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

await main();
