// Suggestion mode's rules and the review (issue 14): what typing, deleting and formatting in
// suggestion mode leave in the text, and what accepting or rejecting each makes of it.
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { richSchema } from '../../../shared/richtext/schema';
import {
  decideInState,
  decideInTransform,
  listPending,
  newSuggestionId,
  readSuggestion,
  recordSuggestion,
  SuggestionError,
  suggestionRanges,
  withoutSuggestions,
  withSuggestionsAccepted,
} from '../../../shared/model/suggestions';
import { createStrategyDoc, StrategyModel, VISION_ID } from '../../../shared/model';
import { ANNA, BO, paragraphs, rangeOf, show, suggestOn, withCursor } from './helpers';

const decideAll = (state: EditorState, decision: 'accept' | 'reject') => state.apply(decideInState(state, () => decision)!);

function start(...texts: string[]): EditorState {
  return EditorState.create({ doc: paragraphs(...texts) });
}

describe('suggestion mode: typing', () => {
  it('typed text is a suggested insertion, and typing on continues the same suggestion', () => {
    let state = start('Vi bruger data.');
    const at = rangeOf(state.doc, 'data').from;
    state = withCursor(state, at);
    let r = suggestOn(state, BO, (tr) => tr.insertText('gode '));
    state = r.state;
    const first = r.newId;
    r = suggestOn(state, BO, (tr, s) => tr.insertText('x', s.selection.from));
    state = r.state;
    expect(show(state.doc)).toBe('Vi bruger [+gode x+]data.');
    expect(r.newId).toBeUndefined(); // the same suggestion went on
    expect(first).toMatch(/^sg-/);
    expect(show(decideAll(state, 'accept').doc)).toBe('Vi bruger gode xdata.');
    expect(show(decideAll(state, 'reject').doc)).toBe('Vi bruger data.');
  });

  it("another person typing next to Bo's suggestion makes a suggestion of her own", () => {
    let state = withCursor(start('Data.'), 1);
    state = suggestOn(state, BO, (tr) => tr.insertText('Gode ')).state;
    const end = state.selection.from;
    const anna = suggestOn(withCursor(state, end), ANNA, (tr) => tr.insertText('nye '));
    expect(anna.newId).toBeDefined();
    const ids = new Set<string>();
    anna.state.doc.descendants((n) => {
      for (const m of n.marks) if (m.type.name === 'insertion') ids.add(String(m.attrs.id));
    });
    expect(ids.size).toBe(2);
    expect(show(anna.state.doc)).toBe('[+Gode +][+nye +]Data.');
  });

  it('typing over a selection is one suggestion: deletion and insertion share the id', () => {
    let state = start('Vi bruger data klogt.');
    const r0 = rangeOf(state.doc, 'klogt');
    state = withCursor(state, r0.from, r0.to);
    const r = suggestOn(state, BO, (tr) => tr.insertText('sikkert'));
    expect(show(r.state.doc)).toBe('Vi bruger data [-klogt-][+sikkert+].');
    const ranges: string[] = [];
    r.state.doc.descendants((n) => {
      for (const m of n.marks) ranges.push(`${m.type.name}:${String(m.attrs.id)}`);
    });
    expect(new Set(ranges.map((x) => x.split(':')[1])).size).toBe(1);
    expect(r.state.selection.from).toBe(rangeOf(r.state.doc, 'sikkert').to); // the caret follows the new text
    expect(show(decideAll(r.state, 'accept').doc)).toBe('Vi bruger data sikkert.');
    expect(show(decideAll(r.state, 'reject').doc)).toBe('Vi bruger data klogt.');
  });

  it('suggestion marks and structure in pasted content do not carry over: several paragraphs become one run', () => {
    let state = withCursor(start('Start.'), 1);
    const pasted = paragraphs('Første', 'Anden');
    const r = suggestOn(state, BO, (tr) => tr.replaceSelection(pasted.slice(0, pasted.content.size)));
    expect(r.skipped).toBe(true);
    expect(show(r.state.doc)).toBe('[+Første Anden+]Start.');
    state = r.state;
    expect(state.doc.childCount).toBe(1);
  });
});

