// Issue 20, item 1: an update that `Y.applyUpdate` accepts but that does not merge with the document's
// state must never be acknowledged or stored (stored, it makes the document unloadable on every later
// start), and no error on the write path may end the server.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import type { Socket } from 'node:net';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { handleUncaught, DOCUMENT_OF_ERROR } from '../../main/server/process-guards';
import { encodeUpdate, MESSAGE_SAVED } from '../../shared/sync/protocol';
import {
  appClient,
  exited,
  nextClose,
  rawSocket,
  removeTempDirs,
  sleep,
  spawnServer,
  startTestServer,
  tempDir,
  waitFor,
  type ChildServer,
  type TestServer,
} from './server-helpers';
import { findPoisonousUpdates, isPoisonous, mutationMaterial, POISON_FIXTURES, type Material } from './update-mutation';

afterAll(removeTempDirs);

let server: TestServer | null = null;
let child: ChildServer | null = null;
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server?.stop();
  server = null;
  if (child && child.process.exitCode === null) {
    child.process.kill('SIGKILL');
    await exited(child.process);
  }
  child = null;
});

const FIXTURES = POISON_FIXTURES;

/** Puts the material's state into the server's document `name` through the app client; resolves once saved. */
async function seedServer(serverUrl: string, name: string, material: Material): Promise<void> {
  const seeder = appClient(serverUrl, name);
  try {
    await seeder.provider.whenSynced();
    Y.applyUpdate(seeder.doc, material.state);
    await seeder.provider.whenSaved();
  } finally {
    seeder.destroy();
  }
}

/** A raw `?pejling=1` socket that records the `saved` counts the server sends. */
async function savedCountingSocket(wsUrl: string, name: string): Promise<{ ws: WebSocket; saved: number[] }> {
  const ws = await rawSocket(`${wsUrl}/${name}?pejling=1`);
  const saved: number[] = [];
  ws.on('message', (data: ArrayBuffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === MESSAGE_SAVED) saved.push(decoding.readVarUint(decoder));
  });
  return { ws, saved };
}

async function textAfterRestart(dataDir: string, name: string): Promise<string> {
  server = await startTestServer({ dataDir });
  const reader = appClient(server.server.url, name);
  cleanups.push(reader.destroy);
  await reader.provider.whenSynced();
  return reader.doc.getText('vision').toString();
}

describe('poisonous updates', () => {
  const material = mutationMaterial();
  const expected = (() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, material.state);
    return doc.getText('vision').toString();
  })();

  it('a bounded, seeded mutation search finds poisonous updates in a few seconds; the fixtures still are', () => {
    const started = Date.now();
    const { found, tries } = findPoisonousUpdates(material, { seed: 20, wanted: 1, maxTries: 4000 });
    expect(found.length, `no poisonous update in ${tries} tries`).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    for (const fixture of FIXTURES) expect(isPoisonous(material.state, fixture)).toBe(true);
  });

  it('refuses each one with 4400 and a log line naming the peer, never acknowledges or stores it', async () => {
    server = await startTestServer();
    const { dataDir } = server;
    await seedServer(server.server.url, 'gift', material);
    const searched = findPoisonousUpdates(material, { seed: 20, wanted: 1, maxTries: 4000 }).found;
    for (const poison of [...FIXTURES, ...searched]) {
      const { ws, saved } = await savedCountingSocket(server.wsUrl, 'gift');
      const closed = nextClose(ws);
      ws.send(encodeUpdate(poison));
      const { code, reason } = await closed;
      expect(code).toBe(4400);
      expect(reason).toMatch(/invalid document update/);
      expect(saved).toEqual([]);
    }
    const refused = server.logs.filter((entry) => entry.event === 'update-refused');
    expect(refused.length).toBe(FIXTURES.length + searched.length);
    for (const entry of refused) {
      expect(entry.doc).toBe('gift');
      expect(String(entry.peer)).toMatch(/^127\.0\.0\.1:\d+$/);
    }
    // Other clients are untouched and the document still loads after a restart.
    const writer = appClient(server.server.url, 'gift');
    cleanups.push(writer.destroy);
    await writer.provider.whenSynced();
    writer.doc.getText('vision').insert(0, 'Efter: ');
    await writer.provider.whenSaved();
    await server.stop({ keepData: true });
    server = null;
    expect(await textAfterRestart(dataDir, 'gift')).toBe(`Efter: ${expected}`);
  });

  it('a poisonous update in the same write as an ordinary edit does not end `pejling server`', async () => {
    const dataDir = await tempDir();
    child = await spawnServer(['--port', '0', '--data', dataDir]);
    const wsUrl = child.url.replace(/^http/, 'ws');
    await seedServer(child.url, 'samme', material);

    // An ordinary edit from a replica that has the document, then the poison, corked into one TCP write.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, material.state);
    const edits: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array) => edits.push(update));
    replica.getText('vision').insert(0, 'Almindelig: ');
    const { ws } = await savedCountingSocket(wsUrl, 'samme');
    const closed = nextClose(ws);
    const socket = (ws as unknown as { _socket: Socket })._socket;
    socket.cork();
    ws.send(encodeUpdate(edits[0]!));
    ws.send(encodeUpdate(FIXTURES[0]!));
    socket.uncork();
    expect((await closed).code).toBe(4400);
    await sleep(300);
    expect(child.process.exitCode).toBeNull();
    const health = (await (await fetch(`${child.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    expect(child.output()).toMatch(/"event":"update-refused".*"peer":"127\.0\.0\.1:\d+"/);

    // The ordinary edit is durable; the document loads after a restart.
    child.process.kill('SIGTERM');
    expect(await exited(child.process)).toBe(0);
    child = null;
    expect(await textAfterRestart(dataDir, 'samme')).toBe(`Almindelig: ${expected}`);
  });

  it('an error nobody caught closes only the room it belongs to; its clients reconnect and sync', async () => {
    server = await startTestServer();
    const a = appClient(server.server.url, 'uheld');
    const b = appClient(server.server.url, 'andet');
    cleanups.push(a.destroy, b.destroy);
    await Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]);
    a.doc.getText('vision').insert(0, 'før');
    await a.provider.whenSaved();
    const error = Object.assign(new Error('simulated bug'), { [DOCUMENT_OF_ERROR]: 'uheld' });
    handleUncaught(error, 'unhandledRejection', (entry) => server!.logs.push(entry), server.server.rooms);
    expect(server.logs.some((e) => e.event === 'internal-error' && e.doc === 'uheld')).toBe(true);
    expect(server.logs.some((e) => e.event === 'room-aborted' && e.doc === 'uheld')).toBe(true);
    await waitFor(() => a.channel.lastClose?.code === 1011, { message: 'a closed with 1011' });
    a.doc.getText('vision').insert(3, ' og efter');
    await a.provider.whenSaved();
    const fresh = appClient(server.server.url, 'uheld');
    cleanups.push(fresh.destroy);
    await fresh.provider.whenSynced();
    expect(fresh.doc.getText('vision').toString()).toBe('før og efter');
    expect(b.channel.lastClose).toBeNull();
  });
});
