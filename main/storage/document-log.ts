// One document's append-only update log with group commit, crash recovery and compaction.
// Layout: <docDir>/updates.log = records [u32 length][u32 crc32][Yjs update] (see log-records.ts).
import { constants } from 'node:fs';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { encodeRecords, scanRecords } from './log-records';
import { errorText, fsyncDir, readFully, writeFully } from './fs-durable';
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

export interface OpenLogOptions extends CompactionOptions {
  /** Clock for quarantine file names (tests). */
  now?: () => Date;
}

export class FileDocumentLog implements DocumentLog {
  private queue: QueueItem[] = [];
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
    private handle: FileHandle,
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
  }

  /**
   * Opens the log in `dir` (creating an empty one if missing), verifies every record, and repairs a torn or
   * corrupt tail: the tail is moved to `updates.log.corrupt-<timestamp>` and the log truncated to the last good record.
   */
  static async open(id: string, dir: string, options: OpenLogOptions = {}): Promise<FileDocumentLog> {
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
      handle = await open(path, constants.O_RDWR | constants.O_CREAT, 0o644);
    } catch (error) {
      throw new StorageError('io', `Cannot open the log of document "${id}" (${path}): ${errorText(error)}`, { cause: error });
    }
    try {
      if (!existed) await fsyncDir(dir);
      const size = (await handle.stat()).size;
      const bytes = await readFully(handle, size);
      const scan = scanRecords(bytes);
      let recovery: RecoveryReport | undefined;
      if (scan.problem !== undefined) {
        const quarantinedTo = await quarantineTail(path, bytes.subarray(scan.goodBytes), options.now ?? (() => new Date()));
        await handle.truncate(scan.goodBytes);
        await handle.sync();
        await fsyncDir(dir);
        recovery = { discardedBytes: bytes.length - scan.goodBytes, reason: scan.problem, quarantinedTo };
      }
      let updates = scan.payloads;
      if (updates.length > 1) {
        try {
          updates = [Y.mergeUpdates(updates)];
        } catch (error) {
          // Checksums matched, so this is not a torn write: refuse rather than guess.
          throw new StorageError('damaged', `The log of document "${id}" (${path}) holds data that is not a Yjs update: ${errorText(error)}`, {
            cause: error,
          });
        }
      } else if (updates.length === 1) {
        updates = [updates[0]!.slice()];
      }
      return new FileDocumentLog(id, dir, handle, scan.goodBytes, scan.payloads.length, updates, recovery, options);
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
    return { records: this.records, bytes: this.size, compactions: this.compactions, fsyncs: this.fsyncs };
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closed = true;
      this.closing = (async () => {
        while (this.draining) await this.draining;
        await this.handle.close();
      })();
    }
    return this.closing;
  }

  private enqueue(make: (resolve: () => void, reject: (error: unknown) => void) => QueueItem): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
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
        try {
          await this.writeRecords(appends.map((item) => item.update));
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

  private async writeRecords(updates: Uint8Array[]): Promise<void> {
    const data = encodeRecords(updates);
    await writeFully(this.handle, data, this.size);
    await this.handle.datasync();
    this.fsyncs++;
    this.size += data.length;
    this.records += updates.length;
    this.updates.push(...updates);
  }

  private needsCompaction(): boolean {
    if (this.records <= 1) return false;
    // The byte threshold doubles with the compacted size, so a document whose merged state is itself
    // larger than the threshold is not rewritten after every append.
    return this.records > this.compactAfterRecords || this.size > Math.max(this.compactAfterBytes, 2 * this.compactedBytes);
  }

  /** Writes the merged state as one record to updates.log.tmp, fsyncs, renames it over the log, fsyncs the dir. */
  private async compactNow(): Promise<void> {
    if (this.records <= 1) return;
    const state = this.gcState();
    const data = encodeRecords([state]);
    const tempPath = join(this.dir, COMPACTION_TEMP_FILE);
    const next = await open(tempPath, 'w+', 0o644);
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
    this.handle = next; // the open handle follows the renamed inode
    await previous.close().catch(() => undefined);
    await fsyncDir(this.dir);
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
    this.failure = new StorageError(
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

async function quarantineTail(logPath: string, tail: Uint8Array, now: () => Date): Promise<string> {
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
      await writeFully(handle, tail, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return target;
  }
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 1) throw new RangeError(`${name} must be a positive number, got ${value}.`);
  return value;
}

