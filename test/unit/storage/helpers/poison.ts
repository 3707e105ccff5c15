// A "poisoned" Yjs update for storage tests (issue 20, item 1): one that `Y.applyUpdate` accepts (it only leaves
// pending structs) but that makes `Y.mergeUpdates` throw when merged with the document's other updates.
// `baseUpdates()` is a deterministic editing session (fixed client id); POISON_HEX was found by
// `searchPoison()` (random byte mutations of those updates, fixed seed) and is kept so tests need not search.
import * as Y from 'yjs';

export const POISON_CLIENT_ID = 424242;

/** The updates of a small, deterministic editing session on Y.Text 'body' and Y.Map 'm'. */
export function baseUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = POISON_CLIENT_ID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('body');
  const map = doc.getMap('m');
  for (let i = 0; i < 40; i++) {
    text.insert((i * 7) % (text.length + 1), `abc${i}`);
    map.set(`k${i % 5}`, i);
    if (i % 7 === 0) text.delete(0, 2);
  }
  doc.destroy();
  return updates;
}

/** True when `update` applies to the state of `updates` but does not merge with them. */
export function isPoison(updates: Uint8Array[], update: Uint8Array): boolean {
  const doc = new Y.Doc();
  try {
    for (const u of updates) Y.applyUpdate(doc, u);
    Y.applyUpdate(doc, update);
  } catch {
    return false;
  } finally {
    doc.destroy();
  }
  try {
    Y.mergeUpdates([...updates, update]);
    return false;
  } catch {
    return true;
  }
}

/** Mutates random bytes of the base updates until one is poison (deterministic seed). */
export function searchPoison(maxTries = 100_000): Uint8Array | null {
  const updates = baseUpdates();
  let seed = 20;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  for (let tries = 0; tries < maxTries; tries++) {
    const mutated = updates[Math.floor(random() * updates.length)]!.slice();
    const flips = 1 + Math.floor(random() * 2);
    for (let k = 0; k < flips; k++) mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
    if (isPoison(updates, mutated)) return mutated;
  }
  return null;
}

export const POISON_HEX = '0101b2f219044a01016d026b30017d0000';

export function poisonUpdate(): Uint8Array {
  return Uint8Array.from(Buffer.from(POISON_HEX, 'hex'));
}
