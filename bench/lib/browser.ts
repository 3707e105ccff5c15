// Debian's Chromium driven through Playwright (it cannot download its own browsers here), with the
// project's flags for a machine whose only network is loopback.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/e2e/chromium';
import type { BenchPageApi } from '../pages/bench-page';

export async function launchChromium(): Promise<Browser> {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(`Chromium was not found at ${path}: install it with "sudo apt-get install chromium" or set PEJLING_CHROMIUM.`);
  }
  return chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true });
}

// tsx compiles named functions with calls to an `__name` helper; functions Playwright serialises into a
// page (addInitScript, evaluate) need it defined there too.
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/** A fresh browser context (Danish locale) whose pages can run the benchmark's serialised functions. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'da-DK' });
  await context.addInitScript(NAME_SHIM);
  return context;
}

/** Opens the bench page (bench/lib/page-server.ts) in a fresh context and waits for its API. */
export async function openBenchPage(browser: Browser, pageUrl: string, log?: (message: string) => void): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`bench page error: ${error.message}`));
  // Progress lines of long runs in the page ("bench: …").
  if (log) page.on('console', (message) => message.text().startsWith('bench:') && log(`  ${message.text().slice(7)}`));
  await page.goto(pageUrl);
  await page.waitForFunction(() => 'pejlingBench' in window);
  return page;
}

/** Calls window.pejlingBench[name](...args) in the page. */
export async function callBench<K extends keyof BenchPageApi>(
  page: Page,
  name: K,
  ...args: Parameters<BenchPageApi[K]>
): Promise<Awaited<ReturnType<BenchPageApi[K]>>> {
  return page.evaluate(
    ([fn, fnArgs]) => {
      const api = (window as unknown as { pejlingBench: Record<string, (...a: unknown[]) => unknown> }).pejlingBench;
      return api[fn as string]!(...(fnArgs as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchPageApi[K]>>>;
}
