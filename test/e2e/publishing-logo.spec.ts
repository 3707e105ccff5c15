// Issue 16, the strategy's own look (browser mode, a real `pejling server`): in the cover editor "Vælg logo"
// takes a picture with a required alternative text. A file that is no picture (whatever its name says) and an
// SVG with a script are refused with a message saying what and why, and nothing is stored; an SVG logo with its
// alt text is shown on the cover editor, is in the document's JSON, and the Word export has it on the cover with
// that alt text; "Fjern logo" takes it off again. Screenshots: docs/screenshots/publishing-logo*.png.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, createDocument } from './fixtures';
import { field } from './fields';

const images = join(import.meta.dirname, '../fixtures/images');
const odder = readFileSync(join(import.meta.dirname, '../../templates/examples/odder-2006.json'), 'utf8');
const ALT = 'Odder Kommunes logo: en sol over en grøn bakke';

type Json = { meta: { logo?: string }; images?: { id: string; mime: string; alt: string; png?: string }[] };

test('a logo with alt text is chosen, shown and exported on the cover; bad files are refused with the reason; it can be removed', async ({ page, server, consoleErrors }) => {
  await page.setViewportSize({ width: 1360, height: 1000 });
  const id = await createDocument(server.url, { from: 'json', text: odder, fileName: 'odder.json' });
  const download = async () => (await (await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}/download?format=json`)).json()) as Json;
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`);
  const logo = page.getByTestId('logo-field');
  await expect(logo.getByText('Intet eget logo.')).toBeVisible();
  await logo.getByRole('button', { name: 'Vælg logo' }).click();

  // A text file named .png: refused by its bytes.
  await field(page, 'logo.file').setInputFiles(join(images, 'not-an-image.png'));
  await field(page, 'logo.alt').fill(ALT);
  await logo.getByRole('button', { name: 'Gem logo' }).click();
  await expect(page.getByTestId('logo-error')).toHaveText('not-an-image.png er ikke et PNG-, JPEG- eller SVG-billede (filens indhold afgør det, ikke navnet).');
  await logo.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/publishing-logo-refused.png' });

  // An SVG with a script: refused, naming what was found.
  await field(page, 'logo.file').setInputFiles(join(images, 'unsafe.svg'));
  await logo.getByRole('button', { name: 'Gem logo' }).click();
  await expect(page.getByTestId('logo-error')).toContainText('unsafe.svg indeholder noget, der kan køre kode eller hente indhold udefra (<script>)');

  // A good SVG without alt text: the alt text is asked for.
  await field(page, 'logo.file').setInputFiles(join(images, 'logo.svg'));
  await field(page, 'logo.alt').fill('   ');
  await logo.getByRole('button', { name: 'Gem logo' }).click();
  await expect(page.getByTestId('logo-error')).toHaveText('Skriv en alternativ tekst: den læses op for dem, der ikke kan se billedet.');
  expect((await download()).meta.logo).toBeUndefined();

  await field(page, 'logo.alt').fill(ALT);
  await logo.getByRole('button', { name: 'Gem logo' }).click();
  const preview = page.getByTestId('logo-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('alt', ALT);
  await expect.poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await expect(logo.getByText(`Alternativ tekst: ${ALT}`)).toBeVisible();
  await logo.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/publishing-logo.png' });

  // Stored in the document: the SVG and the PNG rendition the renderer drew for Word.
  await expect.poll(async () => (await download()).meta.logo).toMatch(/^im-/);
  const json = await download();
  const stored = json.images?.find((image) => image.id === json.meta.logo);
  expect(stored).toMatchObject({ mime: 'image/svg+xml', alt: ALT });
  const png = Buffer.from(stored!.png!, 'base64');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  // The Word export has it on the cover with its alt text, as SVG with the PNG beside it.
  await page.getByRole('button', { name: 'Eksportér' }).click();
  const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Word/ }).click()]);
  const docx = await word.path();
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
  const first = /<wp:docPr [^>]*>/.exec(xml)?.[0] ?? '';
  expect(first).toContain(`descr="${ALT}"`);
  const dir = mkdtempSync(join(tmpdir(), 'pejling-logo-'));
  try {
    execFileSync('unzip', ['-q', docx, 'word/media/*', '-d', dir]);
    const media = readdirSync(join(dir, 'word/media')).map((name) => readFileSync(join(dir, 'word/media', name)));
    expect(media.some((bytes) => bytes.equals(readFileSync(join(images, 'logo.svg'))))).toBe(true);
    expect(media.some((bytes) => bytes.equals(png))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Removed: gone from the cover editor and from the document's file.
  await logo.getByRole('button', { name: 'Fjern logo' }).click();
  await expect(preview).toHaveCount(0);
  await expect(logo.getByText('Intet eget logo.')).toBeVisible();
  await expect.poll(async () => (await download()).meta.logo).toBeUndefined();
  expect(consoleErrors).toEqual([]);
});
