// Turns zod issues into readable reasons in Danish or English. The schema (./schema.ts) stays the
// contract; only the wording is decided here. The value the user actually wrote is looked up in the
// input (zod 4 does not keep it), so a reason can say what was found.
import type { core } from 'zod';
import { describeType, type Lang, listValues, pick, showValue } from './messages';

type Issue = core.$ZodIssue;

/** Field names whose value is rich text (Markdown string or ProseMirror document). */
const RICH_FIELDS = new Set(['statement', 'body', 'intro', 'description']);

/** Looks up the value at a zod path; `present` tells a missing key from an explicit value. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return { present: false, value: undefined };
    const record = current as Record<PropertyKey, unknown>;
    if (!(key in record)) return { present: false, value: undefined };
    current = record[key];
  }
  return { present: true, value: current };
}

function expectedType(expected: string, lang: Lang): string {
  const t = (da: string, en: string): string => pick(lang, { da, en });
  switch (expected) {
    case 'string':
      return t('tekst', 'text');
    case 'number':
      return t('et tal', 'a number');
    case 'int':
      return t('et helt tal', 'a whole number');
    case 'boolean':
      return t('true eller false', 'true or false');
    case 'array':
      return t('en liste [ … ]', 'a list [ … ]');
    case 'object':
      return t('et objekt { … }', 'an object { … }');
    default:
      return expected;
  }
}

function richReason(lang: Lang): string {
  return pick(lang, {
    da: 'skal være formateret tekst: en Markdown-tekst eller et ProseMirror-dokument {"type": "doc", …}',
    en: 'must be rich text: a Markdown string or a ProseMirror document {"type": "doc", …}',
  });
}

/** The reason (without the path) for one zod issue found in `input`. */
export function issueReason(issue: Issue, input: unknown, lang: Lang): string {
  const { present, value } = valueAt(input, issue.path);
  const t = (da: string, en: string): string => pick(lang, { da, en });
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (!present || value === undefined) return t('mangler (skal angives)', 'is required');
      if (issue.expected === 'int' && typeof value === 'number') {
        return t(`skal være et helt tal, ikke ${showValue(value)}`, `must be a whole number, not ${showValue(value)}`);
      }
      return t(
        `skal være ${expectedType(issue.expected, lang)}, ikke ${describeType(value, lang)}`,
        `must be ${expectedType(issue.expected, lang)}, not ${describeType(value, lang)}`,
      );
    }
    case 'invalid_value': {
      if (issue.values.length === 1) {
        if (last === 'type' && issue.values[0] === 'doc') {
          return t('et ProseMirror-dokument skal have "type": "doc"', 'a ProseMirror document must have "type": "doc"');
        }
        return t(`skal være ${showValue(issue.values[0])}`, `must be ${showValue(issue.values[0])}`);
      }
      const got = present ? t(` (fandt ${showValue(value)})`, ` (found ${showValue(value)})`) : '';
      return t(`skal være en af ${listValues(issue.values)}${got}`, `must be one of ${listValues(issue.values)}${got}`);
    }
    case 'too_small': {
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('må ikke være tom', 'must not be empty')
          : t(`skal have mindst ${issue.minimum} tegn`, `must have at least ${issue.minimum} characters`);
      }
      if (issue.origin === 'array') {
        return t(`skal have mindst ${issue.minimum} elementer`, `must have at least ${issue.minimum} items`);
      }
      return t(`skal være mindst ${issue.minimum} (fandt ${showValue(value)})`, `must be at least ${issue.minimum} (found ${showValue(value)})`);
    }
    case 'too_big': {
      if (issue.origin === 'string') return t(`må højst have ${issue.maximum} tegn`, `must have at most ${issue.maximum} characters`);
      if (issue.origin === 'array') return t(`må højst have ${issue.maximum} elementer`, `must have at most ${issue.maximum} items`);
      return t(`må højst være ${issue.maximum} (fandt ${showValue(value)})`, `must be at most ${issue.maximum} (found ${showValue(value)})`);
    }
    case 'invalid_format': {
      // The schema tags its date patterns with these messages.
      if (issue.message === 'date:YYYY-MM-DD') {
        return t(
          `skal være en dato på formen ÅÅÅÅ-MM-DD, fx 2010-06-02 (fandt ${showValue(value)})`,
          `must be a date written YYYY-MM-DD, e.g. 2010-06-02 (found ${showValue(value)})`,
        );
      }
      if (issue.message === 'month:YYYY-MM') {
        return t(
          `skal være en måned på formen ÅÅÅÅ-MM, fx 2011-03 (fandt ${showValue(value)})`,
          `must be a month written YYYY-MM, e.g. 2011-03 (found ${showValue(value)})`,
        );
      }
      return t(`har forkert form (fandt ${showValue(value)})`, `has the wrong form (found ${showValue(value)})`);
    }
    case 'invalid_union': {
      if (typeof last === 'string' && RICH_FIELDS.has(last)) {
        if (!present || value === undefined) return t('mangler (skal angives)', 'is required');
        return `${richReason(lang)}, ${t('ikke', 'not')} ${describeType(value, lang)}`;
      }
      return t(`har forkert form (fandt ${describeType(value, lang)})`, `has the wrong form (found ${describeType(value, lang)})`);
    }
    case 'unrecognized_keys':
      return t(`ukendte felter: ${issue.keys.join(', ')}`, `unknown fields: ${issue.keys.join(', ')}`);
    case 'not_multiple_of':
      return t(`skal gå op i ${String(issue.divisor)}`, `must be a multiple of ${String(issue.divisor)}`);
    default:
      return t(`er ugyldig (${issue.message})`, `is invalid (${issue.message})`);
  }
}
