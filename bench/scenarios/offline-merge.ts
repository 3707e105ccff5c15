// 5. Offline merge: two replicas of the large strategy each make 10,000 edits while apart (focus-area
// text typed into the rich-text fragments, and structure through the model: titles, goals, moves,
// statuses, new initiatives), then exchange updates (state vector → missing update, both ways). Measured:
// the exchange until both hold the same state, and the check that both read as the same strategy.
// Baseline: the same number of text edits on two plain Y.Text replicas, merged the same way.
import * as Y from 'yjs';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { seededRandom } from '../lib/stats';
import { exportStrategy, importStrategy, LOCAL_ORIGIN, StrategyModel } from '../../shared/model';
import type { InitiativeStatus } from '../../shared/format/schema';
import { generateLargeStrategy } from '../generate-large-strategy';

const GROUP = '5 Offline merge';
const EDITS = 10_000;
const WORDS = ['digital', 'borgeren', 'sammenhæng', 'data', 'sikkerhed', 'velfærd', 'løsning', 'gevinst', 'kommunen', 'samarbejde'];
const STATUSES: InitiativeStatus[] = ['planned', 'active', 'done', 'delayed'];

/** The first text node of a random paragraph of a focus area's body. */
function paragraphText(model: StrategyModel, focusAreaId: string, rnd: () => number): Y.XmlText | null {
  const blocks = model.fragment(focusAreaId, 'body').toArray().filter((b): b is Y.XmlElement => b instanceof Y.XmlElement);
  const block = blocks[Math.floor(rnd() * blocks.length)];
  const text = block?.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
  return text ?? null;
}

/** `count` edits on one replica, each its own transaction; returns the time taken. */
function editReplica(doc: Y.Doc, seed: number, count: number): number {
  const rnd = seededRandom(seed);
  const model = new StrategyModel(doc, { random: rnd });
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const focusAreas = model.list('focusArea').map((f) => f.id);
  const perspectives = model.list('perspective').map((p) => p.id);
  const plans = model.list('actionPlan').map((p) => p.id);
  const initiatives = model.list('initiative').map((i) => i.id);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const roll = rnd();
    if (roll < 0.6) {
      // Typing in a focus area: a word in, or a few characters out (as the editor binding writes it).
      const text = paragraphText(model, pick(focusAreas), rnd);
      if (!text) continue;
      doc.transact(() => {
        const at = Math.floor(rnd() * (text.length + 1));
        if (rnd() < 0.75 || text.length < 10) text.insert(at, `${pick(WORDS)} `);
        else text.delete(Math.min(at, text.length - 5), 1 + Math.floor(rnd() * 4));
      }, LOCAL_ORIGIN);
    } else if (roll < 0.7) {
      model.update('focusArea', pick(focusAreas), { title: `Indsatsområde ${i} ${pick(WORDS)}` });
    } else if (roll < 0.78) {
      model.add('goal', { focusAreaId: pick(focusAreas), text: `Målsætning ${i}: mere ${pick(WORDS)}` });
    } else if (roll < 0.83) {
      model.move(pick(focusAreas), { parentId: pick(perspectives), index: Math.floor(rnd() * 10) });
    } else if (roll < 0.9) {
      model.update('initiative', pick(initiatives), { status: pick(STATUSES) });
    } else if (roll < 0.95) {
      initiatives.push(model.add('initiative', { planId: pick(plans), title: `Nyt initiativ ${i}`, focusAreaIds: [pick(focusAreas)] }));
    } else {
      model.move(pick(initiatives), { index: Math.floor(rnd() * 50) });
    }
  }
  return performance.now() - started;
}

/** Exchanges what each replica misses, both ways, as the sync protocol does. */
function exchange(a: Y.Doc, b: Y.Doc): { ms: number; bytes: number } {
  const started = performance.now();
  const forB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const forA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, forB, 'remote');
  Y.applyUpdate(a, forA, 'remote');
  return { ms: performance.now() - started, bytes: forA.length + forB.length };
}

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}

function plainBaseline(baseText: string): { editMs: number; mergeMs: number } {
  const base = new Y.Doc();
  base.getText('t').insert(0, baseText);
  const state = Y.encodeStateAsUpdate(base);
  const replicas = [new Y.Doc(), new Y.Doc()];
  let editMs = 0;
  replicas.forEach((doc, r) => {
    Y.applyUpdate(doc, state);
    const rnd = seededRandom(100 + r);
    const text = doc.getText('t');
    const started = performance.now();
    for (let i = 0; i < EDITS; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      if (rnd() < 0.75) text.insert(at, `${WORDS[Math.floor(rnd() * WORDS.length)]} `);
      else text.delete(Math.min(at, text.length - 5), 1 + Math.floor(rnd() * 4));
    }
    editMs += performance.now() - started;
  });
  const merged = exchange(replicas[0]!, replicas[1]!);
  if (!sameState(replicas[0]!, replicas[1]!) || replicas[0]!.getText('t').toString() !== replicas[1]!.getText('t').toString()) {
    throw new Error('the plain Y.Text replicas did not converge');
  }
  return { editMs, mergeMs: merged.ms };
}

export async function measureOfflineMerge(ctx: BenchContext): Promise<Figure[]> {
  const strategy = generateLargeStrategy();
  const base = importStrategy(strategy);
  const state = Y.encodeStateAsUpdate(base);
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, state);
  Y.applyUpdate(b, state);
  const editMs = editReplica(a, 1, EDITS) + editReplica(b, 2, EDITS);
  ctx.log(`offline merge: ${2 * EDITS} model edits made in ${Math.round(editMs)} ms`);

  const merged = exchange(a, b);
  const verifyStart = performance.now();
  const identical = sameState(a, b) && JSON.stringify(exportStrategy(a)) === JSON.stringify(exportStrategy(b));
  const verifyMs = performance.now() - verifyStart;
  if (!identical) throw new Error('the two replicas did not converge to the same strategy');

  const baseText = strategy.perspectives.flatMap((p) => p.focusAreas.map((f) => (typeof f.body === 'string' ? f.body : ''))).join('\n');
  const plain = plainBaseline(baseText);
  const budget = { text: '< 1000 ms', maxValue: 1000 };
  return [
    figure({
      id: 'merge.exchange',
      group: GROUP,
      title: `Merge 2 × ${EDITS.toLocaleString('en-US')} offline edits (exchange updates until identical)`,
      value: merged.ms,
      unit: 'ms',
      baseline: { label: `2 × ${EDITS.toLocaleString('en-US')} plain Y.Text edits`, value: plain.mergeMs, unit: 'ms' },
      budget,
      details: { updateBytes: merged.bytes, modelEditsMs: Math.round(editMs), plainEditsMs: Math.round(plain.editMs) },
    }),
    figure({
      id: 'merge.converged',
      group: GROUP,
      title: 'Merge + check both replicas read as the same strategy',
      value: merged.ms + verifyMs,
      unit: 'ms',
      baseline: { label: 'merge of plain Y.Text replicas', value: plain.mergeMs, unit: 'ms' },
      details: { verifyMs: Math.round(verifyMs) },
    }),
  ];
}
