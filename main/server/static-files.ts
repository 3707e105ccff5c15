// Serves the built renderer (browser mode): files under one root, index.html for app routes (SPA),
// correct content types, no way out of the root (no "..", no symlinks pointing elsewhere).
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
export function sendRendererMissing(req: IncomingMessage, res: ServerResponse): void {
  const body = 'renderer not built: run npm run build\n(The sync server works without it.)\n';
  res.writeHead(503, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(req.method === 'HEAD' ? undefined : body);
}
