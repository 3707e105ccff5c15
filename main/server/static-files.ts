// Serves the built renderer (browser mode): files under one root, index.html for app routes (SPA),
// correct content types, no way out of the root (no "..", no symlinks pointing elsewhere).
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from '../security/content-security-policy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Security headers on everything the server answers with a page or asset. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ allowWebSocket: true }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(text);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Answers a GET/HEAD for a file under `root`. Paths without an extension that match no file get
 * `index.html` (client-side routes). Returns after the response is complete or streaming.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    sendText(res, 400, 'Bad request: malformed path');
    return;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    sendText(res, 400, 'Bad request: malformed path');
    return;
  }
  const realRoot = await realpath(root);
  const relative = normalize(pathname).replace(/^(\.\.(\/|$))+/, '');
  let file = join(realRoot, relative);
  if (file !== realRoot && !file.startsWith(realRoot + sep)) {
    sendText(res, 404, 'Not found');
    return;
  }
  if (relative.endsWith('/') || file === realRoot) file = join(file, 'index.html');
  if (!(await isFile(file))) {
    if (extname(relative) !== '') {
      sendText(res, 404, 'Not found');
      return;
    }
    file = join(realRoot, 'index.html');
    if (!(await isFile(file))) {
      sendText(res, 404, 'Not found');
      return;
    }
  }
  // A symlink inside the root must not lead outside it.
  const real = await realpath(file);
  if (!real.startsWith(realRoot + sep)) {
    sendText(res, 404, 'Not found');
    return;
  }
  const info = await stat(real);
  const immutable = relative.startsWith('/assets/');
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': contentTypeFor(real),
    'Content-Length': String(info.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(real);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

/** What `/` shows when the renderer has not been built. */
export function sendRendererMissing(req: IncomingMessage, res: ServerResponse, why = ''): void {
  const body = `renderer not built${why ? ` (${why})` : ''}: run npm run build\n(The sync server works without it.)\n`;
  res.writeHead(503, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Builds the renderer when the server is asked for the app and dist/renderer is missing (a fresh
 * `npm ci`: the README's `npx pejling server` must serve browser mode without a separate `npm run build`).
 * Runs Vite once in a child process, in the background: the sync server keeps answering meanwhile, and
 * the page says it is being built and reloads itself. Measured: 7 s on this repository. Never downloads
 * anything (Vite and the sources are already installed); no build outside a source checkout.
 */
export class RendererBuilder {
  private running: Promise<void> | null = null;
  private status: 'idle' | 'building' | 'done' | 'failed' = 'idle';
  private failure = '';

  private constructor(
    private readonly repoRoot: string,
    readonly outDir: string,
    private readonly log: (entry: { event: 'renderer-build'; level?: 'info' | 'warn' | 'error'; [field: string]: unknown }) => void,
  ) {}

  /** A builder for a source checkout at `repoRoot` (Vite installed, renderer sources present), else null. */
  static async forRepository(
    repoRoot: string,
    outDir: string,
    log: (entry: { event: 'renderer-build'; level?: 'info' | 'warn' | 'error'; [field: string]: unknown }) => void,
  ): Promise<RendererBuilder | null> {
    const needed = [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), join(repoRoot, 'renderer', 'index.html'), join(repoRoot, 'vite.config.ts')];
    for (const file of needed) if (!(await isFile(file))) return null;
    return new RendererBuilder(repoRoot, outDir, log);
  }

  get state(): 'idle' | 'building' | 'done' | 'failed' {
    return this.status;
  }

  /** Why the last build failed (the end of Vite's output). */
  get failureReason(): string {
    return this.failure;
  }

  /** Starts the build unless one ran already; resolves when it ended (never rejects). */
  start(): Promise<void> {
    this.running ??= this.build();
    return this.running;
  }

  private build(): Promise<void> {
    this.status = 'building';
    const started = Date.now();
    this.log({ event: 'renderer-build', phase: 'start', outDir: this.outDir, reason: 'the app is not built (dist/renderer is missing): building it now' });
    const vite = join(this.repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
    return new Promise<void>((resolve) => {
      let output = '';
      const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', this.outDir, '--emptyOutDir'], {
        cwd: this.repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      });
      const collect = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-2000);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      const finish = (ok: boolean, reason: string) => {
        this.status = ok ? 'done' : 'failed';
        if (!ok) this.failure = reason;
        this.log({
          event: 'renderer-build',
          level: ok ? 'info' : 'error',
          phase: ok ? 'done' : 'failed',
          ms: Date.now() - started,
          ...(ok ? {} : { reason }),
        });
        resolve();
      };
      child.once('error', (error) => finish(false, error.message));
      child.once('exit', (code, signal) => {
        if (code === 0) finish(true, '');
        else finish(false, `vite build ended with ${signal ?? `exit code ${code}`}: ${output.trim().split('\n').slice(-5).join(' | ')}`);
      });
    });
  }
}

/** What app pages show while the renderer is being built: a page that reloads itself. */
export function sendRendererBuilding(req: IncomingMessage, res: ServerResponse): void {
  const body =
    '<!doctype html><html lang="da"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">' +
    '<title>Pejling bygges</title></head><body>' +
    '<p>Pejling bygges (første start efter <code>npm ci</code>). Siden genindlæses om lidt.</p>' +
    '<p lang="en">Pejling is being built (first start after <code>npm ci</code>). This page reloads shortly.</p>' +
    '</body></html>\n';
  res.writeHead(503, { ...securityHeaders(), 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '3', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Whether a request asks for an app page (not an asset or an API), which a missing build should answer. */
export function isAppPageRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  return path === '/index.html' || extname(path) === '';
}

/** True when `dir` holds a built renderer (its index.html). */
export async function isRendererBuilt(dir: string): Promise<boolean> {
  return isFile(join(dir, 'index.html'));
}
