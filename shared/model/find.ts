// Find and replace across a whole strategy (issue 14): every title and typed text field of the
// strategy and its items (goals and the initiatives' fields included), every rich-text field, and
// the messages of comment threads.
//
// `findInStrategy` is a pure read: the hits in document order, each with where it is (item, field,
// offsets) and a snippet. `replaceHits` writes a replacement for a list of hits in ONE transaction
// with one origin, so an UndoManager tracking that origin takes the whole "replace all" back as one
// step, and other users receive it as one update. Each hit is checked against the document first:
// a hit whose text has changed since the search (another user typed there) is skipped and counted.
//
// Offsets: in a typed text field and in a comment message they are string offsets (UTF-16 code
// units, as JavaScript strings and Y.Text count); in a rich field they are ProseMirror positions in
// the field's document, as an editor bound to it has them. Matches never cross a paragraph.
//
// Replacing as suggestions (suggestion mode): a typed text field gets this author's field
// suggestion (./field-suggestions.ts) holding the replaced text; a rich field gets the old text
// marked as a suggested deletion and the new text inserted after it as a suggested insertion (the
// marks of ./suggestions.ts, one suggestion id per hit). Comment messages are found, never replaced:
// they are other people's words, and a comment is not a part of the strategy.
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import * as Y from 'yjs';
import { richSchema } from '../richtext/schema';
import { Comments } from './comments';
import { FieldSuggestions, type SuggestionAuthor } from './field-suggestions';
import { COLLECTIONS, META_TEXT_KEYS, collection, metaMap } from './layout';
import { LOCAL_ORIGIN, META_ID, VISION_ID } from './model-constants';
import type { StrategyModel } from './strategy-model';
import { readText } from './text-fields';
import { suggestTransaction } from './suggest-transform';
import { newSuggestionId, readSuggestion, recordSuggestion } from './suggestions';
import type { ItemKind, RichField } from './types';
import { readFragment, writeFragment } from './yfragment';

export interface FindOptions {
  matchCase?: boolean;
  wholeWord?: boolean;
}

/** Where a hit is: a typed text field, a rich field, or a comment message. */
export type FindTarget =
  | { type: 'text'; itemId: string; field: string }
  | { type: 'rich'; itemId: string; field: RichField }
  | { type: 'comment'; threadId: string; messageId: string };

export interface FindHit {
  /** Stable within one search: the target and the offsets. */
  key: string;
  target: FindTarget;
  /** The item the hit belongs to: an item id, META_ID (the strategy's own fields), VISION_ID, or a comment's target. */
  itemId: string;
  /** The item's kind; 'meta' and 'vision' for the strategy's own fields, the target's kind for a comment. */
  kind: ItemKind | 'meta' | 'vision';
  /** The field's key ('title', 'text', 'body', …; 'comment' for a comment message). */
  field: string;
  from: number;
  to: number;
  /** The matched text as it stands in the document. */
  text: string;
  /** Up to SNIPPET characters of the surrounding text on either side (cut at a word). */
  before: string;
  after: string;
}

export interface ReplaceRequest {
  /** The text put in place of each hit. */
  replacement: string;
  /** Transaction origin (default LOCAL_ORIGIN): an UndoManager tracking it undoes the whole replace in one step. */
  origin?: unknown;
  /** Suggestion mode: write suggestions by this author instead of changing the text. */
  suggest?: {
    author: SuggestionAuthor;
    /** How a rich replacement becomes a suggestion (default: suggestion mode's own rules, ./suggest-transform.ts). */
    rich?: RichSuggestionWriter;
    /** ISO time of the suggestions (default now). */
    at?: string;
  };
}

/** Turns a plain replacement `tr` made on `state` (a rich field's document) into the document with it as a suggestion. */
export type RichSuggestionWriter = (state: EditorState, tr: Transaction, context: { doc: Y.Doc; author: SuggestionAuthor; origin: unknown }) => PMNode;

/**
 * Suggestion mode's own rules (./suggest-transform.ts, as the editor applies them to typing): the
 * hit is marked as a suggested deletion and the replacement inserted after it as a suggested
 * insertion, both under one new suggestion id whose author and time are recorded in the same
 * transaction. Text inside someone else's pending suggestion follows those rules too.
 */
function markAsSuggestion(at: string | undefined): RichSuggestionWriter {
  return (state, tr, { doc, author, origin }) => {
    const result = suggestTransaction(state, tr, {
      newId: () => newSuggestionId(),
      isOwn: (id) => readSuggestion(doc, id)?.authorId === author.id,
    });
    if (result.newId !== undefined) recordSuggestion(doc, result.newId, { authorId: author.id, authorName: author.name, at: at ?? new Date().toISOString() }, origin);
    return result.tr.doc;
  };
}

export interface ReplaceResult {
  replaced: number;
  /** Hits whose text had changed since the search, and comment hits: left as they are. */
  skipped: number;
}

