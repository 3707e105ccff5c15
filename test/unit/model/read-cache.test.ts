// The model's sibling reads are kept between transactions (shared/model/items.ts); these are the moments
// where a kept reading would be wrong if it were kept too long: inside a transaction that moves, adds or
// deletes, in the observers of that transaction, after a parent is deleted here or by another replica,
// and with order keys a foreign writer left invalid.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RECOVERED_PERSPECTIVE_ID, RECOVERED_PLAN_ID, StrategyModel, createStrategyDoc } from '../../../shared/model';
import { ItemIndex } from '../../../shared/model/items';
import { seeded } from './replicas';
import { firstDifference } from './reference-reads';

function strategy(): { doc: Y.Doc; m: StrategyModel } {
  const doc = createStrategyDoc({ title: 'Strategi', organisation: 'Kommune', period: { from: 2026, to: 2029 } });
  const m = new StrategyModel(doc, { random: seeded(3) });
  m.add('perspective', { id: 'pe-1', title: 'Borgere' });
  m.add('perspective', { id: 'pe-2', title: 'Medarbejdere' });
  m.add('focusArea', { id: 'fa-1', perspectiveId: 'pe-1', title: 'Selvbetjening', body: '' });
  m.add('focusArea', { id: 'fa-2', perspectiveId: 'pe-1', title: 'Data', body: '' });
  m.add('focusArea', { id: 'fa-3', perspectiveId: 'pe-2', title: 'Kompetencer', body: '' });
  m.add('actionPlan', { id: 'hp-1', title: 'Plan', kind: 'common', period: { from: 2026, to: 2027 } });
  m.add('initiative', { id: 'in-1', planId: 'hp-1', title: 'Portal' });
  m.add('initiative', { id: 'in-2', planId: 'hp-1', title: 'Chatbot' });
  return { doc, m };
}

const titles = (m: StrategyModel, perspectiveId: string) => m.list('focusArea', perspectiveId).map((f) => f.id);

