// "Del / Samarbejd" with the commenter role, in browser mode: the dialog explains what each token role
// can do; a commenter token on a strategy the server does not have yet is told that its changes were not
// taken (a commenter cannot publish a strategy); once an editor has put it there, the commenter token
// syncs, the dialog shows "Kommentator" and the window knows it is a commenter.
import { seriousViolations } from './a11y';
import { test, expect, startAuthServer, expectSaved } from './fixtures';
import type { Page } from '@playwright/test';

const EDITOR_TOKEN = 'strategienheden-5c1d2e';
const COMMENTER_TOKEN = 'hoeringspart-9a7b3f';

let remote: Awaited<ReturnType<typeof startAuthServer>>;

test.beforeAll(async () => {
  remote = await startAuthServer([
    { token: EDITOR_TOKEN, role: 'editor' },
    { token: COMMENTER_TOKEN, role: 'commenter' },
  ]);
});

test.afterAll(async () => {
  await remote.stop();
});

async function openDocument(page: Page, baseUrl: string): Promise<void> {
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.addInitScript(() => localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Bo Lund', userColor: '#1f77b4', language: 'da' })));
  const response = await page.request.post(`${baseUrl}/api/documents`, {
    headers: { 'X-Pejling-Request': '1' },
    data: { from: 'template', name: 'kk', title: 'It-strategi 2026-2029', organisation: 'Testrup Kommune' },
  });
  expect(response.ok()).toBe(true);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${baseUrl}/#/doc/${encodeURIComponent(id)}/edit/vision`);
  await expect(page.getByRole('tree')).toBeVisible();
  await expectSaved(page);
}

async function connectWith(page: Page, token: string, first: boolean) {
  await page.getByRole('button', { name: 'Del', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Del og samarbejd' });
  await expect(dialog).toBeVisible();
  if (!first) await dialog.getByRole('button', { name: 'Skift server' }).click();
  await dialog.getByRole('textbox', { name: 'Serveradresse' }).fill(remote.url);
  await dialog.getByLabel('Adgangsnøgle').fill(token);
  return dialog;
}

test('the share dialog offers and shows the commenter role; a commenter cannot publish, but syncs a shared strategy', async ({ page, server, consoleErrors }) => {
  test.setTimeout(90_000);
  await openDocument(page, server.url);

  // The form says what each role can do.
  let dialog = await connectWith(page, COMMENTER_TOKEN, true);
  const roles = dialog.getByTestId('share-roles');
  await expect(roles).toContainText('Adgangsnøglen afgør, hvad du kan:');
  await expect(roles.getByRole('listitem')).toHaveText([
    'Redaktør: skriver i strategien og kommenterer.',
    'Kommentator: læser og kommenterer (fx i høringen), ændrer ikke teksten.',
    'Læser: kan kun læse.',
  ]);
  await dialog.screenshot({ path: 'docs/screenshots/sharing-roles.png' });
  expect(await seriousViolations(page)).toEqual([]);

  // A commenter token on a strategy the server does not have: the server takes none of it, and says so.
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(dialog.getByTestId('share-role')).toHaveText('Kommentator – du kan læse og kommentere, men ikke ændre teksten');
  await expect(dialog.getByTestId('share-error')).toHaveText('Serveren tog ikke imod en ændring: med kommentatoradgang kan du kun kommentere.');
  await dialog.getByRole('button', { name: 'Luk' }).click();

  // The strategy unit puts it on the server (editor token)...
  dialog = await connectWith(page, EDITOR_TOKEN, false);
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(dialog.getByTestId('share-role')).toHaveText('Redaktør – du kan skrive');
  await expect(dialog.getByTestId('share-state')).toHaveText('Synkroniseret');
  await dialog.getByRole('button', { name: 'Luk' }).click();

  // ...and then the commenter token syncs without complaint.
  dialog = await connectWith(page, COMMENTER_TOKEN, false);
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(dialog.getByTestId('share-role')).toHaveText('Kommentator – du kan læse og kommentere, men ikke ændre teksten');
  await expect(dialog.getByTestId('share-state')).toHaveText('Synkroniseret');
  await expect(dialog.getByTestId('share-error')).toHaveCount(0);
  await dialog.screenshot({ path: 'docs/screenshots/sharing-commenter.png' });
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Luk' }).click();
  // The window learned its role: the commenter's banner instead of the editor's fields.
  await expect(page.getByTestId('commenter-banner')).toBeVisible();
  // Reading around as a commenter (views, a click into the text) writes nothing the server has to refuse:
  // the only refusal is the one from the first, unpublished connection.
  await page.getByRole('textbox', { name: 'Vision', exact: true }).click();
  await page.getByRole('treeitem', { name: 'Forside' }).locator(':scope > .nav-row').click();
  await page.getByRole('treeitem', { name: /Perspektiver/ }).locator('[data-kind="perspective"]').first().locator(':scope > .nav-row').click();
  await page.waitForTimeout(1000);
  const refusals = remote.output().split('\n').filter((line) => line.includes('"commenter-write-refused"'));
  expect(refusals).toHaveLength(1);
  expect(consoleErrors).toEqual([]);
});
