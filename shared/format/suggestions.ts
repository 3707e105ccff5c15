// Suggestions (issue 14) in the interchange format, version 3: a rich-text field's pending suggestions
// are the marks `insertion`, `deletion` and `modification` of the editor's schema (the names and attrs of
// @handlewithcare/prosemirror-suggest-changes) in its ProseMirror JSON, and the file's `suggestions` list
// says who made each one and when. This module finds those marks in the raw file (every rich field, with
// its JSON pointer) for the rules of ./extra-rules.ts, the checks and the Word export; docs/format.md
// describes the format for people.

/** The mark types of a pending suggestion. */
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionMarkType = (typeof SUGGESTION_MARKS)[number];

/** A suggestion's id as the marks carry it: the editor's ids are strings or whole numbers. */
export type SuggestionId = string | number;

/** The target id of a suggestion for one of the cover's fields (the strategy's title, subtitle, …). */
export const META_TARGET = 'meta';

/**
 * The typed text fields a field suggestion may be for, per kind of item (the app's own names, which are
 * the model's text keys: shared/model/layout.ts COLLECTIONS, held equal by test/unit/format/suggestions.test.ts).
 */
export const FIELD_SUGGESTION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  meta: ['title', 'organisation', 'subtitle', 'version', 'preparedBy', 'commissionedBy', 'contact'],
  section: ['title'],
  principle: ['title'],
  bearing: ['title'],
  perspective: ['title'],
  focusArea: ['title'],
  goal: ['text'],
  owner: ['name', 'email'],
  actionPlan: ['title'],
  initiative: ['title', 'businessCaseBenefit', 'budgetSource'],
};

/** The version that added `suggestions` (and suggestion marks in rich text). */
export const SUGGESTIONS_VERSION = 3;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function isSuggestionMarkType(type: unknown): type is SuggestionMarkType {
  return typeof type === 'string' && (SUGGESTION_MARKS as readonly string[]).includes(type);
}

/** A key for a suggestion id that keeps 1 and "1" apart. */
export function suggestionKey(id: SuggestionId): string {
  return typeof id === 'number' ? `#${id}` : `s:${id}`;
}

/** A rich-text field of a file: the item it belongs to ("vision" for the vision), its key and pointer. */
export interface RichFieldRef {
  id: string;
  field: 'statement' | 'body' | 'intro' | 'description';
  path: string;
  value: unknown;
  /** The object holding the field (`holder[field]` is `value`), for a copy that rewrites it. */
  holder: Obj;
}

/** Every rich-text field of a file, raw or parsed (any shape is walked safely), in document order. */
export function* richFieldsOf(root: unknown): Generator<RichFieldRef> {
  if (!isObj(root)) return;
  const idOf = (item: Obj): string => (typeof item.id === 'string' ? item.id : '');
  for (const [i, s] of arr(root.sections).entries()) if (isObj(s)) yield { id: idOf(s), field: 'body', path: `/sections/${i}/body`, value: s.body, holder: s };
  const vision = isObj(root.vision) ? root.vision : {};
  yield { id: 'vision', field: 'statement', path: '/vision/statement', value: vision.statement, holder: vision };
  yield { id: 'vision', field: 'body', path: '/vision/body', value: vision.body, holder: vision };
  for (const list of ['principles', 'bearings'] as const) {
    for (const [i, s] of arr(vision[list]).entries()) if (isObj(s)) yield { id: idOf(s), field: 'body', path: `/vision/${list}/${i}/body`, value: s.body, holder: s };
  }
  for (const [i, p] of arr(root.perspectives).entries()) {
    if (!isObj(p)) continue;
    yield { id: idOf(p), field: 'intro', path: `/perspectives/${i}/intro`, value: p.intro, holder: p };
    for (const [j, s] of arr(p.principles).entries()) if (isObj(s)) yield { id: idOf(s), field: 'body', path: `/perspectives/${i}/principles/${j}/body`, value: s.body, holder: s };
    for (const [j, f] of arr(p.focusAreas).entries()) if (isObj(f)) yield { id: idOf(f), field: 'body', path: `/perspectives/${i}/focusAreas/${j}/body`, value: f.body, holder: f };
  }
  for (const [i, plan] of arr(root.actionPlans).entries()) {
    if (!isObj(plan)) continue;
    yield { id: idOf(plan), field: 'intro', path: `/actionPlans/${i}/intro`, value: plan.intro, holder: plan };
    for (const [j, it] of arr(plan.initiatives).entries()) {
      if (isObj(it)) yield { id: idOf(it), field: 'description', path: `/actionPlans/${i}/initiatives/${j}/description`, value: it.description, holder: it };
    }
  }
}

/** One suggestion mark found in a rich value: its type, id and the pointer of the mark (inside the value). */
export interface FoundSuggestionMark {
  type: SuggestionMarkType;
  id: unknown;
  path: string;
}

/**
 * The suggestion marks of a rich value (ProseMirror JSON; a Markdown string holds none), on text and on
 * block nodes, in document order. `path` is the pointer of the value, prefixed to each mark's pointer.
 */
export function suggestionMarksIn(rich: unknown, path = ''): FoundSuggestionMark[] {
  if (!isObj(rich)) return [];
  // Most fields hold no suggestion: one string search instead of a walk.
  if (!SUGGESTION_MARKS.some((type) => JSON.stringify(rich).includes(`"${type}"`))) return [];
  const out: FoundSuggestionMark[] = [];
  const walk = (node: unknown, at: string, depth: number): void => {
    if (!isObj(node) || depth > 200) return;
    arr(node.marks).forEach((mark, i) => {
      if (isObj(mark) && isSuggestionMarkType(mark.type)) {
        out.push({ type: mark.type, id: isObj(mark.attrs) ? mark.attrs.id : undefined, path: `${at}/marks/${i}` });
      }
    });
    arr(node.content).forEach((child, i) => walk(child, `${at}/content/${i}`, depth + 1));
  };
  walk(rich, path, 0);
  return out;
}

/** Whether a value can be a suggestion id (what the marks and the `suggestions` list may hold). */
export function isSuggestionId(value: unknown): value is SuggestionId {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isInteger(value));
}

/** The distinct suggestion ids of a rich value, in order of first appearance. */
export function suggestionIdsIn(rich: unknown): SuggestionId[] {
  if (!isObj(rich)) return []; // Markdown: no suggestion
  const seen = new Map<string, SuggestionId>();
  for (const mark of suggestionMarksIn(rich)) {
    if (isSuggestionId(mark.id) && !seen.has(suggestionKey(mark.id))) seen.set(suggestionKey(mark.id), mark.id);
  }
  return [...seen.values()];
}
