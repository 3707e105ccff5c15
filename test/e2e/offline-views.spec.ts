// Issue 18, opening (browser mode, a real `pejling server`): the views other than "Redigér" are chunks of their own,
// fetched the first time their tab is shown. Offline-first still holds: the service worker caches every chunk of the
// build, so with the server stopped a document opens from its link and every view opens, each for the first time in
// that tab. While a view's chunk is on its way the pane says so; a chunk that cannot be fetched (no service worker
// yet, server gone) says that, and "Prøv igen" fetches it again once the server answers (reloading the app where the
// browser keeps the failure).
import type { Browser, Page, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { firstLoadScripts } from '../../bench/scenarios/open-bundle';
import { test, expect, stopServer, createDocument, openAsUser } from './fixtures';

const VIEWPORT = { width: 1360, height: 860 };
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

/** Each lazy view's tab and what it shows of København's strategy once its code has run. */
const VIEWS: { tab: string; shows: (page: Page) => Promise<void> }[] = [
  { tab: 'Disposition', shows: (page) => expect(page.locator('.outline-doc .outline-heading').first()).toBeVisible() },
  { tab: 'Initiativer', shows: (page) => expect(page.getByTestId('initiatives-count')).toContainText('initiativer i alle handlingsplaner') },
  { tab: 'Dækning', shows: (page) => expect(page.getByTestId('coverage-table').locator('tr[data-focus-area]').first()).toBeVisible() },
  { tab: 'Pr. ansvarlig', shows: (page) => expect(page.locator('.owner-card').first()).toBeVisible() },
  { tab: 'Status', shows: (page) => expect(page.getByTestId('status-counts')).toBeVisible() },
  { tab: 'Tjek', shows: (page) => expect(page.getByTestId('checks-summary')).toBeVisible() },
];

/** Errors of the app; Chromium's own log of a refused request (the app retries its channel while the server is down) is not one. */
function collectErrors(page: Page, errors: string[], expected?: RegExp): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(text) && !expected?.test(text)) errors.push(text);
  });
}

test('with the server stopped, a document opens from its link and every view opens from the cached chunks', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`;
  const page = await openAsUser(browser, url, { name: 'Carla Clausen', color: '#067647' }, VIEWPORT);
  const errors: string[] = [];
  collectErrors(page, errors);
  await expect(page.getByRole('textbox', { name: 'Vision', exact: true })).toContainText('København');
  // Only the edit view's code ran; the service worker has cached the whole build (it is active once installed).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await stopServer(server, { keepData: true });
  await expect(page.getByTestId('save-state')).toHaveText('Offline');

  // A fresh tab: nothing answers on the port, so the app, its chunks and the document come from the browser.
  const offline = await page.context().newPage();
  collectErrors(offline, errors);
  const response = await offline.goto(url);
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(offline.getByRole('textbox', { name: 'Vision', exact: true })).toContainText('København');
  for (const view of VIEWS) {
    await tab(offline, view.tab).click();
    await expect(tab(offline, view.tab)).toHaveAttribute('aria-selected', 'true');
    await view.shows(offline);
    await expect(offline.getByRole('alert')).toHaveCount(0);
  }
  // And back: the edit view is still there, with the document.
  await tab(offline, 'Redigér').click();
  await expect(offline.getByRole('textbox', { name: 'Vision', exact: true })).toContainText('København');
  expect(errors).toEqual([]);
  await page.context().close();
});

/**
 * A page of a new context (no service worker: the chunk requests reach the network) at København's vision, with
 * the Disposition's chunk routed: each request of it (under any query) waits for `decide(n)` of its number, which
 * refuses it or lets it through. `urls` are the chunk URLs asked for, in order.
 */
async function withHeldChunk(browser: Browser, serverUrl: string, decide: (n: number) => Promise<'refuse' | 'serve'>) {
  const id = await createDocument(serverUrl, { from: 'example', name: 'kk-2010-2014' });
  const context = await browser.newContext({ locale: 'da-DK', viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript(() => localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Dina Dam', userColor: '#1f6feb', language: 'da' })));
  const page = await context.newPage();
  const errors: string[] = [];
  collectErrors(page, errors, /OutlineView-/); // the refused chunk, as Chromium logs it
  const urls: string[] = [];
  await page.route(/\/assets\/OutlineView-[^/?]+\.js(\?.*)?$/, async (route: Route) => {
    const url = new URL(route.request().url());
    urls.push(url.pathname + url.search);
    if ((await decide(urls.length)) === 'refuse') await route.abort('connectionrefused');
    else await route.continue();
  });
  await page.goto(`${serverUrl}/#/doc/${encodeURIComponent(id)}/edit/vision`);
  await expect(page.getByRole('textbox', { name: 'Vision', exact: true })).toContainText('København');
  return { page, context, errors, urls };
}

