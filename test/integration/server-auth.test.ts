// Access control: tokens from the --auth file, viewers that can read but not write, and the loopback-only
// rule when the server runs without an auth file.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { AuthFileError, authorize, parseAuthConfig } from '../../main/server/auth';
import { createPejlingServer, ServerStartError } from '../../main/server/server';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { encodeAwareness } from '../../shared/sync/protocol';
import {
  removeTempDirs,
  appClient,
  rawSocket,
  runServerCommand,
  sleep,
  startTestServer,
  stockClient,
  tempDir,
  upgradeStatus,
  waitFor,
  type TestServer,
} from './server-helpers';

afterAll(removeTempDirs);

let server: TestServer | null = null;
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server?.stop();
  server = null;
});

const AUTH = {
  tokens: [
    { token: 'redaktør-hemmelighed-1', role: 'editor', documents: ['*'] },
    { token: 'læser-hemmelighed-2', role: 'viewer', documents: ['*'] },
    { token: 'kun-buf-3', role: 'editor', documents: ['buf-handlingsplan'] },
  ],
};

async function authServer(): Promise<TestServer> {
  const dir = await tempDir('pejling-auth-');
  const authFile = join(dir, 'auth.json');
  await writeFile(authFile, JSON.stringify(AUTH));
  return startTestServer({ authFile });
}

