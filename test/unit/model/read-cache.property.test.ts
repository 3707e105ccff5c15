// Property: the model's cached sibling reads (shared/model/items.ts) equal an uncached reference
// (./reference-reads.ts) at every moment a reader can look: after each edit, in every transaction's
// observers (local edits and merged remote updates alike), and in the middle of a transaction right
// after a move. Two replicas edit a random strategy through the model API, exchange updates in random
// order, and end merged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StrategyModel, VISION_ID, createStrategyDoc } from '../../../shared/model';
import { COLLECTIONS, ITEM_KINDS } from '../../../shared/model/layout';
import type { ItemKind } from '../../../shared/model/types';
import { seeded } from './replicas';
import { firstDifference, referenceSiblings } from './reference-reads';

const OPS = 18;

type Step =
  | { kind: 'op'; replica: number; op: number; a: number; b: number; c: number }
  | { kind: 'deliver'; from: number; index: number; to: number }
  | { kind: 'sync' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('op' as const), replica: fc.nat(1), op: fc.nat(OPS - 1), a: fc.nat(), b: fc.nat(), c: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: fc.nat(1), index: fc.nat(40), to: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const) }) },
);

const at = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

function startDoc(): Y.Doc {
  const doc = createStrategyDoc({ title: 'Læsning', organisation: 'Kommune', period: { from: 2026, to: 2029 } });
  const m = new StrategyModel(doc, { random: seeded(7) });
  const pe = m.add('perspective', { id: 'pe-a', title: 'Borgere' });
  m.add('perspective', { id: 'pe-b', title: 'Medarbejdere' });
  m.add('focusArea', { id: 'fa-a', perspectiveId: pe, title: 'Selvbetjening', body: 'Tekst' });
  m.add('actionPlan', { id: 'hp-a', title: 'Plan 2026', kind: 'common', period: { from: 2026, to: 2027 } });
  m.add('initiative', { id: 'in-a', planId: 'hp-a', title: 'Portal' });
  return doc;
}

/** Every stored id of a kind as this replica reads it, stand-ins included. */
const ids = (m: StrategyModel, kind: ItemKind): string[] => (m.list(kind) as { id: string; virtual?: boolean }[]).map((v) => v.id);
const stored = (m: StrategyModel, kind: ItemKind): string[] =>
  (m.list(kind) as { id: string; virtual?: boolean }[]).filter((v) => !v.virtual).map((v) => v.id);

