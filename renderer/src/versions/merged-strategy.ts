// The document a comparison shows: the newer strategy with what the older one had and the newer lacks put
// back in its old place (removed items, deleted text), every changed rich text replaced by the compared text
// of shared/compare (the new text with the old text's deleted parts kept in place), and the marks that say
// which is which. The comparison itself is shared/compare's (the same one the Word redline uses); this only
// lays it out for the editor, the navigator and the plan tables.
import type { Rich, StatusUpdate, StrategyFile } from '../../../shared/format/schema';
import { compareStrategies, type CompareKind, type StrategyComparison } from '../../../shared/compare/compare';
import { diffRich, type DiffNode } from '../../../shared/compare/rich-diff';
import { VISION_ID, type ItemKind, type RichField, type StrategyModel } from '../../../shared/model';
import { richSchema } from '../../../shared/richtext/schema';
import type { CompareMarks, ItemMark, TextMark } from '../session/compare-marks';

type Item = { id: string } & Record<string, unknown>;
type Container = Record<string, unknown>;

interface ListSpec {
  kind: CompareKind;
  key: string;
  rich?: string;
  children?: ListSpec[];
}

const GOALS: ListSpec = { kind: 'goal', key: 'goals' };
const FOCUS_AREAS: ListSpec = { kind: 'focusArea', key: 'focusAreas', rich: 'body', children: [GOALS] };
const PERSPECTIVE_PRINCIPLES: ListSpec = { kind: 'principle', key: 'principles', rich: 'body' };
const ROOT_LISTS: ListSpec[] = [
  { kind: 'section', key: 'sections', rich: 'body' },
  { kind: 'perspective', key: 'perspectives', rich: 'intro', children: [PERSPECTIVE_PRINCIPLES, FOCUS_AREAS] },
  { kind: 'plan', key: 'actionPlans', rich: 'intro', children: [{ kind: 'initiative', key: 'initiatives', rich: 'description' }] },
  { kind: 'owner', key: 'owners' },
];
const VISION_LISTS: ListSpec[] = [
  { kind: 'principle', key: 'principles', rich: 'body' },
  { kind: 'bearing', key: 'bearings', rich: 'body' },
];

export interface MergedComparison {
  file: StrategyFile;
  marks: CompareMarks;
  comparison: StrategyComparison;
}

/** Strips the compare flags: the merged text as ProseMirror JSON of the editor schema. */
function plainDoc(node: DiffNode): Rich {
  const strip = (n: DiffNode): Record<string, unknown> => {
    const { change: _change, content, ...rest } = n;
    return content ? { ...rest, content: content.map(strip) } : rest;
  };
  return strip(node) as Rich;
}

/** The ranges of inserted and deleted content, in ProseMirror positions of the merged document. */
export function textMarks(doc: DiffNode): TextMark[] {
  const out: TextMark[] = [];
  const walk = (node: DiffNode, pos: number): number => {
    let size: number;
    if (node.type === 'text') size = (node.text ?? '').length;
    else if (richSchema.nodes[node.type]?.isLeaf) size = 1;
    else {
      let inner = pos + 1;
      for (const child of node.content ?? []) inner = walk(child, inner);
      size = inner + 1 - pos;
    }
    if (node.change) out.push({ from: pos, to: pos + size, change: node.change, block: node.type !== 'text' && !!richSchema.nodes[node.type]?.isBlock });
    return pos + size;
  };
  let pos = 0;
  for (const child of doc.content ?? []) pos = walk(child, pos);
  return out;
}

function shallowTree(container: Container, specs: ListSpec[]): Container {
  const out: Container = { ...container };
  for (const spec of specs) {
    const list = container[spec.key];
    if (!Array.isArray(list)) continue;
    out[spec.key] = (list as Item[]).map((item) => (spec.children ? (shallowTree(item, spec.children) as Item) : { ...item }));
  }
  return out;
}

