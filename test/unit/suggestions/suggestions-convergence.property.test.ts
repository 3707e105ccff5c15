// Property: three replicas of one field, each person making random suggestions (typing, deleting,
// replacing, bold), plain edits, and accepting or rejecting random pending suggestions (one, or all
// of one author), with updates delivered in random order, duplicated and delayed, end with the same
// text, the same pending suggestions and the same metadata; every pending suggestion has its
// author; rejecting everything left gives text with no suggestion marks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EditorState, Transaction } from 'prosemirror-state';
import { richSchema } from '../../../shared/richtext/schema';
import { StrategyModel, VISION_ID, createStrategyDoc } from '../../../shared/model';
import { readFragment } from '../../../shared/model/yfragment';
import { decider, decideInFragment, listPending, readSuggestion, suggestionRanges, withoutSuggestions } from '../../../shared/model/suggestions';
import { Replicas, canonicalState, seeded } from '../model/replicas';
import { stateOf, suggestOn, withCursor, writeAsEditor, type User } from './helpers';
import type * as Y from 'yjs';

const REPLICAS = 3;
const USERS: User[] = [
  { authorId: 'u-anna', authorName: 'Anna' },
  { authorId: 'u-bo', authorName: 'Bo' },
  { authorId: 'u-cecilie', authorName: 'Cecilie' },
];
const WORDS = ['data ', 'borger', 'Ø', ' sikkert.', 'x'];

type Step =
  | { kind: 'op'; replica: number; op: number; a: number; b: number; c: number }
  | { kind: 'deliver'; from: number; index: number; to: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('op' as const), replica: fc.nat(REPLICAS - 1), op: fc.nat(8), a: fc.nat(), b: fc.nat(), c: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: fc.nat(REPLICAS - 1), index: fc.nat(60), to: fc.nat(REPLICAS - 1) }) },
);

function baseDoc(): Y.Doc {
  const doc = createStrategyDoc({ title: 'S', organisation: 'K', period: { from: 2025, to: 2028 } });
  const m = new StrategyModel(doc, { random: seeded(1) });
  m.setRich(VISION_ID, 'statement', 'Vi bruger data klogt.\n\nBorgerne møder én kommune.');
  return doc;
}

/** A text position inside a paragraph (never between blocks). */
function textPos(state: EditorState, n: number): number {
  const candidates: number[] = [];
  state.doc.descendants((node, pos) => {
    if (node.isTextblock) for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) candidates.push(p);
    return !node.isTextblock;
  });
  return candidates[n % candidates.length]!;
}

function applyOp(doc: Y.Doc, model: StrategyModel, step: Extract<Step, { kind: 'op' }>, seed: number): void {
  const { replica, op, a, b, c } = step;
  const me = USERS[replica]!;
  const fragment = model.fragment(VISION_ID, 'statement');
  const state = stateOf(fragment);
  const suggest = (select: EditorState, change: (tr: Transaction, s: EditorState) => void) => {
    const r = suggestOn(select, me, change, doc, `2026-12-01T21:${String(c % 60).padStart(2, '0')}:00.000Z`);
    writeAsEditor(fragment, r.state.doc);
  };
  const from = textPos(state, a);
  const to = Math.min(from + 1 + (b % 8), state.doc.resolve(from).end());
  switch (op) {
    case 0: // type
      suggest(withCursor(state, from), (tr, s) => tr.insertText(WORDS[b % WORDS.length]!, s.selection.from));
      break;
    case 1: // Backspace
      if (from > state.doc.resolve(from).start()) suggest(withCursor(state, from), (tr, s) => tr.delete(s.selection.from - 1, s.selection.from));
      break;
    case 2: // select and delete, or type over
      if (to > from) suggest(withCursor(state, from, to), (tr) => (c % 2 ? tr.deleteSelection() : tr.insertText(WORDS[c % WORDS.length]!)));
      break;
    case 3: // bold on or off
      if (to > from) suggest(state, (tr) => (c % 2 ? tr.addMark(from, to, richSchema.marks.strong!.create()) : tr.removeMark(from, to, richSchema.marks.strong!)));
      break;
    case 4: // a plain edit (suggestion mode off)
      writeAsEditor(fragment, state.apply(state.tr.insertText(WORDS[c % WORDS.length]!, from)).doc);
      break;
    case 5:
      if (to > from) writeAsEditor(fragment, state.apply(state.tr.delete(from, to)).doc);
      break;
    case 6:
    case 7: {
      // accept or reject one pending suggestion
      const ids = [...suggestionRanges(state.doc).keys()].sort();
      if (ids.length > 0) decideInFragment(fragment, decider(doc, c % 2 ? 'accept' : 'reject', { ids: [ids[b % ids.length]!] }));
      break;
    }
    case 8: // all of one author
      decideInFragment(fragment, decider(doc, c % 2 ? 'accept' : 'reject', { authorId: USERS[(b + seed) % REPLICAS]!.authorId }));
      break;
  }
}

function runScenario(steps: Step[], seed: number): void {
  const r = new Replicas(baseDoc(), REPLICAS, (i) => seeded(seed + i * 7919));
  for (const step of steps) {
    if (step.kind === 'op') applyOp(r.docs[step.replica]!, r.models[step.replica]!, step, seed);
    else r.deliver(step.from, step.index % Math.max(1, r.outbox[step.from]!.length), step.to);
  }
  const rnd = seeded(seed);
  const all = r.outbox.flatMap((box, from) => box.map((_, index) => ({ from, index })));
  let sent = r.outbox.map((box) => box.length);
  for (let k = 0; k < 2; k++) {
    for (const to of [0, 1, 2]) {
      const order = [...all].sort(() => rnd() - 0.5);
      for (const { from, index } of order) r.deliver(from, index, to);
    }
  }
  // Yjs may clean up formatting attributes after receiving text, in a transaction of its own: deliver those too (bounded).
  for (let round = 0; round < 5; round++) {
    const fresh = r.outbox.flatMap((box, from) => box.slice(sent[from]).map((_, i) => ({ from, index: sent[from]! + i })));
    if (fresh.length === 0) break;
    sent = r.outbox.map((box) => box.length);
    for (const to of [0, 1, 2]) for (const { from, index } of fresh) r.deliver(from, index, to);
  }
  const states = r.docs.map((d) => canonicalState(d));
  expect(states[1]).toBe(states[0]);
  expect(states[2]).toBe(states[0]);
  const texts = r.models.map((m) => readFragment(m.fragment(VISION_ID, 'statement')).toJSON());
  expect(texts[1]).toEqual(texts[0]);
  expect(texts[2]).toEqual(texts[0]);
  const pending = r.docs.map((d) => listPending(d));
  expect(pending[1]).toEqual(pending[0]);
  expect(pending[2]).toEqual(pending[0]);
  for (const p of pending[0]!) {
    expect(p.meta, `suggestion ${p.id} has its author`).toBeDefined();
    expect(USERS.map((u) => u.authorId)).toContain(readSuggestion(r.docs[0]!, p.id)!.authorId);
  }
  const published = withoutSuggestions(readFragment(r.models[0]!.fragment(VISION_ID, 'statement')));
  expect(suggestionRanges(published).size).toBe(0);
}

describe('suggestions on three replicas converge', () => {
  it('under random suggestions, accepts, rejects and plain edits, and random delivery', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 5, maxLength: 40 }), fc.nat(), (steps, seed) => runScenario(steps, seed)),
      { numRuns: Number(process.env.PEJLING_FC_RUNS ?? 100) },
    );
  });
});
