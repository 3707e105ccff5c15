// Which Yjs updates a commenter may make (issue 12): an update from a commenter connection is applied and
// relayed only if every change in it is a comment change, else it is dropped whole.
//
// A comment change is
//   (a) a struct inserted somewhere under the root Y.Map `comments` (threads, messages, their texts), or
//   (b) a ContentFormat item whose key matches /^comment(--|$)/ (the `comment` mark as y-prosemirror stores
//       it: `comment--<hash>` for a non-exclusive mark) inserted into a Y.XmlText the document already has,
// and the deletion of items of kinds (a) and (b). Deleting what is already deleted (or garbage-collected) is
// no change: a client's sync step 2 always carries its whole delete set, editors' deletions included.
//
// How: the update is decoded (Y.decodeUpdate) and each new struct's parent is resolved the way Yjs itself does
// it when it integrates (Item.getMissing: the origin's parent, else the right origin's, else the declared
// parent), looking structs up in the room's document or in the update itself. Nothing is applied to find out.
// Measured (200 one-character updates of a comment's text, on this machine's shared CPU): applying each
// update to a scratch copy of the document to read the transaction costs a copy per update, 31-34 ms on the
// 53 KB Københavns example and 260-415 ms on the 1.1 MB large strategy (bench/generate-large-strategy.ts);
// this check plus applying the update costs 0.1-0.3 ms on either, since it only looks up the structs the
// update names (O(update · log document)).
//
// Strict where in doubt (the update is dropped):
// - every struct the update depends on must be in the document or in the update: an update that would
//   leave pending structs or deletions is refused ('missing-dependencies'), since its parents cannot be
//   known and it would integrate later unchecked. A commenter's own updates only depend on what the
//   server sent it, so this only refuses updates that build on something the server already refused;
// - a struct that overlaps the document's state only in part is refused ('invalid'): Yjs would take the
//   new part's left neighbour from the stored struct but its parent from the update's origin, and those
//   need not agree. y-websocket never sends that (a sync step 2 is computed against the server's state);
// - an item whose origin and right origin lie in different types, an item whose parent is not a type, a
//   format item with a map key, a subdocument: refused;
// - merged structs: one struct of an update can be several items merged (consecutive clocks of one client in
//   one parent, e.g. a typed word); it is judged once by that parent, which all its parts share. Stored
//   structs merge or split under the check's feet only inside a transaction; the check reads them without
//   splitting (Y.findIndexSS, no getItemCleanStart), so it never changes the store;
// - an item that Yjs would turn into a GC struct (its neighbours are garbage-collected) changes no type
//   and is accepted, as are GC structs themselves (a client's deleted comment whose parent is deleted too).
import * as Y from 'yjs';
import { COMMENT_ATTRIBUTE, COMMENTS } from '../../shared/model/comments';
import type { RefusalReason } from '../../shared/sync/protocol';

/** The root type that holds every thread (the fixed contract with shared/model/comments.ts). */
export const COMMENTS_ROOT = COMMENTS;

/** Keys under which y-prosemirror stores the `comment` mark as a text format attribute. */
const COMMENT_FORMAT_KEY = COMMENT_ATTRIBUTE;

export type CommenterVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: RefusalReason;
      detail: string;
      /**
       * The update only deletes format attributes of texts (no new structs): what Yjs's own formatting cleanup
       * writes on every client after a remote change to formatted text. Refused like any other, but it is no
       * user's doing (each editor makes the same cleanup itself), so the room drops it without telling anyone.
       */
      formatCleanup?: true;
    };

export interface CommenterCheckOptions {
  /** Whether this connection may write structs of this client id (see the room's foreign-client rule). */
  mayWriteClient?: (client: number) => boolean;
}

type Struct = Y.Item | Y.GC | Y.Skip;
type Content = Y.Item['content'];
/** What Y.decodeUpdate returns (its DeleteSet type is not exported). */
interface DecodedUpdate {
  structs: Struct[];
  ds: { clients: Map<number, { clock: number; len: number }[]> };
}

/** A parent as Yjs would resolve it: a root by name, a type in the document, or a type this update creates. */
type ParentRef = { kind: 'root'; name: string } | { kind: 'doc'; type: Y.AbstractType<unknown> } | { kind: 'new'; item: Y.Item };

