// The differences between two strategies (interchange format): every item (free section, principle,
// pejlemærke, perspective, focus area, goal, action plan, initiative, owner) matched by its id, as
// added, removed, moved (to another parent, or to another place among its siblings), renamed, with
// its plain fields that changed and its rich text diffed word by word; the cover's fields, the
// labels and the vision's text; and a count per kind. Pure and synchronous: the app's compare view,
// the CLI and the Word redline all read the same answer. Rich text: ./rich-diff.ts; the sequence diff
// under both: ./sequence.ts; the counts in words: ./summary.ts (no index module: import each directly).
import type { Labels, Meta, Rich, StrategyFile } from '../format/schema';
import { diffRich, sameRich, type RichDiff } from './rich-diff';
import { mergeByKey } from './sequence';

export const COMPARE_KINDS = ['section', 'principle', 'bearing', 'perspective', 'focusArea', 'goal', 'plan', 'initiative', 'owner'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

export interface FieldChange {
  key: string;
  old: unknown;
  new: unknown;
}

export interface TextChange {
  key: string;
  diff: RichDiff;
}

export interface ItemChange {
  kind: CompareKind;
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** The item's title (a goal's text, an owner's name) on each side that has it. */
  title: { old?: string; new?: string };
  renamed: boolean;
  /** Set when the item is on both sides but its parent or its place among its siblings differs. */
  moved?: { oldParent: string; newParent: string; parentChanged: boolean };
  /** Plain fields whose values differ (values as in the files: ids, enums, numbers, objects). */
  fields: FieldChange[];
  /** Rich-text fields whose text differs. */
  texts: TextChange[];
}

export interface KindCount {
  kind: CompareKind;
  added: number;
  removed: number;
  /** Renamed, a field or a text changed (moves are counted apart). */
  changed: number;
  moved: number;
}

export interface CompareSummary {
  /** One entry per kind with any difference, in the order of COMPARE_KINDS. */
  kinds: KindCount[];
  /** Cover fields (meta) that differ. */
  meta: number;
  /** The vision's statement and body, when they differ. */
  vision: number;
  labels: number;
  /** Words inserted and deleted over all rich texts (whole added or removed items included). */
  insertedWords: number;
  deletedWords: number;
  /** True when the two strategies hold no difference at all. */
  identical: boolean;
}

export interface StrategyComparison {
  /**
   * Every item that differs (an unchanged item is left out): the new strategy's in its document order,
   * then the removed ones in the old strategy's order.
   */
  items: ItemChange[];
  meta: FieldChange[];
  labels: FieldChange[];
  /** `statement` and `body` of the vision. */
  vision: TextChange[];
  summary: CompareSummary;
}

/** Parent of the items that hang off the strategy itself (perspectives, plans), or of the vision's. */
export const ROOT_PARENT = 'strategy';
export const VISION_PARENT = 'vision';
export const OWNERS_ROOT = 'owners';

interface KindSpec {
  /** The key holding the item's title. */
  title: string;
  /** Rich-text keys. */
  rich: readonly string[];
  /** Keys of child lists, compared as items of their own. */
  children: readonly string[];
  /** Whether the order among siblings counts (owners are a register, their order shows nowhere). */
  ordered: boolean;
}

const SPECS: Record<CompareKind, KindSpec & { skip?: ReadonlySet<string> }> = {
  section: { title: 'title', rich: ['body'], children: [], ordered: true },
  principle: { title: 'title', rich: ['body'], children: [], ordered: true },
  bearing: { title: 'title', rich: ['body'], children: [], ordered: true },
  perspective: { title: 'title', rich: ['intro'], children: ['principles', 'focusAreas'], ordered: true },
  focusArea: { title: 'title', rich: ['body'], children: ['goals'], ordered: true },
  goal: { title: 'text', rich: [], children: [], ordered: true },
  plan: { title: 'title', rich: ['intro'], children: ['initiatives'], ordered: true },
  initiative: { title: 'title', rich: ['description'], children: [], ordered: true },
  owner: { title: 'name', rich: [], children: [], ordered: false },
};

type Item = { id: string } & Record<string, unknown>;

interface Entry {
  kind: CompareKind;
  item: Item;
  parent: string;
}

/** The items of one side, in document order, and the ordered ids under each parent. */
interface Side {
  entries: Map<string, Entry>;
  order: string[];
  children: Map<string, string[]>;
}

const keyOf = (kind: CompareKind, id: string) => `${kind}:${id}`;

function collect(strategy: StrategyFile): Side {
  const side: Side = { entries: new Map(), order: [], children: new Map() };
  const add = (kind: CompareKind, item: { id: string }, parent: string) => {
    const key = keyOf(kind, item.id);
    // A duplicate id is invalid input; the first one wins rather than the comparison failing.
    if (side.entries.has(key)) return;
    side.entries.set(key, { kind, item: item as Item, parent });
    side.order.push(key);
    const siblings = side.children.get(`${kind}@${parent}`);
    if (siblings) siblings.push(item.id);
    else side.children.set(`${kind}@${parent}`, [item.id]);
  };
  for (const section of strategy.sections ?? []) add('section', section, `placement:${section.placement ?? 'end'}`);
  for (const principle of strategy.vision.principles ?? []) add('principle', principle, VISION_PARENT);
  for (const bearing of strategy.vision.bearings ?? []) add('bearing', bearing, VISION_PARENT);
  for (const perspective of strategy.perspectives) {
    add('perspective', perspective, ROOT_PARENT);
    for (const principle of perspective.principles ?? []) add('principle', principle, perspective.id);
    for (const focusArea of perspective.focusAreas) {
      add('focusArea', focusArea, perspective.id);
      for (const goal of focusArea.goals ?? []) add('goal', goal, focusArea.id);
    }
  }
  for (const plan of strategy.actionPlans ?? []) {
    add('plan', plan, ROOT_PARENT);
    for (const initiative of plan.initiatives) add('initiative', initiative, plan.id);
  }
  for (const owner of strategy.owners ?? []) add('owner', owner, owner.parentId ?? OWNERS_ROOT);
  return side;
}

/** JSON with object keys sorted, so two equal values give one string whatever order their keys came in. */
export function stableJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`).join(',')}}`;
}

