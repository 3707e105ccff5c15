// Document ids double as folder names and sync document names, so they are restricted to a safe alphabet:
// no separators, no leading dot, bounded length — a name can never escape the data dir. They must also name a
// folder on every disk the desktop app runs on: no Windows device names (CON, NUL, COM1, "con.txt", …), no trailing
// dot (Windows drops it, so "doc." would be "doc"). Spaces cannot occur (not in the alphabet).
//
// Case: "Strategi" and "strategi" are one folder on Windows and macOS. The store therefore compares ids by
// `documentIdKey()` and refuses an id whose key is already taken by a folder of another spelling
// (document-store.ts). The alphabet is ASCII, so Unicode normalisation (NFC/NFD) cannot give one name two byte
// forms, and lower-casing ASCII is the same as Unicode case folding.
import { randomUUID } from 'node:crypto';
import { StorageError } from './types';

export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Windows reserves these device names in every folder, also with any extension ("nul.txt", "COM1.tar.gz"). */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** Why `id` cannot be a document id, or null when it can. */
export function documentIdProblem(id: unknown): string | null {
  if (typeof id !== 'string' || !DOCUMENT_ID_PATTERN.test(id)) {
    return 'use 1–128 letters A–Z, digits, ".", "_" or "-", starting with a letter or digit';
  }
  if (id.endsWith('.')) return 'it must not end with a dot (Windows drops trailing dots from folder names)';
  const device = WINDOWS_DEVICE_NAME.exec(id);
  if (device) return `"${device[1]!.toUpperCase()}" is a reserved device name on Windows, also with an extension`;
  return null;
}

export function isValidDocumentId(id: unknown): id is string {
  return documentIdProblem(id) === null;
}

export function assertValidDocumentId(id: unknown): asserts id is string {
  const problem = documentIdProblem(id);
  if (problem !== null) {
    const shown = typeof id === 'string' ? JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id) : String(id);
    throw new StorageError('invalid-id', `Invalid document id ${shown}: ${problem}.`);
  }
}

/** The key under which two ids name the same folder on a case-insensitive file system. */
export function documentIdKey(id: string): string {
  return id.normalize('NFC').toLowerCase();
}

/** A fresh random document id. */
export function newDocumentId(): string {
  return randomUUID();
}
