// Small helpers for the two user languages of problems and findings. The words themselves are in the
// one catalog (shared/i18n).
import { t, type Lang } from '../i18n/messages';

export type { Lang };

/** "a, b, c" or Danish/English "a, b eller c" style lists are avoided on purpose: enum values are listed verbatim. */
export function listValues(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(', ');
}

/** A short, quoted rendering of a value found in the input (long texts are cut). */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 37) + '…' : value);
  if (value === undefined) return 'undefined';
  try {
    const json = JSON.stringify(value);
    return json.length > 40 ? json.slice(0, 37) + '…' : json;
  } catch {
    return String(value);
  }
}

/** Describes the JSON type of a value: "tekst", "et tal", "en liste", … */
export function describeType(value: unknown, lang: Lang): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t(lang, 'format.type.list');
  switch (typeof value) {
    case 'string':
      return t(lang, 'format.type.text');
    case 'number':
      return t(lang, 'format.type.number');
    case 'boolean':
      return t(lang, 'format.type.boolean');
    case 'object':
      return t(lang, 'format.type.object');
    default:
      return typeof value;
  }
}
