// A server that runs for weeks opens many documents: when a room unloads, its document's log is closed and its
// memory freed, and the document opens again, intact, on next use.
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../main/storage/document-store';
import { Rooms } from '../../../main/sync/room';
import { TextEditor, removeTempDirs, tempDir, textOf } from './helpers/fixtures';

const stores: DocumentStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
  await removeTempDirs();
});

describe('releasing a document', () => {
  it('closes its log, and the next use reopens it with everything written', async () => {
    const store = await DocumentStore.open({ dataDir: await tempDir() });
    stores.push(store);
    const editor = new TextEditor();
    await store.create('plan', editor.append('Fælles '), { title: 'Plan' });
    await store.append('plan', editor.append('login'));
    expect(store.openLogCount).toBe(1);
    await store.release('plan');
    expect(store.openLogCount).toBe(0);
    expect(textOf((await store.load('plan')).update)).toBe('Fælles login');
    await store.append('plan', editor.append(' for borgere'));
    expect(store.openLogCount).toBe(1);
  });

  it('is what an unloaded room does: the store holds no log for documents nobody has open', async () => {
    const store = await DocumentStore.open({ dataDir: await tempDir() });
    stores.push(store);
    const rooms = new Rooms({ persistence: store, unloadAfterMs: 20 });
    for (const name of ['a', 'b', 'c']) {
      const handle = await rooms.acquire(name);
      handle.doc.getText('t').insert(0, `dokument ${name}`);
      await handle.whenDurable();
      handle.release();
    }
    await expect.poll(() => store.openLogCount, { timeout: 5_000 }).toBe(0);
    const again = await rooms.acquire('b');
    expect(again.doc.getText('t').toString()).toBe('dokument b');
    again.release();
    await rooms.close();
  });
});
