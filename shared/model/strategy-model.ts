// The typed model API over one strategy's Y.Doc (layout: ./layout.ts). Reads return plain views
// in order; every mutation is one `doc.transact(fn, origin)`.
//
// Concurrency notes:
// - Items are keyed by id; position is the `order` key and (for children) the `parent` field, so
//   concurrent moves of one item by two replicas leave exactly one copy (last writer wins per field).
// - Deleting a parent deletes its children as this replica sees them. A child another replica
//   adds or moves into that parent at the same time is not lost: it is read as a child of a
//   stand-in container (RECOVERED_* ids, `virtual: true`) until someone moves it.
import * as Y from 'yjs';
import type { Labels, Meta, Rich, StatusUpdate } from '../format/schema';
import { isEmptyDoc, proseMirrorToRich, richToProseMirror } from '../richtext/rich';
import {
  LABELS_ID,
  LOCAL_ORIGIN,
  META_ID,
  RECOVERED_FOCUS_AREA_ID,
  RECOVERED_PERSPECTIVE_ID,
  RECOVERED_PLAN_ID,
  VISION_ID,
} from './model-constants';
import { isValidKey, keyBetween } from './fractional-index';
import {
  COLLECTIONS,
  INITIATIVE_ID_LISTS,
  ITEM_KINDS,
  LABEL_KEYS,
  META_OPTIONAL,
  META_TEXT_KEYS,
  ORDER,
  PARENT,
  STATUS_UPDATES,
  collection,
  labelsMap,
  metaMap,
  readIdList,
  rootTypes,
  visionFragment,
  writeIdList,
  type ItemMap,
} from './layout';
import type {
  ActionPlanData,
  ActionPlanInput,
  ActionPlanPatch,
  DanglingReference,
  FocusAreaData,
  FocusAreaInput,
  FocusAreaPatch,
  GoalData,
  GoalInput,
  GoalPatch,
  InitiativeData,
  InitiativeInput,
  InitiativePatch,
  InitiativeRefField,
  ItemKind,
  MoveTarget,
  OwnerData,
  OwnerInput,
  OwnerPatch,
  Patch,
  PerspectiveData,
  PerspectiveInput,
  PerspectivePatch,
  RichField,
  SectionData,
  SectionInput,
  SectionPatch,
  StatementData,
  StatementInput,
  StatementPatch,
} from './types';
import { clearFragment, emptyDoc, readFragment, writeFragment } from './yfragment';
import { readText, writeText } from './text-fields';
import { TextFieldHandle } from './text-binding';

export interface StrategyModelOptions {
  /** Transaction origin of mutations (default LOCAL_ORIGIN). Each method also takes an origin. */
  origin?: unknown;
  /** Random source for ids and order keys (tests pass a seeded one). */
  random?: () => number;
}

/** Titles of the stand-in containers (Danish UI text). */
export const RECOVERED_TITLES = {
  perspective: 'Indsatsområder uden perspektiv',
  focusArea: 'Målsætninger uden indsatsområde',
  actionPlan: 'Initiativer uden handlingsplan',
} as const;

/** Kinds of the stand-in containers, which are not stored items. */
const RECOVERED_KINDS: Record<string, ItemKind> = {
  [RECOVERED_PERSPECTIVE_ID]: 'perspective',
  [RECOVERED_FOCUS_AREA_ID]: 'focusArea',
  [RECOVERED_PLAN_ID]: 'actionPlan',
};

interface Entry {
  id: string;
  item: ItemMap;
  order: string;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A string field; typed text fields read the same whether stored as Y.Text or (schema 1) as a plain string. */
function str(item: Y.Map<unknown>, key: string): string | undefined {
  return readText(item, key);
}

function num(item: Y.Map<unknown>, key: string): number | undefined {
  const v = item.get(key);
  return typeof v === 'number' ? v : undefined;
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sets `key` to `value`, or deletes it for undefined/null. */
function setOrDelete(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined || value === null) {
    if (map.has(key)) map.delete(key);
  } else if (map.get(key) !== value) {
    map.set(key, value);
  }
}

export class StrategyModel {
  private readonly origin: unknown;
  private readonly random: () => number;

  constructor(
    readonly doc: Y.Doc,
    options: StrategyModelOptions = {},
  ) {
    this.origin = options.origin ?? LOCAL_ORIGIN;
    this.random = options.random ?? Math.random;
  }

  // ---- transactions, ids, order -----------------------------------------------------------------

  private tx<T>(origin: unknown, fn: () => T): T {
    let result: T | undefined;
    this.doc.transact(() => {
      result = fn();
    }, origin ?? this.origin);
    return result as T;
  }

  private newId(kind: ItemKind): string {
    for (;;) {
      let id = `${COLLECTIONS[kind].idPrefix}-`;
      for (let i = 0; i < 8; i++) id += ID_ALPHABET[Math.floor(this.random() * ID_ALPHABET.length) % ID_ALPHABET.length];
      if (this.kindOf(id) === undefined) return id;
    }
  }

  private claimId(kind: ItemKind, id: string | undefined): string {
    if (id === undefined) return this.newId(kind);
    if (id === '' || id === VISION_ID) throw new Error(`"${id}" cannot be used as an id`);
    const existing = this.kindOf(id);
    if (existing) throw new Error(`id "${id}" is already used by a ${existing}`);
    return id;
  }

  private item(kind: ItemKind, id: string): ItemMap {
    const item = collection(this.doc, kind).get(id);
    if (!(item instanceof Y.Map)) throw new Error(`no ${kind} with id "${id}"`);
    return item;
  }

  private entries(kind: ItemKind): Entry[] {
    const out: Entry[] = [];
    collection(this.doc, kind).forEach((item, id) => {
      if (!(item instanceof Y.Map)) return; // not written by this model: ignore
      const order = item.get(ORDER);
      out.push({ id, item, order: typeof order === 'string' && isValidKey(order) ? order : '' });
    });
    return out;
  }

