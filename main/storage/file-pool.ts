// A budget for the file handles the store keeps open, and recovery from running out of them (issue 20: 300
// documents written at once with 256 handles failed 166 of them with EMFILE, until a restart).
//
// - Each document log holds at most one handle, only while it is in use: it is opened on the first write and
//   closed after `idleCloseMs` without writes (document-log.ts).
// - At most `maxOpen` log handles are open; past that, the least recently used idle log closes its handle, and if
//   none is idle the next log waits for a slot.
// - EMFILE/ENFILE (the process or the system is out of handles, e.g. because of other files or sockets) is not a
//   failure of the document: idle handles are closed and the operation is retried with backoff for up to
//   `emfileRetryMs`, so the document keeps working without a restart once handles are free again.
import { readFileSync } from 'node:fs';

export interface PooledFile {
  /** Closes its handle if it is open and idle; true when a slot was freed. */
  closeIfIdle(): Promise<boolean>;
}

export interface FilePoolOptions {
  maxOpen?: number;
  /** How long an operation that hits EMFILE keeps retrying (default 30 s). */
  emfileRetryMs?: number;
}

export const DEFAULT_EMFILE_RETRY_MS = 30_000;

export class FilePool {
  readonly maxOpen: number;
  readonly emfileRetryMs: number;
  private open = 0;
  /** Holders of an open handle, least recently used first. */
  private readonly holders = new Set<PooledFile>();
  private readonly waiting: (() => void)[] = [];

  constructor(options: FilePoolOptions = {}) {
    this.maxOpen = Math.max(1, Math.floor(options.maxOpen ?? defaultMaxOpen()));
    this.emfileRetryMs = options.emfileRetryMs ?? DEFAULT_EMFILE_RETRY_MS;
  }

  get openCount(): number {
    return this.open;
  }

  /** Takes a slot for `holder` (closing an idle holder's handle, or waiting, when the budget is spent). */
  async acquire(holder: PooledFile): Promise<void> {
    while (this.open >= this.maxOpen) {
      if (!(await this.shedOne(holder))) await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.open++;
    this.holders.add(holder);
  }

  /** Marks `holder` as just used (most recently used last). */
  touch(holder: PooledFile): void {
    if (this.holders.delete(holder)) this.holders.add(holder);
  }

  release(holder: PooledFile): void {
    if (!this.holders.delete(holder)) return;
    this.open--;
    this.waiting.shift()?.();
  }

  /** Closes every idle handle (after EMFILE: the process needs handles back now). */
  async shedIdle(except?: PooledFile): Promise<number> {
    let freed = 0;
    for (const holder of [...this.holders]) if (holder !== except && (await holder.closeIfIdle())) freed++;
    return freed;
  }

  /**
   * Runs `operation`, retrying while it fails with EMFILE/ENFILE: idle handles are closed first, then it waits
   * (10 ms doubling to 500 ms) for up to `emfileRetryMs`. Other errors pass through.
   */
  async withHandles<T>(operation: () => Promise<T>, holder?: PooledFile): Promise<T> {
    const deadline = Date.now() + this.emfileRetryMs;
    let delay = 10;
    for (;;) {
      try {
        return await operation();
      } catch (error) {
        if (!isOutOfHandles(error) || Date.now() >= deadline) throw error;
        await this.shedIdle(holder);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(500, delay * 2);
      }
    }
  }

  private async shedOne(except: PooledFile): Promise<boolean> {
    for (const holder of this.holders) if (holder !== except && (await holder.closeIfIdle())) return true;
    return false;
  }
}

export function isOutOfHandles(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EMFILE' || code === 'ENFILE';
}

/**
 * A quarter of the process's soft limit of open files (Linux: /proc/self/limits), between 16 and 1024: the rest is
 * left for sockets (one per client), temp files and libraries. 256 where the limit cannot be read.
 */
export function defaultMaxOpen(): number {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const soft = /^Max open files\s+(\d+)/m.exec(limits)?.[1];
    if (soft) return Math.min(1024, Math.max(16, Math.floor(Number(soft) / 4)));
  } catch {
    // not Linux
  }
  return 256;
}