export function mergeComparison(oldFile: StrategyFile, newFile: StrategyFile): MergedComparison {
  const comparison = compareStrategies(oldFile, newFile);
  // A shallow copy of every list and item (the rich values are shared, never changed: a changed text gets a new
  // value). Measured on the large strategy's file: 0.2–0.7 ms against 3–5 ms for structuredClone.
  const file = shallowTree(newFile as unknown as Container, ROOT_LISTS) as unknown as StrategyFile;
  (file as unknown as Container).vision = shallowTree(newFile.vision as unknown as Container, VISION_LISTS);
  const items = new Map<string, ItemMark>();
  const texts = new Map<string, TextMark[]>();
  const removed = new Set<string>();
  const changes = new Map<string, StrategyComparison['items'][number]>();
  for (const change of comparison.items) {
    changes.set(`${change.kind}:${change.id}`, change);
    if (change.change === 'removed') removed.add(`${change.kind}:${change.id}`);
    items.set(change.id, {
      change: change.change,
      renamed: change.renamed,
      moved: !!change.moved,
      fields: new Set(change.fields.map((f) => f.key)),
      text: change.texts.length > 0,
    });
  }

  const setText = (target: Container, id: string, key: string, diff: DiffNode) => {
    target[key] = plainDoc(diff);
    const marks = textMarks(diff);
    if (marks.length > 0) texts.set(`${id}:${key}`, marks);
  };

  // Items of the newer side: their changed texts compared, added items' texts all inserted.
  const byId = new Map<string, Item>();
  const index = (container: Container, specs: ListSpec[]) => {
    for (const spec of specs) {
      for (const item of (container[spec.key] as Item[] | undefined) ?? []) {
        byId.set(`${spec.kind}:${item.id}`, item);
        const change = changes.get(`${spec.kind}:${item.id}`);
        if (change?.change === 'changed') for (const text of change.texts) setText(item, item.id, text.key, text.diff.doc);
        if (change?.change === 'added' && spec.rich && item[spec.rich] !== undefined) setText(item, item.id, spec.rich, diffRich(undefined, item[spec.rich] as Rich).doc);
        if (spec.children) index(item, spec.children);
      }
    }
  };
  index(file as unknown as Container, ROOT_LISTS);
  index(file.vision as unknown as Container, VISION_LISTS);
  for (const text of comparison.vision) setText(file.vision as unknown as Container, VISION_ID, text.key, text.diff.doc);

  // A removed item, with only those of its children that are gone too (the others live on elsewhere).
  const removedCopy = (spec: ListSpec, item: Item): Item => {
    const copy: Item = { ...item };
    if (spec.rich && item[spec.rich] !== undefined) setText(copy, item.id, spec.rich, diffRich(item[spec.rich] as Rich, undefined).doc);
    for (const child of spec.children ?? []) {
      const list = ((item[child.key] as Item[] | undefined) ?? []).filter((c) => removed.has(`${child.kind}:${c.id}`));
      copy[child.key] = list.map((c) => removedCopy(child, c));
    }
    return copy;
  };

  // Removed items go back after the sibling that preceded them on the older side (first when none did).
  const putBack = (oldContainer: Container, target: Container, specs: ListSpec[]) => {
    for (const spec of specs) {
      const oldList = (oldContainer[spec.key] as Item[] | undefined) ?? [];
      if (oldList.length === 0) continue;
      const list = [...((target[spec.key] as Item[] | undefined) ?? [])];
      let anchor = -1;
      for (const old of oldList) {
        if (removed.has(`${spec.kind}:${old.id}`)) {
          list.splice(anchor + 1, 0, removedCopy(spec, old));
          anchor++;
          continue;
        }
        const here = list.findIndex((x) => x.id === old.id);
        if (here >= 0) anchor = here;
        const kept = byId.get(`${spec.kind}:${old.id}`);
        if (kept && spec.children) putBack(old, kept, spec.children);
      }
      target[spec.key] = list;
    }
  };
  putBack(oldFile as unknown as Container, file as unknown as Container, ROOT_LISTS);
  putBack(oldFile.vision as unknown as Container, file.vision as unknown as Container, VISION_LISTS);
  return { file, marks: { items, texts }, comparison };
}

type Added = { kind: ItemKind; input: Record<string, unknown>; index: number; statusUpdates?: StatusUpdate[] };

