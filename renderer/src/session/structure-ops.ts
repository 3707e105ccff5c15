// Navigator operations (add, rename, delete, reorder) on the model. They run with STRUCTURE_ORIGIN,
// which the document's structural UndoManager tracks: "Fortryd" in the navigator undoes exactly
// these, never another user's work and never text typed in an editor.
import { VISION_ID, type StrategyModel } from '../../../shared/model';
import { COLLECTIONS } from '../../../shared/model/layout';
import type { ItemKind, KindInput, KindPatch, MoveTarget } from '../../../shared/model/types';
import { t } from '../i18n/i18n';
import type { NavNode } from './nav-tree';
import type { ResolvedLabels } from './labels';

export const STRUCTURE_ORIGIN = 'pejling:structure';

/** The noun for an item kind, in the document's own words where it has them. */
export function kindNoun(kind: ItemKind, labels: ResolvedLabels): string {
  switch (kind) {
    case 'perspective':
      return labels.perspective;
    case 'focusArea':
      return labels.focusArea;
    default:
      return t(`kind.${kind}`);
  }
}

/** "Indsatsområde" → "indsatsområde", for use inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** What a new item of each kind holds when the navigator adds it under `parent`. */
type NewInput = { [K in ItemKind]: (model: StrategyModel, parent: NavNode | undefined, labels: ResolvedLabels) => KindInput[K] };

const NEW_ITEM: NewInput = {
  section: () => ({ title: t('new.section') }),
  principle: (_model, parent) => ({ title: t('new.principle'), parentId: parent?.parentId ?? parent?.key ?? VISION_ID }),
  bearing: () => ({ title: t('new.bearing') }),
  perspective: (_model, _parent, labels) => ({ title: t('new.named', { noun: lowerFirst(labels.perspective) }) }),
  focusArea: (model, parent, labels) => ({
    perspectiveId: parent?.kind === 'perspective' ? parent.key : (parent?.parentId ?? firstPerspective(model, labels)),
    title: t('new.named', { noun: lowerFirst(labels.focusArea) }),
  }),
  actionPlan: (model) => {
    const period = newPlanPeriod(model.getMeta().period, model.list('actionPlan').filter((p) => !p.virtual).map((p) => p.period));
    return { title: t('new.actionPlan', period), kind: 'common', period };
  },
  initiative: (_model, parent) => {
    if (!parent) throw new Error('An initiative needs its action plan');
    return { planId: parent.kind === 'actionPlan' ? parent.key : (parent.parentId ?? parent.key), title: t('new.initiative'), focusAreaIds: [] };
  },
  goal: (_model, parent) => {
    if (!parent) throw new Error('A goal needs its focus area');
    return { focusAreaId: parent.key, text: '' };
  },
  owner: () => ({ name: t('new.owner'), kind: 'unit' }),
};

/**
 * A new action plan's years: two years inside the strategy's period (never the calendar's current year, which a
 * strategy written for 2010–2014 knows nothing of), following the plans it already has: the year after the latest
 * plan ends, or the strategy's first year when that is past its end.
 */
export function newPlanPeriod(strategy: { from: number; to: number }, plans: readonly { from: number; to: number }[]): { from: number; to: number } {
  const latest = Math.max(strategy.from - 1, ...plans.map((p) => p.to));
  const from = latest < strategy.to ? latest + 1 : strategy.from;
  return { from, to: Math.min(from + 1, Math.max(strategy.to, from)) };
}

/** Adds an item of `kind` under `parent` (after `after` when given); returns the new id. */
export function addItem<K extends ItemKind>(model: StrategyModel, kind: K, parent: NavNode | undefined, labels: ResolvedLabels, after?: string): string {
  const at: MoveTarget | undefined = after ? { after } : undefined;
  const input = (NEW_ITEM[kind] as NewInput[K])(model, parent, labels);
  return model.add(kind, input, at, STRUCTURE_ORIGIN);
}

/** A focus area added while there is no perspective at all gets one to live in. */
function firstPerspective(model: StrategyModel, labels: ResolvedLabels): string {
  const first = model.list('perspective')[0];
  if (first) return first.id;
  return model.add('perspective', { title: labels.focusAreas, hidden: true }, undefined, STRUCTURE_ORIGIN);
}

/** Renames an item: its title (a goal's text, an owner's name), the first text field of its kind. */
export function renameItem(model: StrategyModel, node: NavNode, title: string): void {
  const kind = node.itemKind;
  if (!kind) return;
  const key = COLLECTIONS[kind].text[0]!;
  model.update(kind, node.key, { [key]: title } as KindPatch[typeof kind], STRUCTURE_ORIGIN);
}

export function deleteItem(model: StrategyModel, id: string): void {
  model.delete(id, {}, STRUCTURE_ORIGIN);
}

export function moveItem(model: StrategyModel, id: string, to: MoveTarget): void {
  model.move(id, to, STRUCTURE_ORIGIN);
}
