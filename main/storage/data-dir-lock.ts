// One writer per data folder, enforced by the operating system: `<dataDir>/pejling.lock` is held with an
// exclusive advisory lock (fs-native-extensions: open-file-description fcntl lock on Linux, flock on macOS,
// LockFileEx on Windows). The kernel drops the lock when the holder's files are closed — on exit, crash or
// SIGKILL, before the process is even reaped — so a restart never has to guess whether an old pid still lives,
// and a lock file left by another host name (a container restarted under a new name) never blocks.
//
// `<dataDir>/pejling.lock.owner` (JSON: pid, host, since) is only a human-readable record for the refusal
// message; it decides nothing. The lock file itself is never deleted: removing a lock file while others may
// have it open lets two processes lock two different inodes of the same name.
import { tryLock, unlock } from 'fs-native-extensions';
import { constants } from 'node:fs';
import { open, readFile, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { errorText, siblingTempPath } from './fs-durable';
import { StorageError } from './types';

export const LOCK_FILE = 'pejling.lock';
export const LOCK_OWNER_FILE = 'pejling.lock.owner';
/**
 * How long a refused lock is retried before giving up. A killed process releases its descriptors only once its
 * last thread has exited; Node's thread-group leader already shows as a zombie while its worker threads are still
 * being torn down, and on a loaded machine (load 15 on 2 cores here) that took over a second in our test runs.
 */
const DYING_HOLDER_GRACE_MS = 3000;
const RETRY_INTERVAL_MS = 25;

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  let handle: FileHandle;
  try {
    // Read-write: an exclusive (write) lock needs a writable descriptor. Node opens with O_CLOEXEC, so a child
    // process (an export, LibreOffice) never inherits the descriptor and with it the lock.
    handle = await open(path, constants.O_RDWR | constants.O_CREAT, 0o644);
  } catch (error) {
    throw new StorageError('io', `Cannot open the lock file ${path}: ${errorText(error)}`, { cause: error });
  }
  let granted: boolean;
  const deadline = Date.now() + DYING_HOLDER_GRACE_MS;
  for (;;) {
    try {
      granted = tryLock(handle.fd);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw new StorageError('io', `Cannot lock the data folder ${dataDir} (${path}): ${errorText(error)}`, { cause: error });
    }
    if (granted || Date.now() >= deadline || (await heldByThisProcess(dataDir))) break;
    await new Promise((resolve) => setTimeout(resolve, RETRY_INTERVAL_MS));
  }
  if (!granted) {
    await handle.close().catch(() => undefined);
    const owner = await readLockOwner(dataDir);
    const who = owner ? `process ${owner.pid} on ${owner.host}, since ${owner.since}` : 'another process';
    throw new StorageError(
      'locked',
      `The data folder ${dataDir} is in use by another Pejling (${who}). Close it first, or use another data folder.`,
    );
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const ownerPath = join(dataDir, LOCK_OWNER_FILE);
  const ownerText = `${JSON.stringify(owner)}\n`;
  try {
    // Only for messages: written in one step (temp + rename) so a reader never sees half of it; not fsynced.
    const temp = siblingTempPath(ownerPath, 'new');
    await writeFile(temp, ownerText);
    await rename(temp, ownerPath);
  } catch {
    // A missing owner record only makes a refusal message less specific.
  }
  let released: Promise<void> | null = null;
  return {
    path,
    release() {
      released ??= (async () => {
        try {
          if ((await readFile(ownerPath, 'utf8').catch(() => '')) === ownerText) await unlink(ownerPath).catch(() => undefined);
          unlock(handle.fd);
        } catch {
          // Closing the descriptor below releases the lock anyway.
        }
        await handle.close();
      })();
      return released;
    },
  };
}

/** A second store in this very process: no dying process to wait for. */
async function heldByThisProcess(dataDir: string): Promise<boolean> {
  const owner = await readLockOwner(dataDir);
  return owner !== null && owner.pid === process.pid && owner.host === hostname();
}

/** Who holds (or last held) the data folder, as recorded for messages; null when unknown or unreadable. */
export async function readLockOwner(dataDir: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, LOCK_OWNER_FILE), 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? '') };
    }
  } catch {
    // fall through
  }
  return null;
}
