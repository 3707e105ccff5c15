// Suggestions in a field that a second replica edits at the same time (two Y.Docs synced by
// updates): both people's suggestions and plain edits survive, metadata travels with them, and
// accepting or rejecting on one replica meets concurrent typing on the other.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { richSchema } from '../../../shared/richtext/schema';
import { createStrategyDoc, StrategyModel } from '../../../shared/model';
import { readFragment } from '../../../shared/model/yfragment';
import { decider, decideInDocument, decideInFragment, listPending, pendingInFragment } from '../../../shared/model/suggestions';
import { ANNA, BO, rangeOf, show, stateOf, suggestOn, sync, withCursor, writeAsEditor, type User } from './helpers';
import type { Transaction, EditorState } from 'prosemirror-state';

function twoReplicas(): { a: Y.Doc; b: Y.Doc; fa: string } {
  const base = createStrategyDoc({ title: 'Digital strategi', organisation: 'Odder Kommune', period: { from: 2025, to: 2028 } });
  const model = new StrategyModel(base);
  const pe = model.add('perspective', { id: 'pe-borger', title: 'Borgeren' });
  const fa = model.add('focusArea', { id: 'fa-data', perspectiveId: pe, title: 'Data', body: 'Data deles sikkert mellem fagområder.' });
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
  return { a, b, fa };
}

const body = (doc: Y.Doc, fa: string) => new StrategyModel(doc).fragment(fa, 'body');

/** `user` makes a change in suggestion mode on replica `doc`'s field, as the editor would. */
function suggestIn(doc: Y.Doc, fa: string, user: User, select: (s: EditorState) => EditorState, change: (tr: Transaction, s: EditorState) => void): string | undefined {
  const fragment = body(doc, fa);
  const r = suggestOn(select(stateOf(fragment)), user, change, doc);
  writeAsEditor(fragment, r.state.doc);
  return r.newId;
}

function plainEdit(doc: Y.Doc, fa: string, change: (tr: Transaction, s: EditorState) => void): void {
  const fragment = body(doc, fa);
  const state = stateOf(fragment);
  const tr = state.tr;
  change(tr, state);
  writeAsEditor(fragment, tr.doc);
}

const at = (quote: string, end = false) => (s: EditorState) => withCursor(s, end ? rangeOf(s.doc, quote).to : rangeOf(s.doc, quote).from);
const over = (quote: string) => (s: EditorState) => withCursor(s, rangeOf(s.doc, quote).from, rangeOf(s.doc, quote).to);

