// The commenter rule of the sync rooms (main/sync/commenter-check.ts), on hand-made updates against a real
// strategy (the Københavns example): comment threads under `comments` and `comment--…` format attributes on
// existing text pass; every other change, and any update that mixes one in, is refused; what passes leaves
// the strategy itself untouched.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { Schema } from 'prosemirror-model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { checkCommenterUpdate, COMMENTS_ROOT } from '../../../main/sync/commenter-check';
import { importStrategy, StrategyModel, VISION_ID } from '../../../shared/model';
import { commentsOf } from '../../../shared/model/comments';
import { COLLECTIONS, ITEM_KINDS } from '../../../shared/model/layout';
import { readFragment } from '../../../shared/model/yfragment';
import type { RichField } from '../../../shared/model/types';
import type { StrategyFile } from '../../../shared/format/schema';
import { richSchema } from '../../../shared/richtext/schema';
import { firstVisionText, strategyProjection } from '../../integration/strategy-projection';
import { mutate, prng } from '../../integration/update-mutation';
import { checkUpdate } from '../../../main/sync/update-check';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../../templates/examples/kk-2010-2014.json', import.meta.url), 'utf8')) as StrategyFile;

/** The server's document, and a commenter's replica of it. */
function setup() {
  const server = importStrategy(EXAMPLE);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update a change on `client` sends (its update event), plus the client's step 2 against `server`. */
function change(client: Y.Doc, fn: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (update: Uint8Array) => updates.push(update);
  client.on('update', listen);
  client.transact(fn);
  client.off('update', listen);
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

function verdict(server: Y.Doc, update: Uint8Array) {
  return checkCommenterUpdate(server, update);
}

/** A thread as the comments model lays it out (the fixed contract: one Y.Map per thread under `comments`). */
function addThread(client: Y.Doc, id: string, text: string): Y.Map<unknown> {
  const thread = new Y.Map<unknown>();
  client.getMap(COMMENTS_ROOT).set(id, thread);
  thread.set('id', id);
  thread.set('target', { id: 'vision', field: 'statement' });
  thread.set('quote', 'digital');
  thread.set('status', 'open');
  const messages = new Y.Array<Y.Map<unknown>>();
  thread.set('messages', messages);
  messages.push([message('m1', text)]);
  return thread;
}

function message(id: string, text: string): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set('id', id);
  entry.set('author', 'Anna Holm');
  entry.set('date', '2026-12-01T17:30:00.000Z');
  entry.set('text', new Y.Text(text));
  return entry;
}

describe('checkCommenterUpdate: what a commenter may do', () => {
  it('creates a thread, replies, edits and deletes a message, resolves and deletes the thread', () => {
    const { server, client } = setup();
    const before = strategyProjection(server);
    const steps: [string, () => void][] = [
      ['create', () => addThread(client, 't1', 'Skal det ikke være 2014?')],
      ['reply', () => (client.getMap(COMMENTS_ROOT).get('t1') as Y.Map<Y.Array<Y.Map<unknown>>>).get('messages')!.push([message('m2', 'Jo.')])],
      [
        'edit',
        () => {
          const text = ((client.getMap(COMMENTS_ROOT).get('t1') as Y.Map<Y.Array<Y.Map<unknown>>>).get('messages')!.get(1).get('text') as Y.Text);
          text.delete(0, 2);
          text.insert(0, 'Ja, 2014');
        },
      ],
      ['delete message', () => (client.getMap(COMMENTS_ROOT).get('t1') as Y.Map<Y.Array<unknown>>).get('messages')!.delete(1, 1)],
      ['resolve', () => (client.getMap(COMMENTS_ROOT).get('t1') as Y.Map<unknown>).set('status', 'resolved')],
      ['delete thread', () => client.getMap(COMMENTS_ROOT).delete('t1')],
    ];
    for (const [name, step] of steps) {
      const update = change(client, step);
      expect(verdict(server, update), name).toEqual({ ok: true });
      Y.applyUpdate(server, update);
    }
    expect(server.getMap(COMMENTS_ROOT).size).toBe(0);
    expect(strategyProjection(server)).toEqual(before);
  });

  it('puts a comment mark on existing text and takes it off again (format attributes only)', () => {
    const { server, client } = setup();
    const before = strategyProjection(server);
    const on = change(client, () => firstVisionText(client).format(2, 5, { 'comment--a1b2': { threadId: 't1' } }));
    expect(verdict(server, on)).toEqual({ ok: true });
    Y.applyUpdate(server, on);
    expect(firstVisionText(server).toDelta().some((op: { attributes?: Record<string, unknown> }) => op.attributes?.['comment--a1b2'])).toBe(true);
    // Overlapping second thread, and the exclusive form of the key.
    const second = change(client, () => firstVisionText(client).format(4, 6, { comment: { threadId: 't2' } }));
    expect(verdict(server, second)).toEqual({ ok: true });
    Y.applyUpdate(server, second);
    const off = change(client, () => firstVisionText(client).format(2, 5, { 'comment--a1b2': null }));
    expect(verdict(server, off)).toEqual({ ok: true });
    Y.applyUpdate(server, off);
    expect(strategyProjection(server)).toEqual(before);
  });

  it('accepts the comment mark as y-prosemirror writes it from the editor', () => {
    const { server, client } = setup();
    const schema = new Schema({
      nodes: richSchema.spec.nodes,
      marks: richSchema.spec.marks.addToEnd('comment', { attrs: { threadId: {} }, excludes: '', inclusive: false }),
    });
    const fragment = client.getXmlFragment('visionStatement');
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    // Mark characters 1-8 of the first paragraph, as the editor's addMark would.
    const first = pm.child(0);
    const text = first.textContent;
    const mark = schema.marks['comment']!.create({ threadId: 't1' });
    const runs = [schema.text(text.slice(0, 1)), schema.text(text.slice(1, 8), [mark]), ...(text.length > 8 ? [schema.text(text.slice(8))] : [])];
    const withMark = pm.copy(pm.content.replaceChild(0, first.copy(first.type.create(first.attrs, runs).content)));
    const update = change(client, () => updateYFragment(client, fragment, withMark, { mapping: new Map(), isOMark: new Map() } as never));
    expect(update.length).toBeGreaterThan(2);
    expect(verdict(server, update)).toEqual({ ok: true });
    const before = strategyProjection(server);
    Y.applyUpdate(server, update);
    expect(strategyProjection(server)).toEqual(before);
    const keys = firstVisionText(server).toDelta().flatMap((op: { attributes?: Record<string, unknown> }) => Object.keys(op.attributes ?? {}));
    expect(keys.some((key: string) => key.startsWith('comment--'))).toBe(true);
  });

  it("accepts a reconnecting commenter's sync step 2, with the whole delete set (editors' deletions included) and garbage-collected threads", () => {
    const { server, client } = setup();
    // An editor deleted text on the server (the commenter received it); the commenter, offline, made a
    // thread and deleted it again (its client garbage-collects the thread's contents), and made another.
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
    const editorChange = change(editor, () => firstVisionText(editor).delete(0, 3));
    Y.applyUpdate(server, editorChange);
    Y.applyUpdate(client, editorChange);
    const vector = Y.encodeStateVector(server);
    addThread(client, 'gone', 'Slettes igen');
    client.getMap(COMMENTS_ROOT).delete('gone');
    addThread(client, 'kept', 'Bliver');
    const step2 = Y.encodeStateAsUpdate(client, vector);
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);
    expect(verdict(server, step2)).toEqual({ ok: true });
    Y.applyUpdate(server, step2);
    expect([...server.getMap(COMMENTS_ROOT).keys()]).toEqual(['kept']);
  });
});

