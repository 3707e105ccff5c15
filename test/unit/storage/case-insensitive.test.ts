// "Strategi" and "strategi" are one folder on Windows and macOS (issue 20: 600 acknowledged edits, 599 missing
// after a restart). The storage runs on a case-insensitive data folder while edits go to three spellings of one
// name: the first spelling owns the folder, the others are refused with a clear error (never acknowledged), and
// after a restart every acknowledged edit is there.
//
// The folder is a real case-insensitive one where the machine allows it (root on Linux with an ext4 "casefold"
// loop image); otherwise it is simulated: the other spellings are symlinks to the first one's folder, which is
// what a case-insensitive disk does to a path lookup (stat, open) while its listing shows only one spelling.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { DocumentStore } from '../../../main/storage/document-store';
import { removeTempDirs, tempDir } from './helpers/fixtures';

afterAll(removeTempDirs);

interface Folder {
  dataDir: string;
  kind: 'ext4-casefold' | 'simulated (symlinks)';
  cleanup(): Promise<void>;
}

/** A real case-insensitive folder (ext4 casefold on a loop image), or null where the machine does not allow it. */
async function casefoldFolder(): Promise<Folder | null> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const base = await tempDir('pejling-casefold-');
  const image = join(base, 'disk.img');
  const mount = join(base, 'mnt');
  try {
    await mkdir(mount);
    execFileSync('truncate', ['-s', '16M', image]);
    execFileSync('mkfs.ext4', ['-q', '-F', '-O', 'casefold', '-E', 'encoding=utf8', image], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'loop', image, mount], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    return null; // no casefold support in this kernel, or no loop devices
  }
  const dataDir = join(mount, 'data');
  try {
    await mkdir(join(dataDir, 'documents'), { recursive: true });
    execFileSync('chattr', ['+F', join(dataDir, 'documents')], { stdio: 'ignore' });
  } catch {
    execFileSync('umount', [mount], { stdio: 'ignore' });
    return null;
  }
  return {
    dataDir,
    kind: 'ext4-casefold',
    cleanup: async () => {
      execFileSync('umount', [mount], { stdio: 'ignore' });
      await rm(base, { recursive: true, force: true });
    },
  };
}

const SPELLINGS = ['Strategi', 'strategi', 'STRATEGI'];

describe('storage on a case-insensitive disk', () => {
  it('keeps one document per folder and loses no acknowledged edit', async () => {
    const folder = (await casefoldFolder()) ?? { dataDir: await tempDir(), kind: 'simulated (symlinks)' as const, cleanup: async () => undefined };
    console.log(`case-insensitive folder: ${folder.kind}`);
    try {
      let store = await DocumentStore.open({ dataDir: folder.dataDir });
      const writers = SPELLINGS.map(() => new Y.Doc());
      const next = (doc: Y.Doc, key: string): Uint8Array => {
        let update: Uint8Array | undefined;
        const listener = (u: Uint8Array) => (update = u);
        doc.on('update', listener);
        doc.getMap('edits').set(key, key);
        doc.off('update', listener);
        return update!;
      };
      // The first spelling creates the folder.
      await store.append(SPELLINGS[0]!, next(writers[0]!, 'first'));
      if (folder.kind !== 'ext4-casefold') {
        for (const other of SPELLINGS.slice(1)) await symlink(SPELLINGS[0]!, join(folder.dataDir, 'documents', other));
      }
      const acknowledged: string[] = ['first'];
      const refusals: string[] = [];
      for (let round = 0; round < 200; round++) {
        const results = await Promise.allSettled(
          SPELLINGS.map((name, i) => {
            const key = `${name}-${round}`;
            return store.append(name, next(writers[i]!, key)).then(() => key);
          }),
        );
        for (const result of results) {
          if (result.status === 'fulfilled') acknowledged.push(result.value);
          else refusals.push((result.reason as Error).message);
        }
      }
      expect(refusals).toHaveLength(400);
      expect(refusals[0]).toBe(
        'The document name "strategi" is taken by the document "Strategi": names that differ only in upper and lower case are the same folder on Windows and macOS. Use the existing name or another one.',
      );
      await expect(store.create('STRATEGI', new Uint8Array(0), {})).rejects.toMatchObject({ code: 'name-taken' });
      expect((await store.list()).map((s) => s.id)).toEqual(['Strategi']);
      await store.close();

      store = await DocumentStore.open({ dataDir: folder.dataDir });
      const loaded = await store.load('Strategi');
      expect(loaded.recovery).toBeUndefined();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, loaded.update);
      const present = new Set(doc.getMap('edits').keys());
      expect(acknowledged.filter((key) => !present.has(key))).toEqual([]);
      expect(present.size).toBe(201);
      await expect(store.load('strategi')).rejects.toMatchObject({ code: 'name-taken' });
      await store.close();
    } finally {
      await folder.cleanup();
    }
  });
});
