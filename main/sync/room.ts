// Document rooms: one Y.Doc per document name, shared by every connection to it, whatever the transport
// (WebSocket in the sync server, Electron IPC in the desktop host).
//
// Guarantees:
// - A room loads its document from persistence before it answers anything; connections that arrive
//   during the load wait (their messages are buffered).
// - Every change to the room's document is appended to persistence, and only relayed (or served in a
//   sync step 2, or acknowledged with `saved`) once that append resolved: a client can never receive
//   state that a crash could still lose. Parts of updates that wait for missing dependencies (Yjs's
//   pending structs) are neither stored, nor served, nor acknowledged until they integrate.
// - Every incoming update is checked before it touches the document (update-check.ts); limits bound a
//   document's size, the bytes waiting for slow readers, and repeated sync requests.
// - A failed write closes every connection of the room (4500 'storage failure') and refuses the document
//   until restart.
// - A viewer receives the document and presence; its document changes are dropped, its presence relayed.
// - A commenter's update is applied and relayed only if every change in it is a comment change
//   (commenter-check.ts); any other is dropped whole, logged once per connection, and a `pejling` client is
//   told (message 103 refused). Either way it is counted and acknowledged, so acknowledgements stay in order.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { isValidDocumentId } from '../storage/document-id';
import type { DocumentPersistence } from '../storage/types';
import {
  CLOSE_CODES,
  type ConnectionRole,
  decodeMessage,
  encodeAwareness,
  encodeInfo,
  encodeRefused,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from '../../shared/sync/protocol';
import { DurableQueue } from './durable-queue';
import { checkUpdate } from './update-check';
import { checkCommenterUpdate, type CommenterVerdict } from './commenter-check';
import { silentLogger, type SyncLogger } from './sync-log';

/** The one thing a room needs from a connection's transport. */
export interface Transport {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes handed to `send` that the peer has not taken yet (WebSocket: `ws.bufferedAmount`); 0 if unknown. */
  bufferedAmount?(): number;
}

/** Close codes of the rooms' limits (besides CLOSE_CODES). */
export const LIMIT_CLOSE_CODES = {
  /** The connection does not read what it is sent (retry later: 1013 "Try Again Later"). */
  tooSlow: 1013,
  /** The document would grow past its size limit (final: resending the same changes will not help). */
  documentTooLarge: 4413,
  /** An internal error in the room (retry: the document is reloaded from storage). */
  internalError: 1011,
} as const;

export interface ConnectOptions {
  role: ConnectionRole;
  /** The client asked for the Pejling extensions (saved acknowledgements, info). */
  pejling?: boolean;
  /** Peer address for logs. */
  peer?: string;
}

/** What the transport calls: incoming bytes, and the peer having gone away. */
export interface RoomConnection {
  readonly id: number;
  readonly documentName: string;
  readonly role: ConnectionRole;
  receive(message: Uint8Array): void;
  /** The transport closed (by the peer or the network). Idempotent. */
  transportClosed(code?: number): void;
}

export interface RoomsOptions {
  persistence: DocumentPersistence;
  log?: SyncLogger;
  /** How long a room without connections stays loaded (default 10 s). */
  unloadAfterMs?: number;
  /** Default 50. */
  maxConnectionsPerDocument?: number;
  /** Messages a connection may send before its room has loaded (default 1000). */
  maxBufferedMessages?: number;
  /** Runs on a loaded document before anyone is served it (e.g. a layout migration); its changes are stored. */
  prepare?: (doc: Y.Doc) => void;
  /** Someone's presence came to or left a document (the host's document list shows who has it open). */
  onPresence?: (name: string) => void;
  /** Largest document (its encoded Yjs state) a client may grow it to (default 32 MiB); larger: 4413. */
  maxDocumentBytes?: number;
  /** Unsent bytes towards one connection before it is closed as too slow (default 48 MiB). */
  maxBufferedBytesPerConnection?: number;
  /** Unsent bytes towards all connections of one document; past it the slowest reader is closed (default 128 MiB). */
  maxBufferedBytesPerDocument?: number;
}

/** Presence (awareness) client ids one connection may hold (a host's remote link bridges several people). */
const MAX_PRESENCE_IDS_PER_CONNECTION = 32;

/** How long parts of updates may wait for missing dependencies before they are dropped. */
const PENDING_EXPIRY_MS = 30_000;

/** State vectors (of sync step 1 requests) remembered per connection, to answer each only once. */
const ANSWERED_VECTORS_KEPT = 32;

/** A loaded document kept open by the host (e.g. for a remote link); release it when done. */
export interface RoomHandle {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** True once the room failed (storage) or was shut down; the doc is then no longer served. */
  readonly closed: boolean;
  /** Resolves when every change made so far is durable. Rejects if the room failed. */
  whenDurable(): Promise<void>;
  release(): void;
}

const LOAD_ORIGIN = Symbol('pejling-room-load');

let nextConnectionId = 1;

class Connection implements RoomConnection {
  readonly id = nextConnectionId++;
  closed = false;
  /** Update-bearing messages received (what `saved` counts). */
  received = 0;
  private savedSent = 0;
  /** Awareness client ids this connection controls (removed when it leaves). */
  readonly clientIds = new Set<number>();
  buffered: Uint8Array[] | null = [];
  room: Room | null = null;
  viewerWriteLogged = false;
  commenterRefusalLogged = false;
  /** Replies computed for this connection that wait for durability before they are sent (bytes). */
  pendingBytes = 0;
  /** Sync step 1 state vectors already answered on this connection (most recent last). */
  readonly answeredVectors: string[] = [];
  repeatLogged = false;
  presenceRefusedLogged = false;
  /** The document's state vector as of the last sync step 2 sent here: the peer has at least this. */
  sentState: Map<number, number> | null = null;

  constructor(
    readonly documentName: string,
    readonly role: ConnectionRole,
    readonly pejling: boolean,
    readonly peer: string | undefined,
    private readonly transport: Transport,
    private readonly log: SyncLogger,
  ) {}

  receive(message: Uint8Array): void {
    if (this.closed || !this.room) return;
    this.room.receive(this, message);
  }

  transportClosed(code?: number): void {
    if (this.closed) return;
    this.closed = true;
    this.log({ event: 'close', doc: this.documentName, role: this.role, peer: this.peer, code });
    this.room?.remove(this);
  }

  /** Bytes this connection was given (or is about to be given) that its peer has not read yet. */
  unsentBytes(): number {
    let buffered = 0;
    try {
      buffered = this.transport.bufferedAmount?.() ?? 0;
    } catch {
      // a transport that cannot tell counts as empty
    }
    return buffered + this.pendingBytes;
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    // A single message larger than the limit still goes out to a connection that has read everything
    // (the initial sync of a large document); what piles up behind it does not.
    if (this.room && !this.room.mayBuffer(this, message.length)) return;
    try {
      this.transport.send(message);
    } catch (error) {
      this.log({ event: 'error', doc: this.documentName, peer: this.peer, reason: `send failed: ${describe(error)}` });
      this.close(1011, 'send failed');
      return;
    }
    this.room?.checkDocumentBuffers(this);
  }

  sendSaved(count: number): void {
    if (count <= this.savedSent) return;
    this.savedSent = count;
    this.send(encodeSaved(count));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.transport.close(code, reason);
    } catch {
      // the transport is already gone
    }
    this.log({ event: 'close', doc: this.documentName, role: this.role, peer: this.peer, code, reason });
    this.room?.remove(this);
  }
}

