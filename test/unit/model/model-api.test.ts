import { describe, expect, it } from 'vitest';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import {
  LOCAL_ORIGIN,
  StrategyModel,
  VISION_ID,
  createStrategyDoc,
  exportStrategy,
  readSummary,
} from '../../../shared/model';
import { richSchema } from '../../../shared/richtext';

function newModel(): StrategyModel {
  return new StrategyModel(createStrategyDoc({ title: 'IT-strategi', organisation: 'Test Kommune', period: { from: 2025, to: 2028 } }));
}

/** Counts non-empty transactions (those that produce an update) and their origins. */
function recordUpdates(doc: Y.Doc): unknown[] {
  const origins: unknown[] = [];
  doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
  return origins;
}

describe('meta and labels', () => {
  it('reads, updates and clears fields', () => {
    const m = newModel();
    m.updateMeta({ subtitle: 'Sammen', status: 'draft', period: { from: 2026, to: 2029 } });
    expect(m.getMeta()).toEqual({ title: 'IT-strategi', organisation: 'Test Kommune', period: { from: 2026, to: 2029 }, subtitle: 'Sammen', status: 'draft' });
    m.updateMeta({ subtitle: null });
    expect('subtitle' in m.getMeta()).toBe(false);
    expect(() => m.updateMeta({ title: null })).toThrow(/required/);
    m.updateLabels({ perspective: 'Tema', bearings: 'Pejlemærker' });
    m.updateLabels({ perspective: null });
    expect(m.getLabels()).toEqual({ bearings: 'Pejlemærker' });
  });

  it('summarises a document for lists', () => {
    const m = newModel();
    expect(readSummary(m.doc)).toEqual({ title: 'IT-strategi', organisation: 'Test Kommune' });
    m.touch('2025-05-01T10:00:00.000Z');
    expect(readSummary(m.doc).modified).toBe('2025-05-01T10:00:00.000Z');
  });
});

