// The sync server speaks the stock y-websocket protocol: a stock WebsocketProvider and the app's own
// ChannelProvider (over websocket-channel) sync both ways, see each other's presence, and the app client
// learns when its edits are durable ("Gemt").
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { decodeMessage, encodeAwareness } from '../../shared/sync/protocol';
import { removeTempDirs, appClient, rawSocket, startTestServer, stockClient, waitFor, type TestServer } from './server-helpers';

afterAll(removeTempDirs);

let server: TestServer | null = null;
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server?.stop();
  server = null;
});

describe('sync server with stock and app clients', () => {
  it('syncs text both ways between a stock WebsocketProvider and the ChannelProvider', async () => {
    server = await startTestServer();
    const stock = stockClient(server.wsUrl, 'strategi-2026');
    const app = appClient(server.server.url, 'strategi-2026');
    cleanups.push(stock.destroy, app.destroy);

    await app.provider.whenSynced();
    await waitFor(() => stock.provider.synced, { message: 'stock client synced' });

    stock.doc.getText('vision').insert(0, 'Digital velfærd for alle borgere. ');
    await waitFor(() => app.doc.getText('vision').toString().includes('Digital velfærd'), { message: 'stock → app' });

    app.doc.getText('vision').insert(app.doc.getText('vision').length, 'Sammen med it-chefforum.');
    await waitFor(() => stock.doc.getText('vision').toString().endsWith('Sammen med it-chefforum.'), {
      message: 'app → stock',
    });
    expect(stock.doc.getText('vision').toString()).toBe(app.doc.getText('vision').toString());

    // Structured data (a map of initiatives) goes through as well.
    const initiatives = app.doc.getMap<Y.Map<unknown>>('initiatives');
    const item = new Y.Map<unknown>();
    item.set('title', 'Fælles login');
    item.set('status', 'planned');
    initiatives.set('i1', item);
    await waitFor(() => stock.doc.getMap<Y.Map<unknown>>('initiatives').get('i1')?.get('title') === 'Fælles login', {
      message: 'map sync',
    });
  });

  it('reports pending edits and reaches pending 0 once the server acknowledged them', async () => {
    server = await startTestServer();
    const app = appClient(server.server.url, 'gemt');
    cleanups.push(app.destroy);
    await app.provider.whenSynced();
    expect(app.provider.state).toMatchObject({ status: 'open', synced: true, pending: 0, role: 'editor' });

    const seen: number[] = [];
    app.provider.onState((state) => seen.push(state.pending));
    for (let i = 0; i < 20; i++) app.doc.getText('t').insert(0, `${i} `);
    expect(app.provider.state.pending).toBeGreaterThan(0);
    await app.provider.whenSaved();
    expect(app.provider.state.pending).toBe(0);
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(1);

    // Durable means: a fresh server on the same data dir has it.
    const text = app.doc.getText('t').toString();
    app.destroy();
    cleanups.length = 0;
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    server = await startTestServer({ dataDir });
    const again = appClient(server.server.url, 'gemt');
    cleanups.push(again.destroy);
    await again.provider.whenSynced();
    expect(again.doc.getText('t').toString()).toBe(text);
  });

  it('shares presence (awareness) between stock and app clients and removes it when a client leaves', async () => {
    server = await startTestServer();
    const stock = stockClient(server.wsUrl, 'presence');
    const app = appClient(server.server.url, 'presence');
    cleanups.push(stock.destroy, app.destroy);
    await app.provider.whenSynced();
    await waitFor(() => stock.provider.synced);

    app.provider.awareness.setLocalStateField('user', { name: 'Strategisk IT', color: '#0a5' });
    stock.provider.awareness.setLocalStateField('user', { name: 'It-chef, BUF', color: '#a50' });
    const names = (states: Map<number, Record<string, unknown>>) =>
      [...states.values()].map((s) => (s.user as { name?: string } | undefined)?.name).filter(Boolean);
    await waitFor(() => names(stock.provider.awareness.getStates()).includes('Strategisk IT'), { message: 'app presence at stock' });
    await waitFor(() => names(app.provider.awareness.getStates()).includes('It-chef, BUF'), { message: 'stock presence at app' });

    stock.destroy();
    cleanups.splice(cleanups.indexOf(stock.destroy), 1);
    await waitFor(() => !names(app.provider.awareness.getStates()).includes('It-chef, BUF'), {
      message: 'presence removed after leave',
    });
  });

  it('resyncs after the server restarts: offline edits on both sides merge', async () => {
    server = await startTestServer();
    const dataDir = server.dataDir;
    const a = appClient(server.server.url, 'restart');
    cleanups.push(a.destroy);
    await a.provider.whenSynced();
    a.doc.getText('t').insert(0, 'før ');
    await a.provider.whenSaved();

    const url = server.server.url;
    const port = server.server.port;
    await server.stop({ keepData: true });
    server = null;
    await waitFor(() => a.provider.state.status !== 'open', { message: 'client notices the server is gone' });
    a.doc.getText('t').insert(a.doc.getText('t').length, 'offline ');
    expect(a.provider.state.pending).toBeGreaterThan(0);

    server = await startTestServer({ dataDir, port });
    expect(server.server.url).toBe(url);
    await waitFor(() => a.provider.state.status === 'open' && a.provider.state.synced, {
      message: 'client reconnects',
      timeout: 15_000,
    });
    await a.provider.whenSaved();
    const b = appClient(server.server.url, 'restart');
    cleanups.push(b.destroy);
    await b.provider.whenSynced();
    expect(b.doc.getText('t').toString()).toBe('før offline ');
  });

  it('echoes presence to a client alone in a room, so stock clients do not drop the connection as silent', async () => {
    server = await startTestServer();
    const ws = await rawSocket(`${server.wsUrl}/alene`);
    cleanups.push(() => ws.terminate());
    const received: string[] = [];
    ws.on('message', (data: ArrayBuffer) => received.push(decodeMessage(new Uint8Array(data)).type));
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    cleanups.push(() => awareness.destroy());
    awareness.setLocalStateField('user', { name: 'Alene' });
    ws.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])));
    await waitFor(() => received.includes('awareness'), { message: 'awareness echoed' });
    // Plain y-websocket greeting: sync step 1 first, no Pejling extensions without ?pejling=1.
    expect(received[0]).toBe('sync-step1');
    expect(received).not.toContain('info');
  });
});