class Room {
  state: 'loading' | 'ready' | 'failed' | 'unloaded' = 'loading';
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Connections that arrived while loading. */
  private readonly waiting = new Set<Connection>();
  holds = 0;
  private unloadTimer: ReturnType<typeof setTimeout> | null = null;
  /** Who set each presence client id (a connection, the host's remote link, …): only it may change it. */
  private readonly presenceOwners = new Map<number, unknown>();
  readonly queue: DurableQueue;
  readonly loaded: Promise<void>;
  /**
   * Upper estimate of the document's encoded size: the loaded state plus every change since (changes that
   * overlap count twice). Recomputed exactly when it would pass the limit.
   */
  private approxBytes = 0;

  constructor(
    readonly name: string,
    private readonly rooms: Rooms,
    private readonly ctx: Required<RoomsOptions>,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.queue = new DurableQueue(
      (update) => ctx.persistence.append(name, update),
      (error, phase) => (phase === 'write' ? this.fail(error, 'write') : this.abort(`${phase} error on the write path: ${describe(error)}`)),
      (error) => ctx.log({ event: 'internal-error', doc: name, reason: `after a durable write: ${describe(error)}` }),
    );
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onAwarenessUpdate(change, origin));
    this.loaded = this.load();
  }

  get connectionCount(): number {
    return this.connections.size + this.waiting.size;
  }

  /**
   * Set when storage could open the document only read-only (a repair that a full disk could not write): every
   * connection is then served as a viewer, told so, and its changes are not taken, instead of failing each write.
   */
  private readOnly = false;

  private async load(): Promise<void> {
    const started = Date.now();
    try {
      const { update, recovery } = await this.ctx.persistence.load(this.name);
      if (this.state !== 'loading') return;
      Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
      try {
        this.ctx.prepare(this.doc);
      } catch (error) {
        this.ctx.log({ event: 'error', level: 'warn', doc: this.name, reason: `prepare: ${describe(error)}` });
      }
      this.approxBytes = update.length;
      if (recovery?.readOnly) {
        this.readOnly = true;
        this.ctx.log({ event: 'room-read-only', level: 'warn', doc: this.name, reason: 'storage opened the document read-only' });
      }
      if (recovery) {
        this.ctx.log({
          event: 'room-recovered',
          doc: this.name,
          reason: recovery.reason,
          discardedBytes: recovery.discardedBytes,
        });
      }
      this.ctx.log({ event: 'room-load', doc: this.name, bytes: update.length, ms: Date.now() - started });
    } catch (error) {
      this.fail(error, 'load');
      throw error;
    }
    this.state = 'ready';
    for (const connection of [...this.waiting]) {
      this.waiting.delete(connection);
      if (!connection.closed) this.join(connection);
    }
    this.scheduleUnloadIfUnused();
  }

  add(connection: Connection): void {
    connection.room = this;
    this.cancelUnload();
    if (this.state === 'ready') this.join(connection);
    else this.waiting.add(connection);
  }

  private join(connection: Connection): void {
    this.connections.add(connection);
    const buffered = connection.buffered ?? [];
    connection.buffered = null;
    this.ctx.log({
      event: 'open',
      doc: this.name,
      role: connection.role,
      peer: connection.peer,
      connections: this.connections.size,
    });
    if (connection.pejling) {
      connection.send(encodeInfo({ role: this.readOnly ? 'viewer' : connection.role }));
      const announcement = this.rooms.announcementFor(this.name);
      if (announcement) connection.send(announcement);
    }
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.awareness.getStates().size > 0) {
      const clients = [...this.awareness.getStates().keys()];
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
    }
    for (const message of buffered) {
      if (connection.closed) break;
      this.handle(connection, message);
    }
  }

  receive(connection: Connection, message: Uint8Array): void {
    if (connection.buffered !== null) {
      if (connection.buffered.length >= this.ctx.maxBufferedMessages) {
        this.malformed(connection, 'too many messages before the document was loaded');
        return;
      }
      connection.buffered.push(message);
      return;
    }
    this.handle(connection, message);
  }

  private handle(connection: Connection, message: Uint8Array): void {
    let decoded;
    try {
      decoded = decodeMessage(message);
    } catch (error) {
      this.malformed(connection, error instanceof ProtocolError ? error.message : 'undecodable message');
      return;
    }
    switch (decoded.type) {
      case 'sync-step1': {
        // Answered once per state vector per connection, and never with what this connection was already
        // sent: 500 repeated requests from a client that does not read cost one reply, not 500 copies of
        // the document (issue 20, item 5). The connection receives every later change anyway.
        const key = Buffer.from(decoded.stateVector).toString('base64');
        if (connection.answeredVectors.includes(key)) {
          if (!connection.repeatLogged) {
            connection.repeatLogged = true;
            this.ctx.log({ event: 'sync-repeat-ignored', doc: this.name, role: connection.role, peer: connection.peer });
          }
          return;
        }
        let missing: Uint8Array;
        try {
          const target = Y.decodeStateVector(decoded.stateVector);
          for (const [client, clock] of connection.sentState ?? []) {
            if (clock > (target.get(client) ?? 0)) target.set(client, clock);
          }
          missing = encodeIntegratedState(this.doc, Y.encodeStateVector(target));
        } catch {
          this.malformed(connection, 'sync step 1: invalid state vector');
          return;
        }
        connection.answeredVectors.push(key);
        if (connection.answeredVectors.length > ANSWERED_VECTORS_KEPT) connection.answeredVectors.shift();
        connection.sentState = Y.decodeStateVector(Y.encodeStateVector(this.doc));
        // Computed now, sent once everything it contains is durable; counted as unsent meanwhile.
        const reply = encodeSyncStep2(missing);
        connection.pendingBytes += reply.length;
        this.queue.afterDurable(() => {
          connection.pendingBytes -= reply.length;
          connection.send(reply);
        });
        return;
      }
      case 'sync-step2':
      case 'sync-update': {
        if (connection.role === 'viewer' || this.readOnly) {
          if (!connection.viewerWriteLogged) {
            connection.viewerWriteLogged = true;
            this.ctx.log({ event: 'viewer-write-ignored', doc: this.name, role: this.readOnly ? 'viewer' : connection.role, peer: connection.peer });
          }
          return;
        }
        // Checked before it touches the document: an update that applies but does not merge with the
        // stored state would make the document unloadable once stored (see update-check.ts).
        const verdict = checkUpdate(this.doc, decoded.update);
        if (!verdict.ok) {
          this.refuseUpdate(connection, decoded.update.length, verdict.reason ?? 'invalid');
          return;
        }
        if (connection.role === 'commenter') {
          const allowed = checkCommenterUpdate(this.doc, decoded.update, { mayWriteClient: (client) => this.mayWriteClient(connection, client) });
          if (!allowed.ok) {
            this.refuseCommenterUpdate(connection, decoded.update.length, allowed);
            return;
          }
        }
        if (!this.fits(decoded.update.length)) {
          const limit = this.ctx.maxDocumentBytes;
          this.ctx.log({
            event: 'limit',
            limit: 'document-size',
            doc: this.name,
            role: connection.role,
            peer: connection.peer,
            bytes: this.approxBytes,
            update: decoded.update.length,
            max: limit,
          });
          connection.close(LIMIT_CLOSE_CODES.documentTooLarge, `document too large: over ${mib(limit)} MiB`);
          return;
        }
        const count = ++connection.received;
        const store = this.doc.store;
        const pendingBefore = { structs: store.pendingStructs?.update ?? null, ds: store.pendingDs };
        const pendingObjectsBefore = { structs: store.pendingStructs, ds: store.pendingDs };
        try {
          Y.applyUpdate(this.doc, decoded.update, connection);
        } catch (error) {
          this.refuseUpdate(connection, decoded.update.length, `does not apply (${describe(error)})`);
          return;
        }
        if (connection.role === 'editor') this.recordWriter(connection, decoded.update);
        // What the update could integrate reached the log through the update event (Yjs's own encoding of
        // what the document took in). Parts waiting for missing dependencies (pending structs or deletions)
        // are NOT stored: raw, they can disagree with what later integrates under the same ids, and the
        // log would then load as something else than everyone saw (found by server-fuzz.test.ts). They are
        // not acknowledged either until they integrated (and so are durable): the acknowledgements of this
        // connection wait from here on (they count in order).
        let addedPending =
          (store.pendingStructs !== null && store.pendingStructs.update !== pendingBefore.structs) ||
          (store.pendingDs !== null && !sameBytes(store.pendingDs, pendingBefore.ds));
        if (addedPending && connection.role === 'commenter') {
          // commenter-check.ts refuses what would wait for dependencies, so this means it and Yjs disagree:
          // the waiting parts were never checked, so they must not integrate later. Never stored either.
          this.ctx.log({ event: 'internal-error', level: 'error', kind: 'commenter-pending', doc: this.name, reason: 'a checked commenter update left pending parts; dropped' });
          store.pendingStructs = pendingObjectsBefore.structs;
          store.pendingDs = pendingObjectsBefore.ds;
          addedPending = false;
        }
        if (addedPending || this.deferredAcks.has(connection)) {
          this.deferredAcks.set(connection, count);
          this.schedulePendingExpiry();
        } else if (connection.pejling) {
          this.queue.afterDurable(() => connection.sendSaved(count));
        }
        this.flushDeferredAcksIfSettled();
        return;
      }
      case 'awareness': {
        let own: Uint8Array | null;
        try {
          own = this.ownPresence(connection, decoded.update);
          if (own) awarenessProtocol.applyAwarenessUpdate(this.awareness, own, connection);
        } catch {
          this.malformed(connection, 'invalid awareness update');
        }
        return;
      }
      case 'query-awareness': {
        const clients = [...this.awareness.getStates().keys()];
        connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
        return;
      }
      default:
        this.malformed(connection, `unexpected message type '${decoded.type}' from a client`);
    }
  }

  /**
   * The part of an awareness update a connection may make: entries for client ids no one else holds (the
   * first connection to set an id holds it until it leaves), at most MAX_PRESENCE_IDS_PER_CONNECTION.
   * Entries for other people's ids are dropped (logged once per connection): a viewer cannot set or clear
   * someone else's presence. Null when nothing is left. Throws on bytes that are not an awareness update.
   */
  private ownPresence(connection: Connection, update: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: { id: number; clock: number; state: string }[] = [];
    const refused: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      const owner = this.presenceOwners.get(id);
      const mine = owner === connection;
      if (mine || (owner === undefined && connection.clientIds.size + kept.length < MAX_PRESENCE_IDS_PER_CONNECTION)) {
        kept.push({ id, clock, state });
      } else {
        refused.push(id);
      }
    }
    if (refused.length > 0 && !connection.presenceRefusedLogged) {
      connection.presenceRefusedLogged = true;
      this.ctx.log({
        event: 'presence-refused',
        doc: this.name,
        role: connection.role,
        peer: connection.peer,
        clients: refused.slice(0, 5),
        reason: 'presence for client ids this connection does not hold',
      });
    }
    if (kept.length === 0) return null;
    if (refused.length === 0) return update;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const entry of kept) {
      encoding.writeVarUint(encoder, entry.id);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.state);
    }
    return encoding.toUint8Array(encoder);
  }

  /**
   * Client ids written by each open editor connection (since the room loaded). A commenter may not write
   * structs of a client id that another open connection writes or holds in presence: Yjs takes the first
   * struct it sees for a clock, so a commenter could otherwise claim an editor's next clocks and have the
   * editor's real edits there ignored. (Offline clients are not covered: the protocol carries no authorship.)
   */
  private readonly writers = new Map<number, Connection>();

  private recordWriter(connection: Connection, update: Uint8Array): void {
    try {
      for (const client of Y.parseUpdateMeta(update).from.keys()) this.writers.set(client, connection);
    } catch {
      // applied already, so it parses; nothing to record otherwise
    }
  }

  private mayWriteClient(connection: Connection, client: number): boolean {
    const writer = this.writers.get(client);
    if (writer !== undefined && writer !== connection) return false;
    const owner = this.presenceOwners.get(client);
    return owner === undefined || owner === connection;
  }

  /** A commenter's update that is not only comments: dropped whole; counted, acknowledged and reported in order. */
  private refuseCommenterUpdate(connection: Connection, bytes: number, verdict: Extract<CommenterVerdict, { ok: false }>): void {
    const count = ++connection.received;
    // Yjs's formatting cleanup after someone else's change (see CommenterVerdict): nobody's edit, said to no one.
    const quiet = verdict.formatCleanup === true;
    if (!connection.commenterRefusalLogged && !quiet) {
      connection.commenterRefusalLogged = true;
      this.ctx.log({
        event: 'commenter-write-refused',
        level: 'warn',
        doc: this.name,
        role: connection.role,
        peer: connection.peer,
        bytes,
        reason: verdict.reason,
        detail: verdict.detail,
      });
    }
    if (connection.pejling && !quiet) connection.send(encodeRefused({ count, reason: verdict.reason }));
    if (this.deferredAcks.has(connection)) this.deferredAcks.set(connection, count);
    else if (connection.pejling) this.queue.afterDurable(() => connection.sendSaved(count));
  }

  /** Acknowledgements held back until the document's pending parts integrated (see sync-update above). */
  private readonly deferredAcks = new Map<Connection, number>();
  private pendingTimer: ReturnType<typeof setTimeout> | null = null;

  private flushDeferredAcksIfSettled(): void {
    if (this.deferredAcks.size === 0) return;
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) return;
    for (const [connection, count] of this.deferredAcks) {
      if (connection.pejling) this.queue.afterDurable(() => connection.sendSaved(count));
    }
    this.deferredAcks.clear();
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = null;
  }

  /**
   * Pending parts whose dependencies never arrive are dropped after PENDING_EXPIRY_MS (they were never
   * stored or acknowledged); connections waiting for an acknowledgement are closed (1011) so they
   * reconnect and send what the server still lacks.
   */
  private schedulePendingExpiry(): void {
    if (this.pendingTimer) return;
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = null;
      if (this.state !== 'ready') return;
      const store = this.doc.store;
      if (store.pendingStructs === null && store.pendingDs === null) {
        this.flushDeferredAcksIfSettled();
        return;
      }
      this.ctx.log({ event: 'pending-dropped', doc: this.name, connections: this.deferredAcks.size, reason: `missing dependencies for ${PENDING_EXPIRY_MS} ms` });
      store.pendingStructs = null;
      store.pendingDs = null;
      const waiting = [...this.deferredAcks.keys()];
      this.deferredAcks.clear();
      for (const connection of waiting) connection.close(LIMIT_CLOSE_CODES.internalError, 'incomplete update: reconnect to resync');
    }, PENDING_EXPIRY_MS);
    this.pendingTimer.unref?.();
  }

  /** Whether the document may grow by `bytes` (recomputes its real size when the estimate says no). */
  private fits(bytes: number): boolean {
    const limit = this.ctx.maxDocumentBytes;
    if (this.approxBytes + bytes <= limit) return true;
    this.approxBytes = Y.encodeStateAsUpdate(this.doc).length;
    return this.approxBytes + bytes <= limit;
  }

  /** Whether `bytes` more may be queued towards `connection`; closes it as too slow if not. */
  mayBuffer(connection: Connection, bytes: number): boolean {
    const unsent = connection.unsentBytes();
    const limit = this.ctx.maxBufferedBytesPerConnection;
    if (unsent === 0 || unsent + bytes <= limit) return true;
    this.closeSlow(connection, 'connection-buffer', unsent, limit);
    return false;
  }

  /** After a send that left bytes unsent: past the document's total, the slowest readers are closed. */
  checkDocumentBuffers(sender: Connection): void {
    if (sender.closed || sender.unsentBytes() === 0) return;
    const limit = this.ctx.maxBufferedBytesPerDocument;
    const unsent = [...this.connections].map((connection) => ({ connection, bytes: connection.unsentBytes() }));
    let total = unsent.reduce((sum, entry) => sum + entry.bytes, 0);
    if (total <= limit) return;
    unsent.sort((a, b) => b.bytes - a.bytes);
    for (const { connection, bytes } of unsent) {
      if (total <= limit || bytes === 0) break;
      this.closeSlow(connection, 'document-buffer', bytes, limit, total);
      total -= bytes;
    }
  }

  private closeSlow(connection: Connection, limit: 'connection-buffer' | 'document-buffer', bytes: number, max: number, total?: number): void {
    this.ctx.log({
      event: 'limit',
      limit,
      doc: this.name,
      role: connection.role,
      peer: connection.peer,
      bytes,
      max,
      ...(total !== undefined ? { total } : {}),
    });
    const what = limit === 'connection-buffer' ? 'unsent to this connection' : "unsent to this document's connections";
    connection.close(LIMIT_CLOSE_CODES.tooSlow, `client too slow: over ${mib(max)} MiB ${what}`);
  }

  /** A document update that must not be stored: logged with the peer, the connection closed (4400), nothing kept. */
  private refuseUpdate(connection: Connection, bytes: number, reason: string): void {
    this.ctx.log({
      event: 'update-refused',
      doc: this.name,
      role: connection.role,
      peer: connection.peer,
      bytes,
      reason,
    });
    connection.close(CLOSE_CODES.malformed, `invalid document update: ${reason}`.slice(0, 120));
  }

  private malformed(connection: Connection, reason: string): void {
    this.ctx.log({ event: 'malformed', doc: this.name, role: connection.role, peer: connection.peer, reason });
    connection.close(CLOSE_CODES.malformed, `malformed message: ${reason}`.slice(0, 120));
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN || this.state === 'failed') return;
    if (!(origin instanceof Connection)) this.flushDeferredAcksIfSettled();
    this.approxBytes += update.length;
    this.queue.enqueue(update);
    const message = encodeUpdate(update);
    this.queue.afterDurable(() => {
      for (const connection of this.connections) if (connection !== origin) connection.send(message);
    });
  }

  private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    if (added.length > 0 || removed.length > 0) this.ctx.onPresence(this.name);
    if (origin instanceof Connection) {
      for (const id of added) origin.clientIds.add(id);
      for (const id of updated) origin.clientIds.add(id);
      for (const id of removed) origin.clientIds.delete(id);
    }
    // Whoever set an id holds it (connections, the host's remote link); removal (also by timeout) frees it.
    for (const id of [...added, ...updated]) if (!this.presenceOwners.has(id)) this.presenceOwners.set(id, origin ?? null);
    for (const id of removed) this.presenceOwners.delete(id);
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.connections.size === 0) return;
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    // Also back to the sender, as the stock server does: a stock client alone in a room otherwise hears
    // nothing for 30 s and drops its connection (y-websocket's liveness check).
    for (const connection of this.connections) connection.send(message);
  }

  remove(connection: Connection): void {
    this.connections.delete(connection);
    this.deferredAcks.delete(connection);
    this.waiting.delete(connection);
    if (connection.clientIds.size > 0 && this.state === 'ready') {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.clientIds], null);
    }
    for (const [id, owner] of this.presenceOwners) if (owner === connection) this.presenceOwners.delete(id);
    for (const [client, writer] of this.writers) if (writer === connection) this.writers.delete(client);
    this.scheduleUnloadIfUnused();
  }

  release(): void {
    this.holds = Math.max(0, this.holds - 1);
    this.scheduleUnloadIfUnused();
  }

  cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  scheduleUnloadIfUnused(): void {
    if (this.state !== 'ready' || this.connectionCount > 0 || this.holds > 0 || this.unloadTimer) return;
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = null;
      this.unloadIfUnused().catch((error: unknown) => this.abort(`unloading failed: ${describe(error)}`));
    }, this.ctx.unloadAfterMs);
    this.unloadTimer.unref?.();
  }

  private async unloadIfUnused(): Promise<void> {
    if (this.state !== 'ready' || this.connectionCount > 0 || this.holds > 0) return;
    if (!this.queue.idle) {
      await this.queue.whenIdle();
      return this.unloadIfUnused();
    }
    this.dispose();
    this.ctx.log({ event: 'room-unload', doc: this.name });
    try {
      // Release the document's storage too, so a long-running server's memory follows its open rooms.
      const { persistence } = this.ctx;
      await (persistence.release ? persistence.release(this.name) : persistence.flush());
    } catch (error) {
      this.ctx.log({ event: 'storage-failure', doc: this.name, reason: `flush failed: ${describe(error)}` });
    }
  }

  /** Closes every connection (server shutdown); the caller drains and flushes. */
  shutdown(code: number, reason: string): void {
    this.cancelUnload();
    for (const connection of [...this.connections, ...this.waiting]) connection.close(code, reason);
  }

  fail(error: unknown, phase: 'load' | 'write'): void {
    if (this.state === 'failed' || this.state === 'unloaded') return;
    this.ctx.log({
      event: 'storage-failure',
      doc: this.name,
      reason: `${phase === 'load' ? 'loading' : 'writing'} the document failed: ${describe(error)}`,
    });
    this.state = 'failed';
    this.rooms.markFailed(this.name);
    for (const connection of [...this.connections, ...this.waiting]) {
      connection.close(CLOSE_CODES.storageFailure, 'storage failure');
    }
    this.dispose();
    this.state = 'failed';
  }

  /**
   * Something went wrong in the room's own code (not the storage): close its connections with 1011 (clients
   * reconnect and resend what was not acknowledged) and unload it without writing what is not durable yet;
   * the next connection loads the document afresh from storage. The rest of the server keeps serving.
   */
  abort(reason: string): void {
    if (this.state === 'failed' || this.state === 'unloaded') return;
    this.ctx.log({ event: 'room-aborted', level: 'error', doc: this.name, reason });
    const connections = [...this.connections, ...this.waiting];
    this.dispose();
    for (const connection of connections) connection.close(LIMIT_CLOSE_CODES.internalError, 'internal error: the document is reloaded');
  }

  dispose(): void {
    this.cancelUnload();
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = null;
    if (this.state !== 'failed') this.state = 'unloaded';
    this.rooms.forget(this);
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `Y.encodeStateAsUpdate` without the pending parts (which are not durable, see the room's guarantees). */
function encodeIntegratedState(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const store = doc.store;
  const pending = { structs: store.pendingStructs, ds: store.pendingDs };
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    store.pendingStructs = pending.structs;
    store.pendingDs = pending.ds;
  }
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function mib(bytes: number): string {
  return String(Math.round((bytes / 2 ** 20) * 10) / 10);
}

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly failed = new Set<string>();
  /** Sticky extension messages per document (see `announce`). */
  private readonly announcements = new Map<string, Uint8Array>();
  private closing = false;
  private readonly ctx: Required<RoomsOptions>;

  constructor(options: RoomsOptions) {
    this.ctx = {
      persistence: options.persistence,
      log: options.log ?? silentLogger,
      unloadAfterMs: options.unloadAfterMs ?? 10_000,
      maxConnectionsPerDocument: options.maxConnectionsPerDocument ?? 50,
      maxBufferedMessages: options.maxBufferedMessages ?? 1000,
      prepare: options.prepare ?? (() => undefined),
      onPresence: options.onPresence ?? (() => undefined),
      maxDocumentBytes: options.maxDocumentBytes ?? 32 * 2 ** 20,
      maxBufferedBytesPerConnection: options.maxBufferedBytesPerConnection ?? 48 * 2 ** 20,
      maxBufferedBytesPerDocument: options.maxBufferedBytesPerDocument ?? 128 * 2 ** 20,
    };
  }

  /** Why a connection to `name` would be refused right now, or null. Lets the server answer over HTTP. */
  refusal(name: string): { code: number; reason: string } | null {
    if (this.closing) return { code: CLOSE_CODES.goingAway, reason: 'server shutting down' };
    if (!isValidDocumentId(name)) return { code: CLOSE_CODES.malformed, reason: 'invalid document name' };
    if (this.failed.has(name)) return { code: CLOSE_CODES.storageFailure, reason: 'storage failure' };
    const room = this.rooms.get(name);
    if (room && room.connectionCount >= this.ctx.maxConnectionsPerDocument) {
      return { code: CLOSE_CODES.tooManyConnections, reason: 'too many connections to this document' };
    }
    return null;
  }

  /** Attaches a transport to the document's room (loading it if needed). Refusals close the transport. */
  connect(name: string, transport: Transport, options: ConnectOptions): RoomConnection {
    const connection = new Connection(name, options.role, options.pejling === true, options.peer, transport, this.ctx.log);
    const refusal = this.refusal(name);
    if (refusal) {
      connection.closed = true;
      this.ctx.log({ event: 'refused', doc: name, role: options.role, peer: options.peer, ...refusal });
      try {
        transport.close(refusal.code, refusal.reason);
      } catch {
        // already gone
      }
      return connection;
    }
    this.roomFor(name).add(connection);
    return connection;
  }

  /** Loads the document and keeps it loaded until released (the host's replica for a remote link). */
  async acquire(name: string): Promise<RoomHandle> {
    if (!isValidDocumentId(name)) throw new Error(`Invalid document name '${name}'.`);
    if (this.closing) throw new Error('The sync rooms are shutting down.');
    if (this.failed.has(name)) throw new Error(`Document '${name}' is unavailable after a storage failure.`);
    const room = this.roomFor(name);
    room.holds++;
    room.cancelUnload();
    try {
      await room.loaded;
    } catch (error) {
      room.holds--;
      throw error;
    }
    let released = false;
    return {
      name,
      doc: room.doc,
      awareness: room.awareness,
      get closed() {
        return room.state !== 'ready';
      },
      whenDurable: async () => {
        await room.queue.whenIdle();
        if (room.queue.failed) throw new Error(`Document '${name}' could not be written to storage.`);
      },
      release: () => {
        if (released) return;
        released = true;
        room.release();
      },
    };
  }

  /** Loaded documents. */
  get documentCount(): number {
    return this.rooms.size;
  }

  /** Open connections over all rooms. */
  get connectionCount(): number {
    let total = 0;
    for (const room of this.rooms.values()) total += room.connectionCount;
    return total;
  }

  /** The names people present in a document gave (their presence's user.name), sorted; [] when it is not loaded. */
  presentNames(name: string): string[] {
    const names = new Set<string>();
    for (const state of this.rooms.get(name)?.awareness.getStates().values() ?? []) {
      const user: unknown = (state as { user?: unknown }).user;
      const userName = typeof user === 'object' && user !== null ? (user as { name?: unknown }).name : undefined;
      if (typeof userName === 'string' && userName.trim()) names.add(userName.trim());
    }
    return [...names].sort((a, b) => a.localeCompare(b, 'da'));
  }

  isLoaded(name: string): boolean {
    return this.rooms.has(name);
  }

  /** Resolves once every change made so far to a loaded document is durable (immediately if not loaded). */
  async whenDurable(name: string): Promise<void> {
    await this.rooms.get(name)?.queue.whenIdle();
  }

  /**
   * Closes one document's connections (e.g. after the host deleted it) and unloads it once its pending
   * writes are durable. Held handles see `closed`. Later connections load it afresh.
   */
  async closeDocument(name: string, code: number = CLOSE_CODES.documentClosed, reason = 'document closed'): Promise<void> {
    const room = this.rooms.get(name);
    if (!room) return;
    room.shutdown(code, reason);
    // Stay registered until the writes are durable, so a reload cannot miss them; whoever joined
    // meanwhile is closed too.
    await room.queue.whenIdle();
    room.shutdown(code, reason);
    if (room.state === 'ready' || room.state === 'loading') room.dispose();
  }

  /**
   * Shutdown: refuses new connections, closes the open ones (code 1001 by default), waits for every
   * pending write and flushes persistence. Persistence itself stays open (its owner closes it).
   */
  async close(code: number = CLOSE_CODES.goingAway, reason = 'server shutting down'): Promise<void> {
    this.closing = true;
    const rooms = [...this.rooms.values()];
    for (const room of rooms) room.shutdown(code, reason);
    await Promise.all(rooms.map((room) => room.queue.whenIdle()));
    for (const room of rooms) if (room.state === 'ready' || room.state === 'loading') room.dispose();
    try {
      await this.ctx.persistence.flush();
    } catch (error) {
      this.ctx.log({ event: 'storage-failure', reason: `final flush failed: ${describe(error)}` });
    }
  }

  /**
   * Sends a Pejling extension message (e.g. 102 remote-state) to every open `pejling` connection of the
   * document. `sticky`: also to each one that joins later, until replaced; otherwise any earlier sticky
   * message of the document is dropped. Stock clients never receive it.
   */
  announce(name: string, message: Uint8Array, { sticky }: { sticky: boolean }): void {
    if (sticky) this.announcements.set(name, message);
    else this.announcements.delete(name);
    const room = this.rooms.get(name);
    if (!room) return;
    for (const connection of room.connections) if (connection.pejling) connection.send(message);
  }

  /** @internal The sticky announcement of a document, sent to joining `pejling` connections. */
  announcementFor(name: string): Uint8Array | undefined {
    return this.announcements.get(name);
  }

  /** Closes and unloads a document after an internal error (see Room.abort); false if it was not loaded. */
  abortDocument(name: string, reason: string): boolean {
    const room = this.rooms.get(name);
    if (!room) return false;
    room.abort(reason);
    return true;
  }

  /** @internal */
  markFailed(name: string): void {
    this.failed.add(name);
  }

  /** @internal */
  forget(room: Room): void {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
  }

  private roomFor(name: string): Room {
    let room = this.rooms.get(name);
    if (!room) {
      room = new Room(name, this, this.ctx);
      this.rooms.set(name, room);
      // A load failure is handled (and logged) by the room itself.
      room.loaded.catch(() => undefined);
    }
    return room;
  }
}
