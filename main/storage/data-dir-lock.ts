// One writer per data dir: `<dataDir>/pejling.lock` created exclusively, holding the owner's pid and host.
// A lock whose process is gone (crash, SIGKILL) is stale and taken over.
import { unlinkSync, readFileSync } from 'node:fs';
import { link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { siblingTempPath } from './fs-durable';
import { StorageError } from './types';

export const LOCK_FILE = 'pejling.lock';
/** A lock file we cannot parse is only judged stale after this long (its writer may be mid-creation). */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

interface LockContent {
  pid: number;
  host: string;
  since: string;
}

/** Locks held by this process (absolute lock paths), so a second store in the same process is refused too. */
const heldLocks = new Set<string>();
let exitHookInstalled = false;

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const text = JSON.stringify(mine);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(path, text)) {
      heldLocks.add(path);
      installExitHook();
      return { path, release: () => releaseLock(path, text) };
    }
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (!(await isStale(path, holder))) {
      const who = holder ? `process ${holder.pid} on ${holder.host}, since ${holder.since}` : 'another process';
      throw new StorageError(
        'locked',
        `The data folder ${dataDir} is in use by another Pejling (${who}). Close it first, or use another data folder.`,
      );
    }
    await removeStale(path, holder);
  }
  throw new StorageError('locked', `Could not lock the data folder ${dataDir}: the lock file ${path} keeps changing.`);
}

/** Creates the lock with its content in one step (hard link of a finished temp file), so it is never seen half-written. */
async function tryCreate(path: string, text: string): Promise<boolean> {
  const temp = siblingTempPath(path, 'new');
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StorageError('io', `Cannot create the lock file ${path}: ${(error as Error).message}`, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function readHolder(path: string): Promise<LockContent | null | 'gone'> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockContent>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? '') };
    }
  } catch {
    // fall through: unreadable
  }
  return null;
}

async function isStale(path: string, holder: LockContent | null): Promise<boolean> {
  if (holder === null) {
    const age = Date.now() - (await stat(path)).mtimeMs;
    return age > UNREADABLE_LOCK_GRACE_MS;
  }
  // On another machine (shared folder) we cannot tell whether the process lives: treat as held.
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldLocks.has(path); // a previous life of this pid
  return !processIsAlive(holder.pid);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside and removes it. If what we moved is not the lock we judged stale (another process
 * took over in between), it is put back and the caller retries.
 */
async function removeStale(path: string, judged: LockContent | null): Promise<void> {
  const aside = siblingTempPath(path, 'stale');
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside);
  const same = moved !== 'gone' && JSON.stringify(moved) === JSON.stringify(judged);
  if (!same) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function releaseLock(path: string, text: string): Promise<void> {
  if (!heldLocks.delete(path)) return;
  try {
    if ((await readFile(path, 'utf8')) === text) await unlink(path);
  } catch {
    // Already gone: nothing to release.
  }
}

/** Normal exits without close() still release the lock (SIGKILL cannot; the next start sees it stale). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of heldLocks) {
      try {
        const content = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
        if (content.pid === process.pid) unlinkSync(path);
      } catch {
        // ignore: best effort at exit
      }
    }
  });
}
