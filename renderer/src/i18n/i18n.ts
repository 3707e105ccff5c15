// UI strings: every visible text goes through t(key, params), a thin wrapper over the one catalog in
// shared/i18n bound to the current UI language (settings). Danish is the default.
import { useEffect, useState } from 'preact/hooks';
import { t as translate, formatDateTime as formatMoment, formatNumber as formatNumberIn, type MessageKey, type MessageParams } from '../../../shared/i18n';
import { getSettings, onSettingsChange, type Language } from '../settings/settings';

export type { MessageKey };
export type Params = MessageParams;

export function currentLanguage(): Language {
  return getSettings().language;
}

/** The text of a message in the current language. */
export function t(key: MessageKey, params?: Params): string {
  return translate(currentLanguage(), key, params);
}

/** A number with Danish or English grouping. */
export function formatNumber(value: number): string {
  return formatNumberIn(value, currentLanguage());
}

/** A timestamp as "21. november 2025 kl. 14.05" (Danish) or "21 November 2025 at 14:05". */
export function formatDateTime(iso: string): string {
  return formatMoment(iso, currentLanguage());
}

/** Re-renders the calling component when the language changes; returns the language. */
export function useLanguage(): Language {
  const [language, setLanguage] = useState(currentLanguage());
  useEffect(() => onSettingsChange((settings) => setLanguage(settings.language)), []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return language;
}
