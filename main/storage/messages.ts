// Danish texts for what the storage layer reports to the user (the host shows them; English details stay in logs).
import { StorageError, type RecoveryReport } from './types';

/** Notice after a document's log was repaired while opening it (torn end, damaged records, records that do not merge). */
export function recoveryNoticeDa(report: RecoveryReport): string {
  if (report.readOnly) {
    return 'Disken er fuld, så Pejling kunne ikke reparere dokumentet efter et nedbrud. Det er åbnet skrivebeskyttet med alle hele, gemte ændringer. Frigør plads, og åbn det igen for at skrive.';
  }
  const kept = report.quarantinedTo ? ` De frasorterede data (${report.discardedBytes} byte) er gemt i ${report.quarantinedTo}.` : '';
  const damaged = report.damagedRecords ?? 0;
  const unmergeable = report.unmergeableRecords ?? 0;
  if (damaged === 0 && unmergeable === 0) {
    return (
      'Pejling genoprettede dokumentet efter et nedbrud. Alle gemte ændringer er bevaret; ' +
      `en ufuldstændig sidste skrivning blev sorteret fra.${kept}`
    );
  }
  const parts: string[] = [];
  if (damaged > 0) parts.push(damaged === 1 ? '1 beskadiget ændring (kontrolsummen passer ikke)' : `${damaged} beskadigede ændringer (kontrolsummen passer ikke)`);
  if (unmergeable > 0) parts.push(unmergeable === 1 ? '1 ændring, der ikke kan flettes ind i dokumentet' : `${unmergeable} ændringer, der ikke kan flettes ind i dokumentet`);
  return (
    `Pejling fandt ${parts.join(' og ')} i dokumentets gemte data og lagde ${damaged + unmergeable === 1 ? 'den' : 'dem'} til side. ` +
    `De ${report.keptRecords ?? 'øvrige'} andre gemte skrivninger er bevaret; ændringer, der byggede direkte på det frasorterede, kan mangle.${kept}`
  );
}

/** English version of recoveryNoticeDa. */
export function recoveryNoticeEn(report: RecoveryReport): string {
  if (report.readOnly) {
    return 'The disk is full, so Pejling could not repair the document after a crash. It is open read-only with every intact saved change. Free space and open it again to write.';
  }
  const kept = report.quarantinedTo ? ` The set-aside data (${report.discardedBytes} bytes) is kept in ${report.quarantinedTo}.` : '';
  const damaged = report.damagedRecords ?? 0;
  const unmergeable = report.unmergeableRecords ?? 0;
  if (damaged === 0 && unmergeable === 0) {
    return `Pejling recovered the document after a crash. Every saved change is kept; an incomplete last write was set aside.${kept}`;
  }
  const parts: string[] = [];
  if (damaged > 0) parts.push(damaged === 1 ? '1 damaged change (checksum mismatch)' : `${damaged} damaged changes (checksum mismatch)`);
  if (unmergeable > 0) parts.push(unmergeable === 1 ? '1 change that cannot be merged into the document' : `${unmergeable} changes that cannot be merged into the document`);
  return (
    `Pejling found ${parts.join(' and ')} in the document's saved data and set ${damaged + unmergeable === 1 ? 'it' : 'them'} aside. ` +
    `The ${report.keptRecords ?? 'other'} other saved writes are kept; changes that built directly on what was set aside may be missing.${kept}`
  );
}

/** A one-line Danish message for a storage error (falls back to the error's own text). */
export function storageErrorDa(error: unknown): string {
  if (!(error instanceof StorageError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'not-pejling-file':
      return 'Filen er ikke en Pejling-fil.';
    case 'damaged':
      return 'Filen er beskadiget og kan ikke åbnes (kontrolsummen eller opbygningen passer ikke).';
    case 'newer-version':
      return 'Filen er gemt med en nyere version af Pejling. Opdatér Pejling for at åbne den.';
    case 'locked':
      return 'Datamappen bruges allerede af en anden Pejling. Luk den først.';
    case 'disk-full':
      return 'Disken er fuld. Alt, der blev vist som gemt, er gemt; nyere ændringer er ikke. Frigør plads, og genstart Pejling.';
    case 'write-failed':
      return 'Pejling kunne ikke gemme på disken. De seneste ændringer er ikke gemt; frigør plads eller tjek disken, og genstart Pejling.';
    case 'not-found':
      return 'Dokumentet eller filen findes ikke.';
    case 'exists':
      return 'Der findes allerede et dokument med det id.';
    case 'invalid-id':
      return 'Ugyldigt dokument-id.';
    case 'name-taken':
      return 'Navnet bruges allerede af et andet dokument, hvis navn kun adskiller sig ved store og små bogstaver.';
    default:
      return error.message;
  }
}
