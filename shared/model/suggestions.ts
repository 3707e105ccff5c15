// Suggestions in rich text (issue 14, "Spor ændringer"): who suggested what, which are pending, and
// accepting or rejecting them. The design and the reasons are in docs/suggestions.md.
//
// Layout:
//   rich fields   the marks `insertion` {id}, `deletion` {id} and `modification` {id, type, attrName,
//                 previousValue, newValue} (../richtext/schema.ts) on the suggested text. They sync
//                 through y-prosemirror like any formatting, so a suggestion made offline is just text
//                 with marks when it arrives.
//   suggestions   Y.Map<id, { authorId, authorName, at (ISO time), color? }>: one entry per suggestion id,
//                 written once by the replica that made the suggestion (concurrent entries have
//                 different random ids, so they never collide). An entry is never deleted: a decided
//                 suggestion leaves no marks and so is no longer pending, and an undo of the decision
//                 brings the marks back to an entry that is still there.
//
// A suggestion is pending while some text carries a mark with its id. One id may cover an
// insertion and a deletion together (text typed over a selection: "replace").
import * as Y from 'yjs';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { richSchema, SUGGESTION_MARK_NAMES } from '../richtext/schema';
import { COLLECTIONS, ITEM_KINDS, collection, visionFragment } from './layout';
import { LOCAL_ORIGIN, VISION_ID } from './model-constants';
import type { RichField } from './types';
import { readFragment, writeFragment } from './yfragment';

/** The root Y.Map of suggestion metadata. */
export const SUGGESTIONS = 'suggestions';

export type SuggestionKind = (typeof SUGGESTION_MARK_NAMES)[number];

/** Who made a suggestion and when. */
export interface SuggestionMeta {
  /** A stable id of the person (the presence id), for "all of one author". */
  authorId: string;
  /** The name shown ("Forslag fra Bo"). */
  authorName: string;
  /** ISO time. */
  at: string;
  /** The author's presence colour (#rrggbb), when known. */
  color?: string;
}

/** The rich field a suggestion is in: an item id (or VISION_ID) and the field. */
export interface SuggestionTarget {
  id: string;
  field: RichField;
}

/** A suggested formatting change (a `modification` mark). */
export interface SuggestedModification {
  type: string;
  attrName: string | null;
  previousValue: unknown;
  newValue: unknown;
}

/** One pending suggestion as the review list and the checks read it. */
export interface PendingSuggestion {
  id: string;
  target: SuggestionTarget;
  /** The kinds of marks the id has, in the order insertion, deletion, modification. */
  kinds: SuggestionKind[];
  /** The text suggested for insertion (blocks joined by a line break). */
  inserted: string;
  /** The text suggested for deletion. */
  deleted: string;
  /** The text a suggested formatting change covers. */
  modified: string;
  modifications: SuggestedModification[];
  /** Offset of its first character in the field (characters in reading order), for sorting. */
  offset: number;
  /** Undefined when the metadata has not arrived (or was never written, e.g. a hand-made file). */
  meta: SuggestionMeta | undefined;
}

export type Decision = 'accept' | 'reject';

/** Which suggestions a bulk decision covers; every given condition must hold. */
export interface SuggestionFilter {
  ids?: readonly string[];
  authorId?: string;
  /** Suggestions in this item's fields (VISION_ID: the vision's). */
  itemId?: string;
  target?: SuggestionTarget;
}

/** Bad input to the suggestion API; the message says what and where. */
export class SuggestionError extends Error {
  constructor(
    readonly code: 'bad-id' | 'bad-meta' | 'no-field',
    message: string,
  ) {
    super(message);
    this.name = 'SuggestionError';
  }
}

/** Transaction meta set on decisions (accept/reject), so the suggestion tracker lets them through as they are. */
export const SUGGESTION_DECISION_META = 'pejling:suggestion-decision';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function suggestionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SUGGESTIONS);
}

/** A new random suggestion id ("sg-" and 10 characters): unique across replicas without coordination. */
export function newSuggestionId(random: () => number = Math.random): string {
  let id = 'sg-';
  for (let i = 0; i < 10; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length) % ID_ALPHABET.length];
  return id;
}

function checkMeta(id: string, meta: SuggestionMeta): void {
  if (typeof id !== 'string' || id.trim() === '') throw new SuggestionError('bad-id', 'a suggestion needs a non-empty id');
  if (typeof meta.authorId !== 'string' || meta.authorId === '') throw new SuggestionError('bad-meta', `suggestion "${id}": authorId must be a non-empty string`);
  if (typeof meta.authorName !== 'string') throw new SuggestionError('bad-meta', `suggestion "${id}": authorName must be a string`);
  if (typeof meta.at !== 'string' || !ISO_TIME.test(meta.at)) throw new SuggestionError('bad-meta', `suggestion "${id}": at must be an ISO time, got ${JSON.stringify(meta.at)}`);
  if (meta.color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(meta.color)) throw new SuggestionError('bad-meta', `suggestion "${id}": color must be #rrggbb, got ${JSON.stringify(meta.color)}`);
}