/** What a resolved struct would become: a child of `parent` (with its map key), or a GC struct. */
type Placement = { gc: false; parent: ParentRef; parentSub: string | null } | { gc: true };

/** Where the changes under a parent land. */
type Area = 'comments' | 'text' | 'other';

class Refusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail: string,
  ) {
    super(detail);
  }
}

const refuse = (reason: RefusalReason, detail: string): never => {
  throw new Refusal(reason, detail);
};

const idText = (id: Y.ID): string => `${id.client}:${id.clock}`;

class UpdateView {
  /** The update's structs per client, sorted by clock. */
  readonly byClient = new Map<number, Struct[]>();
  private readonly placements = new Map<Y.Item, Placement | 'resolving'>();
  private readonly areas = new Map<Y.AbstractType<unknown> | Y.Item | string, Area>();

  constructor(
    readonly doc: Y.Doc,
    structs: Struct[],
  ) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
    for (const [client, list] of this.byClient) {
      list.sort((a, b) => a.id.clock - b.id.clock);
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!;
        if (list[i]!.id.clock !== prev.id.clock + prev.length) refuse('invalid', `structs of client ${client} overlap or leave a gap`);
      }
    }
  }

  docState(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  /** Where the update's structs of `client` end (the state after it integrated), at least the document's. */
  endState(client: number): number {
    const list = this.byClient.get(client);
    const last = list?.[list.length - 1];
    return Math.max(this.docState(client), last ? last.id.clock + last.length : 0);
  }

  /** The struct holding `id`: in the document, or new in this update; null when neither has it. */
  lookup(id: Y.ID): { inDoc: boolean; struct: Struct } | null {
    if (id.clock < this.docState(id.client)) {
      const structs = this.doc.store.clients.get(id.client)!;
      return { inDoc: true, struct: structs[Y.findIndexSS(structs, id.clock)]! };
    }
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const struct = list[mid]!;
      if (id.clock < struct.id.clock) hi = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) lo = mid + 1;
      else return struct instanceof Y.Skip ? null : { inDoc: false, struct };
    }
    return null;
  }

  /**
   * The first new struct (of this update) that an item's placement depends on and that is not resolved yet,
   * or null. Refuses what Yjs could not integrate now.
   */
  private unresolvedDependency(item: Y.Item): Y.Item | null {
    for (const id of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (!id) continue;
      const found = this.lookup(id);
      if (!found) return refuse('missing-dependencies', `${idText(item.id)} depends on ${idText(id)}, which the server does not have`);
      if (found.inDoc || !(found.struct instanceof Y.Item)) continue;
      const dep = found.struct;
      // A struct of the same client can only build on earlier clocks (Yjs integrates a client in clock order).
      if (dep.id.client === item.id.client && dep.id.clock >= item.id.clock) refuse('invalid', `${idText(item.id)} depends on a later struct of its own client`);
      // The parent only has to exist (its own place is resolved when its area is asked for).
      if (id === item.parent) continue;
      const state = this.placements.get(dep);
      // Dependencies are resolved depth first, one at a time: one still resolving is on the path to here.
      if (state === 'resolving') refuse('invalid', `${idText(item.id)} is part of a dependency cycle`);
      if (state === undefined) return dep;
    }
    return null;
  }

  /** Where a new item of the update would be integrated (Yjs's Item.getMissing, without touching the store). */
  placement(item: Y.Item): Placement {
    const known = this.placements.get(item);
    if (known === 'resolving') return refuse('invalid', `${idText(item.id)} is part of a dependency cycle`);
    if (known) return known;
    // Iterative, so a long chain of new items (each one's origin the one before) cannot exhaust the stack.
    const stack: Y.Item[] = [item];
    this.placements.set(item, 'resolving');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const dep = this.unresolvedDependency(top);
      if (dep) {
        this.placements.set(dep, 'resolving');
        stack.push(dep);
        continue;
      }
      this.placements.set(top, this.place(top));
      stack.pop();
    }
    return this.placements.get(item) as Placement;
  }

  /** The placement of an item whose new dependencies are resolved. */
  private place(item: Y.Item): Placement {
    const left = item.origin ? this.lookup(item.origin) : null;
    const right = item.rightOrigin ? this.lookup(item.rightOrigin) : null;
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC) return { gc: true };
    if (item.parent === null) {
      const leftPlace = left ? this.placementOfNeighbour(left) : null;
      const rightPlace = right ? this.placementOfNeighbour(right) : null;
      if (leftPlace && rightPlace && !samePlacement(leftPlace, rightPlace)) {
        refuse('invalid', `${idText(item.id)} sits between items of different types`);
      }
      return leftPlace ?? rightPlace ?? { gc: true };
    }
    if (typeof item.parent === 'string') return { gc: false, parent: { kind: 'root', name: item.parent }, parentSub: item.parentSub };
    if (item.parent instanceof Y.ID) {
      const found = this.lookup(item.parent)!;
      if (found.struct instanceof Y.GC) return { gc: true };
      const holder = found.struct as Y.Item;
      const content = holder.content;
      if (!(content instanceof Y.ContentType)) return refuse('invalid', `${idText(item.id)} names a parent that is not a type`);
      const parent: ParentRef = found.inDoc ? this.docRef(content.type as Y.AbstractType<unknown>) : { kind: 'new', item: holder };
      return { gc: false, parent, parentSub: item.parentSub };
    }
    return refuse('invalid', `${idText(item.id)} has an unreadable parent`);
  }

  /** The placement a neighbour (an item, not a GC struct) gives an item that names no parent of its own. */
  private placementOfNeighbour(found: { inDoc: boolean; struct: Struct }): Placement | null {
    const neighbour = found.struct;
    if (!(neighbour instanceof Y.Item)) return null;
    if (found.inDoc) return { gc: false, parent: this.docRef(neighbour.parent as Y.AbstractType<unknown>), parentSub: neighbour.parentSub };
    return this.placements.get(neighbour) as Placement;
  }

  docRef(type: Y.AbstractType<unknown>): ParentRef {
    return type._item === null ? { kind: 'root', name: Y.findRootTypeKey(type) } : { kind: 'doc', type };
  }

  /** Where a change under this parent lands: under `comments`, directly in an existing text, or elsewhere. */
  area(ref: ParentRef): Area {
    if (ref.kind === 'root') return ref.name === COMMENTS_ROOT ? 'comments' : 'other';
    const key = ref.kind === 'doc' ? ref.type : ref.item;
    const cached = this.areas.get(key);
    if (cached) return cached;
    // Provisional while computing: a type that (in a crafted update) ends up inside itself is 'other'.
    this.areas.set(key, 'other');
    let area: Area;
    if (ref.kind === 'doc') {
      let type = ref.type;
      while (type._item !== null) type = type._item.parent as Y.AbstractType<unknown>;
      if (Y.findRootTypeKey(type) === COMMENTS_ROOT) area = 'comments';
      else area = ref.type instanceof Y.XmlText ? 'text' : 'other';
    } else {
      // A type the update creates: only under `comments` (a new text elsewhere is not a comment).
      const place = this.placement(ref.item);
      area = !place.gc && this.area(place.parent) === 'comments' ? 'comments' : 'other';
    }
    this.areas.set(key, area);
    return area;
  }
}

