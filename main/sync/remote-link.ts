// Keeps a host-side replica (a room's Y.Doc, already durable in local storage) in sync with a remote
// Pejling server ("Del" / "Samarbejd": url + token), using the stock y-websocket client with `ws`.
// Local edits made while offline are already stored locally by the room; they merge on reconnect.
// Tracks the SyncState the UI shows, with the count of local edits not yet durable on the server
// (from the server's `saved` acknowledgements, asked for with ?pejling=1).
import type * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import type { SyncState } from '../../shared/sync/sync-state';
import { PendingTracker } from '../../shared/sync/pending-tracker';
import {
  type ConnectionRole,
  MESSAGE_INFO,
  MESSAGE_REFUSED,
  MESSAGE_REMOTE_STATE,
  MESSAGE_SAVED,
  PEJLING_QUERY_PARAM,
  updateMessageKind,
} from '../../shared/sync/protocol';

export interface RemoteLinkOptions {
  /** Base URL of the remote server: http(s):// or ws(s)://host[:port][/prefix]. */
  url: string;
  token?: string;
  /** The document's name on the remote server. */
  documentName: string;
  /** The replica to keep in sync (a room's doc, see Rooms.acquire). */
  doc: Y.Doc;
  /** The room's presence, bridged both ways (local people appear remotely and vice versa). */
  awareness?: awarenessProtocol.Awareness;
  /** Longest wait between reconnection attempts (default 10 s). */
  maxBackoffMs?: number;
}

export interface RemoteLinkStatus {
  state: SyncState;
  /** The role the server gave this link (viewer: local edits never reach the server). */
  role?: ConnectionRole;
  /** Why the link is not working, in Danish, for the user; absent while all is well. */
  error?: string;
  /**
   * Machine-readable reason: 'unauthorized' (401), 'forbidden' (403), 'refused' (4400-4499), 'server-storage'
   * (4500), 'edit-refused' (a commenter's change that is not a comment was dropped by the server, message 103).
   */
  errorCode?: 'unauthorized' | 'forbidden' | 'refused' | 'server-storage' | 'network' | 'edit-refused';
}

const BRIDGE_ORIGIN = Symbol('pejling-remote-link-bridge');

/** http(s):// → ws(s)://, no trailing slash. */
export function toWebSocketBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a server address: '${url}' (expected e.g. https://pejling.example.dk).`);
  }
  const protocol = { 'http:': 'ws:', 'https:': 'wss:', 'ws:': 'ws:', 'wss:': 'wss:' }[parsed.protocol];
  if (!protocol) throw new Error(`Unsupported protocol '${parsed.protocol}' in '${url}': use http(s):// or ws(s)://.`);
  parsed.protocol = protocol;
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString().replace(/\/+$/, '');
}

export class RemoteLink {
  readonly provider: WebsocketProvider;
  private readonly tracker = new PendingTracker();
  private readonly linkAwareness: awarenessProtocol.Awareness;
  /** Awareness ids that came from the remote side (only those are mirrored into the room). */
  private readonly remoteIds = new Set<number>();
  /** Awareness ids of local people forwarded to the remote side (never mirrored back). */
  private readonly localIds = new Set<number>();
  private readonly listeners = new Set<(status: RemoteLinkStatus) => void>();
  private readonly cleanups: (() => void)[] = [];
  private current: RemoteLinkStatus = { state: { kind: 'connecting', pending: 0 } };
  private role: ConnectionRole | undefined;
  private error: Pick<RemoteLinkStatus, 'error' | 'errorCode'> = {};
  private destroyed = false;

