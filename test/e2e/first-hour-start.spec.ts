// Issue 19, the first hour on the start screen (browser mode, a real `pejling server`): a copy of an example,
// an imported JSON file and an opened .pejling file of the same strategy can be told apart (what each is, where it
// came from, when; organisation, years, modified); the list follows what happens elsewhere (a colleague opening a
// document, renaming it) without a reload; and the screen passes axe's every rule, "Åbn kopi" included
// (WCAG 2.5.3: its accessible name contains its visible words). Screenshot: docs/screenshots/start.png.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seriousViolations, settle } from './a11y';
import { test, expect, createDocument, openAsUser } from './fixtures';
import type { Page } from '@playwright/test';

const TITLE = 'IT-strategi i Københavns Kommune 2010-2014';

async function pick(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(file);
}

test('a copy of an example, an imported JSON file and an opened .pejling file of one strategy can be told apart', async ({ page, server, consoleErrors }, testInfo) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.addInitScript(() => localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Mette Holm', userColor: '#1f6feb', language: 'da' })));
  await page.goto(server.url);

  // The example, copied from the start screen.
  await page.getByRole('button', { name: `Åbn kopi af eksemplet ${TITLE}` }).click();
  await expect(page.getByRole('tree')).toBeVisible();
  const copyId = decodeURIComponent(/#\/doc\/([^/]+)/.exec(page.url())![1]!);
  await page.goto(`${server.url}/#/`);

  // The same strategy as an interchange JSON file, and as a .pejling file saved from the copy.
  const json = testInfo.outputPath('københavn-strategi.json');
  writeFileSync(json, readFileSync('templates/examples/kk-2010-2014.json'));
  await pick(page, 'Importér JSON…', json);
  await expect(page.getByRole('tree')).toBeVisible();
  await page.goto(`${server.url}/#/`);
  const saved = await fetch(`${server.url}/api/documents/${encodeURIComponent(copyId)}/download?format=pejling`);
  const pejling = join(testInfo.outputPath(), 'kk-fra-kollega.pejling');
  writeFileSync(pejling, Buffer.from(await saved.arrayBuffer()));
  await pick(page, 'Åbn fil…', pejling);
  await expect(page.getByRole('tree')).toBeVisible();
  await page.goto(`${server.url}/#/`);

  const rows = page.locator('.document-row', { hasText: TITLE });
  await expect(rows).toHaveCount(3);
  const copy = rows.filter({ hasText: 'Kopi af eksemplet' });
  await expect(copy.locator('.document-title')).toHaveText(`${TITLE} (kopi)`);
  await expect(rows.filter({ hasText: 'Importeret fra københavn-strategi.json' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Åbnet fra filen kk-fra-kollega.pejling' })).toHaveCount(1);
  for (const row of await rows.all()) {
    await expect(row.locator('.document-organisation')).toHaveText('Københavns Kommune');
    await expect(row.locator('.document-period')).toHaveText('2010–2014');
    await expect(row.locator('.document-modified')).toContainText('Ændret');
    await expect(row.locator('.document-origin')).toContainText(String(new Date().getFullYear()));
  }
  const texts = await rows.locator('.document-open').allInnerTexts();
  expect(new Set(texts).size, texts.join('\n---\n')).toBe(3);
  expect(consoleErrors).toEqual([]);
});

test('the list follows what happens elsewhere: who has a document open, and its new title, without a reload', async ({ browser, page, server, consoleErrors }) => {
  await page.addInitScript(() => localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Mette Holm', userColor: '#1f6feb', language: 'da' })));
  const id = await createDocument(server.url, { from: 'template', name: 'kk', title: 'Digitaliseringsstrategi 2026-2029', organisation: 'Testrup Kommune' });
  await page.goto(server.url);
  const row = page.locator('.document-row', { hasText: 'Testrup Kommune' });
  await expect(row).toBeVisible();
  await expect(row.locator('.document-open-by')).toHaveCount(0);

  // A colleague opens it: the entry says so.
  const anna = await openAsUser(browser, `${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`, { name: 'Anna Andersen', color: '#b42318' });
  await expect(row.locator('.document-open-by')).toHaveText('Åben hos Anna Andersen');

  // She renames it: the new title arrives.
  const title = anna.locator('[data-field="title"]').first();
  await title.fill('Digitaliseringsstrategi for Testrup 2026-2029');
  await expect(row.locator('.document-title')).toHaveText('Digitaliseringsstrategi for Testrup 2026-2029');

  // She closes it: the entry no longer says she has it open.
  await anna.context().close();
  await expect(row.locator('.document-open-by')).toHaveCount(0, { timeout: 20_000 });
  expect(consoleErrors).toEqual([]);
});

test('the start screen passes every axe rule, "Åbn kopi" can be spoken to; screenshot', async ({ page, server, consoleErrors }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.addInitScript(() => localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Mette Holm', userColor: '#1f6feb', language: 'da' })));
  await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  await createDocument(server.url, { from: 'example', name: 'odder-2006' });
  await createDocument(server.url, { from: 'template', name: 'kk', title: 'Digitaliseringsstrategi 2026-2029', organisation: 'Testrup Kommune' });
  await page.goto(server.url);
  await expect(page.locator('.document-row')).toHaveCount(3);
  // A voice-control user says what they see.
  for (const button of await page.locator('.example-row button').all()) {
    const visible = (await button.innerText()).trim();
    expect(visible).toBe('Åbn kopi');
    await expect(button).toHaveAccessibleName(new RegExp(`^${visible}`));
  }
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/start.png' });
  expect(consoleErrors).toEqual([]);
});
