// Rules of the pending suggestions (interchange format v3) beyond their schema: only a version 3 file holds
// them; each suggestion mark in rich text names an entry of `suggestions` (who made it and when), each
// entry's id is there once, and its moment exists. Like ./comment-rules.ts they run on the raw input, so
// every mistake of a file is listed at once, each with its JSON pointer.
import { t as message } from '../i18n/messages';
import { DATE_TIME_SHAPE, isDateTime } from './dates';
import type { Lang } from './messages';
import type { Problem } from './problem';
import type { ItemKindName } from './comment-rules';
import { FIELD_SUGGESTION_FIELDS, isSuggestionId, META_TARGET, richFieldsOf, suggestionKey, suggestionMarksIn, SUGGESTIONS_VERSION } from './suggestions';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Problems of the suggestions and their marks; `root` is the parsed JSON (any shape), `items` its items' kinds. */
export function suggestionProblems(root: Obj, items: ReadonlyMap<string, ItemKindName>, lang: Lang): Problem[] {
  const problems: Problem[] = [];
  const version = root.formatVersion;
  const versioned = typeof version === 'number' && version >= SUGGESTIONS_VERSION;
  for (const key of ['suggestions', 'fieldSuggestions']) {
    if (key in root && typeof version === 'number' && !versioned) {
      problems.push({ path: `/${key}`, message: message(lang, 'suggestionsExport.format.needsVersion3', { version: SUGGESTIONS_VERSION }) });
    }
  }
  // The declared suggestions: id → where it is declared.
  const declared = new Map<string, string>();
  arr(root.suggestions).forEach((entry, i) => {
    if (!isObj(entry)) return;
    const at = `/suggestions/${i}`;
    if (isSuggestionId(entry.id)) {
      const key = suggestionKey(entry.id);
      const earlier = declared.get(key);
      if (earlier !== undefined) problems.push({ path: `${at}/id`, message: message(lang, 'suggestionsExport.format.duplicate', { id: JSON.stringify(entry.id), earlier }) });
      else declared.set(key, `${at}/id`);
    }
    const date = entry.date;
    if (typeof date === 'string' && DATE_TIME_SHAPE.test(date) && !isDateTime(date)) {
      problems.push({ path: `${at}/date`, message: message(lang, 'comments.format.impossibleMoment', { value: date }) });
    }
  });
  arr(root.fieldSuggestions).forEach((entry, i) => {
    if (!isObj(entry)) return;
    const at = `/fieldSuggestions/${i}`;
    if (typeof entry.id === 'string' && entry.id !== '') {
      const key = suggestionKey(entry.id);
      const earlier = declared.get(key);
      if (earlier !== undefined) problems.push({ path: `${at}/id`, message: message(lang, 'suggestionsExport.format.duplicate', { id: JSON.stringify(entry.id), earlier }) });
      else declared.set(key, `${at}/id`);
    }
    const target = isObj(entry.target) ? entry.target : undefined;
    if (target && typeof target.id === 'string' && target.id !== '') {
      const kind = target.id === META_TARGET ? META_TARGET : items.get(target.id);
      if (kind === undefined) {
        problems.push({ path: `${at}/target/id`, message: message(lang, 'suggestionsExport.format.targetMissing', { id: JSON.stringify(target.id), meta: META_TARGET }) });
      } else if (typeof target.field === 'string' && target.field !== '' && !(FIELD_SUGGESTION_FIELDS[kind] ?? []).includes(target.field)) {
        const fields = (FIELD_SUGGESTION_FIELDS[kind] ?? []).join(', ');
        problems.push({ path: `${at}/target/field`, message: message(lang, 'suggestionsExport.format.fieldUnknown', { id: JSON.stringify(target.id), field: JSON.stringify(target.field), fields }) });
      }
    }
    const date = entry.date;
    if (typeof date === 'string' && DATE_TIME_SHAPE.test(date) && !isDateTime(date)) {
      problems.push({ path: `${at}/date`, message: message(lang, 'comments.format.impossibleMoment', { value: date }) });
    }
  });
  for (const field of richFieldsOf(root)) {
    for (const mark of suggestionMarksIn(field.value, field.path)) {
      if (!isSuggestionId(mark.id)) {
        problems.push({ path: `${mark.path}/attrs/id`, message: message(lang, 'suggestionsExport.format.markNeedsId', { type: mark.type }) });
      } else if (!declared.has(suggestionKey(mark.id))) {
        problems.push({
          path: `${mark.path}/attrs/id`,
          message: message(lang, 'suggestionsExport.format.markUnknown', { type: mark.type, id: JSON.stringify(mark.id), versioned: versioned ? 'yes' : 'no' }),
        });
      }
    }
  }
  return problems;
}
