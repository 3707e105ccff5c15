// Issue 11: `npx pejling server` ends when npx is asked to end (SIGTERM to npx, Ctrl-C's SIGINT to its
// process group), releasing its port and the data folder's lock, so that the same command starts again at
// once. Run through the real command.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { appClient, removeTempDirs, tempDir, waitFor } from './server-helpers';

afterAll(removeTempDirs);

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const started: ChildProcess[] = [];
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  // Whatever is left of a run (npx, its shell, the server) goes with its process group.
  for (const child of started.splice(0)) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

interface NpxServer {
  npx: ChildProcess;
  url: string;
  output(): string;
}

/** `npx pejling server …` in its own process group; resolves once the server printed its URL. */
async function npxServer(args: string[]): Promise<NpxServer> {
  const npx = spawn('npx', ['--no-install', 'pejling', 'server', ...args], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PEJLING_EXIT_WITH_PARENT: '' },
  });
  started.push(npx);
  let output = '';
  npx.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npx.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npx pejling server did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    npx.stdout?.on('data', check);
    npx.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npx exited with ${code}:\n${output}`));
    });
  });
  return { npx, url, output: () => output };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

describe('pejling server behind npx', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`ends with npx on ${signal}, flushing what was saved and releasing port and lock`, async () => {
      const dataDir = await tempDir();
      const first = await npxServer(['--port', '0', '--data', dataDir]);
      const port = new URL(first.url).port;
      const writer = appClient(first.url, 'signal');
      cleanups.push(writer.destroy);
      await writer.provider.whenSynced();
      writer.doc.getText('t').insert(0, `gemt før ${signal}`);
      await writer.provider.whenSaved();

      // SIGTERM only to npx (as a supervisor sends it); SIGINT to the whole process group, as a terminal
      // sends Ctrl-C. (A SIGINT to npx alone is not passed on by npm's `sh -c`, which waits for its child.)
      if (signal === 'SIGTERM') first.npx.kill(signal);
      else process.kill(-first.npx.pid!, signal);
      await waitFor(() => first.npx.exitCode !== null || first.npx.signalCode !== null, { timeout: 15_000, message: 'npx to end' });
      const deadline = Date.now() + 15_000;
      while ((await answers(first.url)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await answers(first.url)).toBe(false);

      // The same command on the same port and data folder starts at once and has the edit.
      const second = await npxServer(['--port', port, '--data', dataDir]);
      expect(second.output()).not.toMatch(/in use/);
      const reader = appClient(second.url, 'signal');
      cleanups.push(reader.destroy);
      await reader.provider.whenSynced();
      expect(reader.doc.getText('t').toString()).toBe(`gemt før ${signal}`);
      second.npx.kill('SIGTERM');
      await waitFor(() => second.npx.exitCode !== null || second.npx.signalCode !== null, { timeout: 15_000 });
    });
  }
});
