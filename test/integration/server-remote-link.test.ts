// Del / Samarbejd: the host keeps its local replica (a room, durable locally) in sync with a remote Pejling
// server through RemoteLink. Edits made while the remote is unreachable are stored locally, counted as
// pending, and merged when it comes back; presence crosses in both directions.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RemoteLink, type RemoteLinkStatus } from '../../main/sync/remote-link';
import type { RoomHandle } from '../../main/sync/room';
import { removeTempDirs, appClient, startTestServer, stockClient, tempDir, waitFor, type TestServer } from './server-helpers';

afterAll(removeTempDirs);

const servers: TestServer[] = [];
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  for (const server of servers.splice(0)) await server.stop();
});

const TOKENS = {
  tokens: [
    { token: 'kommune-redaktør', role: 'editor', documents: ['*'] },
    { token: 'kommune-læser', role: 'viewer', documents: ['*'] },
  ],
};

async function remoteServer(options: { dataDir?: string; port?: number } = {}): Promise<TestServer> {
  const dir = await tempDir('pejling-remote-auth-');
  const authFile = join(dir, 'auth.json');
  await writeFile(authFile, JSON.stringify(TOKENS));
  const server = await startTestServer({ authFile, ...options });
  servers.push(server);
  return server;
}

/** The local host: its own server (browser mode) whose room for `name` is linked to the remote. */
async function localHost(name: string, remoteUrl: string, token: string) {
  const local = await startTestServer();
  servers.push(local);
  const handle: RoomHandle = await local.server.rooms.acquire(name);
  const link = new RemoteLink({ url: remoteUrl, token, documentName: name, doc: handle.doc, awareness: handle.awareness, maxBackoffMs: 300 });
  cleanups.push(() => handle.release(), () => link.destroy());
  return { local, handle, link };
}

function kinds(link: RemoteLink): string[] {
  const seen: string[] = [];
  link.onChange((status: RemoteLinkStatus) => seen.push(status.state.kind));
  return seen;
}

describe('RemoteLink', () => {
  it('syncs a local room with a remote server both ways and reports synced / pending', async () => {
    const remote = await remoteServer();
    const { local, link } = await localHost('faelles', remote.server.url, 'kommune-redaktør');
    const seen = kinds(link);
    const renderer = appClient(local.server.url, 'faelles');
    const colleague = stockClient(remote.wsUrl, 'faelles', { token: 'kommune-redaktør' });
    cleanups.push(renderer.destroy, colleague.destroy);
    await link.whenSynced();
    expect(link.status.role).toBe('editor');

    renderer.doc.getText('t').insert(0, 'Lokalt skrevet. ');
    await waitFor(() => colleague.doc.getText('t').toString() === 'Lokalt skrevet. ', { message: 'local → remote' });
    colleague.doc.getText('t').insert(colleague.doc.getText('t').length, 'Fjernt skrevet.');
    await waitFor(() => renderer.doc.getText('t').toString() === 'Lokalt skrevet. Fjernt skrevet.', {
      message: 'remote → local',
    });
    await waitFor(() => link.status.state.kind === 'synced', { message: 'link synced' });
    expect(seen).toContain('syncing');
  });

  it('keeps offline edits locally, counts them as pending and merges them when the server returns', async () => {
    const remote = await remoteServer();
    const { dataDir, server } = remote;
    const port = server.port;
    const { local, link } = await localHost('tog', server.url, 'kommune-redaktør');
    const renderer = appClient(local.server.url, 'tog');
    cleanups.push(renderer.destroy);
    await link.whenSynced();
    renderer.doc.getText('t').insert(0, 'A ');
    await renderer.provider.whenSaved();
    await waitFor(() => link.status.state.kind === 'synced', { message: 'A on the server' });

    // The remote goes away (train, tunnel).
    await remote.stop({ keepData: true });
    servers.splice(servers.indexOf(remote), 1);
    await waitFor(() => link.status.state.kind === 'offline' || link.status.state.kind === 'connecting');
    for (let i = 0; i < 25; i++) renderer.doc.getText('t').insert(renderer.doc.getText('t').length, `${i} `);
    // Durable locally even though the remote is down.
    await renderer.provider.whenSaved();
    await waitFor(() => (link.status.state as { pending?: number }).pending === 25, { message: '25 pending' });

    // Someone else edited on the server side meanwhile (written to the same data dir before restart).
    const back = await remoteServer({ dataDir, port });
    const colleague = stockClient(back.wsUrl, 'tog', { token: 'kommune-redaktør' });
    cleanups.push(colleague.destroy);
    await waitFor(() => colleague.provider.synced);
    colleague.doc.getText('t').insert(0, 'B ');

    await waitFor(() => link.status.state.kind === 'synced', { timeout: 15_000, message: 'link synced again' });
    const text = () => renderer.doc.getText('t').toString();
    await waitFor(() => colleague.doc.getText('t').toString() === text() && text().startsWith('B A 0 1 '), {
      message: 'merged on both sides',
    });
    const expected = text();
    for (let i = 0; i < 25; i++) expect(expected).toContain(` ${i} `);
  });

  it('bridges presence: remote colleagues appear locally and local people appear remotely', async () => {
    const remote = await remoteServer();
    const { local, link } = await localHost('tilstede', remote.server.url, 'kommune-redaktør');
    const renderer = appClient(local.server.url, 'tilstede');
    const colleague = stockClient(remote.wsUrl, 'tilstede', { token: 'kommune-redaktør' });
    cleanups.push(renderer.destroy, colleague.destroy);
    await link.whenSynced();
    await renderer.provider.whenSynced();

    renderer.provider.awareness.setLocalStateField('user', { name: 'Strategisk IT' });
    colleague.provider.awareness.setLocalStateField('user', { name: 'It-chef, SUF' });
    const names = (states: Map<number, Record<string, unknown>>) =>
      [...states.values()].map((s) => (s.user as { name?: string } | undefined)?.name);
    await waitFor(() => names(colleague.provider.awareness.getStates()).includes('Strategisk IT'), {
      message: 'local person visible remotely',
    });
    await waitFor(() => names(renderer.provider.awareness.getStates()).includes('It-chef, SUF'), {
      message: 'remote person visible locally',
    });

    colleague.destroy();
    cleanups.splice(cleanups.indexOf(colleague.destroy), 1);
    await waitFor(() => !names(renderer.provider.awareness.getStates()).includes('It-chef, SUF'), {
      message: 'remote person leaves',
    });
    // The local person did not vanish on the way.
    expect(names(link['linkAwareness'].getStates())).toContain('Strategisk IT');
  });

  it('stops with a clear Danish error on a wrong token; a viewer token gives role viewer', async () => {
    const remote = await remoteServer();
    const wrong = await localHost('adgang', remote.server.url, 'forkert');
    await waitFor(() => wrong.link.status.errorCode === 'unauthorized', { message: 'unauthorized' });
    expect(wrong.link.status.error).toMatch(/afviste adgangsnøglen/);
    expect(wrong.link.provider.shouldConnect).toBe(false);

    const viewerHost = await localHost('laes', remote.server.url, 'kommune-læser');
    await waitFor(() => viewerHost.link.status.role === 'viewer', { message: 'viewer role' });
  });
});
