// Reading the item collections of a strategy's Y.Doc: entries in order, the parent an item is read
// under (from the kind's ParentRule in ./layout.ts), siblings. Shared by the model and by its
// modules for stand-ins (./recovery.ts), cascades (./cascade.ts) and references (./references.ts).
import * as Y from 'yjs';
import { isValidKey } from './fractional-index';
import { COLLECTIONS, ITEM_KINDS, ORDER, PARENT, collection, type ItemMap } from './layout';
import { VISION_ID } from './model-constants';
import { readText } from './text-fields';
import type { ItemKind } from './types';

export interface Entry {
  id: string;
  item: ItemMap;
  order: string;
}

/** A string field; typed text fields read the same whether stored as Y.Text or (schema 1) as a plain string. */
export function str(item: Y.Map<unknown>, key: string): string | undefined {
  return readText(item, key);
}

export function num(item: Y.Map<unknown>, key: string): number | undefined {
  const v = item.get(key);
  return typeof v === 'number' ? v : undefined;
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The items of one kind read once: in reading order, and grouped by effective parent (each group in order). */
interface KindReading {
  sorted: Entry[];
  byParent: Map<string | undefined, Entry[]>;
}

// Why a cache (measured, bench/scenarios/nav-tree.ts, large strategy: 1,600 items, 1,158 navigator rows):
// `siblings` reads and filters every item of the kind, and the navigator's tree, the plan views and the
// checks call it once per parent, so a whole-document read was O(items × parents): `buildNavTree` took
// ~10 ms against ~0.6 ms for reading every item once, and the open profile showed it at 6–11 %.
// Each kind is now read and grouped once, on its first read after a change that can move something.
//
// What a reading depends on: which items each collection holds (its keys), each item's `order` and
// `parent` (a string, or a Y.Text's content) and, through effective parents, the keys of the parent
// kind's collection. Titles and other fields are read from the items on every call, so a change of
// them keeps the readings: typing a title rebuilds the navigator's tree without regrouping (measured:
// ~0.4 ms after a title change, ~1.7 ms after a move, ~0.6 ms for reading every item once). When a
// transaction's observers are about to run (`beforeObserverCalls`, before any observer or
// `afterTransaction` listener), its changed types are looked at, and every reading is dropped if one of
// them is a collection, an `order` or `parent` key, or a text stored there.
//
// Never stale: nothing is read from or stored into the readings while a transaction is open
// (`doc._transaction`: the model's mutations read siblings in the middle of their own changes, in
// orderKeyAt and the cascades, and those reads go to the document), nor while a transaction has begun
// whose changes have not been looked at yet (one an observer opened: it is cleaned up after the
// transaction whose observers are running, which still see its changes).
class ReadCache {
  private readonly kinds = new Map<ItemKind, KindReading>();
  /** Transactions begun whose changes have not been looked at yet. */
  private readonly pending = new Set<Y.Transaction>();
  private readonly roots: ReadonlySet<unknown>;

  constructor(private readonly doc: Y.Doc) {
    this.roots = new Set(ITEM_KINDS.map((kind) => collection(doc, kind)));
    doc.on('beforeTransaction', (transaction: Y.Transaction) => {
      this.pending.add(transaction);
    });
    doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      this.pending.delete(transaction);
      if (this.kinds.size > 0 && this.moves(transaction)) this.kinds.clear();
    });
  }

  /** Whether a transaction changed what readings depend on. */
  private moves(transaction: Y.Transaction): boolean {
    for (const [type, keys] of transaction.changed) {
      if (this.roots.has(type) || keys.has(ORDER) || keys.has(PARENT)) return true;
      const under = type._item?.parentSub;
      if (under === ORDER || under === PARENT) return true;
    }
    return false;
  }

  /** The kind's reading, built on first use after a change; undefined while one is open or unseen. */
  reading(kind: ItemKind, build: () => KindReading): KindReading | undefined {
    if (this.doc._transaction !== null || this.pending.size > 0) return undefined;
    let reading = this.kinds.get(kind);
    if (!reading) {
      reading = build();
      this.kinds.set(kind, reading);
    }
    return reading;
  }
}

