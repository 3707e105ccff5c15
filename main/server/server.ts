// The Pejling server: the sync server (y-websocket protocol on `/<document-name>`), `/healthz`, the
// browser-mode routes the host mounts through `httpHandler`, and the built renderer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { DocumentStore } from '../storage/document-store';
import type { DocumentPersistence } from '../storage/types';
import { Rooms } from '../sync/room';
import { silentLogger, type SyncLogger } from '../sync/sync-log';
import { CLOSE_CODES, type ConnectionRole, PEJLING_QUERY_PARAM } from '../../shared/sync/protocol';
import { prepareLoadedDocument } from '../../shared/model/document';
import { authorize, type AuthConfig, loadAuthFile } from './auth';
import { isAllowedHostHeader, isLoopbackHost, isLoopbackOrigin } from './loopback';
import {
  isAppPageRequest,
  isRendererBuilt,
  type RendererBuilder,
  securityHeaders,
  sendRendererBuilding,
  sendRendererMissing,
  serveStatic,
} from './static-files';

export interface ServerLimits {
  /** Largest accepted WebSocket message (default 16 MiB). Larger frames close the connection (1009). */
  maxMessageBytes?: number;
  /** Connections per document (default 50); more are closed with 4429. */
  maxConnectionsPerDocument?: number;
  /**
   * Unsent bytes towards one slow client before it is disconnected (1013; default 48 MiB). With `rooms`
   * given, the rooms' own limits apply instead (this and the two below).
   */
  maxBufferedBytes?: number;
  /** Unsent bytes towards all clients of one document; past it the slowest are disconnected (default 128 MiB). */
  maxBufferedBytesPerDocument?: number;
  /** Largest document clients may grow (its encoded state; default 32 MiB); past it 4413. */
  maxDocumentBytes?: number;
  /** How long a document stays loaded without connections (default 10 s). */
  unloadAfterMs?: number;
  /** Interval of WebSocket pings; a peer that misses one is dropped (default 30 s). */
  heartbeatMs?: number;
}

export interface PejlingServerOptions {
  /** Default 127.0.0.1. Anything but loopback requires an auth config. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Data directory of the DocumentStore the server opens (default: the user's data dir). */
  dataDir?: string;
  /** Use this persistence instead of opening a store (the host shares its store). Not closed by the server. */
  persistence?: DocumentPersistence;
  /** Use these rooms (the host shares them with its IPC connections). Not closed by the server. */
  rooms?: Rooms;
  /** Path of the token file (see auth.ts). */
  authFile?: string;
  /** Parsed auth config (instead of authFile). */
  auth?: AuthConfig;
  /** Directory of the built renderer, served at `/`. */
  staticDir?: string;
  /** Builds the renderer into `staticDir` on the first request for an app page while it is missing. */
  rendererBuilder?: RendererBuilder | null;
  /** Browser-mode routes (`/api/*`), tried before static files; resolve true when handled. */
  httpHandler?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  logger?: SyncLogger;
  limits?: ServerLimits;
}

export interface PejlingServer {
  /** http://host:port */
  url: string;
  host: string;
  port: number;
  rooms: Rooms;
  /** Stops accepting, closes connections (1001), waits for pending writes, flushes and closes owned storage. */
  close(): Promise<void>;
}

/** Refusal to start; the message is one sentence for the user. */
export class ServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerStartError';
  }
}

const DEFAULT_LIMITS: Required<ServerLimits> = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxConnectionsPerDocument: 50,
  maxBufferedBytes: 48 * 1024 * 1024,
  maxBufferedBytesPerDocument: 128 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  unloadAfterMs: 10_000,
  heartbeatMs: 30_000,
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

function peerOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? 'unknown';
  return `${address}:${req.socket.remotePort ?? 0}`;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Answers an upgrade request with a plain HTTP error and drops the socket. */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function createPejlingServer(options: PejlingServerOptions = {}): Promise<PejlingServer> {
  const host = options.host ?? '127.0.0.1';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.logger ?? silentLogger;
  const auth = options.auth ?? (options.authFile ? await loadAuthFile(options.authFile) : null);
  if (!auth && !isLoopbackHost(host)) {
    throw new ServerStartError(
      `Refusing to listen on ${host} without --auth: anyone who can reach it could read and change every document; give an auth file with --auth FILE, or listen on 127.0.0.1.`,
    );
  }

  const ownedStore = options.persistence || options.rooms ? null : await DocumentStore.open({ dataDir: options.dataDir });
  const persistence = options.persistence ?? ownedStore;
  const rooms =
    options.rooms ??
    new Rooms({
      persistence: persistence!,
      log,
      unloadAfterMs: limits.unloadAfterMs,
      maxConnectionsPerDocument: limits.maxConnectionsPerDocument,
      prepare: prepareLoadedDocument,
      maxBufferedBytesPerConnection: limits.maxBufferedBytes,
      maxBufferedBytesPerDocument: limits.maxBufferedBytesPerDocument,
      maxDocumentBytes: limits.maxDocumentBytes,
    });
  const staticDir = options.staticDir;
  let closing = false;
  /** Set once listening (the Host check needs the real port when 0 was asked for). */
  let listeningPort = options.port ?? 0;

  /** Without auth, only requests that name this machine (DNS rebinding, cross-site WebSockets). */
  function localOnlyRefusal(req: IncomingMessage): string | null {
    if (auth) return null;
    if (!isAllowedHostHeader(req.headers.host, listeningPort, host)) return 'host not allowed';
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackOrigin(origin, host)) return 'origin not allowed';
    return null;
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = localOnlyRefusal(req);
    if (refusal) {
      res.writeHead(403, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Forbidden: ${refusal}\n`);
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const body = JSON.stringify({ status: 'ok', documents: rooms.documentCount, connections: rooms.connectionCount });
      res.writeHead(200, { ...securityHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (options.httpHandler && (await options.httpHandler(req, res))) return;
    const builder = options.rendererBuilder ?? null;
    if (staticDir && builder?.state !== 'building' && (await isRendererBuilt(staticDir))) {
      await serveStatic(req, res, staticDir);
      return;
    }
    if (staticDir && builder && builder.state !== 'failed' && (builder.state === 'building' || isAppPageRequest(req))) {
      void builder.start();
      sendRendererBuilding(req, res);
      return;
    }
    if (staticDir && (path === '/' || path === '/index.html')) {
      sendRendererMissing(req, res, builder?.state === 'failed' ? 'the automatic build failed, see the server log' : '');
      return;
    }
    res.writeHead(404, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  }

  const http = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      log({ event: 'error', peer: peerOf(req), reason: `http handler failed: ${describe(error)}` });
      if (!res.headersSent) {
        res.writeHead(500, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Internal server error\n');
      } else {
        res.destroy();
      }
    });
  });
  http.on('clientError', (_error, socket) => socket.destroy());

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const peer = peerOf(req);
    try {
      if (closing) return refuseUpgrade(socket, 503, 'server shutting down');
      const refusal = localOnlyRefusal(req);
      if (refusal) {
        log({ event: 'refused', peer, code: 403, reason: refusal });
        return refuseUpgrade(socket, 403, refusal);
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice(1));
      } catch {
        name = '';
      }
      const invalid = rooms.refusal(name);
      if (invalid && invalid.code === CLOSE_CODES.malformed) {
        log({ event: 'refused', peer, code: 400, reason: 'invalid document name' });
        return refuseUpgrade(socket, 400, 'invalid document name');
      }
      let role: ConnectionRole = 'editor';
      if (auth) {
        const header = req.headers.authorization;
        const token = url.searchParams.get('token') ?? (header?.startsWith('Bearer ') ? header.slice(7) : null);
        const decision = authorize(auth, token, name);
        if (!decision.ok) {
          log({ event: 'refused', doc: name, peer, code: decision.status, reason: decision.reason });
          return refuseUpgrade(socket, decision.status, decision.reason);
        }
        role = decision.role;
      }
      const pejling = url.searchParams.get(PEJLING_QUERY_PARAM) === '1';
      wss.handleUpgrade(req, socket, head, (ws) => attach(ws, name, role, pejling, peer));
    } catch (error) {
      log({ event: 'error', peer, reason: `upgrade failed: ${describe(error)}` });
      socket.destroy();
    }
  });

  function attach(ws: WebSocket, name: string, role: ConnectionRole, pejling: boolean, peer: string): void {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const connection = rooms.connect(
      name,
      {
        send: (message) => {
          if (ws.readyState === ws.OPEN) ws.send(message);
        },
        // The rooms account for unsent bytes and close slow readers (room.ts).
        bufferedAmount: () => ws.bufferedAmount,
        close: (code, reason) => {
          ws.close(code, reason);
          // A reader that does not read would never answer the close handshake; its buffers go now.
          if (code === 1013) setTimeout(() => ws.terminate(), 1000).unref();
        },
      },
      { role, pejling, peer },
    );
    ws.on('message', (data) => {
      try {
        connection.receive(toBytes(data));
      } catch (error) {
        // Never let one client's bytes take the server down.
        log({ event: 'error', doc: name, peer, reason: `message handling failed: ${describe(error)}` });
        ws.close(1011, 'internal error');
      }
    });
    ws.on('error', (error) => log({ event: 'error', doc: name, role, peer, reason: describe(error) }));
    ws.on('close', (code) => connection.transportClosed(code));
  }

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new ServerStartError(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port ?? 0} on ${host} is already in use; choose another with --port.`
            : `Cannot listen on ${host}:${options.port ?? 0}: ${error.message}`,
        ),
      );
    };
    http.once('error', onError);
    http.listen(options.port ?? 0, host, () => {
      http.off('error', onError);
      resolve();
    });
  }).catch(async (error: unknown) => {
    clearInterval(heartbeat);
    await ownedStore?.close();
    throw error;
  });

  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  listeningPort = port;
  const url = formatUrl(host, port);
  log({ event: 'listening', url, auth: auth ? 'token' : 'loopback-only' });

  let closed: Promise<void> | null = null;
  return {
    url,
    host,
    port,
    rooms,
    close() {
      closed ??= (async () => {
        closing = true;
        clearInterval(heartbeat);
        const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
        if (!options.rooms) await rooms.close(CLOSE_CODES.goingAway, 'server shutting down');
        else for (const ws of wss.clients) ws.close(CLOSE_CODES.goingAway, 'server shutting down');
        // Peers get a moment to answer the close handshake; then the sockets go.
        await new Promise((resolve) => setTimeout(resolve, 50));
        for (const ws of wss.clients) ws.terminate();
        http.closeAllConnections();
        await httpClosed;
        wss.close();
        if (ownedStore) await ownedStore.close();
        else await persistence?.flush();
        log({ event: 'shutdown', phase: 'done' });
      })();
      return closed;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
