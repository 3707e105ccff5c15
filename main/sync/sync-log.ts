// Structured events of the sync layer. Never carries document content or tokens: only names, roles,
// peers, codes and sizes.

export type SyncLogEvent =
  | 'open' // a connection joined a room
  | 'close' // a connection left (code = close code)
  | 'refused' // a connection was turned away (auth, limits, failed room, invalid name)
  | 'malformed' // a client sent bytes that are not a valid message; its connection is closed
  | 'error' // transport errors, oversize frames
  | 'viewer-write-ignored' // a viewer sent document changes; they were dropped
  | 'commenter-write-refused' // a commenter sent an update that is not only comments; dropped whole, logged once per connection
  | 'update-refused' // an editor's update would have damaged the stored document; refused, its connection closed
  | 'room-aborted' // an internal error in a room: its connections closed (1011), reloaded from storage on demand
  | 'limit' // a limit was hit (field `limit`: document-size, connection-buffer, document-buffer); the connection closed
  | 'presence-refused' // a connection sent presence for client ids others hold; dropped, logged once per connection
  | 'pending-dropped' // parts of updates that waited too long for missing dependencies were dropped (never stored)
  | 'sync-repeat-ignored' // a connection repeated a sync step 1 already answered; logged once per connection
  | 'internal-error' // an error no handler caught; logged, the server keeps serving
  | 'room-load'
  | 'room-recovered' // storage repaired a torn log while loading
  | 'room-read-only' // storage could open the document only read-only (full disk): served to viewers only
  | 'room-unload'
  | 'storage-failure' // a durable write (or load) failed: the room is closed until restart
  | 'renderer-build' // the app's renderer was missing and is built on the first request (phase start/done/failed)
  | 'listening'
  | 'shutdown';

export interface SyncLogEntry {
  event: SyncLogEvent;
  level?: 'info' | 'warn' | 'error';
  doc?: string;
  role?: string;
  peer?: string;
  code?: number;
  reason?: string;
  [field: string]: unknown;
}

export type SyncLogger = (entry: SyncLogEntry) => void;

export const silentLogger: SyncLogger = () => undefined;

/** A logger writing one JSON object per line (with time and level) to `write`. */
export function jsonLineLogger(write: (line: string) => void): SyncLogger {
  return (entry) => {
    const level = entry.level ?? defaultLevel(entry.event);
    write(`${JSON.stringify({ time: new Date().toISOString(), ...entry, level })}\n`);
  };
}

function defaultLevel(event: SyncLogEvent): 'info' | 'warn' | 'error' {
  if (event === 'storage-failure' || event === 'room-aborted' || event === 'internal-error') return 'error';
  if (event === 'update-refused' || event === 'limit' || event === 'presence-refused') return 'warn';
  if (event === 'malformed' || event === 'error' || event === 'refused' || event === 'room-recovered') return 'warn';
  return 'info';
}
