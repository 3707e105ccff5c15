// Reading strategies from disk for the CLI and the host: interchange JSON files, .pejling documents saved
// by the app, and the bundled templates and examples under templates/.
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import type { TemplateSummary } from '../../shared/bridge';
import { exportStrategy, migrate } from '../../shared/model';
import type { StrategyFile } from '../../shared/format/schema';
import { t, type Lang, type MessageKey, type MessageParams } from '../../shared/i18n/messages';
import { InvalidStrategyError, type Problem, parseStrategyText, validateStrategyFile } from '../../shared/format/validate';
import { decodePejlingFile } from '../storage/pejling-file';
import { storageErrorKey } from '../storage/messages';

export { InvalidStrategyError } from '../../shared/format/validate';

/**
 * A file that cannot be read at all (missing, a folder, not text, a damaged .pejling); the message is one line,
 * `reason` the same without the file's name (for a caller that names the file itself, as the host's error does).
 */
export class StrategyInputError extends Error {
  readonly reason: string;
  constructor(message: string, options?: { cause?: unknown; reason?: string }) {
    super(message, options);
    this.name = 'StrategyInputError';
    this.reason = options?.reason ?? message;
  }

  /** The error worded by the catalog in `lang`. */
  static of(lang: Lang, key: MessageKey, params: MessageParams, options?: { cause?: unknown; reason?: string }): StrategyInputError {
    return new StrategyInputError(t(lang, key, params), options);
  }
}

export type StrategyInputResult =
  | { ok: true; strategy: StrategyFile; warnings: Problem[]; kind: 'json' | 'pejling' }
  | { ok: false; problems: Problem[]; kind: 'json' | 'pejling' };

const PEJLING_MAGIC = [0x50, 0x45, 0x4a, 0x4c, 0x49, 0x4e, 0x47, 0x00]; // "PEJLING\0", see main/storage/pejling-file.ts

function isPejlingBytes(bytes: Uint8Array): boolean {
  return PEJLING_MAGIC.every((b, i) => bytes[i] === b);
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Reads a strategy from the bytes of a file: a .pejling document (recognised by its signature, whatever
 * the name) or interchange JSON text. Schema problems come back as `problems`; bytes that are neither
 * throw StrategyInputError. `name` appears in messages.
 */
export function readStrategyBytes(bytes: Uint8Array, name: string, lang: Lang = 'da'): StrategyInputResult {
  if (isPejlingBytes(bytes)) {
    let strategy: unknown;
    try {
      const { update } = decodePejlingFile(bytes, name);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      migrate(doc); // an older layout is brought up to date in memory; a newer one is refused with a message
      strategy = exportStrategy(doc);
      doc.destroy();
    } catch (error) {
      // The storage's refusals (not a Pejling file, damaged, newer) in the reader's language; anything else as it is.
      const known = storageErrorKey(error);
      const reason = known ? t(lang, known) : messageOf(error);
      throw StrategyInputError.of(lang, 'input.unreadable', { name, reason }, { cause: error, reason });
    }
    // The app's document is checked like any file, so `validate` and `check` mean the same for both kinds.
    return { ...validateStrategyFile(strategy, lang), kind: 'pejling' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw StrategyInputError.of(lang, 'input.notTextNamed', { name }, { cause: error, reason: t(lang, 'input.notText') });
  }
  return { ...parseStrategyText(text, lang), kind: 'json' };
}

/** Why a file could not be read, as a catalog key and its parameters (also the CLI's words, main/cli/read-input.ts). */
export function fileErrorMessage(path: string, error: unknown): [MessageKey, MessageParams] {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return ['input.notFound', { path }];
  if (code === 'EISDIR') return ['input.isFolder', { path }];
  if (code === 'EACCES' || code === 'EPERM') return ['input.noAccess', { path }];
  return ['input.readFailed', { path, reason: messageOf(error) }];
}

async function readBytes(path: string, lang: Lang): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw StrategyInputError.of(lang, ...fileErrorMessage(path, error), { cause: error });
  }
}

