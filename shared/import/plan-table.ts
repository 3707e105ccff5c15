// Action-plan tables: which table is one (its header names an initiative column and at least one other known
// column), which column is which (by header text, in Danish and English), and each row read as an initiative:
// title and description, focus areas (titles, linked later), owner and participants, months, status, business
// case and budget. Group rows (one cell across the table, e.g. a perspective's name) are skipped.
import type { BusinessCaseStatus, InitiativeStatus } from '../format/schema';
import { BUSINESS_CASE_STATUSES, INITIATIVE_STATUSES } from '../format/schema';
import { businessCaseStatusLabel, formatMonth, initiativeStatusLabel, t, type Lang } from '../i18n';
import { paragraphText, type RawParagraph, type RawTable } from './raw';

export type Column = 'title' | 'focusAreas' | 'owner' | 'participants' | 'period' | 'start' | 'end' | 'status' | 'businessCase' | 'budget' | 'description';

// Order matters: "Indsatsområde" must be a focus-area column before "Indsats…" could be taken for the title.
const COLUMN_PATTERNS: [Column, RegExp][] = [
  ['focusAreas', /indsatsområde|fokusområde|strategisk(e)? mål|focus area|tema/],
  ['participants', /deltager|involverede|inddrage|participants|partners/],
  ['owner', /ansvarlig|ejer|ansvar|owner|responsible|lead/],
  ['start', /^(start|opstart|begin)/],
  ['end', /^(slut|afslut|end|deadline|frist)/],
  ['period', /periode|tidsplan|tidsramme|tid|år|period|timing|when/],
  ['status', /status|state/],
  ['businessCase', /business ?case|gevinst|benefit/],
  ['budget', /budget|økonomi|omkostning|kr\.|finansiering|pris|cost/],
  ['description', /beskrivelse|formål|indhold|description|purpose/],
  ['title', /initiativ|projekt|indsats|tiltag|aktivitet|handling|initiative|project|action/],
];

function columnOf(header: string): Column | undefined {
  const text = header.toLowerCase().trim();
  if (text === '') return undefined;
  return COLUMN_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}

function cellText(paragraphs: RawParagraph[]): string {
  return paragraphs.map(paragraphText).join(' ').replace(/\s+/g, ' ').trim();
}

/** The columns of a table by its first row, or undefined when it is not an action-plan table. */
export function tableColumns(table: RawTable): (Column | undefined)[] | undefined {
  const header = table.rows[0];
  if (!header) return undefined;
  const columns = header.cells.flatMap((cell) => {
    const column = columnOf(cellText(cell.paragraphs));
    return Array.from({ length: cell.colSpan }, (_, i) => (i === 0 ? column : undefined));
  });
  const known = columns.filter((c): c is Column => c !== undefined);
  if (!known.includes('title') || known.length < 2) return undefined;
  if (!known.some((c) => c === 'owner' || c === 'focusAreas' || c === 'period' || c === 'status' || c === 'start')) return undefined;
  return columns;
}

export function isInitiativeTable(table: RawTable): boolean {
  return tableColumns(table) !== undefined;
}

export interface TableInitiative {
  title: string;
  description: RawParagraph[];
  focusAreas: string[];
  owner?: string;
  participants: string[];
  start?: string;
  end?: string;
  status?: InitiativeStatus;
  businessCase?: { status: BusinessCaseStatus; benefit?: string };
  budget?: { amountDkk: number; source?: string };
  /** Titles of initiatives this one supports ("Understøtter: …"). */
  supports: string[];
  /** The text of a group row above it (a perspective's or focus area's name). */
  group?: string;
}

const LANGS: Lang[] = ['da', 'en'];

function labelled(text: string, keys: ('export.participants' | 'export.budget' | 'export.supports')[]): string | undefined {
  for (const key of keys) {
    for (const lang of LANGS) {
      const label = t(lang, key);
      const match = new RegExp(`^${label}\\s*:\\s*`, 'i').exec(text);
      if (match) return text.slice(match[0].length).trim();
    }
  }
  return undefined;
}

