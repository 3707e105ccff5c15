// The Pejling sync protocol: the y-websocket wire protocol (y-protocols sync + awareness) plus three
// Pejling extensions that the server only sends to clients that opted in with `?pejling=1`.
//
//   [varUint messageType, ...payload]
//   0   sync             [varUint syncType (0 step1 | 1 step2 | 2 update), varUint8Array data]
//   1   awareness        [varUint8Array awarenessUpdate]
//   2   auth             (y-websocket; Pejling never sends it: refused tokens are refused before the upgrade)
//   3   query awareness  []
//   100 saved            [varUint count]  how many update-bearing messages (sync step 2 + update) this
//                        connection sent that are now durable on the server, in the order they were sent
//   101 info             [varString JSON]  the server's view of this connection, e.g. {"role":"viewer"}
//   102 remote-state     [varString JSON]  a host's link to a remote sync server for this document, e.g.
//                        {"state":{"kind":"offline","pending":3},"role":"editor","error":"…"}; sent by the
//                        host to its own connections on connect and whenever the link's state changes
//   103 refused          [varString JSON]  a commenter's update-bearing message that the server dropped whole,
//                        e.g. {"count":4,"reason":"not-comment"}: the 4th such message (as `saved` counts)
//
// Runs in renderer, main process, CLI and server: no DOM, no Node.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { SyncState } from './sync-state';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export const MESSAGE_SAVED = 100;
export const MESSAGE_INFO = 101;
export const MESSAGE_REMOTE_STATE = 102;
export const MESSAGE_REFUSED = 103;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Query parameter by which a client asks for the Pejling extensions (100 saved, 101 info, 102 remote-state). */
export const PEJLING_QUERY_PARAM = 'pejling';

/** Close codes the server uses (4400-4499: do not reconnect; 4500-4599: try again later). */
export const CLOSE_CODES = {
  goingAway: 1001,
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  /** The document was closed on the server (e.g. deleted); reconnecting will not help. */
  documentClosed: 4404,
  tooManyConnections: 4429,
  storageFailure: 4500,
} as const;

export type ConnectionRole = 'editor' | 'commenter' | 'viewer';

const ROLES: readonly string[] = ['editor', 'commenter', 'viewer'] satisfies readonly ConnectionRole[];

function isRole(value: unknown): value is ConnectionRole {
  return typeof value === 'string' && ROLES.includes(value);
}

/** Payload of message 101. */
export interface ServerInfo {
  role: ConnectionRole;
}

/** Payload of message 102: the host's link to a remote sync server ({kind:'local'}: it has none). */
export interface RemoteStateInfo {
  state: SyncState;
  /** The role the remote server gave the host's link. */
  role?: ConnectionRole;
  /** Why the link is not working, in Danish, for the user. */
  error?: string;
  /** The remote server's address. */
  url?: string;
}

/** Why the server dropped a commenter's update whole (see main/sync/commenter-check.ts). */
export type RefusalReason = 'not-comment' | 'missing-dependencies' | 'invalid' | 'foreign-client';

/** Payload of message 103. */
export interface RefusedInfo {
  /** Which update-bearing message of this connection (counted as `saved` counts them, from 1). */
  count: number;
  reason: RefusalReason;
}

/** A decoded message; `data` is the embedded Yjs or awareness payload where there is one. */
export type DecodedMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth'; payload: Uint8Array }
  | { type: 'saved'; count: number }
  | { type: 'info'; info: ServerInfo }
  | { type: 'remote-state'; remote: RemoteStateInfo }
  | { type: 'refused'; refused: RefusedInfo };

