// Named versions of a strategy ("Høringsudkast", "Vedtaget"): the root Y.Map `versions` (./layout.ts)
// holds one Y.Map per version, keyed by its id:
//
//   name, milestone? ('draft' | 'consultation' | 'adopted'), author, created (ISO), state (Uint8Array)
//
// `state` is the full state of the document at that moment WITHOUT the versions root: a copy of the
// document whose versions are cleared, encoded with Y.encodeStateAsUpdateV2 (the live document keeps
// garbage collection on; a version is loaded by applying its state to a new Y.Doc). Measured on the large
// strategy (bench/generate-large-strategy.ts: 12 perspectives, 120 focus areas, 1,000 initiatives, with 40
// focus areas retyped so there is history; test/unit/versions/versions-size.test.ts prints the figures):
//   - compacted state of the document: V1 1,083 KB, V2 894 KB; the live document's V1 update 1,108 KB;
//   - a version (V2 of the copy, chosen) stores 894 KB and adds 894 KB to the document: 1.00 × the compacted
//     V2 state (0.83 × V1; ≤ 1.2 required); V1 for the version would add 1,083 KB;
//   - a second version adds the same 894 KB: earlier versions are cleared in the copy (a deleted
//     ContentBinary is garbage-collected to a few bytes), so N versions cost N states, not N²;
//   - rebuilding a fresh document from the interchange file instead gives 914 KB (no gain) in 447 ms against
//     190 ms for the copy, and loses the Yjs identity of the items;
//   - Y.snapshot of the live document would cost almost nothing per version, but needs gc off for good
//     (every deleted character kept forever), which the storage and sync server are not built for.
// Versions merge like everything else: two replicas saving offline each add a key; the list is the union.
// Saving is its own origin (VERSION_ORIGIN), so the undo of editors and the navigator never removes one.
//
// Restoring a version (restoreVersion) is one forward transaction through the model API that makes the
// current content equal to the version's: items are updated, moved, added and deleted by id, text fields
// and rich text as minimal diffs. Stored history (and the later versions) stay as they are; an UndoManager
// tracking the given origin undoes the whole restore in one step.
import * as Y from 'yjs';
import { STRATEGY_STATUSES, type Meta, type StrategyStatus } from '../format/schema';
import { COLLECTIONS, STATUS_UPDATES, VERSIONS, collection } from './layout';
import { LOCAL_ORIGIN, VISION_ID } from './model-constants';
import { StrategyModel } from './strategy-model';
import type { ItemKind, KindData, KindInput, KindPatch, RichField } from './types';

/** A version's milestone is one of the strategy's statuses (udkast, i høring, vedtaget). */
export type Milestone = StrategyStatus;
export const MILESTONES: readonly Milestone[] = STRATEGY_STATUSES;

/** Origin of saving a version (not tracked by the editors' and the navigator's undo). */
export const VERSION_ORIGIN = 'pejling:version';

export interface VersionInfo {
  id: string;
  name: string;
  milestone?: Milestone;
  author: string;
  /** ISO timestamp. */
  created: string;
  /** Bytes of the stored state. */
  bytes: number;
}

export interface SaveVersionInput {
  name: string;
  milestone?: Milestone | undefined;
  author: string;
  /** Default: now. */
  created?: string;
  /** Default: a random id. */
  id?: string;
}

/** A version name or id that names no version; `known` lists the names there are. */
export class UnknownVersionError extends Error {
  constructor(
    readonly wanted: string,
    readonly known: string[],
  ) {
    super(known.length === 0 ? `no version named "${wanted}": the document has no versions` : `no version named "${wanted}"; the versions are: ${known.map((n) => `"${n}"`).join(', ')}`);
    this.name = 'UnknownVersionError';
  }
}

export function versionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(VERSIONS);
}

/** The document's content as a compacted state without the versions root (what a version stores). */
export function contentState(doc: Y.Doc): Uint8Array {
  const copy = new Y.Doc({ gc: true });
  try {
    Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc));
    const versions = versionsMap(copy);
    if (versions.size > 0) copy.transact(() => versions.clear());
    return Y.encodeStateAsUpdateV2(copy);
  } finally {
    copy.destroy();
  }
}

function randomId(): string {
  let id = 've-';
  for (let i = 0; i < 10; i++) id += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 36)];
  return id;
}

