// A DocumentChannel over a standard WebSocket, reconnecting with exponential backoff. The WebSocket
// constructor is injected (the browser's global WebSocket in the renderer, `ws` in Node tests).
// Close codes 4400-4499 from the server are final (auth, malformed, too many connections): the channel
// then stays 'closed' until `reconnect()` is called.
import type { DocumentChannel } from '../bridge';
import { ChannelListeners } from './channel-listeners';

/** Any constructor of standard-API WebSockets (browser WebSocket, `ws`). */
export type WebSocketConstructor = new (url: string) => object;

/** The part of the standard WebSocket API used here. */
interface SocketHandle {
  binaryType: string;
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}

const OPEN = 1;

export interface WebSocketChannelOptions {
  /** Full URL: ws(s)://host:port/<document-name>[?token=…&pejling=1]. */
  url: string;
  WebSocket: WebSocketConstructor;
  /** First retry delay (default 250 ms); doubles per failed attempt. */
  minBackoffMs?: number;
  /** Longest retry delay (default 10 s). */
  maxBackoffMs?: number;
  /** A connection that stayed open this long resets the backoff (default 5 s). */
  stableAfterMs?: number;
}

export type ChannelStatus = 'connecting' | 'open' | 'closed';

export interface WebSocketChannel extends DocumentChannel {
  readonly status: ChannelStatus;
  /** The last close the server sent (code and reason), if any. */
  readonly lastClose: { code: number; reason: string } | null;
  /** Connects again now (also after a final close). */
  reconnect(): void;
}

/** Builds the sync URL of a document on a server (`http(s)://` or `ws(s)://` base). */
export function documentSocketUrl(
  serverUrl: string,
  documentName: string,
  params: { token?: string; pejling?: boolean } = {},
): string {
  const base = serverUrl.replace(/^http(s?):\/\//i, 'ws$1://').replace(/\/+$/, '');
  const query = new URLSearchParams();
  if (params.token) query.set('token', params.token);
  if (params.pejling) query.set('pejling', '1');
  const search = query.toString();
  return `${base}/${encodeURIComponent(documentName)}${search ? `?${search}` : ''}`;
}

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data;
  return null;
}

export function createWebSocketChannel(options: WebSocketChannelOptions): WebSocketChannel {
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const stableAfter = options.stableAfterMs ?? 5_000;
  const listeners = new ChannelListeners<ChannelStatus>();
  let status: ChannelStatus = 'connecting';
  let socket: SocketHandle | null = null;
  let failedAttempts = 0;
  let openedAt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let lastClose: { code: number; reason: string } | null = null;

  const setStatus = (next: ChannelStatus) => {
    if (next === status && next !== 'open') return;
    status = next;
    listeners.emitStatus(next);
  };

  const scheduleRetry = () => {
    if (stopped || retryTimer) return;
    const delay = Math.min(maxBackoff, minBackoff * 2 ** Math.min(failedAttempts, 16));
    // ±20 % jitter so many clients do not reconnect in lockstep after a server restart.
    const jittered = delay * (0.8 + Math.random() * 0.4);
    failedAttempts++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, jittered);
  };

  const connect = () => {
    if (stopped) return;
    setStatus('connecting');
    let ws: SocketHandle;
    try {
      ws = new options.WebSocket(options.url) as SocketHandle;
    } catch {
      scheduleRetry();
      return;
    }
    socket = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      if (socket !== ws) return;
      openedAt = Date.now();
      setStatus('open');
    };
    ws.onmessage = (event) => {
      if (socket !== ws) return;
      const bytes = toBytes(event.data);
      if (!bytes) return;
      listeners.emitMessage(bytes);
    };
    ws.onerror = () => {
      // A close event always follows; that is where we react.
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      lastClose = { code: event.code, reason: event.reason };
      if (openedAt > 0 && Date.now() - openedAt >= stableAfter) failedAttempts = 0;
      openedAt = 0;
      if (event.code >= 4400 && event.code < 4500) {
        stopped = true;
        setStatus('closed');
        return;
      }
      if (stopped) {
        setStatus('closed');
        return;
      }
      setStatus('connecting');
      scheduleRetry();
    };
  };

  connect();

  return {
    get status() {
      return status;
    },
    get lastClose() {
      return lastClose;
    },
    send(message) {
      if (socket && socket.readyState === OPEN) socket.send(message);
    },
    onMessage: listeners.onMessage,
    onStatus: listeners.onStatus,
    close() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const ws = socket;
      socket = null;
      if (ws) ws.close(1000, 'closed by client');
      setStatus('closed');
    },
    reconnect() {
      stopped = false;
      failedAttempts = 0;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (socket) {
        const ws = socket;
        socket = null;
        ws.close(1000, 'reconnecting');
      }
      connect();
    },
  };
}
