// The model API over one strategy's Y.Doc (layout: ./layout.ts). One generic surface for every item
// kind, driven by the collection specs: `add(kind, input, at?)`, `update(kind, id, patch)`,
// `move(id, to)`, `delete(id, options?)`, `get(kind, id)`, `list(kind, parentId?)`. Reads return plain
// views in order; every mutation is one `doc.transact(fn, origin)`.
//
// Concurrency notes:
// - Items are keyed by id; position is the `order` key and (for children) the `parent` field, so
//   concurrent moves of one item by two replicas leave exactly one copy (last writer wins per field).
// - Deleting a parent deletes its children as this replica sees them (./cascade.ts). A child another
//   replica adds or moves into that parent at the same time is not lost: it is read as a child of a
//   stand-in container (./recovery.ts) until someone moves it.
import * as Y from 'yjs';
import type { Labels, Meta, Rich, StatusUpdate } from '../format/schema';
import { isEmptyDoc, proseMirrorToRich, richToProseMirror } from '../richtext/rich';
import { LABELS_ID, LOCAL_ORIGIN, META_ID, RECOVERED_FOCUS_AREA_ID, RECOVERED_PERSPECTIVE_ID, RECOVERED_PLAN_ID, VISION_ID } from './model-constants';
import { keyBetween } from './fractional-index';
import {
  COLLECTIONS,
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
} from './layout';
import { ItemIndex, num, str, type Entry } from './items';
import { KIND_RULES, setOrDelete } from './kinds';
import { deleteCascade, deleteOwner, idsDeletedWith } from './cascade';
import { danglingReferences } from './references';
import { RECOVERED_KINDS, recoveredTitle, needsVirtualFocusArea, needsVirtualPerspective, needsVirtualPlan, virtualFocusArea, virtualPerspective, virtualPlan } from './recovery';
import type { DanglingReference, DeleteOptions, InitiativeRefField, ItemKind, KindData, KindInput, KindPatch, MoveTarget, Patch, RichField } from './types';
import { clearFragment, emptyDoc, readFragment, writeFragment } from './yfragment';
import { readText, writeText } from './text-fields';
import { TextFieldHandle } from './text-binding';


export interface StrategyModelOptions {
  /** Transaction origin of mutations (default LOCAL_ORIGIN). Each method also takes an origin. */
  origin?: unknown;
  /** Random source for ids and order keys (tests pass a seeded one). */
  random?: () => number;
}

/** Kinds whose items have a title (all but goals and owners). */
export type TitledKind = Exclude<ItemKind, 'goal' | 'owner'>;

