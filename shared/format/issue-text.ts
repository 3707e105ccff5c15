// Turns zod issues into readable reasons in Danish or English. The schema (./schema.ts) stays the
// contract; only the wording is decided here. The value the user actually wrote is looked up in the
// input (zod 4 does not keep it), so a reason can say what was found.
import type { core } from 'zod';
import { t as message } from '../i18n/messages';
import { describeType, type Lang, listValues, showValue } from './messages';

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

const EXPECTED = new Set(['string', 'number', 'int', 'boolean', 'array', 'object'] as const);

function expectedType(expected: string, lang: Lang): string {
  return EXPECTED.has(expected as never) ? message(lang, `format.expected.${expected as 'string'}`) : expected;
}

/** The reason (without the path) for one zod issue found in `input`. */
export function issueReason(issue: Issue, input: unknown, lang: Lang): string {
  const { present, value } = valueAt(input, issue.path);
  const m = (key: Parameters<typeof message>[1], params?: Record<string, string | number>): string => message(lang, key, params);
  const shown = showValue(value);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (!present || value === undefined) return m('format.required');
      if (issue.expected === 'int' && typeof value === 'number') return m('format.notWholeNumber', { value: shown });
      return m('format.wrongType', { expected: expectedType(issue.expected, lang), actual: describeType(value, lang) });
    }
    case 'invalid_value': {
      if (issue.values.length === 1) {
        if (last === 'type' && issue.values[0] === 'doc') return m('format.docType');
        return m('format.mustBe', { value: showValue(issue.values[0]) });
      }
      const values = listValues(issue.values);
      return present ? m('format.oneOfFound', { values, value: shown }) : m('format.oneOf', { values });
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? m('format.notEmpty') : m('format.minChars', { min });
      if (issue.origin === 'array') return m('format.minItems', { min });
      return m('format.minValue', { min, value: shown });
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return m('format.maxChars', { max });
      if (issue.origin === 'array') return m('format.maxItems', { max });
      return m('format.maxValue', { max, value: shown });
    }
    case 'invalid_format': {
      // The schema tags its date patterns with these messages.
      if (issue.message === 'date:YYYY-MM-DD') return m('format.dateForm', { value: shown });
      if (issue.message === 'month:YYYY-MM') return m('format.monthForm', { value: shown });
      if (issue.message === 'datetime:ISO') return m('comments.format.dateTimeForm', { value: shown });
      if (issue.message === 'text:not-blank') return m('comments.format.blankText');
      if (issue.message === 'alt:not-blank') return m('images.format.altMissing');
      return m('format.wrongForm', { value: shown });
    }
    case 'invalid_union': {
      if (typeof last === 'string' && RICH_FIELDS.has(last)) {
        if (!present || value === undefined) return m('format.required');
        return m('format.richNot', { actual: describeType(value, lang) });
      }
      return m('format.wrongForm', { value: describeType(value, lang) });
    }
    case 'unrecognized_keys':
      return m('format.unknownFields', { keys: issue.keys.join(', ') });
    case 'not_multiple_of':
      return m('format.multipleOf', { divisor: String(issue.divisor) });
    default:
      return m('format.invalid', { message: issue.message });
  }
}