describe('create, read, update, move, delete of every kind', () => {
  it('sections with placement', () => {
    const m = newModel();
    const a = m.addSection({ title: 'Forord', body: 'Tekst', placement: 'beforeVision' });
    const b = m.addSection({ title: 'Roller' }, { before: a });
    expect(m.sections().map((s) => s.title)).toEqual(['Roller', 'Forord']);
    m.updateSection(b, { title: 'Roller og ansvar', placement: 'end' });
    m.updateSection(a, { placement: null });
    expect(m.sections()).toEqual([
      { id: b, title: 'Roller og ansvar', placement: 'end' },
      { id: a, title: 'Forord' },
    ]);
    m.moveSection(b, { index: 5 });
    expect(m.sections().map((s) => s.id)).toEqual([a, b]);
    expect(m.getRich(a, 'body')).toBe('Tekst');
    expect(m.getRich(b, 'body')).toBe(''); // required field: empty, not absent
    expect(m.idsDeletedWith(a)).toEqual([a]);
    m.deleteSection(a);
    expect(m.getSection(a)).toBeUndefined();
  });

  it('vision statement and body are fragments; principles and bearings are ordered lists', () => {
    const m = newModel();
    m.setRich(VISION_ID, 'statement', 'Én **digital** kommune');
    expect(m.getRich(VISION_ID, 'statement')).toBe('Én **digital** kommune');
    expect(m.getRich(VISION_ID, 'body')).toBeUndefined();
    const p1 = m.addPrinciple({ title: 'Digitalt først' });
    const p2 = m.addPrinciple({ title: 'Genbrug', body: 'Før *nyt*' }, { index: 0 });
    const b1 = m.addBearing({ title: 'Selvbetjening' });
    expect(m.principles().map((p) => p.id)).toEqual([p2, p1]);
    expect(m.bearings()).toEqual([{ id: b1, kind: 'bearing', parentId: VISION_ID, title: 'Selvbetjening' }]);
    m.updateStatement(p1, { title: 'Digital først' });
    expect(m.getStatement(p1)?.title).toBe('Digital først');
    const pe = m.addPerspective({ title: 'Borgeren' });
    m.movePrinciple(p1, { parentId: pe });
    expect(m.principles().map((p) => p.id)).toEqual([p2]);
    expect(m.principles(pe).map((p) => p.id)).toEqual([p1]);
    m.deleteStatement(b1);
    expect(m.bearings()).toEqual([]);
  });

  it('perspectives (hidden), focus areas and goals', () => {
    const m = newModel();
    const pa = m.addPerspective({ title: 'A', intro: 'Intro' });
    const pb = m.addPerspective({ title: 'B', hidden: true });
    expect(m.perspectives()).toEqual([
      { id: pa, title: 'A', hidden: false },
      { id: pb, title: 'B', hidden: true },
    ]);
    m.updatePerspective(pb, { hidden: false, title: 'B2' });
    expect(m.getPerspective(pb)).toEqual({ id: pb, title: 'B2', hidden: false });
    const f1 = m.addFocusArea({ perspectiveId: pa, title: 'F1', body: 'Krop' });
    const f2 = m.addFocusArea({ perspectiveId: pa, title: 'F2' });
    const g1 = m.addGoal({ focusAreaId: f1, text: 'Mål 1' });
    const g2 = m.addGoal({ focusAreaId: f1, text: 'Mål 2' }, { before: g1 });
    expect(m.goals(f1).map((g) => g.text)).toEqual(['Mål 2', 'Mål 1']);
    m.updateGoal(g1, { text: 'Mål ét' });
    m.moveGoal(g2, { parentId: f2 });
    expect(m.goals(f2)).toEqual([{ id: g2, focusAreaId: f2, text: 'Mål 2' }]);
    m.updateFocusArea(f2, { title: 'F2b' });
    expect(m.focusAreas(pa).map((f) => f.title)).toEqual(['F1', 'F2b']);
    expect(m.focusAreas().map((f) => f.id)).toEqual([f1, f2]);
    m.movePerspective(pb, { before: pa });
    expect(m.perspectives().map((p) => p.id)).toEqual([pb, pa]);
    expect(m.getRich(pa, 'intro')).toBe('Intro');
    m.deleteGoal(g1);
    expect(m.getGoal(g1)).toBeUndefined();
    // deleting a perspective deletes its focus areas, their goals and its principles
    const pr = m.addPrinciple({ title: 'P', parentId: pa });
    expect(new Set(m.idsDeletedWith(pa))).toEqual(new Set([pa, f1, f2, g2, pr]));
    m.deletePerspective(pa);
    for (const id of [pa, f1, f2, g2, pr]) expect(m.kindOf(id)).toBeUndefined();
    expect(m.focusAreas()).toEqual([]);
  });

  it('moving a focus area to another perspective is one field change', () => {
    const m = newModel();
    const pa = m.addPerspective({ title: 'A' });
    const pb = m.addPerspective({ title: 'B' });
    const f = m.addFocusArea({ perspectiveId: pa, title: 'F' });
    const other = m.addFocusArea({ perspectiveId: pb, title: 'G' });
    const changedKeys: string[] = [];
    m.doc.getMap('focusAreas').observeDeep((events) => {
      for (const e of events) if (e instanceof Y.YMapEvent) changedKeys.push(...e.keysChanged);
    });
    const origins = recordUpdates(m.doc);
    m.moveFocusArea(f, { before: other }); // parent taken from the neighbour
    expect(origins).toEqual([LOCAL_ORIGIN]);
    expect(new Set(changedKeys)).toEqual(new Set(['parent', 'order']));
    expect(m.focusAreas(pb).map((x) => x.id)).toEqual([f, other]);
    expect(m.focusAreas(pa)).toEqual([]);
    expect(m.getFocusArea(f)?.perspectiveId).toBe(pb);
  });

  it('owners, action plans and initiatives with every field', () => {
    const m = newModel();
    const pe = m.addPerspective({ title: 'P' });
    const fa = m.addFocusArea({ perspectiveId: pe, title: 'F' });
    const unit = m.addOwner({ name: 'IT', kind: 'unit' });
    const anna = m.addOwner({ name: 'Anna', kind: 'person', parentId: unit, email: 'anna@x.dk' });
    m.updateOwner(anna, { email: null, name: 'Anna J.' });
    expect(m.getOwner(anna)).toEqual({ id: anna, name: 'Anna J.', kind: 'person', parentId: unit });
    m.moveOwner(anna, { index: 0 });
    expect(m.owners().map((o) => o.id)).toEqual([anna, unit]);

    const common = m.addActionPlan({ title: 'Fælles', kind: 'common', period: { from: 2025, to: 2026 }, ownerId: unit, intro: '*Intro*' });
    const local = m.addActionPlan({ title: 'Lokal', kind: 'local', period: { from: 2025, to: 2026 }, parentPlanId: common });
    m.updateActionPlan(local, { period: { from: 2025, to: 2027 }, ownerId: anna });
    expect(m.getActionPlan(local)).toEqual({ id: local, title: 'Lokal', kind: 'local', period: { from: 2025, to: 2027 }, ownerId: anna, parentPlanId: common });

    const i1 = m.addInitiative({
      planId: common,
      title: 'Login',
      description: 'Ét login',
      focusAreaIds: [fa],
      ownerId: unit,
      participantIds: [anna],
      start: '2025-01',
      end: '2026-06',
      status: 'planned',
      priority: 1,
      businessCase: { status: 'draft' },
      budget: { amountDkk: 100000, source: 'Pulje' },
    });
    const i2 = m.addInitiative({ planId: local, title: 'Byggesag', focusAreaIds: [], supportsInitiativeIds: [i1] });
    m.updateInitiative(i1, { businessCase: { status: 'approved', benefit: 'Gevinst' }, budget: null, end: null, priority: 2 });
    m.addReference(i1, 'participantIds', unit);
    m.addReference(i1, 'participantIds', unit); // no duplicate
    m.removeReference(i1, 'participantIds', anna);
    expect(m.getInitiative(i1)).toEqual({
      id: i1,
      planId: common,
      title: 'Login',
      focusAreaIds: [fa],
      ownerId: unit,
      participantIds: [unit],
      start: '2025-01',
      status: 'planned',
      priority: 2,
      businessCase: { status: 'approved', benefit: 'Gevinst' },
      supportsInitiativeIds: [],
      statusUpdates: [],
    });
    m.moveInitiative(i2, { parentId: common, index: 0 });
    expect(m.initiatives(common).map((i) => i.id)).toEqual([i2, i1]);
    expect(m.initiatives().map((i) => i.id)).toEqual([i2, i1]);
    m.moveActionPlan(local, { index: 0 });
    expect(m.actionPlans().map((p) => p.id)).toEqual([local, common]);

    // deleting an initiative removes it from supportsInitiativeIds
    m.deleteInitiative(i1);
    expect(m.getInitiative(i2)?.supportsInitiativeIds).toEqual([]);
    // deleting a plan deletes its initiatives and unsets parentPlanId of plans under it
    expect(m.idsDeletedWith(common)).toEqual([i2, common]);
    m.deleteActionPlan(common);
    expect(m.getInitiative(i2)).toBeUndefined();
    expect(m.getActionPlan(local)?.parentPlanId).toBeUndefined();
  });

  it('deleting a focus area removes it from initiatives', () => {
    const m = newModel();
    const pe = m.addPerspective({ title: 'P' });
    const fa = m.addFocusArea({ perspectiveId: pe, title: 'F' });
    const fb = m.addFocusArea({ perspectiveId: pe, title: 'G' });
    const plan = m.addActionPlan({ title: 'H', kind: 'common', period: { from: 2025, to: 2026 } });
    const i = m.addInitiative({ planId: plan, title: 'I', focusAreaIds: [fa, fb] });
    m.deleteFocusArea(fa);
    expect(m.getInitiative(i)?.focusAreaIds).toEqual([fb]);
    expect(m.danglingReferences()).toEqual([]);
  });

  it('refuses unknown parents, unknown ids and reused ids with clear errors', () => {
    const m = newModel();
    expect(() => m.addFocusArea({ perspectiveId: 'pe-nope', title: 'F' })).toThrow('cannot put a focusArea under "pe-nope": no such perspective');
    expect(() => m.updateGoal('go-nope', { text: 'x' })).toThrow('no goal with id "go-nope"');
    const pe = m.addPerspective({ id: 'pe-1', title: 'P' });
    expect(() => m.addOwner({ id: pe, name: 'X', kind: 'unit' })).toThrow('id "pe-1" is already used by a perspective');
    expect(() => m.moveFocusArea('fa-nope', { index: 0 })).toThrow(/no focusArea/);
    expect(() => m.fragment(pe, 'body')).toThrow('a perspective has no rich field "body"');
  });

  it('generates short unique ids with a kind prefix', () => {
    const m = newModel();
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add(m.addOwner({ name: `O${i}`, kind: 'unit' }));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^ow-[0-9a-z]{8}$/);
  });
});