describe('sibling reads kept between transactions', () => {
  it('an item moved to another parent inside a transaction is read there in the same transaction and after it', () => {
    const { doc, m } = strategy();
    expect(titles(m, 'pe-1')).toEqual(['fa-1', 'fa-2']); // read, so a reading is kept
    expect(titles(m, 'pe-2')).toEqual(['fa-3']);
    doc.transact(() => {
      m.move('fa-1', { parentId: 'pe-2', index: 0 });
      expect(titles(m, 'pe-1')).toEqual(['fa-2']);
      expect(titles(m, 'pe-2')).toEqual(['fa-1', 'fa-3']);
      // The model places by the siblings it reads here: "after fa-1" must find fa-1 under pe-2.
      m.add('focusArea', { id: 'fa-4', perspectiveId: 'pe-2', title: 'Ny', body: '' }, { after: 'fa-1' });
      expect(titles(m, 'pe-2')).toEqual(['fa-1', 'fa-4', 'fa-3']);
    });
    expect(titles(m, 'pe-1')).toEqual(['fa-2']);
    expect(titles(m, 'pe-2')).toEqual(['fa-1', 'fa-4', 'fa-3']);
    expect(m.get('focusArea', 'fa-1')?.perspectiveId).toBe('pe-2');
    expect(firstDifference(doc, m)).toBeUndefined();
  });

  it('observers of a transaction read its result, also those registered before the model existed', () => {
    const doc = createStrategyDoc({ title: 'Strategi', organisation: 'Kommune', period: { from: 2026, to: 2029 } });
    const seen: string[][] = [];
    const deep: string[][] = [];
    // Registered first: these run before any listener the model adds to the doc.
    doc.on('afterTransaction', () => seen.push(new StrategyModel(doc).list('perspective').map((p) => p.title)));
    doc.getMap('perspectives').observeDeep(() => deep.push(new ItemIndex(doc).siblings('perspective').map((e) => e.id)));
    const m = new StrategyModel(doc, { random: seeded(5) });
    const ids = () => m.list('perspective').map((p) => p.id); // a read between transactions, kept until the next
    m.add('perspective', { id: 'pe-1', title: 'Første' });
    expect(ids()).toEqual(['pe-1']);
    m.add('perspective', { id: 'pe-2', title: 'Anden' }, { index: 0 });
    expect(ids()).toEqual(['pe-2', 'pe-1']);
    m.update('perspective', 'pe-1', { title: 'Første, omdøbt' });
    expect(ids()).toEqual(['pe-2', 'pe-1']);
    m.delete('pe-2');
    expect(ids()).toEqual(['pe-1']);
    expect(seen).toEqual([['Første'], ['Anden', 'Første'], ['Anden', 'Første, omdøbt'], ['Første, omdøbt']]);
    expect(deep).toEqual([['pe-1'], ['pe-2', 'pe-1'], ['pe-2', 'pe-1'], ['pe-1']]);
  });

  it('a transaction opened by an observer is seen by the observers after it', () => {
    const { m } = strategy();
    const later: string[][] = [];
    let reacted = false;
    m.observe(() => {
      if (reacted || !m.get('focusArea', 'fa-9')) return;
      reacted = true;
      expect(titles(m, 'pe-2')).toEqual(['fa-3', 'fa-9']); // read, so a reading is kept
      m.move('fa-9', { index: 0 }); // an observer changing the document (a nested transaction)
    });
    m.observe(() => later.push(titles(m, 'pe-2')));
    m.add('focusArea', { id: 'fa-9', perspectiveId: 'pe-2', title: 'Sidst', body: '' });
    expect(later[0]).toEqual(['fa-9', 'fa-3']);
    expect(titles(m, 'pe-2')).toEqual(['fa-9', 'fa-3']);
  });

  it('a parent deleted here takes its children out of every read', () => {
    const { doc, m } = strategy();
    expect(m.list('initiative').map((i) => i.id)).toEqual(['in-1', 'in-2']);
    m.delete('hp-1');
    expect(m.list('actionPlan')).toEqual([]);
    expect(m.list('initiative')).toEqual([]);
    expect(new ItemIndex(doc).siblings('initiative', 'hp-1')).toEqual([]);
    expect(firstDifference(doc, m)).toBeUndefined();
  });

  it('a parent deleted by another replica while this one added to it: the child is read under the stand-in', () => {
    const { doc: a, m: ma } = strategy();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const mb = new StrategyModel(b, { random: seeded(9) });
    expect(titles(ma, 'pe-2')).toEqual(['fa-3']);
    expect(ma.list('actionPlan').map((p) => p.id)).toEqual(['hp-1']);
    ma.add('focusArea', { id: 'fa-5', perspectiveId: 'pe-2', title: 'Imens', body: '' });
    ma.add('initiative', { id: 'in-3', planId: 'hp-1', title: 'Imens' });
    mb.delete('pe-2');
    mb.delete('hp-1');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    // The orphans are read under their stand-ins, which now end the lists of their containers.
    expect(titles(ma, 'pe-2')).toEqual([]);
    expect(titles(ma, RECOVERED_PERSPECTIVE_ID)).toEqual(['fa-5']);
    expect(ma.list('perspective').map((p) => p.id)).toEqual(['pe-1', RECOVERED_PERSPECTIVE_ID]);
    expect(ma.list('actionPlan').map((p) => p.id)).toEqual([RECOVERED_PLAN_ID]);
    expect(ma.list('initiative', RECOVERED_PLAN_ID).map((i) => i.id)).toEqual(['in-3']);
    expect(ma.get('focusArea', 'fa-5')?.perspectiveId).toBe(RECOVERED_PERSPECTIVE_ID);
    expect(firstDifference(a, ma)).toBeUndefined();
    // Moved out of the stand-in, the orphan is read under its new parent and the stand-in is gone.
    ma.move('fa-5', { parentId: 'pe-1', index: 0 });
    expect(titles(ma, 'pe-1')).toEqual(['fa-5', 'fa-1', 'fa-2']);
    expect(ma.list('perspective').map((p) => p.id)).toEqual(['pe-1']);
  });

  it('invalid order keys read as "" (first, then by id), after a foreign writer changes them', () => {
    const { doc, m } = strategy();
    expect(titles(m, 'pe-1')).toEqual(['fa-1', 'fa-2']);
    const areas = doc.getMap<Y.Map<unknown>>('focusAreas');
    doc.transact(() => areas.get('fa-2')!.set('order', 17), 'foreign');
    expect(titles(m, 'pe-1')).toEqual(['fa-2', 'fa-1']);
    doc.transact(() => areas.get('fa-1')!.set('order', 'not a key!'), 'foreign');
    expect(titles(m, 'pe-1')).toEqual(['fa-1', 'fa-2']); // both '': by id
    expect(new ItemIndex(doc).siblings('focusArea', 'pe-1').map((e) => e.order)).toEqual(['', '']);
    expect(firstDifference(doc, m)).toBeUndefined();
  });

  it('a parent stored as a Y.Text by a foreign writer is read by its content, also after the text is edited', () => {
    const { doc, m } = strategy();
    const area = doc.getMap<Y.Map<unknown>>('focusAreas').get('fa-1')!;
    const parent = new Y.Text('pe-2');
    doc.transact(() => area.set('parent', parent), 'foreign');
    expect(titles(m, 'pe-2')).toContain('fa-1');
    doc.transact(() => {
      parent.delete(0, parent.length);
      parent.insert(0, 'pe-1');
    }, 'foreign');
    expect(titles(m, 'pe-1')).toContain('fa-1');
    expect(titles(m, 'pe-2')).toEqual(['fa-3']);
    expect(firstDifference(doc, m)).toBeUndefined();
  });

  it('a model made inside a transaction reads what that transaction changes', () => {
    const { doc } = strategy();
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    fresh.transact(() => {
      const m = new StrategyModel(fresh, { random: seeded(4) }); // the first reader of `fresh`, inside its transaction
      expect(titles(m, 'pe-1')).toEqual(['fa-1', 'fa-2']);
      m.move('fa-1', { parentId: 'pe-2', index: 0 });
      expect(titles(m, 'pe-1')).toEqual(['fa-2']);
      expect(titles(m, 'pe-2')).toEqual(['fa-1', 'fa-3']);
    });
    expect(firstDifference(fresh)).toBeUndefined();
  });

  it('a caller changing the array it got does not change the next read', () => {
    const { doc } = strategy();
    const index = new ItemIndex(doc);
    const first = index.siblings('focusArea', 'pe-1');
    first.reverse();
    first.pop();
    expect(index.siblings('focusArea', 'pe-1').map((e) => e.id)).toEqual(['fa-1', 'fa-2']);
    const all = index.siblings('focusArea');
    all.length = 0;
    expect(index.siblings('focusArea')).toHaveLength(3);
    expect(firstDifference(doc)).toBeUndefined();
  });
});
