import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { DocumentStore } from '../../../main/storage/document-store';
import { LOCK_OWNER_FILE } from '../../../main/storage/data-dir-lock';
import { StorageError } from '../../../main/storage/types';
import { TextEditor, removeTempDirs, tempDir, textOf } from './helpers/fixtures';

const stores: DocumentStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
  await removeTempDirs();
});

async function openStore(dataDir: string, options: { compactAfterRecords?: number } = {}): Promise<DocumentStore> {
  const store = await DocumentStore.open({ dataDir, ...options });
  stores.push(store);
  return store;
}

describe('DocumentStore', () => {
  it('creates, lists, renames and deletes documents (delete moves to trash)', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    const editor = new TextEditor();
    const odder = await store.create('odder-2006', editor.append('Pejlemærker'), { title: 'IT-strategi', organisation: 'Odder Kommune' });
    expect(odder).toMatchObject({ id: 'odder-2006', title: 'IT-strategi', organisation: 'Odder Kommune' });
    const fresh = await store.create(undefined, new Uint8Array(0), { title: 'Digitaliseringsstrategi' });
    expect(fresh.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.exists('odder-2006')).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const renamed = await store.updateSummary('odder-2006', { title: 'IT-strategi 2006', remote: { url: 'ws://127.0.0.1:4455', token: 't', role: 'editor' } });
    expect(renamed.modified > odder.modified).toBe(true);
    const list = await store.list();
    expect(list.map((s) => s.id)).toEqual(['odder-2006', fresh.id]); // most recently modified first
    expect(list[0]).toMatchObject({ title: 'IT-strategi 2006', remote: { url: 'ws://127.0.0.1:4455', token: 't', role: 'editor' } });
    expect((await store.updateSummary('odder-2006', { remote: null })).remote).toBeUndefined();

    await store.delete('odder-2006');
    expect(await store.exists('odder-2006')).toBe(false);
    expect((await store.list()).map((s) => s.id)).toEqual([fresh.id]);
    const trashed = await readdir(join(dataDir, 'trash'));
    expect(trashed).toHaveLength(1);
    expect(trashed[0]).toMatch(/^odder-2006-/);
    expect(textOf(await firstRecordOf(join(dataDir, 'trash', trashed[0]!, 'updates.log')))).toBe('Pejlemærker');
  });

  it('deletes an open document while appends race with it, without deadlock or mixing old and new', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    await store.append('doc', new TextEditor().append('old'));
    const fresh = new TextEditor();
    await Promise.all([store.delete('doc'), store.append('doc', fresh.append('new'))]);
    expect(textOf((await store.load('doc')).update)).toBe('new');
    expect(await readdir(join(dataDir, 'trash'))).toHaveLength(1);
  });

  it('keeps documents and summaries across a restart', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    const editor = new TextEditor();
    await store.create('kk', editor.append('Vision'), { title: 'IT-strategi 2010-2014', organisation: 'Københavns Kommune' });
    const log = await store.open('kk');
    expect(await store.open('kk')).toBe(log); // one handle per document per process
    await log.append(editor.append(' og principper'));
    await store.close();
    const again = await openStore(dataDir);
    expect((await again.list())[0]).toMatchObject({ id: 'kk', title: 'IT-strategi 2010-2014', organisation: 'Københavns Kommune' });
    expect(textOf((await again.load('kk')).update)).toBe('Vision og principper');
  });

  it('serves as DocumentPersistence: unknown names load empty and are created by the first append', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    expect(textOf((await store.load('shared-doc')).update)).toBe('');
    expect(await store.exists('shared-doc')).toBe(false);
    const editor = new TextEditor();
    await Promise.all([store.append('shared-doc', editor.append('a')), store.append('shared-doc', editor.append('b'))]);
    expect(await store.exists('shared-doc')).toBe(true);
    await store.flush();
    expect(textOf((await store.load('shared-doc')).update)).toBe('ab');
    expect((await store.list()).map((s) => s.id)).toEqual(['shared-doc']);
  });

  it('refuses ids that could escape the data folder, with a clear error', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    for (const bad of ['../evil', '..', '.hidden', 'a/b', 'a\\b', '', 'x'.repeat(129), 'æøå', 'with space']) {
      await expect(store.load(bad)).rejects.toMatchObject({ code: 'invalid-id' });
      await expect(store.append(bad, new TextEditor().append('x'))).rejects.toThrow(/Invalid document id/);
      await expect(store.create(bad, new Uint8Array(0), {})).rejects.toMatchObject({ code: 'invalid-id' });
    }
    expect(existsSync(join(dataDir, '..', 'evil'))).toBe(false);
    expect(await readdir(join(dataDir, 'documents'))).toEqual([]);
  });

  it('refuses duplicate ids, missing documents and bad summary fields', async () => {
    const store = await openStore(await tempDir());
    await store.create('doc', new Uint8Array(0), {});
    await expect(store.create('doc', new Uint8Array(0), {})).rejects.toMatchObject({ code: 'exists' });
    await expect(store.open('nope')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.delete('nope')).rejects.toThrow('No document with id "nope".');
    await expect(store.updateSummary('doc', { title: 42 as unknown as string })).rejects.toThrow(/title must be a string/);
    await expect(store.updateSummary('doc', { remote: { url: '' } })).rejects.toThrow(/remote.url/);
    await expect(store.create('junk', new Uint8Array([255, 255, 255]), {})).rejects.toThrow(/not a Yjs update/);
  });

  it('rejects an append it cannot write (documents folder replaced by a file)', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    await rename(join(dataDir, 'documents'), join(dataDir, 'moved'));
    await writeFile(join(dataDir, 'documents'), 'not a folder');
    const failed = store.append('doc', new TextEditor().append('x'));
    await expect(failed).rejects.toBeInstanceOf(StorageError);
    await expect(failed).rejects.toThrow(/Cannot list the documents in .*documents: ENOTDIR/);
  });

  it('refuses a second store on the same data folder in this process, and allows it after close', async () => {
    const dataDir = await tempDir();
    const first = await openStore(dataDir);
    await expect(DocumentStore.open({ dataDir })).rejects.toMatchObject({ code: 'locked' });
    await expect(DocumentStore.open({ dataDir })).rejects.toThrow(/is in use by another Pejling \(process \d+/);
    await first.close();
    expect(existsSync(join(dataDir, LOCK_OWNER_FILE))).toBe(false);
    await openStore(dataDir);
  });

  it('refuses a store locked by a live process and takes over once it was killed', async () => {
    const dataDir = await tempDir();
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${join(process.cwd(), 'main/storage/document-store.ts')}').then(async (m) => {` +
          `await m.DocumentStore.open({ dataDir: process.argv[1] }); console.log('locked'); setInterval(() => {}, 1000); })`,
        dataDir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
        holder.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
      });
      await expect(DocumentStore.open({ dataDir })).rejects.toThrow(new RegExp(`process ${holder.pid} `));
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const owner = JSON.parse(await readFile(join(dataDir, LOCK_OWNER_FILE), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(holder.pid); // SIGKILL left the record behind, but the OS released the lock
    const store = await openStore(dataDir);
    expect(JSON.parse(await readFile(join(dataDir, LOCK_OWNER_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });

  it('moves half-created documents of a crash out of the list', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'documents', '.creating-doc-1234'), { recursive: true });
    const store = await openStore(dataDir);
    expect(await store.list()).toEqual([]);
    expect(await readdir(join(dataDir, 'documents'))).toEqual([]);
    expect((await readdir(join(dataDir, 'trash')))[0]).toMatch(/^creating-doc-1234-/);
  });

  it('reports a repaired log through load() and still lists the document', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    const editor = new TextEditor();
    await store.create('doc', editor.append('intakt'), { title: 'T' });
    await store.close();
    const logPath = join(dataDir, 'documents', 'doc', 'updates.log');
    await writeFile(logPath, Buffer.concat([await readFile(logPath), Buffer.from([9, 0, 0, 0, 1, 2])]));
    const again = await openStore(dataDir);
    const loaded = await again.load('doc');
    expect(textOf(loaded.update)).toBe('intakt');
    expect(loaded.recovery).toMatchObject({ discardedBytes: 6 });
    expect((await again.list()).map((s) => s.title)).toEqual(['T']);
  });

  it('compacts through the store options', async () => {
    const store = await openStore(await tempDir(), { compactAfterRecords: 4 });
    const editor = new TextEditor();
    for (let i = 0; i < 20; i++) await store.append('doc', editor.append(`${i} `));
    const log = await store.open('doc');
    expect(log.stats().compactions).toBeGreaterThan(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.load('doc')).update);
    expect(doc.getText('body').toString()).toBe(editor.text.toString());
  });
});

async function firstRecordOf(path: string): Promise<Uint8Array> {
  const bytes = await readFile(path);
  const length = bytes.readUInt32LE(0);
  return new Uint8Array(bytes.subarray(8, 8 + length));
}
