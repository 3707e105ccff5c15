// Two people in one document in browser mode (two browser contexts = two users with their own names and
// colours) against a real `pejling server`: each sees the other in the header, in the navigator, as a named
// cursor in the rich-text editor and on the structured field they are typing in. Then one of them loses
// the network (Chromium's offline mode blocks loopback HTTP and WebSockets too): the status says "Offline"
// and, once the browser has committed them to IndexedDB, that the edits are saved in the browser and wait
// for the server (counted as a person counts changes); what was shown as saved survives a reload while still
// offline (app shell from the service worker, document from IndexedDB), and it reaches the other person once
// the network is back.
import { test, expect, startServer, stopServer, createDocument, openAsUser, expectSaved } from './fixtures';

const VIEWPORT = { width: 1360, height: 820 };
const blank = (title: string) => ({ from: 'template' as const, name: 'blank', title, organisation: 'Testrup Kommune' });
import type { Page } from '@playwright/test';

function collectErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    // Chromium itself logs every refused request and WebSocket attempt while offline or while the server
    // is down (the app retries); everything else is a real error of the app.
    const browserNetworkLog = /ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to load resource/;
    if (message.type() === 'error' && !browserNetworkLog.test(message.text())) errors.push(message.text());
  });
}

test('presence, remote cursors and field editing; offline edits survive a reload and merge after reconnecting', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const id = await createDocument(server.url, blank('Fælles it-strategi'));
  const base = `${server.url}/#/doc/${encodeURIComponent(id)}/edit`;
  const anna = await openAsUser(browser, `${base}/meta`, { name: 'Anna Andersen', color: '#1f6feb' }, VIEWPORT);
  const bo = await openAsUser(browser, `${base}/meta`, { name: 'Bo Berg', color: '#b42318' }, VIEWPORT);
  const errors: string[] = [];
  collectErrors(anna, errors);
  collectErrors(bo, errors);

  // Header: who is in the document (with where they are), this user first.
  const annaPeople = anna.getByTestId('presence-list');
  await expect(annaPeople.getByRole('button', { name: /Bo Berg/ })).toBeVisible();
  await expect(annaPeople.getByRole('button', { name: /Bo Berg/ })).toHaveText('BB');
  await expect(annaPeople).toContainText('Anna Andersen (dig)');
  await expect(bo.getByTestId('presence-list').getByRole('button', { name: /Anna Andersen/ })).toBeVisible();

  // A structured field: Anna types in the title; Bo sees her name on that field (and only that one).
  await anna.getByRole('textbox', { name: 'Titel', exact: true }).focus();
  const boTitle = bo.getByRole('textbox', { name: 'Titel', exact: true });
  await expect(boTitle).toHaveAttribute('data-editing-by', 'Anna Andersen');
  await expect(bo.getByTestId('field-presence')).toHaveText('Anna Andersen');
  await expect(bo.getByTestId('field-presence')).toBeVisible();
  await expect(bo.getByRole('textbox', { name: 'Undertitel' })).not.toHaveAttribute('data-editing-by');
  // The chip sits on the field's top edge.
  const chipBox = (await bo.getByTestId('field-presence').boundingBox())!;
  const titleBox = (await boTitle.boundingBox())!;
  expect(Math.abs(chipBox.y + chipBox.height - titleBox.y)).toBeLessThan(4);
  await bo.screenshot({ path: 'docs/screenshots/collab-field.png' });
  await anna.getByRole('textbox', { name: 'Titel', exact: true }).blur();
  await expect(bo.getByTestId('field-presence')).toHaveCount(0);

  // Both go to the vision; each sees the other's initials on the navigator item and a named cursor.
  await anna.getByRole('treeitem', { name: 'Vision' }).locator(':scope > .nav-row').click();
  await bo.getByRole('treeitem', { name: 'Vision' }).locator(':scope > .nav-row').click();
  await expect(anna.getByRole('treeitem', { name: 'Vision' }).locator('.presence-badge')).toHaveText('BB');
  await expect(anna.getByRole('treeitem', { name: 'Vision' })).toContainText('Her: Bo Berg');
  await expect(bo.getByRole('treeitem', { name: 'Vision' })).toContainText('Her: Anna Andersen');
  await expect(annaPeople.getByRole('button', { name: 'Gå til Vision, hvor Bo Berg er' })).toBeVisible();

  const annaVision = anna.getByRole('textbox', { name: 'Vision', exact: true });
  const boVision = bo.getByRole('textbox', { name: 'Vision', exact: true });
  await boVision.click();
  await bo.keyboard.type('Borgerne møder én digital kommune.');
  await expect(annaVision).toContainText('Borgerne møder én digital kommune.');
  const boCursorAtAnna = anna.locator('.rich-field[data-field] .remote-caret-name', { hasText: 'Bo Berg' });
  await expect(boCursorAtAnna).toBeVisible();
  await annaVision.click();
  await anna.keyboard.press('Control+End');
  await expect(bo.locator('.remote-caret-name', { hasText: 'Anna Andersen' })).toBeVisible();
  await anna.screenshot({ path: 'docs/screenshots/collab-presence.png' });

  // Bo's network goes away (the app shell is cached by then).
  await bo.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expectSaved(bo);
  await bo.context().setOffline(true);
  await expect(bo.getByTestId('save-state')).toHaveText('Offline', { timeout: 8_000 });
  await boVision.click();
  await bo.keyboard.press('Control+End');
  await bo.keyboard.type(' Skrevet uden net.');
  // One sentence typed in one field is one change (not one per keystroke), and the status says it is kept
  // in the browser only once IndexedDB has committed it.
  await expect(bo.getByTestId('save-state')).toHaveText('Offline – 1 ændring gemt i browseren (venter på serveren)');
  await expect(bo.getByTestId('save-state')).toHaveAttribute('data-kind', 'offline-stored');
  await expect(annaVision).not.toContainText('Skrevet uden net.');

  // Reloading (still offline) asks first, then brings back the app and Bo's text from the browser.
  const dialogs: string[] = [];
  bo.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  const reloaded = await bo.reload();
  expect(dialogs).toEqual(['beforeunload']);
  expect(reloaded?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await expect(boVision).toHaveText('Borgerne møder én digital kommune. Skrevet uden net.');
  await expect(bo.getByTestId('save-state')).toHaveText('Offline – 1 ændring gemt i browseren (venter på serveren)');
  // Bo keeps working offline after the reload: a second change (plural wording).
  await boVision.click();
  await bo.keyboard.press('Control+End');
  await bo.keyboard.type(' Og efter genindlæsning.');
  await expect(bo.getByTestId('save-state')).toHaveText('Offline – 2 ændringer gemt i browseren (venter på serveren)');

  // The network returns: everything reaches Anna, and Bo's status settles on "Gemt".
  await bo.context().setOffline(false);
  await expect(annaVision).toContainText('Borgerne møder én digital kommune. Skrevet uden net. Og efter genindlæsning.', { timeout: 15_000 });
  await expectSaved(bo);
  await expect(annaPeople.getByRole('button', { name: /Bo Berg/ })).toBeVisible();
  // Nothing is waiting any more: leaving does not ask.
  dialogs.length = 0;
  await bo.reload();
  await expect(boVision).toContainText('Og efter genindlæsning.');
  expect(dialogs).toEqual([]);

  expect(errors).toEqual([]);
  await anna.context().close();
  await bo.context().close();
});

