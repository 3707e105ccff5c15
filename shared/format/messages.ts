// Small helpers for the two user languages of problems and findings.

export type Lang = 'da' | 'en';

export interface Text {
  da: string;
  en: string;
}

export function pick(lang: Lang, text: Text): string {
  return lang === 'en' ? text.en : text.da;
}

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
  const t = (da: string, en: string): string => pick(lang, { da, en });
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('en liste', 'a list');
  switch (typeof value) {
    case 'string':
      return t('tekst', 'text');
    case 'number':
      return t('et tal', 'a number');
    case 'boolean':
      return t('true/false', 'true/false');
    case 'object':
      return t('et objekt', 'an object');
    default:
      return typeof value;
  }
}