describe('suggestion mode: deleting', () => {
  it('Backspace marks text deleted and moves on over what is already marked', () => {
    let state = start('Vi bruger data.');
    state = withCursor(state, rangeOf(state.doc, 'data').to);
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const r = suggestOn(state, BO, (tr, s) => tr.delete(s.selection.from - 1, s.selection.from));
      state = r.state;
      if (r.newId) ids.add(r.newId);
    }
    expect(show(state.doc)).toBe('Vi bruger[- data-].');
    expect(ids.size).toBe(1); // one suggestion for the whole word
    expect(show(decideAll(state, 'accept').doc)).toBe('Vi bruger.');
    expect(show(decideAll(state, 'reject').doc)).toBe('Vi bruger data.');
  });

  it('Delete (forward) marks the next character and the caret passes it', () => {
    let state = start('abc');
    state = withCursor(state, 1);
    for (let i = 0; i < 2; i++) state = suggestOn(state, BO, (tr, s) => tr.delete(s.selection.from, s.selection.from + 1)).state;
    expect(show(state.doc)).toBe('[-ab-]c');
    expect(state.selection.from).toBe(3);
  });

  it("deleting one's own suggested text removes it; someone else's stays for the review", () => {
    let state = withCursor(start('Data.'), 1);
    state = suggestOn(state, BO, (tr) => tr.insertText('Nye ')).state;
    const own = suggestOn(withCursor(state, 1, 5), BO, (tr) => tr.deleteSelection());
    expect(show(own.state.doc)).toBe('Data.');
    const other = suggestOn(withCursor(state, 1, 5), ANNA, (tr) => tr.deleteSelection());
    expect(show(other.state.doc)).toBe('[+Nye +]Data.');
  });

  it('a join (Backspace at the start of a paragraph) and a split (Enter) are left out', () => {
    let state = start('Et', 'To');
    const secondStart = rangeOf(state.doc, 'To').from;
    state = withCursor(state, secondStart);
    const join = suggestOn(state, BO, (tr) => tr.delete(secondStart - 2, secondStart));
    expect(join.skipped).toBe(true);
    expect(show(join.state.doc)).toBe('Et | To');
    expect(join.state.selection.from).toBe(secondStart - 2);
    const split = suggestOn(withCursor(state, 2), BO, (tr) => tr.split(2));
    expect(split.skipped).toBe(true);
    expect(show(split.state.doc)).toBe('Et | To');
  });
});

describe('suggestion mode: formatting', () => {
  const strong = richSchema.marks.strong!;

  it('bold is a suggested modification: accept keeps it, reject takes it away', () => {
    let state = start('Vi bruger data.');
    const r0 = rangeOf(state.doc, 'data');
    state = suggestOn(state, BO, (tr) => tr.addMark(r0.from, r0.to, strong.create())).state;
    expect(show(state.doc)).toBe('Vi bruger {~*data*~}.');
    const mod = state.doc.nodeAt(r0.from)!.marks.find((m) => m.type.name === 'modification')!;
    expect(mod.attrs).toMatchObject({ type: 'mark', attrName: 'strong', previousValue: null, newValue: { type: 'strong' } });
    expect(show(decideAll(state, 'accept').doc)).toBe('Vi bruger *data*.');
    expect(show(decideAll(state, 'reject').doc)).toBe('Vi bruger data.');
  });

  it('taking bold away is a suggestion too, and undoing one own change leaves no suggestion', () => {
    const doc = richSchema.nodes.doc!.create(null, [richSchema.nodes.paragraph!.create(null, [richSchema.text('Vi '), richSchema.text('skal', [strong.create()]), richSchema.text(' nu.')])]);
    let state = EditorState.create({ doc });
    const r0 = rangeOf(state.doc, 'skal');
    state = suggestOn(state, BO, (tr) => tr.removeMark(r0.from, r0.to, strong)).state;
    expect(show(state.doc)).toBe('Vi {~skal~} nu.');
    expect(show(decideAll(state, 'reject').doc)).toBe('Vi *skal* nu.');
    const again = suggestOn(state, BO, (tr) => tr.addMark(r0.from, r0.to, strong.create())).state;
    expect(show(again.doc)).toBe('Vi *skal* nu.');
  });
});

