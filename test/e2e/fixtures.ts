// Playwright fixtures: a real `pejling server` (the same command a user runs) serving the built renderer, on a free
// loopback port with a fresh data directory, stopped after the test.
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import type { CreateDocumentRequest } from '../../shared/bridge';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Output the server printed so far (structured log lines). */
  output(): string;
}

export async function startServer(options: { dataDir?: string; args?: string[]; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pejling-e2e-'));
  const child = spawn(process.execPath, ['bin/pejling.js', 'server', '--port', '0', '--data', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PEJLING_DATA_DIR: dataDir, ...options.env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match && match[1] !== '0') {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code}:\n${output}`));
    });
  });
  return { url, dataDir, process: child, output: () => output };
}

export async function stopServer(server: RunningServer, { keepData = false } = {}): Promise<void> {
  if (server.process.exitCode === null) {
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (server.process.exitCode === null) server.process.kill('SIGKILL');
  }
  if (!keepData) rmSync(server.dataDir, { recursive: true, force: true });
}

/** Creates a document through the server's browser-mode API (as the start screen does) and returns its id. */
export async function createDocument(serverUrl: string, request: CreateDocumentRequest): Promise<string> {
  const response = await fetch(`${serverUrl}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Pejling-Request': '1' },
    body: JSON.stringify(request),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Opens `url` as another person: a browser context of its own (its own storage, so its own settings) with that
 * person's name and colour, and waits until the document's navigator is there.
 */
export async function openAsUser(
  browser: Browser,
  url: string,
  user: { name: string; color: string },
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', ...(viewport ? { viewport } : {}) });
  await context.addInitScript(
    ([n, c]) => localStorage.setItem('pejling.settings', JSON.stringify({ userName: n, userColor: c, language: 'da' })),
    [user.name, user.color],
  );
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('tree')).toBeVisible();
  return page;
}

/** Fails the test on any console error or uncaught page error (the UI must run without console errors). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export const test = base.extend<{ server: RunningServer; consoleErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await stopServer(server);
  },
  consoleErrors: async ({ page }, use) => {
    const errors = watchConsole(page);
    await use(errors);
    expect(errors, 'console errors in the page').toEqual([]);
  },
});

export { expect };