function statusOf(text: string): InitiativeStatus | undefined {
  const clean = text.toLowerCase().trim();
  for (const status of INITIATIVE_STATUSES) if (LANGS.some((lang) => initiativeStatusLabel(status, lang).toLowerCase() === clean)) return status;
  if (/^(i gang|igang|igangsat|aktiv|påbegyndt|in progress|ongoing|started)/.test(clean)) return 'active';
  if (/^(afsluttet|færdig|gennemført|udført|implementeret|completed|finished)/.test(clean)) return 'done';
  if (/^(forsinket|bagud|late|behind)/.test(clean)) return 'delayed';
  if (/^(annulleret|aflyst|opgivet|stoppet|droppet|stopped|dropped)/.test(clean)) return 'cancelled';
  if (/^(planlagt|ikke påbegyndt|ikke startet|ny|not started|new)/.test(clean)) return 'planned';
  return undefined;
}

function businessCaseOf(text: string): BusinessCaseStatus | undefined {
  const clean = text.toLowerCase().trim();
  for (const status of BUSINESS_CASE_STATUSES) if (LANGS.some((lang) => businessCaseStatusLabel(status, lang).toLowerCase() === clean)) return status;
  return undefined;
}

/** "1.200.000 kr.", "1,2 mio. kr.", "500 t.kr.", "DKK 1,500,000" → kroner. */
export function parseAmount(text: string): number | undefined {
  const clean = text.replace(/[\u00a0\s]+/g, ' ').toLowerCase();
  const match = /(-?\d[\d.,]*)\s*(mio\.?|million(er)?|mia\.?|t\.? ?kr\.?|tkr\.?|k\b)?/.exec(clean);
  if (!match?.[1]) return undefined;
  let digits = match[1];
  const english = /dkk/.test(clean) && !/kr/.test(clean);
  if (english) digits = digits.replace(/,/g, '');
  else digits = digits.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  const value = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  const unit = match[2] ?? '';
  const factor = unit.startsWith('mia') ? 1e9 : unit.startsWith('mio') || unit.startsWith('million') ? 1e6 : unit ? 1e3 : 1;
  return Math.round(value * factor * 100) / 100;
}

let monthNames: Map<string, number> | undefined;
/** Month names and abbreviations in Danish and English, from the same formatting the export uses. */
function months(): Map<string, number> {
  if (monthNames) return monthNames;
  monthNames = new Map();
  for (let m = 1; m <= 12; m++) {
    const iso = `2000-${String(m).padStart(2, '0')}`;
    for (const lang of LANGS) {
      const short = formatMonth(iso, lang).replace(/[\u00a0\s]*2000$/, '').replace(/\.$/, '').toLowerCase();
      monthNames.set(short, m);
      const long = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
      monthNames.set(long.toLowerCase(), m);
      monthNames.set(long.toLowerCase().slice(0, 3), m);
    }
  }
  return monthNames;
}

