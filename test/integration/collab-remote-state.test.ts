// The host tells its own connections (pejling=1) how its link to a remote sync server is doing (protocol
// message 102 remote-state), live: connecting → synced, offline with the pending count when the remote goes
// away, the remote role, and "local" again after disconnecting. Stock clients never see the message.
//
// Real parts only: a host (browser mode) serving its rooms through a Pejling server, a second Pejling
// server with an auth file as the remote, the app's ChannelProvider as the renderer, on 127.0.0.1 ports.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../main/host/host';
import { createHttpApi } from '../../main/host/http-api';
import { createPejlingServer, type PejlingServer } from '../../main/server/server';
import type { RemoteStateInfo } from '../../shared/sync/protocol';
import { decodeMessage, encodeRemoteState, MESSAGE_REMOTE_STATE, ProtocolError } from '../../shared/sync/protocol';
import * as encoding from 'lib0/encoding';
import { appClient, rawSocket, removeTempDirs, sleep, startTestServer, stockClient, tempDir, waitFor, type TestServer } from './server-helpers';

afterAll(removeTempDirs);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TOKENS = {
  tokens: [
    { token: 'redaktør-nøgle', role: 'editor', documents: ['*'] },
    { token: 'læser-nøgle', role: 'viewer', documents: ['*'] },
  ],
};

async function remoteServer(options: { dataDir?: string; port?: number } = {}): Promise<TestServer> {
  const dir = await tempDir('pejling-collab-auth-');
  const authFile = join(dir, 'auth.json');
  await writeFile(authFile, JSON.stringify(TOKENS));
  const server = await startTestServer({ authFile, ...options });
  cleanups.push(() => server.stop().catch(() => undefined));
  return server;
}

/** The local host as in browser mode: its rooms behind a Pejling server with the /api routes. */
async function localHost(): Promise<{ host: Host; server: PejlingServer; documentId: string }> {
  const dataDir = await tempDir('pejling-collab-host-');
  const host = await createHost({ dataDir, rooms: { unloadAfterMs: 200 } });
  const server = await createPejlingServer({ port: 0, rooms: host.rooms, persistence: host.persistence, httpHandler: createHttpApi(host.api) });
  cleanups.push(async () => {
    await server.close();
    await host.close();
  });
  const summary = await host.api.createDocument({ from: 'template', name: 'blank', title: 'Fælles strategi', organisation: 'Testrup Kommune' });
  return { host, server, documentId: summary.id };
}

/** Every remote state the client's provider reported, in order (consecutive duplicates dropped). */
function recordRemote(client: ReturnType<typeof appClient>): RemoteStateInfo[] {
  const seen: RemoteStateInfo[] = [];
  client.provider.onState((state) => {
    if (!state.remote) return;
    const last = seen[seen.length - 1];
    if (JSON.stringify(last) !== JSON.stringify(state.remote)) seen.push(state.remote);
  });
  return seen;
}

/** A 102 message with an arbitrary (possibly wrong) JSON payload. */
function rawRemoteState(payload: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_REMOTE_STATE);
  encoding.writeVarString(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('remote-state message encoding', () => {
  it('round-trips every state and refuses malformed payloads with a reason', () => {
    for (const remote of [
      { state: { kind: 'local' as const } },
      { state: { kind: 'synced' as const }, role: 'viewer' as const, url: 'https://pejling.example.dk' },
      { state: { kind: 'offline' as const, pending: 4 }, role: 'editor' as const, error: 'Serveren kan ikke nås.' },
    ]) {
      expect(decodeMessage(encodeRemoteState(remote))).toEqual({ type: 'remote-state', remote });
    }
    const reasons: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['{"state":{"kind":"flying"}}', /state\.kind must be/],
      ['{"state":{"kind":"offline"}}', /pending must be a whole number/],
      ['{"state":{"kind":"syncing","pending":-1}}', /pending must be a whole number/],
      ['{"state":{"kind":"synced"},"role":"owner"}', /role must be editor, commenter or viewer/],
      ['{"state":{"kind":"synced"},"error":3}', /error must be a string/],
    ];
    for (const [payload, reason] of reasons) {
      expect(() => decodeMessage(rawRemoteState(payload))).toThrow(ProtocolError);
      expect(() => decodeMessage(rawRemoteState(payload))).toThrow(reason);
    }
  });
});

