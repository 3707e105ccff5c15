// Checks an incoming Yjs update before a room applies, stores or relays it.
//
// Why: `Y.applyUpdate` accepts some damaged updates (it parks what it cannot place as pending structs),
// while `Y.mergeUpdates`, which the storage uses to load a document's log, throws on the same bytes once
// they meet the structs the document already has ("Unexpected case"). Stored, such an update makes the
// document unloadable for good (issue 20, item 1). So an update is only accepted if it also merges with
// the document's state.
//
// Merging with the whole state costs O(document) per update (measured: 11 ms per update on the 53 KB
// Københavns strategy, 307 ms on a 1.9 MB text). The failure can only come from structs of the same
// client whose clock ranges meet, so:
// - an update that starts, for each of its clients, where the document ends (every ordinary edit, and a
//   reconnecting client's sync step 2, which is computed against the server's state vector) cannot meet
//   any stored struct: it is only checked on its own (O(update));
// - any other update is merged with the slice of the state it can meet: for each client it touches, the
//   document's structs from the update's lowest clock on, for other clients none (plus the delete set and
//   pending structs, which encodeStateAsUpdate always adds). Measured 0.16 ms per update on the 53 KB
//   strategy, 5 ms on the 1.9 MB text (its delete set dominates).
// test/unit/sync/update-check.test.ts checks that both shortcuts give the verdict of the full state on
// thousands of mutated updates.
import * as Y from 'yjs';

export interface UpdateVerdict {
  ok: boolean;
  /** Why the update is refused (for the log and the close reason). */
  reason?: string;
}

const EMPTY_UPDATE = Uint8Array.of(0, 0);

/** The part of `doc`'s state an update with these lowest clocks could overlap. */
function overlappingState(doc: Y.Doc, from: Map<number, number>): Uint8Array {
  const target = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of from) {
    const have = target.get(client) ?? 0;
    target.set(client, Math.min(have, clock));
  }
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(target));
}

/** True when, for every client of the update, the update starts where the document ends (or later). */
function startsAtTheEnd(doc: Y.Doc, from: Map<number, number>): boolean {
  for (const [client, clock] of from) if (clock < Y.getState(doc.store, client)) return false;
  return true;
}

/** Whether `update` can be applied to `doc` and stored next to its state without breaking a later load. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, { fullState = false } = {}): UpdateVerdict {
  let from: Map<number, number>;
  try {
    from = Y.parseUpdateMeta(update).from;
  } catch (error) {
    return { ok: false, reason: `not a Yjs update (${describe(error)})` };
  }
  try {
    // With a second (empty) update mergeUpdates decodes all of it, the delete set included
    // (`mergeUpdates([update])` returns its input untouched; parseUpdateMeta stops before the delete set).
    Y.mergeUpdates([update, EMPTY_UPDATE]);
  } catch (error) {
    return { ok: false, reason: `not a Yjs update (${describe(error)})` };
  }
  if (!fullState && doc.store.pendingStructs === null && startsAtTheEnd(doc, from)) return { ok: true };
  let state: Uint8Array;
  try {
    state = fullState ? Y.encodeStateAsUpdate(doc) : overlappingState(doc, from);
  } catch (error) {
    // The document itself cannot be encoded: not this update's fault, but do not add to it.
    return { ok: false, reason: `the document cannot be encoded (${describe(error)})` };
  }
  try {
    Y.mergeUpdates([state, update]);
  } catch (error) {
    return { ok: false, reason: `does not merge with the stored document (${describe(error)})` };
  }
  return { ok: true };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
