// Deleting an item deletes what belongs to it (as this replica sees it) and cleans the references
// that would dangle; deleting an owner can pass what it owned to another owner.
import { COLLECTIONS, ITEM_KINDS, collection, readIdList, writeIdList } from './layout';
import { RECOVERED_FOCUS_AREA_ID, RECOVERED_PERSPECTIVE_ID } from './model-constants';
import { ownerAncestorIds } from './owner-hierarchy';
import { RECOVERED_KINDS } from './recovery';
import { str, type ItemIndex } from './items';
import type { ItemKind } from './types';

/** The kinds whose items hang under a parent of `kind` (from the parent rules in ./layout.ts). */
function childKinds(kind: ItemKind): ItemKind[] {
  return ITEM_KINDS.filter((k) => COLLECTIONS[k].parent?.kind === kind);
}

/**
 * The ids that deleting this item removes: the item and what belongs to it (focus areas, goals
 * and principles of a perspective; goals of a focus area; initiatives of a plan), as this replica
 * sees them.
 */
export function idsDeletedWith(items: ItemIndex, id: string): string[] {
  const kind = items.kindOf(id) ?? RECOVERED_KINDS[id];
  if (!kind) return [];
  const out: string[] = [];
  const collect = (k: ItemKind, itemId: string): void => {
    for (const child of childKinds(k)) for (const e of items.siblings(child, itemId)) collect(child, e.id);
    // the stand-in focus area of goals without a focus area is listed under the stand-in perspective
    if (k === 'perspective' && itemId === RECOVERED_PERSPECTIVE_ID && !items.has('focusArea', RECOVERED_FOCUS_AREA_ID)) {
      for (const e of items.siblings('goal', RECOVERED_FOCUS_AREA_ID)) collect('goal', e.id);
    }
    if (items.has(k, itemId)) out.push(itemId);
  };
  collect(kind, id);
  return out;
}

/** Id lists and plan links that name items of these kinds, cleaned when such items are deleted. */
const CLEANED_REFERENCES: { kind: ItemKind; list?: string; key?: string }[] = [
  { kind: 'initiative', list: 'focusAreaIds' },
  { kind: 'initiative', list: 'supportsInitiativeIds' },
  { kind: 'actionPlan', key: 'parentPlanId' },
];

/** Deletes an item and what belongs to it, and cleans references to them. Runs inside a transaction. */
export function deleteCascade(items: ItemIndex, id: string): void {
  const deleted = idsDeletedWith(items, id);
  for (const itemId of deleted) collection(items.doc, items.kindOf(itemId)!).delete(itemId);
  const gone = new Set(deleted);
  for (const ref of CLEANED_REFERENCES) {
    for (const e of items.entries(ref.kind)) {
      if (ref.list) {
        const list = readIdList(e.item, ref.list);
        if (list.some((v) => gone.has(v))) writeIdList(e.item, ref.list, list.filter((v) => !gone.has(v)));
      } else if (ref.key && gone.has(str(e.item, ref.key) ?? '')) {
        e.item.delete(ref.key);
      }
    }
  }
}

/**
 * Deletes an owner. With `reassignTo`, what it owned (initiatives, plans, participations,
 * sub-units) passes to that owner; without, those references dangle. Runs inside a transaction.
 */
export function deleteOwner(items: ItemIndex, id: string, reassignTo: string | undefined): void {
  const to = reassignTo;
  if (to !== undefined) {
    for (const e of items.entries('initiative')) {
      if (str(e.item, 'ownerId') === id) e.item.set('ownerId', to);
      const participants = readIdList(e.item, 'participantIds');
      if (participants.includes(id)) writeIdList(e.item, 'participantIds', [...new Set(participants.map((p) => (p === id ? to : p)))]);
    }
    for (const e of items.entries('actionPlan')) if (str(e.item, 'ownerId') === id) e.item.set('ownerId', to);
    // The successor takes over the sub-owners too. When it is itself one of them (or further down), it first
    // moves up to the deleted owner's place, so the hierarchy never gets a cycle or an owner of its own.
    const parentOf = (ownerId: string) => {
      const owner = items.stored('owner', ownerId);
      return owner ? str(owner, 'parentId') : undefined;
    };
    if (ownerAncestorIds(to, parentOf, (ownerId) => items.has('owner', ownerId)).includes(id)) {
      const grandparent = parentOf(id);
      const target = items.item('owner', to);
      if (grandparent !== undefined) target.set('parentId', grandparent);
      else target.delete('parentId');
    }
    for (const e of items.entries('owner')) if (e.id !== to && str(e.item, 'parentId') === id) e.item.set('parentId', to);
  }
  collection(items.doc, 'owner').delete(id);
}
