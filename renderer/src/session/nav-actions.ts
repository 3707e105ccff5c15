// What the navigator can do with a node, shared by the tree (keyboard, drag and drop, row buttons)
// and the editing pane's item toolbar: add, rename, delete with an undo toast, move.
import type { MoveTarget } from '../../../shared/model/types';
import type { DocumentSession } from './document-session';
import { addItem, deleteItem, kindNoun, moveItem, renameItem } from './structure-ops';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { showToast } from '../ui/toasts';
import { MOVABLE_KINDS, findNode, type NavNode } from './nav-tree';
import type { ResolvedLabels } from './labels';

export interface NavContext {
  session: DocumentSession;
  tree: NavNode[];
  labels: ResolvedLabels;
  /** Opens a node in the editing pane. */
  select: (key: string) => void;
}

/** Runs a navigator operation as its own undo step. */
function step(session: DocumentSession, run: () => void): void {
  session.structureUndo.stopCapturing();
  run();
  session.structureUndo.stopCapturing();
}

export function canAdd(node: NavNode): boolean {
  return node.adds !== undefined;
}

/** Adds a child to `node` (a group, a perspective, a plan); returns the new item's key. */
export function addChild(ctx: NavContext, node: NavNode): string | undefined {
  const kind = node.adds;
  if (!kind || ctx.session.readOnly) return undefined;
  let id = '';
  step(ctx.session, () => {
    id = addItem(ctx.session.model, kind, node, ctx.labels);
  });
  announce(t('nav.added', { noun: kindNoun(kind, ctx.labels) }));
  return id;
}

export function rename(ctx: NavContext, node: NavNode, title: string): void {
  if (!node.itemKind || ctx.session.readOnly) return;
  const trimmed = title.trim();
  if (trimmed === node.label) return;
  step(ctx.session, () => renameItem(ctx.session.model, node, trimmed));
}

/** Deletes an item at once and offers "Fortryd" in a toast (no "are you sure" dialog). */
export function remove(ctx: NavContext, node: NavNode): void {
  const kind = node.itemKind;
  if (!kind || ctx.session.readOnly) return;
  const { session } = ctx;
  const entry = findNode(ctx.tree, node.key);
  const siblings = entry?.parent?.children ?? ctx.tree;
  const index = siblings.findIndex((n) => n.key === node.key);
  const next = siblings[index + 1] ?? siblings[index - 1] ?? entry?.parent;
  step(session, () => deleteItem(session.model, node.key));
  const undoItem = session.structureUndo.undoStack[session.structureUndo.undoStack.length - 1];
  if (next) ctx.select(next.key);
  const noun = kindNoun(kind, ctx.labels);
  const name = node.label || t('doc.untitled');
  showToast({
    message: t('nav.deleted', { noun, name }),
    action: {
      label: t('common.undo'),
      run: () => {
        const undo = session.structureUndo;
        // Only the very step this toast is about (a later navigator operation must not be undone instead).
        if (undoItem && undo.undoStack[undo.undoStack.length - 1] === undoItem) {
          undo.undo();
          ctx.select(node.key);
          announce(t('nav.restored', { noun, name }));
        } else {
          showToast({ message: t('nav.cannotRestore'), tone: 'error' });
        }
      },
    },
  });
  announce(t('nav.deleted', { noun, name }));
}

/** Moves an item one place up (-1) or down (+1) among its siblings; announces the new place. */
export function moveBy(ctx: NavContext, node: NavNode, delta: -1 | 1): boolean {
  const kind = node.itemKind;
  if (!kind || !MOVABLE_KINDS.has(node.kind) || ctx.session.readOnly) return false;
  const entry = findNode(ctx.tree, node.key);
  const siblings = (entry?.parent?.children ?? ctx.tree).filter((n) => n.kind === node.kind);
  const index = siblings.findIndex((n) => n.key === node.key);
  const target = siblings[index + delta];
  if (index < 0 || !target) {
    announce(delta < 0 ? t('nav.alreadyFirst') : t('nav.alreadyLast'));
    return false;
  }
  const to: MoveTarget = delta < 0 ? { before: target.key } : { after: target.key };
  if (node.parentId) to.parentId = node.parentId;
  step(ctx.session, () => moveItem(ctx.session.model, node.key, to));
  announce(t('nav.moved', { name: node.label || t('doc.untitled'), position: index + delta + 1, count: siblings.length }));
  return true;
}

/** Where a dragged node may be dropped relative to a target row. */
export type DropPosition = 'before' | 'after' | 'inside';

export function dropAllowed(dragged: NavNode, target: NavNode, position: DropPosition): boolean {
  if (dragged.key === target.key || !dragged.itemKind || !MOVABLE_KINDS.has(dragged.kind)) return false;
  if (position === 'inside') return target.adds === dragged.itemKind;
  return target.kind === dragged.kind;
}

export function dropOn(ctx: NavContext, dragged: NavNode, target: NavNode, position: DropPosition): boolean {
  const kind = dragged.itemKind;
  if (!kind || !dropAllowed(dragged, target, position) || ctx.session.readOnly) return false;
  let to: MoveTarget;
  if (position === 'inside') {
    // Into a perspective or plan, or to the end of a group (which may stand for a parent itself).
    if (target.itemKind) to = { parentId: target.key };
    else to = target.parentId ? { parentId: target.parentId } : {};
  } else {
    to = position === 'before' ? { before: target.key } : { after: target.key };
    if (target.parentId) to.parentId = target.parentId;
  }
  step(ctx.session, () => moveItem(ctx.session.model, dragged.key, to));
  announce(t('nav.movedDrop', { name: dragged.label || t('doc.untitled') }));
  return true;
}
