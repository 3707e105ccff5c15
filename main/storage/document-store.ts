// The document list over a data dir: <dataDir>/documents/<id>/{updates.log, summary.json}, <dataDir>/trash/.
import { mkdir, readdir, realpath, rename, stat, open } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { defaultDataDir } from './data-dir';
import { assertValidDocumentId, documentIdKey, isValidDocumentId, newDocumentId } from './document-id';
import { EMPTY_UPDATE, FileDocumentLog, LOG_FILE } from './document-log';
import { FilePool } from './file-pool';
import { encodeRecords } from './log-records';
import { errorText, fsyncDir, writeFileAtomic, writeFully } from './fs-durable';
import { SUMMARY_FILE, applySummaryPatch, encodeSummary, readSummary } from './summary-file';
import {
  StorageError,
  type DocumentLog,
  type DocumentStoreApi,
  type LoadedDocument,
  type StoreOptions,
  type StoredSummary,
  type SummaryPatch,
} from './types';

export const DOCUMENTS_DIR = 'documents';
export const TRASH_DIR = 'trash';

export class DocumentStore implements DocumentStoreApi {
  private readonly logs = new Map<string, Promise<FileDocumentLog>>();
  /** Per-id chains so create/open/delete/updateSummary of one document never interleave. */
  private readonly idChains = new Map<string, Promise<unknown>>();
  /**
   * Document folders by `documentIdKey` (lower case): the spellings present in documents/. Taken from the folder
   * listing, never from stat(): on a case-insensitive disk stat("strategi") finds "Strategi", and two logs on one
   * file would overwrite each other (issue 20). On a case-sensitive disk two old spellings may both exist.
   */
  private readonly folders = new Map<string, string[]>();
  private closing: Promise<void> | null = null;
  /** The budget of open file handles shared by this store's logs (file-pool.ts). */
  private readonly pool: FilePool;

  private constructor(
    readonly dataDir: string,
    private readonly lock: DataDirLock,
    private readonly options: StoreOptions,
  ) {
    this.pool = new FilePool({
      ...(options.maxOpenFiles !== undefined ? { maxOpen: options.maxOpenFiles } : {}),
      ...(options.emfileRetryMs !== undefined ? { emfileRetryMs: options.emfileRetryMs } : {}),
    });
  }

  /** Opens (creating if needed) the store in `options.dataDir` or `defaultDataDir()`, taking the data-dir lock. */
  static async open(options: StoreOptions = {}): Promise<DocumentStore> {
    const requested = options.dataDir ?? defaultDataDir();
    let dataDir: string;
    try {
      await mkdir(requested, { recursive: true });
      dataDir = await realpath(requested);
    } catch (error) {
      throw new StorageError('io', `Cannot use ${requested} as the data folder: ${errorText(error)}`, { cause: error });
    }
    const lock = await acquireDataDirLock(dataDir);
    try {
      await mkdir(join(dataDir, DOCUMENTS_DIR), { recursive: true });
      await mkdir(join(dataDir, TRASH_DIR), { recursive: true });
      const store = new DocumentStore(dataDir, lock, options);
      await store.sweepUnfinishedCreations();
      return store;
    } catch (error) {
      await lock.release();
      throw error instanceof StorageError
        ? error
        : new StorageError('io', `Cannot prepare the data folder ${dataDir}: ${errorText(error)}`, { cause: error });
    }
  }

  // --- DocumentPersistence (name = document id) ---

  async load(name: string): Promise<LoadedDocument> {
    this.assertOpen();
    assertValidDocumentId(name);
    if (!this.logs.has(name) && !(await this.exists(name))) return { update: EMPTY_UPDATE.slice() };
    return (await this.open(name)).load();
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    this.assertOpen();
    assertValidDocumentId(name);
    const log = await this.logFor(name, true);
    await log.append(update);
  }

