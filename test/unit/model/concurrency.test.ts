import { describe, expect, it } from 'vitest';
import {
  RECOVERED_FOCUS_AREA_ID,
  RECOVERED_PERSPECTIVE_ID,
  RECOVERED_PLAN_ID,
  StrategyModel,
  createStrategyDoc,
  exportStrategy,
  importStrategy,
} from '../../../shared/model';
import { Replicas, canonicalState, idsInFile } from './replicas';

function base() {
  const doc = createStrategyDoc({ title: 'S', organisation: 'K', period: { from: 2025, to: 2028 } });
  const m = new StrategyModel(doc);
  const pa = m.add('perspective', { id: 'pe-a', title: 'A' });
  const pb = m.add('perspective', { id: 'pe-b', title: 'B' });
  const pc = m.add('perspective', { id: 'pe-c', title: 'C' });
  for (const n of [1, 2, 3, 4]) m.add('focusArea', { id: `fa-${n}`, perspectiveId: pa, title: `F${n}` });
  m.add('goal', { id: 'go-1', focusAreaId: 'fa-1', text: 'Mål' });
  m.add('owner', { id: 'ow-1', name: 'IT', kind: 'unit' });
  m.add('owner', { id: 'ow-2', name: 'Forum', kind: 'forum' });
  m.add('actionPlan', { id: 'hp-1', title: 'H1', kind: 'common', period: { from: 2025, to: 2026 } });
  m.add('actionPlan', { id: 'hp-2', title: 'H2', kind: 'local', period: { from: 2025, to: 2026 } });
  m.add('initiative', { id: 'in-1', planId: 'hp-1', title: 'I1', ownerId: 'ow-1', focusAreaIds: ['fa-1'] });
  return { doc, pa, pb, pc };
}

function expectConverged(r: Replicas): ReturnType<typeof exportStrategy> {
  const files = r.docs.map((d) => exportStrategy(d));
  for (const f of files.slice(1)) expect(f).toEqual(files[0]);
  const states = r.docs.map((d) => canonicalState(d));
  for (const s of states.slice(1)) expect(s).toBe(states[0]);
  const ids = idsInFile(files[0]!);
  expect(new Set(ids).size).toBe(ids.length); // nothing duplicated
  return files[0]!;
}

describe('concurrent moves', () => {
  it('the same item moved to two different perspectives ends in exactly one', () => {
    const { doc } = base();
    const r = new Replicas(doc, 2);
    r.models[0]!.move('fa-2', { parentId: 'pe-b' });
    r.models[1]!.move('fa-2', { parentId: 'pe-c', index: 0 });
    r.syncAll();
    const file = expectConverged(r);
    const homes = file.perspectives.filter((p) => p.focusAreas.some((f) => f.id === 'fa-2')).map((p) => p.id);
    expect(homes).toHaveLength(1);
    expect(['pe-b', 'pe-c']).toContain(homes[0]);
  });

  it('the same item moved to two different places in its list appears once', () => {
    const { doc } = base();
    const r = new Replicas(doc, 2);
    r.models[0]!.move('fa-3', { index: 0 });
    r.models[1]!.move('fa-3', { after: 'fa-4' });
    r.syncAll();
    const file = expectConverged(r);
    expect(file.perspectives[0]!.focusAreas.map((f) => f.id).sort()).toEqual(['fa-1', 'fa-2', 'fa-3', 'fa-4']);
  });

  it('different items reordered on three replicas are all present, once', () => {
    const { doc } = base();
    const r = new Replicas(doc, 3);
    r.models[0]!.move('fa-4', { index: 0 });
    r.models[1]!.move('fa-1', { index: 3 });
    r.models[2]!.move('fa-2', { after: 'fa-3' });
    r.models[2]!.move('pe-c', { index: 0 });
    r.syncAll();
    const file = expectConverged(r);
    expect(file.perspectives.find((p) => p.id === 'pe-a')!.focusAreas.map((f) => f.id).sort()).toEqual(['fa-1', 'fa-2', 'fa-3', 'fa-4']);
    expect(file.perspectives.map((p) => p.id)).toEqual(['pe-c', 'pe-a', 'pe-b']);
  });

  it('two replicas inserting at the same spot keep both items', () => {
    const { doc } = base();
    const r = new Replicas(doc, 2);
    const x = r.models[0]!.add('focusArea', { perspectiveId: 'pe-a', title: 'X' }, { after: 'fa-1' });
    const y = r.models[1]!.add('focusArea', { perspectiveId: 'pe-a', title: 'Y' }, { after: 'fa-1' });
    r.syncAll();
    const file = expectConverged(r);
    const order = file.perspectives[0]!.focusAreas.map((f) => f.id);
    expect(order.slice(0, 1)).toEqual(['fa-1']);
    expect(new Set(order.slice(1, 3))).toEqual(new Set([x, y]));
  });
});

