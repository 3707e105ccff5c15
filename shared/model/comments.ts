// Comment threads of a strategy (issue 12): the live model the editor, the comments panel, the
// navigator's counts, the interchange format v2 and the Word export read.
//
// Layout (the sync server lets a commenter change only this root and comment marks):
//
//   comments   Y.Map<threadId, Y.Map>   one thread per key (never a Y.Array: concurrent creations
//                                       of two threads both survive, and nothing is ever reordered)
//     thread   id, target { id: <item id> | VISION_ID, field? } (plain, fixed at creation), quote
//              (the text it was made on, kept when that text goes), status 'open' | 'resolved',
//              created (ISO), author, color?, resolvedBy?, resolvedAt?,
//              messages Y.Array<Y.Map>: { id, author (a name), color?, date (ISO with time),
//              text Y.Text, edited? (ISO), deleted? (ISO) }
//
// Anchors on rich text are ProseMirror marks `comment` { threadId } (../richtext/schema.ts). The mark
// does not exclude itself, so y-prosemirror stores it as a formatting attribute `comment--<hash>`
// of the Y.XmlText (one attribute per thread: overlapping threads keep both). Such an anchor
// follows its text through concurrent edits, splits and joins like any mark; a thread whose mark is
// gone from its field (the text was deleted) is `orphaned` and keeps its quote. A thread on a whole
// item, or on a plain field such as a title, has no mark (its quote is empty or the field's text).
//
// Messages are deleted softly (`deleted` set, text emptied): a reply written at the same time as a
// deletion elsewhere is not lost with it. A thread whose messages are all deleted is no longer read.
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { COMMENT_MARK, richSchema } from '../richtext/schema';
import { COLLECTIONS } from './layout';
import { VISION_ID } from './model-constants';
import type { StrategyModel } from './strategy-model';
import { RootMapStore } from './root-map-store';
import type { ItemKind, RichField } from './types';
import { readFragment, writeFragment } from './yfragment';
import { diffText } from './text-fields';

/** The root Y.Map of every thread. */
export const COMMENTS = 'comments';

/** y-prosemirror's attribute name of a comment mark: `comment--<hash>` (or `comment` alone). */
export const COMMENT_ATTRIBUTE = /^comment(--|$)/;

export type ThreadStatus = 'open' | 'resolved';

/** What a thread is on: an item (or VISION_ID) and optionally one of its fields. */
export interface CommentTarget {
  id: string;
  field?: string;
}

export interface CommentAuthor {
  name: string;
  color?: string;
}

export interface CommentMessage {
  id: string;
  author: string;
  color?: string;
  date: string;
  text: string;
  edited?: string;
}

export interface CommentThread {
  id: string;
  target: CommentTarget;
  /** The text the thread was made on ('' for a whole item). */
  quote: string;
  status: ThreadStatus;
  created: string;
  author: string;
  color?: string;
  resolvedBy?: string;
  resolvedAt?: string;
  /** Messages in order, deleted ones left out; the first is the thread's opening message. */
  messages: CommentMessage[];
  /** 'text' when anchored by a mark in a rich field, 'field' on a plain field, 'item' on a whole item. */
  anchor: 'text' | 'field' | 'item';
  /** The commented text is gone (or its item is): the thread shows with its quote only. */
  orphaned: boolean;
  /** The text the mark covers now (anchored threads whose mark is present). */
  currentQuote?: string;
}

/** Where a thread's mark sits: its field and the offset of its first character in reading order. */
interface AnchorInfo {
  id: string;
  field: string;
  offset: number;
  text: string;
}

export interface ThreadFilter {
  status?: ThreadStatus;
  /** Threads whose messages include one by this author name. */
  mine?: string;
  /** Threads on this item (its fields included). */
  itemId?: string;
}

