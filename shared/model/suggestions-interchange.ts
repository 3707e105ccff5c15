// Pending suggestions between the live document and the interchange file (format v3, docs/format.md):
// the marks travel inside the rich fields' ProseMirror JSON as they are; this is their metadata, the
// root map `suggestions` (./suggestions.ts) ⇄ the file's `suggestions` list, and the version a file
// needs. ./interchange.ts calls it on import and export.
import type * as Y from 'yjs';
import { isDateTime } from '../format/dates';
import { LATEST_VERSION, type StrategyFile, type SuggestionInfo } from '../format/schema';
import { richFieldsOf, suggestionIdsIn, suggestionKey, type SuggestionId } from '../format/suggestions';
import { readSuggestion, suggestionsMap } from './suggestions';

/**
 * The entries of the file's `suggestions`: one per suggestion its rich fields hold, in order of first
 * appearance. A mark whose metadata has not arrived (or was never written) still gets an entry, with an
 * empty author and no time, so the file holds every pending suggestion and validates.
 */
export function exportSuggestions(doc: Y.Doc, file: StrategyFile): SuggestionInfo[] {
  const ids = new Map<string, SuggestionId>();
  for (const field of richFieldsOf(file)) {
    for (const id of suggestionIdsIn(field.value)) if (!ids.has(suggestionKey(id))) ids.set(suggestionKey(id), id);
  }
  return [...ids.values()].map((id) => {
    const meta = readSuggestion(doc, String(id));
    if (!meta) return { id, author: '' };
    const date = isDateTime(meta.at) ? meta.at : new Date(meta.at).toISOString();
    return { id, author: meta.authorName, authorId: meta.authorId, date };
  });
}

/** Sets `suggestions` and the version on an exported file: 3 with suggestions, else the file stays version 2. */
export function attachSuggestions(doc: Y.Doc, file: StrategyFile): void {
  const suggestions = exportSuggestions(doc, file);
  if (suggestions.length === 0) return;
  file.formatVersion = LATEST_VERSION as StrategyFile['formatVersion'];
  file.suggestions = suggestions;
}

/**
 * Writes the file's suggestion metadata into the root map (inside the import's transaction). A file
 * without an author id groups the author's suggestions by name; one without a time is dated `now`.
 */
export function importSuggestions(doc: Y.Doc, file: StrategyFile, now: Date = new Date()): void {
  const map = suggestionsMap(doc);
  for (const s of file.suggestions ?? []) {
    const id = String(s.id);
    if (map.has(id)) continue;
    map.set(id, { authorId: s.authorId ?? (s.author || '?'), authorName: s.author, at: s.date ?? now.toISOString() });
  }
}
