// Issue 16, the PDF from the app: the export menu's "Eksportér PDF" runs the real host's export (LibreOffice
// lays it out and verifies the contents' page numbers), shows that it is working while it runs, and downloads
// a tagged PDF named after the strategy whose title and page count poppler reads back.
import { run } from '../integration/export-helpers';
import { test, expect, createDocument } from './fixtures';

test('"Eksportér PDF" shows progress and downloads the tagged PDF of the strategy', async ({ page, server, consoleErrors }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1360, height: 860 });
  const id = await createDocument(server.url, { from: 'example', name: 'odder-2006' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}`);

  await page.getByRole('button', { name: 'Eksportér' }).click();
  const entry = page.getByRole('button', { name: /Eksportér PDF/ });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('PDF/UA');
  await page.screenshot({ path: 'docs/screenshots/pdf-export-menu.png' });

  const downloading = page.waitForEvent('download', { timeout: 200_000 });
  await entry.click();
  // While LibreOffice works, the app says so (the export takes seconds).
  const progress = page.locator('.toast').filter({ hasText: 'Laver PDF' });
  await expect(progress).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/pdf-export-progress.png' });

  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^IT-strategi.*\.pdf$/);
  await expect(page.locator('.toast').filter({ hasText: 'PDF gemt' })).toBeVisible();
  await expect(progress).toHaveCount(0);

  const info = (await run('pdfinfo', [await download.path()])).stdout;
  expect(info).toMatch(/^Tagged:\s+yes$/m);
  expect(info).toMatch(/^Title:\s+IT-strategi$/m);
  expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBeGreaterThan(10);
  void consoleErrors;
});