/** Thrown for bytes that are not a well-formed protocol message; `message` says what is wrong. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

function build(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });
}

export function encodeQueryAwareness(): Uint8Array {
  return build((e) => encoding.writeVarUint(e, MESSAGE_QUERY_AWARENESS));
}

export function encodeSaved(count: number): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_SAVED);
    encoding.writeVarUint(e, count);
  });
}

export function encodeInfo(info: ServerInfo): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_INFO);
    encoding.writeVarString(e, JSON.stringify(info));
  });
}

export function encodeRemoteState(remote: RemoteStateInfo): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_REMOTE_STATE);
    encoding.writeVarString(e, JSON.stringify(remote));
  });
}

export function encodeRefused(refused: RefusedInfo): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_REFUSED);
    encoding.writeVarString(e, JSON.stringify(refused));
  });
}

const REFUSAL_REASONS: readonly string[] = ['not-comment', 'missing-dependencies', 'invalid', 'foreign-client'] satisfies readonly RefusalReason[];

function parseRefused(text: string): RefusedInfo {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProtocolError('refused message: payload is not JSON');
  }
  const { count, reason } = (value ?? {}) as Record<string, unknown>;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new ProtocolError('refused message: count must be a whole number ≥ 1');
  if (typeof reason !== 'string' || !REFUSAL_REASONS.includes(reason)) throw new ProtocolError(`refused message: reason must be one of ${REFUSAL_REASONS.join(', ')}`);
  return { count, reason: reason as RefusalReason };
}

const PENDING_KINDS = new Set(['offline', 'connecting', 'syncing']);

function parseRemoteState(text: string): RemoteStateInfo {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProtocolError('remote-state message: payload is not JSON');
  }
  if (typeof value !== 'object' || value === null) throw new ProtocolError('remote-state message: payload must be an object');
  const { state, role, error, url } = value as Record<string, unknown>;
  const kind = (state as { kind?: unknown } | null)?.kind;
  let parsed: SyncState;
  if (kind === 'local' || kind === 'synced') parsed = { kind };
  else if (typeof kind === 'string' && PENDING_KINDS.has(kind)) {
    const pending = (state as { pending?: unknown }).pending;
    if (typeof pending !== 'number' || !Number.isInteger(pending) || pending < 0) {
      throw new ProtocolError('remote-state message: state.pending must be a whole number ≥ 0');
    }
    parsed = { kind: kind as 'offline' | 'connecting' | 'syncing', pending };
  } else throw new ProtocolError('remote-state message: state.kind must be local, offline, connecting, syncing or synced');
  if (role !== undefined && !isRole(role)) throw new ProtocolError('remote-state message: role must be editor, commenter or viewer');
  if (error !== undefined && typeof error !== 'string') throw new ProtocolError('remote-state message: error must be a string');
  if (url !== undefined && typeof url !== 'string') throw new ProtocolError('remote-state message: url must be a string');
  return { state: parsed, ...(role ? { role } : {}), ...(error !== undefined ? { error } : {}), ...(url !== undefined ? { url } : {}) };
}

function parseInfo(text: string): ServerInfo {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProtocolError('info message: payload is not JSON');
  }
  const role = (value as { role?: unknown } | null)?.role;
  if (!isRole(role)) throw new ProtocolError('info message: role must be editor, commenter or viewer');
  return { role };
}

/**
 * Decodes one message. Throws ProtocolError for truncated data or an unknown (sub)type; it never
 * interprets the embedded Yjs/awareness payloads (applying them is where those are checked).
 */
export function decodeMessage(message: Uint8Array): DecodedMessage {
  if (message.length === 0) throw new ProtocolError('empty message');
  const decoder = decoding.createDecoder(message);
  try {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        const data = decoding.readVarUint8Array(decoder);
        if (syncType === SYNC_STEP1) return { type: 'sync-step1', stateVector: data };
        if (syncType === SYNC_STEP2) return { type: 'sync-step2', update: data };
        if (syncType === SYNC_UPDATE) return { type: 'sync-update', update: data };
        throw new ProtocolError(`unknown sync message type ${syncType}`);
      }
      case MESSAGE_AWARENESS:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MESSAGE_QUERY_AWARENESS:
        return { type: 'query-awareness' };
      case MESSAGE_AUTH:
        return { type: 'auth', payload: message.subarray(decoder.pos) };
      case MESSAGE_SAVED:
        return { type: 'saved', count: decoding.readVarUint(decoder) };
      case MESSAGE_INFO:
        return { type: 'info', info: parseInfo(decoding.readVarString(decoder)) };
      case MESSAGE_REMOTE_STATE:
        return { type: 'remote-state', remote: parseRemoteState(decoding.readVarString(decoder)) };
      case MESSAGE_REFUSED:
        return { type: 'refused', refused: parseRefused(decoding.readVarString(decoder)) };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    // lib0 throws plain Errors ("Unexpected end of array", "Integer out of Range") on truncated input.
    throw new ProtocolError(`truncated or malformed message (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Which kind of update-bearing message this is, without decoding the payload: 'step2' covers every edit
 * the sender had when it wrote the message; 'update' carries one change. Used to count what the server
 * acknowledges with `saved`.
 */
export function updateMessageKind(message: Uint8Array): 'step2' | 'update' | null {
  // Message and sync types are single-byte varUints, so the first two bytes say it all.
  if (message.length < 2 || message[0] !== MESSAGE_SYNC) return null;
  if (message[1] === SYNC_STEP2) return 'step2';
  if (message[1] === SYNC_UPDATE) return 'update';
  return null;
}
