// Browser mode: the host contract's HTTP side. Mounted into the Pejling server as its `httpHandler`; every route is
// derived from an entry of HOST_METHODS (shared/host/contract.ts), and the renderer's browser bridge
// (renderer/src/bridge/browser-bridge.ts) is derived from the same entries. Nothing here knows a method by name.
// Every request is checked before it reaches the host: same origin (Origin and Sec-Fetch-Site), the request header
// on state-changing calls, %-encoding, body size and nesting depth, and the arguments against the contract's schemas.
// Errors are JSON { error: message, code, params } with a 4xx status; a 500 never carries an internal message.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  FileNameSchema,
  HOST_EVENTS,
  HOST_METHODS,
  HTTP_EVENTS_PATH,
  METHOD_NAMES,
  parseArgs,
  REQUEST_HEADER,
  EVENT_NAMES,
  type FilePayload,
  type HttpRoute,
  type MethodName,
  type PageMethodName,
} from '../../shared/host/contract';
import { errorText } from '../../shared/host/errors';
import { HostError, hostError, toHostError, type HostApi } from './host-api';

export interface HttpApiOptions {
  /** Largest JSON request body (default 16 MiB: a large strategy's interchange text with room to spare). */
  maxJsonBytes?: number;
  /** Largest uploaded file for "Open file…" (default 64 MiB). */
  maxFileBytes?: number;
  /** Deepest nesting of arrays/objects in a JSON body (default 64; the contract's payloads need fewer than 10). */
  maxJsonDepth?: number;
}

const MiB = 1024 * 1024;

/** Headers on every API answer: no MIME sniffing, nothing in an API answer may run or be framed. */
const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
} as const;

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(value ?? null);
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...extra });
  res.end(body);
}

