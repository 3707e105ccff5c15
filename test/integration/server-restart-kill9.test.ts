// Unattended crash restarts (issue 11): `npx pejling server` — npx as a wrapper or a supervisor would start it, in
// its own process group — is killed with SIGKILL (the whole group) while a stock y-websocket client types, and
// started again at once on the same data folder, 20 times. Every restart must come up, and every edit the server
// acknowledged (relayed to a second client, which it does only once the edit is durable) must be there after it.
// A second live server on the same folder is refused; a lock record from another host name does not block.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTempDirs, stockClient, tempDir, waitFor, type StockClient } from './server-helpers';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const KILLS = 20;
const DOC = 'genstart';

afterAll(removeTempDirs);

interface NpxServer {
  child: ChildProcess;
  url: string;
  output(): string;
}

const groups: ChildProcess[] = [];
const clients: StockClient[] = [];

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of groups.splice(0)) killGroup(child);
});

/** `npx pejling server --port 0 --data DIR` as the leader of a new process group; resolves with its URL. */
function startNpx(dataDir: string): { server: Promise<NpxServer>; child: ChildProcess } {
  const child = spawn('npx', ['--no-install', 'pejling', 'server', '--port', '0', '--data', dataDir], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  groups.push(child);
  let output = '';
  const server = new Promise<NpxServer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 20 s:\n${output.slice(-3000)}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
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
      reject(new Error(`npx pejling server exited (${code ?? signal}) before listening:\n${output.slice(-3000)}`));
    });
  });
  return { server, child };
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const ws = (url: string) => url.replace(/^http/, 'ws');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pejling server restarts at once after SIGKILL (through npx, process group)', () => {
  it(`keeps every acknowledged edit across ${KILLS} kills and immediate restarts`, async () => {
    const dataDir = await tempDir('pejling-restart-');
    const acknowledged = new Set<string>();
    let edits = 0;
    let server = await startNpx(dataDir).server;
    for (let round = 0; round <= KILLS; round++) {
      const observer = stockClient(ws(server.url), DOC);
      clients.push(observer);
      await waitFor(() => observer.provider.synced, { timeout: 15_000, message: `observer synced in round ${round}` });
      const seen = observer.doc.getMap<number>('edits');
      const missing = [...acknowledged].filter((key) => !seen.has(key));
      expect(missing, `round ${round}: acknowledged edits missing after restart`).toEqual([]);
      if (round === KILLS) break;

      seen.observe((event) => {
        for (const key of event.keysChanged) acknowledged.add(key);
      });
      const writer = stockClient(ws(server.url), DOC);
      clients.push(writer);
      await waitFor(() => writer.provider.synced, { timeout: 15_000, message: `writer synced in round ${round}` });
      // Type while the kill comes at a random moment.
      const killAt = Date.now() + 40 + Math.random() * 160;
      while (Date.now() < killAt) {
        writer.doc.getMap<number>('edits').set(`r${round}-e${edits}`, edits);
        edits++;
        await sleep(2 + Math.random() * 6);
      }
      killGroup(server.child);
      // Restart at once: not waiting for the old group to be gone or reaped.
      const next = startNpx(dataDir);
      observer.destroy();
      writer.destroy();
      clients.length = 0;
      expect((await exitOf(server.child)).signal).toBe('SIGKILL');
      server = await next.server; // a refused restart rejects here with the server's output
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS * 5);
  }, 360_000); // ~35 s on a quiet 2-core machine; one npx start took 10–15 s at load 33 here

  it('refuses a second live server on the same folder, saying who holds it', async () => {
    const dataDir = await tempDir('pejling-second-');
    const first = await startNpx(dataDir).server;
    const second = startNpx(dataDir);
    await expect(second.server).rejects.toThrow(/in use by another Pejling \(process \d+ on [^,]+, since /);
    expect((await exitOf(second.child)).code).not.toBe(0);
    // The first one still serves.
    const response = await fetch(`${first.url}/healthz`);
    expect(response.status).toBe(200);
  }, 60_000);

  it('starts on a folder whose lock records were written by another host name', async () => {
    const dataDir = await tempDir('pejling-otherhost-');
    const record = JSON.stringify({ pid: 1, host: 'container-before-restart', since: '2026-11-30T08:00:00.000Z' });
    await writeFile(join(dataDir, 'pejling.lock'), record);
    await writeFile(join(dataDir, 'pejling.lock.owner'), record);
    const server = await startNpx(dataDir).server;
    const client = stockClient(ws(server.url), DOC);
    clients.push(client);
    await waitFor(() => client.provider.synced, { timeout: 15_000, message: 'client synced' });
  }, 60_000);
});