describe('concurrent deletion', () => {
  it('an owner deleted while another replica assigns it: a dangling reference, reported, no crash', () => {
    const { doc } = base();
    const r = new Replicas(doc, 2);
    r.models[0]!.delete('ow-2', { reassignTo: 'ow-1' });
    const added = r.models[1]!.add('initiative', { planId: 'hp-1', title: 'Ny', ownerId: 'ow-2', participantIds: ['ow-1', 'ow-2'] });
    r.syncAll();
    expectConverged(r);
    const m = r.models[0]!;
    const initiative = m.get('initiative', added)!;
    expect(initiative.ownerId).toBe('ow-2');
    expect(m.get('owner', initiative.ownerId)).toBeUndefined();
    expect(m.danglingReferences()).toEqual([
      { fromId: added, field: 'ownerId', missingId: 'ow-2' },
      { fromId: added, field: 'participantIds', missingId: 'ow-2' },
    ]);
    expect(m.list('initiative').filter((i) => i.ownerId === 'ow-2').map((i) => i.id)).toEqual([added]);
  });

  it('children added to a parent deleted concurrently are kept under stand-ins, and survive a round trip', () => {
    const { doc } = base();
    const r = new Replicas(doc, 2);
    const deleted = [...r.models[0]!.idsDeletedWith('pe-a'), ...r.models[0]!.idsDeletedWith('hp-1')];
    r.models[0]!.delete('pe-a');
    r.models[0]!.delete('hp-1');
    expect(deleted).toEqual(expect.arrayContaining(['pe-a', 'fa-1', 'fa-2', 'fa-3', 'fa-4', 'go-1', 'hp-1', 'in-1']));
    const fa = r.models[1]!.add('focusArea', { perspectiveId: 'pe-a', title: 'Ny' });
    const goal = r.models[1]!.add('goal', { focusAreaId: 'fa-2', text: 'Nyt mål' });
    const initiative = r.models[1]!.add('initiative', { planId: 'hp-1', title: 'Nyt initiativ' });
    r.syncAll();
    const file = expectConverged(r);
    const ids = idsInFile(file);
    for (const id of [fa, goal, initiative]) expect(ids).toContain(id);
    const m = r.models[0]!;
    expect(m.list('perspective').at(-1)).toMatchObject({ id: RECOVERED_PERSPECTIVE_ID, virtual: true });
    expect(m.list('focusArea', RECOVERED_PERSPECTIVE_ID).map((f) => f.id)).toEqual([fa, RECOVERED_FOCUS_AREA_ID]);
    expect(m.list('goal', RECOVERED_FOCUS_AREA_ID).map((g) => g.id)).toEqual([goal]);
    expect(m.list('initiative', RECOVERED_PLAN_ID).map((i) => i.id)).toEqual([initiative]);
    expect(m.danglingReferences()).toEqual(
      expect.arrayContaining([
        { fromId: fa, field: 'perspectiveId', missingId: 'pe-a' },
        { fromId: goal, field: 'focusAreaId', missingId: 'fa-2' },
        { fromId: initiative, field: 'planId', missingId: 'hp-1' },
      ]),
    );
    // the file is a valid strategy that round-trips
    const again = exportStrategy(importStrategy(file));
    expect(again).toEqual(file);
    // moving a rescued item out of the stand-in is a normal move
    m.move(fa, { parentId: 'pe-b' });
    expect(m.list('focusArea', 'pe-b').map((f) => f.id)).toEqual([fa]);
  });

  it('an item deleted on one replica and edited on another stays deleted', () => {
    const { doc } = base();
    const r = new Replicas(doc, 2);
    r.models[0]!.delete('fa-3');
    r.models[1]!.update('focusArea', 'fa-3', { title: 'Ændret' });
    r.models[1]!.setRich('fa-3', 'body', 'Ny tekst');
    r.syncAll();
    const file = expectConverged(r);
    expect(idsInFile(file)).not.toContain('fa-3');
  });
});
