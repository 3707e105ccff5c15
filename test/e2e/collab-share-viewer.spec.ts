// "Del / Samarbejd" in browser mode: the document on the local `pejling server` is connected, through the
// dialog, to a second `pejling server` started with an --auth token file. A wrong address or token is
// explained in Danish; an editor token syncs; a viewer token turns the whole editor read-only (banner,
// editors, fields, navigator) while export keeps working; disconnecting makes it editable again.
import { readFileSync } from 'node:fs';
import { seriousViolations } from './a11y';
import { test, expect, startAuthServer, expectSaved } from './fixtures';
import type { Page } from '@playwright/test';

const EDITOR_TOKEN = 'redaktoer-noegle-7f3a9c';
const VIEWER_TOKEN = 'laeser-noegle-2b8e41';

let remote: Awaited<ReturnType<typeof startAuthServer>>;

test.beforeAll(async () => {
  remote = await startAuthServer([
    { token: EDITOR_TOKEN, role: 'editor' },
    { token: VIEWER_TOKEN, role: 'viewer' },
  ]);
});

test.afterAll(async () => {
  await remote.stop();
});

async function openDocument(page: Page, baseUrl: string): Promise<string> {
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.addInitScript(() =>
    localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Dorte Dahl', userColor: '#8e44ad', language: 'da' })),
  );
  const response = await page.request.post(`${baseUrl}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'template', name: 'kk', title: 'It-strategi 2026-2029', organisation: 'Testrup Kommune' } });
  expect(response.ok()).toBe(true);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${baseUrl}/#/doc/${encodeURIComponent(id)}/edit/vision`);
  await expect(page.getByRole('tree')).toBeVisible();
  await expectSaved(page);
  return id;
}

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Del', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Del og samarbejd' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('connect via the Del dialog: errors in Danish, editor syncs, viewer is read-only but can export, disconnect', async ({ page, server, consoleErrors }) => {
  test.setTimeout(90_000);
  await openDocument(page, server.url);
  const shareButton = page.getByRole('button', { name: 'Del', exact: true });

  // The dialog: labelled, the address field focused, Tab stays inside, Escape closes and focus returns.
  let dialog = await openShare(page);
  const address = dialog.getByRole('textbox', { name: 'Serveradresse' });
  await expect(address).toBeFocused();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(shareButton).toBeFocused();

  // A wrong address is refused before anything is sent.
  dialog = await openShare(page);
  await address.fill('pejling.kommune');
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('»pejling.kommune« er ikke en serveradresse. Skriv fx https://pejling.kommune.dk.');
  await expect(address).toBeFocused();
  await address.fill('ftp://pejling.kommune.dk');
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Adressen skal begynde med https://, http://, wss:// eller ws://.');

  // A wrong token: the server refuses it, and the dialog says so.
  await address.fill(remote.url);
  await dialog.getByLabel('Adgangsnøgle').fill('forkert-noegle');
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(dialog.getByTestId('share-error')).toHaveText('Serveren afviste adgangsnøglen (token). Kontrollér den under Del.');
  await expect(dialog.getByTestId('share-state')).not.toHaveText('Synkroniseret');

  // The editor token: synchronised, with the role shown in the dialog and the status bar.
  await dialog.getByRole('button', { name: 'Skift server' }).click();
  await dialog.getByLabel('Adgangsnøgle').fill(EDITOR_TOKEN);
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(dialog.getByTestId('share-state')).toHaveText('Synkroniseret');
  await expect(dialog.getByTestId('share-role')).toHaveText('Redaktør – du kan skrive');
  await expect(dialog.getByTestId('share-error')).toHaveCount(0);
  await expect(page.getByTestId('remote-state')).toContainText('Synkroniseret');
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await expect(page.getByTestId('readonly-banner')).toHaveCount(0);

  // The viewer token: everything becomes read-only.
  dialog = await openShare(page);
  await dialog.getByRole('button', { name: 'Skift server' }).click();
  await dialog.getByLabel('Adgangsnøgle').fill(VIEWER_TOKEN);
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(dialog.getByTestId('share-role')).toHaveText('Læser – du har kun læseadgang');
  await expect(dialog.getByTestId('share-state')).toHaveText('Synkroniseret');
  await dialog.screenshot({ path: 'docs/screenshots/collab-share.png' });
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Luk' }).click();

  await expect(page.getByTestId('readonly-banner')).toContainText('Du har kun læseadgang');
  const vision = page.getByRole('textbox', { name: 'Vision', exact: true });
  await expect(vision).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await expect(page.getByRole('tree').getByRole('button', { name: /^Tilføj/ })).toHaveCount(0);
  await expect(page.getByRole('tree').getByRole('button', { name: /^Slet/ })).toHaveCount(0);
  // Keyboard deletion in the navigator does nothing either.
  const perspectives = page.getByRole('treeitem', { name: /Perspektiver/ });
  const firstPerspective = perspectives.locator('[data-kind="perspective"]').first();
  const firstTitle = await firstPerspective.locator(':scope > .nav-row .nav-label').innerText();
  await firstPerspective.focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('treeitem', { name: firstTitle, exact: true })).toBeVisible();
  await page.getByRole('treeitem', { name: 'Forside' }).locator(':scope > .nav-row').click();
  await expect(page.getByRole('textbox', { name: 'Titel', exact: true })).toHaveAttribute('readonly', '');
  await expect(page.getByRole('combobox', { name: 'Status' })).toBeDisabled();
  await expect(page.getByTestId('remote-state')).toContainText('Synkroniseret');
  await page.screenshot({ path: 'docs/screenshots/collab-viewer.png' });
  expect(await seriousViolations(page)).toEqual([]);

  // Export still works: Word and JSON.
  const word = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér' }).click();
  await page.locator('[data-action="export-docx"]').click();
  const wordFile = readFileSync((await (await word).path())!);
  expect(wordFile.subarray(0, 2).toString()).toBe('PK');
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér' }).click();
  await page.getByRole('button', { name: /JSON/ }).click();
  const exported = JSON.parse(readFileSync((await (await json).path())!, 'utf8')) as { meta: { title: string } };
  expect(exported.meta.title).toBe('It-strategi 2026-2029');

  // Disconnecting: the document is back on the local Pejling server only (browser mode: not "only on this
  // computer", since everyone who opens that server's address shares it), and editable again.
  dialog = await openShare(page);
  await dialog.getByRole('button', { name: 'Afbryd forbindelsen' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Forbindelsen til den anden server er afbrudt. Strategien ligger stadig på Pejling-serveren ${new URL(server.url).host}.`);
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await expect(page.getByTestId('readonly-banner')).toHaveCount(0);
  await expect(page.getByTestId('remote-state')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Titel', exact: true })).not.toHaveAttribute('readonly', '');
  expect(consoleErrors).toEqual([]);
});