const SNIPPET = 40;
/** Stands for an inline node that is not text (a line break, an image) in a paragraph's search string. */
const OBJECT = '\uFFFC';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of a query: literal text; case folded unless matchCase; whole word = no letter, digit or _ on either side. */
export function findPattern(query: string, options: FindOptions = {}): RegExp | null {
  if (query === '') return null;
  let source = escapeRegExp(query);
  if (options.wholeWord) source = `(?<![\\p{L}\\p{N}_])${source}(?![\\p{L}\\p{N}_])`;
  return new RegExp(source, options.matchCase ? 'gu' : 'giu');
}

function matches(text: string, pattern: RegExp): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    out.push({ from: m.index, to: m.index + m[0].length });
  }
  return out;
}

function snippet(text: string, from: number, to: number): { before: string; after: string } {
  let start = Math.max(0, from - SNIPPET);
  let end = Math.min(text.length, to + SNIPPET);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < from) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > to) end = space;
  }
  const clean = (s: string) => s.split(OBJECT).join(' ');
  return { before: (start > 0 ? '…' : '') + clean(text.slice(start, from)), after: clean(text.slice(to, end)) + (end < text.length ? '…' : '') };
}

/** Each paragraph (textblock) of a rich document: its text, with one OBJECT per position of a non-text inline node, and where it starts. */
function textblocks(doc: PMNode): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    node.forEach((child) => {
      text += child.isText ? child.text! : OBJECT.repeat(child.nodeSize);
    });
    out.push({ text, start: pos + 1 });
    return false;
  });
  return out;
}

/** The typed text fields searched, per kind (owners and labels are names, not the strategy's text). */
function searchedTextFields(kind: ItemKind): readonly string[] {
  return kind === 'owner' ? [] : COLLECTIONS[kind].text;
}

/** Every (item, kind) of the strategy in reading order: sections, vision items, perspectives with their principles and focus areas (each followed by its goals), plans with their initiatives. */
function itemsInOrder(model: StrategyModel): { id: string; kind: ItemKind }[] {
  const out: { id: string; kind: ItemKind }[] = [];
  const push = (kind: ItemKind, id: string) => {
    if (model.kindOf(id) === kind) out.push({ id, kind });
  };
  for (const s of model.list('section')) push('section', s.id);
  for (const p of model.list('principle', VISION_ID)) push('principle', p.id);
  for (const b of model.list('bearing')) push('bearing', b.id);
  for (const pe of model.list('perspective')) {
    push('perspective', pe.id);
    for (const p of model.list('principle', pe.id)) push('principle', p.id);
    for (const fa of model.list('focusArea', pe.id)) {
      push('focusArea', fa.id);
      for (const g of model.list('goal', fa.id)) push('goal', g.id);
    }
  }
  for (const plan of model.list('actionPlan')) {
    push('actionPlan', plan.id);
    for (const i of model.list('initiative', plan.id)) push('initiative', i.id);
  }
  return out;
}

/** Every hit of `query` in the strategy, in document order; the strategy's comments last. */
export function findInStrategy(model: StrategyModel, query: string, options: FindOptions = {}): FindHit[] {
  const pattern = findPattern(query, options);
  if (!pattern) return [];
  const hits: FindHit[] = [];
  const inText = (target: FindTarget, itemId: string, kind: FindHit['kind'], field: string, text: string, offset = 0, whole = text) => {
    for (const m of matches(text, pattern)) {
      const from = offset + m.from;
      const to = offset + m.to;
      const key = target.type === 'comment' ? `comment:${target.threadId}:${target.messageId}:${from}` : `${target.type}:${itemId}:${field}:${from}`;
      hits.push({ key, target, itemId, kind, field, from, to, text: text.slice(m.from, m.to), ...snippet(whole, m.from, m.to) });
    }
  };
  const inRich = (itemId: string, kind: FindHit['kind'], field: RichField) => {
    let doc: PMNode;
    try {
      doc = readFragment(model.fragment(itemId, field));
    } catch {
      return; // a concurrent delete took the fragment
    }
    const target: FindTarget = { type: 'rich', itemId, field };
    for (const block of textblocks(doc)) inText(target, itemId, kind, field, block.text, block.start);
  };

  const meta = metaMap(model.doc);
  for (const key of META_TEXT_KEYS) {
    const text = readText(meta, key);
    if (text) inText({ type: 'text', itemId: META_ID, field: key }, META_ID, 'meta', key, text);
  }
  inRich(VISION_ID, 'vision', 'statement');
  inRich(VISION_ID, 'vision', 'body');
  for (const { id, kind } of itemsInOrder(model)) {
    const item = collection(model.doc, kind).get(id);
    if (!item) continue;
    for (const key of searchedTextFields(kind)) {
      const text = readText(item, key);
      if (text) inText({ type: 'text', itemId: id, field: key }, id, kind, key, text);
    }
    const rich = COLLECTIONS[kind].rich;
    if (rich) inRich(id, kind, rich.field);
  }
  for (const thread of new Comments(model).list()) {
    const kind: FindHit['kind'] = thread.target.id === VISION_ID ? 'vision' : (model.kindOf(thread.target.id) ?? 'meta');
    for (const message of thread.messages) {
      inText({ type: 'comment', threadId: thread.id, messageId: message.id }, thread.target.id, kind, 'comment', message.text);
    }
  }
  return hits;
}

