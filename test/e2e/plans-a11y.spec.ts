// Accessibility of the plan views (axe-core: no serious or critical violations) on the København
// example, and the screenshots in docs/screenshots/plans-*.png (1440×900).
import { seriousViolations, settle } from './a11y';
import { test, expect } from './fixtures';
import { field } from './fields';
import type { Page } from '@playwright/test';

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

test('the plan views have no serious accessibility violations; screenshots', async ({ page, server, consoleErrors }) => {
  // Eight full axe runs (every rule, the experimental label-in-name one measures text on the page) over the plan
  // views of the København example take longer than the default minute on a busy machine.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(() =>
    localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Mette Holm', userColor: '#1f6feb', language: 'da' })),
  );
  await page.goto(server.url);
  const response = await page.request.post(`${server.url}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'example', name: 'kk-2010-2014' } });
  expect(response.ok()).toBe(true);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/initiatives`);
  await expect(page.getByTestId('initiatives-table')).toBeVisible();
  // Collapse the navigator's long action-plan branches so the screenshots show the tree's shape.
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('columnheader', { name: 'Handlingsplan' }).getByRole('button').click();
  await field(page.locator('tr[data-id="i-egne-sager"]'), 'status').hover();
  await settle(page);
  await page.screenshot({ path: 'docs/screenshots/plans-initiatives.png' });

  // A focus area without initiatives, for the coverage matrix to mark.
  await page.getByRole('treeitem', { name: 'Borgerens indsigt i egne sager' }).click();
  await page.getByRole('treeitem', { name: 'Borgerens indsigt i egne sager' }).press('Delete');
  await page.keyboard.press('Escape');
  await tab(page, 'Dækning').click();
  await expect(page.getByTestId('coverage-missing')).toHaveCount(1);
  await page.locator('.toast-close').first().click();
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/plans-coverage.png' });

  await tab(page, 'Status').click();
  await expect(page.getByTestId('status-counts')).toBeVisible();
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/plans-status-report.png' });

  await page.getByRole('button', { name: 'Ny statusrunde' }).click();
  await expect(page.getByTestId('round-table')).toBeVisible();
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/plans-status-round.png' });
  await page.getByRole('button', { name: 'Annullér', exact: true }).click();

  await tab(page, 'Tjek').click();
  await expect(page.getByTestId('checks-summary')).toBeVisible();
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/plans-checks.png' });

  await tab(page, 'Pr. ansvarlig').click();
  await page.getByTestId('owner-select').selectOption('o-buf');
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/plans-owner.png' });

  // The initiative editor with the plan fields, and the owners register with a removal panel.
  await tab(page, 'Redigér').click();
  await page.getByRole('treeitem', { name: 'Selvbetjening i pladsanvisningen' }).click();
  await expect(page.getByRole('list', { name: 'Statushistorik' })).toBeVisible();
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('.edit-view').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await settle(page);
  await page.screenshot({ path: 'docs/screenshots/plans-initiative.png' });

  await page.getByRole('treeitem', { name: 'Ansvarlige' }).click();
  await page.locator('tr[data-owner-id="o-buf"]').getByRole('button', { name: /^Slet / }).click();
  await expect(page.getByRole('group', { name: /^Slet .*\?$/ })).toBeVisible();
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/plans-owners.png' });
  expect(consoleErrors).toEqual([]);
});
