import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_ORIGIN, StrategyModel, exportStrategy, importStrategy } from '../../../shared/model';
import type { StrategyFile } from '../../../shared/format/schema';
import {
  UnknownVersionError,
  findVersion,
  listVersions,
  loadVersion,
  observeVersions,
  restoreVersion,
  saveVersion,
} from '../../../shared/model/versions';
import { Replicas } from '../model/replicas';

async function example(): Promise<Y.Doc> {
  const file = JSON.parse(await readFile(new URL('../../../templates/examples/kk-2010-2014.json', import.meta.url), 'utf8')) as StrategyFile;
  return importStrategy(file);
}

/** Edits of every sort: text, rich text, a new focus area, a deleted initiative, a moved one, a changed status. */
function editAll(model: StrategyModel): void {
  const perspective = model.list('perspective')[0]!;
  const [first, second] = model.list('focusArea', perspective.id);
  model.update('focusArea', first!.id, { title: `${first!.title} (revideret)` });
  model.setRich(first!.id, 'body', 'Et helt nyt afsnit om **data**.');
  model.add('focusArea', { id: 'fa-ny', perspectiveId: perspective.id, title: 'Kunstig intelligens', body: 'Vi afprøver AI.' });
  model.move(second!.id, { index: 0 });
  const plan = model.list('actionPlan')[0]!;
  const [gone, changed] = model.list('initiative', plan.id);
  model.delete(gone!.id);
  model.update('initiative', changed!.id, { status: 'done', ownerId: null });
  model.addStatusUpdate(changed!.id, { date: '2012-05-01', status: 'done', note: 'Færdig' });
  model.updateMeta({ subtitle: 'Revideret udgave' });
}

