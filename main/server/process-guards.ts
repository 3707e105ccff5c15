// The server process's last line of defence: an error that no handler caught (an unhandled rejection or an
// uncaught exception) is logged and, where it belongs to a document, that document's room is closed and
// reloaded from storage on demand; the server keeps serving everyone else. Node's default (print and exit
// 1) would drop every connection and, behind a supervisor, every document's unsaved presence with it.
//
// Errors on the write path are handled where they happen (durable-queue.ts, room.ts); this only catches
// what slipped past those handlers.
import type { Rooms } from '../sync/room';
import type { SyncLogger } from '../sync/sync-log';

/** Attach the document name to an error thrown on a room's behalf, so the guard can close that room. */
export const DOCUMENT_OF_ERROR = Symbol.for('pejling.document');

export function errorDocument(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { [DOCUMENT_OF_ERROR]?: unknown })[DOCUMENT_OF_ERROR];
  return typeof name === 'string' ? name : undefined;
}

/** What the guard does with one uncaught error (exported for tests). */
export function handleUncaught(error: unknown, kind: 'unhandledRejection' | 'uncaughtException', log: SyncLogger, rooms?: Rooms): void {
  const doc = errorDocument(error);
  try {
    log({
      event: 'internal-error',
      level: 'error',
      kind,
      ...(doc ? { doc } : {}),
      reason: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack?.split('\n').slice(0, 6).join('\n') : undefined,
    });
  } catch {
    // logging must not throw from here
  }
  if (doc && rooms) rooms.abortDocument(doc, `${kind}: ${error instanceof Error ? error.message : String(error)}`);
}

/** Installs the guard on this process; returns a function that removes it. */
export function installProcessGuards(log: SyncLogger, rooms?: Rooms): () => void {
  const onRejection = (reason: unknown) => handleUncaught(reason, 'unhandledRejection', log, rooms);
  const onException = (error: unknown) => handleUncaught(error, 'uncaughtException', log, rooms);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