export interface CreateThreadInput {
  target: CommentTarget;
  /** The first message. */
  text: string;
  author: CommentAuthor;
  /**
   * A range of the field's ProseMirror document to mark (positions as the editor has them). The
   * mark is written in the same transaction as the thread, so the two reach others together.
   */
  range?: { from: number; to: number };
  /** Anchor on the first occurrence of `quote` in the field (imports); ignored with `range`. */
  anchorQuote?: boolean;
  /** The quote; read from the range when one is given. */
  quote?: string;
  id?: string;
  /** ISO date of creation and of the first message (default: now). */
  date?: string;
  status?: ThreadStatus;
}

/** A thread as an interchange file holds it (Comments.restore). */
export interface RestoredThread {
  id: string;
  target: CommentTarget;
  quote: string;
  status: ThreadStatus;
  resolvedBy?: string;
  resolvedAt?: string;
  messages: { id: string; author: string; date: string; text: string; edited?: string }[];
}


/** A thread or message the caller may not change, or that is not there. The message names it. */
export class CommentError extends Error {
  constructor(
    readonly code: 'no-thread' | 'no-message' | 'not-author' | 'empty-text' | 'bad-target' | 'bad-range',
    message: string,
  ) {
    super(message);
    this.name = 'CommentError';
  }
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function commentsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(COMMENTS);
}

/** The thread ids of the comment marks in a formatting-attribute set of a Y.XmlText delta. */
function threadIdsOf(attributes: Record<string, unknown> | undefined): string[] {
  if (!attributes) return [];
  const ids: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (!COMMENT_ATTRIBUTE.test(key) || value === null || typeof value !== 'object') continue;
    const threadId = (value as { threadId?: unknown }).threadId;
    if (typeof threadId === 'string') ids.push(threadId);
  }
  return ids;
}

/**
 * Every comment anchor in a rich field: thread id → the offset (in characters of text, reading
 * order) of its first character and the text it covers (blocks joined by a line break). Reads the
 * Y.XmlText deltas directly: no ProseMirror document is built.
 */
export function anchorsInFragment(fragment: Y.XmlFragment): Map<string, { offset: number; text: string }> {
  const found = new Map<string, { offset: number; text: string; end: number }>();
  let offset = 0;
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
          if (typeof op.insert !== 'string') continue;
          for (const threadId of threadIdsOf(op.attributes)) {
            const seen = found.get(threadId);
            if (!seen) found.set(threadId, { offset, text: op.insert, end: offset + op.insert.length });
            else {
              seen.text += seen.end === offset ? op.insert : `\n${op.insert}`;
              seen.end = offset + op.insert.length;
            }
          }
          offset += op.insert.length;
        }
      } else if (child instanceof Y.XmlElement) {
        walk(child);
        offset += 1; // a block boundary: text either side is not contiguous
      }
    }
  };
  walk(fragment);
  return new Map([...found].map(([id, { offset: o, text }]) => [id, { offset: o, text }]));
}

/** The ProseMirror range of the first occurrence of `quote` within one textblock of `doc`. */
export function findQuote(doc: PMNode, quote: string): { from: number; to: number } | undefined {
  if (quote === '') return undefined;
  let result: { from: number; to: number } | undefined;
  doc.descendants((node, pos) => {
    if (result) return false;
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc');
    const index = text.indexOf(quote);
    if (index >= 0) result = { from: pos + 1 + index, to: pos + 1 + index + quote.length };
    return false;
  });
  return result;
}

/**
 * The comment threads of one strategy document, over the same Y.Doc as its StrategyModel. Every
 * change is one transaction (origin LOCAL_ORIGIN unless given); reads return plain objects.
 */
export class Comments extends RootMapStore {
  protected get root(): Y.Map<Y.Map<unknown>> {
    return commentsMap(this.doc);
  }

  private newId(prefix: string, taken: (id: string) => boolean): string {
    for (;;) {
      let id = `${prefix}-`;
      for (let i = 0; i < 10; i++) id += ID_ALPHABET[Math.floor(this.random() * ID_ALPHABET.length) % ID_ALPHABET.length];
      if (!taken(id)) return id;
    }
  }

