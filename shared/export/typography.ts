// Danish (and English) typography for the published document. Dates, months, periods, amounts and the
// words for statuses and kinds come from the one catalog and formatting module in shared/i18n (so
// Word reads exactly as the app); what is only typography, the quotes, is here.
import type { BusinessCaseStatus, InitiativeStatus, PlanKind, StrategyStatus } from '../format/schema';
import * as i18n from '../i18n';

export type ExportLanguage = i18n.Lang;

/** "2010-06-02" → "2. juni 2010" (Danish) or "2 June 2010" (English). */
export function formatDate(iso: string, lang: ExportLanguage = 'da'): string {
  return i18n.formatDate(iso, lang);
}

export const isoDateOf = i18n.isoDateOf;

export const formatYears = i18n.formatYears;

/** An initiative's months: "jan. 2011–dec. 2012", "fra mar. 2011", "til dec. 2012", or '' when neither is known. */
export function formatMonthSpan(start: string | undefined, end: string | undefined, lang: ExportLanguage = 'da'): string {
  return i18n.formatMonthSpan(start, end, lang);
}

/** An amount in Danish kroner: 1500000 → "1.500.000 kr." (Danish) or "DKK 1,500,000"; 1234.5 → "1.234,50 kr.". */
export function formatAmountDkk(amount: number, lang: ExportLanguage = 'da'): string {
  return i18n.formatAmountDkk(amount, lang);
}

const QUOTES: Record<ExportLanguage, { open: string; close: string; openSingle: string; closeSingle: string }> = {
  // Danish book typography: „citat“ and ‚citat‘.
  da: { open: '„', close: '“', openSingle: '‚', closeSingle: '‘' },
  en: { open: '“', close: '”', openSingle: '‘', closeSingle: '’' },
};

/**
 * Straight quotes to typographic ones: "tekst" → „tekst“ (Danish) or “text” (English).
 * A quote opens at the start or after a space, an opening bracket or a dash, and closes otherwise.
 * Apostrophes inside words ("BRK's") become ’ in both languages. `before` is the character
 * preceding the text (the end of the previous run), so a quote split across runs is still right.
 */
export function smartQuotes(text: string, lang: ExportLanguage = 'da', before = ''): string {
  const q = QUOTES[lang];
  let out = '';
  let previous = before.slice(-1);
  for (const ch of text) {
    const opens = previous === '' || /[\s([{\u2013\u2014/-]/.test(previous);
    if (ch === '"') out += opens ? q.open : q.close;
    else if (ch === "'") out += opens ? q.openSingle : /\p{L}/u.test(previous) ? '’' : q.closeSingle;
    else out += ch;
    previous = ch;
  }
  return out;
}

const NBSP = '\u00a0';
const EN_DASH = '\u2013';
const MONTHS_SHORT = 'jan|feb|mar|apr|maj|may|jun|jul|aug|sep|sept|okt|oct|nov|dec';
/**
 * An abbreviated month standing before a year ("dec. 2012", "Dec 2012"): the space becomes a no-break space, as
 * formatMonth writes it. Dates in full ("2. juni 2010") keep their spaces, as the app's formatDate writes them.
 */
const MONTH_YEAR = new RegExp(`(?<!\\p{L})((?:${MONTHS_SHORT})\\.?) (?=\\d{4}(?!\\d))`, 'giu');
/** A number before its unit ("1.200.000 kr.", "3 mio. kr.", "25 %"), and "mio. kr." itself. */
const NUMBER_UNIT = /(\d) (?=(?:kr\.|kroner|mio\.|mia\.|DKK|%)(?!\p{L}))/gu;
const MILLIONS_KR = /(?<!\p{L})(mio\.|mia\.) (?=kr\.)/gu;
const CURRENCY_BEFORE = /(?<!\p{L})(DKK|kr\.) (?=\d)/gu;
/**
 * A range of numbers written with a hyphen ("2009-2010", "kl. 9-12") takes an en dash. Only two numbers of at
 * most four digits, the second larger, and not part of a longer chain or word: ISO dates (2010-06-02), case
 * numbers (12-3), codes (BRK-2010, ISO 27001-2013) keep their hyphen.
 */
const NUMBER_RANGE = /(?<![\p{L}\d-])(\d{1,4})-(\d{1,4})(?![\p{L}\d-])/gu;
/** A hyphen standing alone between spaces is a dash ("tekst - tekst"): Danish writes an en dash there. */
const SPACED_HYPHEN = /(?<=\S) - (?=\S)/g;

/**
 * The export's typography for a run of text: typographic quotes (smartQuotes), an en dash in number ranges
 * and for a lone hyphen between words, and no-break spaces that keep an abbreviated month with its year
 * ("dec. 2012") and an amount with its unit ("1.200.000 kr."), so neither wraps apart.
 * The app's own formatting (shared/i18n/format.ts) already writes what it formats this way; this is for the
 * text people typed. `before` as for smartQuotes.
 */
export function typeset(text: string, lang: ExportLanguage = 'da', before = ''): string {
  return smartQuotes(text, lang, before)
    .replace(NUMBER_RANGE, (match, from: string, to: string) => (Number(to) > Number(from) ? `${from}${EN_DASH}${to}` : match))
    .replace(SPACED_HYPHEN, ` ${EN_DASH} `)
    .replace(MONTH_YEAR, `$1${NBSP}`)
    .replace(NUMBER_UNIT, `$1${NBSP}`)
    .replace(MILLIONS_KR, `$1${NBSP}`)
    .replace(CURRENCY_BEFORE, `$1${NBSP}`);
}

export function initiativeStatusLabel(status: InitiativeStatus, lang: ExportLanguage = 'da'): string {
  return i18n.initiativeStatusLabel(status, lang);
}

export function strategyStatusLabel(status: StrategyStatus, lang: ExportLanguage = 'da'): string {
  return i18n.strategyStatusLabel(status, lang);
}

export function businessCaseStatusLabel(status: BusinessCaseStatus, lang: ExportLanguage = 'da'): string {
  return i18n.businessCaseStatusLabel(status, lang);
}

export function planKindLabel(kind: PlanKind, lang: ExportLanguage = 'da'): string {
  return i18n.planKindLabel(kind, lang);
}
