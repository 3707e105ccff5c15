// Named versions in the app: save "Høringsudkast", edit, open the version read-only, restore it and undo the
// restore; a co-editor sees the version list live.
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { test, expect, createDocument, openAsUser, expectSaved } from './fixtures';
import { field } from './fields';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const FOCUS_AREA = 'fa-digitale-losninger';
const OLD_TITLE = 'Attraktive digitale løsninger til alle';
const NEW_TITLE = 'Digitale løsninger, som borgerne vælger først';

/** axe's serious and critical violations inside `selector` (the parts this feature adds). */
async function seriousViolationsIn(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

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
  expect(await seriousViolationsIn(page, '[data-testid="versions-dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Luk' }).click();

  await title.fill(NEW_TITLE);
  await expectSaved(page);

  // open the version read-only: the whole editor shows the old text and cannot be changed
  await page.locator('[data-action="open-versions"]').click();
  await dialog.locator('[data-version="Høringsudkast"] [data-action="open-version"]').click();
  const banner = page.getByTestId('version-banner');
  // Today where the page is (playwright.config.ts' timezoneId), not where the test runs: they differ near midnight.
  const timeZone = test.info().project.use.timezoneId;
  const today = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(new Date());
  await expect(banner).toContainText(`Version 'Høringsudkast', ${today}`);
  await expect(title).toHaveValue(OLD_TITLE);
  await expect(title).toHaveAttribute('readonly', '');
  await expect(page.getByRole('tree').getByRole('treeitem', { name: OLD_TITLE })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/versions-open-readonly.png' });
  expect(await seriousViolationsIn(page, '[data-testid="version-banner"]')).toEqual([]);
  // the version exports to Word with its own content
  const download = page.waitForEvent('download');
  await banner.locator('[data-action="export-version"]').click();
  const text = (await mammoth.extractRawText({ buffer: readFileSync((await (await download).path())!) })).value;
  expect(text).toContain(OLD_TITLE);
  expect(text).not.toContain(NEW_TITLE);
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
  await expectSaved(page);

  // everything survived a reload: the version list and the undone restore
  await page.reload();
  await expect(title).toHaveValue(NEW_TITLE);
  await page.locator('[data-action="open-versions"]').click();
  await expect(dialog.locator('[data-version="Høringsudkast"]')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('setting the status to "I høring" offers to save a version; a co-editor sees it in the list at once', async ({ page, server, browser, consoleErrors }) => {
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`;
  await page.goto(url);
  await expect(page.getByRole('tree')).toBeVisible();
  const other = await openAsUser(browser, url, { name: 'Bo Holm', color: '#0e7490' });
  await other.locator('[data-action="open-versions"]').click();
  const otherDialog = other.getByTestId('versions-dialog');
  await expect(otherDialog.getByText('Der er ingen gemte versioner endnu.')).toBeVisible();

  await field(page, 'status').selectOption('consultation');
  const prompt = page.locator('.toast', { hasText: 'Strategien har fået status I høring. Vil du gemme en version af den?' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Gem version' }).click();
  const dialog = page.getByTestId('versions-dialog');
  await expect(field(dialog, 'version.milestone')).toHaveValue('consultation');
  await expect(field(dialog, 'version.name')).toHaveValue('I høring');
  await field(dialog, 'version.name').fill('Høringsudkast');
  await dialog.locator('[data-action="save-version"]').click();
  await expect(dialog.locator('[data-version="Høringsudkast"]')).toBeVisible();

  // the co-editor's open list shows it without reopening
  const seen = otherDialog.locator('[data-version="Høringsudkast"]');
  await expect(seen).toBeVisible();
  await expect(seen).toContainText('I høring');
  await other.context().close();
  expect(consoleErrors).toEqual([]);
});
