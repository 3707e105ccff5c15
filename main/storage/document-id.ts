// Document ids double as folder names and sync document names, so they are restricted to a safe alphabet:
// no separators, no leading dot, bounded length — a name can never escape the data dir.
import { randomUUID } from 'node:crypto';
import { StorageError } from './types';

export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isValidDocumentId(id: unknown): id is string {
  return typeof id === 'string' && DOCUMENT_ID_PATTERN.test(id);
}

export function assertValidDocumentId(id: unknown): asserts id is string {
  if (!isValidDocumentId(id)) {
    const shown = typeof id === 'string' ? JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id) : String(id);
    throw new StorageError(
      'invalid-id',
      `Invalid document id ${shown}: use 1–128 letters A–Z, digits, ".", "_" or "-", starting with a letter or digit.`,
    );
  }
}

/** A fresh random document id. */
export function newDocumentId(): string {
  return randomUUID();
}
