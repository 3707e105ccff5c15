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

export class ItemIndex {
  constructor(readonly doc: Y.Doc) {}

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

  /** Items of a kind under one (effective) parent, or all of a kind, in order. */
  siblings(kind: ItemKind, parentId?: string): Entry[] {
    const all = this.entries(kind);
    const list = parentId === undefined ? all : all.filter((e) => this.effectiveParent(kind, e.item) === parentId);
    return list.sort(compareEntries);
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