/**
 * Records who made suggestion `id` and when (one transaction). An id that already has an entry keeps
 * it: the first record wins, so the author of a suggestion never changes.
 */
export function recordSuggestion(doc: Y.Doc, id: string, meta: SuggestionMeta, origin: unknown = LOCAL_ORIGIN): void {
  checkMeta(id, meta);
  const map = suggestionsMap(doc);
  if (map.has(id)) return;
  doc.transact(() => {
    map.set(id, { authorId: meta.authorId, authorName: meta.authorName, at: meta.at, ...(meta.color ? { color: meta.color } : {}) });
  }, origin);
}

/** The metadata of suggestion `id`; undefined when absent or not in the expected shape. */
export function readSuggestion(doc: Y.Doc, id: string): SuggestionMeta | undefined {
  const value = suggestionsMap(doc).get(id);
  if (value === null || typeof value !== 'object') return undefined;
  const { authorId, authorName, at, color } = value as Record<string, unknown>;
  if (typeof authorId !== 'string' || typeof authorName !== 'string' || typeof at !== 'string') return undefined;
  return typeof color === 'string' ? { authorId, authorName, at, color } : { authorId, authorName, at };
}

// ---- reading marks ------------------------------------------------------------------------------

const MODIFICATION_ATTRIBUTE = /^modification(--|$)/;

interface Collected {
  kinds: Set<SuggestionKind>;
  inserted: string[];
  deleted: string[];
  modified: string[];
  modifications: SuggestedModification[];
  offset: number;
  lastEnd: Record<'inserted' | 'deleted' | 'modified', number>;
}

function collector(found: Map<string, Collected>, id: string, offset: number): Collected {
  let c = found.get(id);
  if (!c) {
    c = { kinds: new Set(), inserted: [], deleted: [], modified: [], modifications: [], offset, lastEnd: { inserted: -1, deleted: -1, modified: -1 } };
    found.set(id, c);
  }
  return c;
}

function addText(c: Collected, part: 'inserted' | 'deleted' | 'modified', text: string, offset: number): void {
  const list = c[part];
  // Pieces that touch are one run of text; a gap (other text or a block boundary) starts a new line.
  if (list.length > 0 && c.lastEnd[part] === offset) list[list.length - 1] += text;
  else list.push(text);
  c.lastEnd[part] = offset + text.length;
}

function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

function modificationOf(value: object): SuggestedModification {
  const v = value as Record<string, unknown>;
  return { type: String(v.type), attrName: typeof v.attrName === 'string' ? v.attrName : null, previousValue: v.previousValue ?? null, newValue: v.newValue ?? null };
}

function sameModification(a: SuggestedModification, b: SuggestedModification): boolean {
  return a.type === b.type && a.attrName === b.attrName && JSON.stringify(a.previousValue) === JSON.stringify(b.previousValue) && JSON.stringify(a.newValue) === JSON.stringify(b.newValue);
}

function note(found: Map<string, Collected>, kind: SuggestionKind, value: unknown, text: string, offset: number): void {
  const id = idOf(value);
  if (id === undefined) return;
  const c = collector(found, id, offset);
  c.kinds.add(kind);
  if (kind === 'insertion') addText(c, 'inserted', text, offset);
  else if (kind === 'deletion') addText(c, 'deleted', text, offset);
  else {
    addText(c, 'modified', text, offset);
    const m = modificationOf(value as object);
    if (!c.modifications.some((x) => sameModification(x, m))) c.modifications.push(m);
  }
}

function finish(found: Map<string, Collected>, target: SuggestionTarget, doc: Y.Doc | null): PendingSuggestion[] {
  return [...found].map(([id, c]) => ({
    id,
    target,
    kinds: SUGGESTION_MARK_NAMES.filter((k) => c.kinds.has(k)),
    inserted: c.inserted.join('\n'),
    deleted: c.deleted.join('\n'),
    modified: c.modified.join('\n'),
    modifications: c.modifications,
    offset: c.offset,
    meta: doc ? readSuggestion(doc, id) : undefined,
  }));
}

/**
 * The pending suggestions of one rich field, in order of their first character. Reads the
 * Y.XmlText deltas directly (no ProseMirror document is built): cheap enough for every field.
 */
