// Issue 20, item 5: bounded memory. Repeated sync step 1 requests are answered once per state vector and
// never with what the connection already has; unsent bytes are accounted per connection and per document
// and slow readers closed past the limits; a document cannot grow past its size limit. Every limit closes
// with a clear reason and logs the peer.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import type { Socket } from 'node:net';
import * as Y from 'yjs';
import type { Transport } from '../../main/sync/room';
import { encodeSyncStep1, encodeUpdate, MESSAGE_SYNC, SYNC_STEP2 } from '../../shared/sync/protocol';
import { appClient, nextClose, rawSocket, removeTempDirs, sleep, startTestServer, waitFor, type TestServer } from './server-helpers';

afterAll(removeTempDirs);

let server: TestServer | null = null;
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server?.stop();
  server = null;
});

/** Text that does not compress into a few Yjs structs: `bytes` of pseudo-random letters. */
function filler(bytes: number, seed: number): string {
  let state = seed;
  let text = '';
  while (text.length < bytes) {
    state = (state * 1664525 + 1013904223) >>> 0;
    text += String.fromCharCode(97 + (state % 26));
  }
  return text;
}

/** A transport that never delivers: everything sent stays "buffered". */
function stuckTransport(): Transport & { sent: Uint8Array[]; closed: { code: number; reason: string } | null; buffered: number } {
  const transport = {
    sent: [] as Uint8Array[],
    closed: null as { code: number; reason: string } | null,
    buffered: 0,
    send(message: Uint8Array) {
      transport.sent.push(message);
      transport.buffered += message.length;
    },
    close(code: number, reason: string) {
      transport.closed = { code, reason };
    },
    bufferedAmount: () => transport.buffered,
  };
  return transport;
}

function isSyncStep2(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  return decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === SYNC_STEP2;
}

/** Puts ~`bytes` of text into document `name` through the app client. */
async function seedDocument(url: string, name: string, bytes: number): Promise<void> {
  const writer = appClient(url, name);
  try {
    await writer.provider.whenSynced();
    writer.doc.getText('t').insert(0, filler(bytes, 1));
    await writer.provider.whenSaved();
  } finally {
    writer.destroy();
  }
}

