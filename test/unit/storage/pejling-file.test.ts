import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { crc32 } from '../../../main/storage/crc32';
import { decodePejlingFile, encodePejlingFile, readPejlingFile, writePejlingFile } from '../../../main/storage/pejling-file';
import type { PejlingFileHeader } from '../../../main/storage/types';
import { TextEditor, removeTempDirs, tempDir, textOf } from './helpers/fixtures';

afterEach(removeTempDirs);

const header: PejlingFileHeader = {
  title: 'Digitaliseringsstrategi',
  organisation: 'Bornholms Regionskommune',
  schemaVersion: 1,
  savedAt: '2010-06-02T10:00:00.000Z',
  appVersion: '0.1.0',
};

function sample(): Uint8Array {
  const editor = new TextEditor();
  editor.append('Vision: en sammenhængende digital kommune. ');
  editor.append('Indsatsområder følger.');
  return encodePejlingFile({ header, update: Y.encodeStateAsUpdate(editor.doc) });
}

/** Re-seals bytes with a valid checksum (to test checks that come after the checksum). */
function reseal(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(out.length - 4, crc32(out, 0, out.length - 4), true);
  return out;
}

describe('.pejling files', () => {
  it('round-trip header and document through a file, written atomically', async () => {
    const dir = await tempDir();
    const editor = new TextEditor();
    editor.append('Handlingsplan 2011-2012');
    const path = join(dir, 'strategi.pejling');
    await writePejlingFile(path, { header: { ...header, sourceId: 'brk' }, update: Y.encodeStateAsUpdate(editor.doc) });
    expect(await readdir(dir)).toEqual(['strategi.pejling']); // no temp file left behind
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('PEJLING\0');
    expect(bytes.readUInt32LE(8)).toBe(1);
    const read = await readPejlingFile(path);
    expect(read.header).toEqual({ ...header, sourceId: 'brk' });
    expect(textOf(read.update)).toBe('Handlingsplan 2011-2012');
  });

  it('says "not a Pejling file" for other files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.pejling'), '{"format": "pejling-strategy"}');
    await expect(readPejlingFile(join(dir, 'notes.pejling'))).rejects.toMatchObject({
      code: 'not-pejling-file',
      message: 'notes.pejling is not a Pejling file (it does not start with the Pejling signature).',
    });
    expect(() => decodePejlingFile(new Uint8Array(0))).toThrow(/not a Pejling file/);
    await mkdir(join(dir, 'folder.pejling'));
    await expect(readPejlingFile(join(dir, 'folder.pejling'))).rejects.toMatchObject({ code: 'not-pejling-file' });
    await expect(readPejlingFile(join(dir, 'missing.pejling'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('says "damaged: checksum mismatch" when any byte after the signature changed', () => {
    const bytes = sample();
    for (let at = 16; at < bytes.length; at += 7) {
      const damaged = bytes.slice();
      damaged[at]! ^= 0x01;
      expect(() => decodePejlingFile(damaged, 'x.pejling'), `byte ${at}`).toThrow(/^x\.pejling is damaged: /);
    }
    const flipped = bytes.slice();
    flipped[bytes.length - 10]! ^= 0x40;
    expect(() => decodePejlingFile(flipped, 'x.pejling')).toThrow('x.pejling is damaged: checksum mismatch.');
  });

  it('says the file is damaged when it was cut short', () => {
    const bytes = sample();
    expect(() => decodePejlingFile(bytes.subarray(0, 12))).toThrow(/damaged: it ends after 12 bytes/);
    expect(() => decodePejlingFile(bytes.subarray(0, 40))).toThrow(/damaged: the header length \(\d+ bytes\) exceeds the file size/);
    expect(() => decodePejlingFile(bytes.subarray(0, bytes.length - 1))).toThrow(/damaged: checksum mismatch/);
  });

  it('says "written by a newer Pejling" for a higher format version', () => {
    const bytes = sample().slice();
    new DataView(bytes.buffer).setUint32(8, 2, true);
    expect(() => decodePejlingFile(reseal(bytes), 'ny.pejling')).toThrow(
      'ny.pejling was written by a newer Pejling (file format version 2; this Pejling reads version 1). Update Pejling to open it.',
    );
  });

  it('checks the header inside a correctly sealed file', () => {
    const bad = (headerText: string, update = new Uint8Array([0, 0])) => {
      const headerBytes = new TextEncoder().encode(headerText);
      const out = new Uint8Array(16 + headerBytes.length + update.length + 4);
      out.set(new TextEncoder().encode('PEJLING\0'));
      new DataView(out.buffer).setUint32(8, 1, true);
      new DataView(out.buffer).setUint32(12, headerBytes.length, true);
      out.set(headerBytes, 16);
      out.set(update, 16 + headerBytes.length);
      return reseal(out);
    };
    expect(() => decodePejlingFile(bad('{nope'))).toThrow(/damaged: the header is not valid UTF-8 JSON/);
    expect(() => decodePejlingFile(bad(JSON.stringify({ ...header, title: 5 })))).toThrow(/damaged: the header: "title" must be a string/);
    expect(() => decodePejlingFile(bad(JSON.stringify({ ...header, schemaVersion: 0 })))).toThrow(/"schemaVersion" must be a positive integer/);
    expect(() => decodePejlingFile(bad(JSON.stringify(header), new Uint8Array(0)))).toThrow(/damaged: it holds no document content/);
    expect(decodePejlingFile(bad(JSON.stringify(header))).header).toEqual(header);
  });

  it('refuses to write without content or with a bad header', async () => {
    const dir = await tempDir();
    await expect(writePejlingFile(join(dir, 'a.pejling'), { header, update: new Uint8Array(0) })).rejects.toThrow(/non-empty Yjs update/);
    await expect(
      writePejlingFile(join(dir, 'a.pejling'), { header: { ...header, savedAt: undefined as unknown as string }, update: new Uint8Array([0, 0]) }),
    ).rejects.toThrow(/"savedAt" must be a string/);
    expect(await readdir(dir)).toEqual([]);
  });
});