describe('owners: deletion and reassignment', () => {
  function setup() {
    const m = newModel();
    const a = m.addOwner({ name: 'A', kind: 'unit' });
    const b = m.addOwner({ name: 'B', kind: 'unit' });
    const sub = m.addOwner({ name: 'A1', kind: 'person', parentId: a });
    const plan = m.addActionPlan({ title: 'H', kind: 'common', period: { from: 2025, to: 2026 }, ownerId: a });
    const i1 = m.addInitiative({ planId: plan, title: 'I1', ownerId: a, participantIds: [b, a] });
    const i2 = m.addInitiative({ planId: plan, title: 'I2', ownerId: b, participantIds: [a] });
    return { m, a, b, sub, plan, i1, i2 };
  }

  it('reassigns initiatives, participations, plans and sub-units', () => {
    const { m, a, b, sub, plan, i1, i2 } = setup();
    expect(m.initiativesOwnedBy(a).map((i) => i.id)).toEqual([i1]);
    m.deleteOwner(a, { reassignTo: b });
    expect(m.getOwner(a)).toBeUndefined();
    expect(m.getInitiative(i1)).toMatchObject({ ownerId: b, participantIds: [b] });
    expect(m.getInitiative(i2)).toMatchObject({ ownerId: b, participantIds: [b] });
    expect(m.getActionPlan(plan)?.ownerId).toBe(b);
    expect(m.getOwner(sub)?.parentId).toBe(b);
    expect(m.initiativesOwnedBy(b).map((i) => i.id)).toEqual([i1, i2]);
    expect(m.danglingReferences()).toEqual([]);
  });

  it('reassigning to one of its own sub-owners moves that owner up, with no owner its own parent', () => {
    const { m, a, b, sub } = setup();
    const top = m.addOwner({ name: 'Koncern', kind: 'unit' });
    m.updateOwner(a, { parentId: top });
    const deep = m.addOwner({ name: 'A1a', kind: 'person', parentId: sub });
    m.deleteOwner(a, { reassignTo: deep });
    expect(m.getOwner(deep)?.parentId).toBe(top);
    expect(m.getOwner(sub)?.parentId).toBe(deep);
    expect(m.getOwner(b)?.parentId).toBeUndefined();
    for (const owner of m.owners()) expect(owner.parentId).not.toBe(owner.id);
    expect(m.danglingReferences()).toEqual([]);
  });

  it('without reassignment leaves references dangling, readable and reported', () => {
    const { m, a, sub, plan, i1, i2 } = setup();
    m.deleteOwner(a);
    expect(m.getInitiative(i1)?.ownerId).toBe(a);
    expect(m.resolveOwner(m.getInitiative(i1)?.ownerId)).toBeUndefined();
    expect(m.danglingReferences()).toEqual([
      { fromId: sub, field: 'parentId', missingId: a },
      { fromId: plan, field: 'ownerId', missingId: a },
      { fromId: i1, field: 'ownerId', missingId: a },
      { fromId: i1, field: 'participantIds', missingId: a },
      { fromId: i2, field: 'participantIds', missingId: a },
    ]);
    expect(() => exportStrategy(m.doc)).not.toThrow();
  });
});

