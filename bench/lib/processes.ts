// Child processes of the benchmark: the real `pejling server`, the bare relay baseline, and one-shot
// Node scripts. Servers bind 127.0.0.1 on a free port and are always stopped (see stopAll).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface ChildServer {
  name: string;
  /** http://127.0.0.1:PORT */
  url: string;
  /** ws://127.0.0.1:PORT */
  wsUrl: string;
  child: ChildProcess;
  output(): string;
  /** process.memoryUsage() of the server, after a full GC when `gc` (needs the memory probe). */
  memory(gc?: boolean): Promise<MemorySample>;
  /** Runs `action` with the server's CPU profiler on; returns the V8 profile of just that time. */
  profile<T>(action: () => Promise<T>): Promise<{ result: T; profile: unknown }>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
const PROBE = join(REPO_ROOT, 'bench', 'server-probe.ts');

/** Node with tsx and the memory probe preloaded: `--expose-gc --import tsx --import bench/server-probe.ts`. */
function nodeArgs(script: string[], extra: string[]): string[] {
  return ['--expose-gc', ...extra, '--import', 'tsx', '--import', PROBE, ...script];
}

async function startChildServer(name: string, script: string[], extraNodeArgs: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, nodeArgs(script, extraNodeArgs), {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${output.slice(-2000)}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (match?.[1] && match[2] !== '0') {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${output.slice(-2000)}`));
    });
  });
  // Requests to bench/server-probe.ts over IPC, matched to their answers by id.
  let nextId = 1;
  const pending = new Map<number, { resolve: (reply: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  child.on('message', (message: unknown) => {
    const reply = message as { id?: number; error?: string } & Record<string, unknown>;
    const waiter = reply?.id === undefined ? undefined : pending.get(reply.id);
    if (!waiter || reply.id === undefined) return;
    pending.delete(reply.id);
    if (reply.error) waiter.reject(new Error(`${name} probe: ${reply.error}`));
    else waiter.resolve(reply);
  });
  const request = (type: string, extra: Record<string, unknown> = {}, timeoutMs = 30_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      if (!child.connected) return reject(new Error(`${name} has no IPC channel (bench/server-probe.ts)`));
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${name} did not answer the probe's '${type}' within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      child.send({ id, type, ...extra });
    });
  return {
    name,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    child,
    output: () => output,
    async memory(gc = true) {
      const m = await request('memory', { gc });
      return { rss: Number(m.rss), heapUsed: Number(m.heapUsed), heapTotal: Number(m.heapTotal), external: Number(m.external), arrayBuffers: Number(m.arrayBuffers) };
    },
    async profile<T>(action: () => Promise<T>): Promise<{ result: T; profile: unknown }> {
      await request('profile-start');
      let result: T;
      let stopped: Record<string, unknown>;
      try {
        result = await action();
      } finally {
        stopped = await request('profile-stop');
      }
      return { result, profile: stopped.profile };
    },
    stop: () => stopChild(child),
  };
}

/**
 * The real sync server, exactly as a user runs it: `node bin/pejling.js server --port 0 --data DIR`
 * (`extraNodeArgs`, e.g. --cpu-prof, go to Node).
 */
export function startPejlingServer(dataDir: string, extraNodeArgs: string[] = []): Promise<ChildServer> {
  return startChildServer('pejling server', ['bin/pejling.js', 'server', '--port', '0', '--data', dataDir], extraNodeArgs);
}

/** The bare y-protocols + ws relay without storage (bench/bare-relay.ts): the sync baseline. */
export function startBareRelay(): Promise<ChildServer> {
  return startChildServer('bare relay', ['bench/bare-relay.ts']);
}

/** Browser mode's host wired into the server, for when `pejling server` does not serve /api yet. */
export function startBrowserHost(dataDir: string): Promise<ChildServer> {
  return startChildServer('browser host', ['bench/browser-host.ts', dataDir]);
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Stops every child this process started that is still running (on errors and at the end). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Runs a command to completion, collecting its output and its wall-clock time. */
export function runCommand(command: string, args: string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(new Error(`${command} could not be started: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, stdout, stderr, wallMs: performance.now() - started });
    });
  });
}
