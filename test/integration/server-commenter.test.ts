// The commenter role on a real sync server, with stock y-websocket clients: a commenter reads the strategy
// and comments (threads under `comments`, comment marks on existing text), and its edits to the strategy
// itself change nothing on the server or at anyone else; a viewer's comments are dropped; an update that
// mixes a comment with an edit is dropped whole; the server keeps serving everyone after refusing.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RemoteLink } from '../../main/sync/remote-link';
import type { StrategyFile } from '../../shared/format/schema';
import { importStrategy, StrategyModel, VISION_ID } from '../../shared/model';
import { commentsOf } from '../../shared/model/comments';
import { appClient, removeTempDirs, startTestServer, stockClient, tempDir, waitFor, type StockClient, type TestServer } from './server-helpers';
import { strategyProjection, firstVisionText } from './strategy-projection';

afterAll(removeTempDirs);

const EXAMPLE = JSON.parse(readFileSync(new URL('../../templates/examples/kk-2010-2014.json', import.meta.url), 'utf8')) as StrategyFile;
const DOC = 'it-strategi-2026';
const TOKENS = { editor: 'strategienheden-nøgle', commenter: 'it-chefforum-nøgle', viewer: 'udvalget-nøgle' };

let server: TestServer;
const cleanups: (() => void)[] = [];
/** The strategy as everyone saw it before the commenter acted. */
let original: Record<string, unknown>;
let editor: StockClient;
/** A second editor, used to know when everything the server relayed has arrived (see settle). */
let probe: StockClient;

beforeEach(async () => {
  const dir = await tempDir('pejling-commenter-');
  const authFile = join(dir, 'auth.json');
  await writeFile(
    authFile,
    JSON.stringify({
      tokens: [
        { token: TOKENS.editor, role: 'editor', documents: ['*'] },
        { token: TOKENS.commenter, role: 'commenter', documents: [DOC] },
        { token: TOKENS.viewer, role: 'viewer', documents: ['*'] },
      ],
    }),
  );
  server = await startTestServer({ authFile });
  editor = client('editor');
  await waitFor(() => editor.provider.synced, { message: 'editor synced' });
  Y.applyUpdate(editor.doc, Y.encodeStateAsUpdate(importStrategy(EXAMPLE)));
  probe = client('editor');
  await waitFor(() => probe.doc.getMap('meta').has('title') && probe.provider.synced, { message: 'the strategy on the server' });
  original = strategyProjection(editor.doc);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  await server.stop();
});

function client(role: keyof typeof TOKENS): StockClient {
  const made = stockClient(server.wsUrl, DOC, { token: TOKENS[role] });
  cleanups.push(made.destroy);
  return made;
}

async function joined(role: keyof typeof TOKENS): Promise<StockClient> {
  const made = client(role);
  await waitFor(() => made.provider.synced && made.doc.getMap('meta').has('title'), { message: `${role} synced` });
  return made;
}

let rounds = 0;
/**
 * Waits until the server has handled everything `sender` sent so far and every client in `receivers` has
 * everything the server relayed before that. The sender's presence goes through the server in order with its
 * updates (handled at once); then the probe editor writes a marker under `comments`, which the server relays
 * after every change it took before (relays wait for the disk in order).
 */
async function settle(sender: StockClient, receivers: StockClient[]): Promise<void> {
  const round = ++rounds;
  sender.provider.awareness.setLocalStateField('round', round);
  await waitFor(() => probe.provider.awareness.getStates().get(sender.doc.clientID)?.['round'] === round, { message: `round ${round} reached the server` });
  probe.doc.getMap('comments').set(`probe-${round}`, round);
  for (const receiver of receivers) {
    await waitFor(() => receiver.doc.getMap('comments').get(`probe-${round}`) === round, { message: `round ${round} relayed` });
  }
}

/** A fresh editor's view of what the server stores. */
async function onServer(): Promise<Y.Doc> {
  const fresh = await joined('editor');
  return fresh.doc;
}

/** A thread laid out as the comments model does (one Y.Map per thread under the root `comments`). */
function addThread(doc: Y.Doc, id: string, text: string): void {
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    doc.getMap('comments').set(id, thread);
    thread.set('id', id);
    thread.set('target', { id: 'vision', field: 'statement' });
    thread.set('quote', firstVisionText(doc).toString().slice(0, 10));
    thread.set('status', 'open');
    const message = new Y.Map<unknown>();
    message.set('id', `${id}-1`);
    message.set('author', 'Bo Lund');
    message.set('date', '2026-12-01T18:00:00.000Z');
    message.set('text', new Y.Text(text));
    const messages = new Y.Array<Y.Map<unknown>>();
    messages.push([message]);
    thread.set('messages', messages);
  });
}