function textMap(model: StrategyModel, itemId: string): Y.Map<unknown> | undefined {
  if (itemId === META_ID) return metaMap(model.doc);
  const kind = model.kindOf(itemId);
  return kind ? collection(model.doc, kind).get(itemId) : undefined;
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const group = out.get(k);
    if (group) group.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** Hits of one field, last first, overlapping ones dropped (a later search could have produced them). */
function lastFirst(hits: readonly FindHit[]): { kept: FindHit[]; dropped: number } {
  const sorted = [...hits].sort((a, b) => b.from - a.from);
  const kept: FindHit[] = [];
  for (const hit of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && hit.to > previous.from) continue;
    kept.push(hit);
  }
  return { kept, dropped: hits.length - kept.length };
}

/**
 * Replaces the hits (from `findInStrategy`) in one transaction; see the file comment. Returns how
 * many were replaced and how many were skipped because their text had changed (or they are comments).
 */
export function replaceHits(model: StrategyModel, hits: readonly FindHit[], request: ReplaceRequest): ReplaceResult {
  const origin = request.origin ?? LOCAL_ORIGIN;
  let replaced = 0;
  let skipped = 0;
  const suggestions = request.suggest ? new FieldSuggestions(model, { origin, ...(request.suggest.at ? { now: () => request.suggest!.at! } : {}) }) : null;
  model.doc.transact(() => {
    const byField = groupBy(hits, (h) => (h.target.type === 'comment' ? 'comment' : `${h.target.type}\u0000${h.target.itemId}\u0000${h.field}`));
    for (const group of byField.values()) {
      const target = group[0]!.target;
      if (target.type === 'comment') {
        skipped += group.length;
        continue;
      }
      const { kept, dropped } = lastFirst(group);
      skipped += dropped;
      if (target.type === 'text') {
        const result = replaceInText(model, target.itemId, target.field, kept, request, suggestions, origin);
        replaced += result.replaced;
        skipped += result.skipped;
      } else {
        const result = replaceInRich(model, target.itemId, target.field, kept, request);
        replaced += result.replaced;
        skipped += result.skipped;
      }
    }
  }, origin);
  return { replaced, skipped };
}

function replaceInText(
  model: StrategyModel,
  itemId: string,
  field: string,
  hits: readonly FindHit[],
  request: ReplaceRequest,
  suggestions: FieldSuggestions | null,
  origin: unknown,
): ReplaceResult {
  const map = textMap(model, itemId);
  const current = map ? readText(map, field) : undefined;
  if (!map || current === undefined) return { replaced: 0, skipped: hits.length };
  const valid = hits.filter((h) => current.slice(h.from, h.to) === h.text);
  const skipped = hits.length - valid.length;
  if (valid.length === 0) return { replaced: 0, skipped };
  if (suggestions && request.suggest) {
    // The suggestion holds the whole new text: the field's text with every hit replaced. An earlier
    // suggestion of this author for the field is replaced by it.
    let next = current;
    for (const h of valid) next = next.slice(0, h.from) + request.replacement + next.slice(h.to);
    suggestions.suggest({ itemId, field, text: next, author: request.suggest.author }, origin);
    return { replaced: valid.length, skipped };
  }
  let text = map.get(field);
  if (!(text instanceof Y.Text)) {
    // a schema-1 plain string: it becomes a Y.Text, as any write through the model makes it
    text = new Y.Text(current);
    map.set(field, text);
  }
  const yText = text as Y.Text;
  // One delete and insert per hit, last first: text typed elsewhere between two hits stays.
  for (const h of valid) {
    yText.delete(h.from, h.to - h.from);
    if (request.replacement !== '') yText.insert(h.from, request.replacement);
  }
  return { replaced: valid.length, skipped };
}

function replaceInRich(model: StrategyModel, itemId: string, field: RichField, hits: readonly FindHit[], request: ReplaceRequest): ReplaceResult {
  let fragment: Y.XmlFragment;
  try {
    fragment = model.fragment(itemId, field);
  } catch {
    return { replaced: 0, skipped: hits.length };
  }
  let replaced = 0;
  let skipped = 0;
  for (const h of hits) {
    // One write per hit, last first: y-prosemirror's diff then touches that hit's text only, so
    // text others type between two hits is kept.
    const doc = readFragment(fragment);
    if (h.to > doc.content.size || doc.textBetween(h.from, h.to, undefined, OBJECT) !== h.text) {
      skipped++;
      continue;
    }
    const marks = doc.nodeAt(h.from)?.marks ?? [];
    const state = EditorState.create({ doc });
    const tr = state.tr;
    if (request.replacement === '') tr.delete(h.from, h.to);
    else tr.replaceWith(h.from, h.to, richSchema.text(request.replacement, marks));
    const next = request.suggest ? (request.suggest.rich ?? markAsSuggestion(request.suggest.at))(state, tr, { doc: model.doc, author: request.suggest.author, origin: request.origin ?? LOCAL_ORIGIN }) : tr.doc;
    writeFragment(fragment, next);
    replaced++;
  }
  return { replaced, skipped };
}
