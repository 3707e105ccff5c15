import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META_ID, StrategyModel, VISION_ID } from '../../../shared/model';
import { FieldSuggestions } from '../../../shared/model/field-suggestions';
import { findInStrategy, replaceHits } from '../../../shared/model/find';
import { readFragment } from '../../../shared/model/yfragment';
import { decideInDocument, listPending } from '../../../shared/model/suggestions';
import { BO, findDoc } from './helpers';

const FIND_ORIGIN = 'test:find';

function where(hits: ReturnType<typeof findInStrategy>): string[] {
  return hits.map((h) => `${h.itemId}.${h.field}:${h.text}`);
}

describe('find across the strategy', () => {
  it('finds a word in every title, text, goal, initiative field, rich text and comment, in document order', () => {
    const { model } = findDoc();
    const hits = findInStrategy(model, 'borger', { wholeWord: true });
    expect(where(hits)).toEqual([
      `${VISION_ID}.statement:borger`,
      'fa-1.body:borger',
      'go-1.text:borger',
      'in-1.title:borger',
      'in-1.description:borger',
      'fa-2.comment:borger',
    ]);
    // the snippet shows the hit in its sentence
    const goal = hits.find((h) => h.itemId === 'go-1')!;
    expect(`${goal.before}[${goal.text}]${goal.after}`).toBe('Hver [borger] kan booke tid online');
    expect(hits.find((h) => h.field === 'comment')!.target).toEqual({ type: 'comment', threadId: 'th-1', messageId: expect.any(String) });
  });

  it('matches inside words and across case unless whole word or match case is asked for', () => {
    const { model } = findDoc();
    const loose = where(findInStrategy(model, 'borger'));
    expect(loose).toContain(`${META_ID}.title:Borger`); // "Borgeren i centrum"
    expect(loose).toContain('fa-1.title:borger'); // "borgerservice"
    expect(loose).toContain('in-1.budgetSource:borger'); // "borgerrettet"
    expect(loose).toContain('fa-1.body:Borger'); // "Borgeren vælger"
    const cased = where(findInStrategy(model, 'Borger', { matchCase: true }));
    expect(cased).toEqual([`${META_ID}.title:Borger`, 'fa-1.body:Borger']);
    expect(findInStrategy(model, '')).toEqual([]);
    // Danish letters fold and count as letters for whole words
    model.update('goal', 'go-1', { text: 'Ældre borgere får hjælp; ÆLDRE først' });
    expect(where(findInStrategy(model, 'ældre', { wholeWord: true })).filter((w) => w.startsWith('go-1'))).toEqual(['go-1.text:Ældre', 'go-1.text:ÆLDRE']);
  });

  it('gives rich hits as ProseMirror positions of the field', () => {
    const { model } = findDoc();
    const hit = findInStrategy(model, 'borger', { wholeWord: true }).find((h) => h.itemId === 'fa-1')!;
    const doc = readFragment(model.fragment('fa-1', 'body'));
    expect(doc.textBetween(hit.from, hit.to)).toBe('borger');
    expect(doc.nodeAt(hit.from)!.marks.map((m) => m.type.name)).toEqual(['strong']);
  });
});

describe('replace', () => {
  it('replaces all hits in one transaction, keeping the formatting of each hit', () => {
    const { doc, model } = findDoc();
    const hits = findInStrategy(model, 'borger', { wholeWord: true });
    const updates: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
    const result = replaceHits(model, hits, { replacement: 'indbygger', origin: FIND_ORIGIN });
    expect(result).toEqual({ replaced: 5, skipped: 1 }); // the comment is found, never replaced
    expect(updates).toEqual([FIND_ORIGIN]);
    expect(model.get('goal', 'go-1')!.text).toBe('Hver indbygger kan booke tid online');
    expect(model.get('initiative', 'in-1')!.title).toBe('Ny indbygger-app');
    expect(model.getRich('fa-1', 'body')).toBe('Vi gør det let for en **indbygger** at finde svar. Borgeren vælger selv kanal.');
    expect(model.getRich('in-1', 'description')).toBe('Appen samler post til en indbygger.');
    expect(model.getRich(VISION_ID, 'statement')).toBe('Hver indbygger møder én kommune.');
    expect(findInStrategy(model, 'borger', { wholeWord: true }).map((h) => h.field)).toEqual(['comment']);
  });

  it('is undone as one step by an undo manager tracking its origin', () => {
    const { doc, model } = findDoc();
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([FIND_ORIGIN]), captureTimeout: 0 });
    const before = JSON.stringify([model.list('goal'), model.list('initiative'), model.getRich('fa-1', 'body'), model.getRich(VISION_ID, 'statement'), model.getMeta()]);
    replaceHits(model, findInStrategy(model, 'borger'), { replacement: 'indbygger', origin: FIND_ORIGIN });
    expect(model.getMeta().title).toBe('indbyggeren i centrum');
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(JSON.stringify([model.list('goal'), model.list('initiative'), model.getRich('fa-1', 'body'), model.getRich(VISION_ID, 'statement'), model.getMeta()])).toBe(before);
    undo.redo();
    expect(model.get('goal', 'go-1')!.text).toBe('Hver indbygger kan booke tid online');
  });

  it('skips a hit whose text changed since the search, and keeps what another user typed between two hits', () => {
    const { doc, model } = findDoc();
    model.update('goal', 'go-1', { text: 'en borger og en borger' });
    const hits = findInStrategy(model, 'borger', { wholeWord: true });
    // a second replica types between the goal's two hits, and changes the initiative's title
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const otherModel = new StrategyModel(other);
    otherModel.textField('go-1', 'text').edit({ index: 10, remove: 0, insert: 'glad ' });
    otherModel.update('initiative', 'in-1', { title: 'Ny app til borger' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    const result = replaceHits(model, hits, { replacement: 'indbygger' });
    // the goal's second hit no longer sits at its offsets (the typing moved it): skipped, not garbled;
    // the first is replaced and what the other user typed stays
    expect(model.get('goal', 'go-1')!.text).toBe('en indbygger glad og en borger');
    // skipped: the goal's second hit, the initiative's title (changed), the comment
    expect(result.skipped).toBe(3);
    expect(model.get('initiative', 'in-1')!.title).toBe('Ny app til borger');
  });
});

