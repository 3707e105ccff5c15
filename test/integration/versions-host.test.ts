// Named versions through the host: a .pejling file's versions come along when it is opened, travel in the
// .pejling it saves, and a version exports to Word with its own content; an unknown version is refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../shared/format/schema';
import { StrategyModel, importStrategy } from '../../shared/model';
import { listVersions, saveVersion } from '../../shared/model/versions';
import { createHost, type Host } from '../../main/host/host';
import { decodePejlingFile, encodePejlingFile } from '../../main/storage/pejling-file';

let dataDir: string;
let host: Host;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pejling-versions-host-'));
  host = await createHost({ dataDir });
});

afterEach(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function pejlingWithVersions(): Uint8Array {
  const strategy = JSON.parse(readFileSync(join(import.meta.dirname, '../../templates/examples/kk-2010-2014.json'), 'utf8')) as StrategyFile;
  const doc = importStrategy(strategy);
  const model = new StrategyModel(doc);
  const area = model.list('focusArea')[0]!;
  model.update('focusArea', area.id, { title: 'Overskrift i høringsudkastet' });
  saveVersion(doc, { name: 'Høringsudkast', milestone: 'consultation', author: 'Anne', created: '2010-03-12T10:00:00.000Z' });
  model.update('focusArea', area.id, { title: 'Overskrift efter høringen' });
  saveVersion(doc, { name: 'Vedtaget', milestone: 'adopted', author: 'Bo', created: '2010-06-02T10:00:00.000Z' });
  model.update('focusArea', area.id, { title: 'Overskrift i dag' });
  return encodePejlingFile({
    header: { title: strategy.meta.title, organisation: strategy.meta.organisation, schemaVersion: 2, savedAt: new Date().toISOString(), appVersion: '0.0.0' },
    update: Y.encodeStateAsUpdate(doc),
  });
}

describe('versions in the host', () => {
  it('opening a .pejling file keeps its versions, and saving it as .pejling carries them on', async () => {
    const opened = await host.api.openFile({ fileName: 'strategi.pejling', bytes: pejlingWithVersions() });
    const saved = await host.api.saveDocumentAs(opened.id, 'pejling');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decodePejlingFile(saved.bytes).update);
    expect(listVersions(doc).map((v) => [v.name, v.milestone, v.author, v.created])).toEqual([
      ['Høringsudkast', 'consultation', 'Anne', '2010-03-12T10:00:00.000Z'],
      ['Vedtaget', 'adopted', 'Bo', '2010-06-02T10:00:00.000Z'],
    ]);
    expect(new StrategyModel(doc).list('focusArea')[0]!.title).toBe('Overskrift i dag');
  });

  it("exports a version to Word with the version's content; an unknown version is 'version-not-found'", async () => {
    const opened = await host.api.openFile({ fileName: 'strategi.pejling', bytes: pejlingWithVersions() });
    const saved = await host.api.saveDocumentAs(opened.id, 'pejling');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decodePejlingFile(saved.bytes).update);
    const consultation = listVersions(doc).find((v) => v.name === 'Høringsudkast')!;
    const file = await host.api.exportDocx(opened.id, { part: 'strategy', version: consultation.id });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) })).value;
    expect(text).toContain('Overskrift i høringsudkastet');
    expect(text).not.toContain('Overskrift i dag');
    await expect(host.api.exportDocx(opened.id, { part: 'strategy', version: 've-nope' })).rejects.toMatchObject({ code: 'version-not-found', params: { name: 've-nope' } });
  });
});