describe('suggestions with a second replica editing the same field', () => {
  it('a suggested insertion: both replicas see it with its author; accept meets concurrent typing', () => {
    const { a, b, fa } = twoReplicas();
    const id = suggestIn(a, fa, BO, at('sikkert'), (tr) => tr.insertText('altid '));
    plainEdit(b, fa, (tr, s) => tr.insertText(' i dag', rangeOf(s.doc, 'fagområder').to));
    sync(a, b);
    for (const doc of [a, b]) {
      expect(show(readFragment(body(doc, fa)))).toBe('Data deles [+altid +]sikkert mellem fagområder i dag.');
      expect(listPending(doc).map((p) => [p.id, p.meta?.authorName, p.inserted])).toEqual([[id, 'Bo', 'altid ']]);
    }
    // Anna accepts while Bo goes on typing in his own suggestion.
    decideInFragment(body(b, fa), decider(b, 'accept', { ids: [id!] }));
    suggestIn(a, fa, BO, at('sikkert'), (tr, s) => tr.insertText('og ', s.selection.from));
    sync(a, b);
    const texts = [a, b].map((d) => show(readFragment(body(d, fa))));
    expect(texts[0]).toBe(texts[1]);
    // Bo's "og " went on suggestion `id` while Anna accepted it: Yjs gives text typed inside a run the
    // run's concurrent formatting, so it is accepted with the rest (docs/suggestions.md).
    expect(texts[0]).toBe('Data deles altid og sikkert mellem fagområder i dag.');
  });

  it('a suggested deletion rejected on one replica while the other suggests next to it: both outcomes hold', () => {
    const { a, b, fa } = twoReplicas();
    const bo = suggestIn(a, fa, BO, over('sikkert '), (tr) => tr.deleteSelection());
    sync(a, b);
    const anna = suggestIn(b, fa, ANNA, at('mellem'), (tr) => tr.insertText('trygt '));
    decideInFragment(body(a, fa), decider(a, 'reject', { ids: [bo!] }));
    sync(a, b);
    for (const doc of [a, b]) {
      expect(show(readFragment(body(doc, fa)))).toBe('Data deles sikkert [+trygt +]mellem fagområder.');
      expect(listPending(doc).map((p) => [p.id, p.meta?.authorName])).toEqual([[anna, 'Anna']]);
    }
  });

  it('two people suggesting in the same paragraph at once both keep theirs, and each decides apart', () => {
    const { a, b, fa } = twoReplicas();
    suggestIn(a, fa, BO, over('sikkert'), (tr) => tr.insertText('trygt'));
    suggestIn(b, fa, ANNA, at('fagområder', true), (tr) => tr.insertText(' og med borgerne'));
    sync(a, b);
    const pending = listPending(a);
    expect(pending.map((p) => [p.meta?.authorName, p.deleted, p.inserted])).toEqual([
      ['Bo', 'sikkert', 'trygt'],
      ['Anna', '', ' og med borgerne'],
    ]);
    expect(show(readFragment(body(b, fa)))).toBe('Data deles [-sikkert-][+trygt+] mellem fagområder[+ og med borgerne+].');
    decideInDocument(b, 'accept', { authorId: ANNA.authorId });
    decideInDocument(a, 'reject', { authorId: BO.authorId });
    sync(a, b);
    for (const doc of [a, b]) expect(show(readFragment(body(doc, fa)))).toBe('Data deles sikkert mellem fagområder og med borgerne.');
    expect(pendingInFragment(body(a, fa), { id: fa, field: 'body' })).toEqual([]);
  });

  it('suggested formatting: accepted on one replica while the other edits plainly elsewhere', () => {
    const { a, b, fa } = twoReplicas();
    const strong = richSchema.marks.strong!;
    const id = suggestIn(a, fa, BO, (s) => s, (tr, s) => {
      const r = rangeOf(s.doc, 'sikkert');
      tr.addMark(r.from, r.to, strong.create());
    });
    plainEdit(b, fa, (tr, s) => tr.insertText('Al ', rangeOf(s.doc, 'Data').from));
    sync(a, b);
    expect(listPending(b).map((p) => [p.kinds, p.modified, p.modifications[0]?.attrName])).toEqual([[['modification'], 'sikkert', 'strong']]);
    decideInFragment(body(b, fa), decider(b, 'accept', { ids: [id!] }));
    sync(a, b);
    for (const doc of [a, b]) expect(show(readFragment(body(doc, fa)))).toBe('Al Data deles *sikkert* mellem fagområder.');
  });

  it('suggested formatting rejected comes off again on both replicas', () => {
    const { a, b, fa } = twoReplicas();
    const strong = richSchema.marks.strong!;
    suggestIn(a, fa, BO, (s) => s, (tr, s) => {
      const r = rangeOf(s.doc, 'deles');
      tr.addMark(r.from, r.to, strong.create());
    });
    sync(a, b);
    decideInDocument(b, 'reject');
    plainEdit(a, fa, (tr, s) => tr.insertText('!', rangeOf(s.doc, 'fagområder').to));
    sync(a, b);
    for (const doc of [a, b]) expect(show(readFragment(body(doc, fa)))).toBe('Data deles sikkert mellem fagområder!.');
  });

  it('deciding in the whole document is one transaction (one undo step)', () => {
    const { a, fa } = twoReplicas();
    suggestIn(a, fa, BO, over('sikkert'), (tr) => tr.insertText('trygt'));
    suggestIn(a, fa, ANNA, at('Data'), (tr) => tr.insertText('Al '));
    const undo = new Y.UndoManager(body(a, fa), { trackedOrigins: new Set(['review']) });
    const before = show(readFragment(body(a, fa)));
    const decided = decideInDocument(a, 'accept', {}, 'review');
    expect(decided.size).toBe(2);
    expect(show(readFragment(body(a, fa)))).toBe('Al Data deles trygt mellem fagområder.');
    expect(undo.undoStack.length).toBe(1);
    undo.undo();
    expect(show(readFragment(body(a, fa)))).toBe(before);
    expect(listPending(a)).toHaveLength(2);
  });
});
