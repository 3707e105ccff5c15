// Typed text fields (titles, names, goals, labels, meta fields) as Y.Text (schema version 2).
//
// A setter gets the whole new string, as an input's value, and turns it into the smallest change
// (one delete and one insert between the common prefix and suffix), so two people typing at
// different places of one title both keep their text. Readers also accept a plain string at a
// text key: that is a schema-1 value, written by an old replica after the migration (see
// ./document.ts); the next write through the model, and the next migration pass, make it a Y.Text.
import * as Y from 'yjs';

/** The field's text, whether stored as Y.Text (schema 2) or as a plain string (schema 1). */
export function readText(map: Y.Map<unknown>, key: string): string | undefined {
  const value = map.get(key);
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : undefined;
}

/** The change that turns `from` into `to`: delete `remove` code units at `index`, then insert `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single replacement between two strings (common prefix and suffix kept), never
 * splitting a surrogate pair. Null when they are equal. `cursor` (the caret in `to` after the
 * edit, as an input reports it) settles where a repeated character was typed: "b|anana" plus "a"
 * (caret 2 afterwards) is an insertion at 1, not 2.
 */
export function diffText(from: string, to: string, cursor?: number): TextChange | null {
  if (from === to) return null;
  const max = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < max && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  if (cursor !== undefined) prefix = Math.min(prefix, Math.max(0, cursor - Math.max(0, to.length - from.length)));
  if (prefix > 0 && isHighSurrogate(from.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(from.charCodeAt(from.length - suffix))) suffix--;
  return { index: prefix, remove: from.length - prefix - suffix, insert: to.slice(prefix, to.length - suffix) };
}

/** Applies the minimal change that makes `text` read `next`. Call inside a transaction. */
export function applyTextChange(text: Y.Text, next: string): void {
  const change = diffText(text.toString(), next);
  if (!change) return;
  if (change.remove > 0) text.delete(change.index, change.remove);
  if (change.insert.length > 0) text.insert(change.index, change.insert);
}

/**
 * Writes a text field: a minimal change into its Y.Text, or a new Y.Text where the field is
 * absent or still a plain string. undefined/null removes the field. Call inside a transaction.
 */
export function writeText(map: Y.Map<unknown>, key: string, value: string | undefined | null): void {
  if (value === undefined || value === null) {
    if (map.has(key)) map.delete(key);
    return;
  }
  const current = map.get(key);
  if (current instanceof Y.Text) {
    applyTextChange(current, value);
    return;
  }
  map.set(key, new Y.Text(value));
}

/**
 * Turns a plain string at each of `keys` into a Y.Text with the same content; a key that already
 * holds a Y.Text (or nothing) is left alone, so running it again changes nothing. Returns how many
 * fields it converted. Call inside a transaction.
 */
export function upgradeTextKeys(map: Y.Map<unknown>, keys: readonly string[]): number {
  let converted = 0;
  for (const key of keys) {
    const value = map.get(key);
    if (typeof value === 'string') {
      map.set(key, new Y.Text(value));
      converted++;
    }
  }
  return converted;
}

/** True when one of `keys` still holds a plain string. */
export function hasPlainText(map: Y.Map<unknown>, keys: readonly string[]): boolean {
  return keys.some((key) => typeof map.get(key) === 'string');
}

/** Where a position in the old text lands after `change` (a position at an insertion stays before it). */
export function mapPosition(position: number, change: TextChange): number {
  if (position <= change.index) return position;
  if (position >= change.index + change.remove) return position - change.remove + change.insert.length;
  return change.index + change.insert.length;
}
