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
    expect(readSummary(m.doc)).toEqual({ title: 'IT-strategi', organisation: 'Test Kommune', period: { from: 2025, to: 2028 } });
    m.touch('2025-05-01T10:00:00.000Z');
    expect(readSummary(m.doc).modified).toBe('2025-05-01T10:00:00.000Z');
  });
});

describe('create, read, update, move, delete of every kind', () => {
  it('sections with placement', () => {
    const m = newModel();
    const a = m.add('section', { title: 'Forord', body: 'Tekst', placement: 'beforeVision' });
    const b = m.add('section', { title: 'Roller' }, { before: a });
    expect(m.list('section').map((s) => s.title)).toEqual(['Roller', 'Forord']);
    m.update('section', b, { title: 'Roller og ansvar', placement: 'end' });
    m.update('section', a, { placement: null });
    expect(m.list('section')).toEqual([
      { id: b, title: 'Roller og ansvar', placement: 'end' },
      { id: a, title: 'Forord' },
    ]);
    m.move(b, { index: 5 });
    expect(m.list('section').map((s) => s.id)).toEqual([a, b]);
    expect(m.getRich(a, 'body')).toBe('Tekst');
    expect(m.getRich(b, 'body')).toBe(''); // required field: empty, not absent
    expect(m.idsDeletedWith(a)).toEqual([a]);
    m.delete(a);
    expect(m.get('section', a)).toBeUndefined();
  });

  it('vision statement and body are fragments; principles and bearings are ordered lists', () => {
    const m = newModel();
    m.setRich(VISION_ID, 'statement', 'Én **digital** kommune');
    expect(m.getRich(VISION_ID, 'statement')).toBe('Én **digital** kommune');
    expect(m.getRich(VISION_ID, 'body')).toBeUndefined();
    const p1 = m.add('principle', { title: 'Digitalt først' });
    const p2 = m.add('principle', { title: 'Genbrug', body: 'Før *nyt*' }, { index: 0 });
    const b1 = m.add('bearing', { title: 'Selvbetjening' });
    expect(m.list('principle').map((p) => p.id)).toEqual([p2, p1]);
    expect(m.list('bearing')).toEqual([{ id: b1, kind: 'bearing', parentId: VISION_ID, title: 'Selvbetjening' }]);
    m.update('principle', p1, { title: 'Digital først' });
    expect(m.get('principle', p1)?.title).toBe('Digital først');
    const pe = m.add('perspective', { title: 'Borgeren' });
    m.move(p1, { parentId: pe });
    expect(m.list('principle').map((p) => p.id)).toEqual([p2]);
    expect(m.list('principle', pe).map((p) => p.id)).toEqual([p1]);
    m.delete(b1);
    expect(m.list('bearing')).toEqual([]);
  });

  it('perspectives (hidden), focus areas and goals', () => {
    const m = newModel();
    const pa = m.add('perspective', { title: 'A', intro: 'Intro' });
    const pb = m.add('perspective', { title: 'B', hidden: true });
    expect(m.list('perspective')).toEqual([
      { id: pa, title: 'A', hidden: false },
      { id: pb, title: 'B', hidden: true },
    ]);
    m.update('perspective', pb, { hidden: false, title: 'B2' });
    expect(m.get('perspective', pb)).toEqual({ id: pb, title: 'B2', hidden: false });
    const f1 = m.add('focusArea', { perspectiveId: pa, title: 'F1', body: 'Krop' });
    const f2 = m.add('focusArea', { perspectiveId: pa, title: 'F2' });
    const g1 = m.add('goal', { focusAreaId: f1, text: 'Mål 1' });
    const g2 = m.add('goal', { focusAreaId: f1, text: 'Mål 2' }, { before: g1 });
    expect(m.list('goal', f1).map((g) => g.text)).toEqual(['Mål 2', 'Mål 1']);
    m.update('goal', g1, { text: 'Mål ét' });
    m.move(g2, { parentId: f2 });
    expect(m.list('goal', f2)).toEqual([{ id: g2, focusAreaId: f2, text: 'Mål 2' }]);
    m.update('focusArea', f2, { title: 'F2b' });
    expect(m.list('focusArea', pa).map((f) => f.title)).toEqual(['F1', 'F2b']);
    expect(m.list('focusArea').map((f) => f.id)).toEqual([f1, f2]);
    m.move(pb, { before: pa });
    expect(m.list('perspective').map((p) => p.id)).toEqual([pb, pa]);
    expect(m.getRich(pa, 'intro')).toBe('Intro');
    m.delete(g1);
    expect(m.get('goal', g1)).toBeUndefined();
    // deleting a perspective deletes its focus areas, their goals and its principles
    const pr = m.add('principle', { title: 'P', parentId: pa });
    expect(new Set(m.idsDeletedWith(pa))).toEqual(new Set([pa, f1, f2, g2, pr]));
    m.delete(pa);
    for (const id of [pa, f1, f2, g2, pr]) expect(m.kindOf(id)).toBeUndefined();
    expect(m.list('focusArea')).toEqual([]);
  });

  it('moving a focus area to another perspective is one field change', () => {
    const m = newModel();
    const pa = m.add('perspective', { title: 'A' });
    const pb = m.add('perspective', { title: 'B' });
    const f = m.add('focusArea', { perspectiveId: pa, title: 'F' });
    const other = m.add('focusArea', { perspectiveId: pb, title: 'G' });
    const changedKeys: string[] = [];
    m.doc.getMap('focusAreas').observeDeep((events) => {
      for (const e of events) if (e instanceof Y.YMapEvent) changedKeys.push(...e.keysChanged);
    });
    const origins = recordUpdates(m.doc);
    m.move(f, { before: other }); // parent taken from the neighbour
    expect(origins).toEqual([LOCAL_ORIGIN]);
    expect(new Set(changedKeys)).toEqual(new Set(['parent', 'order']));
    expect(m.list('focusArea', pb).map((x) => x.id)).toEqual([f, other]);
    expect(m.list('focusArea', pa)).toEqual([]);
    expect(m.get('focusArea', f)?.perspectiveId).toBe(pb);
  });

  it('owners, action plans and initiatives with every field', () => {
    const m = newModel();
    const pe = m.add('perspective', { title: 'P' });
    const fa = m.add('focusArea', { perspectiveId: pe, title: 'F' });
    const unit = m.add('owner', { name: 'IT', kind: 'unit' });
    const anna = m.add('owner', { name: 'Anna', kind: 'person', parentId: unit, email: 'anna@x.dk' });
    m.update('owner', anna, { email: null, name: 'Anna J.' });
    expect(m.get('owner', anna)).toEqual({ id: anna, name: 'Anna J.', kind: 'person', parentId: unit });
    m.move(anna, { index: 0 });
    expect(m.list('owner').map((o) => o.id)).toEqual([anna, unit]);

    const common = m.add('actionPlan', { title: 'Fælles', kind: 'common', period: { from: 2025, to: 2026 }, ownerId: unit, intro: '*Intro*' });
    const local = m.add('actionPlan', { title: 'Lokal', kind: 'local', period: { from: 2025, to: 2026 }, parentPlanId: common });
    m.update('actionPlan', local, { period: { from: 2025, to: 2027 }, ownerId: anna });
    expect(m.get('actionPlan', local)).toEqual({ id: local, title: 'Lokal', kind: 'local', period: { from: 2025, to: 2027 }, ownerId: anna, parentPlanId: common });

    const i1 = m.add('initiative', {
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
    const i2 = m.add('initiative', { planId: local, title: 'Byggesag', focusAreaIds: [], supportsInitiativeIds: [i1] });
    m.update('initiative', i1, { businessCase: { status: 'approved', benefit: 'Gevinst' }, budget: null, end: null, priority: 2 });
    m.addReference(i1, 'participantIds', unit);
    m.addReference(i1, 'participantIds', unit); // no duplicate
    m.removeReference(i1, 'participantIds', anna);
    expect(m.get('initiative', i1)).toEqual({
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
    m.move(i2, { parentId: common, index: 0 });
    expect(m.list('initiative', common).map((i) => i.id)).toEqual([i2, i1]);
    expect(m.list('initiative').map((i) => i.id)).toEqual([i2, i1]);
    m.move(local, { index: 0 });
    expect(m.list('actionPlan').map((p) => p.id)).toEqual([local, common]);

    // deleting an initiative removes it from supportsInitiativeIds
    m.delete(i1);
    expect(m.get('initiative', i2)?.supportsInitiativeIds).toEqual([]);
    // deleting a plan deletes its initiatives and unsets parentPlanId of plans under it
    expect(m.idsDeletedWith(common)).toEqual([i2, common]);
    m.delete(common);
    expect(m.get('initiative', i2)).toBeUndefined();
    expect(m.get('actionPlan', local)?.parentPlanId).toBeUndefined();
  });

  it('deleting a focus area removes it from initiatives', () => {
    const m = newModel();
    const pe = m.add('perspective', { title: 'P' });
    const fa = m.add('focusArea', { perspectiveId: pe, title: 'F' });
    const fb = m.add('focusArea', { perspectiveId: pe, title: 'G' });
    const plan = m.add('actionPlan', { title: 'H', kind: 'common', period: { from: 2025, to: 2026 } });
    const i = m.add('initiative', { planId: plan, title: 'I', focusAreaIds: [fa, fb] });
    m.delete(fa);
    expect(m.get('initiative', i)?.focusAreaIds).toEqual([fb]);
    expect(m.danglingReferences()).toEqual([]);
  });

  it('refuses unknown parents, unknown ids and reused ids with clear errors', () => {
    const m = newModel();
    expect(() => m.add('focusArea', { perspectiveId: 'pe-nope', title: 'F' })).toThrow('cannot put a focusArea under "pe-nope": no such perspective');
    expect(() => m.update('goal', 'go-nope', { text: 'x' })).toThrow('no goal with id "go-nope"');
    const pe = m.add('perspective', { id: 'pe-1', title: 'P' });
    expect(() => m.add('owner', { id: pe, name: 'X', kind: 'unit' })).toThrow('id "pe-1" is already used by a perspective');
    expect(() => m.move('fa-nope', { index: 0 })).toThrow('no item with id "fa-nope"');
    expect(() => m.fragment(pe, 'body')).toThrow('a perspective has no rich field "body"');
  });

  it('generates short unique ids with a kind prefix', () => {
    const m = newModel();
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add(m.add('owner', { name: `O${i}`, kind: 'unit' }));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^ow-[0-9a-z]{8}$/);
  });
});

describe('owners: deletion and reassignment', () => {
  function setup() {
    const m = newModel();
    const a = m.add('owner', { name: 'A', kind: 'unit' });
    const b = m.add('owner', { name: 'B', kind: 'unit' });
    const sub = m.add('owner', { name: 'A1', kind: 'person', parentId: a });
    const plan = m.add('actionPlan', { title: 'H', kind: 'common', period: { from: 2025, to: 2026 }, ownerId: a });
    const i1 = m.add('initiative', { planId: plan, title: 'I1', ownerId: a, participantIds: [b, a] });
    const i2 = m.add('initiative', { planId: plan, title: 'I2', ownerId: b, participantIds: [a] });
    return { m, a, b, sub, plan, i1, i2 };
  }

  it('reassigns initiatives, participations, plans and sub-units', () => {
    const { m, a, b, sub, plan, i1, i2 } = setup();
    expect(m.list('initiative').filter((i) => i.ownerId === a).map((i) => i.id)).toEqual([i1]);
    m.delete(a, { reassignTo: b });
    expect(m.get('owner', a)).toBeUndefined();
    expect(m.get('initiative', i1)).toMatchObject({ ownerId: b, participantIds: [b] });
    expect(m.get('initiative', i2)).toMatchObject({ ownerId: b, participantIds: [b] });
    expect(m.get('actionPlan', plan)?.ownerId).toBe(b);
    expect(m.get('owner', sub)?.parentId).toBe(b);
    expect(m.list('initiative').filter((i) => i.ownerId === b).map((i) => i.id)).toEqual([i1, i2]);
    expect(m.danglingReferences()).toEqual([]);
  });

  it('reassigning to one of its own sub-owners moves that owner up, with no owner its own parent', () => {
    const { m, a, b, sub } = setup();
    const top = m.add('owner', { name: 'Koncern', kind: 'unit' });
    m.update('owner', a, { parentId: top });
    const deep = m.add('owner', { name: 'A1a', kind: 'person', parentId: sub });
    m.delete(a, { reassignTo: deep });
    expect(m.get('owner', deep)?.parentId).toBe(top);
    expect(m.get('owner', sub)?.parentId).toBe(deep);
    expect(m.get('owner', b)?.parentId).toBeUndefined();
    for (const owner of m.list('owner')) expect(owner.parentId).not.toBe(owner.id);
    expect(m.danglingReferences()).toEqual([]);
  });

  it('without reassignment leaves references dangling, readable and reported', () => {
    const { m, a, sub, plan, i1, i2 } = setup();
    m.delete(a);
    expect(m.get('initiative', i1)?.ownerId).toBe(a);
    expect(m.get('owner', m.get('initiative', i1)?.ownerId)).toBeUndefined();
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
    const plan = m.add('actionPlan', { title: 'H', kind: 'common', period: { from: 2025, to: 2026 } });
    const i = m.add('initiative', { planId: plan, title: 'I', status: 'planned' });
    m.addStatusUpdate(i, { date: '2025-06-01', status: 'active', note: 'I gang' });
    m.addStatusUpdate(i, { date: '2026-06-01', status: 'delayed' });
    expect(m.get('initiative', i)).toMatchObject({
      status: 'delayed',
      statusUpdates: [
        { date: '2025-06-01', status: 'active', note: 'I gang' },
        { date: '2026-06-01', status: 'delayed' },
      ],
    });
    // setting the status directly does not rewrite history
    m.update('initiative', i, { status: 'done' });
    expect(m.get('initiative', i)?.statusUpdates).toHaveLength(2);
  });
});

describe('transactions, origins and observation', () => {
  it('each mutation is one transaction with the local origin by default, or the one given', () => {
    const m = newModel();
    const origins = recordUpdates(m.doc);
    const pe = m.add('perspective', { title: 'P', intro: 'Intro med **fed**' });
    m.add('focusArea', { perspectiveId: pe, title: 'F', body: '- a\n- b' }, undefined, 'remote-ish');
    m.setRich(VISION_ID, 'statement', 'Vision');
    expect(origins).toEqual([LOCAL_ORIGIN, 'remote-ish', LOCAL_ORIGIN]);
    const custom = new StrategyModel(m.doc, { origin: 'mine' });
    custom.updateMeta({ version: '2' });
    expect(origins.at(-1)).toBe('mine');
  });

  it('an UndoManager tracking LOCAL_ORIGIN undoes local changes only', () => {
    const m = newModel();
    const undo = new Y.UndoManager([...['meta', 'perspectives'].map((n) => m.doc.getMap(n))], { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    m.add('perspective', { title: 'Lokal' });
    new StrategyModel(m.doc, { origin: 'remote' }).add('perspective', { title: 'Fjern' });
    undo.undo();
    expect(m.list('perspective').map((p) => p.title)).toEqual(['Fjern']);
  });

  it('observe calls back once per changing transaction and can be stopped', () => {
    const m = newModel();
    let calls = 0;
    const stop = m.observe(() => calls++);
    const pe = m.add('perspective', { title: 'P', intro: 'x' });
    m.update('perspective', pe, { title: 'Q' });
    m.list('perspective');
    expect(calls).toBe(2);
    stop();
    m.update('perspective', pe, { title: 'R' });
    expect(calls).toBe(2);
  });

  it('moving an item to where it already is writes nothing', () => {
    const m = newModel();
    const a = m.add('perspective', { title: 'A' });
    const b = m.add('perspective', { title: 'B' });
    const origins = recordUpdates(m.doc);
    m.move(a, { before: b });
    m.move(b, { index: 1 });
    expect(origins).toEqual([]);
  });
});

describe('rich text fragments', () => {
  it('are what y-prosemirror reads, so an editor can bind to them', () => {
    const m = newModel();
    const pe = m.add('perspective', { title: 'P' });
    const fa = m.add('focusArea', { perspectiveId: pe, title: 'F', body: '## Mål\n\n1. **Et**\n2. [To](https://x.dk)' });
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
    const pe = m.add('perspective', { title: 'P' });
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
    const pe = m.add('perspective', { title: 'P' });
    m.fragment(pe, 'intro').insert(1, [new Y.XmlElement('paragraph')]);
    expect(m.fragment(pe, 'intro').length).toBe(2);
    expect(m.getRich(pe, 'intro')).toBeUndefined();
    const fa = m.add('focusArea', { perspectiveId: pe, title: 'F' });
    m.fragment(fa, 'body').insert(0, [new Y.XmlElement('paragraph')]);
    expect(m.getRich(fa, 'body')).toBe('');
  });

  it('setRich changes only what differs, null empties an optional field', () => {
    const m = newModel();
    const plan = m.add('actionPlan', { title: 'H', kind: 'common', period: { from: 2025, to: 2026 } });
    const i = m.add('initiative', { planId: plan, title: 'I', description: 'Første afsnit\n\nAndet afsnit' });
    const firstParagraph = m.fragment(i, 'description').get(0);
    m.setRich(i, 'description', 'Første afsnit\n\nÆndret afsnit');
    expect(m.fragment(i, 'description').get(0)).toBe(firstParagraph); // same Yjs element kept
    expect(m.getRich(i, 'description')).toBe('Første afsnit\n\nÆndret afsnit');
    m.setRich(i, 'description', null);
    expect(m.getRich(i, 'description')).toBeUndefined();
  });
});
