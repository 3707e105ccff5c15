import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StrategyFile } from '../../../shared/format/schema';
import { COLLECTIONS, ITEM_KINDS, LABEL_KEYS, META_TEXT_KEYS } from '../../../shared/model/layout';
import { Replicas } from './replicas';
import {
  exportStrategy,
  hasPlainTextFields,
  textFieldsToYText,
  MIGRATION_ORIGIN,
  SCHEMA_VERSION,
  SchemaVersionError,
  StrategyModel,
  createStrategyDoc,
  getSchemaVersion,
  migrate,
  type MigrationStep,
} from '../../../shared/model';

describe('schema version and migration', () => {
  it('new documents carry the current version and need no migration', () => {
    const doc = createStrategyDoc({ title: 'T', organisation: 'O', period: { from: 2025, to: 2026 } });
    expect(getSchemaVersion(doc)).toBe(SCHEMA_VERSION);
    expect(migrate(doc)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, migrated: false });
  });

  it('an older document is migrated step by step, in one transaction', () => {
    // A document in an imagined older layout (version 1) where the period was one plain object,
    // migrated to a layout (version 2) with separate keys, then (version 3) with a renamed label.
    const steps: Record<number, MigrationStep> = {
      1: (doc) => {
        const meta = doc.getMap('meta');
        const period = meta.get('period') as { from: number; to: number };
        meta.set('periodFrom', period.from);
        meta.set('periodTo', period.to);
        meta.delete('period');
      },
      2: (doc) => {
        const labels = doc.getMap('labels');
        if (labels.has('theme')) {
          labels.set('perspective', labels.get('theme') as string);
          labels.delete('theme');
        }
      },
    };
    const doc = new Y.Doc();
    doc.transact(() => {
      const meta = doc.getMap('meta');
      meta.set('schemaVersion', 1);
      meta.set('title', 'Gammel');
      meta.set('organisation', 'Kommune');
      meta.set('period', { from: 2010, to: 2014 });
      doc.getMap('labels').set('theme', 'Tema');
    });
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    expect(migrate(doc, { steps, target: 3 })).toEqual({ from: 1, to: 3, migrated: true });
    expect(origins).toEqual([MIGRATION_ORIGIN]);
    expect(getSchemaVersion(doc)).toBe(3);
    const model = new StrategyModel(doc);
    expect(model.getMeta().period).toEqual({ from: 2010, to: 2014 });
    expect(model.getLabels()).toEqual({ perspective: 'Tema' });
  });

  it('a missing step is an error naming the versions', () => {
    const doc = createStrategyDoc();
    expect(() => migrate(doc, { steps: {}, target: SCHEMA_VERSION + 1 })).toThrow(
      `no migration step from schema version ${SCHEMA_VERSION} to ${SCHEMA_VERSION + 1}`,
    );
  });

  it('a document newer than this build is refused with a clear message', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    let error: unknown;
    try {
      migrate(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaVersionError);
    expect((error as SchemaVersionError).found).toBe(SCHEMA_VERSION + 1);
    expect((error as Error).message).toBe(
      `Dokumentet er gemt af en nyere udgave af Pejling (skemaversion ${SCHEMA_VERSION + 1}); denne udgave kan læse op til version ${SCHEMA_VERSION}. Opdatér Pejling for at åbne det.`,
    );
    expect(getSchemaVersion(doc)).toBe(SCHEMA_VERSION + 1); // untouched
  });

  it('an empty document (not yet synced) is left alone; content without a version is refused', () => {
    const empty = new Y.Doc();
    const origins: unknown[] = [];
    empty.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    expect(migrate(empty).migrated).toBe(false);
    expect(origins).toEqual([]);
    const foreign = new Y.Doc();
    foreign.getMap('meta').set('title', 'Uden version');
    expect(() => migrate(foreign)).toThrow(SchemaVersionError);
  });
});

// ---- schema 1 → 2: typed fields become Y.Text ---------------------------------------------------------

const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/schema1');
const schema1Update = (): Uint8Array => new Uint8Array(readFileSync(join(fixtureDir, 'document.yjs')));
const schema1Strategy = (): StrategyFile => JSON.parse(readFileSync(join(fixtureDir, 'strategy.json'), 'utf8')) as StrategyFile;

function schema1Doc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, schema1Update());
  return doc;
}

/** Every typed text field of the document with the shape it is stored in. */
function textShapes(doc: Y.Doc): Map<string, 'text' | 'string'> {
  const out = new Map<string, 'text' | 'string'>();
  const look = (path: string, map: Y.Map<unknown>, keys: readonly string[]): void => {
    for (const key of keys) {
      const v = map.get(key);
      if (v instanceof Y.Text) out.set(`${path}.${key}`, 'text');
      else if (typeof v === 'string') out.set(`${path}.${key}`, 'string');
    }
  };
  look('meta', doc.getMap('meta'), META_TEXT_KEYS);
  look('labels', doc.getMap('labels'), LABEL_KEYS);
  for (const kind of ITEM_KINDS) {
    doc.getMap<Y.Map<unknown>>(COLLECTIONS[kind].root).forEach((item, id) => look(id, item, COLLECTIONS[kind].text));
  }
  return out;
}