export function pendingInFragment(fragment: Y.XmlFragment, target: SuggestionTarget): PendingSuggestion[] {
  const found = new Map<string, Collected>();
  let offset = 0;
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
          // An embed (none in this schema today) counts as one character, as in ProseMirror.
          const text = typeof op.insert === 'string' ? op.insert : '\ufffc';
          for (const [key, value] of Object.entries(op.attributes ?? {})) {
            if (key === 'insertion') note(found, 'insertion', value, text, offset);
            else if (key === 'deletion') note(found, 'deletion', value, text, offset);
            else if (MODIFICATION_ATTRIBUTE.test(key)) note(found, 'modification', value, text, offset);
          }
          offset += text.length;
        }
      } else if (child instanceof Y.XmlElement) {
        // y-prosemirror 1.3 keeps no marks on elements (a hard_break), so only text carries suggestions.
        walk(child);
        offset += 1; // a block boundary: text either side is not contiguous
      }
    }
  };
  walk(fragment);
  return finish(found, target, fragment.doc).sort((a, b) => a.offset - b.offset);
}

/** The suggestion ids in a ProseMirror document with their ranges (as the editor's plugin and popover need them). */
export function suggestionRanges(doc: PMNode): Map<string, { kind: SuggestionKind; from: number; to: number }[]> {
  const out = new Map<string, { kind: SuggestionKind; from: number; to: number }[]>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const kind = suggestionKindOf(mark);
      if (!kind) continue;
      const id = String(mark.attrs.id);
      const list = out.get(id) ?? [];
      const last = list[list.length - 1];
      if (last && last.kind === kind && last.to === pos) last.to = pos + node.nodeSize;
      else list.push({ kind, from: pos, to: pos + node.nodeSize });
      out.set(id, list);
    }
    return false;
  });
  return out;
}

export function suggestionKindOf(mark: Mark): SuggestionKind | undefined {
  const name = mark.type.name;
  return name === 'insertion' || name === 'deletion' || name === 'modification' ? name : undefined;
}

/** Every rich field of the document with its fragment: the vision's two, then each item's, kind by kind. */
export function richFields(doc: Y.Doc): { target: SuggestionTarget; fragment: Y.XmlFragment }[] {
  const out: { target: SuggestionTarget; fragment: Y.XmlFragment }[] = [
    { target: { id: VISION_ID, field: 'statement' }, fragment: visionFragment(doc, 'statement') },
    { target: { id: VISION_ID, field: 'body' }, fragment: visionFragment(doc, 'body') },
  ];
  for (const kind of ITEM_KINDS) {
    const rich = COLLECTIONS[kind].rich;
    if (!rich) continue;
    collection(doc, kind).forEach((item, id) => {
      const fragment = item instanceof Y.Map ? item.get(rich.field) : undefined;
      if (fragment instanceof Y.XmlFragment) out.push({ target: { id, field: rich.field }, fragment });
    });
  }
  return out;
}

function matches(s: PendingSuggestion, filter: SuggestionFilter): boolean {
  if (filter.ids && !filter.ids.includes(s.id)) return false;
  if (filter.authorId !== undefined && s.meta?.authorId !== filter.authorId) return false;
  if (filter.itemId !== undefined && s.target.id !== filter.itemId) return false;
  if (filter.target && (s.target.id !== filter.target.id || s.target.field !== filter.target.field)) return false;
  return true;
}

/** Every pending suggestion of the document (optionally filtered), field by field in the order of richFields. */
export function listPending(doc: Y.Doc, filter: SuggestionFilter = {}): PendingSuggestion[] {
  const out: PendingSuggestion[] = [];
  for (const { target, fragment } of richFields(doc)) {
    if (filter.itemId !== undefined && target.id !== filter.itemId) continue;
    if (filter.target && (filter.target.id !== target.id || filter.target.field !== target.field)) continue;
    for (const s of pendingInFragment(fragment, target)) if (matches(s, filter)) out.push(s);
  }
  return out;
}

// ---- deciding -----------------------------------------------------------------------------------

/**
 * Accepts or rejects, in `tr`, every suggestion for which `decide(id)` answers. Accepting an
 * insertion keeps its text (the mark goes), accepting a deletion removes the text; rejecting does
 * the opposite; a formatting change is kept or undone. Returns the ids decided.
 */
export function decideInTransform(tr: Transform, decide: (id: string) => Decision | undefined): Set<string> {
  const decided = new Set<string>();
  const removals: { from: number; to: number; mark: Mark }[] = [];
  const additions: { from: number; to: number; mark: Mark }[] = [];
  const deletions: { from: number; to: number }[] = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const from = pos;
    const to = pos + node.nodeSize;
    for (const mark of node.marks) {
      const kind = suggestionKindOf(mark);
      if (!kind) continue;
      const id = String(mark.attrs.id);
      const decision = decide(id);
      if (!decision) continue;
      decided.add(id);
      if (kind === 'modification') {
        removals.push({ from, to, mark });
        if (decision === 'reject') revertModification(mark, from, to, removals, additions);
      } else if ((kind === 'insertion') === (decision === 'accept')) {
        removals.push({ from, to, mark });
      } else {
        deletions.push({ from, to });
      }
    }
    return false;
  });
  // Marks first (positions do not move), then the deletions from the end so earlier ones stay valid.
  for (const r of removals) tr.removeMark(r.from, r.to, r.mark);
  for (const a of additions) tr.addMark(a.from, a.to, a.mark);
  const merged = mergeRanges(deletions);
  for (let i = merged.length - 1; i >= 0; i--) tr.delete(merged[i]!.from, merged[i]!.to);
  return decided;
}

