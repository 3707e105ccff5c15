// The published text (issue 14): a strategy as if none of its pending suggestions existed, which is what
// the Word export without "med forslag", the PDF and the outline's read-only text show. Suggested
// insertions are left out, suggested deletions kept, suggested formatting not applied: exactly what
// rejecting every suggestion in the app does, because it is the model's own decision
// (shared/model/suggestions.ts, withoutSuggestions), applied to a copy.
import type { Rich, StrategyFile } from '../format/schema';
import { richFieldsOf, suggestionMarksIn } from '../format/suggestions';
import { withoutSuggestions } from '../model/suggestions';
import { proseMirrorToRich, richToProseMirror } from '../richtext/rich';

/** A rich value without its pending suggestions; Markdown again when that is exact. */
export function publishedRich(rich: Rich): Rich {
  if (suggestionMarksIn(rich).length === 0) return rich;
  return proseMirrorToRich(withoutSuggestions(richToProseMirror(rich)));
}

/** A copy of the strategy whose rich fields hold no pending suggestion, and without `suggestions`. */
export function publishedStrategy(strategy: StrategyFile): StrategyFile {
  const holds = [...richFieldsOf(strategy)].some((field) => suggestionMarksIn(field.value).length > 0);
  if (!holds && strategy.suggestions === undefined) return strategy;
  const copy = structuredClone(strategy);
  delete copy.suggestions;
  for (const { holder, field, value } of richFieldsOf(copy)) {
    if (value !== undefined && suggestionMarksIn(value).length > 0) holder[field] = publishedRich(value as Rich);
  }
  return copy;
}
