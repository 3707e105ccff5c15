// Property: three replicas making random comment operations (threads on text and on items,
// replies, edits, deletions, resolve/reopen) and random text edits of the commented field
// (typing, deleting, splitting and joining paragraphs), exchanging updates in random order,
// duplicated and delayed, end with the same threads, the same anchors and the same text; no
// thread anyone created and nobody deleted is lost; an anchor names a thread; a thread whose mark
// is gone reads as orphaned with its quote.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { Comments, StrategyModel, VISION_ID, anchorsInFragment, createStrategyDoc } from '../../../shared/model';
import { readFragment } from '../../../shared/model/yfragment';
import { Replicas, canonicalState, seeded } from '../model/replicas';
import { editField } from './helpers';

const REPLICAS = 3;
const AUTHORS = [
  { name: 'Anna', color: '#b03060' },
  { name: 'Bo', color: '#2060b0' },
  { name: 'Cecilie', color: '#207040' },
];
const WORDS = ['data ', 'borger', 'Ø', ' sikkert.', 'x'];

type Step =
  | { kind: 'op'; replica: number; op: number; a: number; b: number; c: number }
  | { kind: 'deliver'; from: number; index: number; to: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('op' as const), replica: fc.nat(REPLICAS - 1), op: fc.nat(10), a: fc.nat(), b: fc.nat(), c: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: fc.nat(REPLICAS - 1), index: fc.nat(60), to: fc.nat(REPLICAS - 1) }) },
);

function baseDoc(): Y.Doc {
  const doc = createStrategyDoc({ title: 'S', organisation: 'K', period: { from: 2025, to: 2028 } });
  const m = new StrategyModel(doc, { random: seeded(1) });
  m.setRich(VISION_ID, 'statement', 'Vi bruger data klogt.\n\nBorgerne møder én kommune.');
  m.add('perspective', { id: 'pe-0', title: 'P0' });
  return doc;
}

interface Ledger {
  created: Set<string>;
  /** Threads whose every message someone deleted. */
  gone: Set<string>;
}

function applyOp(comments: Comments, replica: number, step: Extract<Step, { kind: 'op' }>, ledger: Ledger): void {
  const { op, a, b, c } = step;
  const me = AUTHORS[replica]!;
  const fragment = comments.model.fragment(VISION_ID, 'statement');
  const doc = readFragment(fragment);
  const size = doc.content.size;
  const threads = comments.list();
  const thread = threads.length > 0 ? threads[a % threads.length] : undefined;
  // a text position inside a paragraph (1 .. size-1, never between blocks)
  const textPos = (n: number): number => {
    const candidates: number[] = [];
    doc.descendants((node, pos) => {
      if (node.isTextblock) for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) candidates.push(p);
      return !node.isTextblock;
    });
    return candidates[n % candidates.length]!;
  };
  switch (op) {
    case 0:
    case 1: {
      const from = textPos(a);
      const to = Math.min(from + 1 + (b % 12), textPos(a) + 12);
      const end = Math.min(to, doc.resolve(from).end());
      if (end > from) ledger.created.add(comments.create({ target: { id: VISION_ID, field: 'statement' }, range: { from, to: end }, text: `Kommentar ${c % 100}`, author: me }));
      break;
    }
    case 2:
      ledger.created.add(comments.create({ target: { id: b % 2 ? 'pe-0' : VISION_ID }, text: `Om det hele ${c % 10}`, author: me }));
      break;
    case 3:
      if (thread) comments.reply(thread.id, `Svar ${b % 100}`, me);
      break;
    case 4:
      if (thread) {
        if (b % 2) comments.resolve(thread.id, me);
        else comments.reopen(thread.id);
      }
      break;
    case 5: {
      const own = thread?.messages.find((m) => m.author === me.name);
      if (thread && own) {
        if (b % 3 === 0) {
          comments.deleteMessage(thread.id, own.id, me.name);
          if (comments.get(thread.id) === undefined) ledger.gone.add(thread.id);
        } else comments.editMessage(thread.id, own.id, `${own.text} (rettet ${c % 10})`, me.name);
      }
      break;
    }
    case 6:
    case 7:
      editField(fragment, (tr) => tr.insertText(WORDS[b % WORDS.length]!, textPos(a)));
      break;
    case 8: {
      const from = textPos(a);
      const to = Math.min(from + 1 + (b % 8), doc.resolve(from).end());
      if (to > from) editField(fragment, (tr) => tr.delete(from, to));
      break;
    }
    case 9:
      if (size < 200) editField(fragment, (tr) => tr.split(textPos(a)));
      break;
    case 10: {
      // join two neighbouring paragraphs (delete the boundary)
      if (doc.childCount > 1) {
        const index = 1 + (a % (doc.childCount - 1));
        let boundary = 0;
        for (let i = 0; i < index; i++) boundary += doc.child(i).nodeSize;
        editField(fragment, (tr) => tr.join(boundary));
      }
      break;
    }
  }
}