function sendFile(res: ServerResponse, file: FilePayload): void {
  // RFC 6266: an ASCII fallback plus the UTF-8 name, so "Københavns strategi.docx" keeps its letters.
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': file.mimeType,
    'Content-Length': file.bytes.byteLength,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
  res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/**
 * Requests from another site may not drive the local host (a web page must not create, read or delete documents).
 * Browsers mark every request with Sec-Fetch-Site, and cross-origin ones with Origin; either one saying "another
 * site" refuses the request. Clients that are not browsers (the CLI, tests) send neither.
 */
function crossSiteReason(req: IncomingMessage): string | null {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${String(site)}`;
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  try {
    return new URL(origin).host === req.headers.host ? null : `Origin: ${origin}`;
  } catch {
    return `Origin: ${origin}`;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw hostError('invalid-encoding', { segment }, 400, 'da');
  }
}

/** Matches `/api/documents/:id/remote` against a path; the captured segments by name, or null. */
function matchPath(pattern: string, segments: string[]): Map<string, string> | null {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params = new Map<string, string>();
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    if (part.startsWith(':')) params.set(part.slice(1), segment);
    else if (part !== segment) return null;
  }
  return params;
}

/**
 * Reads a body up to `limit` bytes. With `maxDepth`, the bytes are scanned for JSON nesting as they arrive, so a
 * deeply nested body is refused after its first bytes instead of being parsed. Hand-written because the common
 * body parsers (raw-body, body-parser) bound the size only; the scan is a few comparisons per byte (a 16 MiB body
 * in about 30 ms, measured) and UTF-8 continuation bytes never look like JSON punctuation.
 */
async function readBody(req: IncomingMessage, limit: number, maxDepth?: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    if (maxDepth !== undefined) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === 0x5c) escaped = true;
          else if (byte === 0x22) inString = false;
        } else if (byte === 0x22) inString = true;
        else if (byte === 0x5b || byte === 0x7b) {
          if (++depth > maxDepth) {
            throw hostError('body-too-deep', { limit: maxDepth }, 400, 'da');
          }
        } else if (byte === 0x5d || byte === 0x7d) depth--;
      }
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): HostError {
  return hostError('too-large', { limit: Math.round(limit / MiB) }, 413, 'da');
}

async function readJson(req: IncomingMessage, options: Required<HttpApiOptions>): Promise<unknown> {
  const body = await readBody(req, options.maxJsonBytes, options.maxJsonDepth);
  if (body.length === 0) throw hostError('body-missing', {}, 400, 'da');
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw hostError('bad-json', {}, 400, 'da');
  }
}

interface Route {
  name: MethodName;
  http: HttpRoute;
}

const ROUTES: Route[] = METHOD_NAMES.flatMap((name) => {
  const http = HOST_METHODS[name].http;
  return http ? [{ name, http }] : [];
});

/** The arguments of a call, in contract order, from the path, the query and the body. */
async function readArgs(route: Route, req: IncomingMessage, url: URL, params: Map<string, string>, options: Required<HttpApiOptions>): Promise<unknown[]> {
  const spec = HOST_METHODS[route.name];
  const rest = spec.names.filter((name) => !params.has(name));
  let body: unknown;
  if (route.http.verb === 'POST' && rest.length > 0) body = await readJson(req, options);
  return spec.names.map((name) => {
    if (params.has(name)) return params.get(name);
    if (route.http.verb !== 'POST') return url.searchParams.get(name) ?? undefined;
    if (rest.length === 1) return body;
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  });
}

async function readFileInput(req: IncomingMessage, options: Required<HttpApiOptions>): Promise<{ fileName: string; bytes: Uint8Array }> {
  const header = req.headers['x-file-name'];
  const fileName = FileNameSchema.safeParse(typeof header === 'string' ? decodeSegment(header) : undefined);
  if (!fileName.success) throw hostError('file-name-missing', {}, 400, 'da');
  return { fileName: fileName.data, bytes: new Uint8Array(await readBody(req, options.maxFileBytes)) };
}

async function callRoute(host: HostApi, route: Route, req: IncomingMessage, res: ServerResponse, url: URL, params: Map<string, string>, options: Required<HttpApiOptions>) {
  const spec = HOST_METHODS[route.name];
  let result: unknown;
  if (spec.file === 'in') {
    const file = await readFileInput(req, options);
    result = await (host[route.name as Exclude<MethodName, PageMethodName>] as (file: unknown) => Promise<unknown>)(file);
  } else {
    const parsed = parseArgs(route.name, await readArgs(route, req, url, params, options));
    if (!parsed.ok) throw HostError.from(parsed.error, 400);
    result = await (host[route.name as Exclude<MethodName, PageMethodName>] as (...args: unknown[]) => unknown)(...parsed.value);
  }
  const checked = spec.result.safeParse(result);
  if (!checked.success) {
    console.error(JSON.stringify({ event: 'api-bad-result', method: route.name, issue: checked.error.issues[0]?.message }));
    throw hostError('internal', {}, 500, 'da');
  }
  if (spec.file === 'out') sendFile(res, checked.data as FilePayload);
  else sendJson(res, route.http.status ?? 200, checked.data);
}

/** Server-sent events: what the host pushes (documentChanged), for the page's EventSource. */
function openEventStream(host: HostApi, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  res.write('retry: 2000\n\n');
  const offs = EVENT_NAMES.filter((name) => HOST_EVENTS[name].http).map((name) =>
    host.on(name, (payload) => {
      const checked = HOST_EVENTS[name].payload.safeParse(payload);
      if (checked.success) res.write(`event: ${name}\ndata: ${JSON.stringify(checked.data)}\n\n`);
    }),
  );
  // A comment now and then keeps proxies and idle timeouts from closing the stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  keepAlive.unref();
  const stop = () => {
    clearInterval(keepAlive);
    for (const off of offs) off();
  };
  req.on('close', stop);
  res.on('close', stop);
}

export function createHttpApi(host: HostApi, apiOptions: HttpApiOptions = {}): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const options: Required<HttpApiOptions> = { maxJsonBytes: 16 * MiB, maxFileBytes: 64 * MiB, maxJsonDepth: 64, ...apiOptions };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) return false;
    try {
      const crossSite = crossSiteReason(req);
      if (crossSite) throw hostError('cross-origin', { reason: crossSite }, 403, 'da');
      const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
      if (url.pathname === HTTP_EVENTS_PATH) {
        if (req.method !== 'GET') throw hostError('method-not-allowed', { method: req.method ?? '' }, 405, 'da');
        openEventStream(host, req, res);
        return true;
      }
      const candidates = ROUTES.map((route) => ({ route, params: matchPath(route.http.path, segments) })).filter((c) => c.params !== null);
      if (candidates.length === 0) throw hostError('unknown-route', { path: url.pathname }, 404, 'da');
      const found = candidates.find((c) => c.route.http.verb === req.method);
      if (!found) {
        const allow = [...new Set(candidates.map((c) => c.route.http.verb))].join(', ');
        res.setHeader('Allow', allow);
        throw hostError('method-not-allowed', { method: req.method ?? '', allow }, 405, 'da');
      }
      if (found.route.http.verb !== 'GET' && req.headers[REQUEST_HEADER.toLowerCase()] !== '1') {
        throw hostError('request-header-missing', { header: REQUEST_HEADER }, 403, 'da');
      }
      await callRoute(host, found.route, req, res, url, found.params!, options);
    } catch (caught) {
      const error = toHostError(caught, host.uiLanguage());
      if (error.status >= 500) {
        console.error(JSON.stringify({ event: 'api-error', path: url.pathname, message: caught instanceof Error ? caught.message : String(caught) }));
      }
      if (!res.headersSent) {
        // A refused body may still be arriving: answer, then close the connection instead of reading it all. The
      // throw sites word their message in Danish (they do not know the host); it is worded again below.
        const closing = error.code === 'too-large' || error.code === 'body-too-deep';
        // The message in the UI language the renderer set (the fallback for a code its catalog would not know).
        const message = errorText(host.uiLanguage(), error.code, error.params) ?? error.message;
        sendJson(res, error.status, { error: message, code: error.code, params: error.params }, closing ? { Connection: 'close' } : {});
        if (closing) res.on('finish', () => req.destroy());
      } else res.end();
    }
    return true;
  };
}
