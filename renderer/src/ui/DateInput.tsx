// A date field that reads and writes dates day first ("15.12.2011" in Danish, "15/12/2011" in English), whatever
// the browser's locale: <input type="date"> follows the browser (mm/dd/yyyy in an English Chromium) although the
// app is Danish. A date that does not exist is refused at the field (BoundInput's `validate`), the text kept.
import { parseDayFirstDate } from '../../../shared/format/dates';
import { formatDateNumeric, parseIsoDate } from '../../../shared/i18n/format';
import { currentLanguage, t } from '../i18n/i18n';
import { BoundInput } from './BoundInput';

type Props = {
  /** The date as YYYY-MM-DD ('' for none). */
  value: string;
  /** Called with YYYY-MM-DD, or '' when the field was emptied (only when not `required`). */
  onCommit: (iso: string) => void;
  /** Told when the text is not a date (nothing is committed then): a form can refuse to submit the old value. */
  onInvalid?: () => void;
  required?: boolean;
  readOnly?: boolean;
  debounceMs?: number;
  'data-field': string;
  'data-testid'?: string;
  id?: string;
  class?: string;
};

/** What a date field shows for a stored date: day first; a value that is not a date is shown as it is. */
export function showDate(iso: string): string {
  return iso && parseIsoDate(iso) ? formatDateNumeric(iso, currentLanguage()) : iso;
}

export function DateInput({ value, onCommit, onInvalid, required = false, class: className = 'input', ...rest }: Props) {
  const validate = (text: string): string | null => {
    const reason = text.trim() === '' ? (required ? t('firstHour.dateRequired') : null) : parseDayFirstDate(text) === null ? t('firstHour.dateInvalid') : null;
    if (reason !== null) onInvalid?.();
    return reason;
  };
  return (
    <BoundInput
      {...rest}
      class={`${className} input-date`}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('firstHour.datePlaceholder')}
      value={showDate(value)}
      validate={validate}
      onCommit={(text) => onCommit(text.trim() === '' ? '' : (parseDayFirstDate(text) ?? ''))}
    />
  );
}
