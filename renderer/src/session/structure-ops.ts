// Navigator operations (add, rename, delete, reorder) on the model. They run with STRUCTURE_ORIGIN,
// which the document's structural UndoManager tracks: "Fortryd" in the navigator undoes exactly
// these, never another user's work and never text typed in an editor.
import { VISION_ID, type StrategyModel } from '../../../shared/model';
import type { ItemKind, MoveTarget } from '../../../shared/model/types';
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

/** Adds an item of `kind` under `parent` (after `after` when given); returns the new id. */
export function addItem(model: StrategyModel, kind: ItemKind, parent: NavNode | undefined, labels: ResolvedLabels, after?: string): string {
  const at: MoveTarget | undefined = after ? { after } : undefined;
  const o = STRUCTURE_ORIGIN;
  switch (kind) {
    case 'section':
      return model.addSection({ title: t('new.section') }, at, o);
    case 'principle':
      return model.addPrinciple({ title: t('new.principle'), parentId: parent?.parentId ?? parent?.key ?? VISION_ID }, at, o);
    case 'bearing':
      return model.addBearing({ title: t('new.bearing') }, at, o);
    case 'perspective':
      return model.addPerspective({ title: t('new.named', { noun: lowerFirst(labels.perspective) }) }, at, o);
    case 'focusArea': {
      const perspectiveId = parent?.kind === 'perspective' ? parent.key : (parent?.parentId ?? firstPerspective(model, labels));
      return model.addFocusArea({ perspectiveId, title: t('new.named', { noun: lowerFirst(labels.focusArea) }) }, at, o);
    }
    case 'actionPlan': {
      const period = model.getMeta().period;
      const from = Math.max(period.from, new Date().getFullYear());
      return model.addActionPlan({ title: t('new.actionPlan', { from, to: from + 1 }), kind: 'common', period: { from, to: from + 1 } }, at, o);
    }
    case 'initiative':
      if (!parent) throw new Error('An initiative needs its action plan');
      return model.addInitiative({ planId: parent.kind === 'actionPlan' ? parent.key : (parent.parentId ?? parent.key), title: t('new.initiative'), focusAreaIds: [] }, at, o);
    case 'goal':
      if (!parent) throw new Error('A goal needs its focus area');
      return model.addGoal({ focusAreaId: parent.key, text: '' }, at, o);
    case 'owner':
      return model.addOwner({ name: t('new.owner'), kind: 'unit' }, at, o);
  }
}

/** A focus area added while there is no perspective at all gets one to live in. */
function firstPerspective(model: StrategyModel, labels: ResolvedLabels): string {
  const first = model.perspectives()[0];
  if (first) return first.id;
  return model.addPerspective({ title: labels.focusAreas, hidden: true }, undefined, STRUCTURE_ORIGIN);
}

export function renameItem(model: StrategyModel, node: NavNode, title: string): void {
  const o = STRUCTURE_ORIGIN;
  switch (node.itemKind) {
    case 'section':
      return model.updateSection(node.key, { title }, o);
    case 'principle':
    case 'bearing':
      return model.updateStatement(node.key, { title }, o);
    case 'perspective':
      return model.updatePerspective(node.key, { title }, o);
    case 'focusArea':
      return model.updateFocusArea(node.key, { title }, o);
    case 'actionPlan':
      return model.updateActionPlan(node.key, { title }, o);
    case 'initiative':
      return model.updateInitiative(node.key, { title }, o);
    default:
      return;
  }
}

export function deleteItem(model: StrategyModel, kind: ItemKind, id: string): void {
  const o = STRUCTURE_ORIGIN;
  switch (kind) {
    case 'section':
      model.deleteSection(id, o);
      return;
    case 'principle':
    case 'bearing':
      model.deleteStatement(id, o);
      return;
    case 'perspective':
      model.deletePerspective(id, o);
      return;
    case 'focusArea':
      model.deleteFocusArea(id, o);
      return;
    case 'actionPlan':
      model.deleteActionPlan(id, o);
      return;
    case 'initiative':
      model.deleteInitiative(id, o);
      return;
    case 'goal':
      model.deleteGoal(id, o);
      return;
    case 'owner':
      model.deleteOwner(id, undefined, o);
      return;
  }
}

export function moveItem(model: StrategyModel, kind: ItemKind, id: string, to: MoveTarget): void {
  const o = STRUCTURE_ORIGIN;
  switch (kind) {
    case 'section':
      return model.moveSection(id, to, o);
    case 'principle':
      return model.movePrinciple(id, to, o);
    case 'bearing':
      return model.moveBearing(id, to, o);
    case 'perspective':
      return model.movePerspective(id, to, o);
    case 'focusArea':
      return model.moveFocusArea(id, to, o);
    case 'actionPlan':
      return model.moveActionPlan(id, to, o);
    case 'initiative':
      return model.moveInitiative(id, to, o);
    case 'goal':
      return model.moveGoal(id, to, o);
    case 'owner':
      return model.moveOwner(id, to, o);
  }
}
