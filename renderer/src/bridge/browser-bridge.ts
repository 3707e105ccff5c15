// The host bridge in browser mode, derived from the host contract (shared/host/contract.ts): each method's `http`
// route says where its arguments go (path segments and query by name, or the JSON body), pushed events arrive as
// server-sent events, and each open document has its own WebSocket. State-changing calls carry the request header
// the server requires. Errors from the server are JSON `{ error, code, params }` with a 4xx/5xx status.
import type { DocumentChannel, HostBridge, SaveResult } from '../../../shared/bridge';
import {
  EVENT_NAMES,
  HOST_EVENTS,
  HOST_METHODS,
  HTTP_EVENTS_PATH,
  METHOD_NAMES,
  parseArgs,
  REQUEST_HEADER,
  type EventName,
  type HostCalls,
  type HttpRoute,
  type PageMethodName,
} from '../../../shared/host/contract';
import { BridgeError } from './bridge-error';
import { fileNameFromDisposition, offerDownload, pickFile } from './file-picker';
import { printPdf } from './print-pdf';
import { openWebSocketChannel } from './websocket-document-channel';

/** Files "Åbn fil…" accepts. */
export const OPEN_FILE_ACCEPT = '.pejling,.json,application/json';

export interface BrowserBridgeOptions {
  /** Where the server is (default: this page's origin). */
  base?: string;
  pickFile?: (accept: string) => Promise<File | null>;
  offerDownload?: (blob: Blob, fileName: string) => void;
  EventSource?: typeof EventSource;
  openWindow?: (url: string) => void;
}

async function failure(response: Response): Promise<BridgeError> {
  let message = `${response.status} ${response.statusText}`.trim();
  let code: string | undefined;
  let params: Record<string, string | number> | undefined;
  let problems: string[] | undefined;
  try {
    const body = (await response.json()) as { error?: unknown; code?: unknown; params?: unknown; problems?: unknown };
    if (typeof body.error === 'string' && body.error.length > 0) message = body.error;
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.params === 'object' && body.params !== null) params = body.params as Record<string, string | number>;
    if (Array.isArray(body.problems)) problems = body.problems.filter((p): p is string => typeof p === 'string');
  } catch {
    // not JSON: keep the status line
  }
  return new BridgeError(message, { status: response.status, ...(code ? { code } : {}), ...(params ? { params } : {}), ...(problems ? { problems } : {}) });
}

/** The request for one call: the route's path with its named segments filled, the rest in the query or the body. */
export function requestFor(route: HttpRoute, names: readonly string[], args: unknown[]): { path: string; init: RequestInit } {
  const used = new Set<string>();
  let path = route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    used.add(name);
    return encodeURIComponent(String(args[names.indexOf(name)]));
  });
  const rest = names.filter((name) => !used.has(name));
  const headers: Record<string, string> = route.verb === 'GET' ? {} : { [REQUEST_HEADER]: '1' };
  if (route.verb !== 'POST') {
    const query = new URLSearchParams();
    for (const name of rest) {
      const value = args[names.indexOf(name)];
      if (value !== undefined) query.set(name, String(value));
    }
    if ([...query.keys()].length > 0) path += `?${query.toString()}`;
    return { path, init: { method: route.verb, headers } };
  }
  const body = rest.length === 1 ? args[names.indexOf(rest[0]!)] : Object.fromEntries(rest.map((name) => [name, args[names.indexOf(name)]]));
  return { path, init: { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? null) } };
}

export function createBrowserBridge(options: BrowserBridgeOptions = {}): HostBridge {
  const base = options.base ?? '';
  const pick = options.pickFile ?? pickFile;
  const download = options.offerDownload ?? offerDownload;

  async function request(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, init);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Worded by whoever shows it (renderer/src/i18n/errors.ts: host.error.unreachable); the message is the fallback.
      throw new BridgeError(`Kunne ikke nå Pejling-serveren (${reason})`, { code: 'unreachable', params: { reason } });
    }
    if (!response.ok) throw await failure(response);
    return response;
  }

  // Methods the page answers itself (no route): a new tab for a web link.
  const page: Pick<HostCalls, PageMethodName> = {
    async openExternal(url) {
      if (options.openWindow) options.openWindow(url);
      else window.open(url, '_blank', 'noopener,noreferrer');
      return null;
    },
  };

  const calls = Object.fromEntries(
    METHOD_NAMES.map((name) => {
      const spec = HOST_METHODS[name];
      const route = spec.http;
      if (!route) return [name, page[name as PageMethodName]];
      if (spec.file === 'in') {
        return [
          name,
          async () => {
            const accept = (spec as { accept?: readonly string[] }).accept;
            const file = await pick(accept ? accept.map((ext) => `.${ext}`).join(',') : OPEN_FILE_ACCEPT);
            if (!file) return null;
            const response = await request(route.path, {
              method: route.verb,
              // Header values must be ISO-8859-1: encode the name; the server decodes it.
              headers: { [REQUEST_HEADER]: '1', 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
              body: await file.arrayBuffer(),
            });
            return (await response.json()) as unknown;
          },
        ];
      }
      return [
        name,
        async (...args: unknown[]) => {
          // Checked here as well as on the server: a path segment or query parameter turns every value into text, so
          // only here can a number where the contract wants an id be told apart from that id.
          const parsed = parseArgs(name, args);
          if (!parsed.ok) throw new BridgeError(parsed.error.message, { code: parsed.error.code, params: parsed.error.params });
          const { path, init } = requestFor(route, spec.names, parsed.value as unknown[]);
          const response = await request(path, init);
          if (spec.file !== 'out') return (await response.json()) as unknown;
          const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition'), 'strategi');
          const printing = name === 'exportDocx' && (parsed.value as unknown[])[1] !== null && ((parsed.value as unknown[])[1] as { print?: boolean }).print === true;
          if (printing) printPdf(await response.blob());
          else download(await response.blob(), fileName);
          return { saved: true, target: fileName } satisfies SaveResult;
        },
      ];
    }),
  ) as unknown as HostCalls;

  // One event stream for all subscribers, opened on the first and closed after the last.
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  function openSource(): void {
    const Source = options.EventSource ?? EventSource;
    source = new Source(`${base}${HTTP_EVENTS_PATH}`);
    for (const name of EVENT_NAMES) {
      if (!HOST_EVENTS[name].http) continue;
      source.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        const checked = HOST_EVENTS[name].payload.safeParse(payload);
        if (!checked.success) return;
        for (const listener of listeners.get(name) ?? []) listener(checked.data);
      });
    }
  }

  return {
    ...calls,
    connectDocument(id: string): DocumentChannel {
      const origin = base ? new URL(base) : location;
      const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
      return openWebSocketChannel(`${scheme}//${origin.host}/${encodeURIComponent(id)}?pejling=1`);
    },
    subscribe(event, listener) {
      // Menu commands and host-opened documents exist on the desktop only: browser mode has a toolbar and opens
      // files from the page itself.
      if (!HOST_EVENTS[event].http) return () => {};
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      if (!source) openSource();
      return () => {
        set.delete(entry);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          source?.close();
          source = null;
        }
      };
    },
  };
}
