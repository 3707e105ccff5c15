// The navigator's tree, computed from the model: the parts of a strategy in reading order, with the
// document's own labels. Pure (no DOM), so it is cheap to recompute on every change: the model groups
// siblings once per change, and items shown by title only are read by title only (`titles`).
import type { StrategyModel } from '../../../shared/model';
import { VISION_ID } from '../../../shared/model';
import type { ItemKind } from '../../../shared/model/types';
import { t } from '../i18n/i18n';
import { resolveLabels, type ResolvedLabels } from './labels';

/** What a node stands for. Groups are containers without an item of their own. */
export type NavKind =
  | 'meta'
  | 'sectionsGroup'
  | 'section'
  | 'vision'
  | 'principlesGroup'
  | 'principle'
  | 'bearingsGroup'
  | 'bearing'
  | 'perspectivesGroup'
  | 'perspective'
  | 'focusArea'
  | 'plansGroup'
  | 'actionPlan'
  | 'initiative'
  | 'owners';

export interface NavNode {
  /** Unique in the tree; item nodes use the item id, fixed nodes a name like 'meta'. */
  key: string;
  kind: NavKind;
  label: string;
  /** Shown when the label is empty ("Uden titel"). */
  placeholder?: string;
  /** The model item, for item nodes. */
  itemKind?: ItemKind;
  /** Parent id for moves (VISION_ID for vision principles; perspective id for focus areas…). */
  parentId?: string;
  children: NavNode[];
  /** What "Tilføj" on this node creates, if anything. */
  adds?: ItemKind;
  /** Secondary text, e.g. a plan's period or a count. */
  detail?: string;
}

export const META_KEY = 'meta';
export const VISION_KEY = 'vision';
export const OWNERS_KEY = 'owners';
export const SECTIONS_KEY = 'sections';
export const PERSPECTIVES_KEY = 'perspectives';
export const PLANS_KEY = 'plans';
export const VISION_PRINCIPLES_KEY = 'vision-principles';
export const BEARINGS_KEY = 'bearings';

export function buildNavTree(model: StrategyModel, labels: ResolvedLabels = resolveLabels(model)): NavNode[] {
  const untitled = t('doc.untitled');
  const tree: NavNode[] = [];

  tree.push({ key: META_KEY, kind: 'meta', label: t('nav.meta'), children: [] });

  const sections = model.titles('section');
  tree.push({
    key: SECTIONS_KEY,
    kind: 'sectionsGroup',
    label: t('nav.sections'),
    adds: 'section',
    detail: String(sections.length),
    children: sections.map((s) => ({ key: s.id, kind: 'section', itemKind: 'section', label: s.title, placeholder: untitled, children: [] })),
  });

  const principles = model.titles('principle', VISION_ID);
  const bearings = model.titles('bearing');
  tree.push({
    key: VISION_KEY,
    kind: 'vision',
    label: t('nav.vision'),
    children: [
      {
        key: VISION_PRINCIPLES_KEY,
        kind: 'principlesGroup',
        label: labels.principles,
        parentId: VISION_ID,
        adds: 'principle',
        detail: String(principles.length),
        children: principles.map((p) => ({
          key: p.id,
          kind: 'principle',
          itemKind: 'principle',
          parentId: VISION_ID,
          label: p.title,
          placeholder: untitled,
          children: [],
        })),
      },
      {
        key: BEARINGS_KEY,
        kind: 'bearingsGroup',
        label: labels.bearings,
        adds: 'bearing',
        detail: String(bearings.length),
        children: bearings.map((b) => ({ key: b.id, kind: 'bearing', itemKind: 'bearing', label: b.title, placeholder: untitled, children: [] })),
      },
    ],
  });

  const perspectives = model.list('perspective');
  const hidden = perspectives.some((p) => p.hidden);
  const focusAreaNode = (perspectiveId: string) => (fa: { id: string; title: string }): NavNode => ({
    key: fa.id,
    kind: 'focusArea',
    itemKind: 'focusArea',
    parentId: perspectiveId,
    label: fa.title,
    placeholder: untitled,
    children: [],
  });
  const perspectiveChildren: NavNode[] = [];
  for (const perspective of perspectives) {
    const areas = model.titles('focusArea', perspective.id).map(focusAreaNode(perspective.id));
    if (perspective.hidden) {
      perspectiveChildren.push(...areas);
    } else {
      perspectiveChildren.push({
        key: perspective.id,
        kind: 'perspective',
        itemKind: 'perspective',
        label: perspective.title,
        placeholder: untitled,
        adds: 'focusArea',
        detail: String(areas.length),
        children: areas,
      });
    }
  }
  const hiddenPerspective = perspectives.find((p) => p.hidden);
  tree.push({
    key: PERSPECTIVES_KEY,
    kind: 'perspectivesGroup',
    label: hidden ? labels.focusAreas : labels.perspectives,
    adds: hidden ? 'focusArea' : 'perspective',
    ...(hiddenPerspective ? { parentId: hiddenPerspective.id } : {}),
    detail: String(hidden ? perspectiveChildren.filter((n) => n.kind === 'focusArea').length : perspectiveChildren.length),
    children: perspectiveChildren,
  });

  const plans = model.list('actionPlan');
  tree.push({
    key: PLANS_KEY,
    kind: 'plansGroup',
    label: t('nav.actionPlans'),
    adds: 'actionPlan',
    detail: String(plans.length),
    children: plans.map((plan) => {
      const initiatives = model.titles('initiative', plan.id);
      return {
        key: plan.id,
        kind: 'actionPlan',
        itemKind: 'actionPlan',
        label: plan.title,
        placeholder: untitled,
        adds: 'initiative',
        detail: `${plan.period.from}–${plan.period.to}`,
        children: initiatives.map((i) => ({
          key: i.id,
          kind: 'initiative',
          itemKind: 'initiative',
          parentId: plan.id,
          label: i.title,
          placeholder: untitled,
          children: [],
        })),
      };
    }),
  });

  tree.push({ key: OWNERS_KEY, kind: 'owners', label: t('nav.owners'), detail: String(model.list('owner').length), children: [] });
  return tree;
}

/** Depth-first list of the nodes, with parent and depth (for keyboard navigation and lookups). */
export interface FlatNode {
  node: NavNode;
  parent: NavNode | undefined;
  depth: number;
}

export function flatten(tree: NavNode[], expanded?: (key: string) => boolean): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (nodes: NavNode[], parent: NavNode | undefined, depth: number) => {
    for (const node of nodes) {
      out.push({ node, parent, depth });
      if (node.children.length > 0 && (!expanded || expanded(node.key))) walk(node.children, node, depth + 1);
    }
  };
  walk(tree, undefined, 1);
  return out;
}

export function findNode(tree: NavNode[], key: string): FlatNode | undefined {
  return flatten(tree).find((entry) => entry.node.key === key);
}

/** Item kinds that can be reordered among their siblings. */
export const MOVABLE_KINDS: ReadonlySet<NavKind> = new Set(['section', 'principle', 'bearing', 'perspective', 'focusArea', 'actionPlan', 'initiative']);
