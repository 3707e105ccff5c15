// The desktop app itself, driven through Playwright's Electron support. Runs where the Electron runtime is installed;
// elsewhere (as on machines that cannot download Electron's binary) it is SKIPPED, with the reason printed and shown
// as the skip annotation in the report. The main process's handlers are tested without the runtime in
// test/unit/foundation/electron-main.test.ts (fakes of ipcMain, webContents and session) and
// test/integration/host-contract.test.ts (the contract through IPC and HTTP); this spec is the one place the real
// Electron wiring (preload, contextBridge, app:// protocol, single window) is exercised.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronRuntime } from '../../scripts/electron-runtime.js';

const runtime = findElectronRuntime();
const skipReason = 'missing' in runtime ? `Electron end-to-end test SKIPPED (no Electron runtime here): ${runtime.missing}.` : '';
if (skipReason) console.log(skipReason);

test.describe('desktop app (Electron)', () => {
  test.skip(Boolean(skipReason), skipReason);

  test('opens one secure window with the Danish start screen and the bridge', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pejling-electron-'));
    const app = await electron.launch({
      executablePath: 'path' in runtime ? runtime.path : '',
      args: ['dist/electron/main.cjs', '--no-sandbox'],
      env: { ...process.env, PEJLING_DATA_DIR: dataDir },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'Strategier på denne computer' })).toBeVisible();
      await expect(window.getByRole('region', { name: 'Ny strategi' })).toBeVisible();
      // The renderer has the preload's generic host IPC, and no Node.
      expect(await window.evaluate(() => typeof (window as unknown as { pejling?: unknown }).pejling)).toBe('object');
      // A contract call goes through preload → main and answers as the contract says; a bad payload is refused.
      const info = await window.evaluate(() => (window as unknown as { pejling: { invoke(m: string, a: unknown[]): Promise<unknown> } }).pejling.invoke('info', []));
      expect(info).toMatchObject({ ok: true, value: { kind: 'electron' } });
      const refused = await window.evaluate(() => (window as unknown as { pejling: { invoke(m: string, a: unknown[]): Promise<unknown> } }).pejling.invoke('createDocument', [null]));
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      // contextIsolation + sandbox + no nodeIntegration: the page sees neither require nor process.
      expect(await window.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
      // Navigation away from the app is refused.
      await window.evaluate(() => {
        location.href = 'https://example.org/';
      });
      await window.waitForTimeout(500);
      expect(window.url()).toMatch(/^app:\/\/pejling\//);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
