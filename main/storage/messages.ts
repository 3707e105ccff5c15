// What the storage layer reports to the user, from the one catalog (shared/i18n, keys storage.*):
// the host shows these; English details stay in logs. Errors without a user-facing text (closed, io,
// invalid-input) fall back to the error's own message.
import { t, type Lang, type MessageKey } from '../../shared/i18n/messages';
import { StorageError, type RecoveryReport, type StorageErrorCode } from './types';

/** Notice after a document's log was repaired while opening it (torn end, damaged records, records that do not merge). */
export function recoveryNotice(report: RecoveryReport, lang: Lang): string {
  if (report.readOnly) return t(lang, 'storage.readOnly');
  const damaged = report.damagedRecords ?? 0;
  const unmergeable = report.unmergeableRecords ?? 0;
  if (damaged === 0 && unmergeable === 0) {
    return report.quarantinedTo
      ? t(lang, 'storage.recoveredKept', { bytes: report.discardedBytes, path: report.quarantinedTo })
      : t(lang, 'storage.recovered');
  }
  const setAside = t(lang, 'storage.setAside', {
    damaged,
    unmergeable,
    both: damaged > 0 && unmergeable > 0 ? 'yes' : 'no',
    total: damaged + unmergeable,
    keptKnown: report.keptRecords === undefined ? 'no' : 'yes',
    kept: report.keptRecords ?? 0,
  });
  return report.quarantinedTo
    ? `${setAside} ${t(lang, 'storage.setAsideKept', { bytes: report.discardedBytes, path: report.quarantinedTo })}`
    : setAside;
}

const SHOWN: ReadonlySet<StorageErrorCode> = new Set(['invalid-input', 'not-pejling-file', 'damaged', 'newer-version', 'locked', 'write-failed', 'disk-full', 'not-found', 'exists', 'invalid-id', 'name-taken']);

/** The catalog key of a storage error's user-facing text, or undefined when it has none. */
export function storageErrorKey(error: unknown): MessageKey | undefined {
  return error instanceof StorageError && SHOWN.has(error.code) ? (`storage.error.${error.code}` as MessageKey) : undefined;
}

/** A one-line message for a storage error (falls back to the error's own text). */
export function storageError(error: unknown, lang: Lang): string {
  const key = storageErrorKey(error);
  if (key) return t(lang, key);
  return error instanceof Error ? error.message : String(error);
}

/** Danish notice (the host's current language for notices). */
export function recoveryNoticeDa(report: RecoveryReport): string {
  return recoveryNotice(report, 'da');
}

/** English notice. */
export function recoveryNoticeEn(report: RecoveryReport): string {
  return recoveryNotice(report, 'en');
}

/** A one-line Danish message for a storage error. */
export function storageErrorDa(error: unknown): string {
  return storageError(error, 'da');
}
