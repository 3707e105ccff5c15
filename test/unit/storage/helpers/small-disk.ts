// A small real disk for full-disk tests: a tmpfs of a few MiB mounted on a temp folder (needs root on Linux).
// `fill()` takes every free byte with filler files, `free()` removes them again.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  fill(): Promise<void>;
  free(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function smallDisk(sizeMiB = 4): Promise<SmallDisk | null> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = await mkdtemp(join(tmpdir(), 'pejling-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    await rm(dir, { recursive: true, force: true });
    return null;
  }
  let fillers = 0;
  return {
    dir,
    async fill() {
      for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
        for (;;) {
          try {
            await writeFile(join(dir, `filler-${fillers}`), Buffer.alloc(size), { flag: 'wx' });
            fillers++;
          } catch {
            await rm(join(dir, `filler-${fillers}`), { force: true }); // the partial one
            break;
          }
        }
      }
    },
    async free() {
      for (let i = 0; i < fillers; i++) await rm(join(dir, `filler-${i}`), { force: true });
      fillers = 0;
    },
    async cleanup() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' }); // lazy: a handle a failed test left open must not hide its error
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether this machine can mount a small tmpfs (root on Linux). */
export async function canMountSmallDisk(): Promise<boolean> {
  const disk = await smallDisk(1);
  if (!disk) return false;
  await disk.cleanup();
  return true;
}