  // ---- targets -----------------------------------------------------------------------------------

  /** The rich field of a target's item (vision: both), for anchors and validation. */
  private richFieldsOf(id: string): string[] {
    if (id === VISION_ID) return ['statement', 'body'];
    const kind = this.model.kindOf(id);
    const rich = kind ? COLLECTIONS[kind].rich : undefined;
    return rich ? [rich.field] : [];
  }

  /** Throws CommentError('bad-target') unless the target names an item (or the vision) and one of its fields. */
  checkTarget(target: CommentTarget): void {
    const kind: ItemKind | undefined = target.id === VISION_ID ? undefined : this.model.kindOf(target.id);
    if (target.id !== VISION_ID && !kind) throw new CommentError('bad-target', `no item with id "${target.id}"`);
    if (target.field === undefined) return;
    const fields = target.id === VISION_ID ? ['statement', 'body'] : [...this.richFieldsOf(target.id), ...COLLECTIONS[kind!].text, ...COLLECTIONS[kind!].plain, ...(COLLECTIONS[kind!].idLists ?? [])];
    if (!fields.includes(target.field)) {
      throw new CommentError('bad-target', `${target.id === VISION_ID ? 'the vision' : `a ${kind}`} has no field "${target.field}"`);
    }
  }

  private isRichTarget(target: CommentTarget): boolean {
    return target.field !== undefined && this.richFieldsOf(target.id).includes(target.field);
  }

  // ---- changes -----------------------------------------------------------------------------------

  /** Creates a thread with its first message; returns the thread id. */
  create(input: CreateThreadInput, origin?: unknown): string {
    this.checkTarget(input.target);
    const text = input.text.trim();
    if (text === '') throw new CommentError('empty-text', 'a comment needs a text');
    const rich = this.isRichTarget(input.target);
    let marked: PMNode | undefined;
    let quote = input.quote ?? '';
    const id = input.id ?? this.newId('th', (x) => this.root.has(x));
    if (this.root.has(id)) throw new CommentError('bad-target', `a thread with id "${id}" exists`);
    if (rich && (input.range || input.anchorQuote)) {
      const fragment = this.model.fragment(input.target.id, input.target.field as RichField);
      const doc = readFragment(fragment);
      let range = input.range ?? findQuote(doc, quote);
      // A range from an editor whose text changed since (a remote edit): anchor on the quote instead.
      if (input.range && input.quote !== undefined && !inRange(doc, input.range, input.quote)) range = findQuote(doc, input.quote);
      if (range) {
        if (!(range.from >= 0 && range.to <= doc.content.size && range.from < range.to)) {
          throw new CommentError('bad-range', `range ${range.from}–${range.to} is outside the field (size ${doc.content.size})`);
        }
        if (input.range && input.quote === undefined) quote = doc.textBetween(range.from, range.to, '\n', ' ');
        marked = markRange(doc, range, id);
      }
    }
    const date = input.date ?? this.now();
    return this.tx(origin, () => {
      const thread = new Y.Map<unknown>();
      this.root.set(id, thread);
      thread.set('id', id);
      thread.set('target', input.target.field === undefined ? { id: input.target.id } : { id: input.target.id, field: input.target.field });
      thread.set('quote', quote);
      thread.set('status', input.status ?? 'open');
      thread.set('created', date);
      thread.set('author', input.author.name);
      if (input.author.color) thread.set('color', input.author.color);
      const messages = new Y.Array<Y.Map<unknown>>();
      thread.set('messages', messages);
      messages.push([this.newMessage(this.newId('msg', () => false), input.author, date, text)]);
      if (marked) writeFragment(this.model.fragment(input.target.id, input.target.field as RichField), marked);
      return id;
    });
  }