function runScenario(steps: Step[], seed: number): void {
  const r = new Replicas(baseDoc(), REPLICAS, (i) => seeded(seed + i * 7919));
  const comments = r.models.map((m, i) => new Comments(m, { random: seeded(seed * 31 + i) }));
  const ledger: Ledger = { created: new Set(), gone: new Set() };
  for (const step of steps) {
    if (step.kind === 'op') applyOp(comments[step.replica]!, step.replica, step, ledger);
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
  // Receiving text can make a replica clean up formatting attributes that no longer format
  // anything (Yjs does that in a transaction of its own, sent like any local change, as a
  // provider would): deliver those too, until nothing new comes (bounded).
  for (let round = 0; round < 5; round++) {
    const fresh = r.outbox.flatMap((box, from) => box.slice(sent[from]).map((_, i) => ({ from, index: sent[from]! + i })));
    if (fresh.length === 0) break;
    sent = r.outbox.map((box) => box.length);
    for (const to of [0, 1, 2]) for (const { from, index } of fresh) r.deliver(from, index, to);
  }
  const states = r.docs.map((d) => canonicalState(d));
  expect(states[1]).toBe(states[0]);
  expect(states[2]).toBe(states[0]);
  const lists = comments.map((cm) => cm.list());
  expect(lists[1]).toEqual(lists[0]);
  expect(lists[2]).toEqual(lists[0]);
  const texts = r.models.map((m) => readFragment(m.fragment(VISION_ID, 'statement')).toJSON());
  expect(texts[1]).toEqual(texts[0]);
  expect(texts[2]).toEqual(texts[0]);

  // nothing lost: every thread someone created is there, unless someone deleted all its messages
  const listed = new Set(lists[0]!.map((t) => t.id));
  const stored = r.docs[0]!.getMap<Y.Map<unknown>>('comments');
  for (const id of ledger.created) {
    if (ledger.gone.has(id) || listed.has(id)) continue;
    // unlisted only when its messages were all deleted (each by its author, possibly on different replicas)
    const messages = (stored.get(id)!.get('messages') as Y.Array<Y.Map<unknown>>).toArray();
    expect(messages.every((m) => m.get('deleted') !== undefined)).toBe(true);
  }
  expect(listed.size).toBe(lists[0]!.length);
  // every anchor names a stored thread; anchored threads read their current text, orphans their quote
  const anchors = anchorsInFragment(r.models[0]!.fragment(VISION_ID, 'statement'));
  for (const id of anchors.keys()) expect(r.docs[0]!.getMap('comments').has(id)).toBe(true);
  for (const t of lists[0]!) {
    if (t.anchor !== 'text') continue;
    expect(t.orphaned).toBe(!anchors.has(t.id));
    expect(t.quote.length).toBeGreaterThan(0);
    if (!t.orphaned) expect(t.currentQuote).toBe(anchors.get(t.id)!.text);
  }
}

describe('comments on three replicas converge', () => {
  it('under random comment and text operations and random delivery', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 5, maxLength: 40 }), fc.nat(), (steps, seed) => runScenario(steps, seed)),
      { numRuns: Number(process.env.PEJLING_FC_RUNS ?? 100) },
    );
  });
});
