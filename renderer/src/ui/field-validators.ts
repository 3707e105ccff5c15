// What typed values the forms accept, and the reason shown at the field when they do not (see
// BoundInput's `validate`): one place for each rule, so the check and its message cannot drift apart.
import { t } from '../i18n/i18n';

/** A year as the strategy and plan periods take it. */
export function parseYear(value: string): number | null {
  const year = Number(value.trim());
  return value.trim() !== '' && Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null;
}

/** "2026-03" (months 01-12). */
export function isMonthText(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export const required = (value: string): string | null => (value.trim() ? null : t('field.required'));

export const validYear = (value: string): string | null => (parseYear(value) === null ? t('field.yearInvalid') : null);

/** An optional month: empty is allowed (no date), anything else must be ÅÅÅÅ-MM. */
export const optionalMonth = (value: string): string | null => (value.trim() === '' || isMonthText(value.trim()) ? null : t('field.monthInvalid'));
