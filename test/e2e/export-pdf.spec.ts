// Issue 16, the PDF from the app: the export menu's "Eksportér PDF" runs the real host's export (LibreOffice
// lays it out and verifies the contents' page numbers), shows that it is working while it runs, and downloads
// a tagged PDF named after the strategy whose title and page count poppler reads back.
import { run } from '../integration/export-helpers';
import { test, expect, createDocument, recordToasts, toastTexts } from './fixtures';

test('"Eksportér PDF" shows progress and downloads the tagged PDF of the strategy', async ({ page, server, consoleErrors }) => {
  test.setTimeout(240_000);
  // The later phases can last less than a poll of the page: the spec reads the texts the toast showed.
  await recordToasts(page);
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
  // …and then which phase it is in (the host's exportProgress events): LibreOffice laying it out, then checking
  // the page numbers or writing the PDF (read from the recorded toast texts once the PDF is there).

  const download = await downloading;
  const shown = await toastTexts(page);
  const layingOut = shown.findIndex((text) => text.includes('Laver PDF … LibreOffice sætter dokumentet op'));
  const later = shown.findIndex((text) => /Laver PDF … (kontrollerer indholdsfortegnelsens sidetal|skriver PDF-filen)/.test(text));
  expect(layingOut, shown.join(' | ')).toBeGreaterThanOrEqual(0);
  expect(later, shown.join(' | ')).toBeGreaterThan(layingOut);
  expect(download.suggestedFilename()).toMatch(/^IT-strategi.*\.pdf$/);
  await expect(page.locator('.toast').filter({ hasText: 'PDF gemt' })).toBeVisible();
  await expect(progress).toHaveCount(0);

  const info = (await run('pdfinfo', [await download.path()])).stdout;
  expect(info).toMatch(/^Tagged:\s+yes$/m);
  expect(info).toMatch(/^Title:\s+IT-strategi$/m);
  expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBeGreaterThan(10);
  void consoleErrors;
});

// Ctrl+P prints the published document through its PDF: the host is asked for the PDF (format pdf, print), the
// PDF goes into a hidden frame that is printed, and the app page's own print is never invoked. Nothing real can
// observe a print dialog in headless Chromium, so the app window's print() is replaced by a counter (only on the
// app's top window; the PDF frame's print is left alone).
test('Ctrl+P prints the PDF of the document, not the app screen', async ({ page, server, consoleErrors }) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => {
    const counted = window as unknown as { appPrints: number };
    counted.appPrints = 0;
    window.print = () => {
      counted.appPrints += 1;
    };
  });
  const id = await createDocument(server.url, { from: 'example', name: 'brk-2010' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}`);
  await expect(page.getByRole('button', { name: 'Eksportér' })).toBeVisible();

  let downloads = 0;
  page.on('download', () => (downloads += 1));
  // The host's reply passes through unchanged; the test keeps a copy of its bytes.
  let replied: Buffer = Buffer.alloc(0);
  await page.route(`**/api/documents/${encodeURIComponent(id)}/export-docx`, async (route) => {
    const real = await route.fetch({ timeout: 200_000 });
    replied = await real.body();
    await route.fulfill({ response: real, body: replied });
  });
  const asked = page.waitForResponse((response) => response.url().endsWith(`/api/documents/${encodeURIComponent(id)}/export-docx`), { timeout: 200_000 });
  await page.keyboard.press('Control+p');
  await expect(page.locator('.toast').filter({ hasText: 'klar til udskrift' })).toBeVisible();
  const response = await asked;
  expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({ part: 'strategy', format: 'pdf', print: true });
  expect(response.headers()['content-type']).toContain('application/pdf');

  const frame = page.locator('iframe[data-pejling-print="pdf"]');
  await expect(frame).toHaveCount(1);
  expect(await frame.getAttribute('src')).toMatch(/^blob:/);
  // What went into the frame is the PDF the host made (the page's CSP allows no fetch of the blob: read the reply).
  expect(replied.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.locator('.toast').filter({ hasText: 'klar til udskrift' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { appPrints: number }).appPrints)).toBe(0);
  expect(downloads).toBe(0);
  void consoleErrors;
});
