import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
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
