// Issue 16, images in rich text (browser mode, a real `pejling server`): "Indsæt billede" in a rich-text
// field's toolbar takes a picture with a required alternative text and shows it in the text (a double click
// changes its alt text and width); a second person
// in the same document sees it (the bytes sync with the document); a pasted picture that is too large, or a
// pasted file that is no picture, is refused with a message, never dropped silently; a good pasted picture
// asks for its alt text. The document's JSON holds the image nodes and their pictures, and the Word export
// has them with their alt texts. Screenshots: docs/screenshots/images-*.png.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, createDocument, openAsUser, watchConsole } from './fixtures';
import { field, richText } from './fields';

const images = join(import.meta.dirname, '../fixtures/images');
const odder = readFileSync(join(import.meta.dirname, '../../templates/examples/odder-2006.json'), 'utf8');
const PHOTO_ALT = 'Borgerservice i Odder: skranken med tre medarbejdere';
const PASTED_ALT = 'Odder Kommunes mærke: en sol over en grøn bakke';

/** Drops files onto an element as the browser does (a drop event whose data transfer holds them, at its centre). */
async function dropFiles(page: Page, selector: string, files: { name: string; type: string; base64: string }[]) {
  await page.evaluate(
    ([css, list]) => {
      const target = document.querySelector(css as string)!;
      const box = target.getBoundingClientRect();
      const data = new DataTransfer();
      for (const f of list as { name: string; type: string; base64: string }[]) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) as BlobPart], f.name, { type: f.type }));
      const at = { clientX: box.left + box.width / 2, clientY: box.top + 10, bubbles: true, cancelable: true, dataTransfer: data };
      target.dispatchEvent(new DragEvent('dragover', at));
      target.dispatchEvent(new DragEvent('drop', at));
    },
    [selector, files] as const,
  );
}

/** Pastes files into the focused editor as the browser does (a paste event whose clipboard holds them). */
async function pasteFiles(page: Page, files: { name: string; type: string; base64?: string; size?: number }[]) {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) {
      let bytes: Uint8Array;
      if (f.base64 !== undefined) bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      else {
        // A picture far over the limit: a PNG signature, then zeros.
        bytes = new Uint8Array(f.size ?? 0);
        bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      }
      data.items.add(new File([bytes as BlobPart], f.name, { type: f.type }));
    }
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, files);
}

