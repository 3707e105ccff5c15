// Named versions in the app: save "Høringsudkast", edit, open the version read-only, restore it and undo the
// restore; a co-editor sees the version list live.
import { test, expect, createDocument } from './fixtures';
import { field } from './fields';
import type { Page } from '@playwright/test';

const FOCUS_AREA = 'fa-digitale-losninger';
const OLD_TITLE = 'Attraktive digitale løsninger til alle';
const NEW_TITLE = 'Digitale løsninger, som borgerne vælger først';

async function openDocument(page: Page, serverUrl: string, id: string, item = FOCUS_AREA): Promise<void> {
  await page.goto(`${serverUrl}/#/doc/${encodeURIComponent(id)}/edit/${encodeURIComponent(item)}`);
  await expect(page.getByRole('tree')).toBeVisible();
}

async function saveVersion(page: Page, name: string, milestone = ''): Promise<void> {
  await page.locator('[data-action="open-versions"]').click();
  const dialog = page.getByTestId('versions-dialog');
  await expect(dialog).toBeVisible();
  await field(dialog, 'version.name').fill(name);
  if (milestone) await field(dialog, 'version.milestone').selectOption(milestone);
  await dialog.locator('[data-action="save-version"]').click();
  await expect(dialog.locator(`[data-version="${name}"]`)).toBeVisible();
}

test('save a version, edit, open the version read-only, restore it and undo the restore', async ({ page, server, consoleErrors }) => {
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  await openDocument(page, server.url, id);
  const title = page.locator('.document-main').locator(field(page, 'title')).first();
  await expect(title).toHaveValue(OLD_TITLE);

  await saveVersion(page, 'Høringsudkast', 'consultation');
  const dialog = page.getByTestId('versions-dialog');
  const item = dialog.locator('[data-version="Høringsudkast"]');
  await expect(item).toContainText('I høring');
  await expect(item).toContainText(/\d{1,2}\. \p{L}+ \d{4}/u); // the time in Danish
  await dialog.getByRole('button', { name: 'Luk' }).click();

  await title.fill(NEW_TITLE);
  await expect(page.getByTestId('save-state')).toHaveText('Gemt');

  // open the version read-only: the whole editor shows the old text and cannot be changed
  await page.locator('[data-action="open-versions"]').click();
  await dialog.locator('[data-version="Høringsudkast"] [data-action="open-version"]').click();
  const banner = page.getByTestId('version-banner');
  const today = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  await expect(banner).toContainText(`Version 'Høringsudkast', ${today}`);
  await expect(title).toHaveValue(OLD_TITLE);
  await expect(title).toHaveAttribute('readonly', '');
  await expect(page.getByRole('tree').getByRole('treeitem', { name: OLD_TITLE })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/versions-open-readonly.png' });
  // the plan views show the version too
  await page.getByRole('tab', { name: 'Initiativer' }).click();
  await expect(page.getByTestId('version-banner')).toBeVisible();
  await page.getByRole('tab', { name: 'Redigér' }).click();

  // back to now: the edit is there
  await banner.locator('[data-action="back-to-now"]').click();
  await expect(page.getByTestId('version-banner')).toHaveCount(0);
  await expect(title).toHaveValue(NEW_TITLE);

  // restore, then undo the restore
  page.once('dialog', (d) => void d.accept());
  await page.locator('[data-action="open-versions"]').click();
  await dialog.locator('[data-version="Høringsudkast"] [data-action="restore-version"]').click();
  await expect(title).toHaveValue(OLD_TITLE);
  await expect(page.locator('.toast', { hasText: "'Høringsudkast' er gendannet." })).toBeVisible();
  await page.locator('.toast', { hasText: 'gendannet' }).getByRole('button', { name: 'Fortryd' }).click();
  await expect(title).toHaveValue(NEW_TITLE);
  await expect(page.getByTestId('save-state')).toHaveText('Gemt');

  // everything survived a reload: the version list and the undone restore
  await page.reload();
  await expect(title).toHaveValue(NEW_TITLE);
  await page.locator('[data-action="open-versions"]').click();
  await expect(dialog.locator('[data-version="Høringsudkast"]')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
