// Misbehaving clients: more than 10,000 malformed, random and mutated messages, oversize frames, broken
// WebSocket framing and garbage HTTP. The server keeps running, well-behaved clients keep syncing, and
// every offender is logged with its peer address.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Transport } from '../../main/sync/room';
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from '../../shared/sync/protocol';
import { removeTempDirs, appClient, nextClose, rawSocket, startTestServer, stockClient, waitFor, type TestServer } from './server-helpers';

afterAll(removeTempDirs);

let server: TestServer | null = null;
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server?.stop();
  server = null;
});

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Real messages of another document (root type 'junk'), as material for mutation. */
function sampleMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('junk');
  text.insert(0, 'Fælles it-arkitektur og genbrug af data');
  text.delete(3, 5);
  doc.getMap('junkmap').set('status', 'active');
  doc.getArray('junklist').push([1, 'to', { tre: 3 }]);
  text.format(0, 4, { bold: true });
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('user', { name: 'X', color: '#123456' });
  const messages = [
    ...updates.map(encodeUpdate),
    encodeSyncStep2(Y.encodeStateAsUpdate(doc)),
    encodeSyncStep1(Y.encodeStateVector(doc)),
    encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])),
  ];
  awareness.destroy();
  return messages;
}

/** One misbehaving message: random bytes, a valid envelope with junk, a mutated real message, ... */
function badMessage(random: () => number, samples: Uint8Array[]): Uint8Array {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const kind = Math.floor(random() * 7);
  switch (kind) {
    case 0:
      return bytes(Math.floor(random() * 64));
    case 1: {
      // A sync envelope around random bytes (possibly a lying length).
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, Math.floor(random() * 4));
      const payload = bytes(Math.floor(random() * 48));
      if (random() < 0.5) encoding.writeVarUint8Array(e, payload);
      else {
        encoding.writeVarUint(e, Math.floor(random() * 1e9));
        encoding.writeUint8Array(e, payload);
      }
      return encoding.toUint8Array(e);
    }
    case 2:
    case 3: {
      // A real message with 1-3 bytes flipped, or cut short.
      const sample = samples[Math.floor(random() * samples.length)]!;
      const copy = sample.slice();
      if (random() < 0.3) return copy.subarray(0, Math.floor(random() * copy.length));
      const flips = 1 + Math.floor(random() * 3);
      for (let i = 0; i < flips; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      return copy;
    }
    case 4: {
      // Awareness with broken JSON or absurd ids.
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, Math.floor(random() * 2 ** 32));
      encoding.writeVarUint(inner, Math.floor(random() * 100));
      encoding.writeVarString(inner, random() < 0.5 ? '{"user": {"name": "ok"}}' : '{"user": nope');
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      return encoding.toUint8Array(e);
    }
    case 5:
      // Message types a client must not send (auth, saved, info) or that do not exist.
      return Uint8Array.from([[2, 100, 101, 4, 99, 127, 255][Math.floor(random() * 7)]!, ...bytes(4)]);
    default: {
      // A state vector that is nonsense.
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, bytes(1 + Math.floor(random() * 20)));
      return encoding.toUint8Array(e);
    }
  }
}