/** One edit through the model API (and, rarely, a foreign writer's invalid order key). */
function edit(m: StrategyModel, doc: Y.Doc, step: Extract<Step, { kind: 'op' }>, check: (where: string) => void): void {
  const { op, a, b, c } = step;
  const perspectives = ids(m, 'perspective');
  const focusAreas = ids(m, 'focusArea');
  const plans = ids(m, 'actionPlan');
  switch (op) {
    case 0:
      m.add('perspective', { title: `P${a % 50}`, hidden: b % 7 === 0 }, { index: c % 4 });
      break;
    case 1: {
      const pe = at(perspectives, a);
      if (pe) m.add('focusArea', { perspectiveId: pe, title: `F${b % 50}`, body: '' }, { index: c % 4 });
      break;
    }
    case 2: {
      const fa = at(focusAreas, a);
      if (fa) m.add('goal', { focusAreaId: fa, text: `G${b % 50}` }, { index: c % 3 });
      break;
    }
    case 3: {
      const parent = at([VISION_ID, ...stored(m, 'perspective')], a)!;
      m.add('principle', { title: `Pr${b % 50}`, parentId: parent }, { index: c % 3 });
      break;
    }
    case 4:
      if (a % 2) m.add('actionPlan', { title: `H${b % 50}`, kind: 'local', period: { from: 2026, to: 2027 } }, { index: c % 3 });
      else m.add(a % 4 === 0 ? 'section' : 'bearing', { title: `S${b % 50}`, body: '' }, { index: c % 3 });
      break;
    case 5: {
      const plan = at(plans, a);
      if (plan) m.add('initiative', { planId: plan, title: `I${b % 50}` }, { index: c % 5 });
      break;
    }
    case 6: {
      const fa = at(stored(m, 'focusArea'), a);
      const pe = at(perspectives, b);
      if (fa && pe) m.move(fa, { parentId: pe, index: c % 4 });
      break;
    }
    case 7: {
      const i = at(stored(m, 'initiative'), a);
      const plan = at(plans, b);
      if (i && plan) m.move(i, b % 3 === 0 ? { index: c % 5 } : { parentId: plan, index: c % 5 });
      break;
    }
    case 8: {
      // within its siblings, any movable kind
      const kind = at(['section', 'principle', 'bearing', 'perspective', 'focusArea', 'goal', 'actionPlan', 'initiative', 'owner'] as const, a)!;
      const id = at(stored(m, kind), b);
      if (id) m.move(id, { index: c % 4 });
      break;
    }
    case 9: {
      const pe = at(stored(m, 'perspective'), a);
      if (pe) m.delete(pe);
      break;
    }
    case 10: {
      const kind = at(['focusArea', 'actionPlan', 'goal', 'initiative', 'principle'] as const, a)!;
      const id = at(stored(m, kind), b);
      if (id) m.delete(id);
      break;
    }
    case 11: {
      const id = at(stored(m, 'focusArea'), a);
      if (id) m.update('focusArea', id, { title: `F*${b % 50}` });
      const i = at(stored(m, 'initiative'), b);
      if (i) m.update('initiative', i, { title: `I*${c % 50}` });
      break;
    }
    case 12: {
      // A foreign writer: an order key that is not one (read as ''), or a copy of a sibling's key (a tie).
      const kind = at(ITEM_KINDS, a)!;
      const all = referenceSiblings(doc, kind);
      const target = at(all, b);
      if (!target) break;
      const item = doc.getMap<Y.Map<unknown>>(COLLECTIONS[kind].root).get(target.id)!;
      const values: unknown[] = [42, 'not a key!', '', at(all, c)?.order ?? 'a0'];
      doc.transact(() => item.set('order', values[c % values.length]), 'test:foreign');
      break;
    }
    case 13: {
      // One transaction: move a focus area to another perspective, read both lists in the middle, then
      // place a new one right after it (the model reads siblings inside its own transaction).
      const fa = at(stored(m, 'focusArea'), a);
      const pe = at(stored(m, 'perspective'), b);
      if (!fa || !pe) break;
      doc.transact(() => {
        m.move(fa, { parentId: pe, index: c % 3 });
        check('inside a transaction, after a move');
        m.add('focusArea', { perspectiveId: pe, title: 'Efter', body: '' }, { after: fa });
        check('inside a transaction, after an add');
      });
      break;
    }
    case 14: {
      // One transaction: delete a plan (its initiatives with it) and add a plan in its place.
      const plan = at(stored(m, 'actionPlan'), a);
      doc.transact(() => {
        if (plan) m.delete(plan);
        check('inside a transaction, after a delete');
        m.add('actionPlan', { title: `H+${b % 50}`, kind: 'common', period: { from: 2026, to: 2028 } }, { index: c % 2 });
      });
      break;
    }
    case 16: {
      // A foreign writer: a parent stored as a Y.Text (read by its content), or that text edited in place.
      const kind = at(['focusArea', 'initiative', 'goal', 'principle'] as const, a)!;
      const items = doc.getMap<Y.Map<unknown>>(COLLECTIONS[kind].root);
      const withText = referenceSiblings(doc, kind).filter((e) => items.get(e.id)?.get('parent') instanceof Y.Text);
      const target = c % 2 === 0 && withText.length > 0 ? at(withText, b) : at(referenceSiblings(doc, kind), b);
      if (!target) break;
      const item = items.get(target.id)!;
      const parents = [...doc.getMap(COLLECTIONS[COLLECTIONS[kind].parent!.kind!].root).keys(), VISION_ID, 'nowhere'];
      const next = at(parents, c)!;
      const current = item.get('parent');
      doc.transact(() => {
        if (current instanceof Y.Text && c % 2 === 0) {
          current.delete(0, current.length);
          current.insert(0, next);
        } else {
          item.set('parent', new Y.Text(next));
        }
      }, 'test:foreign');
      break;
    }
    case 17: {
      // Edits that change no position: titles typed into, a goal's text, an initiative's status.
      const fa = at(stored(m, 'focusArea'), a);
      if (fa) m.update('focusArea', fa, { title: `Titel ${b % 30}` });
      const g = at(stored(m, 'goal'), b);
      if (g) m.update('goal', g, { text: `Mål ${c % 30}` });
      const i = at(stored(m, 'initiative'), c);
      if (i) m.update('initiative', i, { status: (['planned', 'active', 'done'] as const)[a % 3]! });
      break;
    }
    case 15: {
      const p = at(stored(m, 'principle'), a);
      const parent = at([VISION_ID, ...stored(m, 'perspective')], b)!;
      if (p) m.move(p, { parentId: parent, index: c % 3 });
      break;
    }
  }
}

