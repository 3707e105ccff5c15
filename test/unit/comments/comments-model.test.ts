// The comment threads' model: creation with an anchor, replies, own edits and deletions,
// resolve/reopen, document order, counts, and what happens to anchors when the text changes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Comments, CommentError, VISION_ID, anchorsInFragment } from '../../../shared/model';
import { readFragment } from '../../../shared/model/yfragment';
import { richSchema } from '../../../shared/richtext/schema';
import { ANNA, BO, EDITOR_ORIGIN, editField, rangeOf, sampleDoc } from './helpers';

function setup() {
  const s = sampleDoc();
  return { ...s, comments: new Comments(s.model) };
}

describe('threads', () => {
  it('a thread on a sentence marks it, keeps the quote and reads back with its first message', () => {
    const { comments, vision } = setup();
    const range = rangeOf(readFragment(vision), 'Vi bruger data klogt.');
    const id = comments.create({ target: { id: VISION_ID, field: 'statement' }, range, text: 'For vagt formuleret', author: ANNA });
    const thread = comments.get(id)!;
    expect(thread).toMatchObject({ quote: 'Vi bruger data klogt.', status: 'open', author: 'Anna', color: ANNA.color, anchor: 'text', orphaned: false, currentQuote: 'Vi bruger data klogt.' });
    expect(thread.messages.map((m) => [m.author, m.text])).toEqual([['Anna', 'For vagt formuleret']]);
    expect(thread.messages[0]!.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d/);
    // y-prosemirror stores the non-exclusive mark as a hashed attribute
    const attrs = (vision.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(Object.keys(attrs.toDelta()[0].attributes ?? {})).toEqual([expect.stringMatching(/^comment--/)]);
  });

  it('overlapping threads on the same text both keep their anchors', () => {
    const { comments, vision } = setup();
    const doc = readFragment(vision);
    const a = comments.create({ target: { id: VISION_ID, field: 'statement' }, range: rangeOf(doc, 'bruger data klogt'), text: 'Hvilke data?', author: ANNA });
    const b = comments.create({ target: { id: VISION_ID, field: 'statement' }, range: rangeOf(readFragment(vision), 'data klogt. Borgerne'), text: 'Del i to', author: BO });
    const anchors = anchorsInFragment(vision);
    expect(anchors.get(a)?.text).toBe('bruger data klogt');
    expect(anchors.get(b)?.text).toBe('data klogt. Borgerne');
    // the shared words carry both marks
    const shared = readFragment(vision).firstChild!.child(2);
    expect(shared.text).toBe('data klogt');
    expect(shared.marks.map((m) => m.attrs.threadId).sort()).toEqual([a, b].sort());
    expect(comments.list().map((t) => t.id)).toEqual([a, b]);
  });

  it('replies, own edits and deletions; another author cannot change them', () => {
    const { comments } = setup();
    const id = comments.create({ target: { id: 'fa-data' }, text: 'Mangler et mål', author: ANNA });
    const reply = comments.reply(id, 'Enig, jeg skriver et', BO);
    expect(() => comments.editMessage(id, reply, 'Anna retter', 'Anna')).toThrow(CommentError);
    comments.editMessage(id, reply, 'Enig, jeg skriver to', 'Bo');
    let thread = comments.get(id)!;
    expect(thread.anchor).toBe('item');
    expect(thread.messages.map((m) => m.text)).toEqual(['Mangler et mål', 'Enig, jeg skriver to']);
    expect(thread.messages[1]!.edited).toBeDefined();
    comments.deleteMessage(id, reply, 'Bo');
    thread = comments.get(id)!;
    expect(thread.messages.map((m) => m.text)).toEqual(['Mangler et mål']);
    comments.deleteMessage(id, thread.messages[0]!.id, 'Anna');
    expect(comments.get(id)).toBeUndefined();
    expect(comments.list()).toEqual([]);
    expect(() => comments.reply('th-nothing', 'x', BO)).toThrow(/no thread/);
    expect(() => comments.reply(id, '   ', BO)).toThrow(/needs a text/);
  });

  it('resolve keeps the anchor, reopen shows it again', () => {
    const { comments, vision } = setup();
    const id = comments.create({ target: { id: VISION_ID, field: 'statement' }, range: rangeOf(readFragment(vision), 'én kommune'), text: 'Godt', author: ANNA });
    comments.resolve(id, BO);
    expect(comments.get(id)).toMatchObject({ status: 'resolved', resolvedBy: 'Bo', orphaned: false });
    expect(comments.list({ status: 'open' })).toEqual([]);
    expect(anchorsInFragment(vision).has(id)).toBe(true);
    comments.reopen(id);
    expect(comments.get(id)).toMatchObject({ status: 'open', currentQuote: 'én kommune' });
    expect(comments.get(id)!.resolvedBy).toBeUndefined();
  });

  it('refuses a target that names no item, or a field the item lacks', () => {
    const { comments } = setup();
    expect(() => comments.create({ target: { id: 'fa-nothing' }, text: 'x', author: ANNA })).toThrow('no item with id "fa-nothing"');
    expect(() => comments.create({ target: { id: 'fa-data', field: 'intro' }, text: 'x', author: ANNA })).toThrow('a focusArea has no field "intro"');
    expect(() => comments.create({ target: { id: VISION_ID, field: 'title' }, text: 'x', author: ANNA })).toThrow('the vision has no field "title"');
    expect(comments.create({ target: { id: 'fa-data', field: 'title' }, quote: 'Data', text: 'Kort titel', author: ANNA })).toMatch(/^th-/);
  });

  it('lists in document order with filters, and counts per item', () => {
    const { comments, model, vision } = setup();
    const onArea = comments.create({ target: { id: 'fa-data', field: 'body' }, quote: 'sikkert', anchorQuote: true, text: 'Hvordan?', author: BO });
    const second = comments.create({ target: { id: VISION_ID, field: 'statement' }, range: rangeOf(readFragment(vision), 'Borgerne'), text: 'Og virksomheder?', author: ANNA });
    const first = comments.create({ target: { id: VISION_ID, field: 'statement' }, range: rangeOf(readFragment(vision), 'data'), text: 'Hvilke?', author: BO });
    const onItem = comments.create({ target: { id: 'pe-borger' }, text: 'Perspektivet mangler', author: ANNA });
    expect(comments.get(onArea)!.currentQuote).toBe('sikkert');
    expect(comments.list().map((t) => t.id)).toEqual([first, second, onItem, onArea]);
    comments.reply(first, 'Persondata', ANNA);
    comments.resolve(second, ANNA);
    expect(comments.list({ status: 'open' }).map((t) => t.id)).toEqual([first, onItem, onArea]);
    expect(comments.list({ status: 'resolved' }).map((t) => t.id)).toEqual([second]);
    expect(comments.list({ mine: 'Bo' }).map((t) => t.id)).toEqual([first, onArea]);
    expect(comments.list({ itemId: VISION_ID }).map((t) => t.id)).toEqual([first, second]);
    expect(Object.fromEntries(comments.counts())).toEqual({ [VISION_ID]: { open: 1, resolved: 1 }, 'pe-borger': { open: 1, resolved: 0 }, 'fa-data': { open: 1, resolved: 0 } });
    // a thread on a deleted item is kept, orphaned, at the end
    model.delete('fa-data');
    const last = comments.list().at(-1)!;
    expect(last).toMatchObject({ id: onArea, orphaned: true, quote: 'sikkert' });
  });
});

describe('anchors follow their text', () => {
  const target = { id: VISION_ID, field: 'statement' };

  it('through edits before, inside and after the anchor', () => {
    const { comments, vision } = setup();
    const id = comments.create({ target, range: rangeOf(readFragment(vision), 'data klogt'), text: 'x', author: ANNA });
    editField(vision, (tr) => tr.insertText('Nu ', 1));
    editField(vision, (tr, doc) => tr.insertText('meget ', rangeOf(doc, 'klogt').from));
    editField(vision, (tr, doc) => tr.insertText('!', rangeOf(doc, 'klogt').to));
    expect(comments.get(id)!.currentQuote).toBe('data meget klogt');
    expect(readFragment(vision).textContent).toBe('Nu Vi bruger data meget klogt!. Borgerne møder én kommune.');
  });

  it('through concurrent edits on another replica around and inside the anchor', () => {
    const { doc, comments, vision } = setup();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const otherVision = other.getXmlFragment('visionStatement');
    // Anna comments while Bo, not yet synced, types before and inside the words she marks
    const id = comments.create({ target, range: rangeOf(readFragment(vision), 'data klogt'), text: 'x', author: ANNA });
    editField(otherVision, (tr) => tr.insertText('Nu ', 1));
    editField(otherVision, (tr, d) => tr.insertText('meget ', rangeOf(d, 'klogt').from));
    // (exactly at the anchor's edge a concurrent insertion may land on either side, as Yjs orders
    // concurrent inserts at one place by client id; one character past it, it is outside)
    editField(otherVision, (tr, d) => tr.insertText(' Og åbent.', rangeOf(d, 'klogt.').to));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    expect(readFragment(vision).textContent).toBe('Nu Vi bruger data meget klogt. Og åbent. Borgerne møder én kommune.');
    expect(readFragment(otherVision).toJSON()).toEqual(readFragment(vision).toJSON());
    // text typed inside the anchor joins it, text typed outside stays outside
    expect(comments.get(id)!.currentQuote).toBe('data meget klogt');
    expect(anchorsInFragment(otherVision).get(id)!.text).toBe('data meget klogt');
  });

  it('through a split of the paragraph inside the anchor and the join after it', () => {
    const { comments, vision } = setup();
    const id = comments.create({ target, range: rangeOf(readFragment(vision), 'klogt. Borgerne'), text: 'x', author: ANNA });
    editField(vision, (tr, doc) => tr.split(rangeOf(doc, ' Borgerne').from));
    let doc = readFragment(vision);
    expect(doc.childCount).toBe(2);
    expect(anchorsInFragment(vision).get(id)!.text).toBe('klogt.\n Borgerne');
    const marked = (n: number) => {
      const texts: string[] = [];
      doc.child(n).forEach((t) => t.marks.some((m) => m.attrs.threadId === id) && texts.push(t.text!));
      return texts.join('');
    };
    expect([marked(0), marked(1)]).toEqual(['klogt.', ' Borgerne']);
    editField(vision, (tr, d) => tr.join(d.child(0).nodeSize));
    doc = readFragment(vision);
    expect(doc.childCount).toBe(1);
    expect(comments.get(id)!.currentQuote).toBe('klogt. Borgerne');
  });

  it('deleting the commented text orphans the thread with its quote; undo brings the anchor back', () => {
    const { doc, comments, vision } = setup();
    const undo = new Y.UndoManager(vision, { trackedOrigins: new Set([EDITOR_ORIGIN]) });
    const id = comments.create({ target, range: rangeOf(readFragment(vision), 'Borgerne møder'), text: 'x', author: ANNA });
    editField(vision, (tr, d) => {
      const r = rangeOf(d, 'Borgerne møder én kommune.');
      tr.delete(r.from - 1, r.to);
    });
    expect(readFragment(vision).textContent).toBe('Vi bruger data klogt.');
    expect(comments.get(id)).toMatchObject({ orphaned: true, quote: 'Borgerne møder' });
    expect(comments.get(id)!.currentQuote).toBeUndefined();
    undo.undo();
    expect(readFragment(vision).textContent).toBe('Vi bruger data klogt. Borgerne møder én kommune.');
    expect(comments.get(id)).toMatchObject({ orphaned: false, currentQuote: 'Borgerne møder' });
    expect(doc.getMap('comments').size).toBe(1);
  });

  it('a paste of marked text keeps its mark (the clipboard goes through the schema)', () => {
    const { comments, vision } = setup();
    const id = comments.create({ target, range: rangeOf(readFragment(vision), 'klogt'), text: 'x', author: ANNA });
    // cut and paste as ProseMirror does it: the slice carries the marks
    editField(vision, (tr, d) => {
      const r = rangeOf(d, 'klogt');
      const slice = d.slice(r.from, r.to);
      tr.delete(r.from, r.to);
      tr.replace(tr.doc.content.size - 1, tr.doc.content.size - 1, slice);
    });
    expect(readFragment(vision).textContent).toBe('Vi bruger data . Borgerne møder én kommune.klogt');
    expect(comments.get(id)).toMatchObject({ orphaned: false, currentQuote: 'klogt' });
    // and the mark's DOM form parses back to the same mark
    const spec = richSchema.marks.comment!.spec;
    const out = spec.toDOM!(richSchema.marks.comment!.create({ threadId: id }), true) as [string, Record<string, string>];
    expect(out[1]['data-comment-thread']).toBe(id);
  });
});
