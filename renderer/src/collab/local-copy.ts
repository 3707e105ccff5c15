// Browser mode keeps its own durable copy of each open document in IndexedDB, so that edits made while the
// local Pejling server cannot be reached survive a reload or a closed tab, and a document opens offline.
// The copy merges with the host's through the ordinary sync protocol once the channel is back.
//
// The desktop app does not need this: its host runs in the same process tree and stores every edit.
//
// Why a small store of our own instead of y-indexeddb (measured, offline spec under `stress-ng --cpu 1`):
// y-indexeddb 9.0.12 writes every Yjs update in an IndexedDB transaction of its own and drops the request, so
// nothing can tell when an edit is really in the browser. Typing one 52-character sentence opened 52
// read-write transactions taking 21–39 ms each (median; up to 167 ms); right after the last keystroke 1–4
// of them had not committed yet, and a reload at that moment aborted them: "… Skrevet u" instead of
// "… Skrevet uden net." (1 run in 4). The app showed the edits as kept although they were not.
// This store batches whatever arrives while a transaction is running into the next one, reports when each
// batch has committed (`complete` of a `durability: 'strict'` transaction), and commits at once when the tab
// is hidden or closed. It keeps y-indexeddb's layout (database `pejling:<id>`, object store `updates` with
// auto-increment keys holding one Yjs update each, and `custom`), so copies written by earlier versions of
// Pejling open unchanged.
import * as Y from 'yjs';
import type { LocalReplica, LocalReplicaState } from '../../../shared/sync/channel-provider';
import { paintCoalescer } from './after-paint';

/** How long to wait for IndexedDB before going on without it (private windows, broken profiles). */
const LOAD_TIMEOUT_MS = 3000;
/** More stored updates than this are merged into one (in the transaction that writes the next batch). */
const COMPACT_AFTER = 500;
/** A failed write is tried again after this long (a full disk may have been cleared meanwhile). */
const RETRY_MS = 2000;
const UPDATES = 'updates';
const CUSTOM = 'custom';
const PENDING_KEY = (documentId: string) => `pejling.unsynced.${documentId}`;

/**
 * 'stored': every edit shown is committed in IndexedDB; 'storing': edits are being written (or wait for the
 * database to open); 'unavailable': no IndexedDB here (or it failed), edits live in this tab until the host has them.
 */
export type LocalCopyState = LocalReplicaState;

export interface LocalCopy extends LocalReplica {
  /** The origin of the updates the copy applies to the document when it loads. */
  readonly origin: unknown;
  /** Resolves once the stored copy is in the document (or IndexedDB gave up): true when it had content. */
  readonly whenLoaded: Promise<boolean>;
  /** Whether what the document holds is committed in the browser. */
  readonly state: LocalCopyState;
  /** Called whenever `state` changes; returns the unsubscribe function. */
  onChange(listener: (state: LocalCopyState) => void): () => void;
  /** Resolves once everything the document held when called is committed (or the store is unavailable). */
  whenStored(): Promise<void>;
  /** Changes a previous session left unsynced (remembered with `rememberPending`). */
  readonly carriedPending: number;
  /** Remembers how many changes are not yet on the host, for the next session of this document. */
  rememberPending(count: number): void;
  destroy(): void;
}