test('pictures are inserted with alt text, synced, refused with a message when too large or not pictures, and exported', async ({ page, server, browser, consoleErrors }) => {
  await page.setViewportSize({ width: 1360, height: 1000 });
  const id = await createDocument(server.url, { from: 'json', text: odder, fileName: 'odder.json' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`;
  await page.goto(url);
  const body = richText(page, '@vision:body');
  await expect(body).toBeVisible();
  const wrapper = page.locator('[data-field="@vision:body"]');
  await body.click();
  await page.keyboard.press('Control+End');

  // Insert from the toolbar: the alt text is required.
  await wrapper.getByRole('button', { name: 'Indsæt billede' }).click();
  const dialog = page.getByTestId('image-dialog');
  await field(dialog, 'image.file').setInputFiles(join(images, 'photo.jpg'));
  await dialog.getByRole('button', { name: 'Indsæt' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Skriv en alternativ tekst: den læses op for dem, der ikke kan se billedet.');
  await field(dialog, 'image.alt').fill('Borgerservice i Oder');
  await field(dialog, 'image.width').selectOption('50');
  await page.screenshot({ path: 'docs/screenshots/images-insert-dialog.png' });
  await dialog.getByRole('button', { name: 'Indsæt' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(body.locator('img[alt="Borgerservice i Oder"]')).toBeVisible();
  // A double click on the picture changes its alt text and width.
  await body.locator('img[alt="Borgerservice i Oder"]').dblclick();
  await expect(field(dialog, 'image.alt')).toHaveValue('Borgerservice i Oder');
  await expect(field(dialog, 'image.file')).toHaveCount(0);
  await field(dialog, 'image.alt').fill(PHOTO_ALT);
  await field(dialog, 'image.width').selectOption('75');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toHaveCount(0);
  const photo = body.locator(`img[alt="${PHOTO_ALT}"]`);
  await expect(photo).toBeVisible();
  await expect(photo).toHaveAttribute('style', /width: 75%/);
  await expect(body.locator('img')).toHaveCount(1);
  await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(640);
  await photo.evaluate((img) => img.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'docs/screenshots/images-inserted.png' });

  // Another person in the same document sees the picture: node and bytes came through the sync server.
  const other = await openAsUser(browser, url, { name: 'Bo', color: '#2f6b3a' });
  const otherErrors = watchConsole(other);
  const seen = richText(other, '@vision:body').locator(`img[alt="${PHOTO_ALT}"]`);
  await expect(seen).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => seen.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 20_000 }).toBe(640);

  // A pasted picture over 2 MB: refused with a message saying so; nothing is inserted.
  await body.click();
  await page.keyboard.press('Control+End');
  await pasteFiles(page, [{ name: 'skærmbillede.png', type: 'image/png', size: 3 * 1024 * 1024 }]);
  const toast = page.locator('.toast', { hasText: 'for stort' });
  await expect(toast).toHaveText(/Billedet skærmbillede\.png er for stort \(3 MB\)\. Et billede må højst fylde 2 MB/);
  await page.screenshot({ path: 'docs/screenshots/images-paste-refused.png' });
  // A pasted file that is no picture: refused too.
  await pasteFiles(page, [{ name: 'noter.png', type: 'image/png', base64: readFileSync(join(images, 'not-an-image.png')).toString('base64') }]);
  await expect(page.locator('.toast', { hasText: 'noter.png er ikke et PNG-, JPEG- eller SVG-billede' })).toBeVisible();
  await expect(body.locator('img')).toHaveCount(1);
  // Dropped onto the text, an unsafe SVG is refused the same way.
  await dropFiles(page, '[data-field="@vision:body"] .ProseMirror', [{ name: 'tegning.svg', type: 'image/svg+xml', base64: readFileSync(join(images, 'unsafe.svg')).toString('base64') }]);
  await expect(page.locator('.toast', { hasText: 'tegning.svg indeholder noget, der kan køre kode' })).toBeVisible();
  await expect(body.locator('img')).toHaveCount(1);

  // A good pasted picture asks for its alt text, then goes in.
  await pasteFiles(page, [{ name: 'logo.png', type: 'image/png', base64: readFileSync(join(images, 'logo.png')).toString('base64') }]);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Det indsatte billede logo.png mangler en alternativ tekst.')).toBeVisible();
  await expect(field(dialog, 'image.alt')).toBeFocused();
  await page.keyboard.type(PASTED_ALT);
  await page.keyboard.press('Enter');
  await expect(body.locator(`img[alt="${PASTED_ALT}"]`)).toBeVisible();
  await expect(body.locator('img')).toHaveCount(2);

  // The document's file: two image nodes naming two pictures.
  await expect
    .poll(async () => {
      const file = (await (await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}/download?format=json`)).json()) as { images?: { alt: string; mime: string }[]; vision: { body: unknown } };
      // The node's alt is what the text shows and exports (changed above); the picture keeps the one it came with.
      const nodes = [...JSON.stringify(file.vision.body).matchAll(/"type":"image","attrs":\{[^}]*"alt":"([^"]*)"/g)].map((m) => m[1]);
      return { images: (file.images ?? []).map((i) => i.mime).sort(), nodes: nodes.sort() };
    })
    .toEqual({ images: ['image/jpeg', 'image/png'], nodes: [PHOTO_ALT, PASTED_ALT].sort() });

  // The Word export: both pictures with their alt texts.
  await page.getByRole('button', { name: 'Eksportér' }).click();
  const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Word/ }).click()]);
  const xml = execFileSync('unzip', ['-p', await word.path(), 'word/document.xml'], { encoding: 'utf8' });
  expect(xml).toContain(`descr="${PHOTO_ALT}"`);
  expect(xml).toContain(`descr="${PASTED_ALT}"`);
  expect(otherErrors).toEqual([]);
  await other.context().close();
  expect(consoleErrors).toEqual([]);
});
