// Issue 19: the sync label tells the truth. In browser mode a document lives in the Pejling server the page
// came from, and everyone who opens that address edits it together; while a colleague co-edits a document
// through the server, neither its start-screen entry nor the Del dialog may claim it is "only on this
// computer". The Del dialog names who is writing along right now.
import { test, expect, createDocument, openAsUser } from './fixtures';

const VIEWPORT = { width: 1360, height: 820 };

test('while a colleague co-edits through the server, the start screen and the Del dialog say it is shared', async ({ browser, server }) => {
  const id = await createDocument(server.url, { from: 'template', name: 'blank', title: 'Fælles digitaliseringsstrategi', organisation: 'Testrup Kommune' });
  const docUrl = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`;
  const anna = await openAsUser(browser, docUrl, { name: 'Anna Andersen', color: '#1f6feb' }, VIEWPORT);
  const bo = await openAsUser(browser, docUrl, { name: 'Bo Berg', color: '#b42318' }, VIEWPORT);
  const host = new URL(server.url).host;

  // Anna writes; Bo sees it, so the two really share the document through the server.
  await anna.getByRole('textbox', { name: 'Vision', exact: true }).click();
  await anna.keyboard.type('Vi skriver sammen.');
  await expect(bo.getByRole('textbox', { name: 'Vision', exact: true })).toContainText('Vi skriver sammen.');

  // Bo's Del dialog: where the document is, and who writes along now; never "only on this computer".
  await bo.getByRole('button', { name: 'Del', exact: true }).click();
  const dialog = bo.getByRole('dialog', { name: 'Del og samarbejd' });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toContainText('kun på denne computer');
  await expect(dialog.getByText('Strategien ligger på Pejling-serveren')).toHaveText(`Strategien ligger på Pejling-serveren ${host}: alle, der åbner den adresse, kan skrive med.`);
  await expect(dialog.getByText('Skriver med lige nu')).toHaveText('Skriver med lige nu: Anna Andersen.');
  await dialog.getByRole('button', { name: 'Luk' }).click();

  // Bo goes to the start screen while Anna keeps the document open: the entry says it is shared.
  await bo.goto(`${server.url}/#/`);
  const entry = bo.locator('.document-row', { hasText: 'Fælles digitaliseringsstrategi' });
  await expect(entry).toBeVisible();
  const badge = entry.locator('.badge');
  await expect(badge).toHaveText('Delt via serveren');
  await expect(badge).toHaveAttribute('title', host);
  await expect(bo.locator('.start-documents')).not.toContainText('Kun på denne computer');

  // The same for a colleague who reads Pejling in English.
  const english = await browser.newContext({ locale: 'en-GB', viewport: VIEWPORT });
  await english.addInitScript(() =>
    localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Carl Clark', userColor: '#067647', language: 'en' })),
  );
  const carl = await english.newPage();
  await carl.goto(`${server.url}/#/`);
  await expect(carl.locator('.document-row', { hasText: 'Fælles digitaliseringsstrategi' }).locator('.badge')).toHaveText('Shared through the server');
  await expect(carl.locator('.start-documents')).not.toContainText('On this computer only');
  await english.close();

  await anna.context().close();
  await bo.context().close();
});
