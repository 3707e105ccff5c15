// `FILE.pejling@<name>`: a named version of a .pejling document, wherever the CLI reads a FILE
// (validate, check, export, versions). The version's content is read like any .pejling document's.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import * as Y from 'yjs';
import { exportStrategy, migrate } from '../../shared/model';
import { UnknownVersionError, listVersions, loadVersion } from '../../shared/model/versions';
import type { Lang } from '../../shared/format/messages';
import { validateStrategyFile } from '../../shared/format/validate';
import { t } from '../../shared/i18n/messages';
import type { StrategyInputResult } from '../host/strategy-input';
import { decodePejlingFile } from '../storage/pejling-file';
import { CliError } from './cli-error';

const PEJLING_MAGIC = [0x50, 0x45, 0x4a, 0x4c, 0x49, 0x4e, 0x47, 0x00]; // "PEJLING\0", see main/storage/pejling-file.ts

/**
 * `path@name` when FILE names a version: it has an "@" after its last path separator and is not itself an
 * existing file (a file whose name holds an "@" is read as it is).
 */
export async function splitVersionRef(file: string): Promise<{ path: string; name: string } | null> {
  const at = file.lastIndexOf('@');
  if (at <= 0 || at < Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) || at === file.length - 1) return null;
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  return exists ? null : { path: file.slice(0, at), name: file.slice(at + 1) };
}

/** The document of a .pejling file's bytes (its live content, versions included). */
export function pejlingDocument(bytes: Uint8Array, file: string, name: string | undefined, lang: Lang): Y.Doc {
  if (!PEJLING_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new CliError(name === undefined ? t(lang, 'versions.cli.jsonHasNone', { file }) : t(lang, 'versions.cli.notPejling', { file, name }), 1);
  }
  try {
    const { update } = decodePejlingFile(bytes, basename(file));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    return doc;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(name === undefined ? t(lang, 'versions.cli.fileUnreadable', { file, reason }) : t(lang, 'versions.cli.unreadable', { file, name, reason }), 1);
  }
}

/** The named version of the document as a validated strategy; an unknown name is a CliError naming the versions. */
export function readVersionStrategy(bytes: Uint8Array, file: string, name: string, lang: Lang): StrategyInputResult {
  const doc = pejlingDocument(bytes, file, name, lang);
  try {
    let version: Y.Doc;
    try {
      version = loadVersion(doc, name);
    } catch (error) {
      if (!(error instanceof UnknownVersionError)) throw error;
      const names = [...new Set(listVersions(doc).map((v) => `'${v.name}'`))];
      throw new CliError(t(lang, names.length === 0 ? 'versions.cli.unknownNone' : 'versions.cli.unknown', { file, name, names: names.join(', ') }), 1);
    }
    try {
      migrate(version);
      return { ...validateStrategyFile(exportStrategy(version), lang), kind: 'pejling' };
    } catch (error) {
      throw new CliError(t(lang, 'versions.cli.unreadable', { file, name, reason: error instanceof Error ? error.message : String(error) }), 1);
    } finally {
      version.destroy();
    }
  } finally {
    doc.destroy();
  }
}
