// Suggestion mode's editing rules: turns an ordinary ProseMirror transaction (typing, deleting,
// pasting, formatting) into the same change as a suggestion, on the marks of
// ../richtext/schema.ts. Pure ProseMirror: the editor (renderer/src/suggestions) runs it on the
// user's own transactions only, and find-and-replace runs it on its replacements.
//
// Ours rather than @handlewithcare/prosemirror-suggest-changes' transformToSuggestionTransaction
// (0.1.8, read in full for issue 14; docs/suggestions.md): that one gives new text the id of any
// suggestion it touches and renumbers the neighbour to match (so Anna typing next to Bo's
// suggestion adds to Bo's, under his name), deletes other people's suggested insertions for real,
// numbers ids from the largest in the document (two replicas pick the same number), and records
// formatting as a deletion plus an insertion of the same text. The rules here:
//   - new text gets an insertion mark; typing on from one's own insertion continues it (same id);
//   - deleting text marks it deleted (one's own suggested insertion is removed for real); other
//     people's suggestions are left to the review: their inserted text stays, their deletions too;
//   - typing over a selection is one suggestion: the deletion and the insertion share the id;
//   - formatting is applied and recorded as a `modification` {type 'mark', attrName, previousValue,
//     newValue}; undoing one's own formatting change drops the modification;
//   - structure (splitting, joining, wrapping, block types) is not a suggestion and is left out:
//     y-prosemirror keeps no marks on block boundaries or inline nodes, so it could not be shown or
//     rejected. Several pasted paragraphs become one suggested run, the blocks joined by a space.
import { Fragment, type Slice, type Mark, type MarkType, type Node as PMNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep } from 'prosemirror-transform';
import { COMMENT_MARK } from '../richtext/schema';
import { suggestionKindOf } from './suggestions';

export interface SuggestContext {
  /** A fresh id for this transaction's new suggestion (called at most once per transaction). */
  newId: () => string;
  /** Whether suggestion `id` is the current user's own. */
  isOwn: (id: string) => boolean;
}

export interface SuggestResult {
  tr: Transaction;
  /** The new suggestion id the transaction used (record its author), if any. */
  newId: string | undefined;
  /** Some step changed structure and was left out (the caller may tell the user). */
  skippedStructure: boolean;
}

const isSuggestionMark = (m: Mark): boolean => suggestionKindOf(m) !== undefined;

/**
 * The suggestion form of `tr`, a transaction made on `state` (not yet applied), to dispatch instead
 * of it. A step of structure is left out (skippedStructure).
 */
export function suggestTransaction(state: EditorState, tr: Transaction, ctx: SuggestContext): SuggestResult {
  const schema = state.schema;
  const insertionType = schema.marks.insertion!;
  const deletionType = schema.marks.deletion!;
  const out = state.tr;
  let newId: string | undefined;
  const freshId = (): string => (newId ??= ctx.newId());
  let skippedStructure = false;
  // Positions of step i are in tr.docs[i]: the inverses of steps i-1 … 0 take them back to state.doc,
  // out.mapping on into out.doc.
  let cursor: number | undefined;
  let onlyMarks = true;
  const original = tr.steps;
  for (let i = 0; i < original.length; i++) {
    const step = original[i]!;
    const back = new Mapping(original.slice(0, i).map((s) => s.getMap().invert()).reverse());
    const toOut = (pos: number, assoc: number): number => out.mapping.map(back.map(pos, assoc), assoc);
    if (step instanceof ReplaceStep) {
      onlyMarks = false;
      const from = toOut(step.from, -1);
      const to = Math.max(from, toOut(step.to, 1));
      const empty = state.selection.empty && step.slice.size === 0 && original.length === 1;
      const result = suggestReplace(out, from, to, step.slice, {
        backspace: empty && state.selection.head === step.to,
        forward: empty && state.selection.head === step.from,
        insertionType,
        deletionType,
        isOwn: ctx.isOwn,
        freshId,
      });
      if (result.skipped) skippedStructure = true;
      // The caret goes where the rules say when the step is at the caret (typing, Backspace, Delete;
      // commands map the selection rather than set it), or when the original set a selection.
      const atCaret = i === 0 && state.selection.from >= step.from && state.selection.to <= step.to;
      if (atCaret || tr.selectionSet) cursor = result.cursor;
    } else if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      const from = toOut(step.from, 1);
      const to = toOut(step.to, -1);
      if (from < to) suggestMarkStep(out, from, to, step.mark, step instanceof AddMarkStep, ctx, freshId);
    } else {
      // ReplaceAroundStep (wrapping, lists, block types), AttrStep, …: structure, left out.
      skippedStructure = true;
      onlyMarks = false;
    }
  }

  if (cursor !== undefined) out.setSelection(TextSelection.create(out.doc, clamp(cursor, out.doc)));
  else if (tr.selectionSet && onlyMarks) {
    // Only formatting: the positions did not move, so the original's selection holds as it is.
    const { anchor, head } = tr.selection;
    try {
      out.setSelection(TextSelection.create(out.doc, anchor, head));
    } catch {
      // a node selection: leave the selection as the marks left it
    }
  }
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks ? tr.storedMarks.filter((m) => !isSuggestionMark(m)) : null);
  if (tr.scrolledIntoView) out.scrollIntoView();
  // The original's metadata (uiEvent, paste, addToHistory, plugin metas) goes with the replacement.
  const meta = (tr as unknown as { meta: Record<string, unknown> }).meta;
  for (const key of Object.keys(meta)) out.setMeta(key, meta[key]);
  return { tr: out, newId, skippedStructure };
}

