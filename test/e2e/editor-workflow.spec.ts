// The editor's main workflow in browser mode against a real `pejling server`: create from the kk
// template, format the vision, add a perspective and a focus area, reorder by keyboard, undo,
// reload and find everything as left; the Odder and Bornholm examples use their own levels.
import { test, expect, expectSaved } from './fixtures';
import { richText } from './fields';
import type { Locator, Page } from '@playwright/test';

const tree = (page: Page) => page.getByRole('tree');
const treeItem = (page: Page, name: string | RegExp) => tree(page).getByRole('treeitem', { name, exact: typeof name === 'string' });

/** The titles of the focus areas under a perspective, in navigator order. */
async function focusAreaTitles(perspective: Locator): Promise<string[]> {
  return perspective.locator(':scope > ul > li[data-kind="focusArea"] .nav-label').allInnerTexts();
}

async function createFromTemplate(page: Page, templateTitle: string) {
  await page.getByRole('radio', { name: new RegExp(templateTitle) }).check();
  await page.getByRole('button', { name: 'Opret strategi' }).click();
  await expect(tree(page)).toBeVisible();
  await expectSaved(page);
}

test('create from kk, edit, restructure, undo, reload: everything is as left', async ({ page, server, consoleErrors }) => {
  await page.goto(server.url);
  await createFromTemplate(page, 'It-strategi med perspektiver');

  // Vision: bold text and a bullet list, typed with shortcuts and input rules.
  await treeItem(page, 'Vision').locator(':scope > .nav-row').click();
  const vision = richText(page, '@vision:statement');
  await vision.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Vi vil være ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('digitale');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' af lyst.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Første pejling');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Anden pejling');
  await expect(vision.locator('strong', { hasText: 'digitale' })).toBeVisible();
  await expect(vision.locator('ul > li')).toHaveText(['Første pejling', 'Anden pejling']);
  await expect(page.getByRole('button', { name: 'Fed' }).first()).toBeVisible();

  // A new perspective, named inline, and a focus area in it.
  await treeItem(page, 'Perspektiver').locator(':scope > .nav-row').click();
  await page.getByRole('button', { name: 'Tilføj perspektiv' }).click();
  // The new item opens with its title field focused and selected: typing names it.
  const title = page.getByTestId('item-title');
  await expect(title).toBeFocused();
  await page.keyboard.type('Data og deling');
  await page.keyboard.press('Enter');
  const perspective = treeItem(page, 'Data og deling');
  await expect(perspective).toBeVisible();
  await perspective.locator(':scope > .nav-row').click();
  // Adding from the navigator names the item inline in the tree.
  await perspective.getByRole('button', { name: 'Tilføj til Data og deling' }).click();
  const rename = tree(page).getByRole('textbox');
  await expect(rename).toBeFocused();
  await rename.fill('Åbne data');
  await rename.press('Enter');
  await expect(perspective.getByRole('treeitem', { name: 'Åbne data' })).toBeVisible();

  // Reorder two focus areas with the keyboard, then undo it.
  const first = treeItem(page, 'Borgere, virksomheder og brugere');
  const before = await focusAreaTitles(first);
  expect(before.length).toBeGreaterThanOrEqual(2);
  const moved = first.getByRole('treeitem', { name: before[0]! });
  await moved.click();
  await moved.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => focusAreaTitles(first)).toEqual([before[1], before[0], ...before.slice(2)]);
  await expect(page.getByTestId('announcer')).toContainText(`plads 2 af ${before.length}`);
  await expect(first.getByRole('treeitem', { name: before[0]! })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect.poll(() => focusAreaTitles(first)).toEqual(before);

  // Everything is durable: reload and look again.
  await expectSaved(page);
  await page.reload();
  await expect(tree(page)).toBeVisible();
  await expect.poll(() => focusAreaTitles(treeItem(page, 'Borgere, virksomheder og brugere'))).toEqual(before);
  await expect(treeItem(page, 'Data og deling').getByRole('treeitem', { name: 'Åbne data' })).toBeVisible();
  await treeItem(page, 'Vision').locator(':scope > .nav-row').click();
  const visionAfter = richText(page, '@vision:statement');
  await expect(visionAfter.locator('strong', { hasText: 'digitale' })).toBeVisible();
  await expect(visionAfter.locator('ul > li')).toHaveText(['Første pejling', 'Anden pejling']);
  expect(consoleErrors).toEqual([]);
});

test('the examples use their own level names; Bornholm has no perspective level', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Åbn kopi af eksemplet IT-strategi for Odder/ }).click();
  await expect(tree(page)).toBeVisible();
  await expect(treeItem(page, 'Fokusområder')).toBeVisible();
  await expect(treeItem(page, 'Pejlemærker')).toBeVisible();
  await expect(treeItem(page, 'Perspektiver')).toHaveCount(0);
  await expect(tree(page).locator('[data-kind="perspective"]')).toHaveCount(3);

  await page.goto(server.url);
  await page.getByRole('button', { name: /Åbn kopi af eksemplet Digitaliseringsstrategi for Bornholm/ }).click();
  await expect(tree(page)).toBeVisible();
  const group = treeItem(page, 'Indsatsområder');
  await expect(group).toBeVisible();
  // The focus areas stand directly in the group: no perspective nodes at all.
  await expect(tree(page).locator('[data-kind="perspective"]')).toHaveCount(0);
  await expect(group.locator(':scope > ul > li[data-kind="focusArea"]')).toHaveCount(4);
  await expect(group.locator(':scope > ul > li[data-kind="focusArea"]').first()).toHaveAttribute('aria-level', '2');
});

test('a refused JSON file is explained path by path and nothing is lost', async ({ page, server }) => {
  await page.goto(server.url);
  await createFromTemplate(page, 'Tom strategi');
  await page.goto(server.url);
  await expect(page.locator('.document-row')).toHaveCount(1);
  const bad = JSON.stringify({
    format: 'pejling-strategy',
    formatVersion: 1,
    meta: { title: 'Forkert', organisation: 'X', period: { from: 2025, to: 2026 } },
    vision: { statement: 'V' },
    perspectives: [],
    actionPlans: [{ id: 'p1', title: 'P', kind: 'common', period: { from: 2025, to: 2026 }, initiatives: [{ id: 'i1', title: 'I', focusAreaIds: [], status: 'nope' }] }],
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importér JSON…' }).click();
  await (await chooser).setFiles({ name: 'forkert.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  const problems = page.getByTestId('file-problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('forkert.json');
  await expect(problems.locator('li').filter({ hasText: '/actionPlans/0/initiatives/0/status' })).toHaveCount(1);
  await expect(page.locator('.document-row')).toHaveCount(1);
});