test('with the local server down, a document opens from its link and its edits wait for the server', async ({ browser, server }) => {
  const id = await createDocument(server.url, blank('Strategi i toget'));
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`;
  const page = await openAsUser(browser, url, { name: 'Carla Clausen', color: '#067647' }, VIEWPORT);
  const errors: string[] = [];
  collectErrors(page, errors);
  const vision = page.getByRole('textbox', { name: 'Vision', exact: true });
  await vision.click();
  await page.keyboard.type('Før toget.');
  await expectSaved(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  // The Pejling server stops (the laptop was restarted, the server not yet started again).
  const port = new URL(server.url).port;
  await stopServer(server, { keepData: true });
  await expect(page.getByTestId('save-state')).toHaveText('Offline');

  // Opening the link in a fresh tab works: the app from the service worker's cache (nothing answers on
  // the port), the document from IndexedDB, although the document list cannot be fetched.
  const tab = await page.context().newPage();
  collectErrors(tab, errors);
  const response = await tab.goto(url);
  expect(response?.fromServiceWorker()).toBe(true);
  const offlineVision = tab.getByRole('textbox', { name: 'Vision', exact: true });
  await expect(offlineVision).toContainText('Før toget.');
  await expect(tab.getByTestId('save-state')).toHaveText('Offline');
  await offlineVision.click();
  await tab.keyboard.press('Control+End');
  await tab.keyboard.type(' I toget.');
  await expect(tab.getByTestId('save-state')).toHaveText('Offline – 1 ændring gemt i browseren (venter på serveren)');

  // The server is back (same data, same address): the edits reach it.
  const restarted = await startServer({ dataDir: server.dataDir, args: ['--port', port] });
  try {
    await expectSaved(tab, { timeout: 20_000 });
    await expect(vision).toContainText('Før toget. I toget.');
    const saved = await fetch(`${restarted.url}/api/documents/${encodeURIComponent(id)}/download?format=json`);
    expect(await saved.text()).toContain('Før toget. I toget.');
    expect(errors).toEqual([]);
  } finally {
    await page.context().close();
    await stopServer(restarted, { keepData: true });
  }
});

test('offline, the counter says what a person would count, plural-correct, in English too', async ({ browser, server }) => {
  const id = await createDocument(server.url, blank('Strategy on the road'));
  const context = await browser.newContext({ locale: 'en-GB', viewport: VIEWPORT });
  await context.addInitScript(() =>
    localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Dana Dale', userColor: '#067647', language: 'en' })),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  collectErrors(page, errors);
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`);
  const state = page.getByTestId('save-state');
  await expect(state).toHaveText('Saved');

  await context.setOffline(true);
  await expect(state).toHaveText('Offline', { timeout: 8_000 });
  // A whole title typed in one go is one change; a second field is a second one.
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await title.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' 2027');
  await expect(state).toHaveText('Offline – 1 change saved in this browser (waiting for the server)');
  await page.getByRole('textbox', { name: 'Subtitle', exact: true }).click();
  await page.keyboard.type('Written without a network');
  await expect(state).toHaveText('Offline – 2 changes saved in this browser (waiting for the server)');
  await expect(state).toHaveAttribute('title', 'The changes are saved in this browser and sent to the server when the connection is back. They survive reloading or closing the tab.');

  await context.setOffline(false);
  await expect(state).toHaveText('Saved', { timeout: 15_000 });
  await expect(title).toHaveValue('Strategy on the road 2027');
  expect(errors).toEqual([]);
  await context.close();
});

