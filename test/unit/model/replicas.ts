// Replicas of one strategy that exchange Yjs updates only when a test says so, in any order.
import * as Y from 'yjs';
import { StrategyModel } from '../../../shared/model';
import type { StrategyFile } from '../../../shared/format/schema';

export const NETWORK_ORIGIN = 'test:network';

export class Replicas {
  readonly docs: Y.Doc[];
  readonly models: StrategyModel[];
  /** Updates each replica produced itself, in the order it produced them. */
  readonly outbox: Uint8Array[][];

  constructor(base: Y.Doc, count: number, random?: (replica: number) => () => number) {
    const state = Y.encodeStateAsUpdate(base);
    this.docs = [];
    this.models = [];
    this.outbox = [];
    for (let i = 0; i < count; i++) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state, NETWORK_ORIGIN);
      const box: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== NETWORK_ORIGIN) box.push(update);
      });
      this.docs.push(doc);
      this.models.push(new StrategyModel(doc, random ? { random: random(i) } : {}));
      this.outbox.push(box);
    }
  }

  /** Delivers one update that replica `from` produced to replica `to` (duplicates and any order allowed). */
  deliver(from: number, index: number, to: number): void {
    const update = this.outbox[from]![index];
    if (update) Y.applyUpdate(this.docs[to]!, update, NETWORK_ORIGIN);
  }

  /** Every replica receives every other replica's full state. */
  syncAll(): void {
    const states = this.docs.map((d) => Y.encodeStateAsUpdate(d));
    this.docs.forEach((doc, i) => states.forEach((s, j) => i !== j && Y.applyUpdate(doc, s, NETWORK_ORIGIN)));
  }
}

/** Every item id in an exported file, in file order (stand-in containers included). */
export function idsInFile(file: StrategyFile): string[] {
  const ids: string[] = [];
  for (const s of file.sections ?? []) ids.push(s.id);
  for (const p of file.vision.principles ?? []) ids.push(p.id);
  for (const b of file.vision.bearings ?? []) ids.push(b.id);
  for (const pe of file.perspectives) {
    ids.push(pe.id);
    for (const p of pe.principles ?? []) ids.push(p.id);
    for (const fa of pe.focusAreas) {
      ids.push(fa.id);
      for (const g of fa.goals ?? []) ids.push(g.id);
    }
  }
  for (const o of file.owners ?? []) ids.push(o.id);
  for (const plan of file.actionPlans ?? []) {
    ids.push(plan.id);
    for (const i of plan.initiatives) ids.push(i.id);
  }
  return ids;
}

/** A small deterministic PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The encoded state of a document, decoded into a canonical string: every struct (id, origins,
 * parent, content) and the delete set. Adjacent garbage-collected ranges of one client are merged,
 * because Yjs may store the same collected range as one GC struct or as several, depending on the
 * order updates arrived in; that split is the only way two replicas holding the same state can
 * encode it differently.
 */
export function canonicalState(doc: Y.Doc): string {
  const { structs, ds } = Y.decodeUpdate(Y.encodeStateAsUpdate(doc));
  const id = (i: Y.ID | null | undefined) => (i ? [i.client, i.clock] : null);
  const out: unknown[] = [];
  let gc: { gc: [number, number]; length: number } | undefined;
  for (const s of structs) {
    if (s instanceof Y.GC) {
      if (gc && gc.gc[0] === s.id.client && gc.gc[1] + gc.length === s.id.clock) {
        gc.length += s.length;
      } else {
        gc = { gc: [s.id.client, s.id.clock], length: s.length };
        out.push(gc);
      }
      continue;
    }
    gc = undefined;
    if (!(s instanceof Y.Item)) {
      out.push({ skip: id(s.id), length: s.length });
      continue;
    }
    const content = s.content as unknown as { constructor: { name: string }; getContent(): unknown[]; type?: unknown; key?: string; value?: unknown };
    const described =
      content.type !== undefined
        ? [(content.type as { constructor: { name: string } }).constructor.name, (content.type as { nodeName?: string }).nodeName ?? null]
        : content.key !== undefined
          ? [content.key, content.value]
          : content.getContent();
    out.push({
      id: id(s.id),
      length: s.length,
      origin: id(s.origin),
      rightOrigin: id(s.rightOrigin),
      parent: typeof s.parent === 'string' ? s.parent : id(s.parent as Y.ID | null),
      parentSub: s.parentSub,
      content: [content.constructor.name, described],
    });
  }
  const deleteSet = [...ds.clients.entries()].sort((a, b) => a[0] - b[0]).map(([client, items]) => [client, items.map((d) => [d.clock, d.len])]);
  return JSON.stringify({ structs: out, deleteSet });
}