test('a view says it is loading while its chunk is on its way, and offers "Prøv igen" when the chunk cannot be fetched', async ({ browser, server }) => {
  test.setTimeout(120_000);
  let release: (how: 'refuse' | 'serve') => void = () => undefined;
  const decided = new Promise<'refuse' | 'serve'>((resolve) => (release = resolve));
  const { page, context, errors, urls } = await withHeldChunk(browser, server.url, async (n) => (n === 1 ? decided : 'serve'));

  // The chunk is asked for and held: the pane says the view is loading (never an empty pane).
  await tab(page, 'Disposition').click();
  const panel = page.locator('#view-panel');
  await expect(panel.getByRole('status')).toHaveText('Henter visningen …');
  await expect.poll(() => urls.length).toBe(1); // the route sees the request a moment after the import() starts
  await page.screenshot({ path: 'docs/screenshots/split-view-loading.png' });

  // The chunk is refused (the server went away): a clear error and "Prøv igen", not a blank pane.
  release('refuse');
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('Visningen kunne ikke hentes. Er forbindelsen til serveren afbrudt?');
  await expect(page.locator('.outline-doc')).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/split-view-failed.png' });

  // The server answers again: "Prøv igen" fetches the chunk (under a URL the browser has not kept as failed) and the
  // Disposition is there.
  await alert.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(page.locator('.outline-doc .outline-heading').first()).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  expect(urls).toHaveLength(2);
  expect(urls[1]).toBe(`${urls[0]}?retry=1`);
  // The other tabs still work, and coming back to the Disposition needs no second fetch.
  await tab(page, 'Redigér').click();
  await tab(page, 'Disposition').click();
  await expect(page.locator('.outline-doc .outline-heading').first()).toBeVisible();
  expect(urls).toHaveLength(2);
  expect(errors).toEqual([]);
  await context.close();
});

test('a chunk that still cannot be fetched after "Prøv igen" offers to reload the app, which opens the view', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const { page, context, errors, urls } = await withHeldChunk(browser, server.url, async (n) => (n <= 2 ? 'refuse' : 'serve'));
  await tab(page, 'Disposition').click();
  const alert = page.locator('#view-panel').getByRole('alert');
  await expect(alert).toContainText('Visningen kunne ikke hentes.');
  await expect(alert.getByRole('button', { name: 'Genindlæs appen' })).toHaveCount(0);
  // The retry is refused too: now the pane says a reload is needed, and offers it beside another try.
  await alert.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(alert).toContainText('Visningen kunne stadig ikke hentes. Browseren henter den først igen, når appen er genindlæst.');
  await expect(alert.getByRole('button', { name: 'Prøv igen' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/split-view-reload.png' });
  // The reload keeps the route: the document opens at its Disposition, whose chunk now comes.
  await alert.getByRole('button', { name: 'Genindlæs appen' }).click();
  await expect(page.locator('.outline-doc .outline-heading').first()).toBeVisible();
  await expect(page).toHaveURL(/\/outline\//);
  expect(urls).toHaveLength(3);
  expect(errors).toEqual([]);
  await context.close();
});

test('a document opened from its link fetches only the first bundle; a view\'s code comes when its tab is shown', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  const firstLoad = firstLoadScripts(readFileSync('dist/renderer/index.html', 'utf8')).map((file) => file.replace(/^assets\//, ''));
  expect(firstLoad.length).toBeGreaterThan(0);
  const context = await browser.newContext({ locale: 'da-DK', viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (request) => {
    const file = /\/assets\/([^/?]+\.js)$/.exec(new URL(request.url()).pathname)?.[1];
    if (file) fetched.push(file);
  });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`);
  await expect(page.getByRole('textbox', { name: 'Vision', exact: true })).toContainText('København');
  await expect(page.getByRole('tab', { name: 'Tjek', exact: true })).toBeVisible();
  // The edit view with the document: the start screen, the other views and the comparison were not fetched.
  expect([...new Set(fetched)].sort()).toEqual([...firstLoad].sort());
  await tab(page, 'Initiativer').click();
  await expect(page.getByTestId('initiatives-count')).toContainText('initiativer i alle handlingsplaner');
  expect(fetched.some((file) => file.startsWith('InitiativesView-'))).toBe(true);
  expect(fetched.some((file) => file.startsWith('StartScreen-') || file.startsWith('OutlineView-'))).toBe(false);
  await context.close();
});
