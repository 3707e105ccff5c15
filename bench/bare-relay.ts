// The sync baseline: the least a y-websocket-compatible server must do, built from y-protocols and ws
// only. One in-memory Y.Doc and Awareness per room name; sync step 1/2 with each client; every
// update and presence change relayed to the room's other clients. No storage, no auth, no limits.
//
//   npx tsx bench/bare-relay.ts [PORT]      prints "Bare relay listening on http://127.0.0.1:PORT"
import { createServer } from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each connection with the awareness client ids it speaks for. */
  readonly connections = new Map<WebSocket, Set<number>>();

  constructor() {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.broadcast(encoding.toUint8Array(encoder), origin);
    });
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => {
      const ids = origin instanceof Object ? this.connections.get(origin as WebSocket) : undefined;
      if (ids) {
        for (const id of change.added) ids.add(id);
        for (const id of change.removed) ids.delete(id);
      }
      const changed = [...change.added, ...change.updated, ...change.removed];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      this.broadcast(encoding.toUint8Array(encoder), origin);
    });
  }

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const ws of this.connections.keys()) {
      if (ws !== except && ws.readyState === ws.OPEN) ws.send(message);
    }
  }

  join(ws: WebSocket): void {
    this.connections.set(ws, new Set());
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) ws.send(this.awarenessMessage([...states.keys()]));
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  receive(ws: WebSocket, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, ws);
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), ws);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      ws.send(this.awarenessMessage([...this.awareness.getStates().keys()]));
    }
  }

  /** True when the room is empty afterwards. */
  leave(ws: WebSocket): boolean {
    const ids = this.connections.get(ws);
    this.connections.delete(ws);
    if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    return this.connections.size === 0;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const rooms = new Map<string, Room>();
const http = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', documents: rooms.size }));
    return;
  }
  res.writeHead(404);
  res.end();
});
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });

wss.on('connection', (ws, req) => {
  const name = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(1));
  let room = rooms.get(name);
  if (!room) {
    room = new Room();
    rooms.set(name, room);
  }
  const joined = room;
  joined.join(ws);
  ws.on('message', (data) => {
    try {
      joined.receive(ws, toBytes(data));
    } catch (error) {
      console.error(`bare relay: bad message in '${name}': ${error instanceof Error ? error.message : String(error)}`);
      ws.close(1011, 'bad message');
    }
  });
  ws.on('close', () => {
    if (joined.leave(ws) && rooms.get(name) === joined) {
      rooms.delete(name);
      joined.doc.destroy();
    }
  });
});

const port = Number(process.argv[2] ?? 0);
http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Bare relay listening on http://127.0.0.1:${actual}`);
});

const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  http.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
