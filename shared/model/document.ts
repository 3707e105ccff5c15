// Document-level functions: creation, the layout's schema version and its migration, summary.
import * as Y from 'yjs';
import type { Period } from '../format/schema';
import { INIT_ORIGIN, MIGRATION_ORIGIN } from './model-constants';
import { ITEM_KINDS, collection, labelsMap, metaMap, visionFragment } from './layout';
import type { StrategySummary } from './types';
import { clearFragment } from './yfragment';

/** Version of the Yjs layout written by this build (see ./layout.ts). */
export const SCHEMA_VERSION = 1;
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** A step that turns a document of version n into version n + 1; it runs inside the migration transaction. */
export type MigrationStep = (doc: Y.Doc) => void;

/**
 * Steps by the version they migrate from. Version 1 is the first layout, so there are none yet.
 * A step must give the same result when two replicas run it on the same state concurrently
 * (write keys deterministically; do not insert into sequences).
 */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {};

/** A document this build cannot read. The message is for the user (Danish). */
export class SchemaVersionError extends Error {
  constructor(
    message: string,
    readonly found: number | undefined,
    readonly supported: number,
  ) {
    super(message);
    this.name = 'SchemaVersionError';
  }
}

export interface NewStrategyInit {
  title: string;
  organisation: string;
  period: Period;
}

/**
 * A new strategy document at the current schema version. Without `init` only the version is
 * written (for an import that fills in the rest).
 */
export function createStrategyDoc(init?: NewStrategyInit, doc: Y.Doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set(SCHEMA_VERSION_KEY, SCHEMA_VERSION);
    if (init) {
      meta.set('title', init.title);
      meta.set('organisation', init.organisation);
      meta.set('periodFrom', init.period.from);
      meta.set('periodTo', init.period.to);
      clearFragment(visionFragment(doc, 'statement'));
      clearFragment(visionFragment(doc, 'body'));
    }
  }, INIT_ORIGIN);
  return doc;
}

/** The stored schema version; undefined for a document with no version (e.g. not yet synced). */
export function getSchemaVersion(doc: Y.Doc): number | undefined {
  const v = metaMap(doc).get(SCHEMA_VERSION_KEY);
  return typeof v === 'number' ? v : undefined;
}

/** True when the document holds nothing at all (a replica that has not received its state yet). */
export function isEmptyDocument(doc: Y.Doc): boolean {
  return metaMap(doc).size === 0 && hasNothingButMeta(doc);
}

/** True when labels, vision and every collection are empty (meta may hold something). */
export function hasNothingButMeta(doc: Y.Doc): boolean {
  if (labelsMap(doc).size > 0) return false;
  if (visionFragment(doc, 'statement').length > 0 || visionFragment(doc, 'body').length > 0) return false;
  return ITEM_KINDS.every((kind) => collection(doc, kind).size === 0);
}

export interface MigrateOptions {
  /** Tests give their own registry and target. */
  steps?: Readonly<Record<number, MigrationStep>>;
  target?: number;
}

/**
 * Brings the document to the current schema version, all steps in one transaction
 * (origin MIGRATION_ORIGIN). An empty document is left alone. Throws SchemaVersionError for a
 * document newer than this build, or one without a version.
 */
export function migrate(doc: Y.Doc, options: MigrateOptions = {}): { from: number; to: number; migrated: boolean } {
  const steps = options.steps ?? MIGRATIONS;
  const target = options.target ?? SCHEMA_VERSION;
  const found = getSchemaVersion(doc);
  if (found === undefined) {
    if (isEmptyDocument(doc)) return { from: target, to: target, migrated: false };
    throw new SchemaVersionError(
      'Dokumentet har ingen skemaversion og kan ikke åbnes af Pejling.',
      undefined,
      target,
    );
  }
  if (found > target) {
    throw new SchemaVersionError(
      `Dokumentet er gemt af en nyere udgave af Pejling (skemaversion ${found}); denne udgave kan læse op til version ${target}. Opdatér Pejling for at åbne det.`,
      found,
      target,
    );
  }
  if (found === target) return { from: found, to: target, migrated: false };
  for (let v = found; v < target; v++) {
    if (!steps[v]) throw new Error(`migrate: no migration step from schema version ${v} to ${v + 1}`);
  }
  doc.transact(() => {
    for (let v = found; v < target; v++) {
      steps[v]!(doc);
      metaMap(doc).set(SCHEMA_VERSION_KEY, v + 1);
    }
  }, MIGRATION_ORIGIN);
  return { from: found, to: target, migrated: true };
}

/** Title, organisation and (when recorded) modification time, read without building a model. */
export function readSummary(doc: Y.Doc): StrategySummary {
  const meta = metaMap(doc);
  const str = (key: string): string => {
    const v = meta.get(key);
    return typeof v === 'string' ? v : '';
  };
  const summary: StrategySummary = { title: str('title'), organisation: str('organisation') };
  const modified = meta.get('modified');
  if (typeof modified === 'string') summary.modified = modified;
  return summary;
}