/**
 * Turns a document holding the newer strategy into the comparison's document through the model API: the removed
 * items added back in their old places, the changed rich texts replaced by the compared ones. Cheaper than
 * importing the merged file into a new document: only what differs is written (large strategy: ~60 ms against
 * ~1.4 s for the import, measured in bench/scenarios/versions-compare.ts's setting).
 */
export function applyMergedComparison(model: StrategyModel, merged: MergedComparison): void {
  const { file, marks } = merged;
  const isRemoved = (id: string) => marks.items.get(id)?.change === 'removed';
  const adds: Added[] = [];
  const richOf = new Map<string, Rich | undefined>();
  const visit = (kind: ItemKind, list: Item[] | undefined, input: (item: Item) => Record<string, unknown>, rich: string | undefined, children?: (item: Item) => void) => {
    (list ?? []).forEach((item, index) => {
      if (rich) richOf.set(`${item.id}:${rich}`, item[rich] as Rich | undefined);
      if (isRemoved(item.id)) {
        const entry: Added = { kind, input: input(item), index };
        if (kind === 'initiative' && Array.isArray(item.statusUpdates)) entry.statusUpdates = item.statusUpdates as StatusUpdate[];
        adds.push(entry);
      }
      children?.(item);
    });
  };
  const pick = (item: Item, keys: string[], extra: Record<string, unknown> = {}) => {
    const out: Record<string, unknown> = { ...extra };
    for (const key of keys) if (item[key] !== undefined) out[key] = item[key];
    return out;
  };
  const f = file as unknown as Record<string, Item[] | undefined>;
  visit('section', f.sections, (s) => pick(s, ['id', 'title', 'body', 'placement', 'unnumbered']), 'body');
  const vision = file.vision as unknown as Record<string, Item[] | undefined>;
  visit('principle', vision.principles, (p) => pick(p, ['id', 'title', 'body'], { parentId: VISION_ID }), 'body');
  visit('bearing', vision.bearings, (b) => pick(b, ['id', 'title', 'body']), 'body');
  visit('perspective', f.perspectives, (p) => pick(p, ['id', 'title', 'hidden', 'intro']), 'intro', (p) => {
    visit('principle', p.principles as Item[] | undefined, (x) => pick(x, ['id', 'title', 'body'], { parentId: p.id }), 'body');
    visit('focusArea', p.focusAreas as Item[] | undefined, (fa) => pick(fa, ['id', 'title', 'body'], { perspectiveId: p.id }), 'body', (fa) => {
      visit('goal', fa.goals as Item[] | undefined, (g) => pick(g, ['id', 'text'], { focusAreaId: fa.id }), undefined);
    });
  });
  visit('owner', f.owners, (o) => pick(o, ['id', 'name', 'kind', 'parentId', 'email']), undefined);
  visit('actionPlan', f.actionPlans, (p) => pick(p, ['id', 'title', 'kind', 'period', 'ownerId', 'parentPlanId', 'intro']), 'intro', (p) => {
    visit('initiative', p.initiatives as Item[] | undefined, (i) => {
      const { statusUpdates: _history, ...rest } = i;
      return { ...rest, planId: p.id };
    }, 'description');
  });

  model.doc.transact(() => {
    for (const add of adds) {
      model.add(add.kind, add.input as never, { index: add.index });
      for (const update of add.statusUpdates ?? []) model.addStatusUpdate(String(add.input.id), update);
    }
    for (const key of marks.texts.keys()) {
      const at = key.lastIndexOf(':');
      const id = key.slice(0, at);
      const field = key.slice(at + 1) as RichField;
      const mark = marks.items.get(id);
      if (mark && mark.change !== 'changed') continue; // added: its text is already there; removed: added with it
      const rich = id === VISION_ID ? (file.vision as unknown as Record<string, Rich | undefined>)[field] : richOf.get(key);
      model.setRich(id, field, rich ?? null);
    }
  }, COMPARE_ORIGIN);
}

/** Origin of the writes that make a comparison's document (never undone, never sent). */
const COMPARE_ORIGIN = 'pejling:compare';