  /** The parent an item is read under: its stored parent, or a stand-in when that is gone. */
  private effectiveParent(kind: ItemKind, item: ItemMap): string | undefined {
    const parent = str(item, PARENT);
    switch (kind) {
      case 'principle':
        return parent !== undefined && collection(this.doc, 'perspective').has(parent) ? parent : VISION_ID;
      case 'bearing':
        return VISION_ID;
      case 'focusArea':
        return parent !== undefined && collection(this.doc, 'perspective').has(parent) ? parent : RECOVERED_PERSPECTIVE_ID;
      case 'goal':
        return parent !== undefined && collection(this.doc, 'focusArea').has(parent) ? parent : RECOVERED_FOCUS_AREA_ID;
      case 'initiative':
        return parent !== undefined && collection(this.doc, 'actionPlan').has(parent) ? parent : RECOVERED_PLAN_ID;
      default:
        return undefined;
    }
  }

  /** Items of a kind under one (effective) parent, or all of a flat kind, in order. */
  private siblings(kind: ItemKind, parentId?: string): Entry[] {
    const all = this.entries(kind);
    const list = parentId === undefined ? all : all.filter((e) => this.effectiveParent(kind, e.item) === parentId);
    return list.sort(compareEntries);
  }

  private isParented(kind: ItemKind): boolean {
    return kind === 'principle' || kind === 'bearing' || COLLECTIONS[kind].parentKind !== undefined;
  }

  private checkParent(kind: ItemKind, parentId: string): void {
    const ok = (() => {
      switch (kind) {
        case 'principle':
          return parentId === VISION_ID || collection(this.doc, 'perspective').has(parentId);
        case 'bearing':
          return parentId === VISION_ID;
        case 'focusArea':
          return parentId === RECOVERED_PERSPECTIVE_ID || collection(this.doc, 'perspective').has(parentId);
        case 'goal':
          return parentId === RECOVERED_FOCUS_AREA_ID || collection(this.doc, 'focusArea').has(parentId);
        case 'initiative':
          return parentId === RECOVERED_PLAN_ID || collection(this.doc, 'actionPlan').has(parentId);
        default:
          return false;
      }
    })();
    if (!ok) {
      const parentKind = kind === 'principle' || kind === 'bearing' ? 'perspective (or the vision)' : COLLECTIONS[kind].parentKind;
      throw new Error(`cannot put a ${kind} under "${parentId}": no such ${parentKind}`);
    }
  }

  /** An order key for a position among `siblings` (which exclude the item being placed). */
  private orderKeyAt(siblings: Entry[], at: MoveTarget | undefined, kind: ItemKind): string {
    let index = siblings.length;
    if (at?.before !== undefined) {
      index = siblings.findIndex((e) => e.id === at.before);
      if (index < 0) throw new Error(`cannot place before "${at.before}": it is not a ${kind} at that place`);
    } else if (at?.after !== undefined) {
      const i = siblings.findIndex((e) => e.id === at.after);
      if (i < 0) throw new Error(`cannot place after "${at.after}": it is not a ${kind} at that place`);
      index = i + 1;
    } else if (at?.index !== undefined) {
      index = Math.max(0, Math.min(siblings.length, Math.floor(at.index)));
    }
    const prev = siblings[index - 1]?.order || null;
    let next = siblings[index]?.order || null;
    // Equal keys (a tie two replicas made) leave no room between: go after the tie.
    if (prev !== null && next !== null && !(prev < next)) {
      next = siblings.slice(index).find((e) => e.order > prev)?.order ?? null;
    }
    return keyBetween(prev, next, this.random);
  }

  /** The parent for placing an item: explicit, else that of before/after, else `fallback`. */
  private targetParent(kind: ItemKind, at: MoveTarget | undefined, fallback: string | undefined): string | undefined {
    if (!this.isParented(kind)) return undefined;
    if (kind === 'bearing') return VISION_ID;
    if (at?.parentId !== undefined) return at.parentId;
    const neighbour = at?.before ?? at?.after;
    if (neighbour !== undefined) {
      const item = collection(this.doc, kind).get(neighbour);
      if (item) return this.effectiveParent(kind, item);
    }
    return fallback;
  }

