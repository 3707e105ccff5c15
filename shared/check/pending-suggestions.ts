// `pending-suggestions`: a field holding suggestions nobody has accepted or rejected yet (issue 14, interchange
// format v3): a rich-text field with suggestion marks, or a title, goal or other typed field with suggested
// new texts. One warning per field, on the field's item, with the field's JSON pointer: the message names the
// field, how many suggestions it holds and by whom, in the app's words for the field and the item
// ("Teksten i indsatsområdet "Selvbetjening" har 2 ventende forslag fra Bo Lind og Anna Holm.").
import type { Lang } from '../format/messages';
import type { StrategyFile } from '../format/schema';
import { META_TARGET, richFieldsOf, suggestionIdsIn, suggestionKey } from '../format/suggestions';
import { localeOf, t as message, type MessageKey } from '../i18n/messages';
import { SEVERITY, type Finding } from './finding';

const FIELD_NAMES: Record<string, MessageKey> = {
  statement: 'publishing.field.statement',
  body: 'publishing.field.body',
  intro: 'publishing.field.intro',
  description: 'publishing.field.description',
  subtitle: 'publishing.field.subtitle',
  text: 'publishing.field.text',
  title: 'suggestionsExport.field.title',
  organisation: 'suggestionsExport.field.organisation',
  version: 'suggestionsExport.field.version',
  preparedBy: 'suggestionsExport.field.preparedBy',
  commissionedBy: 'suggestionsExport.field.commissionedBy',
  contact: 'suggestionsExport.field.contact',
  name: 'suggestionsExport.field.name',
  email: 'suggestionsExport.field.email',
  businessCaseBenefit: 'suggestionsExport.field.businessCaseBenefit',
  budgetSource: 'suggestionsExport.field.budgetSource',
};

/** Where the file holds a typed field the app names otherwise (the rest have the same name in both). */
const FILE_PATH: Record<string, string> = { businessCaseBenefit: 'businessCase/benefit', budgetSource: 'budget/source' };

/** What the check needs to know of an item: its words ("et indsatsområde "Selvbetjening"") and its pointer. */
export interface SuggestionItem {
  label: string;
  path: string;
}

/** "Bo Lind og Anna Holm": Intl's list of the language (format.ts has no list of names; Intl has). */
function names(list: string[], lang: Lang): string {
  return new Intl.ListFormat(localeOf(lang), { type: 'conjunction' }).format(list);
}

/** One warning per field with pending suggestions, in document order (typed fields after rich text). */
export function pendingSuggestionFindings(strategy: StrategyFile, lang: Lang, itemOf: (id: string) => SuggestionItem | undefined): Finding[] {
  const entries = strategy.suggestions ?? [];
  const authorOf = new Map(entries.map((s) => [suggestionKey(s.id), s.author.trim()]));
  const unknown = message(lang, 'suggestionsExport.check.unknownAuthor');
  const findings: Finding[] = [];
  // A goal is named by its focus area ("Målsætningen i et indsatsområde "Selvbetjening""): its text is the field.
  const goalHome = new Map<string, string>();
  for (const p of strategy.perspectives) for (const f of p.focusAreas) for (const g of f.goals ?? []) goalHome.set(g.id, f.id);
  const add = (id: string, field: string, path: string, count: number, authors: string[]): void => {
    const named = goalHome.get(id) ?? id;
    const where =
      id === 'vision'
        ? message(lang, 'publishing.where.vision')
        : id === META_TARGET
          ? message(lang, 'publishing.where.meta')
          : message(lang, 'publishing.where.item', { item: itemOf(named)?.label ?? id });
    findings.push({
      code: 'pending-suggestions',
      severity: SEVERITY['pending-suggestions'],
      id,
      path,
      message: message(lang, 'suggestionsExport.check.pending', {
        field: message(lang, FIELD_NAMES[field] ?? 'publishing.field.body'),
        where,
        count,
        authors: names([...new Set(authors.map((a) => a.trim() || unknown))], lang),
      }),
    });
  };
  // A valid file without the list holds no suggestion marks.
  if (entries.length > 0) {
    for (const { id, field, path, value } of richFieldsOf(strategy)) {
      const ids = suggestionIdsIn(value);
      if (ids.length > 0) add(id, field, path, ids.length, ids.map((s) => authorOf.get(suggestionKey(s)) ?? ''));
    }
  }
  // Suggested new texts of titles and goals, one finding per field, in the order the file lists them.
  const byField = new Map<string, { id: string; field: string; authors: string[] }>();
  for (const s of strategy.fieldSuggestions ?? []) {
    const key = `${s.target.id}\u0000${s.target.field}`;
    const entry = byField.get(key) ?? { id: s.target.id, field: s.target.field, authors: [] };
    entry.authors.push(s.author);
    byField.set(key, entry);
  }
  for (const { id, field, authors } of byField.values()) {
    const base = id === META_TARGET ? '/meta' : itemOf(id)?.path;
    if (base === undefined) continue; // a suggestion on nothing: validation refuses it
    add(id, field, `${base}/${FILE_PATH[field] ?? field}`, authors.length, authors);
  }
  return findings;
}
