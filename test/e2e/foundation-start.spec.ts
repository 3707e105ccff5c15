// `npm start` on a machine without the Electron runtime: one clear sentence, then browser mode at a printed URL
// that shows the Danish start screen.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findElectronRuntime } from '../../scripts/electron-runtime.js';

test('npm start falls back to browser mode and serves the Danish start screen', async ({ page }) => {
  test.skip('path' in findElectronRuntime(), 'The Electron runtime is installed here, so npm start opens the desktop app.');
  const dataDir = mkdtempSync(join(tmpdir(), 'pejling-start-'));
  const child = spawn(process.execPath, ['bin/start.js', '--data', dataDir], {
    env: { ...process.env, PEJLING_SKIP_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0], { timeout: 30_000 }).toBeTruthy();
    expect(output).toMatch(/The Electron runtime is not installed here \(.+\), so Pejling starts in browser mode instead\./);
    const url = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output)![0];
    await page.goto(url);
    await expect(page).toHaveTitle(/Pejling/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expect(page.getByRole('heading', { name: 'Strategier på denne computer' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ny strategi' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Opret strategi' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Åbn fil…' })).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
