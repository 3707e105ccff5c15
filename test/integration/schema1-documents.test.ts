// Documents saved in the schema-1 layout (typed fields as plain strings) open migrated to schema 2
// with every field intact: a stored document in a real data folder, opened by the host's rooms,
// and a .pejling file, opened and imported. Fixtures: test/fixtures/schema1 (written by a schema-1 build).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../shared/format/schema';
import { SCHEMA_VERSION, exportStrategy, getSchemaVersion, hasPlainTextFields, migrate } from '../../shared/model';
import { createHost, type Host } from '../../main/host/host';
import { readStrategyBytes } from '../../main/host/strategy-input';

const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/schema1');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixtureDir, name)));
const strategy = (): StrategyFile => JSON.parse(readFileSync(join(fixtureDir, 'strategy.json'), 'utf8')) as StrategyFile;

let dataDir: string;
let host: Host;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pejling-schema1-'));
  host = await createHost({ dataDir });
});

afterEach(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function liveDocument(id: string): Promise<{ version: number | undefined; plain: boolean; file: StrategyFile }> {
  const handle = await host.rooms.acquire(id);
  try {
    return { version: getSchemaVersion(handle.doc), plain: hasPlainTextFields(handle.doc), file: exportStrategy(handle.doc) };
  } finally {
    handle.release();
  }
}

describe('schema-1 documents open migrated', () => {
  it('a stored schema-1 document is migrated when loaded, every field intact, and the migration is stored', async () => {
    const update = fixture('document.yjs');
    const stored = await host.store.create(undefined, update, { title: strategy().meta.title, organisation: strategy().meta.organisation });
    const live = await liveDocument(stored.id);
    expect(live.version).toBe(SCHEMA_VERSION);
    expect(live.plain).toBe(false);
    expect(live.file).toEqual(strategy());

    const json = await host.api.saveDocumentAs(stored.id, 'json');
    expect(JSON.parse(new TextDecoder().decode(json.bytes))).toEqual(strategy());

    // Reopened from disk by a new host: already at schema 2, nothing to migrate again.
    await host.rooms.whenDurable(stored.id);
    await host.close();
    host = await createHost({ dataDir });
    const { update: reloaded } = await host.store.load(stored.id);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, reloaded);
    expect(getSchemaVersion(copy)).toBe(SCHEMA_VERSION);
    expect(hasPlainTextFields(copy)).toBe(false);
    expect(migrate(copy).migrated).toBe(false);
    expect(exportStrategy(copy)).toEqual(strategy());
  });

  it('a schema-1 .pejling file is read and imported with every field intact', async () => {
    const bytes = fixture('strategy.pejling');
    const read = readStrategyBytes(bytes, 'havbjerg.pejling');
    expect(read.kind).toBe('pejling');
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.strategy).toEqual(strategy());

    const summary = await host.api.openFile({ fileName: 'havbjerg.pejling', bytes });
    expect(summary.title).toBe(strategy().meta.title);
    const live = await liveDocument(summary.id);
    expect(live.version).toBe(SCHEMA_VERSION);
    expect(live.plain).toBe(false);
    expect(live.file).toEqual(strategy());
  });
});
