// What the comments model writes is what a commenter may send: each operation's update passes the
// sync server's commenter rule (main/sync/commenter-check.ts), including a thread whose mark is
// written into the text in the same transaction, over overlapping anchors and across paragraphs;
// an edit of the text does not.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkCommenterUpdate } from '../../../main/sync/commenter-check';
import { Comments, StrategyModel, VISION_ID } from '../../../shared/model';
import { readFragment } from '../../../shared/model/yfragment';
import { ANNA, BO, editField, rangeOf, sampleDoc } from './helpers';

/** Runs `fn` on the commenter's replica, checks its update against the server's copy, and applies it there when accepted. */
function send(server: Y.Doc, client: Y.Doc, fn: () => void): boolean {
  const updates: Uint8Array[] = [];
  const listen = (u: Uint8Array) => updates.push(u);
  client.on('update', listen);
  fn();
  client.off('update', listen);
  expect(updates.length).toBeGreaterThan(0);
  const update = Y.mergeUpdates(updates);
  const verdict = checkCommenterUpdate(server, update);
  if (verdict.ok) Y.applyUpdate(server, update);
  return verdict.ok;
}

describe('the comments model writes only what a commenter may send', () => {
  it('threads with their marks, replies, edits, deletions, resolve and reopen pass; typing does not', () => {
    const { doc: server } = sampleDoc();
    new StrategyModel(server).setRich(VISION_ID, 'statement', 'Vi bruger data klogt.\n\nBorgerne møder én kommune.');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const model = new StrategyModel(client);
    const comments = new Comments(model);
    const vision = model.fragment(VISION_ID, 'statement');
    let first = '';
    expect(send(server, client, () => (first = comments.create({ target: { id: VISION_ID, field: 'statement' }, range: rangeOf(readFragment(vision), 'data klogt'), text: 'Hvilke?', author: ANNA })))).toBe(true);
    // overlapping the first, and across the paragraph boundary
    const doc = readFragment(vision);
    const across = { from: rangeOf(doc, 'klogt.').from, to: rangeOf(doc, 'Borgerne').to };
    let second = '';
    expect(send(server, client, () => (second = comments.create({ target: { id: VISION_ID, field: 'statement' }, range: across, text: 'To afsnit', author: ANNA })))).toBe(true);
    expect(send(server, client, () => comments.create({ target: { id: 'fa-data', field: 'body' }, quote: 'sikkert', anchorQuote: true, text: 'Hvordan?', author: ANNA }))).toBe(true);
    expect(send(server, client, () => comments.create({ target: { id: 'fa-data' }, text: 'Hele området', author: ANNA }))).toBe(true);
    let reply = '';
    expect(send(server, client, () => (reply = comments.reply(first, 'Persondata', ANNA)))).toBe(true);
    expect(send(server, client, () => comments.editMessage(first, reply, 'Persondata og sagsdata', 'Anna'))).toBe(true);
    expect(send(server, client, () => comments.deleteMessage(first, reply, 'Anna'))).toBe(true);
    expect(send(server, client, () => comments.resolve(second, BO))).toBe(true);
    expect(send(server, client, () => comments.reopen(second))).toBe(true);

    // the server's copy has the threads and anchors, and the strategy's text unchanged
    const onServer = new Comments(new StrategyModel(server));
    expect(onServer.list().map((t) => [t.currentQuote ?? t.quote, t.orphaned])).toEqual([
      ['data klogt', false],
      ['klogt.\nBorgerne', false],
      ['', false], // the whole focus area: no quote
      ['sikkert', false],
    ]);
    expect(readFragment(server.getXmlFragment('visionStatement')).textContent).toBe('Vi bruger data klogt.Borgerne møder én kommune.');

    // typing is not a comment: refused whole
    expect(send(server, client, () => editField(vision, (tr) => tr.insertText('Nu ', 1)))).toBe(false);
  });
});