function readInfo(id: string, entry: Y.Map<unknown>): VersionInfo | null {
  const name = entry.get('name');
  const state = entry.get('state');
  if (typeof name !== 'string' || !(state instanceof Uint8Array)) return null;
  const info: VersionInfo = {
    id,
    name,
    author: typeof entry.get('author') === 'string' ? (entry.get('author') as string) : '',
    created: typeof entry.get('created') === 'string' ? (entry.get('created') as string) : '',
    bytes: state.length,
  };
  const milestone = entry.get('milestone');
  if (typeof milestone === 'string' && (MILESTONES as readonly string[]).includes(milestone)) info.milestone = milestone as Milestone;
  return info;
}

/** Saves the document's current content as a named version; one transaction (origin VERSION_ORIGIN by default). */
export function saveVersion(doc: Y.Doc, input: SaveVersionInput, origin: unknown = VERSION_ORIGIN): VersionInfo {
  const name = input.name.trim();
  if (name === '') throw new Error('a version needs a name');
  if (input.milestone !== undefined && !MILESTONES.includes(input.milestone)) throw new Error(`unknown milestone "${String(input.milestone)}"`);
  const id = input.id ?? randomId();
  if (versionsMap(doc).has(id)) throw new Error(`a version with id "${id}" exists already`);
  const state = contentState(doc);
  const created = input.created ?? new Date().toISOString();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set('name', name);
    if (input.milestone) entry.set('milestone', input.milestone);
    entry.set('author', input.author);
    entry.set('created', created);
    entry.set('state', state);
    versionsMap(doc).set(id, entry);
  }, origin);
  return readInfo(id, versionsMap(doc).get(id)!)!;
}

/** The versions, oldest first (ties by id, so every replica lists them in one order). */
export function listVersions(doc: Y.Doc): VersionInfo[] {
  const out: VersionInfo[] = [];
  versionsMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const info = readInfo(id, entry);
    if (info) out.push(info);
  });
  return out.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The version with this id, else the newest one with this name; UnknownVersionError names the versions there are. */
export function findVersion(doc: Y.Doc, idOrName: string): VersionInfo {
  const all = listVersions(doc);
  const found = all.find((v) => v.id === idOrName) ?? [...all].reverse().find((v) => v.name === idOrName);
  if (!found) throw new UnknownVersionError(idOrName, [...new Set(all.map((v) => v.name))]);
  return found;
}

/** Calls back when the list changes (a save here or by a co-editor); returns the unsubscribe. */
export function observeVersions(doc: Y.Doc, callback: () => void): () => void {
  const map = versionsMap(doc);
  const handler = (): void => callback();
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}

/**
 * Copies every version of `from` into `to` (as they are: a version's state holds its whole content, so it does
 * not depend on the document's history). For a document made anew from a .pejling file's content.
 */
export function copyVersions(from: Y.Doc, to: Y.Doc, origin: unknown = VERSION_ORIGIN): number {
  const source = versionsMap(from);
  const target = versionsMap(to);
  let copied = 0;
  to.transact(() => {
    source.forEach((entry, id) => {
      if (!(entry instanceof Y.Map) || !readInfo(id, entry) || target.has(id)) return;
      const copy = new Y.Map<unknown>();
      entry.forEach((value, key) => copy.set(key, value));
      target.set(id, copy);
      copied++;
    });
  }, origin);
  return copied;
}

/** The version's stored state (a V2 update holding its whole content). */
export function versionState(doc: Y.Doc, idOrName: string): Uint8Array {
  const info = findVersion(doc, idOrName);
  return versionsMap(doc).get(info.id)!.get('state') as Uint8Array;
}

/** The version's content as a new Y.Doc of its own (nothing written to it goes anywhere). */
export function loadVersion(doc: Y.Doc, idOrName: string): Y.Doc {
  const out = new Y.Doc();
  Y.applyUpdateV2(out, versionState(doc, idOrName));
  return out;
}

// ---- restore ------------------------------------------------------------------------------------------

/** Parents before children, so an added child finds its parent. */
const RESTORE_ORDER: ItemKind[] = ['section', 'perspective', 'principle', 'bearing', 'focusArea', 'goal', 'owner', 'actionPlan', 'initiative'];

/** Fields of an item's view that are neither its id, its place nor read-only. */
function editableFields(kind: ItemKind, data: KindData[ItemKind]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(data as unknown as Record<string, unknown>) };
  delete out.id;
  delete out.virtual;
  delete out.statusUpdates;
  if (kind === 'principle' || kind === 'bearing') delete out.kind;
  const parentField = COLLECTIONS[kind].parent?.field;
  if (parentField) delete out[parentField];
  return out;
}