describe('schema 1 → 2 (typed fields become collaborative text)', () => {
  it('the schema-1 fixture holds plain strings, and reads the same before and after migrating', () => {
    const doc = schema1Doc();
    expect(getSchemaVersion(doc)).toBe(1);
    const before = textShapes(doc);
    expect(before.size).toBeGreaterThan(30);
    expect([...before.values()].every((shape) => shape === 'string')).toBe(true);
    expect(exportStrategy(doc)).toEqual(schema1Strategy()); // readers take both shapes

    expect(migrate(doc)).toEqual({ from: 1, to: 2, migrated: true });
    expect(getSchemaVersion(doc)).toBe(2);
    const after = textShapes(doc);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after.values()].every((shape) => shape === 'text')).toBe(true);
    expect(exportStrategy(doc)).toEqual(schema1Strategy());
    expect(hasPlainTextFields(doc)).toBe(false);
    // idempotent: nothing left to do
    expect(migrate(doc).migrated).toBe(false);
    expect(textFieldsToYText(doc)).toBe(0);
  });

  it('two replicas that migrate the same schema-1 state concurrently converge, and typing afterwards merges', () => {
    const r = new Replicas(schema1Doc(), 2);
    migrate(r.docs[0]!);
    migrate(r.docs[1]!);
    r.syncAll();
    const [a, b] = r.models as [StrategyModel, StrategyModel];
    expect(exportStrategy(r.docs[0]!)).toEqual(schema1Strategy());
    expect(exportStrategy(r.docs[1]!)).toEqual(schema1Strategy());
    expect([...textShapes(r.docs[0]!).values()].every((s) => s === 'text')).toBe(true);
    a.update('initiative', 'in-mitid', { title: 'Ny: MitID-login på alle selvbetjeningsløsninger' });
    b.update('initiative', 'in-mitid', { title: 'MitID-login på alle selvbetjeningsløsninger i 2026' });
    r.syncAll();
    expect(a.get('initiative', 'in-mitid')!.title).toBe('Ny: MitID-login på alle selvbetjeningsløsninger i 2026');
    expect(b.get('initiative', 'in-mitid')!.title).toBe(a.get('initiative', 'in-mitid')!.title);
  });

  it('an old replica writing a plain string into a migrated field: read by everyone, then re-migrated', () => {
    // replica 0 stays on schema 1 (an old build); replica 1 migrated, and replica 0 received that
    const r = new Replicas(schema1Doc(), 2);
    migrate(r.docs[1]!);
    r.syncAll();
    const oldMeta = r.docs[0]!.getMap('meta');
    oldMeta.set('title', 'Titel skrevet af en gammel udgave'); // what a schema-1 build does
    r.docs[0]!.getMap<Y.Map<unknown>>('goals').get('go-opkald')!.set('text', 'Mål skrevet af en gammel udgave');
    r.syncAll();
    const [, b] = r.models as [StrategyModel, StrategyModel];
    expect(b.getMeta().title).toBe('Titel skrevet af en gammel udgave');
    expect(b.get('goal', 'go-opkald')!.text).toBe('Mål skrevet af en gammel udgave');
    expect(hasPlainTextFields(r.docs[1]!)).toBe(true);
    // the next load re-migrates; the version stays 2
    expect(migrate(r.docs[1]!)).toEqual({ from: 2, to: 2, migrated: true });
    r.syncAll();
    for (const doc of r.docs) {
      expect(hasPlainTextFields(doc)).toBe(false);
      expect(new StrategyModel(doc).getMeta().title).toBe('Titel skrevet af en gammel udgave');
    }
    // and typing merges again
    const [a] = r.models as [StrategyModel];
    a.update('goal', 'go-opkald', { text: 'Mål skrevet af en gammel udgave (2026)' });
    b.update('goal', 'go-opkald', { text: 'Nyt mål skrevet af en gammel udgave' });
    r.syncAll();
    expect(b.get('goal', 'go-opkald')!.text).toBe('Nyt mål skrevet af en gammel udgave (2026)');
  });

  it('a plain string written concurrently with the migration ends the same on both replicas', () => {
    const r = new Replicas(schema1Doc(), 2);
    migrate(r.docs[1]!);
    r.docs[0]!.getMap('meta').set('organisation', 'Havbjerg Kommune (ny)');
    r.syncAll();
    const organisations = r.models.map((m) => m.getMeta().organisation);
    expect(organisations[0]).toBe(organisations[1]);
    expect(['Havbjerg Kommune', 'Havbjerg Kommune (ny)']).toContain(organisations[0]);
    migrate(r.docs[0]!);
    migrate(r.docs[1]!);
    r.syncAll();
    expect(r.models[0]!.getMeta().organisation).toBe(r.models[1]!.getMeta().organisation);
  });
});