describe('tokens', () => {
  it('refuses a missing or unknown token with 401 and a token for another document with 403', async () => {
    server = await authServer();
    const base = `${server.wsUrl}/strategi`;
    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(`${base}?token=forkert`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=kun-buf-3`)).toBe(403);
    expect(await upgradeStatus(`${server.wsUrl}/buf-handlingsplan?token=kun-buf-3`)).toBe(101);
    expect(await upgradeStatus(`${base}?token=${encodeURIComponent('redaktør-hemmelighed-1')}`)).toBe(101);
    expect(await upgradeStatus(base, { Authorization: 'Bearer redaktør-hemmelighed-1' })).toBe(101);

    const refused = server.logs.filter((entry) => entry.event === 'refused');
    expect(refused.map((entry) => entry.code)).toEqual([401, 401, 403]);
    expect(refused.every((entry) => typeof entry.peer === 'string' && entry.peer.startsWith('127.0.0.1'))).toBe(true);
    // Tokens never reach the log.
    const logText = JSON.stringify(server.logs);
    for (const { token } of AUTH.tokens) expect(logText).not.toContain(token);
  });

  it('a stock client with a valid token syncs; one without a token never receives the document', async () => {
    server = await authServer();
    const editor = stockClient(server.wsUrl, 'strategi', { token: 'redaktør-hemmelighed-1' });
    cleanups.push(editor.destroy);
    await waitFor(() => editor.provider.synced);
    editor.doc.getText('t').insert(0, 'fortroligt udkast');

    const intruder = stockClient(server.wsUrl, 'strategi', { token: 'gæt' });
    cleanups.push(intruder.destroy);
    await sleep(500);
    expect(intruder.provider.synced).toBe(false);
    expect(intruder.doc.getText('t').toString()).toBe('');
  });

  it('a viewer receives the document and presence, but its writes change nothing on the server or at others', async () => {
    server = await authServer();
    const editor = appClient(server.server.url, 'strategi', { token: 'redaktør-hemmelighed-1' });
    const viewer = stockClient(server.wsUrl, 'strategi', { token: 'læser-hemmelighed-2' });
    const appViewer = appClient(server.server.url, 'strategi', { token: 'læser-hemmelighed-2' });
    cleanups.push(editor.destroy, viewer.destroy, appViewer.destroy);
    await editor.provider.whenSynced();
    await appViewer.provider.whenSynced();
    await waitFor(() => viewer.provider.synced);
    expect(appViewer.provider.state.role).toBe('viewer');
    expect(editor.provider.state.role).toBe('editor');

    editor.doc.getText('t').insert(0, 'Vision 2030');
    await waitFor(() => viewer.doc.getText('t').toString() === 'Vision 2030', { message: 'viewer receives' });
    await waitFor(() => appViewer.doc.getText('t').toString() === 'Vision 2030', { message: 'app viewer receives' });

    viewer.doc.getText('t').insert(0, 'HACKET ');
    appViewer.doc.getText('t').insert(0, 'OGSÅ ');
    viewer.provider.awareness.setLocalStateField('user', { name: 'Læser' });
    // Presence of the viewer does reach the editor...
    await waitFor(
      () => [...editor.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Læser'),
      { message: 'viewer presence at editor' },
    );
    // ...its writes do not; the app viewer's edits stay pending forever (never acknowledged).
    editor.doc.getText('t').insert(editor.doc.getText('t').length, '!');
    await waitFor(() => viewer.doc.getText('t').toString().endsWith('!'));
    expect(editor.doc.getText('t').toString()).toBe('Vision 2030!');
    expect(appViewer.provider.state.pending).toBeGreaterThan(0);

    const fresh = stockClient(server.wsUrl, 'strategi', { token: 'redaktør-hemmelighed-1' });
    cleanups.push(fresh.destroy);
    await waitFor(() => fresh.provider.synced);
    expect(fresh.doc.getText('t').toString()).toBe('Vision 2030!');
    expect(server.logs.some((entry) => entry.event === 'viewer-write-ignored')).toBe(true);
  });
});

describe('auth file validation', () => {
  it('names every problem with its JSON path', () => {
    const bad = JSON.stringify({
      tokens: [
        { token: '', role: 'editor', documents: ['*'] },
        { token: 'a', role: 'admin', documents: ['*'] },
        { token: 'b', role: 'viewer', documents: ['../etc'] },
        { token: 'b', role: 'viewer', documents: ['x'] },
        { token: 'c', role: 'viewer' },
      ],
    });
    let message = '';
    try {
      parseAuthConfig(bad, 'auth.json');
    } catch (error) {
      expect(error).toBeInstanceOf(AuthFileError);
      message = (error as Error).message;
    }
    expect(message).toContain('auth.json is invalid');
    expect(message).toContain('/tokens/0/token: must be a non-empty string');
    expect(message).toContain('/tokens/1/role: must be one of editor, commenter, viewer (is "admin")');
    expect(message).toContain('/tokens/2/documents/0: not a valid document name');
    expect(message).toContain('/tokens/3/token: the same token is listed twice');
    expect(message).toContain('/tokens/4/documents: must be ["*"] or a non-empty list of document names');
    expect(() => parseAuthConfig('{"tokens": [', 'auth.json')).toThrow(/auth.json: not valid JSON/);
    expect(() => parseAuthConfig('{}', 'auth.json')).toThrow(/\/tokens: must be an array/);
  });

  it('grants each of the three roles, commenter included, on the documents listed', () => {
    const config = parseAuthConfig(
      JSON.stringify({
        tokens: [
          { token: 'r', role: 'editor', documents: ['*'] },
          { token: 'k', role: 'commenter', documents: ['it-strategi-2026'] },
          { token: 'l', role: 'viewer', documents: ['*'] },
        ],
      }),
    );
    expect(authorize(config, 'r', 'it-strategi-2026')).toEqual({ ok: true, role: 'editor' });
    expect(authorize(config, 'k', 'it-strategi-2026')).toEqual({ ok: true, role: 'commenter' });
    expect(authorize(config, 'k', 'handlingsplan')).toMatchObject({ ok: false, status: 403 });
    expect(authorize(config, 'l', 'handlingsplan')).toEqual({ ok: true, role: 'viewer' });
    expect(() => parseAuthConfig(JSON.stringify({ tokens: [{ token: 'x', documents: ['*'] }] }), 'auth.json')).toThrow(
      '/tokens/0/role: must be one of editor, commenter, viewer (missing)',
    );
  });

  it('`pejling server --auth` with a broken file exits non-zero with the problem, not a stack trace', async () => {
    const dir = await tempDir('pejling-authcli-');
    const authFile = join(dir, 'auth.json');
    await writeFile(authFile, JSON.stringify({ tokens: [{ token: 'x', role: 'ejer', documents: ['*'] }] }));
    const result = await runServerCommand(['--port', '0', '--data', join(dir, 'data'), '--auth', authFile]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('/tokens/0/role: must be one of editor, commenter, viewer (is "ejer")');
    expect(result.stderr).not.toMatch(/\n\s+at /);

    const missing = await runServerCommand(['--port', '0', '--data', join(dir, 'data'), '--auth', join(dir, 'nope.json')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('does not exist');
  });
});

describe('loopback only without auth', () => {
  it('refuses to start on a non-loopback host without --auth, saying why', async () => {
    const result = await runServerCommand(['--host', '0.0.0.0', '--port', '0', '--data', await tempDir()]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Refusing to listen on 0\.0\.0\.0 without --auth/);
    expect(result.stdout).not.toContain('listening');
    await expect(createPejlingServer({ host: '192.168.1.20', dataDir: await tempDir() })).rejects.toBeInstanceOf(
      ServerStartError,
    );
  });

  it('answers only requests that name this machine (DNS rebinding) and pages from this machine (cross-site WebSocket)', async () => {
    server = await startTestServer();
    const url = `${server.wsUrl}/strategi`;
    expect(await upgradeStatus(url)).toBe(101);
    expect(await upgradeStatus(url, { Origin: `http://localhost:5173` })).toBe(101);
    expect(await upgradeStatus(url, { Origin: 'https://ondsindet.example' })).toBe(403);
    expect(await upgradeStatus(url, { Host: 'rebind.example:80' })).toBe(403);
    expect(await httpStatus(`${server.server.url}/healthz`, { Host: 'rebind.example' })).toBe(403);
    expect(await httpStatus(`${server.server.url}/healthz`, {})).toBe(200);
  });

  it('takes the Host header exactly: loopback names or the configured host, with the listening port', async () => {
    server = await startTestServer();
    const port = server.server.port;
    const healthz = `${server.server.url}/healthz`;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect(await httpStatus(healthz, { Host: host }), host).toBe(200);
    }
    for (const host of [
      `evil.localhost:${port}`,
      `127.0.0.1:${port}@evil.com`,
      '127.0.0.1:evil',
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `localhost.:${port}`,
      `127.0.0.2:${port}`,
      `user@127.0.0.1:${port}`,
    ]) {
      expect(await httpStatus(healthz, { Host: host }), host).toBe(403);
      expect(await upgradeStatus(`${server.wsUrl}/strategi`, { Host: host }), host).toBe(403);
    }
    expect(await upgradeStatus(`${server.wsUrl}/strategi`, { Origin: `http://evil.localhost:${port}` })).toBe(403);
    expect(await upgradeStatus(`${server.wsUrl}/strategi`, { Origin: `http://[::1]:${port}` })).toBe(101);
  });
});