  async flush(): Promise<void> {
    const logs = await Promise.allSettled([...this.logs.values()]);
    for (const result of logs) if (result.status === 'fulfilled') await result.value.flush();
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        const errors: unknown[] = [];
        for (const pending of this.logs.values()) {
          try {
            await (await pending).close();
          } catch (error) {
            errors.push(error);
          }
        }
        this.logs.clear();
        await this.lock.release();
        if (errors.length > 0) throw errors[0];
      })();
    }
    return this.closing;
  }

  // --- The document list ---

  async list(): Promise<StoredSummary[]> {
    this.assertOpen();
    await this.rescanFolders();
    const names = [...this.folders.values()].flat();
    const summaries = await Promise.all(names.map((name) => this.summaryOf(name)));
    return summaries.sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : a.id.localeCompare(b.id)));
  }

  async exists(id: string): Promise<boolean> {
    assertValidDocumentId(id);
    return (await this.folderState(id)) === 'exists';
  }

  async create(id: string | undefined, initialUpdate: Uint8Array, summary: SummaryPatch): Promise<StoredSummary> {
    this.assertOpen();
    const docId = id ?? newDocumentId();
    assertValidDocumentId(docId);
    if (!(initialUpdate instanceof Uint8Array)) throw new StorageError('invalid-input', 'The initial update must be a Uint8Array.');
    if (initialUpdate.length > 0) {
      try {
        Y.parseUpdateMeta(initialUpdate);
      } catch (error) {
        throw new StorageError('invalid-input', `The initial content of document "${docId}" is not a Yjs update: ${errorText(error)}`);
      }
    }
    return this.withId(docId, () => this.createLocked(docId, initialUpdate, summary));
  }

  async getSummary(id: string): Promise<StoredSummary> {
    this.assertOpen();
    await this.assertExists(id);
    return this.summaryOf(id);
  }

  async updateSummary(id: string, patch: SummaryPatch): Promise<StoredSummary> {
    this.assertOpen();
    return this.withId(id, async () => {
      await this.assertExists(id);
      const next = applySummaryPatch(await this.summaryOf(id), patch, new Date().toISOString());
      await this.writeSummary(id, next);
      return next;
    });
  }

  async delete(id: string): Promise<void> {
    this.assertOpen();
    assertValidDocumentId(id);
    // Taken now, not inside the chained task: an open queued after this delete must not be awaited by it.
    const cached = this.logs.get(id);
    if (cached) this.logs.delete(id);
    await this.withId(id, async () => {
      if (cached) await (await cached.catch(() => null))?.close();
      await this.assertExists(id);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const target = join(this.dataDir, TRASH_DIR, `${id}-${stamp}-${randomBytes(2).toString('hex')}`);
      await rename(this.docDir(id), target);
      this.removeFolder(id);
      await this.pool.withHandles(() => fsyncDir(join(this.dataDir, DOCUMENTS_DIR)));
      await this.pool.withHandles(() => fsyncDir(join(this.dataDir, TRASH_DIR)));
    });
  }

  async release(id: string): Promise<void> {
    this.assertOpen();
    assertValidDocumentId(id);
    const cached = this.logs.get(id);
    if (!cached) return;
    this.logs.delete(id);
    // Chained behind the id's queued work, so an append already on its way is written before the close.
    await this.withId(id, async () => {
      await (await cached.catch(() => null))?.close();
    });
  }

  /** How many document logs are open (cached) right now. */
  get openLogCount(): number {
    return this.logs.size;
  }

  /** How many of them hold an open file handle right now (idle ones are closed; at most maxOpenFiles). */
  get openFileCount(): number {
    return this.pool.openCount;
  }

  async open(id: string): Promise<DocumentLog> {
    this.assertOpen();
    assertValidDocumentId(id);
    return this.logFor(id, false);
  }

  // --- internals ---

  private logFor(id: string, createIfMissing: boolean): Promise<FileDocumentLog> {
    const cached = this.logs.get(id);
    if (cached) return cached;
    const opening = this.withId(id, async () => {
      if (!(await this.exists(id))) {
        if (!createIfMissing) throw notFound(id);
        await this.createLocked(id, new Uint8Array(0), {});
      }
      return FileDocumentLog.open(id, this.docDir(id), { ...this.options, pool: this.pool });
    });
    this.logs.set(id, opening);
    opening.catch(() => {
      if (this.logs.get(id) === opening) this.logs.delete(id);
    });
    return opening;
  }

  /**
   * Builds the document in a hidden folder and renames it into place, so a crash never leaves a half-made
   * document in the list.
   */
  private async createLocked(id: string, initialUpdate: Uint8Array, patch: SummaryPatch): Promise<StoredSummary> {
    if (await this.exists(id)) throw new StorageError('exists', `A document with id "${id}" already exists.`);
    const now = new Date().toISOString();
    const summary = applySummaryPatch({ id, title: '', organisation: '', created: now, modified: now }, patch, now);
    const documents = join(this.dataDir, DOCUMENTS_DIR);
    try {
      // Out of file handles part-way: the half-built folder stays hidden (swept to trash on the next open) and the
      // creation is retried in a fresh one.
      const building = await this.pool.withHandles(() => this.buildHidden(id, initialUpdate, summary));
      await rename(building, this.docDir(id));
      this.addFolder(id);
      await this.pool.withHandles(() => fsyncDir(documents));
    } catch (error) {
      throw new StorageError('write-failed', `Could not create document "${id}" in ${documents}: ${errorText(error)}`, { cause: error });
    }
    return summary;
  }

  /** Builds the document in a fresh hidden folder (log and summary fsynced) and returns its path. */
  private async buildHidden(id: string, initialUpdate: Uint8Array, summary: StoredSummary): Promise<string> {
    const building = join(this.dataDir, DOCUMENTS_DIR, `.creating-${id}-${randomBytes(4).toString('hex')}`);
    await mkdir(building);
    const log = await open(join(building, LOG_FILE), 'wx', 0o644);
    try {
      if (initialUpdate.length > 0) await writeFully(log, encodeRecords([initialUpdate]), 0);
      await log.sync();
    } finally {
      await log.close();
    }
    await writeFileAtomic(join(building, SUMMARY_FILE), encodeSummary(summary));
    return building;
  }

  private async writeSummary(id: string, summary: StoredSummary): Promise<void> {
    await this.pool.withHandles(() => writeFileAtomic(join(this.docDir(id), SUMMARY_FILE), encodeSummary(summary)));
  }

  /** The summary with `modified` raised to the log's last write (appends do not rewrite summary.json). */
  private async summaryOf(id: string): Promise<StoredSummary> {
    const dir = this.docDir(id);
    const logTime = await stat(join(dir, LOG_FILE)).then(
      (s) => s.mtime.toISOString(),
      () => undefined,
    );
    const fallback = logTime ?? new Date(0).toISOString();
    const summary = await this.pool.withHandles(() => readSummary(id, join(dir, SUMMARY_FILE), fallback));
    if (logTime && logTime > summary.modified) summary.modified = logTime;
    return summary;
  }

  /** Half-built documents of a crashed create were never acknowledged; keep them in trash for support. */
  private async sweepUnfinishedCreations(): Promise<void> {
    const documents = join(this.dataDir, DOCUMENTS_DIR);
    const entries = await readdir(documents, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory() && entry.name.startsWith('.creating-')) {
        await rename(join(documents, entry.name), join(this.dataDir, TRASH_DIR, `${entry.name.slice(1)}-${Date.now()}`));
      }
    }
  }

  private async assertExists(id: string): Promise<void> {
    if (!(await this.exists(id))) throw notFound(id);
  }

  /**
   * Whether `id` has its folder; throws `name-taken` when its folder would be another document's on a
   * case-insensitive disk (a folder spelled differently with the same key exists).
   */
  private async folderState(id: string): Promise<'exists' | 'absent'> {
    const key = documentIdKey(id);
    let names = this.folders.get(key);
    if (!names?.includes(id)) {
      // Not known (yet): the folder may have been made since the last listing, by this store or by hand.
      await this.rescanFolders();
      names = this.folders.get(key);
    }
    if (names?.includes(id)) return 'exists';
    if (names && names.length > 0) {
      throw new StorageError(
        'name-taken',
        `The document name "${id}" is taken by the document "${names[0]}": names that differ only in upper and lower case ` +
          'are the same folder on Windows and macOS. Use the existing name or another one.',
      );
    }
    return 'absent';
  }

  private async rescanFolders(): Promise<void> {
    const documents = join(this.dataDir, DOCUMENTS_DIR);
    const entries = await this.pool.withHandles(() => readdir(documents, { withFileTypes: true })).catch((error: unknown) => {
      throw new StorageError('io', `Cannot list the documents in ${documents}: ${errorText(error)}`, { cause: error });
    });
    this.folders.clear();
    for (const entry of entries) {
      if (!entry.isDirectory() || !isValidDocumentId(entry.name)) continue;
      const key = documentIdKey(entry.name);
      const names = this.folders.get(key);
      if (names) names.push(entry.name);
      else this.folders.set(key, [entry.name]);
    }
  }

  private addFolder(id: string): void {
    const key = documentIdKey(id);
    const names = this.folders.get(key) ?? [];
    if (!names.includes(id)) names.push(id);
    this.folders.set(key, names);
  }

  private removeFolder(id: string): void {
    const key = documentIdKey(id);
    const names = (this.folders.get(key) ?? []).filter((name) => name !== id);
    if (names.length > 0) this.folders.set(key, names);
    else this.folders.delete(key);
  }

  /** Serialises work per folder key, so "Strategi" and "strategi" never race to create one folder. */
  private withId<T>(id: string, task: () => Promise<T>): Promise<T> {
    const key = documentIdKey(id);
    const previous = this.idChains.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.idChains.set(key, settled);
    void settled.then(() => {
      if (this.idChains.get(key) === settled) this.idChains.delete(key);
    });
    return next;
  }

  private docDir(id: string): string {
    return join(this.dataDir, DOCUMENTS_DIR, id);
  }

  private assertOpen(): void {
    if (this.closing) throw new StorageError('closed', `The document store in ${this.dataDir} is closed.`);
  }
}

function notFound(id: string): StorageError {
  return new StorageError('not-found', `No document with id "${id}".`);
}

/** Opens a document store (see DocumentStore.open). */
export function openDocumentStore(options: StoreOptions = {}): Promise<DocumentStore> {
  return DocumentStore.open(options);
}
