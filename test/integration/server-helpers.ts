// Shared helpers of the sync server tests: a real server on a free 127.0.0.1 port with a fresh data dir,
// stock y-websocket clients and Pejling ChannelProvider clients (both over `ws`), and polling waits.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createPejlingServer, type PejlingServer, type PejlingServerOptions } from '../../main/server/server';
import type { SyncLogEntry } from '../../main/sync/sync-log';
import { ChannelProvider } from '../../shared/sync/channel-provider';
import { createWebSocketChannel, documentSocketUrl, type WebSocketChannel } from '../../shared/sync/websocket-channel';

// Many providers in one process each add a process 'exit' listener (y-websocket); that is expected here.
process.setMaxListeners(200);

const createdDirs: string[] = [];

/** A fresh temp dir, removed by `removeTempDirs()` (call it in afterAll). */
export async function tempDir(prefix = 'pejling-sync-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  createdDirs.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  for (const dir of createdDirs.splice(0)) await rm(dir, { recursive: true, force: true });
}

export interface TestServer {
  server: PejlingServer;
  dataDir: string;
  logs: SyncLogEntry[];
  wsUrl: string;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestServer(options: PejlingServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await tempDir());
  const logs: SyncLogEntry[] = [];
  const server = await createPejlingServer({
    dataDir,
    logger: (entry) => logs.push(entry),
    ...options,
  });
  return {
    server,
    dataDir,
    logs,
    wsUrl: server.url.replace(/^http/, 'ws'),
    async stop({ keepData = false } = {}) {
      await server.close();
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** The stock y-websocket client, exactly as a third-party app would use it (BroadcastChannel off). */
export function stockClient(wsUrl: string, name: string, params: Record<string, string> = {}): StockClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
    maxBackoffTime: 500,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export interface AppClient {
  doc: Y.Doc;
  provider: ChannelProvider;
  channel: WebSocketChannel;
  destroy(): void;
}

/** The app's own client: ChannelProvider over websocket-channel (with the Pejling extensions). */
export function appClient(serverUrl: string, name: string, options: { token?: string; doc?: Y.Doc } = {}): AppClient {
  const doc = options.doc ?? new Y.Doc();
  const channel = createWebSocketChannel({
    url: documentSocketUrl(serverUrl, name, { token: options.token, pejling: true }),
    WebSocket,
    minBackoffMs: 50,
    maxBackoffMs: 500,
  });
  const provider = new ChannelProvider(doc, channel);
  return {
    doc,
    provider,
    channel,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(
  condition: () => boolean,
  { timeout = 10_000, interval = 10, message = 'condition' }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Opens a raw WebSocket and resolves once open (rejects on HTTP refusal with the status in the message). */
export function rawSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The HTTP status with which an upgrade is refused (or 101 if it was accepted). */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

/** Resolves with the close code and reason the server sends this socket. */
export function nextClose(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

export interface ChildServer {
  process: ChildProcess;
  url: string;
  output(): string;
}

const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** `node bin/pejling.js server …` as a child process; resolves once it printed its URL. */
export async function spawnServer(args: string[], env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'pejling.js'), 'server', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000);
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code}:\n${output}`));
    });
  });
  return { process: child, url, output: () => output };
}

/** Runs `node bin/pejling.js server …` expecting it to exit; returns exit code and output. */
export function runServerCommand(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'pejling.js'), 'server', ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