/** The keys that are not plain fields of a kind: its id, title, rich texts, child lists, and what makes its parent. */
function skipOf(kind: CompareKind): ReadonlySet<string> {
  const spec = SPECS[kind];
  spec.skip ??= new Set(['id', spec.title, ...spec.rich, ...spec.children, ...(kind === 'owner' ? ['parentId'] : []), ...(kind === 'section' ? ['placement'] : [])]);
  return spec.skip;
}

function fieldChanges(oldItem: Record<string, unknown>, newItem: Record<string, unknown>, skip: ReadonlySet<string>): FieldChange[] {
  const keys = new Set([...Object.keys(oldItem), ...Object.keys(newItem)]);
  const out: FieldChange[] = [];
  for (const key of keys) {
    if (skip.has(key)) continue;
    const a = oldItem[key];
    const b = newItem[key];
    if (a === b) continue;
    if (typeof a !== 'object' || typeof b !== 'object' || stableJson(a) !== stableJson(b)) out.push({ key, old: a, new: b });
  }
  return out;
}

function textChanges(oldItem: Record<string, unknown>, newItem: Record<string, unknown>, keys: readonly string[]): TextChange[] {
  const out: TextChange[] = [];
  for (const key of keys) {
    const a = oldItem[key] as Rich | undefined;
    const b = newItem[key] as Rich | undefined;
    if (!sameRich(a, b)) out.push({ key, diff: diffRich(a, b) });
  }
  return out;
}

/** Ids under one parent that kept their parent but not their place among the siblings both sides share. */
function orderMoves(oldSide: Side, newSide: Side): Set<string> {
  const moved = new Set<string>();
  for (const [group, newIds] of newSide.children) {
    const kind = group.slice(0, group.indexOf('@')) as CompareKind;
    if (!SPECS[kind].ordered) continue;
    const oldIds = oldSide.children.get(group);
    if (!oldIds) continue;
    const inOld = new Set(oldIds);
    const inNew = new Set(newIds);
    const merged = mergeByKey(
      oldIds.filter((id) => inNew.has(id)),
      newIds.filter((id) => inOld.has(id)),
      (id) => id,
    );
    for (const entry of merged) if (entry.in !== 'both') moved.add(keyOf(kind, entry.in === 'old' ? entry.old : entry.new));
  }
  return moved;
}

function wordsOf(rich: unknown): RichDiff | undefined {
  if (rich === undefined || (typeof rich === 'string' && rich.trim() === '')) return undefined;
  return diffRich(undefined, rich as Rich);
}