describe('robustness against misbehaving clients', () => {
  it('survives > 10,000 bad messages, oversize frames and broken framing while good clients keep syncing', async () => {
    server = await startTestServer({ limits: { maxMessageBytes: 1024 * 1024, maxConnectionsPerDocument: 200 } });
    const rooms = server.server.rooms;
    const good = [appClient(server.server.url, 'fuzz'), stockClient(server.wsUrl, 'fuzz')] as const;
    cleanups.push(...good.map((c) => c.destroy));
    await good[0].provider.whenSynced();
    await waitFor(() => good[1].provider.synced);

    const random = prng(42);
    const samples = sampleMessages();
    const markers: string[] = [];
    let sent = 0;
    let closedMalformed = 0;

    // 1. The room's message handling, fed directly (same code path the WebSocket transport uses).
    for (let batch = 0; batch < 60; batch++) {
      for (let i = 0; i < 200; i++) {
        let closedWith = 0;
        const transport: Transport = { send: () => undefined, close: (code) => (closedWith = code) };
        const connection = rooms.connect('fuzz', transport, { role: 'editor', peer: `fuzz-${batch}-${i}`, pejling: true });
        // Several messages per connection, until the server hangs up.
        for (let m = 0; m < 3 && closedWith === 0; m++) {
          connection.receive(badMessage(random, samples));
          sent++;
        }
        if (closedWith === 4400) closedMalformed++;
        if (closedWith === 0) connection.transportClosed(1000);
      }
      // The good clients keep working between the bursts.
      const writer = good[batch % 2]!;
      const marker = `<${batch}>`;
      markers.push(marker);
      writer.doc.getText('god').insert(writer.doc.getText('god').length, marker);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(closedMalformed).toBeGreaterThan(5_000);

    // 2. Over the network: random frames, text frames, oversize frames, broken framing, garbage HTTP.
    for (let batch = 0; batch < 10; batch++) {
      const sockets = await Promise.all(Array.from({ length: 20 }, () => rawSocket(`${server!.wsUrl}/fuzz`)));
      await Promise.all(
        sockets.map(async (ws, i) => {
          const closed = nextClose(ws);
          if (i === 0 && batch < 3) ws.send(new Uint8Array(2 * 1024 * 1024)); // over the 1 MiB limit
          else if (i === 1) ws.send('dette er tekst, ikke binært');
          else for (let m = 0; m < 10; m++) ws.send(badMessage(random, samples));
          sent += i === 0 || i === 1 ? 1 : 10;
          const result = await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 300, null))]);
          if (result === null) ws.terminate();
        }),
      );
    }
    const port = server.server.port;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        return new Promise<void>((resolve) => {
          const socket = connect(port, '127.0.0.1', () => {
            if (i % 2 === 0) {
              socket.write('GARBAGE / HTTP/9.9\r\n\r\n\u0000\u0001');
            } else {
              socket.write(
                `GET /fuzz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
                  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
              );
              // Unmasked, reserved-bit frames: a protocol error.
              setTimeout(() => socket.write(Buffer.from([0xff, 0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 9])), 20);
            }
          });
          socket.on('error', () => resolve());
          socket.on('close', () => resolve());
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 1000);
        });
      }),
    );

    // Still alive, still syncing.
    const health = (await (await fetch(`${server.server.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    good[1].doc.getText('god').insert(0, '<slut>');
    markers.push('<slut>');
    await waitFor(() => good[0].doc.getText('god').toString() === good[1].doc.getText('god').toString(), {
      message: 'good clients converge',
    });
    for (const marker of markers) expect(good[0].doc.getText('god').toString()).toContain(marker);
    await good[0].provider.whenSaved();

    const fresh = appClient(server.server.url, 'fuzz');
    cleanups.push(fresh.destroy);
    await fresh.provider.whenSynced();
    expect(fresh.doc.getText('god').toString()).toBe(good[0].doc.getText('god').toString());

    // Offenders are logged with their peer; oversize frames too.
    const malformed = server.logs.filter((entry) => entry.event === 'malformed');
    expect(malformed.length).toBeGreaterThan(5_000);
    expect(malformed.some((entry) => String(entry.peer).startsWith('127.0.0.1:'))).toBe(true);
    expect(
      server.logs.some((entry) => entry.event === 'error' && /payload|too big|length/i.test(String(entry.reason))),
    ).toBe(true);
  });

  it('an oversize frame at the default 16 MiB limit closes only that connection (1009)', async () => {
    server = await startTestServer();
    const bystander = appClient(server.server.url, 'stor');
    cleanups.push(bystander.destroy);
    await bystander.provider.whenSynced();
    const offender = await rawSocket(`${server.wsUrl}/stor`);
    const closed = nextClose(offender);
    offender.send(new Uint8Array(16 * 1024 * 1024 + 1));
    expect((await closed).code).toBe(1009);
    bystander.doc.getText('t').insert(0, 'upåvirket');
    await bystander.provider.whenSaved();
    expect(bystander.provider.state.status).toBe('open');
  });
});
