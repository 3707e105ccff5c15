// One document's append-only update log with group commit, crash recovery and compaction.
// Layout: <docDir>/updates.log = records [u32 length][u32 crc32][Yjs update] (see log-records.ts).
import { constants } from 'node:fs';
import { open, rename, stat, statfs, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { encodeRecords, scanRecords, type ScannedRecord } from './log-records';
import { errorText, fsyncDir, readFully, writeFully } from './fs-durable';
import { FilePool, type PooledFile } from './file-pool';
import {
  StorageError,
  type CompactionOptions,
  type DocumentLog,
  type LoadedDocument,
  type LogStats,
  type RecoveryReport,
} from './types';

export const LOG_FILE = 'updates.log';
export const COMPACTION_TEMP_FILE = 'updates.log.tmp';
export const DEFAULT_COMPACT_AFTER_RECORDS = 500;
export const DEFAULT_COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

/** The update of an empty Y.Doc (no structs, empty delete set). */
export const EMPTY_UPDATE: Uint8Array = Y.encodeStateAsUpdate(new Y.Doc());

type QueueItem =
  | { kind: 'append'; update: Uint8Array; resolve: () => void; reject: (error: unknown) => void }
  | { kind: 'compact'; resolve: () => void; reject: (error: unknown) => void };

export const DEFAULT_IDLE_CLOSE_MS = 5_000;

export interface OpenLogOptions extends CompactionOptions {
  /** Clock for quarantine file names (tests). */
  now?: () => Date;
  /** The handle budget shared by a store's logs (one of its own when absent). */
  pool?: FilePool;
  /** A log's handle is closed after this long without writes (default 5 s); the next write reopens it. */
  idleCloseMs?: number;
  /** Free bytes on the disk (tests inject a full disk); statfs by default. */
  freeBytes?: (dir: string) => Promise<number>;
}

/** Free space is checked before a compaction: it needs room for the merged state plus this margin. */
const COMPACTION_FREE_MARGIN_BYTES = 1024 * 1024;

export class FileDocumentLog implements DocumentLog, PooledFile {
  private queue: QueueItem[] = [];
  /** The log's handle, open only while it is in use (see file-pool.ts). */
  private handle: FileHandle | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly pool: FilePool;
  private readonly idleCloseMs: number;
  private readonly freeBytes: (dir: string) => Promise<number>;
  /** Appends until the next compaction attempt, after one was postponed for lack of free space. */
  private compactionBackoff = 0;
  /** Opened on a full disk that could not take a needed repair: reads only, writes refused as "disk full". */
  private readOnly = false;
  private postponedCompactions = 0;
  private draining: Promise<void> | null = null;
  private failure: StorageError | undefined;
  private closed = false;
  private closing: Promise<void> | null = null;
  private compactions = 0;
  private fsyncs = 0;
  /** Log size right after the last compaction: the byte threshold grows with the document (see README). */
  private compactedBytes = 0;
  private readonly compactAfterRecords: number;
  private readonly compactAfterBytes: number;

  private constructor(
    readonly id: string,
    readonly dir: string,
    private size: number,
    private records: number,
    /** Durable updates not yet merged; merged lazily by load() and by compaction. */
    private updates: Uint8Array[],
    readonly recovery: RecoveryReport | undefined,
    options: OpenLogOptions,
  ) {
    this.compactAfterRecords = positive(options.compactAfterRecords, DEFAULT_COMPACT_AFTER_RECORDS, 'compactAfterRecords');
    this.compactAfterBytes = positive(options.compactAfterBytes, DEFAULT_COMPACT_AFTER_BYTES, 'compactAfterBytes');
    this.compactedBytes = size;
    this.pool = options.pool ?? new FilePool();
    this.idleCloseMs = options.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS;
    this.freeBytes = options.freeBytes ?? diskFreeBytes;
  }

  /**
   * Opens the log in `dir` (creating an empty one if missing), verifies every record, and repairs a torn or
   * corrupt tail: the tail is moved to `updates.log.corrupt-<timestamp>` and the log truncated to the last good record.
   */
  static async open(id: string, dir: string, options: OpenLogOptions = {}): Promise<FileDocumentLog> {
    const pool = options.pool ?? new FilePool();
    const opener: PooledFile = { closeIfIdle: async () => false };
    await pool.acquire(opener);
    try {
      return await FileDocumentLog.openWith(id, dir, { ...options, pool }, pool);
    } finally {
      pool.release(opener);
    }
  }

  private static async openWith(id: string, dir: string, options: OpenLogOptions, pool: FilePool): Promise<FileDocumentLog> {
    const path = join(dir, LOG_FILE);
    // A compaction that crashed before its rename leaves a temp file; the old log is whole, so drop the temp.
    const tempPath = join(dir, COMPACTION_TEMP_FILE);
    await unlink(tempPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return;
      throw new StorageError('io', `Cannot remove the unfinished compaction file ${tempPath}: ${errorText(error)}`, { cause: error });
    });
    const existed = await stat(path).then(
      () => true,
      () => false,
    );
    let handle: FileHandle;
    try {
      handle = await pool.withHandles(() => open(path, constants.O_RDWR | constants.O_CREAT, 0o644));
    } catch (error) {
      throw new StorageError('io', `Cannot open the log of document "${id}" (${path}): ${errorText(error)}`, { cause: error });
    }
    try {
      if (!existed) await pool.withHandles(() => fsyncDir(dir));
      const size = (await handle.stat()).size;
      const bytes = await readFully(handle, size);
      const scan = scanRecords(bytes);
      const merged = mergeSkippingUnmergeable(scan.records);
      const now = options.now ?? (() => new Date());
      let recovery: RecoveryReport | undefined;
      let records = scan.records.length;
      let logBytes = scan.goodBytes;
      let readOnly = false;
      try {
        if (scan.damaged.length === 0 && merged.rejected.length === 0) {
          if (scan.tail) {
            // Only the end is torn (a crash mid-write): cut it off, keeping the rest of the file as it is.
            const tornTailBytes = bytes.length - scan.goodBytes;
            recovery = { discardedBytes: tornTailBytes, reason: scan.problem ?? '', tornTailBytes };
            recovery.quarantinedTo = await pool.withHandles(() => quarantine(path, [bytes.subarray(scan.tail!.start)], now));
            await handle.truncate(scan.goodBytes);
            await handle.sync();
            await pool.withHandles(() => fsyncDir(dir));
          }
        } else {
          // Damage inside the log, or records that do not merge: set exactly those aside and rewrite the log as the
          // merged state of everything else (temp file, fsync, rename, fsync folder), so every later intact record
          // stays and the damage is not met again on the next open.
          const aside = [
            ...scan.damaged.map((range) => bytes.subarray(range.start, range.end)),
            ...merged.rejected.map((r) => bytes.subarray(r.record.start, r.record.end)),
            ...(scan.tail ? [bytes.subarray(scan.tail.start)] : []),
          ];
          const problems = [
            ...scan.damaged.map((range) => `record ${range.index} at byte ${range.start}: ${range.why}`),
            ...merged.rejected.map((r) => `record ${r.record.index} at byte ${r.record.start}: does not merge with the document (${r.why})`),
            ...(scan.tail ? [`record ${scan.tail.index} at byte ${scan.tail.start}: ${scan.tail.why}`] : []),
          ];
          recovery = {
            discardedBytes: aside.reduce((sum, part) => sum + part.length, 0),
            reason: problems.join('; '),
            ...(scan.damaged.length > 0 ? { damagedRecords: scan.damaged.length } : {}),
            ...(merged.rejected.length > 0 ? { unmergeableRecords: merged.rejected.length } : {}),
            ...(scan.tail ? { tornTailBytes: bytes.length - scan.tail.start } : {}),
            keptRecords: merged.kept,
          };
          recovery.quarantinedTo = await pool.withHandles(() => quarantine(path, aside, now));
          const data = merged.update ? encodeRecords([merged.update]) : new Uint8Array(0);
          await handle.close();
          handle = await pool.withHandles(() => replaceFile(dir, path, data));
          records = merged.update ? 1 : 0;
          logBytes = data.length;
        }
      } catch (error) {
        // A full disk cannot take the repair: the document opens read-only from what is intact, the log stays
        // exactly as it was (the repair happens on an open with free space), and writes are refused as "disk full".
        if (!isDiskFull(error) || !recovery) throw error;
        readOnly = true;
        delete recovery.quarantinedTo;
        recovery.readOnly = true;
      }
      const updates = merged.update ? [merged.update === scan.payloads[0] ? merged.update.slice() : merged.update] : [];
      // Opened lazily from here on: the first write reopens it (within the pool's budget).
      await handle.close();
      const log = new FileDocumentLog(id, dir, logBytes, records, updates, recovery, options);
      if (readOnly) log.readOnly = true;
      return log;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  get path(): string {
    return join(this.dir, LOG_FILE);
  }

  async load(): Promise<LoadedDocument> {
    this.assertUsable();
    const update = this.mergedUpdate();
    return this.recovery ? { update, recovery: this.recovery } : { update };
  }

  append(update: Uint8Array): Promise<void> {
    if (!(update instanceof Uint8Array) || update.length === 0) {
      return Promise.reject(new StorageError('io', `Refused to append to document "${this.id}": an update must be a non-empty Uint8Array.`));
    }
    const copy = update.slice(); // the caller may reuse its buffer
    return this.enqueue((resolve, reject) => ({ kind: 'append', update: copy, resolve, reject }));
  }

  async flush(): Promise<void> {
    while (this.draining) await this.draining;
    if (this.failure) throw this.failure;
  }

  compact(): Promise<void> {
    return this.enqueue((resolve, reject) => ({ kind: 'compact', resolve, reject }));
  }

  stats(): LogStats {
    return {
      records: this.records,
      bytes: this.size,
      compactions: this.compactions,
      fsyncs: this.fsyncs,
      handleOpen: this.handle !== null,
      postponedCompactions: this.postponedCompactions,
    };
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closed = true;
      this.closing = (async () => {
        while (this.draining) await this.draining;
        await this.dropHandle();
      })();
    }
    return this.closing;
  }

  /** PooledFile: gives the handle back when no write is under way. */
  async closeIfIdle(): Promise<boolean> {
    if (this.draining || this.queue.length > 0 || !this.handle) return false;
    await this.dropHandle();
    return true;
  }

  private async dropHandle(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const handle = this.handle;
    if (!handle) return;
    this.handle = null;
    this.pool.release(this);
    await handle.close().catch(() => undefined);
  }

  private async ensureHandle(): Promise<FileHandle> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.handle) {
      this.pool.touch(this);
      return this.handle;
    }
    await this.pool.acquire(this);
    try {
      this.handle = await this.pool.withHandles(() => open(this.path, constants.O_RDWR), this);
    } catch (error) {
      this.pool.release(this);
      throw error;
    }
    return this.handle;
  }

  private scheduleIdleClose(): void {
    if (!this.handle || this.closed || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      void this.closeIfIdle();
    }, this.idleCloseMs);
    this.idleTimer.unref();
  }

  private enqueue(make: (resolve: () => void, reject: (error: unknown) => void) => QueueItem): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.readOnly) {
      return Promise.reject(
        new StorageError(
          'disk-full',
          `The disk is full: document "${this.id}" (${this.path}) was opened read-only, because the repair it needs could not be written. Free space on the disk and open it again.`,
        ),
      );
    }
    if (this.closed) return Promise.reject(new StorageError('closed', `Document "${this.id}" is closed.`));
    return new Promise<void>((resolve, reject) => {
      this.queue.push(make(resolve, reject));
      this.kick();
    });
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = (async () => {
      try {
        await this.drain();
      } finally {
        this.draining = null;
        // An item may have been queued after drain() saw an empty queue but before this point.
        if (this.queue.length > 0) this.kick();
        else this.scheduleIdleClose();
      }
    })();
  }

  /**
   * Group commit: everything queued while the previous write+fsync ran goes out in one write and one fsync.
   * Compaction runs in the same loop, so appends arriving meanwhile wait and land in the new log.
   */
  private async drain(): Promise<void> {
    // Yield once so that appends issued in the same tick join the first batch.
    await Promise.resolve();
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const appends = batch.filter((item) => item.kind === 'append');
      if (appends.length > 0) {
        let handle: FileHandle;
        try {
          handle = await this.ensureHandle();
        } catch (error) {
          // Nothing was written: out of handles for longer than the retry allows, or the log cannot be opened.
          // These appends fail, the log does not: the next append tries again.
          const refused = new StorageError('io', `Cannot open the log of document "${this.id}" (${this.path}) to write: ${errorText(error)}`, {
            cause: error,
          });
          for (const item of batch) item.reject(refused);
          continue;
        }
        try {
          await this.writeRecords(handle, appends.map((item) => item.update));
        } catch (error) {
          this.fail(error, batch, 'write');
          return;
        }
        for (const item of appends) item.resolve();
      }
      const compactRequests = batch.filter((item) => item.kind === 'compact');
      if (compactRequests.length > 0 || this.needsCompaction()) {
        try {
          await this.compactNow();
        } catch (error) {
          this.fail(error, compactRequests, 'compact');
          return;
        }
        for (const item of compactRequests) item.resolve();
      }
    }
  }

  private async writeRecords(handle: FileHandle, updates: Uint8Array[]): Promise<void> {
    const data = encodeRecords(updates);
    await writeFully(handle, data, this.size);
    await handle.datasync();
    this.fsyncs++;
    this.size += data.length;
    this.records += updates.length;
    this.updates.push(...updates);
  }

  private needsCompaction(): boolean {
    if (this.records <= 1) return false;
    if (this.compactionBackoff > 0) {
      this.compactionBackoff--;
      return false;
    }
    // The byte threshold doubles with the compacted size, so a document whose merged state is itself
    // larger than the threshold is not rewritten after every append.
    return this.records > this.compactAfterRecords || this.size > Math.max(this.compactAfterBytes, 2 * this.compactedBytes);
  }

  /**
   * Writes the merged state as one record to updates.log.tmp, fsyncs, renames it over the log, fsyncs the dir.
   * It needs room for the merged state (not a second copy of the log: the merged state is usually far smaller);
   * when the disk has less free space than that plus a margin, the compaction is postponed (the log stays as it
   * is, whole) and tried again 100 appends later.
   */
  private async compactNow(): Promise<void> {
    if (this.records <= 1) return;
    const state = this.gcState();
    const data = encodeRecords([state]);
    const free = await this.freeBytes(this.dir).catch(() => Number.POSITIVE_INFINITY);
    if (free < data.length + COMPACTION_FREE_MARGIN_BYTES) {
      this.postponedCompactions++;
      this.compactionBackoff = 100;
      return;
    }
    const tempPath = join(this.dir, COMPACTION_TEMP_FILE);
    const next = await this.pool.withHandles(() => open(tempPath, 'w+', 0o644), this);
    try {
      await writeFully(next, data, 0);
      await next.sync();
      await rename(tempPath, this.path);
    } catch (error) {
      await next.close().catch(() => undefined);
      await unlink(tempPath).catch(() => undefined);
      throw error;
    }
    const previous = this.handle;
    if (previous) {
      this.handle = next; // the open handle follows the renamed inode (the pool's slot carries over)
      await previous.close().catch(() => undefined);
    } else {
      await next.close().catch(() => undefined);
    }
    await this.pool.withHandles(() => fsyncDir(this.dir), this);
    this.fsyncs += 2;
    this.size = data.length;
    this.records = 1;
    this.updates = [state];
    this.compactedBytes = data.length;
    this.compactions++;
  }

  private mergedUpdate(): Uint8Array {
    if (this.updates.length === 0) return EMPTY_UPDATE.slice();
    if (this.updates.length > 1) this.updates = [Y.mergeUpdates(this.updates)];
    return this.updates[0]!;
  }

  /** Merged state with deleted content garbage-collected (smaller than a plain merge). Pending structs are kept. */
  private gcState(): Uint8Array {
    const doc = new Y.Doc({ gc: true });
    try {
      Y.applyUpdate(doc, this.mergedUpdate());
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  private fail(error: unknown, batch: QueueItem[], during: 'write' | 'compact'): void {
    const what = during === 'write' ? 'write' : 'compact';
    this.failure = isDiskFull(error)
      ? new StorageError(
          'disk-full',
          `The disk is full: could not ${what} the log of document "${this.id}" (${this.path}). Every change saved before is on disk; nothing after it was stored. Free space on the disk and restart Pejling.`,
          { cause: error },
        )
      : new StorageError(
          'write-failed',
          `Could not ${what} the log of document "${this.id}" (${this.path}): ${errorText(error)}. Nothing after the last saved change was stored; restart Pejling once the disk problem is solved.`,
          { cause: error },
        );
    for (const item of [...batch, ...this.queue.splice(0)]) item.reject(this.failure);
  }

  private assertUsable(): void {
    if (this.closed) throw new StorageError('closed', `Document "${this.id}" is closed.`);
  }
}

/** ENOSPC (no space) or EDQUOT (over quota): the disk cannot take the write. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Copies what recovery sets aside (fsynced) to `updates.log.corrupt-<timestamp>`, kept for support. */
async function quarantine(logPath: string, parts: Uint8Array[], now: () => Date): Promise<string> {
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  for (let attempt = 0; ; attempt++) {
    const target = `${logPath}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
    let handle: FileHandle;
    try {
      handle = await open(target, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 1000) continue;
      throw error;
    }
    try {
      let at = 0;
      for (const part of parts) {
        await writeFully(handle, part, at);
        at += part.length;
      }
      await handle.sync();
    } catch (error) {
      // Never leave a partial copy behind (a full disk would otherwise gain one on every open).
      await handle.close().catch(() => undefined);
      await unlink(target).catch(() => undefined);
      throw error;
    }
    await handle.close();
    return target;
  }
}

/** Atomically replaces the log with `data` (temp, fsync, rename, fsync folder); returns a handle on the new log. */
async function replaceFile(dir: string, path: string, data: Uint8Array): Promise<FileHandle> {
  const tempPath = join(dir, COMPACTION_TEMP_FILE);
  const next = await open(tempPath, 'w+', 0o644);
  try {
    await writeFully(next, data, 0);
    await next.sync();
    await rename(tempPath, path);
  } catch (error) {
    await next.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dir);
  return next;
}

interface MergeResult {
  /** Merged state of the kept records (undefined when there are none). */
  update: Uint8Array | undefined;
  kept: number;
  rejected: { record: ScannedRecord; why: string }[];
}

/**
 * Merges the records' updates. A record whose checksum holds can still be one that Yjs cannot merge with the
 * rest (an update that Y.applyUpdate accepted, leaving pending structs, but that Y.mergeUpdates rejects: issue
 * 20). Such records are found one by one and left out instead of refusing the whole document.
 */
export function mergeSkippingUnmergeable(records: readonly ScannedRecord[]): MergeResult {
  if (records.length === 0) return { update: undefined, kept: 0, rejected: [] };
  if (records.length === 1) return { update: records[0]!.payload, kept: 1, rejected: [] };
  try {
    return { update: Y.mergeUpdates(records.map((r) => r.payload)), kept: records.length, rejected: [] };
  } catch {
    // Slow path, only for a damaged document: merge record by record and leave out those that do not merge.
  }
  const rejected: MergeResult['rejected'] = [];
  let kept: ScannedRecord[] = [];
  let state: Uint8Array | undefined;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (state === undefined) {
      state = record.payload;
      kept = [record];
      continue;
    }
    try {
      state = Y.mergeUpdates([state, record.payload]);
      kept.push(record);
      continue;
    } catch (error) {
      const why = errorText(error);
      // With only one record merged so far, that first record may be the bad one: if this record merges with the
      // one after it, the first is left out instead.
      const following = records[i + 1];
      if (kept.length === 1 && following && mergesWith(record.payload, following.payload) && !mergesWith(kept[0]!.payload, following.payload)) {
        rejected.push({ record: kept[0]!, why });
        state = record.payload;
        kept = [record];
      } else {
        rejected.push({ record, why });
      }
    }
  }
  rejected.sort((a, b) => a.record.index - b.record.index);
  return { update: state, kept: kept.length, rejected };
}

function mergesWith(a: Uint8Array, b: Uint8Array): boolean {
  try {
    Y.mergeUpdates([a, b]);
    return true;
  } catch {
    return false;
  }
}

/** Bytes available to this process on the disk holding `dir`. */
async function diskFreeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 1) throw new RangeError(`${name} must be a positive number, got ${value}.`);
  return value;
}