describe('status updates', () => {
  it('appends to the history and sets the current status', () => {
    const m = newModel();
    const plan = m.addActionPlan({ title: 'H', kind: 'common', period: { from: 2025, to: 2026 } });
    const i = m.addInitiative({ planId: plan, title: 'I', status: 'planned' });
    m.addStatusUpdate(i, { date: '2025-06-01', status: 'active', note: 'I gang' });
    m.addStatusUpdate(i, { date: '2026-06-01', status: 'delayed' });
    expect(m.getInitiative(i)).toMatchObject({
      status: 'delayed',
      statusUpdates: [
        { date: '2025-06-01', status: 'active', note: 'I gang' },
        { date: '2026-06-01', status: 'delayed' },
      ],
    });
    // setting the status directly does not rewrite history
    m.updateInitiative(i, { status: 'done' });
    expect(m.getInitiative(i)?.statusUpdates).toHaveLength(2);
  });
});

describe('transactions, origins and observation', () => {
  it('each mutation is one transaction with the local origin by default, or the one given', () => {
    const m = newModel();
    const origins = recordUpdates(m.doc);
    const pe = m.addPerspective({ title: 'P', intro: 'Intro med **fed**' });
    m.addFocusArea({ perspectiveId: pe, title: 'F', body: '- a\n- b' }, undefined, 'remote-ish');
    m.setRich(VISION_ID, 'statement', 'Vision');
    expect(origins).toEqual([LOCAL_ORIGIN, 'remote-ish', LOCAL_ORIGIN]);
    const custom = new StrategyModel(m.doc, { origin: 'mine' });
    custom.updateMeta({ version: '2' });
    expect(origins.at(-1)).toBe('mine');
  });

  it('an UndoManager tracking LOCAL_ORIGIN undoes local changes only', () => {
    const m = newModel();
    const undo = new Y.UndoManager([...['meta', 'perspectives'].map((n) => m.doc.getMap(n))], { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    m.addPerspective({ title: 'Lokal' });
    new StrategyModel(m.doc, { origin: 'remote' }).addPerspective({ title: 'Fjern' });
    undo.undo();
    expect(m.perspectives().map((p) => p.title)).toEqual(['Fjern']);
  });

  it('observe calls back once per changing transaction and can be stopped', () => {
    const m = newModel();
    let calls = 0;
    const stop = m.observe(() => calls++);
    const pe = m.addPerspective({ title: 'P', intro: 'x' });
    m.updatePerspective(pe, { title: 'Q' });
    m.perspectives();
    expect(calls).toBe(2);
    stop();
    m.updatePerspective(pe, { title: 'R' });
    expect(calls).toBe(2);
  });

  it('moving an item to where it already is writes nothing', () => {
    const m = newModel();
    const a = m.addPerspective({ title: 'A' });
    const b = m.addPerspective({ title: 'B' });
    const origins = recordUpdates(m.doc);
    m.movePerspective(a, { before: b });
    m.movePerspective(b, { index: 1 });
    expect(origins).toEqual([]);
  });
});

describe('rich text fragments', () => {
  it('are what y-prosemirror reads, so an editor can bind to them', () => {
    const m = newModel();
    const pe = m.addPerspective({ title: 'P' });
    const fa = m.addFocusArea({ perspectiveId: pe, title: 'F', body: '## Mål\n\n1. **Et**\n2. [To](https://x.dk)' });
    const viaYProsemirror = yXmlFragmentToProseMirrorRootNode(m.fragment(fa, 'body'), richSchema);
    expect(viaYProsemirror.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mål' }] },
        {
          type: 'ordered_list',
          attrs: { order: 1 },
          content: [
            { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Et', marks: [{ type: 'strong' }] }] }] },
            {
              type: 'list_item',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'To', marks: [{ type: 'link', attrs: { href: 'https://x.dk', title: null } }] }] }],
            },
          ],
        },
      ],
    });
  });

  it('start as one empty paragraph, so an editor binding them has nothing to fill in', () => {
    const m = newModel();
    const pe = m.addPerspective({ title: 'P' });
    for (const fragment of [m.fragment(pe, 'intro'), m.fragment(VISION_ID, 'statement'), m.fragment(VISION_ID, 'body')]) {
      const doc = yXmlFragmentToProseMirrorRootNode(fragment, richSchema);
      expect(doc.toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
      expect(() => doc.check()).not.toThrow();
    }
    expect(m.getRich(pe, 'intro')).toBeUndefined();
    expect(m.getRich(VISION_ID, 'statement')).toBe('');
  });

  it('a field of empty paragraphs only (two editors opening it at once) still reads as empty', () => {
    const m = newModel();
    const pe = m.addPerspective({ title: 'P' });
    m.fragment(pe, 'intro').insert(1, [new Y.XmlElement('paragraph')]);
    expect(m.fragment(pe, 'intro').length).toBe(2);
    expect(m.getRich(pe, 'intro')).toBeUndefined();
    const fa = m.addFocusArea({ perspectiveId: pe, title: 'F' });
    m.fragment(fa, 'body').insert(0, [new Y.XmlElement('paragraph')]);
    expect(m.getRich(fa, 'body')).toBe('');
  });

  it('setRich changes only what differs, null empties an optional field', () => {
    const m = newModel();
    const plan = m.addActionPlan({ title: 'H', kind: 'common', period: { from: 2025, to: 2026 } });
    const i = m.addInitiative({ planId: plan, title: 'I', description: 'Første afsnit\n\nAndet afsnit' });
    const firstParagraph = m.fragment(i, 'description').get(0);
    m.setRich(i, 'description', 'Første afsnit\n\nÆndret afsnit');
    expect(m.fragment(i, 'description').get(0)).toBe(firstParagraph); // same Yjs element kept
    expect(m.getRich(i, 'description')).toBe('Første afsnit\n\nÆndret afsnit');
    m.setRich(i, 'description', null);
    expect(m.getRich(i, 'description')).toBeUndefined();
  });
});
