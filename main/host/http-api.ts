// Browser mode: the HostBridge's HTTP side. Mounted into the Pejling server as its `httpHandler`; the renderer's
// browser bridge (renderer/src/bridge/browser-bridge.ts) calls these routes. Errors are JSON { error } with a status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CreateDocumentRequest, ExportDocxOptions, RemoteSettings } from '../../shared/bridge';
import { HostError, type FilePayload, type HostApi } from './host-api';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HostError('Filen er for stor (højst 64 MB).', 413);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function readJson<T>(req: IncomingMessage): Promise<T> {
  const text = new TextDecoder().decode(await readBody(req));
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new HostError('Forespørgslen er ikke gyldig JSON.', 400);
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value ?? null);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendFile(res: ServerResponse, file: FilePayload): void {
  // RFC 6266: an ASCII fallback plus the UTF-8 name, so "Københavns strategi.docx" keeps its letters.
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  res.writeHead(200, {
    'Content-Type': file.mimeType,
    'Content-Length': file.bytes.byteLength,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'no-store',
  });
  res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** Requests from another origin may not drive the local host (a web page must not create or read documents). */
function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

type Route = (req: IncomingMessage, res: ServerResponse, params: string[], url: URL) => Promise<void>;

export function createHttpApi(host: HostApi): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const routes: Array<[method: string, pattern: RegExp, route: Route]> = [
    ['GET', /^\/api\/info$/, async (_q, res) => sendJson(res, 200, host.info())],
    ['GET', /^\/api\/documents$/, async (_q, res) => sendJson(res, 200, await host.listDocuments())],
    ['GET', /^\/api\/templates$/, async (_q, res) => sendJson(res, 200, await host.listTemplates())],
    ['POST', /^\/api\/documents$/, async (req, res) => sendJson(res, 201, await host.createDocument(await readJson<CreateDocumentRequest>(req)))],
    [
      'DELETE',
      /^\/api\/documents\/([^/]+)$/,
      async (_q, res, [id]) => {
        await host.deleteDocument(id!);
        sendJson(res, 200, { deleted: id });
      },
    ],
    [
      'POST',
      /^\/api\/documents\/([^/]+)\/remote$/,
      async (req, res, [id]) => sendJson(res, 200, await host.setRemote(id!, await readJson<RemoteSettings | null>(req))),
    ],
    [
      'GET',
      /^\/api\/documents\/([^/]+)\/download$/,
      async (_q, res, [id], url) => {
        const format = url.searchParams.get('format') ?? 'pejling';
        if (format !== 'pejling' && format !== 'json') throw new HostError(`Ukendt format '${format}' (pejling eller json).`, 400);
        sendFile(res, await host.serializeDocument(id!, format));
      },
    ],
    [
      'POST',
      /^\/api\/documents\/([^/]+)\/export-docx$/,
      async (req, res, [id]) => sendFile(res, await host.exportDocx(id!, await readJson<ExportDocxOptions>(req))),
    ],
    [
      'POST',
      /^\/api\/files\/open$/,
      async (req, res) => {
        const name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
        if (!name) throw new HostError('Filnavnet mangler (X-File-Name).', 400);
        sendJson(res, 201, await host.importFile(name, await readBody(req)));
      },
    ],
  ];

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) return false;
    try {
      if (!isSameOrigin(req)) throw new HostError('Afvist: forespørgsel fra en anden oprindelse.', 403);
      for (const [method, pattern, route] of routes) {
        const match = pattern.exec(url.pathname);
        if (!match) continue;
        if (req.method !== method) continue;
        await route(req, res, match.slice(1).map((p) => decodeURIComponent(p)), url);
        return true;
      }
      throw new HostError(`Ukendt adresse: ${req.method} ${url.pathname}`, 404);
    } catch (error) {
      const status = error instanceof HostError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) console.error(JSON.stringify({ event: 'api-error', path: url.pathname, message }));
      if (!res.headersSent) sendJson(res, status, { error: message });
      else res.end();
    }
    return true;
  };
}
