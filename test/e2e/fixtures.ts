// Playwright fixtures: a real `pejling server` (the same command a user runs) serving the built renderer, on a free
// loopback port with a fresh data directory, stopped after the test.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { CreateDocumentRequest } from '../../shared/bridge';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** A token of a server's auth file (`--auth`), for every document. */
export interface TestToken {
  token: string;
  role: 'editor' | 'commenter' | 'viewer';
}

/** A sync server started with an auth file holding `tokens`; `stop` stops it and removes the file. */
export async function startAuthServer(tokens: readonly TestToken[]): Promise<RunningServer & { stop: () => Promise<void> }> {
  const authDir = mkdtempSync(join(tmpdir(), 'pejling-e2e-auth-'));
  const authFile = join(authDir, 'auth.json');
  writeFileSync(authFile, JSON.stringify({ tokens: tokens.map((t) => ({ ...t, documents: ['*'] })) }));
  const server = await startServer({ args: ['--auth', authFile] });
  return {
    ...server,
    stop: async () => {
      await stopServer(server);
      rmSync(authDir, { recursive: true, force: true });
    },
  };
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
  await recordToasts(context);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('tree')).toBeVisible();
  return page;
}

/**
 * Records every text a toast shows, in order, from the page's first script on; `toastTexts(page)` reads them.
 * A toast lasts seconds, a phase of a long task can last less than one poll, and a loaded machine can take
 * longer than a toast's life between two steps: a spec asks what was shown, not whether it is still there.
 * Pages of `openAsUser` record from the start.
 */
export async function recordToasts(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { toastTexts: string[] }).toastTexts = shown;
    // Per toast the last text recorded: a toast whose text changes (a task's next phase) is recorded again.
    const last = new WeakMap<Element, string>();
    new MutationObserver(() => {
      for (const toast of document.querySelectorAll('.toast-message')) {
        const text = toast.textContent ?? '';
        if (last.get(toast) === text) continue;
        last.set(toast, text);
        shown.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** The toast texts recorded since `recordToasts` (page loads included). */
export function toastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { toastTexts?: string[] }).toastTexts ?? []);
}

/**
 * Waits until the status bar says "Gemt" and means it: the bar shows the save state after the frame that shows a
 * keystroke (renderer/src/session/use-session-state.ts), so right after typing it can still show the "Gemt" of
 * the edit before. One frame and one task later it shows the state of the last edit; then "Gemt" is waited for.
 */
export async function expectSaved(page: Page, options: { timeout?: number } = {}): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await expect(page.getByTestId('save-state')).toHaveText('Gemt', options);
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