/** An item's id and title, as `StrategyModel.titles` reads them; `virtual` for a stand-in container. */
export interface TitleView {
  id: string;
  title: string;
  virtual?: true;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export class StrategyModel {
  private readonly origin: unknown;
  private readonly random: () => number;
  private readonly items: ItemIndex;

  constructor(
    readonly doc: Y.Doc,
    options: StrategyModelOptions = {},
  ) {
    this.origin = options.origin ?? LOCAL_ORIGIN;
    this.random = options.random ?? Math.random;
    this.items = new ItemIndex(doc);
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
    const rule = COLLECTIONS[kind].parent;
    if (!rule) return undefined;
    if (!rule.kind) return VISION_ID;
    if (at?.parentId !== undefined) return at.parentId;
    const neighbour = at?.before ?? at?.after;
    if (neighbour !== undefined) {
      const item = this.items.stored(kind, neighbour);
      if (item) return this.items.effectiveParent(kind, item);
    }
    return fallback;
  }

  // ---- items, generic -----------------------------------------------------------------------------

  /** The kind of the item with this id, if it exists. */
  kindOf(id: string): ItemKind | undefined {
    return this.items.kindOf(id);
  }

  /**
   * Items of a kind in order: under one parent (a perspective's focus areas, a plan's initiatives,
   * VISION_ID or a perspective for principles), or all of them in document order. Lists of
   * containers end with a `virtual` stand-in when children lost their parent concurrently.
   */
  list<K extends ItemKind>(kind: K, parentId?: string): KindData[K][] {
    const read = (e: Entry) => KIND_RULES[kind].read(this.items, e) as KindData[K];
    const rule = COLLECTIONS[kind].parent;
    if (rule && parentId === undefined) {
      if (kind === 'principle') return this.list(kind, VISION_ID);
      if (kind === 'bearing') return this.list(kind, VISION_ID);
      // every parent in order (stand-ins included)
      return this.list(rule.kind!).flatMap((p) => this.list(kind, (p as { id: string }).id));
    }
    const list = this.items.siblings(kind, parentId).map(read);
    const extra = this.standIns(kind, parentId);
    return extra.length > 0 ? [...list, ...(extra as KindData[K][])] : list;
  }

  /**
   * The ids and titles of `list(kind, parentId)`, in the same order, stand-ins included: for readers that
   * show only titles. Measured (bench/scenarios/nav-tree.ts, large strategy): reading the full view of the
   * 1,000 initiatives (id lists, status history, every text field) was more than half of `buildNavTree`
   * once the siblings were grouped once per change; the navigator shows only their titles.
   */
  titles(kind: TitledKind, parentId?: string): TitleView[] {
    const rule = COLLECTIONS[kind].parent;
    if (rule && parentId === undefined) {
      if (kind === 'principle' || kind === 'bearing') return this.titles(kind, VISION_ID);
      return this.titles(rule.kind as TitledKind).flatMap((p) => this.titles(kind, p.id));
    }
    const list: TitleView[] = this.items.siblings(kind, parentId).map((e) => ({ id: e.id, title: str(e.item, 'title') ?? '' }));
    for (const standIn of this.standIns(kind, parentId) as { id: string; title: string }[]) list.push({ id: standIn.id, title: standIn.title, virtual: true });
    return list;
  }

  private standIns(kind: ItemKind, parentId: string | undefined): KindData[ItemKind][] {
    if (kind === 'perspective' && needsVirtualPerspective(this.items)) return [virtualPerspective(this.getMeta().language)];
    if (kind === 'focusArea' && parentId === RECOVERED_PERSPECTIVE_ID && needsVirtualFocusArea(this.items)) return [virtualFocusArea(this.getMeta().language)];
    if (kind === 'actionPlan' && needsVirtualPlan(this.items)) return [virtualPlan(this.getMeta().period, this.getMeta().language)];
    return [];
  }

  /** The item of this kind with this id (a stand-in container too), or undefined. */
  get<K extends ItemKind>(kind: K, id: string | undefined): KindData[K] | undefined {
    if (id === undefined) return undefined;
    const item = this.items.stored(kind, id);
    if (item) return KIND_RULES[kind].read(this.items, { id, item, order: '' }) as KindData[K];
    if (RECOVERED_KINDS[id] !== kind) return undefined;
    if (id === RECOVERED_PERSPECTIVE_ID && needsVirtualPerspective(this.items)) return virtualPerspective(this.getMeta().language) as KindData[K];
    if (id === RECOVERED_FOCUS_AREA_ID && needsVirtualFocusArea(this.items)) return virtualFocusArea(this.getMeta().language) as KindData[K];
    if (id === RECOVERED_PLAN_ID && needsVirtualPlan(this.items)) return virtualPlan(this.getMeta().period, this.getMeta().language) as KindData[K];
    return undefined;
  }

  /** Adds an item; returns its id. `at` places it (default: last among its siblings). */
  add<K extends ItemKind>(kind: K, input: KindInput[K], at?: MoveTarget, origin?: unknown): string {
    const spec = COLLECTIONS[kind];
    const created = KIND_RULES[kind].create(input);
    if (spec.parent?.kind) this.items.checkParent(kind, created.parent!);
    return this.tx(origin, () => {
      const id = this.claimId(kind, (input as { id?: string }).id);
      const parent = spec.parent ? created.parent : undefined;
      const order = this.orderKeyAt(this.items.siblings(kind, parent), at, kind);
      const item = new Y.Map<unknown>();
      collection(this.doc, kind).set(id, item);
      item.set(ORDER, order);
      if (parent !== undefined && spec.parent?.kind) item.set(PARENT, parent);
      for (const [key, value] of Object.entries(created.fields)) {
        if (value === undefined || value === null) continue;
        item.set(key, spec.text.includes(key) ? new Y.Text(String(value)) : value);
      }
      if (spec.rich) {
        const fragment = new Y.XmlFragment();
        item.set(spec.rich.field, fragment);
        writeFragment(fragment, created.rich === undefined ? emptyDoc() : richToProseMirror(created.rich));
      }
      created.after?.(item);
      return id;
    });
  }

  /**
   * Changes fields of an item: a key left out (or undefined) is unchanged, null removes an optional
   * field. Text fields are written as minimal changes, id lists as minimal diffs.
   */
  update<K extends ItemKind>(kind: K, id: string, patch: KindPatch[K], origin?: unknown): void {
    const item = this.items.item(kind, id);
    const spec = COLLECTIONS[kind];
    const rules = KIND_RULES[kind];
    this.tx(origin, () => {
      for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
        if (value === undefined) continue;
        const required = rules.required?.includes(key) === true;
        const compound = rules.compound?.[key];
        if (compound) compound(item, value);
        else if (spec.text.includes(key)) writeText(item, key, value === null && required ? '' : (value as string | null));
        else if (spec.plain.includes(key)) {
          if (value === null && required) throw new Error(`${kind}.${key} is required`);
          setOrDelete(item, key, value);
        } else if (spec.idLists?.includes(key)) writeIdList(item, key, (value as string[] | null) ?? []);
        else throw new Error(`a ${kind} has no field "${key}"`);
      }
    });
  }