describe('limits', () => {
  it('answers 500 repeated sync step 1 requests once, and 500 different ones without resending the document', async () => {
    server = await startTestServer();
    await seedDocument(server.server.url, 'gentag', 200_000);
    const rooms = server.server.rooms;
    // A reader that reads (buffer 0), so no buffer limit interferes: only the answering rule is measured.
    const sent: Uint8Array[] = [];
    const connection = rooms.connect('gentag', { send: (m) => sent.push(m), close: () => undefined }, { role: 'viewer', peer: 'repeater' });
    const empty = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < 500; i++) connection.receive(empty);
    await waitFor(() => sent.filter(isSyncStep2).length >= 1);
    await rooms.whenDurable('gentag');
    await sleep(50);
    const replies = sent.filter(isSyncStep2);
    expect(replies.length).toBe(1);
    expect(replies[0]!.length).toBeGreaterThan(200_000);
    expect(server.logs.filter((e) => e.event === 'sync-repeat-ignored' && e.peer === 'repeater')).toHaveLength(1);

    // Different (made-up) state vectors: each answered, but with only what this connection lacks.
    sent.length = 0;
    for (let i = 0; i < 500; i++) {
      const vector = new Map([[1000 + i, 0]]);
      connection.receive(encodeSyncStep1(Y.encodeStateVector(vector)));
    }
    await rooms.whenDurable('gentag');
    await sleep(50);
    const total = sent.filter(isSyncStep2).reduce((sum, m) => sum + m.length, 0);
    expect(sent.filter(isSyncStep2).length).toBe(500);
    expect(total).toBeLessThan(50_000);
    connection.transportClosed(1000);
  });

  it('closes a WebSocket client that stops reading once its unsent bytes pass the limit (1013), logging its peer', async () => {
    server = await startTestServer({ limits: { maxBufferedBytes: 1024 * 1024 } });
    const writer = appClient(server.server.url, 'langsom');
    cleanups.push(writer.destroy);
    await writer.provider.whenSynced();
    const slow = await rawSocket(`${server.wsUrl}/langsom`);
    cleanups.push(() => slow.terminate());
    const closed = nextClose(slow);
    (slow as unknown as { _socket: Socket })._socket.pause();
    await waitFor(() => server!.server.rooms.connectionCount === 2);
    // 24 MiB of edits: more than the kernel's socket buffers hold, so the server's own buffer grows.
    for (let i = 0; i < 24; i++) {
      writer.doc.getText('t').insert(0, filler(1024 * 1024, i));
      await writer.provider.whenSaved();
      if (server.logs.some((e) => e.event === 'limit')) break;
    }
    await waitFor(() => server!.logs.some((e) => e.event === 'limit'), { message: 'a limit log line' });
    const entry = server.logs.find((e) => e.event === 'limit')!;
    expect(entry).toMatchObject({ limit: 'connection-buffer', doc: 'langsom' });
    expect(String(entry.peer)).toMatch(/^127\.0\.0\.1:\d+$/);
    await waitFor(() => server!.server.rooms.connectionCount === 1, { message: 'the slow reader to be gone' });
    (slow as unknown as { _socket: Socket })._socket.resume();
    expect([1013, 1006]).toContain((await closed).code);
    // The writer was never disturbed.
    writer.doc.getText('t').insert(0, 'videre');
    await writer.provider.whenSaved();
    expect(writer.channel.lastClose).toBeNull();
  });

  it('bounds the unsent bytes of one document: past the total, the slowest readers are closed first', async () => {
    server = await startTestServer({ limits: { maxBufferedBytes: 64 * 1024 * 1024, maxBufferedBytesPerDocument: 3 * 1024 * 1024 } });
    const rooms = server.server.rooms;
    const writer = appClient(server.server.url, 'samlet');
    cleanups.push(writer.destroy);
    await writer.provider.whenSynced();
    const stuck = Array.from({ length: 5 }, () => stuckTransport());
    const connections = stuck.map((transport, i) => rooms.connect('samlet', transport, { role: 'viewer', peer: `stuck-${i}` }));
    await waitFor(() => rooms.connectionCount === 6);
    for (let i = 0; i < 6; i++) {
      writer.doc.getText('t').insert(0, filler(256 * 1024, i));
      await writer.provider.whenSaved();
    }
    await sleep(50);
    const open = stuck.filter((t) => t.closed === null);
    const unsent = open.reduce((sum, t) => sum + t.buffered, 0);
    expect(unsent).toBeLessThanOrEqual(3 * 1024 * 1024);
    expect(stuck.some((t) => t.closed?.code === 1013 && /client too slow/.test(t.closed.reason))).toBe(true);
    expect(server.logs.some((e) => e.event === 'limit' && e.limit === 'document-buffer' && String(e.peer).startsWith('stuck-'))).toBe(true);
    for (const connection of connections) connection.transportClosed(1000);
    expect(writer.channel.lastClose).toBeNull();
  });

  it('refuses an edit that would grow a document past its size limit (4413); what was saved stays', async () => {
    server = await startTestServer({ limits: { maxDocumentBytes: 1024 * 1024 } });
    const { dataDir } = server;
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 3; i++) source.getText('t').insert(0, filler(400 * 1024, i));
    const ws = await rawSocket(`${server.wsUrl}/stor`);
    const closed = nextClose(ws);
    for (const update of updates) ws.send(encodeUpdate(update));
    const { code, reason } = await closed;
    expect(code).toBe(4413);
    expect(reason).toMatch(/document too large/);
    const entry = server.logs.find((e) => e.event === 'limit' && e.limit === 'document-size');
    expect(entry).toMatchObject({ doc: 'stor' });
    expect(String(entry?.peer)).toMatch(/^127\.0\.0\.1:\d+$/);
    await server.stop({ keepData: true });
    server = await startTestServer({ dataDir, limits: { maxDocumentBytes: 1024 * 1024 } });
    const reader = appClient(server.server.url, 'stor');
    cleanups.push(reader.destroy);
    await reader.provider.whenSynced();
    expect(reader.doc.getText('t').length).toBe(800 * 1024);
  });
});