  private createItem(
    kind: ItemKind,
    id: string,
    parent: string | undefined,
    at: MoveTarget | undefined,
    fields: Record<string, unknown>,
    rich?: Rich,
  ): ItemMap {
    const order = this.orderKeyAt(this.siblings(kind, parent), at, kind);
    const item = new Y.Map<unknown>();
    collection(this.doc, kind).set(id, item);
    item.set(ORDER, order);
    if (parent !== undefined && kind !== 'bearing') item.set(PARENT, parent);
    const textKeys = COLLECTIONS[kind].text;
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined || value === null) continue;
      item.set(key, textKeys.includes(key) ? new Y.Text(String(value)) : value);
    }
    const richSpec = COLLECTIONS[kind].rich;
    if (richSpec) {
      const fragment = new Y.XmlFragment();
      item.set(richSpec.field, fragment);
      writeFragment(fragment, rich === undefined ? emptyDoc() : richToProseMirror(rich));
    }
    return item;
  }

  private moveItem(kind: ItemKind, id: string, to: MoveTarget, origin: unknown): void {
    const item = this.item(kind, id);
    const current = this.effectiveParent(kind, item);
    const parent = this.targetParent(kind, to, current);
    if (parent !== undefined) this.checkParent(kind, parent);
    const all = this.siblings(kind, parent);
    const others = all.filter((e) => e.id !== id);
    // Nothing to do when the item already sits there (avoids churn in the document).
    if (parent === current && (to.before === id || to.after === id)) return;
    if (parent === current) {
      const currentIndex = all.findIndex((e) => e.id === id);
      const wanted =
        to.before !== undefined
          ? others.findIndex((e) => e.id === to.before)
          : to.after !== undefined
            ? others.findIndex((e) => e.id === to.after) + 1
            : to.index !== undefined
              ? Math.max(0, Math.min(others.length, Math.floor(to.index)))
              : others.length;
      if (wanted === currentIndex) return;
    }
    const order = this.orderKeyAt(others, to, kind);
    this.tx(origin, () => {
      if (parent !== undefined && kind !== 'bearing' && str(item, PARENT) !== parent) item.set(PARENT, parent);
      item.set(ORDER, order);
    });
  }

  // ---- meta and labels ---------------------------------------------------------------------------

  getMeta(): Meta {
    const meta = metaMap(this.doc);
    const out: Meta = {
      title: str(meta, 'title') ?? '',
      organisation: str(meta, 'organisation') ?? '',
      period: { from: num(meta, 'periodFrom') ?? 0, to: num(meta, 'periodTo') ?? 0 },
    };
    for (const key of META_OPTIONAL) {
      const v = str(meta, key);
      if (v !== undefined) (out as Record<string, unknown>)[key] = v;
    }
    return out;
  }

  updateMeta(patch: Patch<Meta>, origin?: unknown): void {
    this.tx(origin, () => {
      const meta = metaMap(this.doc);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        if (key === 'title' || key === 'organisation') {
          if (typeof value !== 'string') throw new Error(`meta.${key} is required and must be a string`);
          writeText(meta, key, value);
        } else if (key === 'period') {
          if (value === null) throw new Error('meta.period is required');
          const period = value as Meta['period'];
          setOrDelete(meta, 'periodFrom', period.from);
          setOrDelete(meta, 'periodTo', period.to);
        } else if ((META_TEXT_KEYS as readonly string[]).includes(key)) {
          writeText(meta, key, value as string | null);
        } else if ((META_OPTIONAL as readonly string[]).includes(key)) {
          setOrDelete(meta, key, value);
        } else {
          throw new Error(`unknown meta field "${key}"`);
        }
      }
    });
  }

  getLabels(): Labels {
    const labels = labelsMap(this.doc);
    const out: Labels = {};
    for (const key of LABEL_KEYS) {
      const v = readText(labels, key);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }

  updateLabels(patch: Patch<Labels>, origin?: unknown): void {
    this.tx(origin, () => {
      for (const [key, value] of Object.entries(patch)) {
        if (!(LABEL_KEYS as readonly string[]).includes(key)) throw new Error(`unknown label "${key}"`);
        if (value !== undefined) writeText(labelsMap(this.doc), key, value);
      }
    });
  }

  /** Records the modification time shown in document lists (`readSummary`). */
  touch(iso: string = new Date().toISOString(), origin?: unknown): void {
    this.tx(origin, () => metaMap(this.doc).set('modified', iso));
  }

  // ---- typed text fields -----------------------------------------------------------------------

  private readonly textHandles = new Map<string, TextFieldHandle>();

  /**
   * A typed text field (an item's title, a goal's text, an owner's name, a meta field with META_ID,
   * a label with LABELS_ID) to bind an input to: its value, the user's edits as deltas, and the
   * changes from elsewhere. One handle per field and model.
   */
  textField(id: string, key: string): TextFieldHandle {
    const cacheKey = `${id}\u0000${key}`;
    const cached = this.textHandles.get(cacheKey);
    if (cached) return cached;
    let map: () => Y.Map<unknown> | undefined;
    let optional = id === LABELS_ID || (id === META_ID && key !== 'title' && key !== 'organisation');
    if (id === META_ID) {
      if (!(META_TEXT_KEYS as readonly string[]).includes(key)) throw new Error(`meta has no text field "${key}"`);
      map = () => metaMap(this.doc);
    } else if (id === LABELS_ID) {
      if (!(LABEL_KEYS as readonly string[]).includes(key)) throw new Error(`unknown label "${key}"`);
      map = () => labelsMap(this.doc);
    } else {
      const kind = this.kindOf(id);
      const standIn = RECOVERED_KINDS[id];
      if (!kind && standIn) {
        // A stand-in container is not stored: its title reads, and cannot be edited.
        const title = RECOVERED_TITLES[standIn as keyof typeof RECOVERED_TITLES];
        return new TextFieldHandle(this.doc, () => undefined, key, () => this.origin, false, key === 'title' ? title : '');
      }
      if (!kind) throw new Error(`no item with id "${id}"`);
      if (!COLLECTIONS[kind].text.includes(key)) throw new Error(`a ${kind} has no text field "${key}"`);
      optional = key === 'email' || key === 'businessCaseBenefit' || key === 'budgetSource';
      map = () => {
        const item = collection(this.doc, kind).get(id);
        return item instanceof Y.Map ? item : undefined;
      };
    }
    const handle = new TextFieldHandle(this.doc, map, key, () => this.origin, optional);
    this.textHandles.set(cacheKey, handle);
    return handle;
  }

  // ---- rich text ---------------------------------------------------------------------------------

  /**
   * The Y.XmlFragment holding a rich field, to bind an editor to with y-prosemirror's ySyncPlugin.
   * `VISION_ID` has 'statement' and 'body'; sections, principles, bearings and focus areas have
   * 'body'; perspectives and plans 'intro'; initiatives 'description'.
   */
  fragment(id: string, field: RichField): Y.XmlFragment {
    if (id === VISION_ID) {
      if (field !== 'statement' && field !== 'body') throw new Error(`the vision has no rich field "${field}"`);
      return visionFragment(this.doc, field);
    }
    const kind = this.kindOf(id);
    if (!kind) throw new Error(`no item with id "${id}"`);
    const spec = COLLECTIONS[kind].rich;
    if (!spec || spec.field !== field) throw new Error(`a ${kind} has no rich field "${field}"`);
    const fragment = this.item(kind, id).get(field);
    if (!(fragment instanceof Y.XmlFragment)) throw new Error(`${kind} "${id}" has no ${field} fragment`);
    return fragment;
  }

  private isRequiredRich(id: string, field: RichField): boolean {
    if (id === VISION_ID) return field === 'statement';
    const kind = this.kindOf(id);
    return kind !== undefined && COLLECTIONS[kind].rich?.required === true;
  }

  /** The field as interchange Rich (Markdown when exact, else ProseMirror JSON); undefined when an optional field is empty. */
  getRich(id: string, field: RichField): Rich | undefined {
    const doc = readFragment(this.fragment(id, field));
    if (isEmptyDoc(doc)) return this.isRequiredRich(id, field) ? '' : undefined;
    return proseMirrorToRich(doc);
  }

  /** Replaces the field's content (minimal diff); null empties it. Throws RichTextError for bad ProseMirror JSON. */
  setRich(id: string, field: RichField, rich: Rich | null, origin?: unknown): void {
    const fragment = this.fragment(id, field);
    const doc = rich === null ? null : richToProseMirror(rich);
    this.tx(origin, () => (doc === null ? clearFragment(fragment) : writeFragment(fragment, doc)));
  }

  // ---- generic -------------------------------------------------------------------------------------

  /** The kind of the item with this id, if it exists. */
  kindOf(id: string): ItemKind | undefined {
    return ITEM_KINDS.find((kind) => collection(this.doc, kind).has(id));
  }

  // ---- sections ------------------------------------------------------------------------------------

  private toSection(e: Entry): SectionData {
    const out: SectionData = { id: e.id, title: str(e.item, 'title') ?? '' };
    const placement = str(e.item, 'placement');
    if (placement !== undefined) out.placement = placement as SectionData['placement'];
    return out;
  }

  sections(): SectionData[] {
    return this.siblings('section').map((e) => this.toSection(e));
  }

  getSection(id: string): SectionData | undefined {
    const item = collection(this.doc, 'section').get(id);
    return item ? this.toSection({ id, item, order: '' }) : undefined;
  }

  addSection(input: SectionInput, at?: MoveTarget, origin?: unknown): string {
    return this.tx(origin, () => {
      const id = this.claimId('section', input.id);
      this.createItem('section', id, undefined, at, { title: input.title, placement: input.placement }, input.body);
      return id;
    });
  }

  updateSection(id: string, patch: SectionPatch, origin?: unknown): void {
    const item = this.item('section', id);
    this.tx(origin, () => {
      if (patch.title !== undefined) writeText(item, 'title', patch.title ?? '');
      if (patch.placement !== undefined) setOrDelete(item, 'placement', patch.placement);
    });
  }

  moveSection(id: string, to: MoveTarget, origin?: unknown): void {
    this.moveItem('section', id, to, origin);
  }

  deleteSection(id: string, origin?: unknown): void {
    this.item('section', id);
    this.tx(origin, () => this.deleteCascade('section', id));
  }

  // ---- principles and bearings -------------------------------------------------------------------

  private toStatement(kind: 'principle' | 'bearing', e: Entry): StatementData {
    return {
      id: e.id,
      kind,
      parentId: this.effectiveParent(kind, e.item) ?? VISION_ID,
      title: str(e.item, 'title') ?? '',
    };
  }

  /** Principles of the vision (default) or of a perspective. */
  principles(parentId: string = VISION_ID): StatementData[] {
    return this.siblings('principle', parentId).map((e) => this.toStatement('principle', e));
  }

  bearings(): StatementData[] {
    return this.siblings('bearing', VISION_ID).map((e) => this.toStatement('bearing', e));
  }

  getStatement(id: string): StatementData | undefined {
    for (const kind of ['principle', 'bearing'] as const) {
      const item = collection(this.doc, kind).get(id);
      if (item) return this.toStatement(kind, { id, item, order: '' });
    }
    return undefined;
  }

  /** A principle of the vision (parentId omitted or VISION_ID) or of a perspective. */
  addPrinciple(input: StatementInput & { parentId?: string }, at?: MoveTarget, origin?: unknown): string {
    const parent = input.parentId ?? VISION_ID;
    this.checkParent('principle', parent);
    return this.tx(origin, () => {
      const id = this.claimId('principle', input.id);
      this.createItem('principle', id, parent, at, { title: input.title }, input.body);
      return id;
    });
  }

  addBearing(input: StatementInput, at?: MoveTarget, origin?: unknown): string {
    return this.tx(origin, () => {
      const id = this.claimId('bearing', input.id);
      this.createItem('bearing', id, VISION_ID, at, { title: input.title }, input.body);
      return id;
    });
  }

  updateStatement(id: string, patch: StatementPatch, origin?: unknown): void {
    const kind = this.statementKind(id);
    const item = this.item(kind, id);
    this.tx(origin, () => {
      if (patch.title !== undefined) writeText(item, 'title', patch.title ?? '');
    });
  }

  private statementKind(id: string): 'principle' | 'bearing' {
    const kind = this.kindOf(id);
    if (kind !== 'principle' && kind !== 'bearing') throw new Error(`no principle or bearing with id "${id}"`);
    return kind;
  }

  /** Moves a principle; `parentId` VISION_ID or a perspective id moves it to another list. */
  movePrinciple(id: string, to: MoveTarget, origin?: unknown): void {
    this.moveItem('principle', id, to, origin);
  }

  moveBearing(id: string, to: MoveTarget, origin?: unknown): void {
    this.moveItem('bearing', id, to, origin);
  }

  deleteStatement(id: string, origin?: unknown): void {
    const kind = this.statementKind(id);
    this.tx(origin, () => this.deleteCascade(kind, id));
  }

  // ---- perspectives --------------------------------------------------------------------------------

  private toPerspective(e: Entry): PerspectiveData {
    return { id: e.id, title: str(e.item, 'title') ?? '', hidden: e.item.get('hidden') === true };
  }

  private needsVirtualFocusArea(): boolean {
    if (collection(this.doc, 'focusArea').has(RECOVERED_FOCUS_AREA_ID)) return false;
    return this.entries('goal').some((e) => this.effectiveParent('goal', e.item) === RECOVERED_FOCUS_AREA_ID);
  }

  private needsVirtualPerspective(): boolean {
    if (collection(this.doc, 'perspective').has(RECOVERED_PERSPECTIVE_ID)) return false;
    return (
      this.entries('focusArea').some((e) => this.effectiveParent('focusArea', e.item) === RECOVERED_PERSPECTIVE_ID) ||
      this.needsVirtualFocusArea()
    );
  }

  /** In order; ends with a `virtual` stand-in when focus areas lost their perspective concurrently. */
  perspectives(): PerspectiveData[] {
    const list = this.siblings('perspective').map((e) => this.toPerspective(e));
    if (this.needsVirtualPerspective()) {
      list.push({ id: RECOVERED_PERSPECTIVE_ID, title: RECOVERED_TITLES.perspective, hidden: false, virtual: true });
    }
    return list;
  }

  getPerspective(id: string): PerspectiveData | undefined {
    const item = collection(this.doc, 'perspective').get(id);
    if (item) return this.toPerspective({ id, item, order: '' });
    return this.perspectives().find((p) => p.id === id);
  }

  addPerspective(input: PerspectiveInput, at?: MoveTarget, origin?: unknown): string {
    return this.tx(origin, () => {
      const id = this.claimId('perspective', input.id);
      this.createItem('perspective', id, undefined, at, { title: input.title, hidden: input.hidden }, input.intro);
      return id;
    });
  }

  updatePerspective(id: string, patch: PerspectivePatch, origin?: unknown): void {
    const item = this.item('perspective', id);
    this.tx(origin, () => {
      if (patch.title !== undefined) writeText(item, 'title', patch.title ?? '');
      if (patch.hidden !== undefined) setOrDelete(item, 'hidden', patch.hidden);
    });
  }

  movePerspective(id: string, to: MoveTarget, origin?: unknown): void {
    this.moveItem('perspective', id, to, origin);
  }

  /** Deletes the perspective with its focus areas (and their goals) and principles. */
  deletePerspective(id: string, origin?: unknown): void {
    if (!collection(this.doc, 'perspective').has(id) && id !== RECOVERED_PERSPECTIVE_ID) throw new Error(`no perspective with id "${id}"`);
    this.tx(origin, () => this.deleteCascade('perspective', id));
  }

  // ---- focus areas --------------------------------------------------------------------------------

  private toFocusArea(e: Entry): FocusAreaData {
    return {
      id: e.id,
      perspectiveId: this.effectiveParent('focusArea', e.item) ?? RECOVERED_PERSPECTIVE_ID,
      title: str(e.item, 'title') ?? '',
    };
  }

  private virtualFocusArea(): FocusAreaData {
    return { id: RECOVERED_FOCUS_AREA_ID, perspectiveId: RECOVERED_PERSPECTIVE_ID, title: RECOVERED_TITLES.focusArea, virtual: true };
  }

  /** Focus areas of one perspective, or of all perspectives in order. */
  focusAreas(perspectiveId?: string): FocusAreaData[] {
    if (perspectiveId === undefined) return this.perspectives().flatMap((p) => this.focusAreas(p.id));
    const list = this.siblings('focusArea', perspectiveId).map((e) => this.toFocusArea(e));
    if (perspectiveId === RECOVERED_PERSPECTIVE_ID && this.needsVirtualFocusArea()) list.push(this.virtualFocusArea());
    return list;
  }

  getFocusArea(id: string): FocusAreaData | undefined {
    const item = collection(this.doc, 'focusArea').get(id);
    if (item) return this.toFocusArea({ id, item, order: '' });
    return id === RECOVERED_FOCUS_AREA_ID && this.needsVirtualFocusArea() ? this.virtualFocusArea() : undefined;
  }

  addFocusArea(input: FocusAreaInput, at?: MoveTarget, origin?: unknown): string {
    this.checkParent('focusArea', input.perspectiveId);
    return this.tx(origin, () => {
      const id = this.claimId('focusArea', input.id);
      this.createItem('focusArea', id, input.perspectiveId, at, { title: input.title }, input.body);
      return id;
    });
  }

  updateFocusArea(id: string, patch: FocusAreaPatch, origin?: unknown): void {
    const item = this.item('focusArea', id);
    this.tx(origin, () => {
      if (patch.title !== undefined) writeText(item, 'title', patch.title ?? '');
    });
  }

  /** Within its perspective, or to another with `parentId` (one field change). */
  moveFocusArea(id: string, to: MoveTarget, origin?: unknown): void {
    this.moveItem('focusArea', id, to, origin);
  }

  /** Deletes the focus area and its goals, and removes it from initiatives' focusAreaIds. */
  deleteFocusArea(id: string, origin?: unknown): void {
    if (!collection(this.doc, 'focusArea').has(id) && id !== RECOVERED_FOCUS_AREA_ID) throw new Error(`no focusArea with id "${id}"`);
    this.tx(origin, () => this.deleteCascade('focusArea', id));
  }

  // ---- goals ----------------------------------------------------------------------------------------

  private toGoal(e: Entry): GoalData {
    return {
      id: e.id,
      focusAreaId: this.effectiveParent('goal', e.item) ?? RECOVERED_FOCUS_AREA_ID,
      text: str(e.item, 'text') ?? '',
    };
  }

  goals(focusAreaId: string): GoalData[] {
    return this.siblings('goal', focusAreaId).map((e) => this.toGoal(e));
  }

  getGoal(id: string): GoalData | undefined {
    const item = collection(this.doc, 'goal').get(id);
    return item ? this.toGoal({ id, item, order: '' }) : undefined;
  }

  addGoal(input: GoalInput, at?: MoveTarget, origin?: unknown): string {
    this.checkParent('goal', input.focusAreaId);
    return this.tx(origin, () => {
      const id = this.claimId('goal', input.id);
      this.createItem('goal', id, input.focusAreaId, at, { text: input.text });
      return id;
    });
  }

  updateGoal(id: string, patch: GoalPatch, origin?: unknown): void {
    const item = this.item('goal', id);
    this.tx(origin, () => {
      if (patch.text !== undefined) writeText(item, 'text', patch.text ?? '');
    });
  }

  moveGoal(id: string, to: MoveTarget, origin?: unknown): void {
    this.moveItem('goal', id, to, origin);
  }

  deleteGoal(id: string, origin?: unknown): void {
    this.item('goal', id);
    this.tx(origin, () => this.deleteCascade('goal', id));
  }

  // ---- owners ---------------------------------------------------------------------------------------

  private toOwner(e: Entry): OwnerData {
    const out: OwnerData = {
      id: e.id,
      name: str(e.item, 'name') ?? '',
      kind: (str(e.item, 'kind') ?? 'unit') as OwnerData['kind'],
    };
    const parentId = str(e.item, 'parentId');
    if (parentId !== undefined) out.parentId = parentId;
    const email = str(e.item, 'email');
    if (email !== undefined) out.email = email;
    return out;
  }

  owners(): OwnerData[] {
    return this.siblings('owner').map((e) => this.toOwner(e));
  }

  getOwner(id: string): OwnerData | undefined {
    const item = collection(this.doc, 'owner').get(id);
    return item ? this.toOwner({ id, item, order: '' }) : undefined;
  }

  /** The owner an id names, or undefined when it names nothing (a dangling reference): never throws. */
  resolveOwner(id: string | undefined): OwnerData | undefined {
    return id === undefined ? undefined : this.getOwner(id);
  }

  addOwner(input: OwnerInput, at?: MoveTarget, origin?: unknown): string {
    return this.tx(origin, () => {
      const id = this.claimId('owner', input.id);
      this.createItem('owner', id, undefined, at, { name: input.name, kind: input.kind, parentId: input.parentId, email: input.email });
      return id;
    });
  }

  updateOwner(id: string, patch: OwnerPatch, origin?: unknown): void {
    const item = this.item('owner', id);
    this.tx(origin, () => {
      if (patch.name !== undefined) writeText(item, 'name', patch.name ?? '');
      if (patch.kind !== undefined) {
        if (patch.kind === null) throw new Error('owner.kind is required');
        setOrDelete(item, 'kind', patch.kind);
      }
      if (patch.parentId !== undefined) setOrDelete(item, 'parentId', patch.parentId);
      if (patch.email !== undefined) writeText(item, 'email', patch.email);
    });
  }

  moveOwner(id: string, to: MoveTarget, origin?: unknown): void {
    this.moveItem('owner', id, to, origin);
  }

  /**
   * Deletes an owner. With `reassignTo`, what it owned (initiatives, plans, participations,
   * sub-units) passes to that owner in the same transaction; without, those references dangle
   * (see danglingReferences).
   */
  deleteOwner(id: string, options: { reassignTo?: string } = {}, origin?: unknown): void {
    this.item('owner', id);
    const to = options.reassignTo;
    if (to !== undefined) {
      if (to === id) throw new Error('cannot reassign an owner to itself');
      this.item('owner', to);
    }
    return this.tx(origin, () => {
      if (to !== undefined) {
        for (const e of this.entries('initiative')) {
          if (str(e.item, 'ownerId') === id) e.item.set('ownerId', to);
          const participants = readIdList(e.item, 'participantIds');
          if (participants.includes(id)) {
            writeIdList(e.item, 'participantIds', [...new Set(participants.map((p) => (p === id ? to : p)))]);
          }
        }
        for (const e of this.entries('actionPlan')) if (str(e.item, 'ownerId') === id) e.item.set('ownerId', to);
        // The successor takes over the sub-owners too. When it is itself one of them (or further down), it first
        // moves up to the deleted owner's place, so the hierarchy never gets a cycle or an owner of its own.
        if (this.isOwnerDescendant(to, id)) {
          const grandparent = str(this.item('owner', id), 'parentId');
          const target = this.item('owner', to);
          if (grandparent !== undefined) target.set('parentId', grandparent);
          else target.delete('parentId');
        }
        for (const e of this.entries('owner')) if (e.id !== to && str(e.item, 'parentId') === id) e.item.set('parentId', to);
      }
      collection(this.doc, 'owner').delete(id);
    });
  }

  /** True when `ownerId` sits somewhere below `ancestorId` in the owner hierarchy (cycles in data are tolerated). */
  private isOwnerDescendant(ownerId: string, ancestorId: string): boolean {
    const seen = new Set<string>();
    let current = str(this.item('owner', ownerId), 'parentId');
    while (current !== undefined && !seen.has(current)) {
      if (current === ancestorId) return true;
      seen.add(current);
      const parent = collection(this.doc, 'owner').get(current);
      current = parent instanceof Y.Map ? str(parent as ItemMap, 'parentId') : undefined;
    }
    return false;
  }

  /** Initiatives whose ownerId is this owner, in plan order. */
  initiativesOwnedBy(ownerId: string): InitiativeData[] {
    return this.initiatives().filter((i) => i.ownerId === ownerId);
  }

  // ---- action plans ----------------------------------------------------------------------------------

  private toPlan(e: Entry): ActionPlanData {
    const out: ActionPlanData = {
      id: e.id,
      title: str(e.item, 'title') ?? '',
      kind: (str(e.item, 'kind') ?? 'common') as ActionPlanData['kind'],
      period: { from: num(e.item, 'periodFrom') ?? 0, to: num(e.item, 'periodTo') ?? 0 },
    };
    const ownerId = str(e.item, 'ownerId');
    if (ownerId !== undefined) out.ownerId = ownerId;
    const parentPlanId = str(e.item, 'parentPlanId');
    if (parentPlanId !== undefined) out.parentPlanId = parentPlanId;
    return out;
  }

  private needsVirtualPlan(): boolean {
    if (collection(this.doc, 'actionPlan').has(RECOVERED_PLAN_ID)) return false;
    return this.entries('initiative').some((e) => this.effectiveParent('initiative', e.item) === RECOVERED_PLAN_ID);
  }

  private virtualPlan(): ActionPlanData {
    return { id: RECOVERED_PLAN_ID, title: RECOVERED_TITLES.actionPlan, kind: 'common', period: this.getMeta().period, virtual: true };
  }

  /** In order; ends with a `virtual` stand-in when initiatives lost their plan concurrently. */
  actionPlans(): ActionPlanData[] {
    const list = this.siblings('actionPlan').map((e) => this.toPlan(e));
    if (this.needsVirtualPlan()) list.push(this.virtualPlan());
    return list;
  }

  getActionPlan(id: string): ActionPlanData | undefined {
    const item = collection(this.doc, 'actionPlan').get(id);
    if (item) return this.toPlan({ id, item, order: '' });
    return id === RECOVERED_PLAN_ID && this.needsVirtualPlan() ? this.virtualPlan() : undefined;
  }

  addActionPlan(input: ActionPlanInput, at?: MoveTarget, origin?: unknown): string {
    return this.tx(origin, () => {
      const id = this.claimId('actionPlan', input.id);
      this.createItem(
        'actionPlan',
        id,
        undefined,
        at,
        {
          title: input.title,
          kind: input.kind,
          periodFrom: input.period.from,
          periodTo: input.period.to,
          ownerId: input.ownerId,
          parentPlanId: input.parentPlanId,
        },
        input.intro,
      );
      return id;
    });
  }

  updateActionPlan(id: string, patch: ActionPlanPatch, origin?: unknown): void {
    const item = this.item('actionPlan', id);
    this.tx(origin, () => {
      if (patch.title !== undefined) writeText(item, 'title', patch.title ?? '');
      if (patch.kind !== undefined) {
        if (patch.kind === null) throw new Error('actionPlan.kind is required');
        setOrDelete(item, 'kind', patch.kind);
      }
      if (patch.period !== undefined) {
        if (patch.period === null) throw new Error('actionPlan.period is required');
        setOrDelete(item, 'periodFrom', patch.period.from);
        setOrDelete(item, 'periodTo', patch.period.to);
      }
      if (patch.ownerId !== undefined) setOrDelete(item, 'ownerId', patch.ownerId);
      if (patch.parentPlanId !== undefined) setOrDelete(item, 'parentPlanId', patch.parentPlanId);
    });
  }

  moveActionPlan(id: string, to: MoveTarget, origin?: unknown): void {
    this.moveItem('actionPlan', id, to, origin);
  }

  /** Deletes the plan with its initiatives; local plans that pointed to it lose their parentPlanId. */
  deleteActionPlan(id: string, origin?: unknown): void {
    if (!collection(this.doc, 'actionPlan').has(id) && id !== RECOVERED_PLAN_ID) throw new Error(`no actionPlan with id "${id}"`);
    this.tx(origin, () => this.deleteCascade('actionPlan', id));
  }

  // ---- initiatives ------------------------------------------------------------------------------------

  private toInitiative(e: Entry): InitiativeData {
    const item = e.item;
    const out: InitiativeData = {
      id: e.id,
      planId: this.effectiveParent('initiative', item) ?? RECOVERED_PLAN_ID,
      title: str(item, 'title') ?? '',
      focusAreaIds: readIdList(item, 'focusAreaIds'),
      participantIds: readIdList(item, 'participantIds'),
      supportsInitiativeIds: readIdList(item, 'supportsInitiativeIds'),
      statusUpdates: readStatusUpdates(item),
    };
    const ownerId = str(item, 'ownerId');
    if (ownerId !== undefined) out.ownerId = ownerId;
    const start = str(item, 'start');
    if (start !== undefined) out.start = start;
    const end = str(item, 'end');
    if (end !== undefined) out.end = end;
    const status = str(item, 'status');
    if (status !== undefined) out.status = status as InitiativeData['status'];
    const priority = num(item, 'priority');
    if (priority !== undefined) out.priority = priority;
    const bcStatus = str(item, 'businessCaseStatus');
    if (bcStatus !== undefined) {
      out.businessCase = { status: bcStatus as NonNullable<InitiativeData['businessCase']>['status'] };
      const benefit = str(item, 'businessCaseBenefit');
      if (benefit !== undefined) out.businessCase.benefit = benefit;
    }
    const amount = num(item, 'budgetAmountDkk');
    if (amount !== undefined) {
      out.budget = { amountDkk: amount };
      const source = str(item, 'budgetSource');
      if (source !== undefined) out.budget.source = source;
    }
    return out;
  }

  /** Initiatives of one plan, or of all plans in order. */
  initiatives(planId?: string): InitiativeData[] {
    if (planId === undefined) return this.actionPlans().flatMap((p) => this.initiatives(p.id));
    return this.siblings('initiative', planId).map((e) => this.toInitiative(e));
  }

  getInitiative(id: string): InitiativeData | undefined {
    const item = collection(this.doc, 'initiative').get(id);
    return item ? this.toInitiative({ id, item, order: '' }) : undefined;
  }

  addInitiative(input: InitiativeInput, at?: MoveTarget, origin?: unknown): string {
    this.checkParent('initiative', input.planId);
    return this.tx(origin, () => {
      const id = this.claimId('initiative', input.id);
      const item = this.createItem(
        'initiative',
        id,
        input.planId,
        at,
        {
          title: input.title,
          ownerId: input.ownerId,
          start: input.start,
          end: input.end,
          status: input.status,
          priority: input.priority,
        },
        input.description,
      );
      for (const key of INITIATIVE_ID_LISTS) writeIdList(item, key, input[key] ?? []);
      item.set(STATUS_UPDATES, new Y.Array<StatusUpdate>());
      writeBusinessCase(item, input.businessCase);
      writeBudget(item, input.budget);
      return id;
    });
  }

  updateInitiative(id: string, patch: InitiativePatch, origin?: unknown): void {
    const item = this.item('initiative', id);
    this.tx(origin, () => {
      if (patch.title !== undefined) writeText(item, 'title', patch.title ?? '');
      for (const key of ['ownerId', 'start', 'end', 'status', 'priority'] as const) {
        if (patch[key] !== undefined) setOrDelete(item, key, patch[key]);
      }
      for (const key of INITIATIVE_ID_LISTS) {
        const list = patch[key];
        if (list !== undefined) writeIdList(item, key, list ?? []);
      }
      if (patch.businessCase !== undefined) writeBusinessCase(item, patch.businessCase ?? undefined);
      if (patch.budget !== undefined) writeBudget(item, patch.budget ?? undefined);
    });
  }

  /** Adds an id to one of an initiative's id lists (no-op when present); concurrent adds merge. */
  addReference(initiativeId: string, field: InitiativeRefField, refId: string, origin?: unknown): void {
    const item = this.item('initiative', initiativeId);
    if (readIdList(item, field).includes(refId)) return;
    this.tx(origin, () => {
      let list = item.get(field);
      if (!(list instanceof Y.Array)) {
        list = new Y.Array<string>();
        item.set(field, list);
      }
      (list as Y.Array<string>).push([refId]);
    });
  }

  /** Removes every occurrence of an id from one of an initiative's id lists. */
  removeReference(initiativeId: string, field: InitiativeRefField, refId: string, origin?: unknown): void {
    const item = this.item('initiative', initiativeId);
    const list = readIdList(item, field);
    if (!list.includes(refId)) return;
    this.tx(origin, () => writeIdList(item, field, list.filter((v) => v !== refId)));
  }

  /** Within its plan, or to another plan with `parentId` (one field change). */
  moveInitiative(id: string, to: MoveTarget, origin?: unknown): void {
    this.moveItem('initiative', id, to, origin);
  }

  /** Deletes the initiative and removes it from other initiatives' supportsInitiativeIds. */
  deleteInitiative(id: string, origin?: unknown): void {
    this.item('initiative', id);
    this.tx(origin, () => this.deleteCascade('initiative', id));
  }

  /** Appends to the initiative's status history and sets its current status. History is never rewritten. */
  addStatusUpdate(initiativeId: string, update: StatusUpdate, origin?: unknown): void {
    const item = this.item('initiative', initiativeId);
    const entry: StatusUpdate = { date: update.date, status: update.status };
    if (update.note !== undefined) entry.note = update.note;
    this.tx(origin, () => {
      let history = item.get(STATUS_UPDATES);
      if (!(history instanceof Y.Array)) {
        history = new Y.Array<StatusUpdate>();
        item.set(STATUS_UPDATES, history);
      }
      (history as Y.Array<StatusUpdate>).push([entry]);
      item.set('status', update.status);
    });
  }

  // ---- deletion ------------------------------------------------------------------------------------------

  /**
   * The ids that deleting this item removes: the item and what belongs to it (focus areas, goals
   * and principles of a perspective; goals of a focus area; initiatives of a plan), as this replica
   * sees them. For confirmations ("delete 3 focus areas too?") and tests.
   */
  idsDeletedWith(id: string): string[] {
    const kind = this.kindOf(id) ?? RECOVERED_KINDS[id];
    if (!kind) return [];
    const out: string[] = [];
    const collect = (k: ItemKind, itemId: string): void => {
      if (k === 'perspective') {
        for (const e of this.siblings('focusArea', itemId)) collect('focusArea', e.id);
        for (const e of this.siblings('principle', itemId)) collect('principle', e.id);
        // the stand-in focus area of goals without a focus area is listed under this perspective
        if (itemId === RECOVERED_PERSPECTIVE_ID && !collection(this.doc, 'focusArea').has(RECOVERED_FOCUS_AREA_ID)) {
          for (const e of this.siblings('goal', RECOVERED_FOCUS_AREA_ID)) collect('goal', e.id);
        }
      } else if (k === 'focusArea') {
        for (const e of this.siblings('goal', itemId)) collect('goal', e.id);
      } else if (k === 'actionPlan') {
        for (const e of this.siblings('initiative', itemId)) collect('initiative', e.id);
      }
      if (collection(this.doc, k).has(itemId)) out.push(itemId);
    };
    collect(kind, id);
    return out;
  }

  /** Deletes an item and what belongs to it, and cleans references to it. Runs inside a transaction. */
  private deleteCascade(kind: ItemKind, id: string): void {
    const deleted = this.idsDeletedWith(id);
    for (const itemId of deleted) collection(this.doc, this.kindOf(itemId)!).delete(itemId);
    const gone = new Set(deleted);
    // Clean the references this deletion would leave dangling.
    if (kind === 'focusArea' || kind === 'perspective' || kind === 'actionPlan' || kind === 'initiative') {
      for (const e of this.entries('initiative')) {
        for (const field of ['focusAreaIds', 'supportsInitiativeIds'] as const) {
          const list = readIdList(e.item, field);
          if (list.some((v) => gone.has(v))) writeIdList(e.item, field, list.filter((v) => !gone.has(v)));
        }
      }
    }
    if (kind === 'actionPlan') {
      for (const e of this.entries('actionPlan')) if (gone.has(str(e.item, 'parentPlanId') ?? '')) e.item.delete('parentPlanId');
    }
  }

  // ---- references --------------------------------------------------------------------------------------

  /** Every id reference that names nothing of the right kind, in document order. */
  danglingReferences(): DanglingReference[] {
    const out: DanglingReference[] = [];
    const has = (kind: ItemKind, id: string): boolean => collection(this.doc, kind).has(id);
    const check = (fromId: string, field: string, missingId: string | undefined, kind: ItemKind): void => {
      if (missingId !== undefined && !has(kind, missingId)) out.push({ fromId, field, missingId });
    };
    for (const e of this.siblings('principle')) {
      const parent = str(e.item, PARENT);
      if (parent !== undefined && parent !== VISION_ID) check(e.id, 'parentId', parent, 'perspective');
    }
    for (const e of this.siblings('focusArea')) check(e.id, 'perspectiveId', str(e.item, PARENT), 'perspective');
    for (const e of this.siblings('goal')) check(e.id, 'focusAreaId', str(e.item, PARENT), 'focusArea');
    for (const e of this.siblings('owner')) check(e.id, 'parentId', str(e.item, 'parentId'), 'owner');
    for (const e of this.siblings('actionPlan')) {
      check(e.id, 'ownerId', str(e.item, 'ownerId'), 'owner');
      check(e.id, 'parentPlanId', str(e.item, 'parentPlanId'), 'actionPlan');
    }
    for (const e of this.siblings('initiative')) {
      check(e.id, 'planId', str(e.item, PARENT), 'actionPlan');
      for (const fa of readIdList(e.item, 'focusAreaIds')) check(e.id, 'focusAreaIds', fa, 'focusArea');
      check(e.id, 'ownerId', str(e.item, 'ownerId'), 'owner');
      for (const p of readIdList(e.item, 'participantIds')) check(e.id, 'participantIds', p, 'owner');
      for (const s of readIdList(e.item, 'supportsInitiativeIds')) check(e.id, 'supportsInitiativeIds', s, 'initiative');
    }
    return out;
  }

  // ---- observation -------------------------------------------------------------------------------------

  /**
   * Calls back once per transaction that changed the strategy (local or remote), with that
   * transaction's deep events. Views re-read with the cheap read functions (debounce in the caller).
   */
  observe(callback: (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void): () => void {
    const roots = new Set<Y.AbstractType<unknown>>(rootTypes(this.doc));
    const handler = (transaction: Y.Transaction): void => {
      const events: Y.YEvent<Y.AbstractType<unknown>>[] = [];
      transaction.changedParentTypes.forEach((list, type) => {
        if (roots.has(type as Y.AbstractType<unknown>)) events.push(...(list as Y.YEvent<Y.AbstractType<unknown>>[]));
      });
      if (events.length > 0) callback(events, transaction);
    };
    this.doc.on('afterTransaction', handler);
    return () => this.doc.off('afterTransaction', handler);
  }
}

function readStatusUpdates(item: ItemMap): StatusUpdate[] {
  const history = item.get(STATUS_UPDATES);
  if (!(history instanceof Y.Array)) return [];
  return (history.toArray() as Partial<StatusUpdate>[])
    .filter((u) => typeof u === 'object' && u !== null && typeof u.date === 'string' && typeof u.status === 'string')
    .map((u) => {
      const out: StatusUpdate = { date: u.date!, status: u.status! };
      if (typeof u.note === 'string') out.note = u.note;
      return out;
    });
}

function writeBusinessCase(item: ItemMap, value: InitiativeData['businessCase'] | undefined): void {
  setOrDelete(item, 'businessCaseStatus', value?.status);
  writeText(item, 'businessCaseBenefit', value?.benefit);
}

function writeBudget(item: ItemMap, value: InitiativeData['budget'] | undefined): void {
  setOrDelete(item, 'budgetAmountDkk', value?.amountDkk);
  writeText(item, 'budgetSource', value?.source);
}