function threadText(doc: Y.Doc, id: string): string | undefined {
  const thread = doc.getMap('comments').get(id) as Y.Map<Y.Array<Y.Map<Y.Text>>> | undefined;
  return thread?.get('messages')?.get(0)?.get('text')?.toString();
}

function commentKeys(text: Y.XmlText): string[] {
  return (text.toDelta() as { attributes?: Record<string, unknown> }[]).flatMap((op) => Object.keys(op.attributes ?? {})).filter((key) => key.startsWith('comment'));
}

describe('the commenter role', () => {
  it("a stock commenter's edits to the strategy change nothing on the server or at an editor", async () => {
    const commenter = await joined('commenter');
    const viewer = await joined('viewer');
    const model = new StrategyModel(commenter.doc);
    // A title (Y.Text), a rich fragment's text, a new item, a delete: each its own update.
    (commenter.doc.getMap('meta').get('title') as Y.Text).insert(0, 'HACKET ');
    firstVisionText(commenter.doc).insert(0, 'Ændret: ');
    model.add('goal', { focusAreaId: model.list('focusArea')[0]!.id, text: 'Et mål ingen bad om' });
    model.delete(model.list('initiative')[0]!.id);
    expect(strategyProjection(commenter.doc)).not.toEqual(original);

    await settle(commenter, [editor, viewer]);
    expect(strategyProjection(editor.doc)).toEqual(original);
    expect(strategyProjection(viewer.doc)).toEqual(original);
    expect(strategyProjection(await onServer())).toEqual(original);
    const refusals = server.logs.filter((entry) => entry.event === 'commenter-write-refused');
    expect(refusals).toHaveLength(1); // once per connection
    expect(refusals[0]).toMatchObject({ doc: DOC, role: 'commenter', reason: 'not-comment' });
    // Nothing of the content reaches the log.
    expect(JSON.stringify(server.logs)).not.toContain('HACKET');
  });

  it("a commenter's threads and comment marks reach everyone, also when made offline", async () => {
    const commenter = await joined('commenter');
    const viewer = await joined('viewer');
    addThread(commenter.doc, 'tr-1', 'Er 2014 ikke for sent?');
    firstVisionText(commenter.doc).format(0, 6, { 'comment--9f3a': { threadId: 'tr-1' } });
    await settle(commenter, [editor, viewer]);
    for (const doc of [editor.doc, viewer.doc, await onServer()]) {
      expect(threadText(doc, 'tr-1')).toBe('Er 2014 ikke for sent?');
      expect(commentKeys(firstVisionText(doc))).toContain('comment--9f3a');
      expect(strategyProjection(doc)).toEqual(original);
    }

    // A reply and a resolution while offline reach the others after reconnecting.
    commenter.provider.disconnect();
    commenter.doc.transact(() => {
      const thread = commenter.doc.getMap('comments').get('tr-1') as Y.Map<unknown>;
      const reply = new Y.Map<unknown>();
      reply.set('id', 'tr-1-2');
      reply.set('author', 'Bo Lund');
      reply.set('date', '2026-12-01T18:05:00.000Z');
      reply.set('text', new Y.Text('Aftalt på mødet.'));
      (thread.get('messages') as Y.Array<Y.Map<unknown>>).push([reply]);
      thread.set('status', 'resolved');
    });
    commenter.provider.connect();
    await waitFor(() => (editor.doc.getMap('comments').get('tr-1') as Y.Map<unknown> | undefined)?.get('status') === 'resolved', { message: 'offline resolution at the editor' });
    expect((editor.doc.getMap('comments').get('tr-1') as Y.Map<Y.Array<unknown>>).get('messages')!.length).toBe(2);
    expect(server.logs.some((entry) => entry.event === 'commenter-write-refused')).toBe(false);
  });

  it("the comments model's own changes from a commenter (thread with a mark, reply, edit, delete, resolve, reopen) all reach the editor", async () => {
    const commenter = await joined('commenter');
    const comments = commentsOf(new StrategyModel(commenter.doc));
    const bo = { name: 'Bo Lund', color: '#1f77b4' };
    const threadId = comments.create({ target: { id: VISION_ID, field: 'statement' }, text: 'Hvad betyder det?', author: bo, range: { from: 2, to: 9 } });
    const replyId = comments.reply(threadId, 'Uddyb gerne', bo);
    comments.editMessage(threadId, replyId, 'Uddyb det gerne', bo.name);
    const extra = comments.reply(threadId, 'Glem det', bo);
    comments.deleteMessage(threadId, extra, bo.name);
    comments.resolve(threadId, bo);
    comments.reopen(threadId);
    const atEditor = commentsOf(new StrategyModel(editor.doc));
    await waitFor(() => atEditor.list().some((thread) => thread.id === threadId && thread.messages.length === 2 && thread.status === 'open'), { message: 'the thread at the editor' });
    const thread = atEditor.list().find((entry) => entry.id === threadId)!;
    expect(thread.messages.map((message) => message.text)).toEqual(['Hvad betyder det?', 'Uddyb det gerne']);
    expect(thread.anchor).toBe('text');
    expect(thread.orphaned).toBe(false);
    expect(strategyProjection(editor.doc)).toEqual(original);
    expect(server.logs.some((entry) => entry.event === 'commenter-write-refused')).toBe(false);
  });

  it("a viewer's comments are dropped", async () => {
    const viewer = await joined('viewer');
    addThread(viewer.doc, 'tr-viewer', 'Læseren mener noget');
    firstVisionText(viewer.doc).format(0, 4, { 'comment--1': { threadId: 'tr-viewer' } });
    await settle(viewer, [editor]);
    expect(editor.doc.getMap('comments').has('tr-viewer')).toBe(false);
    const stored = await onServer();
    expect(stored.getMap('comments').has('tr-viewer')).toBe(false);
    expect(commentKeys(firstVisionText(stored))).toEqual([]);
  });

  it('drops a mixed update (comment + text edit) whole, tells a Pejling client, and keeps serving everyone', async () => {
    const app = appClient(server.server.url, DOC, { token: TOKENS.commenter });
    cleanups.push(app.destroy);
    await app.provider.whenSynced();
    await waitFor(() => app.provider.state.role === 'commenter', { message: 'the app is told it is a commenter' });

    // One transaction, one update: a thread and an edit of the vision.
    app.doc.transact(() => {
      addThread(app.doc, 'tr-mixed', 'Og så lige en rettelse');
      firstVisionText(app.doc).insert(0, 'Rettet: ');
    });
    await waitFor(() => app.provider.state.refused !== undefined, { message: 'refused message' });
    expect(app.provider.state.refused).toEqual({ count: 2, reason: 'not-comment' }); // its step 2 was the first
    // Acknowledged in order, so the app does not wait for it forever.
    await waitFor(() => app.provider.state.pending === 0, { message: 'acknowledged' });

    const stored = await onServer();
    expect(stored.getMap('comments').has('tr-mixed')).toBe(false);
    expect(strategyProjection(stored)).toEqual(original);
    expect(strategyProjection(editor.doc)).toEqual(original);

    // The server goes on: the editor's next edit reaches a commenter, and a fresh commenter can comment.
    const commenter = await joined('commenter');
    (editor.doc.getMap('meta').get('title') as Y.Text).insert(0, 'Ny ');
    await waitFor(() => String(commenter.doc.getMap('meta').get('title')).startsWith('Ny '), { message: 'editor edit at the commenter' });
    addThread(commenter.doc, 'tr-after', 'Stadig muligt');
    await waitFor(() => threadText(editor.doc, 'tr-after') === 'Stadig muligt', { message: 'comment after a refusal' });
    expect(app.channel).toBeDefined();
    await waitFor(() => threadText(app.doc, 'tr-after') === 'Stadig muligt', { message: 'the refused app still receives' });
  });

  it("a host linked as commenter learns its role; its people's comments reach the server, their edits do not and the link says so", async () => {
    const local = await startTestServer();
    cleanups.push(() => void local.stop()); // runs last (cleanups run in reverse)
    const handle = await local.server.rooms.acquire(DOC);
    const link = new RemoteLink({ url: server.server.url, token: TOKENS.commenter, documentName: DOC, doc: handle.doc, awareness: handle.awareness, maxBackoffMs: 300 });
    cleanups.push(() => link.destroy(), () => handle.release());
    await waitFor(() => link.status.role === 'commenter' && link.status.state.kind === 'synced', { message: 'the link is a synced commenter' });
    const person = appClient(local.server.url, DOC);
    cleanups.push(person.destroy);
    await person.provider.whenSynced();
    await waitFor(() => person.doc.getMap('meta').has('title'), { message: 'the strategy at the linked host' });

    addThread(person.doc, 'tr-host', 'Fra it-chefforum');
    await waitFor(() => threadText(editor.doc, 'tr-host') === 'Fra it-chefforum', { message: "the host's comment at the editor" });
    expect(link.status.error).toBeUndefined();

    (person.doc.getMap('meta').get('title') as Y.Text).insert(0, 'Lokalt ændret ');
    await waitFor(() => link.status.errorCode === 'edit-refused', { message: 'the link reports the refusal' });
    // Acknowledged in order: the link does not wait for the refused change forever.
    await waitFor(() => link.status.state.kind === 'synced', { message: 'synced again' });
    expect(strategyProjection(await onServer())).toEqual(original);
    expect(strategyProjection(editor.doc)).toEqual(original);
  });
});
