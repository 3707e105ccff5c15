// t(lang, key, params): the text of one message of the catalog in a language.
//
// Why intl-messageformat (formatjs): it reads ICU MessageFormat, the standard syntax for plurals and
// selects that translators and tools know; it is small (a parser and a formatter over the runtime's
// Intl, no locale data of its own); it is maintained by the formatjs project; and it is a function,
// not a runtime framework (no provider, context or global instance), so the same catalog works in
// shared/ (no DOM, no Node), in the host, in the CLI and in Preact components.
import { IntlMessageFormat } from 'intl-messageformat';
import { da, type MessageKey } from './catalog/da';
import { en } from './catalog/en';

export type { MessageKey };

/** The two languages of Pejling: of the UI, of a document, of the CLI's messages. */
export type Lang = 'da' | 'en';

/** Parameter values: numbers drive plurals; everything else is shown as it is. */
export type MessageParams = Record<string, string | number>;

/** The locale of a language for Intl (plural rules, numbers, dates). */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'da-DK';
}

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { da, en };

interface Compiled {
  format: IntlMessageFormat;
  /** Arguments the message uses as numbers (plural, selectordinal, number); others are shown verbatim. */
  numeric: ReadonlySet<string>;
}

const compiled = new Map<string, Compiled>();

// Element types of intl-messageformat's AST (@formatjs/icu-messageformat-parser TYPE enum).
const TYPE_NUMBER = 2;
const TYPE_SELECT = 5;
const TYPE_PLURAL = 6;

type AstElement = { type: number; value?: string; options?: Record<string, { value: AstElement[] }> };

function numericArguments(elements: readonly AstElement[], into: Set<string>): Set<string> {
  for (const el of elements) {
    if ((el.type === TYPE_PLURAL || el.type === TYPE_NUMBER) && el.value) into.add(el.value);
    if ((el.type === TYPE_PLURAL || el.type === TYPE_SELECT) && el.options) {
      for (const option of Object.values(el.options)) numericArguments(option.value, into);
    }
  }
  return into;
}

function compile(lang: Lang, key: MessageKey): Compiled {
  const id = `${lang}\u0000${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    const format = new IntlMessageFormat(CATALOGS[lang][key], localeOf(lang), undefined, { ignoreTag: true });
    entry = { format, numeric: numericArguments(format.getAst() as unknown as AstElement[], new Set()) };
    compiled.set(id, entry);
  }
  return entry;
}

/**
 * The text of `key` in `lang` with `params` filled in. A number picks the plural form by the language's
 * rules and, written `#` or `{n, number}`, is grouped as Intl does ("1.022 initiativer"); a number used as a
 * plain `{n}` (a year, a line number) is shown as written ("2026").
 */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const { format, numeric } = compile(lang, key);
  if (!params) return String(format.format());
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) values[name] = numeric.has(name) ? value : String(value);
  return String(format.format(values));
}

export type Translator = (key: MessageKey, params?: MessageParams) => string;

/** `t` bound to one language, for code that speaks one language throughout (an export, a CLI run). */
export function translator(lang: Lang): Translator {
  return (key, params) => t(lang, key, params);
}

/** Whether a string is a key of the catalog (for codes coming over the host boundary). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(da, key);
}
