// The benchmark's own browser page: bench/pages/bench-page.ts bundled with esbuild into a temp dir and
// served, with the editing trace, by a tiny HTTP server on 127.0.0.1 (a free port).
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export interface PageServer {
  url: string;
  /** The bundle's code, to evaluate in another page (it defines window.pejlingBench). */
  bundle: string;
  /** Folder of the bundle and its source map (for bench/lib/source-map.ts). */
  dir: string;
  close(): Promise<void>;
}

const PAGE_HTML = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Pejling bench</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 1rem; }
  .bench-mount { max-width: 50rem; margin-bottom: 1rem; border: 1px solid #ccc; }
  .ProseMirror { white-space: pre-wrap; word-wrap: break-word; outline: none; min-height: 3rem; padding: .5rem; }
</style></head>
<body><script src="/bench-page.js"></script></body></html>`;

export interface PageData {
  /** /trace.json: the flat trace (bench/lib/trace.ts flattenTrace). */
  trace(): Promise<string>;
  /** /trace-steps.json: the trace as paragraph steps (bench/lib/trace.ts paragraphSteps). */
  steps(): Promise<string>;
}

export async function startPageServer(data: PageData): Promise<PageServer> {
  const dir = await mkdtemp(join(tmpdir(), 'pejling-bench-page-'));
  const outfile = join(dir, 'bench-page.js');
  await build({
    entryPoints: [join(REPO_ROOT, 'bench', 'pages', 'bench-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile,
    minify: false, // readable names in CPU profiles; minifying changes parse time only
    sourcemap: 'external',
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const bundle = await readFile(outfile, 'utf8');
  const bodies = new Map<string, Promise<string>>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE_HTML);
    } else if (path === '/bench-page.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(bundle);
    } else if (path === '/trace.json' || path === '/trace-steps.json') {
      let body = bodies.get(path);
      if (!body) {
        body = path === '/trace.json' ? data.trace() : data.steps();
        bodies.set(path, body);
      }
      body.then(
        (body) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(body);
        },
        (error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(error instanceof Error ? error.message : String(error));
        },
      );
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    bundle,
    dir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
