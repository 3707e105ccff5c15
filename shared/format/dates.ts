// The one place for what a year, a month, a date and a period are in Pejling: the interchange schema,
// `pejling validate`, the CLI options and the renderer's fields all ask here, so all of them agree on
// whether "2025-13-99" or "2010-02-30" is a date (it is not). How a date is shown to a person is the
// i18n module's business; this module only decides what is valid and parses it.

/** The years a strategy, a plan or a period may name (the schema's bounds). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

/** The written shapes; the schema uses them, everything else should call isMonth / isDate. */
export const MONTH_SHAPE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_SHAPE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/**
 * A moment, ISO 8601 with the time and its zone: "2026-03-02T14:05:00Z", "2026-03-02T15:05+01:00",
 * seconds and fractions optional. The zone is required: a comment written in Copenhagen and read in a
 * CI runner's UTC must mean the same moment.
 */
export const DATE_TIME_SHAPE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export interface Period {
  from: number;
  to: number;
}

/** A whole year within YEAR_MIN..YEAR_MAX. */
export function isYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX;
}

/** A year typed by a person ("2025", " 2025 "); null when it is not a year Pejling accepts. */
export function parseYear(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return null;
  const year = Number(trimmed);
  return isYear(year) ? year : null;
}

/** "2026-03" → true; months 01-12. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_SHAPE.test(value);
}

/** "2026-03-31" → true for a date that exists in the calendar ("2010-02-30", "2025-13-99" → false). */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_SHAPE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return d <= daysInMonth(y, m);
}

/** A moment in DATE_TIME_SHAPE whose day exists ("2026-02-30T10:00Z" → false). */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME_SHAPE.test(value) && isDate(value.slice(0, 10));
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A month typed by a person, after trimming; null when it is not one. */
export function parseMonth(text: string): string | null {
  const trimmed = text.trim();
  return isMonth(trimmed) ? trimmed : null;
}

/** A date typed by a person, after trimming; null when it is not a real calendar date. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  return isDate(trimmed) ? trimmed : null;
}

/**
 * A date as a person in Denmark writes it, whatever the browser's locale: "15.12.2011", "1.2.2011", "15-12-2011",
 * "15/12/2011" (day first), or "2011-12-15"; the ISO date, or null when it is not a real calendar date.
 */
export function parseDayFirstDate(text: string): string | null {
  const trimmed = text.trim();
  if (isDate(trimmed)) return trimmed;
  const match = /^(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{4})$/.exec(trimmed);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isDate(iso) ? iso : null;
}

/** from after to: a rule a person can break while editing (a check finding, not a reason to refuse a file). */
export function isReversedPeriod(period: Period): boolean {
  return period.from > period.to;
}

/** An initiative that ends before it starts (both months given). */
export function endsBeforeStart(start: string | undefined, end: string | undefined): boolean {
  return isMonth(start) && isMonth(end) && end < start;
}

/** The first and last month of a period of whole years: 2024-2025 → "2024-01" … "2025-12". */
export function periodMonths(period: Period): { first: string; last: string } {
  return { first: `${period.from}-01`, last: `${period.to}-12` };
}