  /**
   * Puts back a thread read from an interchange file (./interchange.ts): its ids, dates, status and
   * messages as the file has them. A text anchor's mark is already in the field (the import writes it).
   */
  restore(thread: RestoredThread, origin?: unknown): void {
    this.checkTarget(thread.target);
    if (this.root.has(thread.id)) throw new CommentError('bad-target', `a thread with id "${thread.id}" exists`);
    const first = thread.messages[0];
    if (!first) throw new CommentError('empty-text', `thread "${thread.id}" has no message`);
    this.tx(origin, () => {
      const map = new Y.Map<unknown>();
      this.root.set(thread.id, map);
      map.set('id', thread.id);
      map.set('target', thread.target.field === undefined ? { id: thread.target.id } : { id: thread.target.id, field: thread.target.field });
      map.set('quote', thread.quote);
      map.set('status', thread.status);
      map.set('created', first.date);
      map.set('author', first.author);
      if (thread.resolvedBy !== undefined) map.set('resolvedBy', thread.resolvedBy);
      if (thread.resolvedAt !== undefined) map.set('resolvedAt', thread.resolvedAt);
      const messages = new Y.Array<Y.Map<unknown>>();
      map.set('messages', messages);
      messages.push(
        thread.messages.map((m) => {
          const message = this.newMessage(m.id, { name: m.author }, m.date, m.text);
          if (m.edited !== undefined) message.set('edited', m.edited);
          return message;
        }),
      );
    });
  }

  private newMessage(id: string, author: CommentAuthor, date: string, text: string): Y.Map<unknown> {
    const message = new Y.Map<unknown>();
    message.set('id', id);
    message.set('author', author.name);
    if (author.color) message.set('color', author.color);
    message.set('date', date);
    message.set('text', new Y.Text(text));
    return message;
  }

  private thread(threadId: string): Y.Map<unknown> {
    const thread = this.root.get(threadId);
    if (!(thread instanceof Y.Map)) throw new CommentError('no-thread', `no thread with id "${threadId}"`);
    return thread;
  }

  private messagesOf(thread: Y.Map<unknown>): Y.Array<Y.Map<unknown>> {
    const messages = thread.get('messages');
    if (!(messages instanceof Y.Array)) throw new CommentError('no-thread', `thread "${String(thread.get('id'))}" has no messages`);
    return messages as Y.Array<Y.Map<unknown>>;
  }

  /** Adds a reply; returns the message id. */
  reply(threadId: string, text: string, author: CommentAuthor, origin?: unknown, date: string = this.now()): string {
    const thread = this.thread(threadId);
    const body = text.trim();
    if (body === '') throw new CommentError('empty-text', 'a reply needs a text');
    const id = this.newId('msg', () => false);
    this.tx(origin, () => this.messagesOf(thread).push([this.newMessage(id, author, date, body)]));
    return id;
  }

  private ownMessage(threadId: string, messageId: string, by: string): Y.Map<unknown> {
    const thread = this.thread(threadId);
    const message = this.messagesOf(thread)
      .toArray()
      .find((m) => m instanceof Y.Map && m.get('id') === messageId && m.get('deleted') === undefined);
    if (!message) throw new CommentError('no-message', `thread "${threadId}" has no message "${messageId}"`);
    if (message.get('author') !== by) throw new CommentError('not-author', `only ${String(message.get('author'))} can change message "${messageId}"`);
    return message;
  }

  /** Changes the text of one's own message (a minimal change of its Y.Text, so concurrent edits merge). */
  editMessage(threadId: string, messageId: string, text: string, by: string, origin?: unknown): void {
    const message = this.ownMessage(threadId, messageId, by);
    const body = text.trim();
    if (body === '') throw new CommentError('empty-text', 'a message needs a text');
    const ytext = message.get('text');
    this.tx(origin, () => {
      if (ytext instanceof Y.Text) {
        const change = diffText(ytext.toString(), body);
        if (!change) return;
        if (change.remove > 0) ytext.delete(change.index, change.remove);
        if (change.insert !== '') ytext.insert(change.index, change.insert);
      } else message.set('text', new Y.Text(body));
      message.set('edited', this.now());
    });
  }

