// `pending-suggestions`: a rich-text field holding suggestions nobody has accepted or rejected yet (issue 14,
// interchange format v3). One warning per field, on the field's item, with the field's JSON pointer: the
// message names the field, how many suggestions it holds and by whom, in the app's words for the field and
// the item ("Teksten i indsatsområdet »Selvbetjening« har 2 ventende forslag fra Bo Lind og Anna Holm").
import type { Lang } from '../format/messages';
import type { StrategyFile } from '../format/schema';
import { richFieldsOf, suggestionIdsIn, suggestionKey } from '../format/suggestions';
import { localeOf, t as message, type MessageKey } from '../i18n/messages';
import { SEVERITY, type Finding } from './finding';

const FIELD_NAMES: Record<string, MessageKey> = {
  statement: 'publishing.field.statement',
  body: 'publishing.field.body',
  intro: 'publishing.field.intro',
  description: 'publishing.field.description',
};

/** "Bo Lind og Anna Holm": Intl's list of the language (format.ts has no list of names; Intl has). */
function names(list: string[], lang: Lang): string {
  return new Intl.ListFormat(localeOf(lang), { type: 'conjunction' }).format(list);
}

/** One warning per field with pending suggestions, in document order; `describe` names an item as the other findings do. */
export function pendingSuggestionFindings(strategy: StrategyFile, lang: Lang, describe: (id: string) => string | undefined): Finding[] {
  const entries = strategy.suggestions ?? [];
  if (entries.length === 0) return []; // a valid file without the list holds no suggestion marks
  const authorOf = new Map(entries.map((s) => [suggestionKey(s.id), s.author.trim()]));
  const findings: Finding[] = [];
  for (const { id, field, path, value } of richFieldsOf(strategy)) {
    const ids = suggestionIdsIn(value);
    if (ids.length === 0) continue;
    const authors = [...new Set(ids.map((s) => authorOf.get(suggestionKey(s)) || message(lang, 'suggestionsExport.check.unknownAuthor')))];
    const where = id === 'vision' ? message(lang, 'publishing.where.vision') : message(lang, 'publishing.where.item', { item: describe(id) ?? id });
    findings.push({
      code: 'pending-suggestions',
      severity: SEVERITY['pending-suggestions'],
      id,
      path,
      message: message(lang, 'suggestionsExport.check.pending', {
        field: message(lang, FIELD_NAMES[field] ?? 'publishing.field.body'),
        where,
        count: ids.length,
        authors: names(authors, lang),
      }),
    });
  }
  return findings;
}
