// The fixed words of the exported documents, in Danish and English. The document's own labels
// (labels.perspective, labels.focusAreas, …) take precedence where the strategy gives them.
import type { Labels, StrategyFile } from '../format/schema';
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

const DA: ExportTexts = {
  contents: 'Indhold',
  vision: 'Vision',
  principles: 'Principper',
  bearings: 'Pejlemærker',
  perspectives: 'Perspektiver',
  focusAreas: 'Indsatsområder',
  goals: 'Målsætninger',
  actionPlans: 'Handlingsplaner',
  aboutDocument: 'Om strategien',
  preparedBy: 'Udarbejdet af',
  commissionedBy: 'Opdragsgiver',
  contact: 'Kontakt',
  version: 'Version',
  date: 'Dato',
  status: 'Status',
  period: 'Periode',
  page: 'Side',
  of: 'af',
  initiative: 'Initiativ',
  focusAreaColumn: 'Indsatsområde(r)',
  owner: 'Ansvarlig',
  participants: 'Deltagere',
  businessCase: 'Business case',
  budget: 'Budget',
  priority: 'Prioritet',
  note: 'Seneste bemærkning',
  noteDate: 'Dato',
  count: 'Antal',
  total: 'I alt',
  otherInitiatives: 'Initiativer uden indsatsområde',
  noInitiatives: 'Handlingsplanen har endnu ingen initiativer.',
  statusReportTitle: 'Status på implementering',
  statusAsOf: 'Opgjort pr.',
  overview: 'Overblik',
  // Danish genitive: an apostrophe after s, x and z ("Lars' logo"), otherwise -s.
  logoAlt: (organisation) => `${organisation}${/[sxz]$/i.test(organisation) ? "'" : 's'} logo`,
  supports: 'Understøtter',
};

const EN: ExportTexts = {
  contents: 'Contents',
  vision: 'Vision',
  principles: 'Principles',
  bearings: 'Bearings',
  perspectives: 'Perspectives',
  focusAreas: 'Focus areas',
  goals: 'Goals',
  actionPlans: 'Action plans',
  aboutDocument: 'About this strategy',
  preparedBy: 'Prepared by',
  commissionedBy: 'Commissioned by',
  contact: 'Contact',
  version: 'Version',
  date: 'Date',
  status: 'Status',
  period: 'Period',
  page: 'Page',
  of: 'of',
  initiative: 'Initiative',
  focusAreaColumn: 'Focus area(s)',
  owner: 'Owner',
  participants: 'Participants',
  businessCase: 'Business case',
  budget: 'Budget',
  priority: 'Priority',
  note: 'Latest note',
  noteDate: 'Date',
  count: 'Count',
  total: 'Total',
  otherInitiatives: 'Initiatives without a focus area',
  noInitiatives: 'The action plan has no initiatives yet.',
  statusReportTitle: 'Implementation status',
  statusAsOf: 'As of',
  overview: 'Overview',
  logoAlt: (organisation) => `Logo of ${organisation}`,
  supports: 'Supports',
};

export function exportTexts(lang: ExportLanguage): ExportTexts {
  return lang === 'en' ? EN : DA;
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