  /** Deletes one's own message (softly); the thread goes when its last message does. */
  deleteMessage(threadId: string, messageId: string, by: string, origin?: unknown): void {
    const message = this.ownMessage(threadId, messageId, by);
    this.tx(origin, () => {
      message.set('deleted', this.now());
      const ytext = message.get('text');
      if (ytext instanceof Y.Text && ytext.length > 0) ytext.delete(0, ytext.length);
    });
  }

  resolve(threadId: string, by: CommentAuthor, origin?: unknown): void {
    const thread = this.thread(threadId);
    this.tx(origin, () => {
      thread.set('status', 'resolved');
      thread.set('resolvedBy', by.name);
      thread.set('resolvedAt', this.now());
    });
  }

  /** Opens a resolved thread again; its anchor was kept, so it shows in the text again. */
  reopen(threadId: string, origin?: unknown): void {
    const thread = this.thread(threadId);
    this.tx(origin, () => {
      thread.set('status', 'open');
      thread.delete('resolvedBy');
      thread.delete('resolvedAt');
    });
  }

  // ---- reads -------------------------------------------------------------------------------------

  /** Every comment anchor of the document (walks each rich field's text attributes). */
  private anchors(only?: string): Map<string, AnchorInfo> {
    const out = new Map<string, AnchorInfo>();
    const visit = (id: string, field: string, fragment: Y.XmlFragment) => {
      for (const [threadId, a] of anchorsInFragment(fragment)) {
        if (!out.has(threadId)) out.set(threadId, { id, field, offset: a.offset, text: a.text });
      }
    };
    // Only items a thread targets are walked (`only`: that one item).
    const targets = new Set<string>(only === undefined ? [] : [only]);
    if (only === undefined) this.root.forEach((thread) => {
      const target = thread instanceof Y.Map ? (thread.get('target') as CommentTarget | undefined) : undefined;
      if (target && typeof target.id === 'string') targets.add(target.id);
    });
    for (const id of targets) {
      for (const field of this.richFieldsOf(id)) {
        try {
          visit(id, field, this.model.fragment(id, field as RichField));
        } catch {
          // an item whose fragment is missing (a concurrent delete): its threads read as orphaned
        }
      }
    }
    return out;
  }

  private read(thread: Y.Map<unknown>, anchors: Map<string, AnchorInfo> | null): CommentThread | undefined {
    const id = thread.get('id');
    const target = thread.get('target') as CommentTarget | undefined;
    if (typeof id !== 'string' || !target || typeof target.id !== 'string') return undefined;
    const messages: CommentMessage[] = [];
    const list = thread.get('messages');
    if (list instanceof Y.Array) {
      for (const m of list.toArray()) {
        if (!(m instanceof Y.Map) || m.get('deleted') !== undefined) continue;
        const text = m.get('text');
        const message: CommentMessage = {
          id: String(m.get('id') ?? ''),
          author: String(m.get('author') ?? ''),
          date: String(m.get('date') ?? ''),
          text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
        };
        const color = m.get('color');
        if (typeof color === 'string') message.color = color;
        const edited = m.get('edited');
        if (typeof edited === 'string') message.edited = edited;
        messages.push(message);
      }
    }
    if (messages.length === 0) return undefined;
    const quote = typeof thread.get('quote') === 'string' ? (thread.get('quote') as string) : '';
    const itemExists = target.id === VISION_ID || this.model.kindOf(target.id) !== undefined;
    const rich = this.isRichTarget(target) && quote !== '';
    const anchor = anchors?.get(id);
    const view: CommentThread = {
      id,
      target: target.field === undefined ? { id: target.id } : { id: target.id, field: target.field },
      quote,
      status: thread.get('status') === 'resolved' ? 'resolved' : 'open',
      created: String(thread.get('created') ?? messages[0]!.date),
      author: String(thread.get('author') ?? messages[0]!.author),
      messages,
      anchor: rich ? 'text' : target.field === undefined ? 'item' : 'field',
      orphaned: !itemExists || (rich && anchors !== null && (!anchor || anchor.id !== target.id)),
    };
    for (const key of ['color', 'resolvedBy', 'resolvedAt'] as const) {
      const v = thread.get(key);
      if (typeof v === 'string') view[key] = v;
    }
    if (anchor && anchor.id === target.id) view.currentQuote = anchor.text;
    return view;
  }

