// The fixed words of the exported documents, in Danish and English, from the one catalog
// (shared/i18n). The document's own labels (labels.perspective, labels.focusAreas, …) take precedence
// where the strategy gives them.
import type { Labels, StrategyFile } from '../format/schema';
import { translator } from '../i18n';
import type { ExportLanguage } from './typography';

export interface ExportTexts {
  contents: string;
  vision: string;
  principles: string;
  bearings: string;
  perspectives: string;
  focusAreas: string;
  goals: string;
  actionPlans: string;
  aboutDocument: string;
  preparedBy: string;
  commissionedBy: string;
  contact: string;
  version: string;
  date: string;
  status: string;
  period: string;
  page: string;
  of: string;
  // Table columns
  initiative: string;
  focusAreaColumn: string;
  owner: string;
  participants: string;
  businessCase: string;
  budget: string;
  priority: string;
  note: string;
  noteDate: string;
  count: string;
  total: string;
  // Plans and reports
  otherInitiatives: string;
  noInitiatives: string;
  statusReportTitle: string;
  statusAsOf: string;
  overview: string;
  logoAlt: (organisation: string) => string;
  supports: string;
}

// Where the exported document and the app name the same thing, they take the same key (meta.*, kind.*,
// label.*), so Word and the app cannot drift apart; export.* holds the words only the document has.
function textsIn(lang: ExportLanguage): ExportTexts {
  const m = translator(lang);
  return {
    contents: m('export.contents'),
    vision: m('export.vision'),
    principles: m('label.principles'),
    bearings: m('label.bearings'),
    perspectives: m('label.perspectives'),
    focusAreas: m('label.focusAreas'),
    goals: m('export.goals'),
    actionPlans: m('export.actionPlans'),
    aboutDocument: m('export.aboutDocument'),
    preparedBy: m('meta.preparedBy'),
    commissionedBy: m('meta.commissionedBy'),
    contact: m('meta.contact'),
    version: m('export.version'),
    date: m('export.date'),
    status: m('meta.status'),
    period: m('export.period'),
    page: m('export.page'),
    of: m('export.of'),
    initiative: m('kind.initiative'),
    focusAreaColumn: m('export.focusAreaColumn'),
    owner: m('kind.owner'),
    participants: m('export.participants'),
    businessCase: m('plans.details.businessCase'),
    budget: m('export.budget'),
    priority: m('export.priority'),
    note: m('export.note'),
    noteDate: m('export.date'),
    count: m('export.count'),
    total: m('export.total'),
    otherInitiatives: m('export.otherInitiatives'),
    noInitiatives: m('export.noInitiatives'),
    statusReportTitle: m('export.statusReportTitle'),
    statusAsOf: m('export.statusAsOf'),
    overview: m('export.overview'),
    // Danish genitive: an apostrophe after s, x and z ("Lars' logo"), otherwise -s (the catalog's select).
    logoAlt: (organisation) => m('export.logoAlt', { organisation, ending: /[sxz]$/i.test(organisation) ? 'sxz' : 'other' }),
    supports: m('export.supports'),
  };
}

const TEXTS: Record<ExportLanguage, ExportTexts> = { da: textsIn('da'), en: textsIn('en') };

export function exportTexts(lang: ExportLanguage): ExportTexts {
  return TEXTS[lang];
}

/** The words of a strategy's own structure: its labels where it has them, the defaults otherwise. */
export interface StructureWords {
  principles: string;
  bearings: string;
  perspectives: string;
  focusAreas: string;
}

export function structureWords(labels: Labels | undefined, texts: ExportTexts): StructureWords {
  const pick = (value: string | undefined, fallback: string) => (value && value.trim() ? capitalise(value.trim()) : fallback);
  return {
    principles: pick(labels?.principles, texts.principles),
    bearings: pick(labels?.bearings, texts.bearings),
    perspectives: pick(labels?.perspectives, texts.perspectives),
    focusAreas: pick(labels?.focusAreas, texts.focusAreas),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}

export function languageOf(strategy: StrategyFile): ExportLanguage {
  return strategy.meta.language === 'en' ? 'en' : 'da';
}
