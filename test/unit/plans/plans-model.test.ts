// Action plans, owners and the yearly follow-up at model level, on the real København example:
// owner removal (reassign or leave missing, undoable), a local initiative whose common initiative
// disappears, status rounds keeping their history, and two replicas editing one initiative.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkStrategy } from '../../../shared/check';
import type { StrategyFile } from '../../../shared/format/schema';
import { StrategyModel, exportStrategy, importStrategy } from '../../../shared/model';
import { buildStatusReport } from '../../../shared/report/status-report';
import { filterRows, findingTarget, initiativeRows, ownerUsage, OWNER_FILTER_NONE } from '../../../renderer/src/plans/plan-data';
import { StatusRoundError, historyNewestFirst, recordStatusRound, statusRoundDraft } from '../../../renderer/src/plans/status-round';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../../templates/examples/kk-2010-2014.json', import.meta.url), 'utf8')) as StrategyFile;
const UNDOABLE = 'test:undoable';
const NETWORK = 'test:network';

function kk(): { doc: Y.Doc; model: StrategyModel } {
  const doc = importStrategy(structuredClone(EXAMPLE));
  return { doc, model: new StrategyModel(doc) };
}

/** Two replicas of the example that exchange updates only when `sync()` is called. */
function twoReplicas() {
  const base = kk().doc;
  const docs = [new Y.Doc(), new Y.Doc()];
  for (const d of docs) Y.applyUpdate(d, Y.encodeStateAsUpdate(base), NETWORK);
  const sync = () => {
    const [a, b] = docs as [Y.Doc, Y.Doc];
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), NETWORK);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), NETWORK);
  };
  return { docs, models: docs.map((d) => new StrategyModel(d)) as [StrategyModel, StrategyModel], sync };
}

const findings = (doc: Y.Doc) => checkStrategy(exportStrategy(doc));

describe('removing an owner who still owns initiatives', () => {
  it('reassign: initiatives, plans, participations and sub-units pass to the other owner, and nothing dangles', () => {
    const { doc, model } = kk();
    // Koncernservice (o-ks) owns initiatives and has units under it; give it a plan and a participation too.
    model.update('actionPlan', 'ap-faelles-2011-2012', { ownerId: 'o-ks' });
    model.addReference('i-selvbetjening', 'participantIds', 'o-ks');
    const before = ownerUsage(model, 'o-ks');
    expect(before.initiatives.map((i) => i.id)).toEqual(['i-ov-systemoverblik', 'i-egne-sager', 'i-digital-post', 'i-intranet-institutioner', 'i-referencearkitektur']);
    expect(before.subOwners.map((o) => o.id).sort()).toEqual(['o-ks-drift', 'o-sit']);

    model.delete('o-ks', { reassignTo: 'o-okf' });

    expect(model.get('owner', 'o-ks')).toBeUndefined();
    expect(model.list('initiative').filter((i) => i.ownerId === 'o-okf').map((i) => i.id)).toEqual(expect.arrayContaining(before.initiatives.map((i) => i.id)));
    expect(model.get('actionPlan', 'ap-faelles-2011-2012')?.ownerId).toBe('o-okf');
    expect(model.get('initiative', 'i-selvbetjening')?.participantIds).toEqual(['o-bif', 'o-sit', 'o-okf']);
    expect(model.get('owner', 'o-sit')?.parentId).toBe('o-okf');
    expect(findings(doc).filter((f) => f.code === 'dangling-reference')).toEqual([]);
  });

  it('leave missing: the references dangle, `check` reports each as an error on the item, and the table shows them as missing', () => {
    const { doc, model } = kk();
    expect(findings(doc).filter((f) => f.code === 'dangling-reference')).toEqual([]);
    model.delete('o-sit');

    const dangling = findings(doc).filter((f) => f.code === 'dangling-reference');
    expect(dangling.every((f) => f.severity === 'error' && f.message.includes('o-sit'))).toBe(true);
    // Strategisk IT owned four initiatives and took part in two: one error per reference.
    const owned = dangling.filter((f) => f.path.endsWith('/ownerId')).map((f) => f.id);
    expect(owned.sort()).toEqual(['i-faelles-indkob', 'i-ov-businesscase', 'i-ov-styringsmodel', 'i-workflow']);
    const participating = dangling.filter((f) => /\/participantIds\/\d+$/.test(f.path)).map((f) => f.id);
    expect(participating.sort()).toEqual(['i-portefolje', 'i-selvbetjening']);
    expect(dangling).toHaveLength(6);

    const rows = initiativeRows(model);
    const missing = rows.filter((r) => r.ownerState === 'missing').map((r) => r.id);
    expect(missing.sort()).toEqual(['i-faelles-indkob', 'i-ov-businesscase', 'i-ov-styringsmodel', 'i-workflow']);
    // "Uden ansvarlig" in the table's owner filter finds them.
    expect(filterRows(rows, { owner: OWNER_FILTER_NONE }).map((r) => r.id).sort()).toEqual(missing.sort());
    // A finding leads to the initiative's owner field.
    const ownerFinding = dangling.find((f) => f.path.endsWith('/ownerId'))!;
    expect(findingTarget(model, ownerFinding)).toEqual({ key: ownerFinding.id, field: 'ownerId' });
  });

  it('is undone as one step: the owner and every reference come back', () => {
    const { doc, model } = kk();
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([UNDOABLE]), captureTimeout: 0 });
    const exported = exportStrategy(doc);
    model.delete('o-ks', { reassignTo: 'o-okf' }, UNDOABLE);
    expect(model.get('owner', 'o-ks')).toBeUndefined();
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(exportStrategy(doc)).toEqual(exported);
  });
});