describe('remote-state (102) from the host to its connections', () => {
  it('reports connecting → synced, then offline with pending edits when the remote stops, then synced again', async () => {
    const remote = await remoteServer();
    const { host, server, documentId } = await localHost();
    const renderer = appClient(server.url, documentId);
    cleanups.push(renderer.destroy);
    const seen = recordRemote(renderer);
    await renderer.provider.whenSynced();
    // No remote yet: the host says nothing about one.
    expect(renderer.provider.state.remote).toBeUndefined();

    await host.api.setRemote(documentId, { url: remote.server.url, token: 'redaktør-nøgle' });
    await waitFor(() => renderer.provider.state.remote?.state.kind === 'synced', { message: 'remote synced' });
    const synced = renderer.provider.state.remote!;
    expect(synced).toMatchObject({ role: 'editor', url: remote.server.url });
    expect(synced.error).toBeUndefined();
    expect(seen[0]?.state.kind).toBe('connecting');

    // The remote goes away; the user keeps typing (through the renderer's channel to the host).
    const { dataDir, server: remoteHttp } = remote;
    const port = remoteHttp.port;
    await remote.stop({ keepData: true });
    await waitFor(() => ['offline', 'connecting'].includes(renderer.provider.state.remote?.state.kind ?? ''), { message: 'remote offline' });
    renderer.doc.getText('t').insert(0, 'Skrevet i toget. ');
    renderer.doc.getText('t').insert(0, 'Og en til. ');
    await renderer.provider.whenSaved();
    await waitFor(() => {
      const state = renderer.provider.state.remote?.state;
      return state?.kind === 'offline' && state.pending === 2;
    }, { message: 'offline with 2 pending' });
    // Once a reconnection attempt failed, the host says why, in Danish.
    await waitFor(() => /kan ikke nås/.test(renderer.provider.state.remote?.error ?? ''), { message: 'unreachable error' });

    // The remote returns on the same port: the pending edits go up and the state says so.
    const back = await remoteServer({ dataDir, port });
    await waitFor(() => renderer.provider.state.remote?.state.kind === 'synced', { timeout: 20_000, message: 'synced again' });
    const colleague = stockClient(back.wsUrl, documentId, { token: 'redaktør-nøgle' });
    cleanups.push(colleague.destroy);
    await waitFor(() => colleague.doc.getText('t').toString() === 'Og en til. Skrevet i toget. ', { message: 'edits on the remote' });
    const kinds = seen.map((s) => s.state.kind);
    expect(kinds.indexOf('synced')).toBeLessThan(kinds.indexOf('offline'));
    expect(kinds.lastIndexOf('synced')).toBeGreaterThan(kinds.indexOf('offline'));
  });

  it('tells a connection that joins later the current state at once, including a viewer role', async () => {
    const remote = await remoteServer();
    const { host, server, documentId } = await localHost();
    await host.api.setRemote(documentId, { url: remote.server.url, token: 'læser-nøgle' });
    const first = appClient(server.url, documentId);
    cleanups.push(first.destroy);
    await waitFor(() => first.provider.state.remote?.role === 'viewer', { message: 'viewer role' });

    const late = appClient(server.url, documentId);
    cleanups.push(late.destroy);
    const seen = recordRemote(late);
    await late.provider.whenSynced();
    // The sticky state arrives with the connection's first messages, before any change of the link.
    expect(seen.length).toBeGreaterThan(0);
    expect(late.provider.state.remote).toMatchObject({ role: 'viewer', url: remote.server.url });
  });

  it('reports a refused token as an error, and "local" after disconnecting', async () => {
    const remote = await remoteServer();
    const { host, server, documentId } = await localHost();
    const renderer = appClient(server.url, documentId);
    cleanups.push(renderer.destroy);
    await renderer.provider.whenSynced();

    await host.api.setRemote(documentId, { url: remote.server.url, token: 'forkert-nøgle' });
    await waitFor(() => (renderer.provider.state.remote?.error ?? '').includes('adgangsnøglen'), { message: 'token refused' });
    expect(renderer.provider.state.remote?.state.kind).not.toBe('synced');

    await host.api.setRemote(documentId, null);
    await waitFor(() => renderer.provider.state.remote?.state.kind === 'local', { message: 'local again' });
    // A new connection hears nothing about a remote any more.
    const late = appClient(server.url, documentId);
    cleanups.push(late.destroy);
    await late.provider.whenSynced();
    await sleep(100);
    expect(late.provider.state.remote).toBeUndefined();
  });

  it('never sends the message to stock clients (no pejling=1)', async () => {
    const remote = await remoteServer();
    const { host, server, documentId } = await localHost();
    await host.api.setRemote(documentId, { url: remote.server.url, token: 'redaktør-nøgle' });
    const wsBase = server.url.replace(/^http/, 'ws');
    const stock = await rawSocket(`${wsBase}/${documentId}`);
    const types: number[] = [];
    stock.on('message', (data: ArrayBuffer) => types.push(new Uint8Array(data)[0]!));
    cleanups.push(() => stock.close());
    const app = appClient(server.url, documentId);
    cleanups.push(app.destroy);
    await waitFor(() => app.provider.state.remote?.state.kind === 'synced', { message: 'synced' });
    // A state change while both are connected: stop the remote.
    await remote.stop();
    await waitFor(() => app.provider.state.remote?.state.kind !== 'synced', { message: 'state changed' });
    await sleep(100);
    expect(types.length).toBeGreaterThan(0);
    expect(types).not.toContain(MESSAGE_REMOTE_STATE);
  });
});