  /** One thread, or undefined (unknown, or every message deleted). */
  get(threadId: string): CommentThread | undefined {
    const thread = this.root.get(threadId);
    if (!(thread instanceof Y.Map)) return undefined;
    const target = thread.get('target') as CommentTarget | undefined;
    return this.read(thread, this.anchors(typeof target?.id === 'string' ? target.id : ''));
  }

  private order: Map<string, number> | null = null;
  private watchingOrder = false;

  /**
   * Item id → place in reading order, kept until the structure changes. Measured on the large
   * strategy (bench/generate-large-strategy.ts): reading the order costs 150 ms, the rest of
   * list() with 500 threads 20–40 ms; typing changes only text types, so it keeps the cache.
   */
  private orderIndex(): Map<string, number> {
    if (!this.watchingOrder) {
      this.watchingOrder = true;
      this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        for (const type of transaction.changed.keys()) {
          if (type instanceof Y.Map) {
            this.order = null;
            return;
          }
        }
      });
    }
    this.order ??= new Map(this.documentOrder().map((id, i) => [id, i]));
    return this.order;
  }

  /** Ids of the items in reading order (the navigator's order), VISION_ID among them. */
  documentOrder(): string[] {
    const m = this.model;
    const ids: string[] = [];
    for (const s of m.list('section')) ids.push(s.id);
    ids.push(VISION_ID);
    for (const p of m.list('principle', VISION_ID)) ids.push(p.id);
    for (const b of m.list('bearing')) ids.push(b.id);
    for (const pe of m.list('perspective')) {
      ids.push(pe.id);
      for (const p of m.list('principle', pe.id)) ids.push(p.id);
      for (const fa of m.list('focusArea', pe.id)) {
        ids.push(fa.id);
        for (const g of m.list('goal', fa.id)) ids.push(g.id);
      }
    }
    for (const plan of m.list('actionPlan')) {
      ids.push(plan.id);
      for (const i of m.list('initiative', plan.id)) ids.push(i.id);
    }
    for (const o of m.list('owner')) ids.push(o.id);
    return ids;
  }

  /**
   * Threads in document order (item by item in reading order; within an item: the whole item,
   * then its fields, text-anchored threads by their place in the text), then orphaned threads of
   * deleted items. Optionally filtered.
   */
  list(filter: ThreadFilter = {}): CommentThread[] {
    const anchors = this.anchors();
    const threads: CommentThread[] = [];
    this.root.forEach((thread) => {
      if (!(thread instanceof Y.Map)) return;
      const view = this.read(thread, anchors);
      if (!view) return;
      if (filter.status && view.status !== filter.status) return;
      if (filter.itemId !== undefined && view.target.id !== filter.itemId) return;
      if (filter.mine !== undefined && !view.messages.some((msg) => msg.author === filter.mine)) return;
      threads.push(view);
    });
    const order = this.orderIndex();
    const key = (t: CommentThread): [number, number, number, string, string] => {
      const item = order.get(t.target.id) ?? Number.MAX_SAFE_INTEGER;
      const fields = fieldOrder(this.model, t.target.id);
      const field = t.target.field === undefined ? -1 : Math.max(0, fields.indexOf(t.target.field));
      const offset = t.anchor === 'text' && !t.orphaned ? anchors.get(t.id)!.offset : Number.MAX_SAFE_INTEGER;
      return [item, field, offset, t.created, t.id];
    };
    const keys = new Map(threads.map((t) => [t.id, key(t)]));
    threads.sort((a, b) => {
      const ka = keys.get(a.id)!;
      const kb = keys.get(b.id)!;
      for (let i = 0; i < ka.length; i++) {
        if (ka[i]! < kb[i]!) return -1;
        if (ka[i]! > kb[i]!) return 1;
      }
      return 0;
    });
    return threads;
  }

  /** Per item id: how many open and resolved threads are on it (cheap: no text is walked). */
  counts(): Map<string, { open: number; resolved: number }> {
    const out = new Map<string, { open: number; resolved: number }>();
    this.root.forEach((thread) => {
      if (!(thread instanceof Y.Map)) return;
      const view = this.read(thread, null);
      if (!view) return;
      const entry = out.get(view.target.id) ?? { open: 0, resolved: 0 };
      entry[view.status === 'open' ? 'open' : 'resolved']++;
      out.set(view.target.id, entry);
    });
    return out;
  }

  /**
   * Per readable thread: its status and how many messages it has (cheap: no text is walked). Editors
   * highlight the open ones; a resolved thread keeps its anchor, hidden.
   */
  summaries(): Map<string, { status: ThreadStatus; messages: number }> {
    const out = new Map<string, { status: ThreadStatus; messages: number }>();
    this.root.forEach((thread, id) => {
      const view = thread instanceof Y.Map ? this.read(thread, null) : undefined;
      if (view) out.set(id, { status: view.status, messages: view.messages.length });
    });
    return out;
  }

  /** Calls back after each transaction that changed a thread (local or remote). */
  observe(callback: () => void): () => void {
    const root: unknown = this.root;
    const handler = (transaction: Y.Transaction): void => {
      for (const type of transaction.changedParentTypes.keys()) {
        if (type === root) {
          callback();
          return;
        }
      }
    };
    this.doc.on('afterTransaction', handler);
    return () => this.doc.off('afterTransaction', handler);
  }
}

