// The Yjs layout of a strategy document (schema version 2). Renaming anything here needs a
// migration step (./document.ts).
//
//   meta             Y.Map   schemaVersion, title, organisation, periodFrom, periodTo, subtitle,
//                            status, version, date, preparedBy, commissionedBy, contact, language,
//                            style, modified (each field its own key: concurrent edits of
//                            different fields merge)
//   labels           Y.Map   perspective, perspectives, focusArea, focusAreas, principles, bearings
//
// Every field people type into (META_TEXT_KEYS, every label, each kind's `text` keys below) is a
// Y.Text, so concurrent typing in one field merges (./text-fields.ts). Numbers, enums, dates, ids
// and order keys stay plain values (last writer wins per key). Schema version 1 held the typed
// fields as plain strings; ./document.ts migrates them.
//   visionStatement  Y.XmlFragment   (root types never conflict when two replicas create them)
//   visionBody       Y.XmlFragment
//   sections, principles, bearings, perspectives, focusAreas, goals, owners, actionPlans,
//   initiatives      Y.Map<id, Y.Map>   one item per key, never a Y.Array: reordering changes
//                                       the item's `order` key only, so concurrent moves cannot
//                                       duplicate or lose it.
//
// Every item map holds `order` (fractional key, ./fractional-index.ts; ties broken by id). Child
// items hold `parent` (the id of their perspective, focus area or plan; VISION_ID for vision-level
// principles and bearings): moving between parents is one field change. Rich fields are
// Y.XmlFragments inside the item, created with it. Id lists of an initiative are Y.Arrays of ids
// (read without duplicates); statusUpdates is an append-only Y.Array of plain objects.
import * as Y from 'yjs';
import type { ItemKind, RichField } from './types';

export const META = 'meta';
export const LABELS = 'labels';
export const VISION_STATEMENT = 'visionStatement';
export const VISION_BODY = 'visionBody';

export const ORDER = 'order';
export const PARENT = 'parent';

export interface CollectionSpec {
  kind: ItemKind;
  /** Root Y.Map name. */
  root: string;
  /** Prefix of generated ids. */
  idPrefix: string;
  /** The kind of the parent, when items belong to a parent (principles: a perspective or the vision). */
  parentKind?: ItemKind;
  /** The rich-text field of the item, if any, and whether the interchange format requires it. */
  rich?: { field: Exclude<RichField, 'statement'>; required: boolean };
  /** Keys of the item's typed text fields (Y.Text since schema version 2). */
  text: readonly string[];
}

export const COLLECTIONS: Record<ItemKind, CollectionSpec> = {
  section: { kind: 'section', root: 'sections', idPrefix: 'se', rich: { field: 'body', required: true }, text: ['title'] },
  principle: { kind: 'principle', root: 'principles', idPrefix: 'pr', parentKind: 'perspective', rich: { field: 'body', required: false }, text: ['title'] },
  bearing: { kind: 'bearing', root: 'bearings', idPrefix: 'pm', rich: { field: 'body', required: false }, text: ['title'] },
  perspective: { kind: 'perspective', root: 'perspectives', idPrefix: 'pe', rich: { field: 'intro', required: false }, text: ['title'] },
  focusArea: { kind: 'focusArea', root: 'focusAreas', idPrefix: 'fa', parentKind: 'perspective', rich: { field: 'body', required: true }, text: ['title'] },
  goal: { kind: 'goal', root: 'goals', idPrefix: 'go' , parentKind: 'focusArea', text: ['text'] },
  owner: { kind: 'owner', root: 'owners', idPrefix: 'ow', text: ['name', 'email'] },
  actionPlan: { kind: 'actionPlan', root: 'actionPlans', idPrefix: 'hp', rich: { field: 'intro', required: false }, text: ['title'] },
  initiative: { kind: 'initiative', root: 'initiatives', idPrefix: 'in', parentKind: 'actionPlan', rich: { field: 'description', required: false }, text: ['title', 'businessCaseBenefit', 'budgetSource'] },
};

export const ITEM_KINDS = Object.keys(COLLECTIONS) as ItemKind[];

export type ItemMap = Y.Map<unknown>;

export function collection(doc: Y.Doc, kind: ItemKind): Y.Map<ItemMap> {
  return doc.getMap<ItemMap>(COLLECTIONS[kind].root);
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META);
}

export function labelsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(LABELS);
}

export function visionFragment(doc: Y.Doc, field: 'statement' | 'body'): Y.XmlFragment {
  return doc.getXmlFragment(field === 'statement' ? VISION_STATEMENT : VISION_BODY);
}

/** Every root type, for observeDeep and for emptiness checks. */
export function rootTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [
    metaMap(doc),
    labelsMap(doc),
    visionFragment(doc, 'statement'),
    visionFragment(doc, 'body'),
    ...ITEM_KINDS.map((kind) => collection(doc, kind)),
  ] as Y.AbstractType<unknown>[];
}

/** Id-list fields of an initiative (Y.Array<string>). */
export const INITIATIVE_ID_LISTS = ['focusAreaIds', 'participantIds', 'supportsInitiativeIds'] as const;
export const STATUS_UPDATES = 'statusUpdates';

/** Optional scalar meta fields, in interchange key order. */
export const META_OPTIONAL = [
  'subtitle',
  'status',
  'version',
  'date',
  'preparedBy',
  'commissionedBy',
  'contact',
  'language',
  'style',
] as const;

/** Meta fields people type into (Y.Text since schema version 2). */
export const META_TEXT_KEYS = ['title', 'organisation', 'subtitle', 'version', 'preparedBy', 'commissionedBy', 'contact'] as const;

/** Every label is typed text. */
export const LABEL_KEYS = ['perspective', 'perspectives', 'focusArea', 'focusAreas', 'principles', 'bearings'] as const;

/** Reads a string list stored as Y.Array, without duplicates (concurrent adds of one id). */
export function readIdList(item: ItemMap, key: string): string[] {
  const list = item.get(key);
  if (!(list instanceof Y.Array)) return [];
  return [...new Set(list.toArray().filter((v): v is string => typeof v === 'string'))];
}

/** Makes a Y.Array of ids equal to `ids` with a minimal change (keeps entries that stay). */
export function writeIdList(item: ItemMap, key: string, ids: readonly string[]): void {
  let list = item.get(key);
  if (!(list instanceof Y.Array)) {
    list = new Y.Array<string>();
    item.set(key, list);
  }
  const arr = list as Y.Array<string>;
  const wanted = [...new Set(ids)];
  const current = arr.toArray();
  const kept = [...new Set(current)].filter((v) => wanted.includes(v));
  if (kept.some((v, i) => wanted[i] !== v)) {
    // the order changed: rewrite the list
    if (arr.length > 0) arr.delete(0, arr.length);
    arr.push(wanted);
    return;
  }
  // drop unwanted entries and duplicates (from the end, so indices stay valid), then append
  for (let i = current.length - 1; i >= 0; i--) {
    const v = current[i]!;
    if (!wanted.includes(v) || current.indexOf(v) !== i) arr.delete(i, 1);
  }
  const missing = wanted.slice(kept.length);
  if (missing.length > 0) arr.push(missing);
}
