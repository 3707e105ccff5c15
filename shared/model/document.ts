// Document-level functions: creation, the layout's schema version and its migration, summary.
import * as Y from 'yjs';
import type { Period } from '../format/schema';
import { INIT_ORIGIN, MIGRATION_ORIGIN } from './model-constants';
import { COLLECTIONS, ITEM_KINDS, LABEL_KEYS, META_TEXT_KEYS, collection, labelsMap, metaMap, visionFragment } from './layout';
import { hasPlainText, readText, upgradeTextKeys, writeText } from './text-fields';
import type { StrategySummary } from './types';
import { clearFragment } from './yfragment';

/** Version of the Yjs layout written by this build (see ./layout.ts). */
export const SCHEMA_VERSION = 2;
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** A step that turns a document of version n into version n + 1; it runs inside the migration transaction. */
export type MigrationStep = (doc: Y.Doc) => void;

/**
 * Schema 1 → 2: every typed text field (META_TEXT_KEYS, the labels, each kind's `text` keys) that
 * holds a plain string becomes a Y.Text with the same content; nothing else changes.
 *
 * Replicas and the migration (decided here, tested in test/unit/model/migration.test.ts):
 * - Where it runs: where a stored document is loaded, before anyone is served it (the sync rooms of
 *   the host and the server call `migrate` after loading), and on copies that are read (`.pejling`
 *   files, exports). Renderers never migrate the live document.
 * - Per field and idempotent: a field that already holds a Y.Text is left alone, so running it
 *   again (or on a half-migrated state) changes nothing. Two replicas that migrate the same state
 *   concurrently write the same content under the same keys; the map keeps one of the two Y.Texts,
 *   the same one on every replica, so they converge on equal text.
 * - An old (schema 1) replica that reconnects afterwards may write a plain string into a migrated
 *   key. Its write competes with the migration as two writes of one schema-1 field always did
 *   (one wins, the same on every replica). A plain string that wins is read as the field's text
 *   (readers accept both shapes), the model's next write to the field makes it a Y.Text again, and
 *   `migrate` converts every such string whenever the document is loaded (UPGRADE_PASS).
 */
export function textFieldsToYText(doc: Y.Doc): number {
  let converted = upgradeTextKeys(metaMap(doc), META_TEXT_KEYS);
  converted += upgradeTextKeys(labelsMap(doc), LABEL_KEYS);
  for (const kind of ITEM_KINDS) {
    const keys = COLLECTIONS[kind].text;
    collection(doc, kind).forEach((item) => {
      if (item instanceof Y.Map) converted += upgradeTextKeys(item, keys);
    });
  }
  return converted;
}

/** True when a typed text field still holds a plain string (schema 1, or an old replica's write). */
export function hasPlainTextFields(doc: Y.Doc): boolean {
  if (hasPlainText(metaMap(doc), META_TEXT_KEYS) || hasPlainText(labelsMap(doc), LABEL_KEYS)) return true;
  return ITEM_KINDS.some((kind) => {
    let found = false;
    collection(doc, kind).forEach((item) => {
      if (!found && item instanceof Y.Map && hasPlainText(item, COLLECTIONS[kind].text)) found = true;
    });
    return found;
  });
}

/**
 * Steps by the version they migrate from. A step must give the same result when two replicas run
 * it on the same state concurrently (write keys deterministically; do not insert into sequences).
 */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {
  1: (doc) => void textFieldsToYText(doc),
};

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
      writeText(meta, 'title', init.title);
      writeText(meta, 'organisation', init.organisation);
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
  if (found === target) {
    // UPGRADE_PASS: plain strings an old replica wrote into text fields after the migration.
    if (options.steps === undefined && target === SCHEMA_VERSION && hasPlainTextFields(doc)) {
      doc.transact(() => textFieldsToYText(doc), MIGRATION_ORIGIN);
      return { from: found, to: target, migrated: true };
    }
    return { from: found, to: target, migrated: false };
  }
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
  const str = (key: string): string => readText(meta, key) ?? '';
  const summary: StrategySummary = { title: str('title'), organisation: str('organisation') };
  const modified = meta.get('modified');
  if (typeof modified === 'string') summary.modified = modified;
  const [from, to] = [meta.get('periodFrom'), meta.get('periodTo')];
  if (typeof from === 'number' && typeof to === 'number') summary.period = { from, to };
  const status = meta.get('status');
  if (typeof status === 'string') summary.status = status;
  return summary;
}

/**
 * For the places that load a stored document before serving it (the sync rooms): brings an older
 * layout up to date, and re-migrates plain strings an old replica wrote. A document newer than this
 * build is left as it is (opening it reports the SchemaVersionError).
 */
export function prepareLoadedDocument(doc: Y.Doc): void {
  try {
    migrate(doc);
  } catch (error) {
    if (!(error instanceof SchemaVersionError)) throw error;
  }
}