export function compareStrategies(oldStrategy: StrategyFile, newStrategy: StrategyFile): StrategyComparison {
  const oldSide = collect(oldStrategy);
  const newSide = collect(newStrategy);
  const moves = orderMoves(oldSide, newSide);
  const items: ItemChange[] = [];
  let insertedWords = 0;
  let deletedWords = 0;

  for (const key of newSide.order) {
    const now = newSide.entries.get(key)!;
    const before = oldSide.entries.get(key);
    const spec = SPECS[now.kind];
    const newTitle = String(now.item[spec.title] ?? '');
    if (!before) {
      for (const richKey of spec.rich) insertedWords += wordsOf(now.item[richKey])?.insertedWords ?? 0;
      items.push({ kind: now.kind, id: now.item.id, change: 'added', title: { new: newTitle }, renamed: false, fields: [], texts: [] });
      continue;
    }
    const skip = skipOf(now.kind);
    const oldTitle = String(before.item[spec.title] ?? '');
    const fields = fieldChanges(before.item, now.item, skip);
    const texts = textChanges(before.item, now.item, spec.rich);
    for (const text of texts) {
      insertedWords += text.diff.insertedWords;
      deletedWords += text.diff.deletedWords;
    }
    const parentChanged = before.parent !== now.parent;
    const moved = parentChanged || moves.has(key);
    const renamed = oldTitle !== newTitle;
    if (!moved && !renamed && fields.length === 0 && texts.length === 0) continue;
    items.push({
      kind: now.kind,
      id: now.item.id,
      change: 'changed',
      title: { old: oldTitle, new: newTitle },
      renamed,
      ...(moved ? { moved: { oldParent: before.parent, newParent: now.parent, parentChanged } } : {}),
      fields,
      texts,
    });
  }
  for (const key of oldSide.order) {
    if (newSide.entries.has(key)) continue;
    const before = oldSide.entries.get(key)!;
    const spec = SPECS[before.kind];
    for (const richKey of spec.rich) deletedWords += wordsOf(before.item[richKey])?.insertedWords ?? 0;
    items.push({ kind: before.kind, id: before.item.id, change: 'removed', title: { old: String(before.item[spec.title] ?? '') }, renamed: false, fields: [], texts: [] });
  }

  const meta = fieldChanges(oldStrategy.meta as Meta & Record<string, unknown>, newStrategy.meta as Meta & Record<string, unknown>, new Set());
  const labels = fieldChanges((oldStrategy.labels ?? {}) as Labels & Record<string, unknown>, (newStrategy.labels ?? {}) as Labels & Record<string, unknown>, new Set());
  const vision = textChanges(oldStrategy.vision, newStrategy.vision, ['statement', 'body']);
  for (const text of vision) {
    insertedWords += text.diff.insertedWords;
    deletedWords += text.diff.deletedWords;
  }

  const counts = new Map<CompareKind, KindCount>();
  for (const item of items) {
    let count = counts.get(item.kind);
    if (!count) {
      count = { kind: item.kind, added: 0, removed: 0, changed: 0, moved: 0 };
      counts.set(item.kind, count);
    }
    if (item.change === 'added') count.added++;
    else if (item.change === 'removed') count.removed++;
    else {
      if (item.renamed || item.fields.length > 0 || item.texts.length > 0) count.changed++;
      if (item.moved) count.moved++;
    }
  }
  const kinds = COMPARE_KINDS.flatMap((kind) => (counts.has(kind) ? [counts.get(kind)!] : []));
  return {
    items,
    meta,
    labels,
    vision,
    summary: {
      kinds,
      meta: meta.length,
      vision: vision.length,
      labels: labels.length,
      insertedWords,
      deletedWords,
      identical: items.length === 0 && meta.length === 0 && labels.length === 0 && vision.length === 0,
    },
  };
}

const indexes = new WeakMap<StrategyComparison, Map<string, ItemChange>>();

/** The change of one item (undefined when it is the same on both sides, or on neither). */
export function changeOf(comparison: StrategyComparison, kind: CompareKind, id: string): ItemChange | undefined {
  let index = indexes.get(comparison);
  if (!index) {
    index = new Map(comparison.items.map((item) => [keyOf(item.kind, item.id), item]));
    indexes.set(comparison, index);
  }
  return index.get(keyOf(kind, id));
}