function clamp(pos: number, doc: PMNode): number {
  const p = Math.max(0, Math.min(pos, doc.content.size));
  const $p = doc.resolve(p);
  return $p.parent.inlineContent ? p : TextSelection.near($p).head;
}

interface ReplaceOptions {
  backspace: boolean;
  forward: boolean;
  insertionType: MarkType;
  deletionType: MarkType;
  isOwn: (id: string) => boolean;
  freshId: () => string;
}

function markOf(node: PMNode | null | undefined, type: MarkType): Mark | undefined {
  return node ? type.isInSet(node.marks) ?? undefined : undefined;
}

/** The id of an own suggestion of `type` right before or after `pos` (to continue it), if any. */
function ownIdAround(doc: PMNode, pos: number, type: MarkType, isOwn: (id: string) => boolean): string | undefined {
  const $pos = doc.resolve(pos);
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    const mark = markOf(node, type);
    if (mark && isOwn(String(mark.attrs.id))) return String(mark.attrs.id);
  }
  return undefined;
}

/** Whether [from, to) holds text that a deletion can still mark (not yet deleted, not someone else's insertion). */
function hasLiveText(doc: PMNode, from: number, to: number, o: ReplaceOptions): boolean {
  let live = false;
  doc.nodesBetween(from, to, (node) => {
    if (live) return false;
    if (!node.isInline) return true;
    if (markOf(node, o.deletionType)) return false;
    const ins = markOf(node, o.insertionType);
    if (ins && !o.isOwn(String(ins.attrs.id))) return false;
    live = true;
    return false;
  });
  return live;
}

/** Steps over a run of text already marked deleted, left (backspace) or right, within the textblock. */
function skipDeleted(doc: PMNode, pos: number, dir: -1 | 1, o: ReplaceOptions): number {
  const $pos = doc.resolve(pos);
  const start = $pos.start();
  const end = $pos.end();
  let p = pos;
  for (let guard = 0; guard < 100_000; guard++) {
    const $p = doc.resolve(p);
    const node = dir < 0 ? $p.nodeBefore : $p.nodeAfter;
    if (!node || !(markOf(node, o.deletionType) || (markOf(node, o.insertionType) && !o.isOwn(String(markOf(node, o.insertionType)!.attrs.id))))) break;
    const next = p + dir * node.nodeSize;
    if (next < start || next > end) break;
    p = next;
  }
  return p;
}

function suggestReplace(out: Transaction, from: number, to: number, slice: Slice, o: ReplaceOptions): { cursor?: number; skipped: boolean } {
  let skipped = false;
  const sameBlock = out.doc.resolve(from).sameParent(out.doc.resolve(to));
  // Backspace or Delete over text that is already suggested for deletion: mark the next live character.
  if ((o.backspace || o.forward) && from < to && sameBlock && !hasLiveText(out.doc, from, to, o)) {
    const dir = o.backspace ? -1 : 1;
    const edge = skipDeleted(out.doc, o.backspace ? to : from, dir, o);
    const $edge = out.doc.resolve(edge);
    const neighbour = dir < 0 ? $edge.nodeBefore : $edge.nodeAfter;
    if (!neighbour || !neighbour.isInline) return { cursor: edge, skipped: false };
    from = dir < 0 ? edge - 1 : edge;
    to = from + 1;
  }
  if (from < to && !sameBlock && slice.size === 0 && !hasLiveText(out.doc, from, to, o)) {
    // Backspace at the start of a paragraph (a join): structure, left out; the caret moves across.
    return { cursor: o.backspace ? from : to, skipped: true };
  }

  // 1. The deletion: mark live text, remove one's own suggested insertions.
  let deletionId: string | undefined;
  let insertEnd = to;
  if (from < to) {
    deletionId = ownIdAround(out.doc, from, o.deletionType, o.isOwn) ?? ownIdAround(out.doc, to, o.deletionType, o.isOwn);
    const mark: { from: number; to: number }[] = [];
    const remove: { from: number; to: number }[] = [];
    out.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isInline) return true;
      const a = Math.max(pos, from);
      const b = Math.min(pos + node.nodeSize, to);
      if (a >= b) return false;
      const ins = markOf(node, o.insertionType);
      if (ins) {
        if (o.isOwn(String(ins.attrs.id))) remove.push({ from: a, to: b });
      } else if (!markOf(node, o.deletionType)) mark.push({ from: a, to: b });
      return false;
    });
    if (mark.length > 0) {
      const id = (deletionId ??= o.freshId());
      for (const r of mark) out.addMark(r.from, r.to, o.deletionType.create({ id }));
    }
    const firstRemoval = out.mapping.maps.length;
    for (let i = remove.length - 1; i >= 0; i--) out.delete(remove[i]!.from, remove[i]!.to);
    insertEnd = out.mapping.slice(firstRemoval).map(to, 1);
    if (!sameBlock) skipped = true; // the join itself is left out
  }

  // 2. The insertion, after the deleted text (or at the end of a deleted run it would fall into).
  if (!hasText(slice.content)) {
    if (slice.content.size > 0) skipped = true; // a split (Enter) or an empty block: structure
    return { cursor: o.backspace ? from : insertEnd, skipped };
  }
  if (!isInlineOnly(slice.content) && !isSingleTextblock(slice)) skipped = true; // blocks flattened
  const inline = inlineContent(slice);
  let at = insertEnd;
  const $at = out.doc.resolve(at);
  if (markOf($at.nodeBefore, o.deletionType) && markOf($at.nodeAfter, o.deletionType)) at = skipDeleted(out.doc, at, 1, o);
  if (!out.doc.resolve(at).parent.inlineContent) return { cursor: at, skipped: true };
  const insertionId = deletionId ?? ownIdAround(out.doc, at, o.insertionType, o.isOwn) ?? o.freshId();
  out.insert(at, inline);
  const end = at + inline.size;
  out.addMark(at, end, o.insertionType.create({ id: insertionId }));
  return { cursor: end, skipped };
}

