// The server's HTTP side: /healthz, the built renderer (content types, SPA fallback, CSP, no directory
// traversal), the host's browser-mode routes mounted through httpHandler, and the message shown when
// the renderer has not been built.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { removeTempDirs, startTestServer, tempDir, type TestServer } from './server-helpers';

afterAll(removeTempDirs);

let server: TestServer | null = null;

afterEach(async () => {
  await server?.stop();
  server = null;
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as given (no client-side normalisation of "..") */
function get(base: string, path: string, method = 'GET'): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function builtRenderer(): Promise<{ root: string; outside: string }> {
  const base = await tempDir('pejling-static-');
  const root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Pejling</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("pejling")');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const outside = join(base, 'hemmelig.txt');
  await writeFile(outside, 'må ikke serveres');
  await symlink(outside, join(root, 'assets', 'link.txt'));
  return { root, outside };
}

describe('HTTP', () => {
  it('GET /healthz reports status, loaded documents and connections', async () => {
    server = await startTestServer();
    const reply = await get(server.server.url, '/healthz');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('application/json');
    expect(JSON.parse(reply.body)).toEqual({ status: 'ok', documents: 0, connections: 0 });
  });

  it('serves the built renderer with content types, CSP and the SPA fallback', async () => {
    const { root } = await builtRenderer();
    server = await startTestServer({ staticDir: root });
    const url = server.server.url;

    const index = await get(url, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<title>Pejling</title>');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');

    expect((await get(url, '/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(url, '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get(url, '/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
    expect((await get(url, '/assets/app.js')).headers['cache-control']).toContain('immutable');

    // Client-side routes get the app; missing assets are a 404, not the app.
    const route = await get(url, '/dokument/strategi-2026');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Pejling</title>');
    expect((await get(url, '/assets/findes-ikke.js')).status).toBe(404);
    expect((await get(url, '/', 'POST')).status).toBe(405);
    const head = await get(url, '/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('never serves files outside the renderer directory', async () => {
    const { root } = await builtRenderer();
    server = await startTestServer({ staticDir: root });
    const url = server.server.url;
    for (const path of [
      '/../hemmelig.txt',
      '/assets/../../hemmelig.txt',
      '/%2e%2e/hemmelig.txt',
      '/..%2fhemmelig.txt',
      '/assets/..%2f..%2fhemmelig.txt',
      '/..%5chemmelig.txt',
      '/%00/../hemmelig.txt',
      '/assets/link.txt',
      '/../../../../etc/passwd',
    ]) {
      const reply = await get(url, path);
      expect(reply.body, path).not.toContain('må ikke serveres');
      expect(reply.body, path).not.toContain('root:');
    }
  });

  it('mounts the host routes through httpHandler and survives a handler that throws', async () => {
    const { root } = await builtRenderer();
    server = await startTestServer({
      staticDir: root,
      httpHandler: async (req, res) => {
        if (req.url === '/api/ping') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"pong":true}');
          return true;
        }
        if (req.url === '/api/boom') throw new Error('handler bug');
        return false;
      },
    });
    const url = server.server.url;
    expect(JSON.parse((await get(url, '/api/ping')).body)).toEqual({ pong: true });
    expect((await get(url, '/api/boom')).status).toBe(500);
    expect((await get(url, '/')).status).toBe(200);
    expect(server.logs.some((entry) => entry.event === 'error' && String(entry.reason).includes('handler bug'))).toBe(true);
  });

  it('says "renderer not built" on / when the renderer is missing, and the sync server still works', async () => {
    const base = await tempDir('pejling-nostatic-');
    server = await startTestServer({ staticDir: join(base, 'dist', 'renderer') });
    const reply = await get(server.server.url, '/');
    expect(reply.body).toContain('renderer not built: run npm run build');
    expect((await get(server.server.url, '/healthz')).status).toBe(200);
  });
});
