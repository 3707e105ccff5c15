// Pending suggestions between the live document and the interchange file (format v3, docs/format.md):
// the marks travel inside the rich fields' ProseMirror JSON as they are; this is their metadata, the
// root map `suggestions` (./suggestions.ts) ⇄ the file's `suggestions` list, the suggested titles and
// goals (./field-suggestions.ts) ⇄ `fieldSuggestions`, and the version a file needs. ./interchange.ts
// calls it on import and export.
import type * as Y from 'yjs';
import { isDateTime } from '../format/dates';
import { LATEST_VERSION, type FieldSuggestionInfo, type StrategyFile, type SuggestionInfo } from '../format/schema';
import { META_TARGET, richFieldsOf, suggestionIdsIn, suggestionKey, type SuggestionId } from '../format/suggestions';
import { FieldSuggestions } from './field-suggestions';
import { IMPORT_ORIGIN, META_ID } from './model-constants';
import type { StrategyModel } from './strategy-model';
import { readSuggestion, suggestionsMap } from './suggestions';

/** A moment as the format writes it (ISO 8601 with its zone); undefined for a value that is none. */
function moment(value: string): string | undefined {
  if (isDateTime(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The suggested new texts of typed fields, oldest first, as the file holds them. */
function exportFieldSuggestions(model: StrategyModel): FieldSuggestionInfo[] {
  return new FieldSuggestions(model).list().map((s) => {
    const date = moment(s.at);
    return {
      id: s.id,
      target: { id: s.itemId === META_ID ? META_TARGET : s.itemId, field: s.field },
      text: s.text,
      author: s.authorName,
      authorId: s.authorId,
      ...(date ? { date } : {}),
    };
  });
}

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
    const date = moment(meta.at);
    return { id, author: meta.authorName, authorId: meta.authorId, ...(date ? { date } : {}) };
  });
}

/** Sets `suggestions`, `fieldSuggestions` and the version on an exported file: 3 with suggestions, else the file stays version 2. */
export function attachSuggestions(model: StrategyModel, file: StrategyFile): void {
  const suggestions = exportSuggestions(model.doc, file);
  const fieldSuggestions = exportFieldSuggestions(model);
  if (suggestions.length === 0 && fieldSuggestions.length === 0) return;
  file.formatVersion = LATEST_VERSION as StrategyFile['formatVersion'];
  if (suggestions.length > 0) file.suggestions = suggestions;
  if (fieldSuggestions.length > 0) file.fieldSuggestions = fieldSuggestions;
}

/**
 * Writes the file's suggestion metadata into the root map (inside the import's transaction). A file
 * without an author id groups the author's suggestions by name; one without a time is dated `now`.
 */
export function importSuggestions(model: StrategyModel, file: StrategyFile, now: Date = new Date()): void {
  const map = suggestionsMap(model.doc);
  for (const s of file.suggestions ?? []) {
    const id = String(s.id);
    if (map.has(id)) continue;
    map.set(id, { authorId: s.authorId ?? (s.author || '?'), authorName: s.author, at: s.date ?? now.toISOString() });
  }
  const fields = new FieldSuggestions(model, { origin: IMPORT_ORIGIN });
  for (const s of file.fieldSuggestions ?? []) {
    fields.suggest({
      id: s.id,
      itemId: s.target.id === META_TARGET ? META_ID : s.target.id,
      field: s.target.field,
      text: s.text,
      author: { id: s.authorId ?? (s.author || '?'), name: s.author },
      at: s.date ?? now.toISOString(),
    });
  }
}
