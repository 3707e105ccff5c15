// Danish texts for what the storage layer reports to the user (the host shows them; English details stay in logs).
import { StorageError, type RecoveryReport } from './types';

/** Notice after a torn or damaged log tail was repaired while opening a document. */
export function recoveryNoticeDa(report: RecoveryReport): string {
  const kept = report.quarantinedTo ? ` De beskadigede data (${report.discardedBytes} byte) er gemt i ${report.quarantinedTo}.` : '';
  return (
    'Pejling genoprettede dokumentet efter et nedbrud. Alle gemte ændringer er bevaret; ' +
    `en ufuldstændig sidste skrivning blev sorteret fra.${kept}`
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
    case 'write-failed':
      return 'Pejling kunne ikke gemme på disken. De seneste ændringer er ikke gemt; frigør plads eller tjek disken, og genstart Pejling.';
    case 'not-found':
      return 'Dokumentet eller filen findes ikke.';
    case 'exists':
      return 'Der findes allerede et dokument med det id.';
    case 'invalid-id':
      return 'Ugyldigt dokument-id.';
    default:
      return error.message;
  }
}
