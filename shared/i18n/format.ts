// The one formatting module for dates, months, periods, amounts and numbers, used by the app, the
// checks and the Word/PDF export alike, so a date or an amount reads the same everywhere. Everything
// goes through Intl with da-DK or en-GB (Node and Electron both ship full ICU); only the rules Intl has
// no option for are written here: a period's en dash, and the no-break spaces inside a month
// ("jan. 2011") so that a period never wraps between a month and its year.
import { localeOf, t, type Lang } from './messages';

const NBSP = '\u00a0';
const EN_DASH = '\u2013';

export interface IsoDate {
  year: number;
  month: number;
  day: number;
}

/** "2010-06-02" → its parts, or undefined when it is not a real calendar date ("2025-13-99", "2025-02-30"). */
export function parseIsoDate(iso: string): IsoDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** "2011-03" → { year: 2011, month: 3 }, or undefined when it is not a month (YYYY-MM, 01–12). */
export function parseIsoMonth(iso: string): { year: number; month: number } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : undefined;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, kind: 'date' | 'numeric' | 'month' | 'dateTime'): Intl.DateTimeFormat {
  const id = `${lang}:${kind}`;
  let format = dateFormats.get(id);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
        : kind === 'numeric'
          ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
        : kind === 'month'
          ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
          : { dateStyle: 'long', timeStyle: 'short' };
    format = new Intl.DateTimeFormat(localeOf(lang), options);
    dateFormats.set(id, format);
  }
  return format;
}

/**
 * "2010-06-02" → "2. juni 2010" (da) or "2 June 2010" (en), with no-break spaces (a date never wraps, in the app as
 * in Word, whose typesetting makes the same spaces no-break). Throws on anything that is not a real date.
 */
export function formatDate(iso: string, lang: Lang): string {
  const parts = parseIsoDate(iso);
  if (!parts) throw new Error(`Not a date (YYYY-MM-DD): '${iso}'`);
  return dateFormat(lang, 'date').format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day))).replace(/\s/g, NBSP);
}

/**
 * "2011-12-15" → "15.12.2011" (da) or "15/12/2011" (en-GB): the numeric date of a date field, day first in both
 * languages, never the browser's own order. Throws on anything that is not a real date.
 */
export function formatDateNumeric(iso: string, lang: Lang): string {
  const parts = parseIsoDate(iso);
  if (!parts) throw new Error(`Not a date (YYYY-MM-DD): '${iso}'`);
  return dateFormat(lang, 'numeric').format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)));
}

/** "2011-03" → "mar. 2011" (da) or "Mar 2011" (en), with a no-break space. Throws on anything else. */
export function formatMonth(isoMonth: string, lang: Lang): string {
  const parts = parseIsoMonth(isoMonth);
  if (!parts) throw new Error(`Not a month (YYYY-MM): '${isoMonth}'`);
  return dateFormat(lang, 'month').format(new Date(Date.UTC(parts.year, parts.month - 1, 1))).replace(/\s/g, NBSP);
}

/**
 * An initiative's months: "jan. 2011–jun. 2012" (en dash, no-break spaces inside each month),
 * "fra mar. 2011", "til dec. 2012", one month alone when start = end, or '' when neither is known.
 */
export function formatMonthSpan(start: string | undefined, end: string | undefined, lang: Lang): string {
  if (start && end) return start === end ? formatMonth(start, lang) : `${formatMonth(start, lang)}${EN_DASH}${formatMonth(end, lang)}`;
  if (start) return t(lang, 'period.from', { month: formatMonth(start, lang) });
  if (end) return t(lang, 'period.until', { month: formatMonth(end, lang) });
  return '';
}

/**
 * An initiative's period as every part of Pejling shows it (the plan table, the Disposition, Word): formatMonthSpan
 * for months; a value that is not a month (an imported "2011") is shown as written, never thrown on.
 */
export function formatInitiativePeriod(start: string | undefined, end: string | undefined, lang: Lang): string {
  if ((start && !parseIsoMonth(start)) || (end && !parseIsoMonth(end))) return `${start ?? '…'}${EN_DASH}${end ?? '…'}`;
  return formatMonthSpan(start, end, lang);
}

/** A span of years with an en dash: "2010–2014"; one year alone when from = to. */
export function formatYears(period: { from: number; to: number }): string {
  return period.from === period.to ? String(period.from) : `${period.from}${EN_DASH}${period.to}`;
}

/**
 * An amount in Danish kroner: "1.500.000 kr." (da) or "DKK 1,500,000" (en); øre only when the amount
 * has them, then always two digits ("1.234,50 kr."). Intl puts a no-break space before "kr.".
 */
export function formatAmountDkk(amount: number, lang: Lang): string {
  if (!Number.isFinite(amount)) throw new Error(`Not an amount: ${amount}`);
  const whole = Math.round(amount * 100) % 100 === 0;
  return numberFormat(lang, whole ? 'kroner' : 'øre').format(amount);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
// Creating an Intl formatter costs ~0.1 ms; the initiatives table formats a thousand amounts per change.
function numberFormat(lang: Lang, kind: 'kroner' | 'øre' | 'plain'): Intl.NumberFormat {
  const id = `${lang}:${kind}`;
  let format = numberFormats.get(id);
  if (!format) {
    const digits = kind === 'øre' ? 2 : 0;
    format = new Intl.NumberFormat(
      localeOf(lang),
      kind === 'plain' ? {} : { style: 'currency', currency: 'DKK', minimumFractionDigits: digits, maximumFractionDigits: digits },
    );
    numberFormats.set(id, format);
  }
  return format;
}

/** A number with the language's grouping: 1234.5 → "1.234,5" (da) or "1,234.5" (en). */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(lang, 'plain').format(value);
}

/** A moment as "21. november 2025 kl. 14.05" (da) or "21 November 2025 at 14:05" (en), in local time. */
export function formatDateTime(moment: string | Date, lang: Lang): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(date.getTime())) return String(moment);
  return dateFormat(lang, 'dateTime').format(date);
}

/** A Date as "YYYY-MM-DD" in local time (the date a person reading the document would say). */
export function isoDateOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