describe('review helpers', () => {
  it('decides only the suggestions asked for', () => {
    let state = withCursor(start('a b'), 2);
    const one = suggestOn(state, BO, (tr) => tr.insertText('X'));
    state = withCursor(one.state, one.state.doc.content.size - 1);
    const two = suggestOn(state, ANNA, (tr) => tr.insertText('Y'));
    state = two.state;
    expect(show(state.doc)).toBe('a[+X+] b[+Y+]');
    const tr = state.tr;
    const decided = decideInTransform(tr, (id) => (id === one.newId ? 'reject' : undefined));
    expect([...decided]).toEqual([one.newId]);
    expect(show(tr.doc)).toBe('a b[+Y+]');
    expect(decideInState(state, () => undefined)).toBeNull();
  });

  it('finds each suggestion\'s ranges in a document (for the editor\'s highlights)', () => {
    let state = start('Vi bruger data klogt.');
    const r0 = rangeOf(state.doc, 'klogt');
    const r = suggestOn(withCursor(state, r0.from, r0.to), BO, (tr) => tr.insertText('sikkert'));
    state = r.state;
    expect([...suggestionRanges(state.doc)]).toEqual([
      [r.newId, [{ kind: 'deletion', from: r0.from, to: r0.to }, { kind: 'insertion', from: r0.to, to: r0.to + 7 }]],
    ]);
  });

  it('the text without and with the pending suggestions', () => {
    let state = start('Vi bruger data klogt.');
    const r0 = rangeOf(state.doc, 'klogt');
    state = suggestOn(withCursor(state, r0.from, r0.to), BO, (tr) => tr.insertText('sikkert')).state;
    expect(show(withoutSuggestions(state.doc))).toBe('Vi bruger data klogt.');
    expect(show(withSuggestionsAccepted(state.doc))).toBe('Vi bruger data sikkert.');
  });

  it('records metadata once, refuses bad input with a message that says where', () => {
    const doc = createStrategyDoc({ title: 'T', organisation: 'O', period: { from: 2025, to: 2028 } });
    const id = newSuggestionId(() => 0.5);
    expect(id).toMatch(/^sg-[0-9a-z]{10}$/);
    recordSuggestion(doc, id, { ...BO, at: '2026-12-01T21:00:00.000Z' });
    recordSuggestion(doc, id, { ...ANNA, at: '2026-12-01T22:00:00.000Z' });
    expect(readSuggestion(doc, id)).toEqual({ authorId: 'u-bo', authorName: 'Bo', at: '2026-12-01T21:00:00.000Z' });
    expect(() => recordSuggestion(doc, 'sg-x', { ...BO, at: 'i går' })).toThrow(SuggestionError);
    expect(() => recordSuggestion(doc, 'sg-x', { ...BO, at: 'i går' })).toThrow(/suggestion "sg-x": at must be an ISO time/);
    expect(() => recordSuggestion(doc, '', { ...BO, at: '2026-12-01T21:00:00Z' })).toThrow(/non-empty id/);
    expect(readSuggestion(doc, 'sg-none')).toBeUndefined();
  });

  it('lists pending suggestions per field with their author, text and kind', () => {
    const doc = createStrategyDoc({ title: 'T', organisation: 'O', period: { from: 2025, to: 2028 } });
    const model = new StrategyModel(doc);
    model.setRich(VISION_ID, 'statement', 'Vi bruger data klogt.');
    const pe = model.add('perspective', { title: 'Borgeren' });
    const fa = model.add('focusArea', { perspectiveId: pe, title: 'Data', body: 'Data deles.' });
    expect(listPending(doc)).toEqual([]);
    recordSuggestion(doc, 'sg-bo1', { ...BO, at: '2026-12-01T21:00:00.000Z' });
    const ins = richSchema.marks.insertion!.create({ id: 'sg-bo1' });
    const del = richSchema.marks.deletion!.create({ id: 'sg-an1' });
    model.setRich(fa, 'body', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Data ' }, { type: 'text', text: 'altid ', marks: [ins.toJSON()] }, { type: 'text', text: 'deles', marks: [del.toJSON()] }, { type: 'text', text: '.' }] }] } as never);
    const pending = listPending(doc);
    expect(pending.map((p) => ({ id: p.id, kinds: p.kinds, inserted: p.inserted, deleted: p.deleted, target: p.target, author: p.meta?.authorName }))).toEqual([
      { id: 'sg-bo1', kinds: ['insertion'], inserted: 'altid ', deleted: '', target: { id: fa, field: 'body' }, author: 'Bo' },
      { id: 'sg-an1', kinds: ['deletion'], inserted: '', deleted: 'deles', target: { id: fa, field: 'body' }, author: undefined },
    ]);
    expect(listPending(doc, { authorId: 'u-bo' }).map((p) => p.id)).toEqual(['sg-bo1']);
    expect(listPending(doc, { itemId: VISION_ID })).toEqual([]);
  });
});
