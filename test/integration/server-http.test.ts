// The server's HTTP side: /healthz, the built renderer (content types, SPA fallback, CSP, no directory
// traversal), the host's browser-mode routes mounted through httpHandler, the message shown when
// the renderer has not been built, and the browser-mode API's answers to hostile requests.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { removeTempDirs, startTestServer, tempDir, type TestServer } from './server-helpers';
import { createHost, type Host } from '../../main/host/host';
import { createHttpApi } from '../../main/host/http-api';
import { createPejlingServer, type PejlingServer } from '../../main/server/server';

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

// Browser mode's API under hostile requests (issue 20, items 4, 9 and 10): every case answers a 4xx with a clean
// code and message, the host keeps answering, and nothing is created or lost.
describe('browser-mode API refuses bad requests cleanly', () => {
  let dataDir: string;
  let host: Host;
  let api: PejlingServer;

  beforeEach(async () => {
    dataDir = await tempDir('pejling-api-');
    host = await createHost({ dataDir });
    api = await createPejlingServer({ port: 0, rooms: host.rooms, persistence: host.persistence, httpHandler: createHttpApi(host.api) });
  });

  afterEach(async () => {
    await api.close();
    await host.close();
  });

  interface RawReply {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    json: { error?: string; code?: string; params?: Record<string, unknown>; id?: string } | null;
  }

  /** A raw request with exactly these headers (no client adds Origin, Sec-Fetch-* or anything else). */
  function call(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawReply> {
    const url = new URL(api.url);
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path, method, headers: options.headers ?? {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: RawReply['json'] = null;
          try {
            json = JSON.parse(text) as RawReply['json'];
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
        });
      });
      req.on('error', reject);
      req.end(options.body);
    });
  }

  const changing = { 'Content-Type': 'application/json', 'X-Pejling-Request': '1' };
  const create = async () => {
    const reply = await call('POST', '/api/documents', { headers: changing, body: JSON.stringify({ from: 'template', name: 'blank' }) });
    expect(reply.status).toBe(201);
    return reply.json!.id!;
  };
  /** A clean refusal: the status, a code, a message without JavaScript internals. */
  function expectRefused(reply: RawReply, status: number, code: string) {
    expect(reply.status).toBe(status);
    expect(reply.json?.code).toBe(code);
    expect(reply.json?.error).toBeTypeOf('string');
    expect(reply.json?.error).not.toMatch(/Cannot read|undefined|TypeError|URIError|at .*\.ts/);
  }
  const documentCount = async () => (await host.api.listDocuments()).length;

  it('refuses a 62 MB nested JSON body at once, and /healthz keeps answering meanwhile', async () => {
    const body = Buffer.alloc(62 * 1024 * 1024, '[');
    const healthz: number[] = [];
    let sending = true;
    const probe = (async () => {
      while (sending) {
        const started = performance.now();
        const reply = await get(api.url, '/healthz');
        expect(reply.status).toBe(200);
        healthz.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // Declared length: refused before the body is read. Streamed without a length (chunked): refused on the first
    // chunk for its nesting. The client stops sending as soon as the answer is there.
    const send = (headers: Record<string, string>) =>
      new Promise<{ status: number; code?: string; sent: number }>((resolve, reject) => {
        const url = new URL(api.url);
        let answered = false;
        let sent = 0;
        const req = request({ host: url.hostname, port: url.port, path: '/api/documents', method: 'POST', headers: { ...changing, ...headers } }, (res) => {
          answered = true;
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { code?: string }).code, sent }));
        });
        req.on('error', (error) => (answered ? undefined : reject(error)));
        const step = 1024 * 1024;
        const next = () => {
          if (answered || sent >= body.length) return;
          const chunk = body.subarray(sent, sent + step);
          sent += chunk.length;
          if (req.write(chunk)) setImmediate(next);
          else req.once('drain', next);
        };
        next();
      });
    const declared = await send({ 'Content-Length': String(body.length) });
    const streamed = await send({});
    sending = false;
    await probe;
    expect(declared).toMatchObject({ status: 413, code: 'too-large' });
    expect(streamed).toMatchObject({ status: 400, code: 'body-too-deep' });
    // Neither body was taken in whole.
    expect(declared.sent).toBeLessThan(body.length);
    expect(streamed.sent).toBeLessThan(body.length);
    expect(healthz.length).toBeGreaterThan(0);
    expect(Math.max(...healthz)).toBeLessThan(1000);
    expect(await documentCount()).toBe(0);
  });

  it('refuses a small but deeply nested body without parsing it', async () => {
    const reply = await call('POST', '/api/documents', { headers: changing, body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` });
    expectRefused(reply, 400, 'body-too-deep');
  });

  it('refuses a cross-site request marked only by Sec-Fetch-Site (no Origin), and creates nothing', async () => {
    const reply = await call('POST', '/api/documents', {
      headers: { 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'cross-site', 'X-Pejling-Request': '1' },
      body: JSON.stringify({ from: 'template', name: 'blank' }),
    });
    expectRefused(reply, 403, 'cross-origin');
    const sameSite = await call('GET', '/api/documents', { headers: { 'Sec-Fetch-Site': 'same-site' } });
    expectRefused(sameSite, 403, 'cross-origin');
    expect((await call('GET', '/api/documents', { headers: { 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200);
    expect(await documentCount()).toBe(0);
  });

  it('refuses a state-changing call without the X-Pejling-Request header', async () => {
    const reply = await call('POST', '/api/documents', { headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ from: 'template', name: 'blank' }) });
    expectRefused(reply, 403, 'request-header-missing');
    const id = await create();
    expectRefused(await call('DELETE', `/api/documents/${id}`), 403, 'request-header-missing');
    expect(await documentCount()).toBe(1);
  });

  it('sends nosniff and a CSP on every API answer: lists, files and errors', async () => {
    const id = await create();
    for (const reply of [
      await call('GET', '/api/documents'),
      await call('GET', `/api/documents/${id}/download?format=json`),
      await call('GET', '/api/nowhere'),
      await call('POST', '/api/documents', { headers: changing, body: '{' }),
    ]) {
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(String(reply.headers['content-security-policy'])).toContain("default-src 'none'");
    }
    // And the server's own answers around the API: its health check and a page that does not exist.
    for (const reply of [await call('GET', '/healthz'), await call('GET', '/nowhere/at/all')]) {
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(String(reply.headers['content-security-policy'])).toContain('default-src');
    }
  });

  it('answers 400 for an invalid document id', async () => {
    const reply = await call('GET', '/api/documents/..%2F..%2Fetc/download?format=json');
    expectRefused(reply, 400, 'invalid-argument');
    expect(reply.json?.params).toMatchObject({ method: 'saveDocumentAs', argument: 'id' });
    expectRefused(await call('DELETE', '/api/documents/-dash', { headers: changing }), 400, 'invalid-argument');
  });

  it('answers 400 for malformed %-encoding in the path', async () => {
    expectRefused(await call('GET', '/api/documents/%E0%A4%A/download?format=json'), 400, 'invalid-encoding');
  });

  it('answers 400 for a null body', async () => {
    const reply = await call('POST', '/api/documents', { headers: changing, body: 'null' });
    expectRefused(reply, 400, 'invalid-argument');
    expect(reply.json?.params).toMatchObject({ method: 'createDocument', argument: 'request' });
  });

  it('answers 400 for an export with {}', async () => {
    const id = await create();
    const reply = await call('POST', `/api/documents/${id}/export-docx`, { headers: changing, body: '{}' });
    expectRefused(reply, 400, 'invalid-argument');
    expect(reply.json?.params).toMatchObject({ method: 'exportDocx', argument: 'options', path: '/part' });
  });

  it('answers 400 for a file:// remote URL and leaves the document local', async () => {
    const id = await create();
    const reply = await call('POST', `/api/documents/${id}/remote`, { headers: changing, body: JSON.stringify({ url: 'file:///etc/passwd', token: '' }) });
    expectRefused(reply, 400, 'invalid-argument');
    expect(reply.json?.params).toMatchObject({ argument: 'remote', path: '/url' });
    expect((await host.api.getDocument(id)).remote).toBeUndefined();
  });

  it('answers concurrent DELETEs of one document with one 200 and 404s, never a 500', async () => {
    const id = await create();
    const replies = await Promise.all(Array.from({ length: 6 }, () => call('DELETE', `/api/documents/${id}`, { headers: changing })));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 404, 404, 404, 404, 404]);
    for (const reply of replies.filter((r) => r.status === 404)) expectRefused(reply, 404, 'document-not-found');
    expect(await documentCount()).toBe(0);
  });
});