describe('checkCommenterUpdate: what a commenter may not do', () => {
  const cases: [string, (client: Y.Doc) => void][] = [
    ['type into a title (Y.Text)', (client) => (client.getMap('meta').get('title') as Y.Text).insert(0, 'Ny ')],
    ['type into rich text', (client) => firstVisionText(client).insert(1, 'x')],
    ['delete rich text', (client) => firstVisionText(client).delete(0, 2)],
    ['make rich text bold', (client) => firstVisionText(client).format(0, 3, { strong: true })],
    ['put a comment key on a non-comment value', (client) => firstVisionText(client).format(0, 3, { 'comment--x': 'nej' })],
    ['set a meta field', (client) => client.getMap('meta').set('status', 'adopted')],
    ['add an item', (client) => new StrategyModel(client).add('goal', { focusAreaId: new StrategyModel(client).list('focusArea')[0]!.id, text: 'Nyt mål' })],
    ['delete an item', (client) => new StrategyModel(client).delete(new StrategyModel(client).list('focusArea')[0]!.id)],
    ['add a new root type', (client) => client.getMap('kommentarer').set('x', 1)],
    ['insert an unkeyed entry into the comments root', (client) => client.getArray(COMMENTS_ROOT).insert(0, ['x'])],
    [
      'put a comment mark on text it creates',
      (client) => {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        client.getXmlFragment('visionStatement').insert(0, [paragraph]);
        text.insert(0, 'ny', { 'comment--a': { threadId: 't' } });
      },
    ],
    [
      'mix a comment with a text edit (the whole update goes)',
      (client) => {
        addThread(client, 't1', 'Kommentar');
        firstVisionText(client).insert(0, 'x');
      },
    ],
  ];
  for (const [name, fn] of cases) {
    it(`refuses: ${name}`, () => {
      const { server, client } = setup();
      const update = change(client, () => fn(client));
      const result = verdict(server, update);
      expect(result).toMatchObject({ ok: false, reason: 'not-comment' });
    });
  }

  it('refuses a comment that builds on a change the server refused (missing dependencies), and a partial overlap', () => {
    const { server, client } = setup();
    const refused = change(client, () => firstVisionText(client).insert(0, 'x'));
    expect(verdict(server, refused)).toMatchObject({ ok: false, reason: 'not-comment' });
    const next = change(client, () => addThread(client, 't1', 'Efter'));
    expect(verdict(server, next)).toMatchObject({ ok: false, reason: 'missing-dependencies' });

    // One struct that the server has only the first half of (never sent by y-websocket): refused.
    const fresh = setup();
    const vector = Y.encodeStateVector(fresh.server);
    let thread: Y.Map<unknown> | null = null;
    const created = change(fresh.client, () => (thread = addThread(fresh.client, 't1', '')));
    const messageText = () => ((thread!.get('messages') as Y.Array<Y.Map<unknown>>).get(0).get('text') as Y.Text);
    const abc = change(fresh.client, () => messageText().insert(0, 'abc'));
    change(fresh.client, () => messageText().insert(3, 'def'));
    const step2 = Y.encodeStateAsUpdate(fresh.client, vector); // "abcdef" is one merged struct here
    Y.applyUpdate(fresh.server, created);
    Y.applyUpdate(fresh.server, abc);
    expect(verdict(fresh.server, step2)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it("marks an update that only deletes other text formats as a formatting cleanup (refused, said to no one), not when mixed", () => {
    const { server, client } = setup();
    const bold = change(server, () => firstVisionText(server).format(0, 3, { strong: true }));
    Y.applyUpdate(client, bold);
    const formatItem = () => {
      for (let item = firstVisionText(client)._start; item; item = item.right) {
        if (!item.deleted && item.content instanceof Y.ContentFormat && item.content.key === 'strong') return item;
      }
      throw new Error('no strong format');
    };
    const cleanup = change(client, () => Y.transact(client, (tr) => formatItem().delete(tr)));
    expect(verdict(server, cleanup)).toMatchObject({ ok: false, reason: 'not-comment', formatCleanup: true });
    const fresh = setup();
    Y.applyUpdate(fresh.client, change(fresh.server, () => firstVisionText(fresh.server).format(0, 3, { strong: true })));
    let deleted = false;
    const mixed = change(fresh.client, () => {
      addThread(fresh.client, 't1', 'Og en kommentar');
      for (let item = firstVisionText(fresh.client)._start; item && !deleted; item = item.right) {
        if (!item.deleted && item.content instanceof Y.ContentFormat && item.content.key === 'strong') {
          item.delete(fresh.client._transaction!);
          deleted = true;
        }
      }
    });
    expect(deleted).toBe(true);
    const result = verdict(fresh.server, mixed);
    expect(result).toMatchObject({ ok: false, reason: 'not-comment' });
    expect(result).not.toHaveProperty('formatCleanup');
  });

  it('refuses structs of a client id another connection holds', () => {
    const { server, client } = setup();
    const update = change(client, () => addThread(client, 't1', 'Hej'));
    expect(checkCommenterUpdate(server, update, { mayWriteClient: (id) => id !== client.clientID })).toMatchObject({ ok: false, reason: 'foreign-client' });
    expect(checkCommenterUpdate(server, update, { mayWriteClient: () => true })).toEqual({ ok: true });
  });

  it('refuses bytes that are not an update', () => {
    const { server } = setup();
    expect(verdict(server, Uint8Array.of(1, 2, 3, 250, 250))).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

/** Every non-empty Y.XmlText of the strategy's rich fields, in a fixed order. */
function allTexts(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        if (child.length > 0) out.push(child);
      } else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment('visionStatement'));
  walk(doc.getXmlFragment('visionBody'));
  for (const root of ['sections', 'focusAreas', 'initiatives']) {
    for (const [, item] of [...doc.getMap<Y.Map<unknown>>(root).entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const value of item.values()) if (value instanceof Y.XmlFragment) walk(value);
    }
  }
  return out;
}

type Op =
  | { k: 'thread' | 'meta' | 'title' }
  | { k: 'reply' | 'resolve' | 'deleteThread'; t: number }
  | { k: 'editMessage'; t: number; at: number; remove: number; text: string }
  | { k: 'mark' | 'unmark' | 'type' | 'erase' | 'bold'; x: number; at: number; length: number; t: number };

const STRATEGY_OPS = new Set(['meta', 'title', 'type', 'erase', 'bold']);

describe('checkCommenterUpdate: random commenter sessions', () => {
  it('accepts every comment change, refuses every strategy change, and what it accepts never changes the strategy', () => {
    const nat = fc.nat({ max: 1000 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.constantFrom<Op>({ k: 'thread' }, { k: 'thread' }, { k: 'meta' }, { k: 'title' }),
      fc.record({ k: fc.constantFrom('reply' as const, 'resolve' as const, 'deleteThread' as const), t: nat }),
      fc.record({ k: fc.constant('editMessage' as const), t: nat, at: nat, remove: fc.nat({ max: 3 }), text: fc.string({ maxLength: 4 }) }),
      fc.record({ k: fc.constantFrom('mark' as const, 'unmark' as const, 'type' as const, 'erase' as const, 'bold' as const), x: nat, at: nat, length: fc.integer({ min: 1, max: 12 }), t: nat }),
    );
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const { server } = setup();
        let client = new Y.Doc();
        Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
        const before = strategyProjection(server);
        let texts = allTexts(client);
        const threads: string[] = [];
        let poisoned = false;
        for (const [n, o] of ops.entries()) {
          const thread = (t: number) => (threads.length > 0 ? (client.getMap(COMMENTS_ROOT).get(threads[t % threads.length]!) as Y.Map<unknown> | undefined) : undefined);
          const update = change(client, () => {
            switch (o.k) {
              case 'thread':
                threads.push(`t${n}`);
                addThread(client, `t${n}`, `Kommentar ${n}`);
                break;
              case 'reply':
                (thread(o.t)?.get('messages') as Y.Array<Y.Map<unknown>> | undefined)?.push([message(`m${n}`, `Svar ${n}`)]);
                break;
              case 'resolve':
                thread(o.t)?.set('status', thread(o.t)?.get('status') === 'open' ? 'resolved' : 'open');
                break;
              case 'deleteThread':
                if (threads.length > 0) client.getMap(COMMENTS_ROOT).delete(threads[o.t % threads.length]!);
                break;
              case 'editMessage': {
                const text = (thread(o.t)?.get('messages') as Y.Array<Y.Map<Y.Text>> | undefined)?.get(0)?.get('text');
                if (!text) break;
                const at = o.at % (text.length + 1);
                text.delete(at, Math.min(o.remove, text.length - at));
                text.insert(at, o.text);
                break;
              }
              case 'meta':
                client.getMap('meta').set('status', `s${n}`);
                break;
              case 'title':
                (client.getMap('meta').get('title') as Y.Text).insert(0, 'x');
                break;
              default: {
                const text = texts[o.x % texts.length]!;
                if (text.length === 0) break;
                const at = o.at % text.length;
                const length = Math.min(o.length, text.length - at);
                if (o.k === 'mark') text.format(at, length, { [`comment--h${o.t % 3}`]: { threadId: `t${o.t % 3}` } });
                if (o.k === 'unmark') text.format(at, length, { [`comment--h${o.t % 3}`]: null });
                if (o.k === 'type') text.insert(at, 'y');
                if (o.k === 'erase') text.delete(at, length);
                if (o.k === 'bold') text.format(at, length, { strong: true });
              }
            }
          });
          if (update.length <= 2 && Y.decodeUpdate(update).structs.length === 0 && Y.decodeUpdate(update).ds.clients.size === 0) continue; // nothing changed
          const result = verdict(server, update);
          if (STRATEGY_OPS.has(o.k)) {
            expect(result.ok, `${o.k} must be refused`).toBe(false);
            // A refused insertion leaves the client's later insertions without their predecessors (refused as
            // missing dependencies, not asserted); as the docs advise, the client then reloads from the server.
            if (o.k !== 'erase') poisoned = true;
          } else if (!poisoned) {
            expect(result, `${o.k} must be accepted`).toEqual({ ok: true });
          }
          if (result.ok) {
            tally.accepted++;
            Y.applyUpdate(server, update);
          } else {
            tally.refused++;
          }
          if (poisoned && n % 2 === 0) {
            client = new Y.Doc();
            Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
            texts = allTexts(client);
            poisoned = false;
          }
        }
        expect(strategyProjection(server)).toEqual(before);
        if (!poisoned) expect(client.getMap(COMMENTS_ROOT).toJSON()).toEqual(server.getMap(COMMENTS_ROOT).toJSON());
      }),
      { numRuns: 60, seed: 12 },
    );
    // Both verdicts were exercised, many times.
    expect(tally.accepted).toBeGreaterThan(80); // 101 with this seed
    expect(tally.refused).toBeGreaterThan(80); // 103
  });
});

describe('checkCommenterUpdate: mutated updates', () => {
  it('on 1,500 byte-wise mutations of comment changes and edits, nothing it accepts changes the strategy or waits for dependencies', () => {
    const { server } = setup();
    const comments: Uint8Array[] = [];
    const edits: Uint8Array[] = [];
    const random = prng(2026);
    for (let i = 0; i < 40; i++) {
      // Each change from a fresh replica (its own client id from clock 0), so each applies to the server alone.
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      const texts = allTexts(client);
      const into = i % 2 === 0 ? comments : edits;
      const text = texts[i % texts.length]!;
      into.push(
        change(client, () => {
          if (into === comments) {
            if (i % 4 === 0) addThread(client, `t${i}`, `Kommentar ${i}`);
            else text.format(0, Math.min(4, text.length), { [`comment--m${i}`]: { threadId: `t${i}` } });
          } else if (i % 4 === 1) {
            text.insert(0, 'z');
          } else {
            text.delete(0, 1);
          }
        }),
      );
      client.destroy();
    }
    const base = Y.encodeStateAsUpdate(server);
    const before = strategyProjection(server);
    let accepted = 0;
    for (let i = 0; i < 1500; i++) {
      const source = random() < 0.6 ? comments[Math.floor(random() * comments.length)]! : edits[Math.floor(random() * edits.length)]!;
      const candidate = mutate(source, random);
      // Both checks only read the document; it is copied only for what they let through.
      if (!checkUpdate(server, candidate).ok || !checkCommenterUpdate(server, candidate).ok) continue;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, base);
      try {
        Y.applyUpdate(doc, candidate);
      } catch {
        continue; // Yjs refuses it itself (the room then refuses it too)
      }
      accepted++;
      expect(doc.store.pendingStructs, `mutation ${i} left pending structs`).toBeNull();
      expect(doc.store.pendingDs, `mutation ${i} left pending deletions`).toBeNull();
      expect(strategyProjection(doc), `mutation ${i}`).toEqual(before);
      doc.destroy();
    }
    expect(accepted).toBeGreaterThan(30); // 46 with this seed: mutations that still decode to a comment change
  });
});

describe('checkCommenterUpdate: the comments model on every rich field of the examples', () => {
  for (const name of ['kk-2010-2014', 'brk-2010', 'odder-2006']) {
    it(`accepts a thread with its mark on each rich field of ${name}, and the strategy stays as it was`, () => {
      const file = JSON.parse(readFileSync(new URL(`../../../templates/examples/${name}.json`, import.meta.url), 'utf8')) as StrategyFile;
      const server = importStrategy(file);
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      const model = new StrategyModel(client);
      const comments = commentsOf(model);
      const fields: [string, RichField][] = [
        [VISION_ID, 'statement'],
        [VISION_ID, 'body'],
        ...ITEM_KINDS.flatMap((kind) => {
          const rich = COLLECTIONS[kind].rich;
          return rich ? model.list(kind).map((item): [string, RichField] => [item.id, rich.field]) : [];
        }),
      ];
      const before = strategyProjection(server);
      let marked = 0;
      for (const [id, field] of fields) {
        const doc = readFragment(model.fragment(id, field));
        let range: { from: number; to: number } | undefined;
        doc.descendants((node, pos) => {
          if (!range && node.isText && node.text!.length > 2) range = { from: pos + 1, to: pos + Math.min(node.text!.length, 12) };
          return !range;
        });
        if (!range) continue;
        const update = change(client, () => comments.create({ target: { id, field }, text: `Om ${field}`, author: { name: 'Bo Lund' }, range }));
        expect(verdict(server, update), `${id}.${field}`).toEqual({ ok: true });
        Y.applyUpdate(server, update);
        marked++;
      }
      expect(marked).toBeGreaterThan(5);
      expect(strategyProjection(server)).toEqual(before);
      expect(commentsOf(new StrategyModel(server)).list().filter((thread) => thread.anchor === 'text' && !thread.orphaned)).toHaveLength(marked);
    });
  }
});