/** Reads and validates a file; problems are returned, unreadable files throw StrategyInputError. */
export async function readStrategyInput(path: string, lang: Lang = 'da'): Promise<StrategyInputResult> {
  return readStrategyBytes(await readBytes(path, lang), basename(path), lang);
}

/**
 * Reads a valid strategy from an interchange .json file or a .pejling document. Throws
 * InvalidStrategyError (message: every problem as a "path: reason" line) or StrategyInputError.
 */
export async function loadStrategyInput(path: string, lang: Lang = 'da'): Promise<StrategyFile> {
  const result = await readStrategyInput(path, lang);
  if (!result.ok) throw new InvalidStrategyError(result.problems, basename(path), lang);
  return result.strategy;
}

// ---- templates and examples ------------------------------------------------------------------------------

let templatesDir: string | undefined;

/**
 * The templates/ folder. Resolved from this module's location in the repository; a bundled build
 * (where that location differs) sets it with setTemplatesRoot() or the PEJLING_TEMPLATES_DIR variable.
 */
export function templatesRoot(): string {
  if (templatesDir) return templatesDir;
  if (process.env.PEJLING_TEMPLATES_DIR) return process.env.PEJLING_TEMPLATES_DIR;
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

export function setTemplatesRoot(dir: string | undefined): void {
  templatesDir = dir;
}

interface IndexEntry {
  name: string;
  title: string;
  organisation: string;
  description: string;
}

async function readIndex(folder: 'strategies' | 'examples'): Promise<IndexEntry[]> {
  const path = join(templatesRoot(), folder, 'index.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new StrategyInputError(`cannot read the template index ${path}: ${messageOf(error)}`, { cause: error });
  }
  const ok =
    Array.isArray(parsed) &&
    parsed.every(
      (e) =>
        e !== null &&
        typeof e === 'object' &&
        ['name', 'title', 'organisation', 'description'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string'),
    );
  if (!ok) throw new StrategyInputError(`the template index ${path} is not a list of {name, title, organisation, description}`);
  return parsed as IndexEntry[];
}

/** The names of the bundled templates, in start-screen order (kk, odder, brk, blank). */
export async function templateNames(): Promise<string[]> {
  return (await readIndex('strategies')).map((e) => e.name);
}

/** Templates first, then examples, with Danish titles and descriptions for the start screen. */
export async function listTemplates(): Promise<TemplateSummary[]> {
  const [templates, examples] = await Promise.all([readIndex('strategies'), readIndex('examples')]);
  return [
    ...templates.map((e): TemplateSummary => ({ ...pickEntry(e), kind: 'template' })),
    ...examples.map((e): TemplateSummary => ({ ...pickEntry(e), kind: 'example' })),
  ];
}

function pickEntry(e: IndexEntry): Omit<TemplateSummary, 'kind'> {
  return { name: e.name, title: e.title, organisation: e.organisation, description: e.description };
}

async function loadBundled(folder: 'strategies' | 'examples', name: string, lang: Lang): Promise<StrategyFile> {
  const names = (await readIndex(folder)).map((e) => e.name);
  // Only names from the index are accepted, so a name can never reach outside templates/.
  if (!names.includes(name)) {
    throw StrategyInputError.of(lang, folder === 'strategies' ? 'input.unknownTemplate' : 'input.unknownExample', { name, names: names.join(', ') });
  }
  const path = join(templatesRoot(), folder, `${name}.json`);
  await stat(path).catch((error: unknown) => {
    // An installation without its bundled files: for whoever installed it, not worded for the user.
    throw new StrategyInputError(`the bundled file ${path} is missing`, { cause: error });
  });
  return loadStrategyInput(path, lang);
}

/** A template (kk, odder, brk, blank) as a validated strategy. */
export function loadTemplate(name: string, lang: Lang = 'da'): Promise<StrategyFile> {
  return loadBundled('strategies', name, lang);
}

/** An example document (kk-2010-2014, odder-2006, brk-2010) as a validated strategy. */
export function loadExample(name: string, lang: Lang = 'da'): Promise<StrategyFile> {
  return loadBundled('examples', name, lang);
}
