// Accessibility of the start screen, the editor and the outline (axe-core: no serious or critical
// violations), keyboard reachability of the main controls, and the screenshots in docs/screenshots.
import { seriousViolations, settle } from './a11y';
import { test, expect } from './fixtures';
import { richText } from './fields';

test('start screen, editor and outline have no serious accessibility violations', async ({ page, server, consoleErrors }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.addInitScript(() =>
    localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Mette Holm', userColor: '#1f6feb', language: 'da' })),
  );
  await page.goto(server.url);
  // A couple of documents make the start screen realistic.
  for (const name of ['kk-2010-2014', 'odder-2006']) {
    const response = await page.request.post(`${server.url}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'example', name } });
    expect(response.ok()).toBe(true);
  }
  await page.reload();
  await expect(page.locator('.document-row')).toHaveCount(2);
  await expect(page.getByRole('radio').first()).toBeVisible();
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/editor-start.png' });

  // The editor, on a focus area with text.
  await page.locator('.document-row a', { hasText: 'København' }).click();
  const tree = page.getByRole('tree');
  await expect(tree).toBeVisible();
  const area = tree.locator('[data-kind="focusArea"]').first();
  await area.click();
  const description = richText(page, `${await area.getAttribute('data-key')}:body`);
  await expect(description).toBeVisible();
  await expect(description).toHaveAccessibleName('Beskrivelse');
  await description.click();
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/editor-editor.png' });

  // Keyboard: the tab order reaches the navigator, and the tree is operable with arrows.
  await area.focus();
  await page.keyboard.press('ArrowDown');
  await expect(tree.locator('[data-kind="focusArea"]').nth(1)).toBeFocused();

  // The outline.
  await page.getByRole('tab', { name: 'Disposition' }).click();
  await expect(page.locator('.outline-doc')).toBeVisible();
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  // Scrolling the outline to the chosen part moves the outline only: the window itself never scrolls, so the
  // header with the document's title and tabs stays in view.
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
  expect((await page.locator('header').first().boundingBox())?.y).toBe(0);
  await page.screenshot({ path: 'docs/screenshots/editor-outline.png' });

  // Clicking a part of the outline opens its editor.
  const part = page.locator('.outline-part[data-kind="focusArea"]').nth(1);
  const partTitle = await part.locator('> .outline-heading button span:not(.outline-number)').innerText();
  await part.locator('> .outline-heading button').click();
  await expect(page.getByRole('tab', { name: 'Redigér' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('item-title')).toHaveValue(partTitle);
  await expect(page.getByRole('treeitem', { name: partTitle })).toHaveAttribute('aria-selected', 'true');
  expect(consoleErrors).toEqual([]);
});