describe('replace as suggestions (suggestion mode)', () => {
  it('writes a field suggestion by the author for each typed text field and leaves the text as it is', () => {
    const { model } = findDoc();
    const hits = findInStrategy(model, 'borger').filter((h) => h.target.type === 'text');
    const result = replaceHits(model, hits, { replacement: 'indbygger', origin: FIND_ORIGIN, suggest: { author: BO, at: '2026-12-01T21:00:00.000Z' } });
    expect(result.replaced).toBe(hits.length);
    expect(model.get('initiative', 'in-1')!.title).toBe('Ny borger-app');
    const suggestions = new FieldSuggestions(model).list();
    expect(suggestions.map((s) => [s.itemId, s.field, s.text, s.authorName])).toEqual(
      expect.arrayContaining([
        [META_ID, 'title', 'indbyggeren i centrum', 'Bo'],
        ['fa-1', 'title', 'Digital indbyggerservice', 'Bo'],
        ['go-1', 'text', 'Hver indbygger kan booke tid online', 'Bo'],
        ['in-1', 'title', 'Ny indbygger-app', 'Bo'],
        ['in-1', 'budgetSource', 'Puljen for indbyggerrettet digitalisering', 'Bo'],
      ]),
    );
    expect(suggestions).toHaveLength(5);
  });

  it('marks each rich hit as a suggested deletion with the replacement as a suggested insertion by the author; accepting them replaces the text', () => {
    const { doc, model } = findDoc();
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([FIND_ORIGIN]), captureTimeout: 0 });
    const hits = findInStrategy(model, 'borger', { wholeWord: true });
    const result = replaceHits(model, hits, { replacement: 'indbygger', origin: FIND_ORIGIN, suggest: { author: BO, at: '2026-12-01T21:00:00.000Z' } });
    expect(result).toEqual({ replaced: 5, skipped: 1 });
    // nothing is replaced yet: the text still holds the old words (with the new ones beside them, suggested)
    expect(model.get('goal', 'go-1')!.text).toBe('Hver borger kan booke tid online');
    const pending = listPending(doc);
    expect(pending.map((p) => [p.target.id, p.deleted, p.inserted, p.meta?.authorName])).toEqual([
      [VISION_ID, 'borger', 'indbygger', 'Bo'],
      ['fa-1', 'borger', 'indbygger', 'Bo'],
      ['in-1', 'borger', 'indbygger', 'Bo'],
    ]);
    // the bold hit's replacement is bold too
    const body = readFragment(model.fragment('fa-1', 'body'));
    let boldInserted = '';
    body.descendants((node) => {
      if (node.isText && node.marks.some((m) => m.type.name === 'insertion') && node.marks.some((m) => m.type.name === 'strong')) boldInserted += node.text;
    });
    expect(boldInserted).toBe('indbygger');
    // the replace is one undo step: suggestions in text and fields go together
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(listPending(doc)).toEqual([]);
    expect(new FieldSuggestions(model).list()).toEqual([]);
    undo.redo();
    // accepting everything (the review) makes the replacement real
    decideInDocument(doc, 'accept');
    for (const s of new FieldSuggestions(model).list()) new FieldSuggestions(model).accept(s.id);
    expect(model.getRich('fa-1', 'body')).toBe('Vi gør det let for en **indbygger** at finde svar. Borgeren vælger selv kanal.');
    expect(model.getRich('in-1', 'description')).toBe('Appen samler post til en indbygger.');
    expect(model.get('goal', 'go-1')!.text).toBe('Hver indbygger kan booke tid online');
    expect(findInStrategy(model, 'borger', { wholeWord: true }).map((h) => h.field)).toEqual(['comment']);
  });
});