describe('presence', () => {
  it('a viewer cannot set or clear another person’s presence; its own is relayed', async () => {
    server = await authServer();
    const editor = stockClient(server.wsUrl, 'strategi', { token: 'redaktør-hemmelighed-1' });
    const observer = stockClient(server.wsUrl, 'strategi', { token: 'redaktør-hemmelighed-1' });
    const viewer = stockClient(server.wsUrl, 'strategi', { token: 'læser-hemmelighed-2' });
    cleanups.push(editor.destroy, observer.destroy, viewer.destroy);
    await waitFor(() => editor.provider.synced && observer.provider.synced && viewer.provider.synced);
    editor.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    const nameOf = (id: number) => (observer.provider.awareness.getStates().get(id)?.user as { name?: string } | undefined)?.name;
    await waitFor(() => nameOf(editor.doc.clientID) === 'Anna', { message: 'Anna visible' });

    // The viewer forges Anna's entry (her client id, a higher clock) and then a removal of it.
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.clientID = editor.doc.clientID;
    const annaClock = editor.provider.awareness.meta.get(editor.doc.clientID)!.clock;
    forged.meta.set(editor.doc.clientID, { clock: annaClock + 5, lastUpdated: Date.now() });
    forged.states.set(editor.doc.clientID, { user: { name: 'SPOOFED by viewer' } });
    const spoof = awarenessProtocol.encodeAwarenessUpdate(forged, [editor.doc.clientID]);
    const socket = await rawSocket(`${server.wsUrl}/strategi?token=${encodeURIComponent('læser-hemmelighed-2')}`);
    cleanups.push(() => socket.close());
    socket.send(encodeAwareness(spoof));
    forged.meta.set(editor.doc.clientID, { clock: annaClock + 6, lastUpdated: Date.now() });
    forged.states.delete(editor.doc.clientID);
    socket.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(forged, [editor.doc.clientID])));
    forged.destroy();

    // The viewer's own presence still goes through.
    viewer.provider.awareness.setLocalStateField('user', { name: 'Læser' });
    await waitFor(() => nameOf(viewer.doc.clientID) === 'Læser', { message: 'viewer presence relayed' });
    await sleep(200);
    expect(nameOf(editor.doc.clientID)).toBe('Anna');
    expect(server.logs.some((e) => e.event === 'presence-refused' && String(e.peer).startsWith('127.0.0.1:'))).toBe(true);
  });
});

function httpStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
