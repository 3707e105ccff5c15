// The portable single-file document (.pejling), for "Gem som" / "Åbn" between installations.
// Layout (little endian):
//   "PEJLING\0" | u32 format version (1) | u32 header length | header (UTF-8 JSON) | Yjs state update | u32 crc32
// The crc32 covers every byte before it.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { crc32 } from './crc32';
import { errorText, writeFileAtomic } from './fs-durable';
import { StorageError, type PejlingFileContents, type PejlingFileHeader } from './types';

export const PEJLING_FILE_VERSION = 1;
const MAGIC = new Uint8Array([0x50, 0x45, 0x4a, 0x4c, 0x49, 0x4e, 0x47, 0x00]); // "PEJLING\0"
const PREFIX_BYTES = MAGIC.length + 8;
const CRC_BYTES = 4;

/** Serialises a document into the .pejling byte layout. */
export function encodePejlingFile(contents: PejlingFileContents): Uint8Array {
  const header = checkHeader(contents.header, 'the header to write');
  if (!(contents.update instanceof Uint8Array) || contents.update.length === 0) {
    throw new StorageError('invalid-input', 'A .pejling file needs a non-empty Yjs update.');
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const total = PREFIX_BYTES + headerBytes.length + contents.update.length + CRC_BYTES;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(MAGIC.length, PEJLING_FILE_VERSION, true);
  view.setUint32(MAGIC.length + 4, headerBytes.length, true);
  out.set(headerBytes, PREFIX_BYTES);
  out.set(contents.update, PREFIX_BYTES + headerBytes.length);
  view.setUint32(total - CRC_BYTES, crc32(out, 0, total - CRC_BYTES), true);
  return out;
}

/**
 * Parses and verifies .pejling bytes. `name` is used in error messages. Errors (StorageError):
 * `not-pejling-file`, `newer-version`, `damaged` — each message says what is wrong.
 */
export function decodePejlingFile(bytes: Uint8Array, name = 'The file'): PejlingFileContents {
  if (bytes.length < MAGIC.length || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new StorageError('not-pejling-file', `${name} is not a Pejling file (it does not start with the Pejling signature).`);
  }
  const damaged = (why: string) => new StorageError('damaged', `${name} is damaged: ${why}.`);
  if (bytes.length < PREFIX_BYTES) throw damaged(`it ends after ${bytes.length} bytes, inside the file header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(MAGIC.length, true);
  if (version > PEJLING_FILE_VERSION) {
    throw new StorageError(
      'newer-version',
      `${name} was written by a newer Pejling (file format version ${version}; this Pejling reads version ${PEJLING_FILE_VERSION}). Update Pejling to open it.`,
    );
  }
  if (version === 0) throw damaged('file format version 0 does not exist');
  const headerLength = view.getUint32(MAGIC.length + 4, true);
  const room = bytes.length - PREFIX_BYTES - CRC_BYTES;
  if (headerLength > room) throw damaged(`the header length (${headerLength} bytes) exceeds the file size (${bytes.length} bytes)`);
  const crcAt = bytes.length - CRC_BYTES;
  if (crc32(bytes, 0, crcAt) !== view.getUint32(crcAt, true)) throw damaged('checksum mismatch');
  let rawHeader: unknown;
  try {
    rawHeader = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength)));
  } catch (error) {
    throw damaged(`the header is not valid UTF-8 JSON (${errorText(error)})`);
  }
  let header: PejlingFileHeader;
  try {
    header = checkHeader(rawHeader, 'the header');
  } catch (error) {
    throw damaged(errorText(error).replace(/\.$/, ''));
  }
  const update = bytes.slice(PREFIX_BYTES + headerLength, crcAt);
  if (update.length === 0) throw damaged('it holds no document content');
  return { header, update };
}

/** Writes a .pejling file atomically (temp file, fsync, rename, fsync of the folder). */
export async function writePejlingFile(path: string, contents: PejlingFileContents): Promise<void> {
  const bytes = encodePejlingFile(contents);
  try {
    await writeFileAtomic(path, bytes);
  } catch (error) {
    throw new StorageError('io', `Could not save ${path}: ${errorText(error)}`, { cause: error });
  }
}

/** Reads and verifies a .pejling file (see decodePejlingFile for the errors). */
export async function readPejlingFile(path: string): Promise<PejlingFileContents> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StorageError('not-found', `File not found: ${path}`, { cause: error });
    if (code === 'EISDIR') throw new StorageError('not-pejling-file', `${path} is a folder, not a Pejling file.`, { cause: error });
    throw new StorageError('io', `Could not read ${path}: ${errorText(error)}`, { cause: error });
  }
  return decodePejlingFile(bytes, basename(path));
}

function checkHeader(value: unknown, what: string): PejlingFileHeader {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StorageError('invalid-input', `${what} must be a JSON object.`);
  }
  const record = value as Record<string, unknown>;
  const text = (key: string): string => {
    const field = record[key];
    if (typeof field !== 'string') throw new StorageError('invalid-input', `${what}: "${key}" must be a string.`);
    return field;
  };
  const schemaVersion = record.schemaVersion;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new StorageError('invalid-input', `${what}: "schemaVersion" must be a positive integer.`);
  }
  const header: PejlingFileHeader = {
    title: text('title'),
    organisation: text('organisation'),
    schemaVersion,
    savedAt: text('savedAt'),
    appVersion: text('appVersion'),
  };
  if (record.sourceId !== undefined) header.sourceId = text('sourceId');
  return header;
}