describe('a local initiative supporting a common initiative', () => {
  it('becomes a dangling-reference finding when the common initiative is deleted while the link is being made', () => {
    const { docs, models, sync } = twoReplicas();
    const [central, buf] = models;
    // The strategy unit deletes a common initiative while BUF's it-chef links a local one to it.
    central.delete('i-mobil-adgang');
    buf.addReference('i-buf-kompetencer', 'supportsInitiativeIds', 'i-mobil-adgang');
    sync();

    for (const doc of docs) {
      const dangling = findings(doc).filter((f) => f.code === 'dangling-reference');
      expect(dangling).toHaveLength(1);
      expect(dangling[0]).toMatchObject({ id: 'i-buf-kompetencer', severity: 'error' });
      expect(dangling[0]!.path).toMatch(/\/supportsInitiativeIds\/\d+$/);
      expect(dangling[0]!.message).toContain('i-mobil-adgang');
    }
    // Clicking the finding opens the local initiative at its "supports" field.
    const target = findingTarget(central, findings(docs[0]!).find((f) => f.code === 'dangling-reference')!);
    expect(target).toEqual({ key: 'i-buf-kompetencer', field: 'supportsInitiativeIds' });
  });

  it('in a file that names a deleted common initiative, is reported on import', () => {
    const file = structuredClone(EXAMPLE);
    const common = file.actionPlans!.find((p) => p.id === 'ap-faelles-2011-2012')!;
    common.initiatives = common.initiatives.filter((i) => i.id !== 'i-selvbetjening');
    const doc = importStrategy(file);
    const finding = findings(doc).find((f) => f.code === 'dangling-reference');
    expect(finding).toMatchObject({ id: 'i-buf-pladsanvisning', severity: 'error' });
  });

  it('deleted by this user, the link is removed with it (no finding, nothing dangles)', () => {
    const { doc, model } = kk();
    model.delete('i-selvbetjening');
    expect(model.get('initiative', 'i-buf-pladsanvisning')?.supportsInitiativeIds).toEqual([]);
    expect(findings(doc).filter((f) => f.code === 'dangling-reference')).toEqual([]);
  });
});

