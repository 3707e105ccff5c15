// What the storage sets aside while opening a document reaches the person: the host puts the notice on the
// document in its list (DocumentSummary.notice), which the editor shows once the document is open.
import { afterAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createHost } from '../../../main/host/host';
import { encodeRecords } from '../../../main/storage/log-records';
import { recoveryNoticeDa, recoveryNoticeEn } from '../../../main/storage/messages';
import { baseUpdates, poisonUpdate } from './helpers/poison';
import { removeTempDirs, tempDir } from './helpers/fixtures';

afterAll(removeTempDirs);

describe('recovery notices', () => {
  it('say in Danish and English what was set aside and where it is kept', () => {
    const report = { discardedBytes: 30, reason: 'record 4 at byte 90: checksum mismatch', quarantinedTo: '/d/updates.log.corrupt-x', damagedRecords: 1, keptRecords: 9 };
    expect(recoveryNoticeDa(report)).toBe(
      'Pejling fandt 1 beskadiget ændring (kontrolsummen passer ikke) i dokumentets gemte data og lagde den til side. ' +
        'De 9 andre gemte skrivninger er bevaret; ændringer, der byggede direkte på det frasorterede, kan mangle. ' +
        'De frasorterede data (30 byte) er gemt i /d/updates.log.corrupt-x.',
    );
    expect(recoveryNoticeEn({ ...report, damagedRecords: 0, unmergeableRecords: 2 })).toMatch(
      /^Pejling found 2 changes that cannot be merged into the document in the document's saved data and set them aside\. The 9 other/,
    );
    expect(recoveryNoticeDa({ discardedBytes: 5, reason: 'torn', tornTailBytes: 5 })).toMatch(/^Pejling genoprettede dokumentet efter et nedbrud\./);
  });

  it('reach the document list of the host when a poisoned document is opened', async () => {
    const dataDir = await tempDir();
    const host = await createHost({ dataDir });
    const created = await host.store.create('giftig', new Uint8Array(0), { title: 'Strategi' });
    await host.close();
    const base = baseUpdates();
    await writeFile(join(dataDir, 'documents', created.id, 'updates.log'), encodeRecords([...base.slice(0, 5), poisonUpdate(), ...base.slice(5)]));

    const again = await createHost({ dataDir });
    try {
      const handle = await again.rooms.acquire(created.id); // what opening the document in the editor does
      const expected = new Y.Doc();
      for (const u of base) Y.applyUpdate(expected, u);
      expect(handle.doc.getText('body').toString()).toBe(expected.getText('body').toString());
      handle.release();
      const listed = (await again.api.listDocuments()).find((d) => d.id === created.id);
      expect(listed?.notice).toMatch(/^Pejling fandt 1 ændring, der ikke kan flettes ind i dokumentet i dokumentets gemte data og lagde den til side\./);
      const kept = /er gemt i (\S+)\.$/.exec(listed!.notice!)?.[1];
      expect((await readFile(kept!)).length).toBe(8 + poisonUpdate().length);
    } finally {
      await again.close();
    }
  });
});
