// Seeded byte-wise mutation of real Yjs updates, for the server's hardening tests: finds "poisonous"
// updates, ones that `Y.applyUpdate` accepts (parking pending structs) but `Y.mergeUpdates` rejects once
// they meet the document's state: stored, they make the document unloadable (issue 20, item 1).
import * as Y from 'yjs';

/** A small deterministic PRNG (LCG), so every run searches the same mutations. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface Material {
  /** The document's full state (what the server holds once a client synced it). */
  state: Uint8Array;
  /** The incremental updates that built it: material to mutate. */
  updates: Uint8Array[];
}

/** A small strategy-like document with fixed client ids (so the search is the same every run). */
export function mutationMaterial(): Material {
  const doc = new Y.Doc();
  doc.clientID = 424_242;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('vision');
  text.insert(0, 'Fælles it-arkitektur og genbrug af data');
  text.delete(3, 4);
  doc.getMap('meta').set('status', 'active');
  text.format(0, 3, { bold: true });
  doc.getArray('initiatives').push([1, 'to', { tre: 3 }]);
  const other = new Y.Doc();
  other.clientID = 515_151;
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  other.on('update', (update: Uint8Array) => updates.push(update));
  other.getText('vision').insert(5, 'borgernær ');
  other.getMap('meta').set('owner', 'Digitaliseringsenheden');
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  other.destroy();
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state, updates };
}

/** `source` with 1–3 bytes replaced at random (or, sometimes, one byte inserted or dropped). */
export function mutate(source: Uint8Array, random: () => number): Uint8Array {
  const roll = random();
  if (roll < 0.1 && source.length > 1) {
    const at = Math.floor(random() * source.length);
    return Uint8Array.from([...source.subarray(0, at), ...source.subarray(at + 1)]);
  }
  if (roll < 0.2) {
    const at = Math.floor(random() * (source.length + 1));
    return Uint8Array.from([...source.subarray(0, at), Math.floor(random() * 256), ...source.subarray(at)]);
  }
  const copy = source.slice();
  const flips = 1 + Math.floor(random() * 3);
  for (let i = 0; i < flips; i++) {
    // Half of the flips hit the first bytes (client, clock, struct info), where damage is the most
    // interesting; the rest anywhere.
    const span = random() < 0.5 ? Math.min(copy.length, 12) : copy.length;
    copy[Math.floor(random() * span)] = Math.floor(random() * 256);
  }
  return copy;
}

/** True when `update` is poisonous for a document holding `state` (decided by Yjs alone, not by our check). */
export function isPoisonous(state: Uint8Array, update: Uint8Array): boolean {
  try {
    Y.mergeUpdates([state, update]);
    return false; // merges: harmless for the log (cheap test first, no document needed)
  } catch {
    // does not merge; poisonous if applyUpdate nevertheless takes it
  }
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    Y.applyUpdate(doc, update);
    return true;
  } catch {
    return false; // refused outright: harmless
  } finally {
    doc.destroy();
  }
}

/** Mutates the material until `wanted` poisonous updates are found or `maxTries` is spent. */
export function findPoisonousUpdates(
  material: Material,
  { seed, wanted, maxTries }: { seed: number; wanted: number; maxTries: number },
): { found: Uint8Array[]; tries: number } {
  const random = prng(seed);
  const found: Uint8Array[] = [];
  let tries = 0;
  while (found.length < wanted && tries < maxTries) {
    tries++;
    const source = material.updates[Math.floor(random() * material.updates.length)]!;
    const candidate = mutate(source, random);
    if (isPoisonous(material.state, candidate)) found.push(candidate);
  }
  return { found, tries };
}

/**
 * Found by `findPoisonousUpdates(mutationMaterial(), …)` with seeds 13–39; kept so the tests do
 * not depend on the search's luck. server-robustness-updates.test.ts checks that each still is poisonous
 * (by Yjs alone).
 */
export const POISON_FIXTURES = [
  '01014cf2192a08010b033f697469617469766573037d017702746f7601037472657d0300',
  '0101b216192a08000b696e697469617469766573037d017702746f7601037472657d0300',
  '0101b227192a0801c86907697469617469766573037d017702746f7601037472657d0300',
  '01012ef2192a08010b0c6e697469617469766573037d017702746f760103741f657d0300',
  '0101b219462a08010b086e697469617469766573037d017702746f7601037472657d0300',
].map((hex) => Uint8Array.from(Buffer.from(hex, 'hex')));

