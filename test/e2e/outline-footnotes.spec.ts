// Issue 16, print and page control (browser mode, a real `pejling server`): in a rich-text field, "Fodnote"
// inserts a footnote whose text is typed right away, shown as a numbered marker with its text beside it;
// Escape returns to the text; Ctrl+Enter inserts a page break. A second person sees both live (synced like
// any content), the Disposition shows them, and the Word file made from the document has the footnote as a
// real Word footnote and the page break as a Word page break.
// Screenshots: docs/screenshots/footnote-editor.png, docs/screenshots/footnote-outline.png.
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { test, expect, createDocument, openAsUser } from './fixtures';
import { richText } from './fields';

test('a footnote and a page break typed in the editor reach the other person, the Disposition and Word', async ({ page, browser, server, consoleErrors }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1360, height: 900 });
  const id = await createDocument(server.url, { from: 'template', name: 'blank', title: 'Prøvestrategi', organisation: 'Prøve Kommune' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`;
  await page.goto(url);
  const body = richText(page, '@vision:body');
  await body.click();
  await page.keyboard.type('Tre ud af fire ansøgninger kommer digitalt');

  // "Fodnote": the note is inserted after the caret and its text is typed at once.
  await page.getByRole('toolbar', { name: 'Formatering: Uddybning af visionen' }).getByRole('button', { name: 'Fodnote' }).click();
  const noteText = body.locator('.footnote .footnote-editor');
  await expect(noteText).toBeFocused({ timeout: 15_000 });
  await page.keyboard.type('Kilde: KL 2010.');
  await expect(noteText).toHaveText('Kilde: KL 2010.');
  // Escape: back to the text after the note.
  await page.keyboard.press('Escape');
  await page.keyboard.type(' i dag.');
  await expect(body.locator('p').first()).toHaveText(/^Tre ud af fire ansøgninger kommer digitalt\s*Kilde: KL 2010\.\s*i dag\.$/);

  // Ctrl+Enter: a page break, the caret on the line after it.
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Denne tekst står på en ny side.');
  await expect(body.locator('.page-break')).toHaveCount(1);
  await expect(body.locator('.page-break')).toHaveText('Sideskift');
  await expect(body.locator('.page-break + p')).toHaveText('Denne tekst står på en ny side.');
  // The marker is numbered 1 (a CSS counter: the notes in the order they stand).
  expect(await body.locator('.footnote').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('counter(pejling-footnote)');
  await body.locator('.footnote').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/footnote-editor.png' });

  // Another person sees both, live.
  const other = await openAsUser(browser, url, { name: 'Bo', color: '#1d4ed8' });
  const theirs = richText(other, '@vision:body');
  await expect(theirs.locator('.footnote .footnote-editor')).toHaveText('Kilde: KL 2010.', { timeout: 30_000 });
  await expect(theirs.locator('.page-break')).toHaveCount(1);
  // …and their edit of the note's text reaches the first page.
  await theirs.locator('.footnote .footnote-editor').click();
  await other.keyboard.press('End');
  await other.keyboard.type(' Tal fra 2009.');
  await expect(noteText).toHaveText('Kilde: KL 2010. Tal fra 2009.', { timeout: 30_000 });
  await other.context().close();

  // The Disposition shows the note beside its number and the break.
  await page.getByRole('tab', { name: 'Disposition' }).click();
  const outline = page.locator('.outline-doc');
  await expect(outline.locator('.footnote')).toHaveText('Kilde: KL 2010. Tal fra 2009.');
  await expect(outline.locator('.page-break')).toHaveCount(1);
  await outline.locator('.footnote').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/footnote-outline.png' });

  // Word: a real footnote and a page break.
  const word = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Eksportér' }).click();
  await page.locator('[data-action="export-docx"]').click();
  const download = await word;
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  const document = await zip.file('word/document.xml')!.async('string');
  expect(document).toContain('<w:footnoteReference');
  expect(document).toContain('<w:br w:type="page"/>');
  expect(await zip.file('word/footnotes.xml')!.async('string')).toContain('Kilde: KL 2010. Tal fra 2009.');
  expect(consoleErrors).toEqual([]);
});
