// Contracts of the local storage layer (main process, CLI and sync server; Node only).
// See main/storage/README.md for the on-disk design (checksummed append-only log per document).

/**
 * What the loader set aside while opening a document's log: a torn end (a crash mid-write), damaged records inside
 * the log (each set aside alone; the intact records after them are kept), or records that hold a Yjs update that
 * does not merge with the rest of the document. Everything set aside is moved to a file, never deleted.
 */
export interface RecoveryReport {
  /** Bytes set aside in total (moved to `quarantinedTo`, never deleted). */
  discardedBytes: number;
  /** What was wrong, e.g. "record 12 at byte 4096: checksum mismatch" (several joined with "; "). */
  reason: string;
  /** Where the set-aside bytes were kept for support (`updates.log.corrupt-<timestamp>`). */
  quarantinedTo?: string;
  /** Bytes of a torn or damaged end of the log that no intact record follows. */
  tornTailBytes?: number;
  /** Damaged records inside the log, each set aside alone. */
  damagedRecords?: number;
  /** Records with an intact checksum whose update does not merge with the document (set aside). */
  unmergeableRecords?: number;
  /** Intact records kept when something inside the log was set aside. */
  keptRecords?: number;
  /**
   * The disk was full, so the repair could not be written: the document is open read-only from its intact records,
   * nothing was moved, and writes are refused (`StorageError('disk-full')`) until it is opened with free space.
   */
  readOnly?: boolean;
}

export interface LoadedDocument {
  /** Merged Yjs state of every durable update (a valid, possibly empty, Yjs update). */
  update: Uint8Array;
  /** Present when the log had to be repaired while opening; the host tells the user. */
  recovery?: RecoveryReport;
}

/** What the sync server needs (SYNC codes against this). */
export interface DocumentPersistence {
  /** Unknown name → empty document (it is created on first append). Rejects on an invalid name. */
  load(name: string): Promise<LoadedDocument>;
  /** Durable (written and fsynced) when resolved; rejects on failure, never only warns. */
  append(name: string, update: Uint8Array): Promise<void>;
  /** Waits for everything queued so far to be durable. */
  flush(): Promise<void>;
  /**
   * Flushes and closes one document's log, freeing its memory (its room was unloaded); the next load or append
   * opens it again. Optional: a persistence without per-document state need not implement it.
   */
  release?(name: string): Promise<void>;
  /** Flushes, closes every open log and releases the data-dir lock. */
  close(): Promise<void>;
}

/** Sync server settings a document remembers (the token is needed to reconnect). */
export interface StoredRemote {
  url: string;
  token?: string;
  role?: 'editor' | 'commenter' | 'viewer';
}

/** Contents of `documents/<id>/summary.json` plus the id; what the document list shows. */
export interface StoredSummary {
  id: string;
  title: string;
  organisation: string;
  /** ISO timestamp of creation. */
  created: string;
  /** ISO timestamp of the last durable change (summary write or log append, whichever is later). */
  modified: string;
  remote?: StoredRemote;
  /** Where the document came from: a copy of an example, an imported file (its name), a template. */
  origin?: StoredOrigin;
  /** The strategy's years and status as last read from the document, for the list. */
  period?: { from: number; to: number };
  status?: string;
}

export interface StoredOrigin {
  kind: 'template' | 'example' | 'json' | 'file';
  /** The example's or template's title, or the file's name. */
  source: string;
}

/** Fields a caller may set on create / updateSummary (id, created and modified are managed by the store). */
export interface SummaryPatch {
  title?: string;
  organisation?: string;
  /** null removes the remote. */
  remote?: StoredRemote | null;
  origin?: StoredOrigin;
  period?: { from: number; to: number };
  status?: string | null;
}

/** Thresholds after which a log is compacted into a single record of its merged state. */
export interface CompactionOptions {
  /** Default 500. */
  compactAfterRecords?: number;
  /** Default 4 MiB. */
  compactAfterBytes?: number;
}

