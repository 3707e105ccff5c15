// The reason shown at a field when it cannot take what was typed (see BoundInput's `validate`). What
// is a year or a month is decided in shared/format/dates.ts; this only adds the message.
import { parseMonth, parseYear, YEAR_MAX, YEAR_MIN } from '../../../shared/format/dates';
import { t } from '../i18n/i18n';

export const required = (value: string): string | null => (value.trim() ? null : t('field.required'));

export const validYear = (value: string): string | null => (parseYear(value) === null ? t('field.yearInvalid', { min: String(YEAR_MIN), max: String(YEAR_MAX) }) : null);

/** An optional month: empty is allowed (no date), anything else must be ÅÅÅÅ-MM. */
export const optionalMonth = (value: string): string | null => (value.trim() === '' || parseMonth(value) !== null ? null : t('field.monthInvalid'));
