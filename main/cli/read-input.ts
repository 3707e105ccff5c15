// Reading FILE for `pejling validate | check | export` with the limits of issue 20: only regular files
// (`pejling validate /dev/zero` grew to 15.5 GB, a FIFO blocked forever), at most MAX_INPUT_BYTES (a clear
// message above it instead of running out of memory), and a .pejling document whose rich text nests too
// deeply for the readers is refused with that reason instead of "Maximum call stack size exceeded".
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import * as Y from 'yjs';
import { MAX_RICH_NESTING } from '../../shared/format/input-limits';
import { t, type Lang } from '../../shared/i18n/messages';
import { fileErrorMessage, readStrategyBytes, StrategyInputError, type StrategyInputResult } from '../host/strategy-input';
import { decodePejlingFile } from '../storage/pejling-file';
import { CliError } from './cli-error';
import { readVersionStrategy, splitVersionRef } from './version-input';

/**
 * The largest input file read: 64 MiB. The largest strategy we know of (12 perspectives, 1,000
 * initiatives, bench/generate-large-strategy.ts) is under 2 MB as JSON; a .pejling with years of history
 * stays well below this. PEJLING_MAX_INPUT_BYTES overrides it (tests, unusual archives).
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function maxInputBytes(): number {
  const override = Number(process.env.PEJLING_MAX_INPUT_BYTES);
  return Number.isInteger(override) && override > 0 ? override : MAX_INPUT_BYTES;
}

/** Megabytes to show: one decimal below 10 MB, whole above (the catalog's `{n, number}` groups them by language). */
const megabytes = (bytes: number): number => {
  const mb = bytes / (1024 * 1024);
  return bytes < 10 * 1024 * 1024 ? Math.round(mb * 10) / 10 : Math.round(mb);
};

function fileError(file: string, error: unknown, lang: Lang): CliError {
  return new CliError(t(lang, ...fileErrorMessage(file, error)), 1);
}

function notRegular(file: string, info: { isDirectory(): boolean }, lang: Lang): CliError {
  if (info.isDirectory()) return new CliError(t(lang, 'input.isFolder', { path: file }), 1);
  return new CliError(t(lang, 'cli.notRegularFile', { file }), 1);
}

function tooLarge(file: string, size: number, cap: number, lang: Lang): CliError {
  return new CliError(t(lang, 'cli.fileTooLarge', { file, size: megabytes(size), cap: megabytes(cap) }), 1);
}

/** The bytes of a regular file of at most the cap; everything else is a one-line CliError. */
export async function readInputBytes(file: string, lang: Lang): Promise<Uint8Array> {
  const cap = maxInputBytes();
  // stat first: opening a FIFO would wait for a writer, reading /dev/zero would never end.
  const info = await stat(file).catch((error: unknown) => {
    throw fileError(file, error, lang);
  });
  if (!info.isFile()) throw notRegular(file, info, lang);
  if (info.size > cap) throw tooLarge(file, info.size, cap, lang);
  // The file may have been replaced or grown since: open without blocking, check again, read at most cap + 1.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    throw fileError(file, error, lang);
  });
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notRegular(file, opened, lang);
    const buffer = new Uint8Array(Math.min(cap + 1, Math.max(opened.size, 0) + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > cap) throw tooLarge(file, Math.max(opened.size, length), cap, lang);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw fileError(file, error, lang);
  } finally {
    await handle.close();
  }
}

/**
 * The deepest nesting of XML elements (rich-text nodes) in a Yjs document, found over the struct store
 * without recursion: each element's depth is its parent's plus one, remembered per type.
 */
export function deepestRichNesting(doc: Y.Doc): number {
  const depth = new Map<Y.AbstractType<unknown>, number>();
  let deepest = 0;
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || struct.deleted || !(struct.content instanceof Y.ContentType)) continue;
      const chain: Y.AbstractType<unknown>[] = [];
      let type: Y.AbstractType<unknown> | null = struct.content.type;
      let base = 0;
      while (type) {
        const known = depth.get(type);
        if (known !== undefined) {
          base = known;
          break;
        }
        chain.push(type);
        const parent: unknown = type._item?.parent;
        type = parent instanceof Y.AbstractType ? parent : null;
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        const current = chain[i]!;
        base += current instanceof Y.XmlElement ? 1 : 0;
        depth.set(current, base);
      }
      if (base > deepest) deepest = base;
    }
  }
  return deepest;
}

const PEJLING_MAGIC = [0x50, 0x45, 0x4a, 0x4c, 0x49, 0x4e, 0x47, 0x00]; // "PEJLING\0"

function nestedTooDeeply(file: string, lang: Lang): CliError {
  return new CliError(t(lang, 'input.unreadable', { name: file, reason: t(lang, 'format.tooDeep', { max: MAX_RICH_NESTING }) }), 1);
}

/** A .pejling document whose rich text nests deeper than the readers follow (checked before they run). */
function checkPejlingNesting(bytes: Uint8Array, file: string, lang: Lang): void {
  if (!PEJLING_MAGIC.every((b, i) => bytes[i] === b)) return;
  let doc: Y.Doc | undefined;
  try {
    const { update } = decodePejlingFile(bytes, basename(file));
    doc = new Y.Doc();
    Y.applyUpdate(doc, update);
  } catch {
    return; // a damaged file: readStrategyBytes says what is wrong with it
  }
  try {
    if (deepestRichNesting(doc) > MAX_RICH_NESTING) throw nestedTooDeeply(file, lang);
  } finally {
    doc.destroy();
  }
}

/** Reads and validates FILE; an unreadable file is a CliError (exit 1) with one line saying why. */
export async function readCliInput(file: string, lang: Lang): Promise<StrategyInputResult> {
  const version = await splitVersionRef(file); // FILE.pejling@<name>: a named version (./version-input.ts)
  if (version) return readVersionStrategy(await readInputBytes(version.path, lang), version.path, version.name, lang);
  const bytes = await readInputBytes(file, lang);
  checkPejlingNesting(bytes, file, lang);
  try {
    return readStrategyBytes(bytes, basename(file), lang);
  } catch (error) {
    if (error instanceof RangeError || (error instanceof StrategyInputError && error.cause instanceof RangeError)) {
      // A stack overflow in a reader we did not foresee: still the reason, not the engine's words.
      throw nestedTooDeeply(file, lang);
    }
    if (error instanceof StrategyInputError) throw new CliError(error.message, 1);
    throw error;
  }
}
