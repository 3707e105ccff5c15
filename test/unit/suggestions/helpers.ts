// Suggestion mode without a browser: a user's transaction on a rich field, turned into a suggestion
// by the same rules the editor uses, and written back with y-prosemirror's diff (what ySyncPlugin does).
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { richSchema } from '../../../shared/richtext/schema';
import { readFragment, writeFragment } from '../../../shared/model/yfragment';
import { suggestTransaction } from '../../../shared/model/suggest-transform';
import { readSuggestion, recordSuggestion } from '../../../shared/model/suggestions';
import { findQuote } from '../../../shared/model/comments';

export interface User {
  authorId: string;
  authorName: string;
}
export const BO: User = { authorId: 'u-bo', authorName: 'Bo' };
export const ANNA: User = { authorId: 'u-anna', authorName: 'Anna' };

let counter = 0;
/** Deterministic ids per test file run. */
export function nextId(): string {
  counter++;
  return `sg-t${String(counter).padStart(4, '0')}`;
}

export function paragraphs(...texts: string[]): PMNode {
  return richSchema.nodes.doc!.create(null, texts.map((t) => richSchema.nodes.paragraph!.create(null, t ? richSchema.text(t) : null)));
}

export function rangeOf(doc: PMNode, text: string): { from: number; to: number } {
  const r = findQuote(doc, text);
  if (!r) throw new Error(`"${text}" is not in the document`);
  return r;
}

/**
 * Runs `change` as `user` in suggestion mode on the state: the selection is set first (`select`),
 * the change made on a transaction, and the suggestion form of it applied. Records the metadata in `ydoc`.
 */
export function suggestOn(
  state: EditorState,
  user: User,
  change: (tr: Transaction, state: EditorState) => void,
  ydoc?: Y.Doc,
  at = '2026-12-01T21:00:00.000Z',
): { state: EditorState; newId: string | undefined; skipped: boolean } {
  const tr = state.tr;
  change(tr, state);
  const result = suggestTransaction(state, tr, {
    newId: nextId,
    isOwn: (id) => (ydoc ? readSuggestion(ydoc, id)?.authorId === user.authorId : ownIds.get(user.authorId)?.has(id) === true),
  });
  if (result.newId) {
    if (ydoc) recordSuggestion(ydoc, result.newId, { ...user, at });
    else {
      const set = ownIds.get(user.authorId) ?? new Set<string>();
      set.add(result.newId);
      ownIds.set(user.authorId, set);
    }
  }
  return { state: state.apply(result.tr), newId: result.newId, skipped: result.skippedStructure };
}
const ownIds = new Map<string, Set<string>>();

export function withCursor(state: EditorState, pos: number, head = pos): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos, head)));
}

/** Text of the doc with suggestions shown: [+inserted+] and [-deleted-], blocks separated by " | ". */
export function show(doc: PMNode): string {
  const blocks: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let s = '';
    node.forEach((child) => {
      const text = child.text ?? '';
      const ins = child.marks.find((m) => m.type.name === 'insertion');
      const del = child.marks.find((m) => m.type.name === 'deletion');
      const mod = child.marks.find((m) => m.type.name === 'modification');
      const bold = child.marks.some((m) => m.type.name === 'strong');
      let piece = bold ? `*${text}*` : text;
      if (mod) piece = `{~${piece}~}`;
      s += ins ? `[+${piece}+]` : del ? `[-${piece}-]` : piece;
    });
    blocks.push(s);
    return false;
  });
  return blocks.join(' | ');
}

/** An editor's write of a state to its fragment (origin as the editor's binding). */
export function writeAsEditor(fragment: Y.XmlFragment, doc: PMNode): void {
  fragment.doc!.transact(() => writeFragment(fragment, doc), ySyncPluginKey);
}

/** An editor state over the fragment's current content. */
export function stateOf(fragment: Y.XmlFragment): EditorState {
  return EditorState.create({ doc: readFragment(fragment) });
}

/** Two-way sync of replicas by their full states. */
export function sync(...docs: Y.Doc[]): void {
  const states = docs.map((d) => Y.encodeStateAsUpdate(d));
  docs.forEach((doc, i) => states.forEach((s, j) => i !== j && Y.applyUpdate(doc, s, 'test:network')));
}
