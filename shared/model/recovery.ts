// Stand-in containers: items another replica added to (or moved into) a parent that this replica
// deleted at the same time are not lost; they are read under a stand-in (RECOVERED_* ids,
// `virtual: true`) until someone moves them. Stand-ins are never stored.
import { RECOVERED_FOCUS_AREA_ID, RECOVERED_PERSPECTIVE_ID, RECOVERED_PLAN_ID } from './model-constants';
import type { ItemIndex } from './items';
import type { ActionPlanData, FocusAreaData, ItemKind, PerspectiveData } from './types';
import type { Period } from '../format/schema';
import { t, type Lang } from '../i18n/messages';

type StandInKind = 'perspective' | 'focusArea' | 'actionPlan';

/**
 * The title of a stand-in container, in the document's language (meta.language; Danish when it has none): a
 * stand-in is read like the document's own parts, so it speaks as they do, in the app and in Word alike.
 */
export function recoveredTitle(kind: StandInKind, language: string | undefined): string {
  const lang: Lang = language === 'en' ? 'en' : 'da';
  return t(lang, `model.recovered.${kind}`);
}

/** Kinds of the stand-in containers, which are not stored items. */
export const RECOVERED_KINDS: Readonly<Record<string, ItemKind>> = {
  [RECOVERED_PERSPECTIVE_ID]: 'perspective',
  [RECOVERED_FOCUS_AREA_ID]: 'focusArea',
  [RECOVERED_PLAN_ID]: 'actionPlan',
};

function hasOrphans(items: ItemIndex, kind: ItemKind, standIn: string): boolean {
  return items.siblings(kind, standIn).length > 0;
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

export const virtualPerspective = (language: string | undefined): PerspectiveData => ({
  id: RECOVERED_PERSPECTIVE_ID,
  title: recoveredTitle('perspective', language),
  hidden: false,
  virtual: true,
});

export const virtualFocusArea = (language: string | undefined): FocusAreaData => ({
  id: RECOVERED_FOCUS_AREA_ID,
  perspectiveId: RECOVERED_PERSPECTIVE_ID,
  title: recoveredTitle('focusArea', language),
  virtual: true,
});

export const virtualPlan = (period: Period, language: string | undefined): ActionPlanData => ({
  id: RECOVERED_PLAN_ID,
  title: recoveredTitle('actionPlan', language),
  kind: 'common',
  period,
  virtual: true,
});
