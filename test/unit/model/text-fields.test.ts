// Typed text fields are Y.Text (schema 2): two people typing in one title, goal, name or label at
// the same time both keep what they typed.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LABELS_ID, META_ID, StrategyModel, diffText, importStrategy, mapPosition, type TextChange } from '../../../shared/model';
import { Replicas } from './replicas';
import { richStrategy } from './rich-strategy';

function base(): Y.Doc {
  const doc = new Y.Doc();
  const model = new StrategyModel(doc);
  doc.transact(() => {
    model.updateMeta({ title: 'Digital strategi', organisation: 'Havbjerg Kommune', period: { from: 2025, to: 2028 } });
    model.updateLabels({ focusArea: 'Tema' });
    const pe = model.addPerspective({ id: 'pe', title: 'Borgeren' });
    const fa = model.addFocusArea({ id: 'fa', perspectiveId: pe, title: 'Selvbetjening' });
    model.addGoal({ id: 'go', focusAreaId: fa, text: 'Færre opkald' });
    model.addOwner({ id: 'ow', name: 'Borgerservice', kind: 'unit' });
    const plan = model.addActionPlan({ id: 'hp', title: 'Handlingsplan', kind: 'common', period: { from: 2025, to: 2026 } });
    model.addInitiative({ id: 'in', planId: plan, title: 'Fælles login', businessCase: { status: 'draft', benefit: 'Tid' } });
  });
  return doc;
}

describe('minimal text changes', () => {
  it('keeps the common prefix and suffix', () => {
    expect(diffText('Fælles login', 'Fælles login fase 1')).toEqual({ index: 12, remove: 0, insert: ' fase 1' });
    expect(diffText('Fælles login', 'Fælles MitID-login')).toEqual({ index: 7, remove: 0, insert: 'MitID-' });
    expect(diffText('Fælles login', 'Fælles log')).toEqual({ index: 10, remove: 2, insert: '' });
    expect(diffText('abc', 'abc')).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    // 😀 and 😁 share their high surrogate
    const change = diffText('a😀b', 'a😁b')!;
    expect(change).toEqual({ index: 1, remove: 2, insert: '😁' });
  });
});

describe('concurrent typing in one field', () => {
  it('two replicas typing at the end of the same initiative title keep both texts', () => {
    const r = new Replicas(base(), 2);
    const [a, b] = r.models as [StrategyModel, StrategyModel];
    a.updateInitiative('in', { title: 'Fælles login fase 1' });
    b.updateInitiative('in', { title: 'Fælles login (MitID)' });
    r.syncAll();
    const title = a.getInitiative('in')!.title;
    expect(b.getInitiative('in')!.title).toBe(title);
    expect(title).toContain(' fase 1');
    expect(title).toContain(' (MitID)');
    expect(title.startsWith('Fælles login')).toBe(true);
    expect(title).toHaveLength('Fælles login fase 1 (MitID)'.length);
  });

  it('typing at different places of one title merges to exactly both edits', () => {
    const r = new Replicas(base(), 2);
    const [a, b] = r.models as [StrategyModel, StrategyModel];
    a.updateInitiative('in', { title: 'Nyt: Fælles login' });
    b.updateInitiative('in', { title: 'Fælles login fase 2' });
    r.syncAll();
    expect(a.getInitiative('in')!.title).toBe('Nyt: Fælles login fase 2');
    expect(b.getInitiative('in')!.title).toBe('Nyt: Fælles login fase 2');
  });

  it('goals, owner names, meta fields, labels and business-case text merge the same way', () => {
    const r = new Replicas(base(), 2);
    const [a, b] = r.models as [StrategyModel, StrategyModel];
    a.updateGoal('go', { text: 'Markant færre opkald' });
    b.updateGoal('go', { text: 'Færre opkald om sager' });
    a.updateOwner('ow', { name: 'Borgerservice Nord' });
    b.updateOwner('ow', { name: 'Afd. Borgerservice' });
    a.updateMeta({ title: 'Digital strategi 2025' });
    b.updateMeta({ title: 'Ny digital strategi' });
    a.updateLabels({ focusArea: 'Tema (spor)' });
    b.updateLabels({ focusArea: 'Vores tema' });
    a.updateInitiative('in', { businessCase: { status: 'draft', benefit: 'Tid sparet' } });
    b.updateInitiative('in', { businessCase: { status: 'draft', benefit: 'Mere tid' } });
    r.syncAll();
    for (const m of [a, b]) {
      expect(m.getGoal('go')!.text).toBe('Markant færre opkald om sager');
      expect(m.getOwner('ow')!.name).toBe('Afd. Borgerservice Nord');
      expect(m.getMeta().title).toBe('Ny digital strategi 2025');
      expect(m.getLabels().focusArea).toBe('Vores tema (spor)');
      expect(m.getInitiative('in')!.businessCase).toEqual({ status: 'draft', benefit: 'Mere tid sparet' });
    }
  });

  it('typed fields are stored as Y.Text; numbers, enums, dates and ids stay plain values', () => {
    const doc = importStrategy(richStrategy());
    const meta = doc.getMap('meta');
    expect(meta.get('title')).toBeInstanceOf(Y.Text);
    expect(meta.get('contact')).toBeInstanceOf(Y.Text);
    expect(typeof meta.get('periodFrom')).toBe('number');
    expect(typeof meta.get('status')).toBe('string');
    expect(typeof meta.get('date')).toBe('string');
    doc.getMap<Y.Map<unknown>>('initiatives').forEach((item) => {
      expect(item.get('title')).toBeInstanceOf(Y.Text);
      for (const key of ['start', 'end', 'status', 'ownerId', 'order']) {
        if (item.has(key)) expect(typeof item.get(key)).toBe('string');
      }
    });
    doc.getMap('labels').forEach((value) => expect(value).toBeInstanceOf(Y.Text));
  });
});

