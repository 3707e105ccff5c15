// Display formats of the plan views, in the UI language: statuses, months, periods, amounts. The
// formatting itself is shared/i18n/format, the same as the Word export's.
import type { InitiativeStatus } from '../../../shared/format/schema';
import { formatDate as formatIsoDate, formatInitiativePeriod, parseIsoDate } from '../../../shared/i18n/format';
import { currentLanguage, t } from '../i18n/i18n';
import { formatDkk } from './plan-data';

export function statusLabel(status: InitiativeStatus | undefined): string {
  return status ? t(`initiative.status.${status}`) : t('common.none');
}

/** "jan. 2011–jun. 2012", "fra mar. 2011", "til dec. 2012" (as in Word); a value that is not a month is shown as it is. */
export function formatPeriod(start: string | undefined, end: string | undefined): string {
  return formatInitiativePeriod(start, end, currentLanguage());
}

/** "2025-11-20" → "20. november 2025" (Danish) or "20 November 2025". */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  return parseIsoDate(value) ? formatIsoDate(value, currentLanguage()) : value;
}

export function formatAmount(amount: number | undefined): string {
  return amount === undefined ? '' : formatDkk(amount, currentLanguage());
}

/** CSS class of a status badge (colour is never the only signal: the badge always has the text). */
export function statusTone(status: InitiativeStatus | undefined): string {
  switch (status) {
    case 'done':
      return 'plans-status plans-status-done';
    case 'active':
      return 'plans-status plans-status-active';
    case 'delayed':
      return 'plans-status plans-status-delayed';
    case 'cancelled':
      return 'plans-status plans-status-cancelled';
    case 'planned':
      return 'plans-status plans-status-planned';
    default:
      return 'plans-status plans-status-none';
  }
}
