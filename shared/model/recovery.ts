// Stand-in containers: items another replica added to (or moved into) a parent that this replica
// deleted at the same time are not lost; they are read under a stand-in (RECOVERED_* ids,
// `virtual: true`) until someone moves them. Stand-ins are never stored.
import { RECOVERED_FOCUS_AREA_ID, RECOVERED_PERSPECTIVE_ID, RECOVERED_PLAN_ID } from './model-constants';
import type { ItemIndex } from './items';
import type { ActionPlanData, FocusAreaData, ItemKind, PerspectiveData } from './types';
import type { Period } from '../format/schema';

/** Titles of the stand-in containers (Danish UI text). */
export const RECOVERED_TITLES = {
  perspective: 'Indsatsområder uden perspektiv',
  focusArea: 'Målsætninger uden indsatsområde',
  actionPlan: 'Initiativer uden handlingsplan',
} as const;

/** Kinds of the stand-in containers, which are not stored items. */
export const RECOVERED_KINDS: Readonly<Record<string, ItemKind>> = {
  [RECOVERED_PERSPECTIVE_ID]: 'perspective',
  [RECOVERED_FOCUS_AREA_ID]: 'focusArea',
  [RECOVERED_PLAN_ID]: 'actionPlan',
};

function hasOrphans(items: ItemIndex, kind: ItemKind, standIn: string): boolean {
  return items.entries(kind).some((e) => items.effectiveParent(kind, e.item) === standIn);
}

export function needsVirtualFocusArea(items: ItemIndex): boolean {
  return !items.has('focusArea', RECOVERED_FOCUS_AREA_ID) && hasOrphans(items, 'goal', RECOVERED_FOCUS_AREA_ID);
}

export function needsVirtualPerspective(items: ItemIndex): boolean {
  if (items.has('perspective', RECOVERED_PERSPECTIVE_ID)) return false;
  return hasOrphans(items, 'focusArea', RECOVERED_PERSPECTIVE_ID) || needsVirtualFocusArea(items);
}

export function needsVirtualPlan(items: ItemIndex): boolean {
  return !items.has('actionPlan', RECOVERED_PLAN_ID) && hasOrphans(items, 'initiative', RECOVERED_PLAN_ID);
}

export const virtualPerspective = (): PerspectiveData => ({ id: RECOVERED_PERSPECTIVE_ID, title: RECOVERED_TITLES.perspective, hidden: false, virtual: true });

export const virtualFocusArea = (): FocusAreaData => ({
  id: RECOVERED_FOCUS_AREA_ID,
  perspectiveId: RECOVERED_PERSPECTIVE_ID,
  title: RECOVERED_TITLES.focusArea,
  virtual: true,
});

export const virtualPlan = (period: Period): ActionPlanData => ({ id: RECOVERED_PLAN_ID, title: RECOVERED_TITLES.actionPlan, kind: 'common', period, virtual: true });