function samePlacement(a: Placement, b: Placement): boolean {
  if (a.gc || b.gc) return a.gc === b.gc;
  if (a.parentSub !== b.parentSub || a.parent.kind !== b.parent.kind) return false;
  if (a.parent.kind === 'root') return a.parent.name === (b.parent as { name: string }).name;
  if (a.parent.kind === 'doc') return a.parent.type === (b.parent as { type: unknown }).type;
  return a.parent.item === (b.parent as { item: unknown }).item;
}

/** A comment mark's format attribute: a `comment…` key, and y-prosemirror's attrs object or null (the end). */
function isCommentFormat(content: Content): boolean {
  if (!(content instanceof Y.ContentFormat) || !COMMENT_FORMAT_KEY.test(content.key)) return false;
  const value: unknown = content.value;
  return value === null || (typeof value === 'object' && !Array.isArray(value));
}

function checkInsert(view: UpdateView, item: Y.Item): void {
  const place = view.placement(item);
  if (place.gc) return;
  const area = view.area(place.parent);
  if (area === 'comments') {
    if (item.content instanceof Y.ContentDoc) refuse('not-comment', `${idText(item.id)} is a subdocument`);
    // The root map's own entries are keyed; an unkeyed item there would be a list entry no one reads.
    if (place.parent.kind === 'root' && place.parentSub === null) refuse('not-comment', `${idText(item.id)} is not a keyed entry of ${COMMENTS_ROOT}`);
    return;
  }
  if (area === 'text' && place.parentSub === null && isCommentFormat(item.content)) return;
  refuse('not-comment', `${idText(item.id)} changes the strategy (${describeContent(item.content)} outside ${COMMENTS_ROOT})`);
}

