// An uncached reference for the model's sibling reads, written from the rules alone (not from
// shared/model/items.ts): the items of a kind straight from its Y.Map, under their effective parent
// (the stored parent if an item of the parent kind has that id, else where the kind's orphans go),
// ordered by order key (an invalid or missing key reads as ''), then by id.
import * as Y from 'yjs';
import { isValidKey } from '../../../shared/model/fractional-index';
import { COLLECTIONS, ITEM_KINDS } from '../../../shared/model/layout';
import { ItemIndex } from '../../../shared/model/items';
import { RECOVERED_FOCUS_AREA_ID, RECOVERED_PERSPECTIVE_ID, RECOVERED_PLAN_ID, VISION_ID, type StrategyModel } from '../../../shared/model';
import type { ItemKind } from '../../../shared/model/types';

export interface RefEntry {
  id: string;
  order: string;
}

function plainOrText(value: unknown): string | undefined {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : undefined;
}

export function referenceSiblings(doc: Y.Doc, kind: ItemKind, parentId?: string): RefEntry[] {
  const rule = COLLECTIONS[kind].parent;
  const out: RefEntry[] = [];
  doc.getMap(COLLECTIONS[kind].root).forEach((item, id) => {
    if (!(item instanceof Y.Map)) return;
    if (parentId !== undefined) {
      if (!rule) return;
      const stored = plainOrText(item.get('parent'));
      const parentMap = rule.kind ? doc.getMap(COLLECTIONS[rule.kind].root) : undefined;
      const effective = parentMap && stored !== undefined && parentMap.has(stored) ? stored : rule.orphanedUnder;
      if (effective !== parentId) return;
    }
    const raw = item.get('order');
    out.push({ id, order: typeof raw === 'string' && isValidKey(raw) ? raw : '' });
  });
  return out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every parent a read could name: each stored id of any kind, the vision, the stand-ins, and one that is nowhere. */
export function candidateParents(doc: Y.Doc): (string | undefined)[] {
  const ids = new Set<string>([VISION_ID, RECOVERED_PERSPECTIVE_ID, RECOVERED_FOCUS_AREA_ID, RECOVERED_PLAN_ID, 'nowhere']);
  for (const kind of ITEM_KINDS) for (const id of doc.getMap(COLLECTIONS[kind].root).keys()) ids.add(id);
  return [undefined, ...ids];
}

/**
 * Compares every sibling read (each kind under each candidate parent, through a fresh ItemIndex and
 * through `model`'s lists) with the reference; returns the first difference, or undefined.
 */
export function firstDifference(doc: Y.Doc, model?: StrategyModel): string | undefined {
  const index = new ItemIndex(doc);
  const parents = candidateParents(doc);
  for (const kind of ITEM_KINDS) {
    for (const parent of parents) {
      const expected = referenceSiblings(doc, kind, parent);
      const got = index.siblings(kind, parent).map((e) => ({ id: e.id, order: e.order }));
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        return `siblings(${kind}, ${parent}): got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`;
      }
      const rule = COLLECTIONS[kind].parent;
      if (model && (parent !== undefined || !rule)) {
        const listed = model
          .list(kind, parent)
          .filter((v) => !(v as { virtual?: boolean }).virtual)
          .map((v) => (v as { id: string }).id);
        const want = expected.map((e) => e.id);
        if (JSON.stringify(listed) !== JSON.stringify(want)) return `list(${kind}, ${parent}): got ${JSON.stringify(listed)}, expected ${JSON.stringify(want)}`;
      }
      if (model && kind !== 'goal' && kind !== 'owner') {
        // The titles-only read says what the full read says, in its order, stand-ins included.
        const full = (model.list(kind, parent) as { id: string; title: string; virtual?: true }[]).map((v) => ({ id: v.id, title: v.title, ...(v.virtual ? { virtual: true } : {}) }));
        const titles = model.titles(kind, parent);
        if (JSON.stringify(titles) !== JSON.stringify(full)) return `titles(${kind}, ${parent}): got ${JSON.stringify(titles)}, expected ${JSON.stringify(full)}`;
      }
    }
  }
  return undefined;
}
