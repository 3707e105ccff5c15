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
