// The import report: what went where (perspectives, focus areas with their goals, free sections, plans,
// owners), what was set aside (cover, table of contents, typed page lines) and what needs a look (a focus
// area an initiative names that the document does not have, no vision found). Worded from the catalog.
import type { SectionPlacement } from '../format/schema';
import { t, type Lang } from '../i18n';

export type ReportEntry =
  | { kind: 'vision'; principles: number; bearings: number }
  | { kind: 'noVision' }
  | { kind: 'perspective'; title: string; hidden: boolean; focusAreas: number }
  | { kind: 'focusArea'; title: string; perspective: string; goals: number }
  | { kind: 'section'; title: string; placement: SectionPlacement }
  | { kind: 'plan'; title: string; initiatives: number }
  | { kind: 'owners'; count: number; names: string[] }
  | { kind: 'unmatchedFocusArea'; initiative: string; text: string }
  | { kind: 'comments'; placed: number; unplaced: number }
  | { kind: 'ignored'; titles: string[] }
  | { kind: 'setAside'; cover: number; toc: number; page: number; about: number };

export interface ImportReport {
  entries: ReportEntry[];
}

// A perspective and its focus areas share a rank, so the focus areas stay listed under their perspective.
const ORDER: ReportEntry['kind'][][] = [['vision'], ['noVision'], ['perspective', 'focusArea'], ['section'], ['plan'], ['owners'], ['comments'], ['unmatchedFocusArea'], ['ignored'], ['setAside']];
const rank = (kind: ReportEntry['kind']) => ORDER.findIndex((kinds) => kinds.includes(kind));

/** The report as lines, most important first: the structure, then free sections, plans, then what needs a look. */
export function formatReport(report: ImportReport, lang: Lang): string[] {
  const entries = [...report.entries].sort((a, b) => rank(a.kind) - rank(b.kind));
  const lines: string[] = [];
  for (const entry of entries) {
    switch (entry.kind) {
      case 'vision':
        lines.push(t(lang, 'wordImport.report.vision', { principles: entry.principles, bearings: entry.bearings }));
        break;
      case 'noVision':
        lines.push(t(lang, 'wordImport.report.noVision'));
        break;
      case 'perspective':
        lines.push(t(lang, entry.hidden ? 'wordImport.report.hiddenPerspective' : 'wordImport.report.perspective', { title: entry.title, count: entry.focusAreas }));
        break;
      case 'focusArea':
        lines.push(t(lang, 'wordImport.report.focusArea', { title: entry.title, goals: entry.goals }));
        break;
      case 'section':
        lines.push(t(lang, 'wordImport.report.section', { title: entry.title, placement: entry.placement }));
        break;
      case 'plan':
        lines.push(t(lang, 'wordImport.report.plan', { title: entry.title, count: entry.initiatives }));
        break;
      case 'owners':
        lines.push(t(lang, 'wordImport.report.owners', { count: entry.count, names: entry.names.join(', ') }));
        break;
      case 'unmatchedFocusArea':
        lines.push(t(lang, 'wordImport.report.unmatchedFocusArea', { initiative: entry.initiative, text: entry.text }));
        break;
      case 'comments':
        lines.push(t(lang, 'wordImport.report.comments', { placed: entry.placed, unplaced: entry.unplaced }));
        break;
      case 'ignored':
        lines.push(t(lang, 'wordImport.report.ignored', { count: entry.titles.length, titles: entry.titles.join(', ') }));
        break;
      case 'setAside':
        lines.push(
          t(lang, 'wordImport.report.setAside', {
            parts: (['cover', 'toc', 'page', 'about'] as const)
              .filter((part) => entry[part] > 0)
              .map((part) => t(lang, `wordImport.report.setAside.${part}`, { count: entry[part] }))
              .join(', '),
          }),
        );
        break;
    }
  }
  return lines;
}