const NETWORK = 'test:network';

function run(steps: Step[], seed: number): void {
  const start = Y.encodeStateAsUpdate(startDoc());
  const docs = [new Y.Doc(), new Y.Doc()];
  const outbox: Uint8Array[][] = [[], []];
  const models: (StrategyModel | undefined)[] = [undefined, undefined];
  const fail = (where: string, replica: number) => {
    const difference = firstDifference(docs[replica]!, models[replica]);
    if (difference) throw new Error(`replica ${replica}, ${where}: ${difference}`);
  };
  docs.forEach((doc, i) => {
    // Readers registered before anything else reads the doc, so they run before any listener of the model's
    // own: deep observers (they run before 'afterTransaction') and a transaction listener.
    doc.on('afterTransaction', () => fail('after a transaction', i));
    for (const kind of ITEM_KINDS) doc.getMap(COLLECTIONS[kind].root).observeDeep(() => fail('in a deep observer', i));
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== NETWORK) outbox[i]!.push(update);
    });
    Y.applyUpdate(doc, start, NETWORK);
  });
  docs.forEach((doc, i) => {
    const m = new StrategyModel(doc, { random: seeded(seed * 2 + i + 1) });
    m.observe(() => fail('in a model observer', i));
    models[i] = m;
  });
  const syncAll = () => {
    const states = docs.map((d) => Y.encodeStateAsUpdate(d));
    Y.applyUpdate(docs[0]!, states[1]!, NETWORK);
    Y.applyUpdate(docs[1]!, states[0]!, NETWORK);
  };
  for (const step of steps) {
    if (step.kind === 'op') {
      edit(models[step.replica]!, docs[step.replica]!, step, (where) => fail(where, step.replica));
      fail(`after op ${step.op}`, step.replica);
    } else if (step.kind === 'deliver') {
      const update = outbox[step.from]![step.index];
      if (step.from !== step.to && update) Y.applyUpdate(docs[step.to]!, update, NETWORK);
      fail('after a delivered update', step.to);
    } else {
      syncAll();
    }
  }
  syncAll();
  fail('merged', 0);
  fail('merged', 1);
  for (const kind of ITEM_KINDS) expect(ids(models[0]!, kind)).toEqual(ids(models[1]!, kind));
}

describe('cached sibling reads', () => {
  it('equal the uncached reference after every edit, in observers, inside transactions and once merged', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 5, maxLength: 45 }), fc.nat(10_000), (steps, seed) => run(steps, seed)),
      { numRuns: 60 },
    );
  });
});