function iso(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** One end of a period: "jan. 2011", "januar 2011", "01-2011", "2011", "Q3 2011"; `end` picks the last month of a year or quarter. */
function parseMonthText(text: string, end: boolean): string | undefined {
  const clean = text.toLowerCase().replace(/[\u00a0\s]+/g, ' ').trim();
  let match = /^([a-zæøå]+)\.? (\d{4})$/.exec(clean);
  if (match?.[1] && match[2]) {
    const month = months().get(match[1]);
    return month ? iso(Number(match[2]), month) : undefined;
  }
  match = /^(\d{1,2})[-/.](\d{4})$/.exec(clean) ?? null;
  if (match?.[1] && match[2] && Number(match[1]) >= 1 && Number(match[1]) <= 12) return iso(Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{2})$/.exec(clean);
  if (match?.[1] && match[2]) return iso(Number(match[1]), Number(match[2]));
  match = /^(?:q|kvartal )?([1-4])\.? ?(?:kvt\.?|kvartal|q)? ?(\d{4})$/.exec(clean);
  if (match?.[1] && match[2] && /q|kv/.test(clean)) return iso(Number(match[2]), (Number(match[1]) - 1) * 3 + (end ? 3 : 1));
  match = /^(\d{4})$/.exec(clean);
  if (match?.[1]) return iso(Number(match[1]), end ? 12 : 1);
  return undefined;
}

/** "jan. 2011–jun. 2012", "fra mar. 2011", "til dec. 2012", "2011-2012", "2011". */
export function parsePeriod(text: string): { start?: string; end?: string } {
  const clean = text.replace(/[\u00a0]+/g, ' ').trim();
  const from = /^(fra|from)\s+(.+)$/i.exec(clean);
  if (from?.[2]) {
    const start = parseMonthText(from[2], false);
    return start ? { start } : {};
  }
  const until = /^(til|until|to)\s+(.+)$/i.exec(clean);
  if (until?.[2]) {
    const end = parseMonthText(until[2], true);
    return end ? { end } : {};
  }
  const parts = clean.split(/\s*[–—]\s*|\s+-\s+|(?<=\d{4})-(?=\d{4})|(?<=\d{4})\s*-\s*(?=[a-zæøå])/i);
  if (parts.length === 2 && parts[0] && parts[1]) {
    const start = parseMonthText(parts[0], false);
    const end = parseMonthText(parts[1], true);
    return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  }
  const start = parseMonthText(clean, false);
  const end = parseMonthText(clean, true);
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

/** The rows of an action-plan table as initiatives (columns from tableColumns). */
export function readInitiativeTable(table: RawTable): TableInitiative[] {
  const columns = tableColumns(table);
  if (!columns) return [];
  const width = columns.length;
  const out: TableInitiative[] = [];
  let group: string | undefined;
  for (const row of table.rows.slice(1)) {
    // Cells laid out by their spans, so a column's index is the same in every row.
    const cells: RawParagraph[][] = [];
    for (const cell of row.cells) {
      cells.push(cell.paragraphs);
      for (let i = 1; i < cell.colSpan; i++) cells.push([]);
    }
    const filled = cells.filter((paragraphs) => cellText(paragraphs) !== '');
    if (filled.length === 0) continue;
    if (row.cells.length === 1 && (row.cells[0]?.colSpan ?? 1) >= Math.min(width, 2)) {
      group = cellText(row.cells[0]!.paragraphs);
      continue;
    }
    const initiative: TableInitiative = { title: '', description: [], focusAreas: [], participants: [], supports: [], ...(group ? { group } : {}) };
    columns.forEach((column, i) => {
      const paragraphs = (cells[i] ?? []).filter((p) => paragraphText(p).trim() !== '');
      if (!column || paragraphs.length === 0) return;
      const texts = paragraphs.map((p) => paragraphText(p).replace(/\s+/g, ' ').trim());
      switch (column) {
        case 'title': {
          initiative.title = texts[0] ?? '';
          for (const [j, paragraph] of paragraphs.slice(1).entries()) {
            const supports = labelled(texts[j + 1] ?? '', ['export.supports']);
            if (supports !== undefined) initiative.supports.push(...supports.split(/\s*;\s*/).filter(Boolean));
            else initiative.description.push(paragraph);
          }
          break;
        }
        case 'description':
          initiative.description.push(...paragraphs);
          break;
        case 'focusAreas':
          initiative.focusAreas.push(...texts);
          break;
        case 'owner':
          for (const text of texts) {
            const participants = labelled(text, ['export.participants']);
            if (participants !== undefined) initiative.participants.push(participants);
            else if (initiative.owner === undefined) initiative.owner = text;
            else initiative.participants.push(text);
          }
          break;
        case 'participants':
          initiative.participants.push(...texts);
          break;
        case 'period':
          Object.assign(initiative, parsePeriod(texts.join(' ')));
          break;
        case 'start': {
          const start = parsePeriod(texts.join(' ')).start;
          if (start) initiative.start = start;
          break;
        }
        case 'end': {
          const end = parsePeriod(texts.join(' ')).end;
          if (end) initiative.end = end;
          break;
        }
        case 'status': {
          const status = statusOf(texts[0] ?? '');
          if (status) initiative.status = status;
          break;
        }
        case 'businessCase':
        case 'budget':
          for (const text of texts) {
            const budget = labelled(text, ['export.budget']) ?? (column === 'budget' ? text : undefined);
            if (budget !== undefined) {
              const amount = parseAmount(budget);
              const source = /\(([^)]+)\)\s*$/.exec(budget)?.[1];
              if (amount !== undefined) initiative.budget = { amountDkk: amount, ...(source ? { source } : {}) };
              continue;
            }
            const status = businessCaseOf(text);
            if (status) initiative.businessCase = { status };
            else if (initiative.businessCase && initiative.businessCase.benefit === undefined) initiative.businessCase.benefit = text;
            else initiative.businessCase = { status: 'draft', benefit: text };
          }
          break;
      }
    });
    if (initiative.title !== '') out.push(initiative);
  }
  return out;
}
