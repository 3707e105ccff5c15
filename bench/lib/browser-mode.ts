// Browser mode for the benchmark: the built renderer (built when missing or older than its sources), the
// real `pejling server` serving it, and documents created through its HTTP API, as the app does.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StrategyFile } from '../../shared/format/schema';
import type { BenchContext } from './context';
import { REPO_ROOT, RENDERER_DIST } from './paths';
import { runCommand, startBrowserHost, startPejlingServer, type ChildServer } from './processes';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/renderer (`node scripts/build.js --renderer`) when it is missing or older than its sources. */
export async function ensureRenderer(ctx: BenchContext): Promise<void> {
  const index = join(RENDERER_DIST, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(...['renderer', 'shared'].map((dir) => newestMtime(join(REPO_ROOT, dir))));
  if (built >= sources) return;
  ctx.log(built ? 'renderer: sources changed since the last build; building it' : 'renderer: not built yet; building it');
  const result = await runCommand(process.execPath, ['scripts/build.js', '--renderer'], { timeoutMs: 300_000 });
  if (result.code === 0) {
    ctx.log(`renderer built in ${Math.round(result.wallMs / 1000)} s`);
    return;
  }
  const why = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' / ');
  if (!built) throw new Error(`node scripts/build.js --renderer failed: ${why}`);
  ctx.note(`The renderer build failed (${why}); the previous build in dist/renderer was measured.`);
}

/**
 * The server of browser mode: `pejling server` when it serves the host's /api routes; otherwise (the
 * command does not mount them yet) bench/browser-host.ts, which wires the same parts together.
 */
export async function startBrowserModeServer(ctx: BenchContext, dataDir: string): Promise<ChildServer> {
  const server = await startPejlingServer(dataDir);
  const response = await fetch(`${server.url}/api/info`).catch(() => null);
  if (response?.ok && (response.headers.get('content-type') ?? '').includes('application/json')) return server;
  await server.stop();
  ctx.note('`pejling server` does not serve the browser-mode API (/api/info) yet, so browser mode ran on bench/browser-host.ts (the host, its HTTP API and createPejlingServer in one process).');
  return startBrowserHost(dataDir);
}

/** Creates a document from interchange JSON through POST /api/documents; returns its id. */
export async function createDocument(server: ChildServer, strategy: StrategyFile, fileName: string): Promise<string> {
  const response = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Pejling-Request': '1' },
    body: JSON.stringify({ from: 'json', text: JSON.stringify(strategy), fileName }),
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string; error?: string };
  if (!response.ok || !body.id) throw new Error(`POST /api/documents answered ${response.status}: ${body.error ?? 'no document id'}`);
  return body.id;
}
