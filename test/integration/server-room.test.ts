// Room guarantees, on a real server over the real DocumentStore: load before answering, durable before
// relay and acknowledgement, storage failure closes the room (4500) until restart, connection limits,
// unloading idle rooms, and host-side access to a room's document.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentStore } from '../../main/storage/document-store';
import type { DocumentPersistence } from '../../main/storage/types';
import {
  removeTempDirs,
  appClient,
  nextClose,
  rawSocket,
  sleep,
  startTestServer,
  stockClient,
  tempDir,
  waitFor,
  type TestServer,
} from './server-helpers';

afterAll(removeTempDirs);

let server: TestServer | null = null;
let store: DocumentStore | null = null;
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server?.stop();
  server = null;
  await store?.close();
  store = null;
});

/** A gate: operations wait while it is closed. */
function gate() {
  let open = true;
  let waiters: (() => void)[] = [];
  return {
    close: () => {
      open = false;
    },
    open: () => {
      open = true;
      for (const resolve of waiters.splice(0)) resolve();
      waiters = [];
    },
    pass: () => (open ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}

/** The real store, with gates in front of load and append, and a switch that makes a document's appends fail. */
function controlled(real: DocumentPersistence) {
  const loadGate = gate();
  const appendGate = gate();
  const failing = new Set<string>();
  let appends = 0;
  const persistence: DocumentPersistence = {
    load: async (name) => {
      await loadGate.pass();
      return real.load(name);
    },
    append: async (name, update) => {
      await appendGate.pass();
      if (failing.has(name)) throw new Error('disk full (simulated: ENOSPC)');
      appends++;
      return real.append(name, update);
    },
    flush: () => real.flush(),
    close: () => real.close(),
  };
  return {
    persistence,
    loadGate,
    appendGate,
    /** Appends to this document fail from now on. */
    failAppendsTo: (name: string) => failing.add(name),
    appends: () => appends,
  };
}

async function seed(dataDir: string, name: string, text: string): Promise<void> {
  const seedStore = await DocumentStore.open({ dataDir });
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  await seedStore.append(name, Y.encodeStateAsUpdate(doc));
  await seedStore.close();
}

describe('room', () => {
  it('loads the document before answering: a client connecting during the load gets the stored state', async () => {
    const dataDir = await tempDir();
    await seed(dataDir, 'indlaes', 'gemt tidligere');
    store = await DocumentStore.open({ dataDir });
    const control = controlled(store);
    control.loadGate.close();
    server = await startTestServer({ dataDir, persistence: control.persistence });

    const client = appClient(server.server.url, 'indlaes');
    cleanups.push(client.destroy);
    await waitFor(() => client.provider.state.status === 'open');
    // The client edits right away; the room must not have answered yet.
    client.doc.getText('t').insert(0, 'ny: ');
    await sleep(300);
    expect(client.provider.state.synced).toBe(false);
    expect(control.appends()).toBe(0);

    control.loadGate.open();
    await client.provider.whenSaved();
    // Both concurrent inserts at position 0 survive (their order is the CRDT's choice).
    const text = client.doc.getText('t').toString();
    expect([...text].sort().join('')).toBe([...'ny: gemt tidligere'].sort().join(''));
    expect(text).toContain('gemt tidligere');
    expect(text).toContain('ny: ');
  });

  it('relays and acknowledges an update only after it is durable', async () => {
    const dataDir = await tempDir();
    store = await DocumentStore.open({ dataDir });
    const control = controlled(store);
    server = await startTestServer({ dataDir, persistence: control.persistence });
    const writer = appClient(server.server.url, 'holdbar');
    const reader = stockClient(server.wsUrl, 'holdbar');
    cleanups.push(writer.destroy, reader.destroy);
    await writer.provider.whenSaved();
    await waitFor(() => reader.provider.synced);

    control.appendGate.close();
    writer.doc.getText('t').insert(0, 'vigtig ændring');
    await sleep(300);
    expect(reader.doc.getText('t').toString()).toBe('');
    expect(writer.provider.state.pending).toBe(1);

    // A client that joins now must not be served the undurable state either.
    const late = stockClient(server.wsUrl, 'holdbar');
    cleanups.push(late.destroy);
    await sleep(200);
    expect(late.provider.synced).toBe(false);
    expect(late.doc.getText('t').toString()).toBe('');

    control.appendGate.open();
    await waitFor(() => reader.doc.getText('t').toString() === 'vigtig ændring', { message: 'relay after write' });
    await waitFor(() => late.provider.synced && late.doc.getText('t').toString() === 'vigtig ændring');
    await writer.provider.whenSaved();
  });

  it('a failed write closes the room with 4500 "storage failure" and refuses it until restart', async () => {
    const dataDir = await tempDir();
    store = await DocumentStore.open({ dataDir });
    const control = controlled(store);
    server = await startTestServer({ dataDir, persistence: control.persistence });
    const writer = appClient(server.server.url, 'fejl');
    const other = await rawSocket(`${server.wsUrl}/fejl`);
    const unaffected = appClient(server.server.url, 'andet-dokument');
    cleanups.push(writer.destroy, () => other.terminate(), unaffected.destroy);
    await writer.provider.whenSaved();
    await unaffected.provider.whenSynced();

    const otherClosed = nextClose(other);
    control.failAppendsTo('fejl');
    writer.doc.getText('t').insert(0, 'går tabt');
    expect(await otherClosed).toEqual({ code: 4500, reason: 'storage failure' });
    await waitFor(() => writer.channel.lastClose?.code === 4500, { message: 'writer closed with 4500' });
    expect(writer.provider.state.pending).toBe(1);

    const failure = server.logs.find((entry) => entry.event === 'storage-failure');
    expect(failure).toMatchObject({ doc: 'fejl' });
    expect(String(failure?.reason)).toContain('disk full');

    // New connections to that document are refused at once...
    const again = await rawSocket(`${server.wsUrl}/fejl`);
    expect(await nextClose(again)).toEqual({ code: 4500, reason: 'storage failure' });
    // ...other documents keep working.
    unaffected.doc.getText('t').insert(0, 'stadig fint');
    await unaffected.provider.whenSaved();
  });

  it('limits connections per document with a clear close reason', async () => {
    server = await startTestServer({ limits: { maxConnectionsPerDocument: 3 } });
    const sockets = await Promise.all([1, 2, 3].map(() => rawSocket(`${server!.wsUrl}/fuld`)));
    cleanups.push(() => sockets.forEach((s) => s.terminate()));
    const fourth = await rawSocket(`${server.wsUrl}/fuld`);
    expect(await nextClose(fourth)).toEqual({ code: 4429, reason: 'too many connections to this document' });
    const elsewhere = await rawSocket(`${server.wsUrl}/andet`);
    cleanups.push(() => elsewhere.terminate());
    await sleep(100);
    expect(elsewhere.readyState).toBe(elsewhere.OPEN);

    // The app's channel treats 44xx as final: it stops retrying and says closed.
    const app = appClient(server.server.url, 'fuld');
    cleanups.push(app.destroy);
    await waitFor(() => app.channel.status === 'closed', { message: 'channel closed for good' });
    expect(app.channel.lastClose?.code).toBe(4429);
    expect(app.provider.state.status).toBe('closed');
    await sleep(300);
    expect(app.channel.status).toBe('closed');
    // Once there is room again, reconnect() gets in.
    sockets[0]!.terminate();
    await waitFor(() => server!.server.rooms.connectionCount === 3);
    app.channel.reconnect();
    await app.provider.whenSynced();
  });

  it('unloads an idle room after the grace period and loads it again on demand', async () => {
    server = await startTestServer({ limits: { unloadAfterMs: 100 } });
    const client = appClient(server.server.url, 'tomgang');
    await client.provider.whenSynced();
    client.doc.getText('t').insert(0, 'bliver');
    await client.provider.whenSaved();
    expect(server.server.rooms.documentCount).toBe(1);
    client.destroy();
    await waitFor(() => server!.server.rooms.documentCount === 0, { message: 'room unloaded' });
    expect(server.logs.some((entry) => entry.event === 'room-unload' && entry.doc === 'tomgang')).toBe(true);

    const health = (await (await fetch(`${server.server.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toEqual({ status: 'ok', documents: 0, connections: 0 });

    const back = appClient(server.server.url, 'tomgang');
    cleanups.push(back.destroy);
    await back.provider.whenSynced();
    expect(back.doc.getText('t').toString()).toBe('bliver');
  });

  it('host-side edits through Rooms.acquire are durable and reach connected clients', async () => {
    server = await startTestServer({ limits: { unloadAfterMs: 50 } });
    const handle = await server.server.rooms.acquire('vaert');
    const client = stockClient(server.wsUrl, 'vaert');
    cleanups.push(client.destroy);
    await waitFor(() => client.provider.synced);
    handle.doc.transact(() => handle.doc.getText('t').insert(0, 'fra værten'), 'host');
    await handle.whenDurable();
    await waitFor(() => client.doc.getText('t').toString() === 'fra værten');

    // Held rooms stay loaded without connections.
    client.destroy();
    cleanups.length = 0;
    await sleep(200);
    expect(server.server.rooms.isLoaded('vaert')).toBe(true);
    handle.release();
    await waitFor(() => !server!.server.rooms.isLoaded('vaert'), { message: 'released room unloads' });

    // The host can close a document (e.g. deleted): its clients are told so and it is unloaded.
    const reader = await rawSocket(`${server.wsUrl}/vaert`);
    cleanups.push(() => reader.terminate());
    await waitFor(() => server!.server.rooms.isLoaded('vaert'));
    const closed = nextClose(reader);
    await server.server.rooms.closeDocument('vaert', 4404, 'document deleted');
    expect(await closed).toEqual({ code: 4404, reason: 'document deleted' });
    expect(server.server.rooms.isLoaded('vaert')).toBe(false);
  });
});
