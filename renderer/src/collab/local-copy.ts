// Browser mode keeps its own durable copy of each open document in IndexedDB (y-indexeddb), so that edits
// made while the local Pejling server cannot be reached survive a reload, and a document opens offline.
// The copy merges with the host's through the ordinary sync protocol once the channel is back.
//
// The desktop app does not need this: its host runs in the same process tree and stores every edit.
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/** How long to wait for IndexedDB before going on without it (private windows, broken profiles). */
const LOAD_TIMEOUT_MS = 3000;
const PENDING_KEY = (documentId: string) => `pejling.unsynced.${documentId}`;

export interface LocalCopy {
  /** The origin of the updates the copy applies to the document when it loads. */
  readonly origin: unknown;
  /** Resolves once the stored copy is in the document (or IndexedDB gave up): true when it had content. */
  readonly whenLoaded: Promise<boolean>;
  /** Edits a previous session left unsynced (remembered with `rememberPending`). */
  readonly carriedPending: number;
  /** Remembers how many edits are not yet on the host, for the next session of this document. */
  rememberPending(count: number): void;
  destroy(): void;
}

/** Browser mode: the renderer runs in a plain browser tab, served by the local Pejling server. */
export function isBrowserMode(): boolean {
  return typeof window !== 'undefined' && !window.pejling && /^https?:$/.test(location.protocol);
}

export function openLocalCopy(documentId: string, doc: Y.Doc): LocalCopy {
  const persistence = new IndexeddbPersistence(`pejling:${documentId}`, doc);
  // A failing IndexedDB must not become an unhandled rejection: the app works without the copy.
  const opened = (persistence as unknown as { _db?: Promise<unknown> })._db;
  opened?.catch((error: unknown) => console.warn('Pejling: no local copy in this browser:', error));

  const whenLoaded = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
    void persistence.whenSynced.then(() => {
      clearTimeout(timer);
      resolve(doc.store.clients.size > 0);
    });
  });

  let remembered = readPending(documentId);
  return {
    origin: persistence,
    whenLoaded,
    carriedPending: remembered,
    rememberPending(count) {
      if (count === remembered) return;
      remembered = count;
      try {
        if (count > 0) localStorage.setItem(PENDING_KEY(documentId), String(count));
        else localStorage.removeItem(PENDING_KEY(documentId));
      } catch {
        // storage unavailable: the count starts from zero next time (the edits themselves are in IndexedDB)
      }
    },
    destroy() {
      void persistence.destroy().catch(() => undefined);
    },
  };
}

function readPending(documentId: string): number {
  try {
    const value = Number(localStorage.getItem(PENDING_KEY(documentId)) ?? 0);
    return Number.isInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}