/**
 * Whether an item of the document may be deleted by a commenter: true, or 'format' for another format
 * attribute of a text (refused, but see formatCleanup); refuses anything else.
 */
function checkDeletable(view: UpdateView, struct: Struct): true | 'format' {
  if (!(struct instanceof Y.Item) || struct.deleted) return true;
  const parent = view.docRef(struct.parent as Y.AbstractType<unknown>);
  const area = view.area(parent);
  if (area === 'comments') return true;
  if (area === 'text' && struct.parentSub === null && isCommentFormat(struct.content)) return true;
  if (area === 'text' && struct.parentSub === null && struct.content instanceof Y.ContentFormat) return 'format';
  return refuse('not-comment', `deletes ${idText(struct.id)} (${describeContent(struct.content)} outside ${COMMENTS_ROOT})`);
}

function describeContent(content: Content): string {
  if (content instanceof Y.ContentFormat) return `format "${content.key}"`;
  if (content instanceof Y.ContentString) return 'text';
  if (content instanceof Y.ContentType) return 'a type';
  if (content instanceof Y.ContentDeleted) return 'deleted content';
  return 'a value';
}

/**
 * Whether a commenter may make `update` (Yjs v1) to `doc`. Pure: reads the document, changes nothing. Run it
 * after checkUpdate (update-check.ts), which refuses what does not decode or merge.
 */
export function checkCommenterUpdate(doc: Y.Doc, update: Uint8Array, options: CommenterCheckOptions = {}): CommenterVerdict {
  try {
    let decoded: DecodedUpdate;
    try {
      decoded = Y.decodeUpdate(update) as unknown as DecodedUpdate;
    } catch (error) {
      return refuse('invalid', `does not decode (${error instanceof Error ? error.message : String(error)})`);
    }
    const view = new UpdateView(doc, decoded.structs);
    let inserts = false;
    for (const [client, list] of view.byClient) {
      const state = view.docState(client);
      const fresh = list.filter((struct) => struct.id.clock + struct.length > state);
      if (fresh.length === 0) continue; // all known: Yjs skips them
      inserts = true;
      if (options.mayWriteClient && !options.mayWriteClient(client)) refuse('foreign-client', `writes as client ${client}, which another connection holds`);
      if (fresh[0]!.id.clock > state) refuse('missing-dependencies', `client ${client} continues at ${fresh[0]!.id.clock}, the server has ${state}`);
      if (fresh[0]!.id.clock < state) refuse('invalid', `${idText(fresh[0]!.id)} overlaps what the server has of client ${client} (up to ${state})`);
      for (const struct of fresh) {
        if (struct instanceof Y.Skip) refuse('missing-dependencies', `client ${client} skips ${struct.length} clocks at ${struct.id.clock}`);
        if (struct instanceof Y.Item) checkInsert(view, struct);
      }
    }
    let formatDeletion: string | null = null;
    for (const [client, ranges] of decoded.ds.clients) {
      const state = view.docState(client);
      const end = view.endState(client);
      const structs = doc.store.clients.get(client);
      for (const { clock, len } of ranges) {
        if (clock + len > end) refuse('missing-dependencies', `deletes ${client}:${clock + len - 1}, which the server does not have`);
        // Clocks from `state` on are the update's own new structs, checked above.
        const stop = Math.min(clock + len, state);
        if (!structs || clock >= stop) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < stop; i++) {
          if (checkDeletable(view, structs[i]!) === 'format') formatDeletion ??= idText(structs[i]!.id);
        }
      }
    }
    if (formatDeletion !== null) {
      const detail = `deletes ${formatDeletion} (a text format that is not a comment)`;
      return inserts ? { ok: false, reason: 'not-comment', detail } : { ok: false, reason: 'not-comment', detail, formatCleanup: true };
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, detail: error.message };
    // Anything unforeseen in a crafted update: drop it (strict), say what.
    return { ok: false, reason: 'invalid', detail: `cannot be checked (${error instanceof Error ? error.message : String(error)})` };
  }
}