function parentOf(kind: ItemKind, data: KindData[ItemKind]): string | undefined {
  const field = COLLECTIONS[kind].parent?.field;
  return field ? ((data as unknown as Record<string, unknown>)[field] as string | undefined) : undefined;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Makes the document's content equal to the version's, as ONE transaction with `origin` through the model
 * API: meta, labels, rich text, and every item by id (updated, moved, added, deleted). The versions root and
 * the stored history are not touched.
 */
export function restoreVersion(doc: Y.Doc, idOrName: string, origin: unknown = LOCAL_ORIGIN): void {
  const source = loadVersion(doc, idOrName);
  try {
    restoreContent(new StrategyModel(doc), new StrategyModel(source), origin);
  } finally {
    source.destroy();
  }
}

function restoreContent(model: StrategyModel, from: StrategyModel, origin: unknown): void {
  model.doc.transact(() => {
    const meta = from.getMeta();
    const current = model.getMeta();
    const metaPatch: Record<string, unknown> = { ...meta };
    for (const key of Object.keys(current)) if (!(key in meta)) metaPatch[key] = null;
    model.updateMeta(metaPatch as Partial<Meta>, origin);
    const labels = from.getLabels();
    const labelPatch: Record<string, unknown> = { ...labels };
    for (const key of Object.keys(model.getLabels())) if (!(key in labels)) labelPatch[key] = null;
    model.updateLabels(labelPatch, origin);
    for (const field of ['statement', 'body'] as const) restoreRich(model, from, VISION_ID, field, origin);

    const wanted = new Set<string>();
    for (const kind of RESTORE_ORDER) {
      const rich = COLLECTIONS[kind].rich?.field;
      const targets = from.list(kind).filter((d) => !(d as { virtual?: true }).virtual);
      const index = new Map<string | undefined, number>();
      for (const target of targets) {
        wanted.add(target.id);
        const parent = parentOf(kind, target);
        const position = index.get(parent) ?? 0;
        index.set(parent, position + 1);
        const fields = editableFields(kind, target);
        const existing = model.kindOf(target.id) === kind ? model.get(kind, target.id) : undefined;
        if (!existing) {
          if (model.kindOf(target.id) !== undefined) continue; // the id is another kind's now: left as it is
          const input = { id: target.id, ...fields } as Record<string, unknown>;
          const parentField = COLLECTIONS[kind].parent?.field;
          if (parentField && kind !== 'bearing' && parent !== undefined) input[parentField] = parent;
          if (rich) {
            const value = from.getRich(target.id, rich);
            if (value !== undefined) input[rich] = value;
          }
          model.add(kind, input as unknown as KindInput[typeof kind], { index: position }, origin);
        } else {
          const now = editableFields(kind, existing);
          const patch: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(fields)) if (!same(value, now[key])) patch[key] = value;
          for (const key of Object.keys(now)) if (!(key in fields)) patch[key] = null;
          if (Object.keys(patch).length > 0) model.update(kind, target.id, patch as KindPatch[typeof kind], origin);
          const currentParent = parentOf(kind, existing);
          model.move(target.id, currentParent === parent || parent === undefined ? { index: position } : { parentId: parent, index: position }, origin);
          if (rich) restoreRich(model, from, target.id, rich, origin);
        }
        if (kind === 'initiative') restoreStatusUpdates(model, from, target.id);
      }
    }
    // Deletes last, children first: what the version keeps has moved out of deleted parents by now.
    for (const kind of [...RESTORE_ORDER].reverse()) {
      for (const item of model.list(kind)) {
        if ((item as { virtual?: true }).virtual || wanted.has(item.id)) continue;
        if (model.kindOf(item.id) === kind) model.delete(item.id, {}, origin);
      }
    }
  }, origin);
}

function restoreRich(model: StrategyModel, from: StrategyModel, id: string, field: RichField, origin: unknown): void {
  const value = from.getRich(id, field);
  if (same(value, model.getRich(id, field))) return;
  model.setRich(id, field, value ?? null, origin);
}

/** The status history is append-only for editing; a restore makes it the version's (inside the restore's transaction). */
function restoreStatusUpdates(model: StrategyModel, from: StrategyModel, id: string): void {
  const wanted = from.get('initiative', id)?.statusUpdates ?? [];
  const now = model.get('initiative', id)?.statusUpdates ?? [];
  if (same(wanted, now)) return;
  const item = collection(model.doc, 'initiative').get(id);
  if (!item) return;
  const history = item.get(STATUS_UPDATES);
  if (!(history instanceof Y.Array)) return;
  const keep = now.findIndex((u, i) => !same(u, wanted[i]));
  const from_ = keep < 0 ? now.length : keep;
  if (history.length > from_) history.delete(from_, history.length - from_);
  if (wanted.length > from_) history.push(wanted.slice(from_).map((u) => ({ ...u })));
}
