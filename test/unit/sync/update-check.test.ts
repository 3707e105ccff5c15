// The update check of the sync rooms (main/sync/update-check.ts) and the write path's queue: every
// update the check lets through can be stored and loaded again; its shortcuts decide as the full state
// would; a batch that cannot be merged fails the queue instead of the process.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DurableQueue } from '../../../main/sync/durable-queue';
import { checkUpdate } from '../../../main/sync/update-check';
import { isPoisonous, mutate, mutationMaterial, prng } from '../../integration/update-mutation';

describe('checkUpdate', () => {
  it('on 1,500 mutated updates: refuses every poisonous one, agrees with the full-state check, and what it accepts loads again', () => {
    const material = mutationMaterial();
    const random = prng(7);
    let accepted = 0;
    for (let i = 0; i < 1500; i++) {
      const candidate = mutate(material.updates[Math.floor(random() * material.updates.length)]!, random);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, material.state);
      // What the room stores: the state, Yjs's own encoding of what applied, and the raw update if it left
      // pending structs.
      const stored = [material.state];
      doc.on('update', (update: Uint8Array) => stored.push(update));
      const quick = checkUpdate(doc, candidate);
      expect(quick.ok).toBe(checkUpdate(doc, candidate, { fullState: true }).ok);
      if (isPoisonous(material.state, candidate)) {
        expect(quick.ok).toBe(false);
      }
      if (!quick.ok) continue;
      try {
        Y.applyUpdate(doc, candidate);
      } catch {
        continue; // refused by Yjs itself: the room refuses it too
      }
      accepted++;
      if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) stored.push(candidate);
      const reloaded = new Y.Doc();
      Y.applyUpdate(reloaded, Y.mergeUpdates(stored));
      reloaded.destroy();
      doc.destroy();
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts ordinary edits and a reconnecting replica’s sync step 2', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    client.getText('t').insert(0, 'abc');
    client.getText('t').delete(1, 1);
    client.getMap('m').set('k', 'v');
    for (const update of updates) {
      expect(checkUpdate(server, update)).toEqual({ ok: true });
      Y.applyUpdate(server, update);
    }
    client.getText('t').insert(2, 'offline');
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))).ok).toBe(true);
    // A full state resent (overlapping everything the server has) is fine too.
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client)).ok).toBe(true);
  });

  it('refuses bytes that are not an update with a reason', () => {
    const verdict = checkUpdate(new Y.Doc(), Uint8Array.from([1, 1, 200, 3, 9, 9, 9]));
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toMatch(/not a Yjs update/);
  });
});

describe('DurableQueue', () => {
  it('a batch that cannot be merged fails the queue (phase merge), writes nothing and leaves no unhandled rejection', async () => {
    const writes: Uint8Array[] = [];
    const failures: string[] = [];
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const queue = new DurableQueue(
        async (update) => {
          writes.push(update);
        },
        (_error, phase) => failures.push(phase),
      );
      let ran = false;
      queue.enqueue(Uint8Array.from([0, 0]));
      queue.enqueue(Uint8Array.from([1, 1, 200, 3, 9, 9, 9]));
      queue.afterDurable(() => (ran = true));
      await queue.whenIdle();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(failures).toEqual(['merge']);
      expect(writes).toEqual([]);
      expect(ran).toBe(false);
      expect(queue.failed).toBe(true);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('an action that throws is reported and the later actions still run', async () => {
    const errors: unknown[] = [];
    const queue = new DurableQueue(async () => undefined, () => undefined, (error) => errors.push(error));
    const ran: number[] = [];
    queue.enqueue(Y.encodeStateAsUpdate(new Y.Doc()));
    queue.afterDurable(() => {
      throw new Error('boom');
    });
    queue.afterDurable(() => ran.push(2));
    await queue.whenIdle();
    expect(errors).toHaveLength(1);
    expect(ran).toEqual([2]);
  });
});