/** Browser mode: the renderer runs in a plain browser tab, served by the local Pejling server. */
export function isBrowserMode(): boolean {
  return typeof window !== 'undefined' && !window.pejling && /^https?:$/.test(location.protocol);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
      if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

export function openLocalCopy(documentId: string, doc: Y.Doc): LocalCopy {
  const origin = { localCopy: documentId };
  const listeners = new Set<(state: LocalCopyState) => void>();
  /** Updates not yet handed to a transaction. */
  let queue: Uint8Array[] = [];
  /** Transactions started whose `complete` has not arrived yet. */
  let writing = 0;
  let storedCount = 0;
  let db: IDBDatabase | null = null;
  let failed = false;
  let destroyed = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let state: LocalCopyState = 'storing';
  const waiters: (() => void)[] = [];

  const computeState = (): LocalCopyState => (failed ? 'unavailable' : queue.length === 0 && writing === 0 && db ? 'stored' : 'storing');
  const update = () => {
    const next = computeState();
    if (next !== 'storing') for (const resolve of waiters.splice(0)) resolve();
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener(next);
  };

  const giveUp = (error: unknown) => {
    if (failed) return;
    console.warn('Pejling: no local copy in this browser:', error);
    failed = true;
    queue = [];
    update();
  };

  /** Hands everything queued to one transaction; the next batch waits for it unless `now` (the tab is going away). */
  const write = (now = false) => {
    if (!db || destroyed || failed || queue.length === 0) return;
    if (writing > 0 && !now) return;
    const batch = queue;
    queue = [];
    writing++;
    let tx: IDBTransaction;
    try {
      tx = db.transaction([UPDATES], 'readwrite', { durability: 'strict' });
    } catch (error) {
      // The connection was closed under us (the browser is clearing site data, or the tab is closing).
      writing--;
      queue = batch.concat(queue);
      giveUp(error);
      return;
    }
    const store = tx.objectStore(UPDATES);
    // Small updates (keystrokes) are merged into one record; a large one (the document's first sync, 1.1 MB for
    // the large strategy) is stored as it is: merging decodes and re-encodes all of it (measured: as long as
    // applying it), and the records are merged at the next compaction anyway.
    const records = batchRecords(batch);
    for (const record of records) store.add(record);
    if (storedCount + records.length > COMPACT_AFTER) {
      // Read everything (another tab may have written updates this document lacks), merge it into the
      // document, and replace the records with one: all in this transaction, so nothing is lost on a crash.
      const read = store.getAll() as IDBRequest<Uint8Array[]>;
      read.onsuccess = () => {
        Y.transact(doc, () => read.result.forEach((u) => Y.applyUpdate(doc, u)), origin, false);
        store.clear();
        store.add(Y.encodeStateAsUpdate(doc));
        storedCount = 1;
      };
    } else {
      storedCount += records.length;
    }
    tx.oncomplete = () => {
      writing--;
      write();
      update();
    };
    tx.onabort = () => {
      writing--;
      if (destroyed) return;
      // Keep the batch: written again on the next edit or after a moment (a quota error may clear).
      queue = batch.concat(queue);
      console.warn('Pejling: the browser could not store the latest edits, trying again:', tx.error);
      if (!retryTimer) {
        retryTimer = setTimeout(() => {
          retryTimer = null;
          write();
        }, RETRY_MS);
      }
      update();
    };
    if (now) tx.commit();
    update();
  };

  // Written right after the frame that shows the edit (after-paint.ts: opening the transaction and adding the
  // update in the keydown task cost ~0.8 ms per keystroke), and then at once when no transaction runs: the edit
  // reaches IndexedDB within a frame and one round trip. `state` says 'storing' meanwhile.
  const writer = paintCoalescer(() => write());
  const onUpdate = (u: Uint8Array, from: unknown) => {
    if (from === origin || destroyed || failed) return;
    queue.push(u);
    writer.schedule();
    update();
  };
  doc.on('update', onUpdate);

  // The unsynced count (see rememberPending) changes twice per keystroke (1 while saving, 0 once saved);
  // localStorage writes synchronously, so it is written after the frame, the latest value only.
  let remembered = readPending(documentId);
  let toRemember = remembered;
  const pendingWriter = paintCoalescer(() => {
    if (toRemember === remembered) return;
    remembered = toRemember;
    try {
      if (remembered > 0) localStorage.setItem(PENDING_KEY(documentId), String(remembered));
      else localStorage.removeItem(PENDING_KEY(documentId));
    } catch {
      // storage unavailable: the count starts from zero next time (the edits themselves are in IndexedDB)
    }
  });

  // Leaving (reload, closed tab, switched away on a phone): commit what is queued now, without waiting for
  // the running transaction; an explicit commit() does not wait for the task to end.
  const flushNow = () => {
    writer.cancel();
    write(true);
    pendingWriter.flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flushNow();
  };
  window.addEventListener('pagehide', flushNow);
  window.addEventListener('beforeunload', flushNow);
  document.addEventListener('visibilitychange', onVisibility);

  const whenLoaded = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, LOAD_TIMEOUT_MS);
    const load = async (): Promise<boolean> => {
      if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
      const opened = await openDatabase(`pejling:${documentId}`);
      if (destroyed) {
        opened.close();
        return false;
      }
      opened.onclose = () => giveUp(new Error('IndexedDB closed the connection'));
      const tx = opened.transaction([UPDATES], 'readonly');
      const all = await request(tx.objectStore(UPDATES).getAll() as IDBRequest<Uint8Array[]>);
      storedCount = all.length;
      if (!destroyed) Y.transact(doc, () => all.forEach((u) => Y.applyUpdate(doc, u)), origin, false);
      db = opened;
      // Edits made before the database opened (none normally: the editor waits for this) are written now.
      write();
      update();
      return all.length > 0;
    };
    load().then(
      (hasContent) => {
        clearTimeout(timer);
        resolve(hasContent);
      },
      (error: unknown) => {
        clearTimeout(timer);
        giveUp(error);
        resolve(false);
      },
    );
  });

  const carried = remembered;
  return {
    origin,
    whenLoaded,
    get state() {
      return state;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenStored() {
      if (computeState() !== 'storing') return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    carriedPending: carried,
    rememberPending(count) {
      toRemember = count;
      if (count === remembered) pendingWriter.cancel();
      else pendingWriter.schedule();
    },
    destroy() {
      if (destroyed) return;
      // Whatever is queued still goes to the database; the connection closes once it has committed.
      writer.cancel();
      write(true);
      pendingWriter.flush();
      destroyed = true;
      doc.off('update', onUpdate);
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
      if (retryTimer) clearTimeout(retryTimer);
      listeners.clear();
      for (const resolve of waiters.splice(0)) resolve();
      db?.close();
    },
  };
}

/** Updates larger than this are stored as records of their own instead of being merged with the others. */
const MERGE_BELOW_BYTES = 64 * 1024;

function batchRecords(batch: Uint8Array[]): Uint8Array[] {
  if (batch.length === 1) return batch;
  const large = batch.filter((u) => u.length >= MERGE_BELOW_BYTES);
  const small = batch.filter((u) => u.length < MERGE_BELOW_BYTES);
  if (small.length <= 1) return [...large, ...small];
  return [...large, Y.mergeUpdates(small)];
}

function readPending(documentId: string): number {
  try {
    const value = Number(localStorage.getItem(PENDING_KEY(documentId)) ?? 0);
    return Number.isInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}