function revertModification(mark: Mark, from: number, to: number, removals: { from: number; to: number; mark: Mark }[], additions: { from: number; to: number; mark: Mark }[]): void {
  const m = modificationOf(mark.attrs);
  if (m.type !== 'mark' || m.attrName === null) return;
  const type = richSchema.marks[m.attrName];
  if (!type) return;
  if (m.newValue !== null) {
    try {
      removals.push({ from, to, mark: richSchema.markFromJSON(m.newValue) });
    } catch {
      removals.push({ from, to, mark: type.create() });
    }
  }
  if (m.previousValue !== null) {
    try {
      additions.push({ from, to, mark: richSchema.markFromJSON(m.previousValue) });
    } catch {
      // a previous value the schema refuses: nothing to put back
    }
  }
}

function mergeRanges(ranges: { from: number; to: number }[]): { from: number; to: number }[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/**
 * A decider for decideInTransform and friends: `decision` for the suggestions the filter covers.
 * Author filters read the metadata of `doc`.
 */
export function decider(doc: Y.Doc, decision: Decision, filter: Omit<SuggestionFilter, 'itemId' | 'target'> = {}): (id: string) => Decision | undefined {
  const ids = filter.ids ? new Set(filter.ids) : undefined;
  return (id) => {
    if (ids && !ids.has(id)) return undefined;
    if (filter.authorId !== undefined && readSuggestion(doc, id)?.authorId !== filter.authorId) return undefined;
    return decision;
  };
}

/**
 * The transaction that decides suggestions in an editor's state (one undo step when dispatched), or
 * null when none of them is there.
 */
export function decideInState(state: EditorState, decide: (id: string) => Decision | undefined): Transaction | null {
  const tr = state.tr;
  const decided = decideInTransform(tr, decide);
  if (decided.size === 0 || !tr.docChanged) return null;
  return tr.setMeta(SUGGESTION_DECISION_META, true);
}

/** Decides suggestions in a field that no editor holds, in one transaction. Returns the ids decided. */
export function decideInFragment(fragment: Y.XmlFragment, decide: (id: string) => Decision | undefined, origin: unknown = LOCAL_ORIGIN): Set<string> {
  const ydoc = fragment.doc;
  if (!ydoc) throw new SuggestionError('no-field', 'decideInFragment: the fragment must be part of a Y.Doc');
  let decided = new Set<string>();
  ydoc.transact(() => {
    decided = decideFragmentContent(fragment, decide);
  }, origin);
  return decided;
}

function decideFragmentContent(fragment: Y.XmlFragment, decide: (id: string) => Decision | undefined): Set<string> {
  const tr = new Transform(readFragment(fragment));
  const decided = decideInTransform(tr, decide);
  if (tr.docChanged) writeFragment(fragment, tr.doc);
  return decided;
}

/**
 * Decides suggestions across the document (optionally only those the filter covers), every field in
 * one transaction, so one undo step takes it all back. Returns the ids decided.
 */
export function decideInDocument(doc: Y.Doc, decision: Decision, filter: SuggestionFilter = {}, origin: unknown = LOCAL_ORIGIN): Set<string> {
  const decide = decider(doc, decision, filter);
  const decided = new Set<string>();
  doc.transact(() => {
    for (const { target, fragment } of richFields(doc)) {
      if (filter.itemId !== undefined && target.id !== filter.itemId) continue;
      if (filter.target && (filter.target.id !== target.id || filter.target.field !== target.field)) continue;
      if (pendingInFragment(fragment, target).length === 0) continue;
      for (const id of decideFragmentContent(fragment, decide)) decided.add(id);
    }
  }, origin);
  return decided;
}

/** The document with every pending suggestion rejected (the published text: suggestions are not yet accepted). */
export function withoutSuggestions(doc: PMNode): PMNode {
  const tr = new Transform(doc);
  decideInTransform(tr, () => 'reject');
  return tr.doc;
}

/** The document with every pending suggestion accepted. */
export function withSuggestionsAccepted(doc: PMNode): PMNode {
  const tr = new Transform(doc);
  decideInTransform(tr, () => 'accept');
  return tr.doc;
}