function hasText(content: Fragment): boolean {
  let found = false;
  content.descendants((node) => {
    if (found) return false;
    if (node.isText && node.text !== '') found = true;
    return !found;
  });
  return found;
}

function isInlineOnly(content: Fragment): boolean {
  let inline = true;
  content.forEach((n) => {
    if (!n.isInline) inline = false;
  });
  return inline;
}

function isSingleTextblock(slice: Slice): boolean {
  return slice.content.childCount === 1 && slice.content.firstChild!.isTextblock && slice.openStart === 1 && slice.openEnd === 1;
}

/** The slice's text as inline nodes without suggestion marks: blocks joined by a space, non-text inline nodes kept. */
function inlineContent(slice: Slice): Fragment {
  const nodes: PMNode[] = [];
  let gap = false;
  const visit = (fragment: Fragment): void => {
    fragment.forEach((node) => {
      if (node.isText) {
        if (gap && nodes.length > 0) nodes.push(node.type.schema.text(' '));
        gap = false;
        nodes.push(node.mark(node.marks.filter((m) => !isSuggestionMark(m))));
      } else if (node.isTextblock) {
        gap = true;
        visit(node.content);
        gap = true;
      } else if (!node.isInline) visit(node.content);
    });
  };
  // Inline nodes other than text (a hard_break) cannot carry a mark in Yjs: text only.
  visit(slice.content);
  return Fragment.fromArray(nodes);
}

function suggestMarkStep(out: Transaction, from: number, to: number, mark: Mark, add: boolean, ctx: SuggestContext, freshId: () => string): void {
  const schema = out.doc.type.schema;
  const insertionType = schema.marks.insertion!;
  const deletionType = schema.marks.deletion!;
  const modificationType = schema.marks.modification!;
  if (isSuggestionMark(mark)) return; // suggestion marks are set only by these rules and the review
  if (mark.type.name === COMMENT_MARK) {
    // Comments are not suggestions: anchoring one works as always.
    if (add) out.addMark(from, to, mark);
    else out.removeMark(from, to, mark);
    return;
  }
  const segments: { from: number; to: number; node: PMNode }[] = [];
  out.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const a = Math.max(pos, from);
    const b = Math.min(pos + node.nodeSize, to);
    if (a < b) segments.push({ from: a, to: b, node });
    return false;
  });
  for (const s of segments) {
    if (markOf(s.node, deletionType)) continue; // text suggested for deletion keeps its formatting
    if (markOf(s.node, insertionType)) {
      // Suggested text: its formatting is part of the suggestion (insertion excludes modification).
      if (add) out.addMark(s.from, s.to, mark);
      else out.removeMark(s.from, s.to, mark);
      continue;
    }
    const present = mark.type.isInSet(s.node.marks);
    if (add ? present?.eq(mark) : !present) continue; // nothing changes here
    const previous = present ?? null;
    const next = add ? mark : null;
    if (add) out.addMark(s.from, s.to, mark);
    else out.removeMark(s.from, s.to, present!);
    // An own pending change of the same formatting: fold into it (or drop it when this undoes it).
    const earlier = s.node.marks.find((m) => m.type === modificationType && m.attrs.attrName === mark.type.name && ctx.isOwn(String(m.attrs.id)));
    const prevValue = earlier ? (earlier.attrs.previousValue as unknown) : previous ? previous.toJSON() : null;
    const newValue = next ? next.toJSON() : null;
    if (earlier) out.removeMark(s.from, s.to, earlier);
    if (JSON.stringify(prevValue) === JSON.stringify(newValue)) continue;
    const id = earlier ? String(earlier.attrs.id) : freshId();
    out.addMark(s.from, s.to, modificationType.create({ id, type: 'mark', attrName: mark.type.name, previousValue: prevValue, newValue }));
  }
}