describe('named versions', () => {
  it('saves name, milestone, author and time, and loads the content as it was', async () => {
    const doc = await example();
    const before = exportStrategy(doc);
    const info = saveVersion(doc, { name: 'Høringsudkast', milestone: 'consultation', author: 'Anne', created: '2010-03-12T10:00:00.000Z' });
    editAll(new StrategyModel(doc));
    expect(exportStrategy(doc)).not.toEqual(before);
    expect(listVersions(doc)).toEqual([{ id: info.id, name: 'Høringsudkast', milestone: 'consultation', author: 'Anne', created: '2010-03-12T10:00:00.000Z', bytes: info.bytes }]);
    const version = loadVersion(doc, 'Høringsudkast');
    expect(exportStrategy(version)).toEqual(before);
    // a version holds no versions (no growth with every save)
    expect(listVersions(version)).toEqual([]);
  });

  it('an unknown name is an error naming the versions there are', async () => {
    const doc = await example();
    expect(() => findVersion(doc, 'Vedtaget')).toThrow(/no versions/);
    saveVersion(doc, { name: 'Udkast', author: 'A' });
    saveVersion(doc, { name: 'Høringsudkast', author: 'A' });
    let error: unknown;
    try {
      findVersion(doc, 'Vedtaget');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownVersionError);
    expect((error as Error).message).toBe('no version named "Vedtaget"; the versions are: "Udkast", "Høringsudkast"');
  });

  it('versions saved on two replicas offline merge into one list, the same on both', async () => {
    const base = await example();
    const r = new Replicas(base, 2);
    saveVersion(r.docs[0]!, { name: 'Udkast A', milestone: 'draft', author: 'Anne', created: '2010-03-01T09:00:00.000Z' });
    new StrategyModel(r.docs[1]!).updateMeta({ subtitle: 'Bo skrev offline' });
    saveVersion(r.docs[1]!, { name: 'Udkast B', author: 'Bo', created: '2010-03-02T09:00:00.000Z' });
    // offline: each sees only its own
    expect(listVersions(r.docs[0]!).map((v) => v.name)).toEqual(['Udkast A']);
    expect(listVersions(r.docs[1]!).map((v) => v.name)).toEqual(['Udkast B']);
    r.syncAll();
    const lists = r.docs.map((d) => listVersions(d));
    expect(lists[0]!.map((v) => `${v.name}/${v.author}`)).toEqual(['Udkast A/Anne', 'Udkast B/Bo']);
    expect(lists[1]).toEqual(lists[0]);
    // each version keeps what its replica had at the time
    expect(new StrategyModel(loadVersion(r.docs[0]!, 'Udkast B')).getMeta().subtitle).toBe('Bo skrev offline');
    expect(new StrategyModel(loadVersion(r.docs[1]!, 'Udkast A')).getMeta().subtitle).toBe(new StrategyModel(base).getMeta().subtitle);
  });

  it('co-editors see a saved version live', async () => {
    const base = await example();
    const r = new Replicas(base, 2);
    let seen = 0;
    const off = observeVersions(r.docs[1]!, () => seen++);
    saveVersion(r.docs[0]!, { name: 'Høringsudkast', author: 'Anne' });
    r.deliver(0, 0, 1);
    expect(seen).toBe(1);
    expect(listVersions(r.docs[1]!).map((v) => v.name)).toEqual(['Høringsudkast']);
    off();
  });

  it('restore is one forward change, undone in one step, and later versions stay', async () => {
    const doc = await example();
    const model = new StrategyModel(doc);
    const original = exportStrategy(doc);
    saveVersion(doc, { name: 'Høringsudkast', author: 'Anne', created: '2010-03-12T10:00:00.000Z' });
    editAll(model);
    const edited = exportStrategy(doc);
    saveVersion(doc, { name: 'Efter høring', author: 'Bo', created: '2010-05-01T10:00:00.000Z' });
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 });
    let transactions = 0;
    const count = () => transactions++;
    doc.on('afterTransaction', count);
    restoreVersion(doc, 'Høringsudkast');
    doc.off('afterTransaction', count);
    expect(transactions).toBe(1);
    expect(exportStrategy(doc)).toEqual(original);
    expect(listVersions(doc).map((v) => v.name)).toEqual(['Høringsudkast', 'Efter høring']);
    expect(exportStrategy(loadVersion(doc, 'Efter høring'))).toEqual(edited);
    expect(undo.undoStack.length).toBe(1);
    undo.undo();
    expect(exportStrategy(doc)).toEqual(edited);
    expect(listVersions(doc).map((v) => v.name)).toEqual(['Høringsudkast', 'Efter høring']);
    undo.redo();
    expect(exportStrategy(doc)).toEqual(original);
  });

  it('a restore reaches co-editors as an ordinary change, and keeps the ids of items that stayed', async () => {
    const base = await example();
    const r = new Replicas(base, 2);
    saveVersion(r.docs[0]!, { name: 'V1', author: 'Anne' });
    editAll(r.models[0]!);
    r.syncAll();
    const initiatives = () => r.docs[1]!.getMap<Y.Map<unknown>>('initiatives');
    const kept = [...initiatives().entries()];
    restoreVersion(r.docs[0]!, 'V1');
    r.syncAll();
    expect(exportStrategy(r.docs[1]!)).toEqual(exportStrategy(base));
    // the initiatives that were there before the restore are the same Yjs items (not deleted and re-added)
    expect(kept.length).toBeGreaterThan(5);
    for (const [id, item] of kept) expect(initiatives().get(id)).toBe(item);
    // a second restore of the same content writes nothing
    let updates = 0;
    r.docs[0]!.on('update', () => updates++);
    restoreVersion(r.docs[0]!, 'V1');
    expect(updates).toBe(0);
  });

  it('refuses an empty name and an unknown milestone before writing anything', async () => {
    const doc = await example();
    expect(() => saveVersion(doc, { name: '  ', author: 'A' })).toThrow('a version needs a name');
    expect(() => saveVersion(doc, { name: 'X', author: 'A', milestone: 'final' as never })).toThrow('unknown milestone "final"');
    expect(listVersions(doc)).toEqual([]);
  });
});