/** One cache per document, shared by every reader of it (a model, a view's own ItemIndex). */
const READ_CACHES = new WeakMap<Y.Doc, ReadCache>();

function readCache(doc: Y.Doc): ReadCache {
  let cache = READ_CACHES.get(doc);
  if (!cache) {
    cache = new ReadCache(doc);
    READ_CACHES.set(doc, cache);
  }
  return cache;
}

export class ItemIndex {
  private readonly cache: ReadCache;

  constructor(readonly doc: Y.Doc) {
    this.cache = readCache(doc);
  }

  kindOf(id: string): ItemKind | undefined {
    return ITEM_KINDS.find((kind) => collection(this.doc, kind).has(id));
  }

  has(kind: ItemKind, id: string): boolean {
    return collection(this.doc, kind).has(id);
  }

  stored(kind: ItemKind, id: string): ItemMap | undefined {
    const item = collection(this.doc, kind).get(id);
    return item instanceof Y.Map ? item : undefined;
  }

  item(kind: ItemKind, id: string): ItemMap {
    const item = this.stored(kind, id);
    if (!item) throw new Error(`no ${kind} with id "${id}"`);
    return item;
  }

  entries(kind: ItemKind): Entry[] {
    const out: Entry[] = [];
    collection(this.doc, kind).forEach((item, id) => {
      if (!(item instanceof Y.Map)) return; // not written by this model: ignore
      const order = item.get(ORDER);
      out.push({ id, item, order: typeof order === 'string' && isValidKey(order) ? order : '' });
    });
    return out;
  }

  /** The parent an item is read under: its stored parent, or where the rule puts orphans. */
  effectiveParent(kind: ItemKind, item: ItemMap): string | undefined {
    const rule = COLLECTIONS[kind].parent;
    if (!rule) return undefined;
    const parent = str(item, PARENT);
    if (rule.kind && parent !== undefined && this.has(rule.kind, parent)) return parent;
    return rule.orphanedUnder;
  }

  /**
   * Items of a kind under one (effective) parent, or all of a kind, in order. A new array on every call
   * (callers may keep or change it); its entries are shared between calls and must not be changed.
   */
  siblings(kind: ItemKind, parentId?: string): Entry[] {
    const reading = this.cache.reading(kind, () => this.read(kind));
    if (!reading) return this.uncachedSiblings(kind, parentId);
    const list = parentId === undefined ? reading.sorted : reading.byParent.get(parentId);
    return list ? list.slice() : [];
  }

  /** Reads inside a transaction: straight from the document, as it is at this point of the transaction. */
  private uncachedSiblings(kind: ItemKind, parentId: string | undefined): Entry[] {
    const all = this.entries(kind);
    const list = parentId === undefined ? all : all.filter((e) => this.effectiveParent(kind, e.item) === parentId);
    return list.sort(compareEntries);
  }

  private read(kind: ItemKind): KindReading {
    const sorted = this.entries(kind).sort(compareEntries);
    const byParent = new Map<string | undefined, Entry[]>();
    if (COLLECTIONS[kind].parent) {
      for (const e of sorted) {
        const parent = this.effectiveParent(kind, e.item);
        const group = byParent.get(parent);
        if (group) group.push(e);
        else byParent.set(parent, [e]);
      }
    }
    return { sorted, byParent };
  }

  /** Throws unless `parentId` can hold items of `kind` (a stored parent, the vision, or the kind's stand-in). */
  checkParent(kind: ItemKind, parentId: string): void {
    const rule = COLLECTIONS[kind].parent;
    const ok =
      rule !== undefined &&
      ((rule.vision === true && parentId === VISION_ID) ||
        (rule.kind !== undefined && (parentId === rule.orphanedUnder || this.has(rule.kind, parentId))));
    if (!ok) {
      const what = rule?.kind ? `${rule.kind}${rule.vision ? ' (or the vision)' : ''}` : 'parent (only the vision)';
      throw new Error(`cannot put a ${kind} under "${parentId}": no such ${what}`);
    }
  }
}
