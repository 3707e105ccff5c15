// Danish (and English) typography for the published document: dates, months, amounts, quotes and
// the words for statuses. Pure functions; no locale data from the runtime (Intl differs between
// Node builds and Electron), so the output is the same everywhere.
import type { BusinessCaseStatus, InitiativeStatus, PlanKind, StrategyStatus } from '../format/schema';

export type ExportLanguage = 'da' | 'en';

const MONTHS: Record<ExportLanguage, readonly string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const SHORT_MONTHS: Record<ExportLanguage, readonly string[]> = {
  da: ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not a date (YYYY-MM-DD): '${iso}'`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "2010-06-02" → "2. juni 2010" (Danish) or "2 June 2010" (English). */
export function formatDate(iso: string, lang: ExportLanguage = 'da'): string {
  const { year, month, day } = parseIsoDate(iso);
  const name = MONTHS[lang][month - 1];
  if (!name) throw new Error(`Not a month: '${iso}'`);
  return lang === 'da' ? `${day}. ${name} ${year}` : `${day} ${name} ${year}`;
}

/** A Date as "YYYY-MM-DD" in local time (the date a person reading the document would say). */
export function isoDateOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2011-03" → "mar. 2011". */
export function formatMonth(isoMonth: string, lang: ExportLanguage = 'da'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  const name = match ? SHORT_MONTHS[lang][Number(match[2]) - 1] : undefined;
  if (!match || !name) throw new Error(`Not a month (YYYY-MM): '${isoMonth}'`);
  return `${name} ${match[1]}`;
}

/** A span of years with an en dash: "2010–2014"; one year alone when from = to. */
export function formatYears(period: { from: number; to: number }): string {
  return period.from === period.to ? String(period.from) : `${period.from}–${period.to}`;
}

/** An initiative's months: "jan. 2011–dec. 2012", "fra mar. 2011", "til dec. 2012", or '' when neither is known. */
export function formatMonthSpan(start: string | undefined, end: string | undefined, lang: ExportLanguage = 'da'): string {
  if (start && end) return start === end ? formatMonth(start, lang) : `${formatMonth(start, lang)}–${formatMonth(end, lang)}`;
  if (start) return `${lang === 'da' ? 'fra' : 'from'} ${formatMonth(start, lang)}`;
  if (end) return `${lang === 'da' ? 'til' : 'until'} ${formatMonth(end, lang)}`;
  return '';
}

/** Groups the digits of a whole number by three with a separator: 1500000 → "1.500.000". */
function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * An amount in Danish kroner: 1500000 → "1.500.000 kr." (Danish) or "DKK 1,500,000" (English).
 * Øre are shown only when the amount has them: 1234.5 → "1.234,50 kr.".
 */
export function formatAmountDkk(amount: number, lang: ExportLanguage = 'da'): string {
  if (!Number.isFinite(amount)) throw new Error(`Not an amount: ${amount}`);
  const negative = amount < 0;
  const cents = Math.round(Math.abs(amount) * 100);
  const whole = groupThousands(String(Math.floor(cents / 100)), lang === 'da' ? '.' : ',');
  const fraction = cents % 100 === 0 ? '' : (lang === 'da' ? ',' : '.') + String(cents % 100).padStart(2, '0');
  const sign = negative ? '−' : '';
  return lang === 'da' ? `${sign}${whole}${fraction} kr.` : `${sign}DKK ${whole}${fraction}`;
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

const INITIATIVE_STATUS: Record<ExportLanguage, Record<InitiativeStatus, string>> = {
  da: { planned: 'Planlagt', active: 'I gang', done: 'Gennemført', delayed: 'Forsinket', cancelled: 'Annulleret' },
  en: { planned: 'Planned', active: 'In progress', done: 'Completed', delayed: 'Delayed', cancelled: 'Cancelled' },
};

export function initiativeStatusLabel(status: InitiativeStatus, lang: ExportLanguage = 'da'): string {
  return INITIATIVE_STATUS[lang][status];
}

const STRATEGY_STATUS: Record<ExportLanguage, Record<StrategyStatus, string>> = {
  da: { draft: 'Udkast', consultation: 'I høring', adopted: 'Vedtaget' },
  en: { draft: 'Draft', consultation: 'In consultation', adopted: 'Adopted' },
};

export function strategyStatusLabel(status: StrategyStatus, lang: ExportLanguage = 'da'): string {
  return STRATEGY_STATUS[lang][status];
}

const BUSINESS_CASE_STATUS: Record<ExportLanguage, Record<BusinessCaseStatus, string>> = {
  da: { none: 'Ingen', draft: 'Under udarbejdelse', approved: 'Godkendt' },
  en: { none: 'None', draft: 'In preparation', approved: 'Approved' },
};

export function businessCaseStatusLabel(status: BusinessCaseStatus, lang: ExportLanguage = 'da'): string {
  return BUSINESS_CASE_STATUS[lang][status];
}

const PLAN_KIND: Record<ExportLanguage, Record<PlanKind, string>> = {
  da: { common: 'Fælles handlingsplan', local: 'Lokal handlingsplan', transition: 'Overgangshandlingsplan' },
  en: { common: 'Common action plan', local: 'Local action plan', transition: 'Transitional action plan' },
};

export function planKindLabel(kind: PlanKind, lang: ExportLanguage = 'da'): string {
  return PLAN_KIND[lang][kind];
}
