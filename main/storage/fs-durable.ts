// Small durable file-system helpers: fsync of directories, atomic replace, bounded reads.
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Makes a directory's entries (created, renamed or removed files) durable. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open directories for fsync; NTFS journals metadata itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes all of `data` at `position`, looping over short writes. */
export async function writeFully(handle: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    if (bytesWritten <= 0) throw new Error(`write made no progress at byte ${position + done}`);
    done += bytesWritten;
  }
}

/** Reads exactly `length` bytes from the start (the size from fstat, so devices and growing files are bounded). */
export async function readFully(handle: FileHandle, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(out, done, length - done, done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? out : out.subarray(0, done);
}

/** A temp name next to `path` that no concurrent writer shares. */
export function siblingTempPath(path: string, tag = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Replaces `path` atomically: write a temp file, fsync it, rename over `path`, fsync the directory.
 * A crash at any point leaves either the old or the new file whole.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, tempPath = siblingTempPath(path)): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const handle = await open(tempPath, 'w');
  try {
    try {
      await writeFully(handle, bytes, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, path);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dirname(path));
}

/** The message of an error of any kind, for wrapping into a StorageError. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
