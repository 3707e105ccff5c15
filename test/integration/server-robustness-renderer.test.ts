// Issue 11 (side note): right after `npm ci` (no dist/renderer yet) `pejling server` serves browser mode:
// the first request for the app builds the renderer (with a log line), meanwhile the page says so and
// reloads itself, the sync server keeps answering, and afterwards the app is served.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { appClient, exited, removeTempDirs, spawnServer, tempDir, waitFor, type ChildServer } from './server-helpers';

afterAll(removeTempDirs);

let child: ChildServer | null = null;
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  if (child && child.process.exitCode === null) {
    child.process.kill('SIGKILL');
    await exited(child.process);
  }
  child = null;
});

describe('browser mode without a built renderer', () => {
  it('builds the renderer on the first request for the app and then serves it', { timeout: 180_000 }, async () => {
    const rendererDir = join(await tempDir('pejling-renderer-'), 'renderer');
    child = await spawnServer(['--port', '0', '--data', await tempDir()], { PEJLING_RENDERER_DIR: rendererDir });
    const first = await fetch(`${child.url}/`);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('3');
    const page = await first.text();
    expect(page).toContain('Pejling bygges');
    expect(page).toContain('http-equiv="refresh"');
    expect(child.output()).toMatch(/"event":"renderer-build","phase":"start"/);

    // The sync server answers while the build runs.
    const client = appClient(child.url, 'under-bygning');
    cleanups.push(client.destroy);
    await client.provider.whenSynced();
    expect((await fetch(`${child.url}/healthz`)).status).toBe(200);

    await waitFor(() => /"event":"renderer-build".*"phase":"(done|failed)"/.test(child!.output()), {
      timeout: 150_000,
      interval: 200,
      message: 'the build to end',
    });
    expect(child.output()).toMatch(/"phase":"done"/);
    const app = await fetch(`${child.url}/`);
    expect(app.status).toBe(200);
    const html = await app.text();
    const asset = /src="\.?(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${child.url}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    // A client route gets the app too (SPA fallback).
    expect((await fetch(`${child.url}/dokument/abc`)).status).toBe(200);
  });
});
