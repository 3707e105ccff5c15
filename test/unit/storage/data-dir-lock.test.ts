// The data-folder lock is held by the operating system: a live holder (another process or another store in this
// process) is refused with who holds it, while a killed holder — reaped or still a zombie — and lock records left
// by another host name never block a restart.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../../../main/storage/document-store';
import { LOCK_FILE, LOCK_OWNER_FILE } from '../../../main/storage/data-dir-lock';
import { removeTempDirs, tempDir } from './helpers/fixtures';

afterAll(removeTempDirs);

const HOLDER = join(import.meta.dirname, 'helpers', 'lock-holder.ts');
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Waits for a line "locked <pid>" on the child's stdout; returns the pid. */
function lockedPid(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /locked (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code}): ${err}`)));
  });
}

/** The state letter of /proc/<pid>/stat ('Z' for a zombie), null when the process is gone. */
async function processState(pid: number): Promise<string | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return text === null ? null : text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
}

describe('data-folder lock', () => {
  it('refuses a second live process with its pid and host, and lets a restart in at once after SIGKILL', async () => {
    const dataDir = await tempDir();
    const holder = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(holder);
    const pid = await lockedPid(holder);
    const refused = await DocumentStore.open({ dataDir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'locked' });
    expect((refused as Error).message).toContain(`The data folder ${dataDir} is in use by another Pejling (process ${pid} on ${hostname()}, since `);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const store = await DocumentStore.open({ dataDir });
    await store.close();
  });

  it('does not wait for a killed holder that nobody has reaped yet (a zombie)', async () => {
    if (process.platform !== 'linux') return;
    const dataDir = await tempDir();
    // The holder's parent becomes `sleep`, which never reaps it: after SIGKILL it stays a zombie.
    const script = `"${process.execPath}" --import tsx "${HOLDER}" "${dataDir}" & exec sleep 60`;
    const parent = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(parent);
    const pid = await lockedPid(parent);
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 5000;
    while ((await processState(pid)) !== 'Z') {
      if (Date.now() > deadline) throw new Error(`holder ${pid} did not become a zombie`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(() => process.kill(pid, 0)).not.toThrow(); // the pid still "exists": a pid check would be fooled
    const store = await DocumentStore.open({ dataDir });
    await store.close();
    parent.kill('SIGKILL');
  });

  it('never blocks on records left by another host name (a container restarted under a new name)', async () => {
    const dataDir = await tempDir();
    const record = JSON.stringify({ pid: process.pid, host: 'old-container-7f3a', since: '2026-01-01T00:00:00.000Z' });
    await writeFile(join(dataDir, LOCK_FILE), record); // the format older versions wrote
    await writeFile(join(dataDir, LOCK_OWNER_FILE), record);
    const store = await DocumentStore.open({ dataDir });
    expect(JSON.parse(await readFile(join(dataDir, LOCK_OWNER_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await store.close();
  });

  it('refuses a second store in the same process and allows it again after close', async () => {
    const dataDir = await tempDir();
    const first = await DocumentStore.open({ dataDir });
    await expect(DocumentStore.open({ dataDir })).rejects.toThrow(`(process ${process.pid} on ${hostname()}`);
    await first.close();
    const second = await DocumentStore.open({ dataDir });
    await second.close();
  });
});