describe('text field handles (what an input binds to)', () => {
  it('an edit is one delta; a remote edit is reported with its position, a local one is not', () => {
    const r = new Replicas(base(), 2);
    const [a, b] = r.models as [StrategyModel, StrategyModel];
    const field = a.textField('in', 'title');
    const seen: (TextChange[] | null)[] = [];
    const off = field.subscribe((changes) => seen.push(changes));
    field.edit({ index: 0, remove: 0, insert: 'Nyt: ' });
    expect(field.value()).toBe('Nyt: Fælles login');
    expect(seen).toEqual([]);
    b.textField('in', 'title').edit({ index: 12, remove: 0, insert: ' fase 2' });
    r.syncAll();
    expect(field.value()).toBe('Nyt: Fælles login fase 2');
    expect(seen).toEqual([[{ index: 17, remove: 0, insert: ' fase 2' }]]);
    off();
  });

  it('binds meta fields and labels, and creates an absent optional field on the first keystroke', () => {
    const doc = base();
    const model = new StrategyModel(doc);
    const subtitle = model.textField(META_ID, 'subtitle');
    expect(subtitle.value()).toBe('');
    subtitle.edit({ index: 0, remove: 0, insert: 'N' });
    expect(model.getMeta().subtitle).toBe('N');
    model.textField(LABELS_ID, 'focusArea').edit({ index: 4, remove: 0, insert: 'er' });
    expect(model.getLabels().focusArea).toBe('Temaer');
    expect(() => model.textField(META_ID, 'periodFrom')).toThrow(/no text field/);
    expect(() => model.textField('in', 'start')).toThrow(/no text field/);
  });

  it('reports a field replaced wholesale (an old replica writing a plain string) as null', () => {
    const doc = base();
    const model = new StrategyModel(doc);
    const field = model.textField('in', 'title');
    const seen: (TextChange[] | null)[] = [];
    field.subscribe((changes) => seen.push(changes));
    doc.getMap<Y.Map<unknown>>('initiatives').get('in')!.set('title', 'Skrevet af en gammel udgave');
    expect(seen).toEqual([null]);
    expect(field.value()).toBe('Skrevet af en gammel udgave');
    field.edit({ index: 0, remove: 0, insert: '» ' });
    expect(model.getInitiative('in')!.title).toBe('» Skrevet af en gammel udgave');
    expect(doc.getMap<Y.Map<unknown>>('initiatives').get('in')!.get('title')).toBeInstanceOf(Y.Text);
  });
});

describe('caret hints and positions', () => {
  it('a caret settles where a repeated character was typed', () => {
    expect(diffText('banana', 'baanana', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('banana', 'baanana')).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('ab  c', 'ab c', 2)).toEqual({ index: 2, remove: 1, insert: '' });
  });

  it('maps a caret through a change', () => {
    const change = { index: 4, remove: 2, insert: 'xyz' };
    expect(mapPosition(3, change)).toBe(3);
    expect(mapPosition(4, change)).toBe(4);
    expect(mapPosition(5, change)).toBe(7);
    expect(mapPosition(8, change)).toBe(9);
  });
});

describe('optional text fields', () => {
  it('emptied through a handle, an optional field is removed (the file keeps leaving it out)', () => {
    const model = new StrategyModel(base());
    model.textField(LABELS_ID, 'focusArea').edit({ index: 0, remove: 4, insert: '' });
    expect(model.getLabels().focusArea).toBeUndefined();
    model.textField(META_ID, 'title').edit({ index: 0, remove: 16, insert: '' });
    expect(model.getMeta().title).toBe(''); // required: stays (the input refuses to save it empty)
  });
});