/** The fields of an item in the order its form shows them: typed text first, then the rich field. */
function fieldOrder(model: StrategyModel, id: string): string[] {
  if (id === VISION_ID) return ['statement', 'body'];
  const kind = model.kindOf(id);
  if (!kind) return [];
  const spec = COLLECTIONS[kind];
  return [...spec.text, ...spec.plain, ...(spec.idLists ?? []), ...(spec.rich ? [spec.rich.field] : [])];
}

function inRange(doc: PMNode, range: { from: number; to: number }, quote: string): boolean {
  return range.from >= 0 && range.to <= doc.content.size && range.from < range.to && doc.textBetween(range.from, range.to, '\n', ' ') === quote;
}

/** The doc with `range` marked for the thread, or undefined when the range holds no text. */
function markRange(doc: PMNode, range: { from: number; to: number }, threadId: string): PMNode | undefined {
  const mark = richSchema.marks[COMMENT_MARK]!.create({ threadId });
  let any = false;
  doc.nodesBetween(range.from, range.to, (node) => {
    if (node.isText) any = true;
    return !any;
  });
  if (!any) return undefined;
  // The same step the editor's addMark makes (documents are immutable: `doc` is not changed).
  return EditorState.create({ doc }).tr.addMark(range.from, range.to, mark).doc;
}

const commentsByModel = new WeakMap<StrategyModel, Comments>();

/** The one Comments instance of a model (the editor, the panel and the navigator share it). */
export function commentsOf(model: StrategyModel): Comments {
  let comments = commentsByModel.get(model);
  if (!comments) {
    comments = new Comments(model);
    commentsByModel.set(model, comments);
  }
  return comments;
}