  constructor(private readonly options: RemoteLinkOptions) {
    const { doc } = options;
    const tracker = this.tracker;

    // Registered before the provider's own handler, so an edit is counted before its message is sent.
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) return;
      tracker.localEdit();
      this.refresh();
    };
    doc.on('update', onUpdate);
    this.cleanups.push(() => doc.off('update', onUpdate));

    // The stock client with `ws`, counting what it sends so `saved` acknowledgements can be matched.
    class CountingSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        tracker.connectionOpened();
      }
      override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
        if (data instanceof Uint8Array) {
          const kind = updateMessageKind(data);
          if (kind) tracker.messageSent(kind);
        }
        (super.send as (...args: unknown[]) => void).call(this, data, ...rest);
      }
    }

    this.linkAwareness = new awarenessProtocol.Awareness(doc);
    this.linkAwareness.setLocalState(null);

    this.provider = new WebsocketProvider(toWebSocketBase(options.url), options.documentName, doc, {
      WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
      awareness: this.linkAwareness,
      params: { ...(options.token ? { token: options.token } : {}), [PEJLING_QUERY_PARAM]: '1' },
      disableBc: true,
      maxBackoffTime: options.maxBackoffMs ?? 10_000,
    });
    this.provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
      if (tracker.savedReceived(decoding.readVarUint(decoder))) this.refresh();
    };
    this.provider.messageHandlers[MESSAGE_INFO] = (_encoder, decoder) => {
      try {
        const info = JSON.parse(decoding.readVarString(decoder)) as { role?: unknown };
        if (info.role === 'editor' || info.role === 'commenter' || info.role === 'viewer') this.role = info.role;
      } catch {
        // an unreadable info message changes nothing
      }
      this.refresh();
    };

    // The server dropped a change of this (commenter) link: it stays local; say so until the next reconnect.
    this.provider.messageHandlers[MESSAGE_REFUSED] = () => {
      this.error = { errorCode: 'edit-refused', error: 'Serveren tog ikke imod en ændring: med kommentatoradgang kan du kun kommentere.' };
      this.refresh();
    };

    // A remote that is itself a host linked onwards reports that link (102); it is not this link's concern.
    this.provider.messageHandlers[MESSAGE_REMOTE_STATE] = () => undefined;

    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') this.error = {};
      this.refresh();
    };
    const onSync = () => this.refresh();
    const onConnectionError = (event: unknown) => this.onConnectionError(event);
    const onClosed = (event: { code: number; reason: string }) => {
      this.error = {
        errorCode: 'refused',
        error: `Serveren afviste forbindelsen (${event.code}${event.reason ? `: ${event.reason}` : ''}).`,
      };
      this.refresh();
    };
    const onConnectionClose = (event: { code?: number; reason?: string } | null) => {
      if (event?.code === 4500) {
        this.error = { errorCode: 'server-storage', error: 'Serveren kunne ikke gemme (lagerfejl). Prøver igen.' };
      }
      // y-websocket emits 'connection-close' before it clears `wsconnecting`; read the state after it has, or a
      // failed reconnection attempt is reported as 'connecting' until the next attempt (the whole outage).
      queueMicrotask(() => this.refresh());
    };
    this.provider.on('status', onStatus);
    this.provider.on('sync', onSync);
    this.provider.on('connection-error', onConnectionError);
    this.provider.on('closed', onClosed);
    this.provider.on('connection-close', onConnectionClose as (event: CloseEvent | null) => void);

    if (options.awareness) this.bridgeAwareness(options.awareness);
    this.refresh();
  }

  get status(): RemoteLinkStatus {
    return { ...this.current };
  }

  onChange(listener: (status: RemoteLinkStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the state is `synced` (every local edit durable on the server). */
  whenSynced(): Promise<void> {
    if (this.current.state.kind === 'synced') return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onChange((status) => {
        if (status.state.kind === 'synced') {
          off();
          resolve();
        }
      });
    });
  }

  /** Stops syncing (local edits keep being stored locally; a new link picks them up). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.provider.destroy();
    // Remote people are no longer here.
    const remote = [...this.remoteIds];
    if (this.options.awareness && remote.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.options.awareness, remote, BRIDGE_ORIGIN);
    }
    this.linkAwareness.destroy();
    this.listeners.clear();
  }

  private computeState(): SyncState {
    const pending = this.tracker.pending;
    const provider = this.provider as WebsocketProvider | undefined;
    if (!provider || this.destroyed) return { kind: 'offline', pending };
    if (provider.wsconnected) {
      return provider.synced && pending === 0 ? { kind: 'synced' } : { kind: 'syncing', pending };
    }
    if (provider.wsconnecting) return { kind: 'connecting', pending };
    return { kind: 'offline', pending };
  }

  private refresh(): void {
    const next: RemoteLinkStatus = { state: this.computeState(), ...this.error };
    if (this.role) next.role = this.role;
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener(this.status);
  }

  private onConnectionError(event: unknown): void {
    const message = String((event as { message?: unknown } | null)?.message ?? '');
    const status = /Unexpected server response: (\d{3})/.exec(message)?.[1];
    if (status === '401' || status === '403') {
      // A wrong token does not get better by retrying: stop until the user changes the settings.
      this.error =
        status === '401'
          ? { errorCode: 'unauthorized', error: 'Serveren afviste adgangsnøglen (token). Kontrollér den under Del.' }
          : { errorCode: 'forbidden', error: 'Adgangsnøglen giver ikke adgang til dette dokument.' };
      this.provider.disconnect();
    } else if (!this.error.errorCode) {
      this.error = { errorCode: 'network', error: 'Serveren kan ikke nås. Ændringer gemmes lokalt og sendes senere.' };
    }
    this.refresh();
  }

  private bridgeAwareness(room: awarenessProtocol.Awareness): void {
    const link = this.linkAwareness;
    const encode = (from: awarenessProtocol.Awareness, ids: number[]) => awarenessProtocol.encodeAwarenessUpdate(from, ids);
    // Local people (room) → remote.
    const fromRoom = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin === BRIDGE_ORIGIN) return;
      const ids = [...added, ...updated, ...removed].filter((id) => !this.remoteIds.has(id) && id !== room.clientID);
      for (const id of [...added, ...updated]) if (!this.remoteIds.has(id)) this.localIds.add(id);
      if (ids.length > 0) awarenessProtocol.applyAwarenessUpdate(link, encode(room, ids), BRIDGE_ORIGIN);
    };
    // Remote people → room (and from there to the local connections).
    const fromRemote = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin !== this.provider) return;
      for (const id of [...added, ...updated]) if (!this.localIds.has(id)) this.remoteIds.add(id);
      const gone = removed.filter((id) => this.remoteIds.has(id));
      const ids = [...added, ...updated].filter((id) => this.remoteIds.has(id)).concat(gone);
      if (ids.length > 0) awarenessProtocol.applyAwarenessUpdate(room, encode(link, ids), BRIDGE_ORIGIN);
      for (const id of gone) this.remoteIds.delete(id);
    };
    room.on('update', fromRoom);
    link.on('update', fromRemote);
    this.cleanups.push(() => room.off('update', fromRoom));
    this.cleanups.push(() => link.off('update', fromRemote));
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
