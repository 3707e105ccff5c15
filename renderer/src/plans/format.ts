// Display formats of the plan views, in the UI language: statuses, months, periods, amounts.
import type { InitiativeStatus } from '../../../shared/format/schema';
import { currentLanguage, t } from '../i18n/i18n';
import { formatDkk } from './plan-data';

export function statusLabel(status: InitiativeStatus | undefined): string {
  return status ? t(`initiative.status.${status}`) : t('common.none');
}

/** "2011-03" → "mar. 2011" (Danish) or "Mar 2011". Anything else is shown as it is. */
export function formatMonth(value: string | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(currentLanguage() === 'da' ? 'da-DK' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatPeriod(start: string | undefined, end: string | undefined): string {
  if (!start && !end) return '';
  return `${formatMonth(start) || '…'}–${formatMonth(end) || '…'}`;
}

/** "2025-11-20" → "20. november 2025" (Danish) or "20 November 2025". */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(currentLanguage() === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
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
