import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StrategyModel } from '../../../shared/model';
import { FieldSuggestionError, FieldSuggestions } from '../../../shared/model/field-suggestions';
import { ANNA, BO, findDoc } from './helpers';

const ORIGIN = 'test:suggest';

/** Two replicas of the sample strategy that exchange updates when `sync` is called. */
function twoReplicas() {
  const { doc } = findDoc();
  const docs = [new Y.Doc(), new Y.Doc()];
  for (const d of docs) Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
  const models = docs.map((d) => new StrategyModel(d));
  const sync = () => {
    const [a, b] = docs as [Y.Doc, Y.Doc];
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { docs, models, sync, suggestions: models.map((m) => new FieldSuggestions(m)) };
}

describe('field suggestions', () => {
  it('a suggested title shows beside the current one and accepting writes it, in one transaction with removing the suggestion', () => {
    const { doc, model } = findDoc();
    const fs = new FieldSuggestions(model, { now: () => '2026-12-01T21:00:00.000Z' });
    const id = fs.suggest({ itemId: 'fa-1', field: 'title', text: 'Digital service for borgerne', author: BO })!;
    expect(model.get('focusArea', 'fa-1')!.title).toBe('Digital borgerservice');
    expect(fs.list({ itemId: 'fa-1' })).toEqual([
      { id, itemId: 'fa-1', field: 'title', text: 'Digital service for borgerne', authorId: BO.id, authorName: 'Bo', color: BO.color, at: '2026-12-01T21:00:00.000Z' },
    ]);
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    fs.accept(id, ORIGIN);
    expect(origins).toEqual([ORIGIN]);
    expect(model.get('focusArea', 'fa-1')!.title).toBe('Digital service for borgerne');
    expect(fs.list()).toEqual([]);
  });

  it('accepting and rejecting are undone as one step each', () => {
    const { doc, model } = findDoc();
    const fs = new FieldSuggestions(model);
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([ORIGIN]), captureTimeout: 0 });
    const goal = fs.suggest({ itemId: 'go-1', field: 'text', text: 'Alle kan booke tid online', author: BO })!;
    const title = fs.suggest({ itemId: 'in-1', field: 'title', text: 'Borger-appen', author: ANNA })!;
    fs.accept(goal, ORIGIN);
    fs.reject(title, ORIGIN);
    expect(model.get('goal', 'go-1')!.text).toBe('Alle kan booke tid online');
    expect(fs.list()).toEqual([]);
    undo.undo(); // the rejection
    expect(fs.list().map((s) => s.text)).toEqual(['Borger-appen']);
    undo.undo(); // the acceptance: the old goal text and the suggestion are back
    expect(model.get('goal', 'go-1')!.text).toBe('Hver borger kan booke tid online');
    expect(fs.list().map((s) => s.text).sort()).toEqual(['Alle kan booke tid online', 'Borger-appen']);
  });

  it('one suggestion per author and field: suggesting again updates it, suggesting the current text withdraws it', () => {
    const { model } = findDoc();
    let second = 0;
    const fs = new FieldSuggestions(model, { now: () => `2026-12-01T21:00:${String(second++).padStart(2, '0')}.000Z` });
    const first = fs.suggest({ itemId: 'fa-1', field: 'title', text: 'Borgerservice', author: BO });
    const again = fs.suggest({ itemId: 'fa-1', field: 'title', text: 'Borgerservice online', author: BO });
    expect(again).toBe(first);
    fs.suggest({ itemId: 'fa-1', field: 'title', text: 'Selvbetjening', author: ANNA });
    expect(fs.list({ itemId: 'fa-1' }).map((s) => `${s.authorName}: ${s.text}`)).toEqual(['Bo: Borgerservice online', 'Anna: Selvbetjening']);
    expect(fs.suggest({ itemId: 'fa-1', field: 'title', text: 'Digital borgerservice', author: BO })).toBeUndefined();
    expect(fs.list({ itemId: 'fa-1' }).map((s) => s.authorName)).toEqual(['Anna']);
  });

  it('says what is wrong with a bad target, and a suggestion whose item is deleted is no longer read', () => {
    const { model } = findDoc();
    const fs = new FieldSuggestions(model);
    expect(() => fs.suggest({ itemId: 'fa-none', field: 'title', text: 'x', author: BO })).toThrow(FieldSuggestionError);
    expect(() => fs.suggest({ itemId: 'fa-1', field: 'colour', text: 'x', author: BO })).toThrow(/focusArea has no text field "colour"/);
    const id = fs.suggest({ itemId: 'go-1', field: 'text', text: 'Nyt mål', author: BO })!;
    model.delete('go-1');
    expect(fs.list()).toEqual([]);
    expect(() => fs.accept(id)).toThrow(/no suggestion with id/);
  });

  it('in suggestion mode an input bound to the handle edits the suggestion, never the title', () => {
    const { model } = findDoc();
    const fs = new FieldSuggestions(model);
    const handle = fs.handle('fa-1', 'title', BO);
    expect(handle.value()).toBe('Digital borgerservice');
    const seen: string[] = [];
    const stop = handle.subscribe(() => seen.push(handle.value()));
    handle.edit({ index: 21, remove: 0, insert: ' for alle' });
    expect(handle.value()).toBe('Digital borgerservice for alle');
    expect(model.get('focusArea', 'fa-1')!.title).toBe('Digital borgerservice');
    expect(fs.list().map((s) => [s.authorName, s.text])).toEqual([['Bo', 'Digital borgerservice for alle']]);
    // someone else accepts it: the input shows the title (which is now the suggested text)
    fs.accept(fs.list()[0]!.id);
    expect(handle.value()).toBe('Digital borgerservice for alle');
    // typing back to the field's text withdraws the suggestion
    handle.edit({ index: 0, remove: 8, insert: '' });
    expect(fs.list()).toHaveLength(1);
    handle.edit({ index: 0, remove: 0, insert: 'Digital ' });
    expect(fs.list()).toEqual([]);
    // a remote title change reaches the input while there is no suggestion
    model.update('focusArea', 'fa-1', { title: 'Selvbetjening' });
    expect(handle.value()).toBe('Selvbetjening');
    expect(seen.at(-1)).toBe('Selvbetjening');
    stop();
  });

  it('two replicas typing in one suggestion both keep their text; accepts and rejects reach the other replica', () => {
    const { models, sync, suggestions } = twoReplicas();
    const [a, b] = suggestions as [FieldSuggestions, FieldSuggestions];
    const id = a.suggest({ itemId: 'in-1', field: 'title', text: 'Borger-app', author: BO })!;
    sync();
    // Bo in two windows types at both ends at once
    a.handle('in-1', 'title', BO).edit({ index: 0, remove: 0, insert: 'Ny ' });
    b.handle('in-1', 'title', BO).edit({ index: 10, remove: 0, insert: ' 2.0' });
    sync();
    expect(a.get(id)!.text).toBe('Ny Borger-app 2.0');
    expect(b.get(id)!.text).toBe('Ny Borger-app 2.0');
    b.accept(id);
    sync();
    expect(models[0]!.get('initiative', 'in-1')!.title).toBe('Ny Borger-app 2.0');
    expect(a.list()).toEqual([]);
  });

  it('two replicas creating the same author\'s suggestion at once keep both, and one is read as the author\'s', () => {
    const { sync, suggestions } = twoReplicas();
    const [a, b] = suggestions as [FieldSuggestions, FieldSuggestions];
    a.suggest({ itemId: 'fa-2', field: 'title', text: 'Data og AI', author: BO });
    b.suggest({ itemId: 'fa-2', field: 'title', text: 'Data og deling', author: BO });
    sync();
    expect(a.list().map((s) => s.text).sort()).toEqual(['Data og AI', 'Data og deling']);
    expect(a.mine('fa-2', 'title', BO.id)).toBe(b.mine('fa-2', 'title', BO.id));
  });
});