  /** Moves an item within its siblings, or to another parent with `to.parentId` (one field change). */
  move(id: string, to: MoveTarget, origin?: unknown): void {
    const kind = this.kindOf(id);
    if (!kind) throw new Error(`no item with id "${id}"`);
    const item = this.items.item(kind, id);
    const spec = COLLECTIONS[kind];
    const current = this.items.effectiveParent(kind, item);
    const parent = this.targetParent(kind, to, current);
    if (parent !== undefined) this.items.checkParent(kind, parent);
    const all = this.items.siblings(kind, parent);
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
      if (parent !== undefined && spec.parent?.kind && str(item, PARENT) !== parent) item.set(PARENT, parent);
      item.set(ORDER, order);
    });
  }

  /**
   * Deletes an item (or a stand-in container) with what belongs to it (`idsDeletedWith` tells what,
   * beforehand), and cleans references to them. An owner's references are left dangling, or with
   * `reassignTo` pass to that owner.
   */
  delete(id: string, options: DeleteOptions = {}, origin?: unknown): void {
    const kind = this.kindOf(id);
    if (!kind && !RECOVERED_KINDS[id]) throw new Error(`no item with id "${id}"`);
    if (kind === 'owner') {
      const to = options.reassignTo;
      if (to !== undefined) {
        if (to === id) throw new Error('cannot reassign an owner to itself');
        this.items.item('owner', to);
      }
      this.tx(origin, () => deleteOwner(this.items, id, to));
      return;
    }
    this.tx(origin, () => deleteCascade(this.items, id));
  }

  /**
   * The ids that deleting this item removes: the item and what belongs to it (focus areas, goals
   * and principles of a perspective; goals of a focus area; initiatives of a plan), as this replica
   * sees them. For confirmations ("delete 3 focus areas too?") and tests.
   */
  idsDeletedWith(id: string): string[] {
    return idsDeletedWith(this.items, id);
  }

  /** Every id reference that names nothing of the right kind, in document order. */
  danglingReferences(): DanglingReference[] {
    return danglingReferences(this.items);
  }

  // ---- initiatives: references and status history ----------------------------------------------

  /** Adds an id to one of an initiative's id lists (no-op when present); concurrent adds merge. */
  addReference(initiativeId: string, field: InitiativeRefField, refId: string, origin?: unknown): void {
    const item = this.items.item('initiative', initiativeId);
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
    const item = this.items.item('initiative', initiativeId);
    const list = readIdList(item, field);
    if (!list.includes(refId)) return;
    this.tx(origin, () => writeIdList(item, field, list.filter((v) => v !== refId)));
  }

  /** Appends to the initiative's status history and sets its current status. History is never rewritten. */
  addStatusUpdate(initiativeId: string, update: StatusUpdate, origin?: unknown): void {
    const item = this.items.item('initiative', initiativeId);
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
        const title = recoveredTitle(standIn as 'perspective' | 'focusArea' | 'actionPlan', this.getMeta().language);
        return new TextFieldHandle(this.doc, () => undefined, key, () => this.origin, false, key === 'title' ? title : '');
      }
      if (!kind) throw new Error(`no item with id "${id}"`);
      if (!COLLECTIONS[kind].text.includes(key)) throw new Error(`a ${kind} has no text field "${key}"`);
      optional = key === 'email' || key === 'businessCaseBenefit' || key === 'budgetSource';
      map = () => this.items.stored(kind, id);
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
    const fragment = this.items.item(kind, id).get(field);
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