export interface StoreOptions extends CompactionOptions {
  /** Root of the store; `defaultDataDir()` when absent. Created if missing. */
  dataDir?: string;
  /** At most this many document logs hold an open file handle (default: a quarter of the process's limit). */
  maxOpenFiles?: number;
  /** A log's handle is closed after this long without writes (default 5 s). */
  idleCloseMs?: number;
  /** How long an operation that runs out of file handles (EMFILE) keeps retrying (default 30 s). */
  emfileRetryMs?: number;
}

export interface LogStats {
  /** Records in the log file (1 right after a compaction). */
  records: number;
  /** Size of the log file in bytes. */
  bytes: number;
  /** Compactions done since the log was opened. */
  compactions: number;
  /** fsync calls since the log was opened (one per group commit). */
  fsyncs: number;
  /** Whether the log holds an open file handle right now (it is closed when idle). */
  handleOpen?: boolean;
  /** Compactions postponed because the disk had too little free space. */
  postponedCompactions?: number;
}

/** One document's append-only log. One instance per document per process (the store caches it). */
export interface DocumentLog {
  readonly id: string;
  /** The repair done while opening, if any. */
  readonly recovery: RecoveryReport | undefined;
  /** Merged state of everything durable so far (including acknowledged appends). */
  load(): Promise<LoadedDocument>;
  /** Durable when resolved (group commit: concurrent appends share one write + one fsync). */
  append(update: Uint8Array): Promise<void>;
  flush(): Promise<void>;
  /** Compacts now (normally automatic past the thresholds). */
  compact(): Promise<void>;
  stats(): LogStats;
  close(): Promise<void>;
}

/** The document list over a data dir. Implemented by `DocumentStore` (main/storage/document-store.ts). */
export interface DocumentStoreApi extends DocumentPersistence {
  readonly dataDir: string;
  /** Every document, most recently modified first. */
  list(): Promise<StoredSummary[]>;
  exists(id: string): Promise<boolean>;
  /** Creates a document (a fresh id when `id` is undefined); rejects if the id is taken. */
  create(id: string | undefined, initialUpdate: Uint8Array, summary: SummaryPatch): Promise<StoredSummary>;
  getSummary(id: string): Promise<StoredSummary>;
  updateSummary(id: string, patch: SummaryPatch): Promise<StoredSummary>;
  /** Moves the document to `<dataDir>/trash/` (never rm -rf). */
  delete(id: string): Promise<void>;
  /** Opens (and repairs, if needed) the log; cached, so the same instance comes back. */
  open(id: string): Promise<DocumentLog>;
}

/** Header of a portable `.pejling` file (UTF-8 JSON inside the file). */
export interface PejlingFileHeader {
  title: string;
  organisation: string;
  /** Version of the document model (shared/model) the Yjs state follows. */
  schemaVersion: number;
  /** ISO timestamp. */
  savedAt: string;
  /** Version of the Pejling that wrote the file. */
  appVersion: string;
  /** Local id the document had where it was saved (informative only). */
  sourceId?: string;
}

export interface PejlingFileContents {
  header: PejlingFileHeader;
  /** `Y.encodeStateAsUpdate(doc)`. */
  update: Uint8Array;
}

export type StorageErrorCode =
  | 'invalid-id'
  /** The id's folder would be another document's on a case-insensitive disk. */
  | 'name-taken'
  | 'invalid-input'
  | 'not-found'
  | 'exists'
  | 'locked'
  | 'closed'
  | 'write-failed'
  /** ENOSPC/EDQUOT: the disk is full; everything acknowledged before is on disk. */
  | 'disk-full'
  | 'not-pejling-file'
  | 'damaged'
  | 'newer-version'
  | 'io';

/** Every error the storage layer raises on purpose; `message` is a complete sentence for the user/log. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}
