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
//   comments         Y.Map<threadId, Y.Map>   comment threads; their text anchors are `comment` marks in
//                                             the rich fields (./comments.ts)
//   suggestions      Y.Map<id, {authorId, authorName, at}>   who made a suggestion and when; the suggested
//                                             text is `insertion`/`deletion`/`modification` marks (./suggestions.ts)
//
// Every item map holds `order` (fractional key, ./fractional-index.ts; ties broken by id). Child
// items hold `parent` (the id of their perspective, focus area or plan; VISION_ID for vision-level
// principles and bearings): moving between parents is one field change. Rich fields are
// Y.XmlFragments inside the item, created with it. Id lists of an initiative are Y.Arrays of ids
// (read without duplicates); statusUpdates is an append-only Y.Array of plain objects.
import * as Y from 'yjs';
import { RECOVERED_FOCUS_AREA_ID, RECOVERED_PERSPECTIVE_ID, RECOVERED_PLAN_ID, VISION_ID } from './model-constants';
import type { ItemKind, RichField } from './types';

export const META = 'meta';
export const LABELS = 'labels';
export const VISION_STATEMENT = 'visionStatement';
export const VISION_BODY = 'visionBody';
/** Named versions (./versions.ts): Y.Map<id, Y.Map> of name, milestone, author, created, state; not content, so not in rootTypes. */
export const VERSIONS = 'versions';

export const ORDER = 'order';
export const PARENT = 'parent';

/** Where items of a kind hang (stored in their PARENT key), and where they are read when that parent is gone. */
export interface ParentRule {
  /** The kind of a stored parent; absent for kinds that only hang under the vision. */
  kind?: ItemKind;
  /** VISION_ID is a parent too (principles of the vision, bearings). */
  vision?: boolean;
  /** Where an item whose parent is gone is read: VISION_ID, or a stand-in container (./recovery.ts). */
  orphanedUnder: string;
  /** The field of the item's view and input that names the parent. */
  field: 'parentId' | 'perspectiveId' | 'focusAreaId' | 'planId';
}

export interface CollectionSpec {
  kind: ItemKind;
  /** Root Y.Map name. */
  root: string;
  /** Prefix of generated ids. */
  idPrefix: string;
  /** The parent rule of items that belong to a parent (see ParentRule). */
  parent?: ParentRule;
  /** Keys of plain values (numbers, enums, dates, ids), written as they are. */
  plain: readonly string[];
  /** Keys of id lists (Y.Array of ids, read without duplicates). */
  idLists?: readonly string[];
  /** The rich-text field of the item, if any, and whether the interchange format requires it. */
  rich?: { field: Exclude<RichField, 'statement'>; required: boolean };
  /** Keys of the item's typed text fields (Y.Text since schema version 2). */
  text: readonly string[];
}

/** Id-list fields of an initiative (Y.Array<string>). */
export const INITIATIVE_ID_LISTS = ['focusAreaIds', 'participantIds', 'supportsInitiativeIds'] as const;

// Adding a kind: an entry here (its keys and parent rule), its view/input types (./types.ts), and its
// read and write rules (./kinds.ts); cascades and references of its own in ./cascade.ts, ./references.ts.
export const COLLECTIONS: Record<ItemKind, CollectionSpec> = {
  section: { kind: 'section', root: 'sections', idPrefix: 'se', rich: { field: 'body', required: true }, text: ['title'], plain: ['placement', 'unnumbered'] },
  principle: { kind: 'principle', root: 'principles', idPrefix: 'pr', rich: { field: 'body', required: false }, text: ['title'], plain: [], parent: { kind: 'perspective', vision: true, orphanedUnder: VISION_ID, field: 'parentId' } },
  bearing: { kind: 'bearing', root: 'bearings', idPrefix: 'pm', rich: { field: 'body', required: false }, text: ['title'], plain: [], parent: { vision: true, orphanedUnder: VISION_ID, field: 'parentId' } },
  perspective: { kind: 'perspective', root: 'perspectives', idPrefix: 'pe', rich: { field: 'intro', required: false }, text: ['title'], plain: ['hidden'] },
  focusArea: { kind: 'focusArea', root: 'focusAreas', idPrefix: 'fa', rich: { field: 'body', required: true }, text: ['title'], plain: [], parent: { kind: 'perspective', orphanedUnder: RECOVERED_PERSPECTIVE_ID, field: 'perspectiveId' } },
  goal: { kind: 'goal', root: 'goals', idPrefix: 'go', text: ['text'], plain: [], parent: { kind: 'focusArea', orphanedUnder: RECOVERED_FOCUS_AREA_ID, field: 'focusAreaId' } },
  owner: { kind: 'owner', root: 'owners', idPrefix: 'ow', text: ['name', 'email'], plain: ['kind', 'parentId'] },
  actionPlan: { kind: 'actionPlan', root: 'actionPlans', idPrefix: 'hp', rich: { field: 'intro', required: false }, text: ['title'], plain: ['kind', 'periodFrom', 'periodTo', 'ownerId', 'parentPlanId'] },
  initiative: { kind: 'initiative', root: 'initiatives', idPrefix: 'in', rich: { field: 'description', required: false }, text: ['title', 'businessCaseBenefit', 'budgetSource'], plain: ['ownerId', 'start', 'end', 'status', 'priority', 'businessCaseStatus', 'budgetAmountDkk'], parent: { kind: 'actionPlan', orphanedUnder: RECOVERED_PLAN_ID, field: 'planId' }, idLists: INITIATIVE_ID_LISTS },
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
    doc.getMap('comments'), // comment threads: ./comments.ts
    doc.getMap('hints'), // a template's guidance, never content: ./hints.ts
    doc.getMap('suggestions'), // who made each suggestion: ./suggestions.ts
    doc.getMap('images'), // pictures (logo, rich text): ./images.ts
    doc.getMap('fieldSuggestions'), // suggested titles and goals (issue 14): ./field-suggestions.ts
  ] as Y.AbstractType<unknown>[];
}

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
  'logo', // the cover's logo: an image id (./images.ts)
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