describe('status rounds', () => {
  it('keep the history: each round appends, sets the current status, and the report can look back', () => {
    const { doc, model } = kk();
    const draft = statusRoundDraft(model, 'ap-faelles-2011-2012');
    expect(draft).toHaveLength(14);
    // Finished initiatives are left out of a new round by default.
    expect(draft.filter((r) => !r.included).map((r) => r.initiative.id)).toEqual([
      'i-digital-post',
      'i-projektrum',
      'i-digital-arbejdsplads',
      'i-intranet-institutioner',
      'i-referencearkitektur',
    ]);
    const before = model.get('initiative', 'i-egne-sager')!.statusUpdates;
    expect(before).toHaveLength(2);

    recordStatusRound(model, '2013-11-15', [
      { initiativeId: 'i-egne-sager', status: 'active', note: 'Pilot i tre borgerservicecentre' },
      { initiativeId: 'i-workflow', status: 'delayed', note: '  ' },
    ]);
    recordStatusRound(model, '2014-11-14', [{ initiativeId: 'i-egne-sager', status: 'done', note: 'I drift' }]);

    const egne = model.get('initiative', 'i-egne-sager')!;
    expect(egne.status).toBe('done');
    expect(egne.statusUpdates).toEqual([...before, { date: '2013-11-15', status: 'active', note: 'Pilot i tre borgerservicecentre' }, { date: '2014-11-14', status: 'done', note: 'I drift' }]);
    expect(historyNewestFirst(egne)[0]).toEqual({ date: '2014-11-14', status: 'done', note: 'I drift' });
    // A blank note is not stored.
    expect(model.get('initiative', 'i-workflow')!.statusUpdates.at(-1)).toEqual({ date: '2013-11-15', status: 'delayed' });

    // The status report (same function as the Word export) as of the first round still says "active".
    const find = (asOf?: string) =>
      buildStatusReport(exportStrategy(doc), asOf ? { asOf } : {})
        .groups.flatMap((g) => g.focusAreas.flatMap((f) => f.initiatives))
        .find((e) => e.initiative.id === 'i-egne-sager')!;
    expect(find('2013-12-31')).toMatchObject({ status: 'active', note: 'Pilot i tre borgerservicecentre', date: '2013-11-15' });
    expect(find()).toMatchObject({ status: 'done', note: 'I drift' });
    // Status and latest update agree, so check has nothing to say about it.
    expect(findings(doc).filter((f) => f.code === 'status-differs-from-latest-update' && f.id === 'i-egne-sager')).toEqual([]);
  });

  it('are one undo step, and a bad round saves nothing and says why', () => {
    const { doc, model } = kk();
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([UNDOABLE]), captureTimeout: 0 });
    const exported = exportStrategy(doc);
    const entries = statusRoundDraft(model).filter((r) => r.included).map((r) => ({ initiativeId: r.initiative.id, status: r.status }));
    expect(recordStatusRound(model, '2012-11-30', entries, UNDOABLE)).toBe(entries.length);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(exportStrategy(doc)).toEqual(exported);

    expect(() => recordStatusRound(model, '2012-02-30', entries)).toThrow(/date YYYY-MM-DD.*2012-02-30/);
    expect(() => recordStatusRound(model, '2012-11-30', [])).toThrow(StatusRoundError);
    expect(() => recordStatusRound(model, '2012-11-30', [...entries, { initiativeId: 'i-gone', status: 'done' }])).toThrow(/i-gone/);
    expect(exportStrategy(doc)).toEqual(exported);
  });

  it('recorded by two users at the same time both stay in the history', () => {
    const { models, sync } = twoReplicas();
    recordStatusRound(models[0], '2012-11-01', [{ initiativeId: 'i-itil', status: 'active', note: 'Hændelser og problemer' }]);
    recordStatusRound(models[1], '2012-11-02', [{ initiativeId: 'i-itil', status: 'done', note: 'Alle processer' }]);
    sync();
    for (const m of models) {
      const updates = m.get('initiative', 'i-itil')!.statusUpdates.slice(-2).map((u) => u.date).sort();
      expect(updates).toEqual(['2012-11-01', '2012-11-02']);
    }
  });
});

describe('two users editing the same initiative', () => {
  it('different fields at the same time: both changes are kept on both replicas', () => {
    const { docs, models, sync } = twoReplicas();
    const [a, b] = models;
    a.update('initiative', 'i-kompetenceloeft', { status: 'delayed', priority: 1 });
    a.addReference('i-kompetenceloeft', 'participantIds', 'o-buf');
    b.update('initiative', 'i-kompetenceloeft', { ownerId: 'o-sit', budget: { amountDkk: 1_500_000, source: 'Fælles it-pulje' } });
    b.update('initiative', 'i-kompetenceloeft', { businessCase: { status: 'approved', benefit: 'Færre fejlslagne projekter' } });
    b.addReference('i-kompetenceloeft', 'participantIds', 'o-tmf');
    sync();

    for (const m of models) {
      const it = m.get('initiative', 'i-kompetenceloeft')!;
      expect(it).toMatchObject({
        status: 'delayed',
        priority: 1,
        ownerId: 'o-sit',
        budget: { amountDkk: 1_500_000, source: 'Fælles it-pulje' },
        businessCase: { status: 'approved', benefit: 'Færre fejlslagne projekter' },
      });
      expect([...it.participantIds].sort()).toEqual(['o-buf', 'o-tmf']);
    }
    expect(exportStrategy(docs[0]!)).toEqual(exportStrategy(docs[1]!));
  });

  it('different initiatives of the same plan: nobody loses anything', () => {
    const { models, sync } = twoReplicas();
    models[0].update('initiative', 'i-selvbetjening', { title: 'Selvbetjening på de 20 mest efterspurgte ydelser' });
    models[1].update('initiative', 'i-egne-sager', { status: 'active' });
    models[1].add('initiative', { planId: 'ap-faelles-2011-2012', title: 'Nyt initiativ fra BUF', focusAreaIds: ['fa-kompetencer'] });
    sync();
    for (const m of models) {
      expect(m.get('initiative', 'i-selvbetjening')?.title).toBe('Selvbetjening på de 20 mest efterspurgte ydelser');
      expect(m.get('initiative', 'i-egne-sager')?.status).toBe('active');
      expect(m.list('initiative', 'ap-faelles-2011-2012').map((i) => i.title)).toContain('Nyt initiativ fra BUF');
    }
  });
});
