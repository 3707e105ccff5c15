// A strategy without a perspective level (as Bornholm's) can also be chosen for a blank strategy, from the front
// page; it persists, and it can be switched back.
import { test, expect, expectSaved } from './fixtures';
import { field } from './fields';

test('a blank strategy switches to "no perspective level" and back', async ({ page, server, consoleErrors }) => {
  await page.goto(server.url);
  await page.getByRole('radio', { name: /Tom strategi/ }).check();
  await page.getByRole('button', { name: 'Opret strategi' }).click();
  const tree = page.getByRole('tree');
  await expect(tree).toBeVisible();
  await tree.getByRole('treeitem', { name: 'Forside' }).click();

  const toggle = field(page, 'perspective.hidden');
  await toggle.check();
  await expect(tree.getByRole('treeitem', { name: 'Indsatsområder', exact: true })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'Perspektiver', exact: true })).toHaveCount(0);
  await expect(tree.locator('[data-kind="perspective"]')).toHaveCount(0);
  await expectSaved(page);

  await page.reload();
  await expect(field(page, 'perspective.hidden')).toBeChecked();
  await expect(tree.locator('[data-kind="perspective"]')).toHaveCount(0);

  await field(page, 'perspective.hidden').uncheck();
  await expect(tree.getByRole('treeitem', { name: 'Perspektiver', exact: true })).toBeVisible();
  await expect(tree.locator('[data-kind="perspective"]')).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});
