// UI strings: every visible text goes through t(key, params). Danish is the default; English is a
// full translation (the type of `en` requires every Danish key).
import { useEffect, useState } from 'preact/hooks';
import { da, type MessageKey } from './da';
import { en } from './en';
import { getSettings, onSettingsChange, type Language } from '../settings/settings';

export type { MessageKey };
export type Params = Record<string, string | number>;

const catalogs: Record<Language, Record<MessageKey, string>> = { da, en };

function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function currentLanguage(): Language {
  return getSettings().language;
}

/** The text of a message in the current language. */
export function t(key: MessageKey, params?: Params): string {
  return format(catalogs[currentLanguage()][key], params);
}

/** A number with Danish or English grouping. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'da' ? 'da-DK' : 'en-GB').format(value);
}

/** A timestamp as "21. november 2025 kl. 14.05" (Danish) or "21 November 2025 at 14:05". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(date);
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
