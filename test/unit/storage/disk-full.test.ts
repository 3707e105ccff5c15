// Storage on a full disk (issue 20, item 16), on a real small disk (a 4 MiB tmpfs, mounted as root); the
// compaction check also with the free space injected. Where a tmpfs cannot be mounted, the real-disk tests are
// skipped (the test names say so).
import { afterAll, describe, expect, it } from 'vitest';
import { appendFile, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentStore } from '../../../main/storage/document-store';
import { FileDocumentLog, LOG_FILE } from '../../../main/storage/document-log';
import { recoveryNoticeDa } from '../../../main/storage/messages';
import { TextEditor, removeTempDirs, tempDir, textOf } from './helpers/fixtures';
import { canMountSmallDisk, smallDisk } from './helpers/small-disk';

afterAll(removeTempDirs);

const realDisk = await canMountSmallDisk();
const onRealDisk = realDisk ? 'on a 4 MiB tmpfs' : 'SKIPPED: cannot mount a tmpfs here (not root on Linux)';

describe('a full disk', () => {
  it('postpones a compaction that has too little free space, keeping the log whole and writable', async () => {
    const dir = await tempDir();
    let free = 100; // bytes: far less than the merged state plus the margin
    const log = await FileDocumentLog.open('doc', dir, { compactAfterRecords: 5, freeBytes: async () => free });
    const editor = new TextEditor();
    for (let i = 0; i < 12; i++) await log.append(editor.append(`${i} `));
    await log.compact();
    expect(log.stats()).toMatchObject({ compactions: 0, records: 12 });
    expect(log.stats().postponedCompactions).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual([LOG_FILE]); // no temp copy was started
    free = Number.POSITIVE_INFINITY;
    await log.compact();
    expect(log.stats()).toMatchObject({ compactions: 1, records: 1 });
    expect(textOf((await log.load()).update)).toBe('0 1 2 3 4 5 6 7 8 9 10 11 ');
    await log.close();
  });

  it.runIf(realDisk)(`refuses writes as "disk full" and keeps everything acknowledged (${onRealDisk})`, async () => {
    const disk = (await smallDisk())!;
    try {
      const dataDir = join(disk.dir, 'data');
      const store = await DocumentStore.open({ dataDir });
      const editor = new TextEditor();
      await store.append('plan', editor.append('Gemt før disken blev fuld. '));
      await disk.fill();
      await expect(store.append('plan', editor.append('x'.repeat(20_000)))).rejects.toMatchObject({
        code: 'disk-full',
        message: expect.stringMatching(/^The disk is full: could not write the log of document "plan"/),
      });
      await expect(store.append('plan', editor.append('mere'))).rejects.toMatchObject({ code: 'disk-full' });
      await store.close(); // a clean close on a full disk does not throw
      const again = await DocumentStore.open({ dataDir }); // restart while still full
      expect(textOf((await again.load('plan')).update)).toMatch(/^Gemt før disken blev fuld\. /);
      await again.close();
    } finally {
      await disk.cleanup();
    }
  });

  it.runIf(realDisk)(`opens a document that needs a repair read-only while the disk is full, without leaving files (${onRealDisk})`, async () => {
    const disk = (await smallDisk())!;
    try {
      const dataDir = join(disk.dir, 'data');
      let store = await DocumentStore.open({ dataDir });
      const editor = new TextEditor();
      await store.append('plan', editor.append('Vision. '));
      await store.append('plan', editor.append('Mål.'));
      await store.close();
      const logPath = join(dataDir, 'documents', 'plan', LOG_FILE);
      await appendFile(logPath, Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7])); // a torn last write
      const before = await readFile(logPath);
      await disk.fill();

      for (let attempt = 0; attempt < 3; attempt++) {
        store = await DocumentStore.open({ dataDir });
        const loaded = await store.load('plan');
        expect(textOf(loaded.update)).toBe('Vision. Mål.');
        expect(loaded.recovery).toMatchObject({ readOnly: true, tornTailBytes: 11 });
        expect(recoveryNoticeDa(loaded.recovery!)).toMatch(/^Disken er fuld, så Pejling kunne ikke reparere dokumentet.*skrivebeskyttet/);
        await expect(store.append('plan', new TextEditor().append('refused'))).rejects.toMatchObject({ code: 'disk-full', message: expect.stringMatching(/opened read-only/) });
        await store.close();
        expect(await readFile(logPath)).toEqual(before); // untouched
        expect((await readdir(join(dataDir, 'documents', 'plan'))).filter((f) => f.includes('corrupt'))).toEqual([]);
      }

      await disk.free();
      store = await DocumentStore.open({ dataDir });
      const repaired = await store.load('plan');
      expect(repaired.recovery).toMatchObject({ tornTailBytes: 11 });
      expect(repaired.recovery?.readOnly).toBeUndefined();
      await store.append('plan', editor.append(' Ny'));
      expect(textOf((await store.load('plan')).update)).toBe('Vision. Mål. Ny');
      expect((await stat(logPath)).size).toBeGreaterThan(0);
      await store.close();
    } finally {
      await disk.cleanup();
    }
  });
});
