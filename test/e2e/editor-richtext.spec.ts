// Rich-text editing, navigator operations beyond the main workflow (delete with undo toast, drag and
// drop), and the language switch — each checked through what the user sees, against a real server.
import { test, expect, expectSaved } from './fixtures';
import { richText } from './fields';
import type { Page } from '@playwright/test';

async function newBlankDocument(page: Page, baseUrl: string, template = 'blank'): Promise<string> {
  const response = await page.request.post(`${baseUrl}/api/documents`, { headers: { 'X-Pejling-Request': '1' },
    data: { from: 'template', name: template, title: 'Prøvestrategi', organisation: 'Prøve Kommune' },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

test('input rules, shortcuts, links and tables in a rich-text field', async ({ page, server, consoleErrors }) => {
  const id = await newBlankDocument(page, server.url);
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`);
  const body = richText(page, '@vision:body');
  await body.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('# Baggrund');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Det er **vigtigt** og *nyt*.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. Første skridt');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Andet skridt');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(body.locator('h1')).toHaveText('Baggrund');
  await expect(body.locator('p strong')).toHaveText('vigtigt');
  await expect(body.locator('p em')).toHaveText('nyt');
  await expect(body.locator('ol > li')).toHaveText(['Første skridt', 'Andet skridt']);

  // Ctrl+K: a link on the word just selected.
  await page.keyboard.type('Læs mere hos KL');
  await page.keyboard.down('Shift');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  await page.keyboard.press('Control+k');
  const address = page.getByRole('dialog', { name: 'Link' }).getByRole('textbox', { name: 'Adresse' });
  await expect(address).toBeFocused();
  await address.fill('kl.dk');
  await address.press('Enter');
  await expect(body.locator('a[href="https://kl.dk"]')).toHaveText('KL');

  // A table from the toolbar; Tab moves between cells.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.getByRole('toolbar', { name: 'Formatering: Uddybning af visionen' }).getByRole('button', { name: 'Indsæt tabel' }).click();
  await page.keyboard.type('Initiativ');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ansvarlig');
  await expect(body.locator('table th')).toHaveCount(3);
  await expect(body.locator('table th').nth(1)).toHaveText('Ansvarlig');

  // The bold button reflects the selection.
  await body.locator('strong').click();
  await expect(page.getByRole('toolbar', { name: 'Formatering: Uddybning af visionen' }).getByRole('button', { name: 'Fed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // The outline shows the same text as published.
  await expectSaved(page);
  await page.getByRole('tab', { name: 'Disposition' }).click();
  const outline = page.locator('.outline-doc');
  await expect(outline.locator('strong', { hasText: 'vigtigt' })).toBeVisible();
  await expect(outline.locator('a[href="https://kl.dk"]')).toHaveText('KL');
  await expect(outline.locator('table th').nth(1)).toHaveText('Ansvarlig');
  expect(consoleErrors).toEqual([]);
});

test('delete offers undo in a toast; drag and drop reorders; the UI switches to English', async ({ page, server }) => {
  const id = await newBlankDocument(page, server.url, 'kk');
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit`);
  const tree = page.getByRole('tree');
  const principles = tree.getByRole('treeitem', { name: 'Principper', exact: true });
  const titles = () => principles.locator(':scope > ul > li .nav-label').allInnerTexts();
  await expect(principles.locator(':scope > ul > li').first()).toBeVisible();
  const before = await titles();
  expect(before.length).toBeGreaterThanOrEqual(3);

  // Delete by keyboard: gone at once, "Fortryd" brings it back.
  await principles.getByRole('treeitem', { name: before[1]! }).click();
  await page.keyboard.press('Delete');
  await expect.poll(titles).toEqual([before[0], ...before.slice(2)]);
  const toast = page.locator('.toast').filter({ hasText: before[1]! });
  await expect(toast).toContainText('er slettet');
  await toast.getByRole('button', { name: 'Fortryd' }).click();
  await expect.poll(titles).toEqual(before);

  // Drag the first principle below the third.
  const rows = principles.locator(':scope > ul > li > .nav-row');
  const target = await rows.nth(2).boundingBox();
  expect(target).not.toBeNull();
  await rows.nth(0).dragTo(rows.nth(2), { targetPosition: { x: 20, y: target!.height - 3 } });
  await expect.poll(titles).toEqual([before[1], before[2], before[0], ...before.slice(3)]);

  // English.
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  const dialog = page.getByRole('dialog', { name: 'Indstillinger' });
  await dialog.getByRole('radio', { name: 'English' }).check();
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('tab', { name: 'Outline' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Parts of the strategy' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The document's own labels stay the document's.
  await expect(tree.getByRole('treeitem', { name: 'Principper', exact: true })).toBeVisible();
});