test('a user without a name is asked once, inline; the name reaches the others', async ({ browser, server }) => {
  const id = await createDocument(server.url, blank('Navnløs strategi'));
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`;
  const colleague = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' }, VIEWPORT);
  const context = await browser.newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('tree')).toBeVisible();

  // Without a name the others see a stand-in ("Gæst …"), and the status bar asks, without taking the focus.
  const prompt = page.getByRole('form', { name: 'Dit navn' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('textbox', { name: 'Hvad hedder du?' })).not.toBeFocused();
  await expect(colleague.getByTestId('presence-list').getByRole('button', { name: /Gæst \d{3}/ })).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Gem navn' })).toBeDisabled();
  await prompt.getByRole('textbox', { name: 'Hvad hedder du?' }).fill('Eva Eriksen');
  await prompt.getByRole('button', { name: 'Gem navn' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(colleague.getByTestId('presence-list').getByRole('button', { name: /Eva Eriksen/ })).toHaveText('EE');
  await page.reload();
  await expect(page.getByRole('tree')).toBeVisible();
  await expect(page.getByTestId('presence-list')).toContainText('Eva Eriksen (dig)');
  await expect(prompt).toHaveCount(0);

  // "Ikke nu" is remembered too.
  const other = await (await browser.newContext({ locale: 'da-DK' })).newPage();
  await other.goto(url);
  await other.getByRole('form', { name: 'Dit navn' }).getByRole('button', { name: 'Ikke nu' }).click();
  await expect(other.getByRole('form', { name: 'Dit navn' })).toHaveCount(0);
  await other.reload();
  await expect(other.getByRole('tree')).toBeVisible();
  await expect(other.getByRole('form', { name: 'Dit navn' })).toHaveCount(0);
  await Promise.all([colleague.context().close(), context.close(), other.context().close()]);
});
