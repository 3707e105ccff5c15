// Id references between items (an initiative's owner, focus areas, participants, supported
// initiatives; a plan's owner and parent plan; an owner's unit; an item's parent) and the ones
// that name nothing of the right kind.
import { COLLECTIONS, ITEM_KINDS, PARENT, readIdList } from './layout';
import { VISION_ID } from './model-constants';
import { str, type ItemIndex } from './items';
import type { DanglingReference, ItemKind } from './types';

/** Plain id fields and id lists that name another item, per kind (parents come from the parent rules). */
const REFERENCES: Partial<Record<ItemKind, { key: string; kind: ItemKind; list?: true }[]>> = {
  owner: [{ key: 'parentId', kind: 'owner' }],
  actionPlan: [
    { key: 'ownerId', kind: 'owner' },
    { key: 'parentPlanId', kind: 'actionPlan' },
  ],
  initiative: [
    { key: 'focusAreaIds', kind: 'focusArea', list: true },
    { key: 'ownerId', kind: 'owner' },
    { key: 'participantIds', kind: 'owner', list: true },
    { key: 'supportsInitiativeIds', kind: 'initiative', list: true },
  ],
};

/** Every id reference that names nothing of the right kind, in document order. */
export function danglingReferences(items: ItemIndex): DanglingReference[] {
  const out: DanglingReference[] = [];
  for (const kind of ITEM_KINDS) {
    const rule = COLLECTIONS[kind].parent;
    for (const e of items.siblings(kind)) {
      const check = (field: string, missingId: string | undefined, target: ItemKind): void => {
        if (missingId !== undefined && !items.has(target, missingId)) out.push({ fromId: e.id, field, missingId });
      };
      if (rule?.kind) {
        const parent = str(e.item, PARENT);
        if (!(rule.vision && parent === VISION_ID)) check(rule.field, parent, rule.kind);
      }
      for (const ref of REFERENCES[kind] ?? []) {
        if (ref.list) for (const v of readIdList(e.item, ref.key)) check(ref.key, v, ref.kind);
        else check(ref.key, str(e.item, ref.key), ref.kind);
      }
    }
  }
  return out;
}
