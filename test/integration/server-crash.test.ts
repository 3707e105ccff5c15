// Durable before relay, tested on the real command: `pejling server` runs as a child process and is
// killed with SIGKILL the moment a second client has received an update; restarted on the same data
// dir, the server still has that update. Writes are slowed down (PEJLING_TEST_APPEND_DELAY_MS) so that
// a server relaying before its write finished would lose the update here.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import WebSocket from 'ws';
import { removeTempDirs, exited, spawnServer, stockClient, tempDir, waitFor, type ChildServer, type StockClient } from './server-helpers';

afterAll(removeTempDirs);

const children: ChildServer[] = [];
const clients: StockClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await exited(child.process);
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const ws = (url: string) => url.replace(/^http/, 'ws');

describe('pejling server as a child process', () => {
  it('keeps every update a client received, across SIGKILL and restart', async () => {
    const dataDir = await tempDir('pejling-crash-');
    dirs.push(dataDir);
    const env = { PEJLING_TEST_APPEND_DELAY_MS: '150' };
    const markers: string[] = [];

    for (let round = 0; round < 3; round++) {
      const child = await spawnServer(['--port', '0', '--data', dataDir], env);
      children.push(child);
      const writer = stockClient(ws(child.url), 'krak');
      const reader = stockClient(ws(child.url), 'krak');
      clients.push(writer, reader);
      await waitFor(() => writer.provider.synced && reader.provider.synced, { message: 'clients synced' });
      // What earlier rounds wrote is there after the restart.
      for (const marker of markers) expect(reader.doc.getText('t').toString()).toContain(marker);

      const marker = `«runde ${round}»`;
      markers.push(marker);
      const killed = new Promise<void>((resolve) => {
        reader.doc.on('update', () => {
          if (reader.doc.getText('t').toString().includes(marker) && child.process.signalCode === null) {
            child.process.kill('SIGKILL');
            resolve();
          }
        });
      });
      writer.doc.getText('t').insert(0, marker);
      await killed;
      await exited(child.process);
      expect(child.process.signalCode).toBe('SIGKILL');
      writer.destroy();
      reader.destroy();
      clients.length = 0;
    }

    const child = await spawnServer(['--port', '0', '--data', dataDir]);
    children.push(child);
    const check = stockClient(ws(child.url), 'krak');
    clients.push(check);
    await waitFor(() => check.provider.synced, { message: 'check client synced' });
    const text = check.doc.getText('t').toString();
    for (const marker of markers) expect(text).toContain(marker);
  });

  it('on SIGTERM closes connections with 1001, flushes and exits 0', async () => {
    const dataDir = await tempDir('pejling-term-');
    dirs.push(dataDir);
    const child = await spawnServer(['--port', '0', '--data', dataDir]);
    children.push(child);
    const client = stockClient(ws(child.url), 'afslut');
    clients.push(client);
    await waitFor(() => client.provider.synced);
    client.doc.getText('t').insert(0, 'gemt ved nedlukning');

    // A raw socket sees the close code the server sends.
    const raw = new WebSocket(`${ws(child.url)}/afslut`);
    await new Promise((resolve) => raw.once('open', resolve));
    const closed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.process.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await exited(child.process)).toBe(0);
    expect(child.output()).toContain('"event":"shutdown"');
    client.destroy();
    clients.length = 0;

    const again = await spawnServer(['--port', '0', '--data', dataDir]);
    children.push(again);
    const check = stockClient(ws(again.url), 'afslut');
    clients.push(check);
    await waitFor(() => check.provider.synced);
    expect(check.doc.getText('t').toString()).toBe('gemt ved nedlukning');
  });
});
