// Pictures in the published document (issue 16): the strategy's own logo on the cover and a picture in rich
// text reach the Word file as drawings with their alternative text (docPr title and descr) and their bytes in
// word/media; the house style's made-up mark is never named as the organisation's logo; and the tagged PDF
// LibreOffice makes of it carries the pictures and their /Alt text (read back with poppler's pdfimages and the
// PDF's own structure elements).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPart, examplesDir, pejling, readExample, repoRoot, run, tempDir } from './export-helpers';
import { imageFixture, LOGO_ALT, PHOTO_ALT, strategyWithImages } from '../unit/images/image-strategy';
import { rm } from 'node:fs/promises';

let work = '';
beforeAll(async () => {
  work = await tempDir('images');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function exportFile(name: string, file: unknown, args: string[]): Promise<string> {
  const input = path.join(work, `${name}.json`);
  await writeFile(input, JSON.stringify(file));
  const result = await pejling(['export', input, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return input;
}

/** The files of word/media, unpacked with unzip (a reader Pejling does not use). */
async function mediaOf(docx: string): Promise<Buffer[]> {
  const dir = path.join(work, `${path.basename(docx)}-media`);
  const result = await run('unzip', ['-o', '-q', docx, 'word/media/*', '-d', dir]);
  expect(result.code).toBe(0);
  const names = await readdir(path.join(dir, 'word/media'));
  return Promise.all(names.map((name) => readFile(path.join(dir, 'word/media', name))));
}

/** Every drawing's docPr (name, title, descr, decorative) in document order. */
function drawings(xml: string): { title?: string; descr?: string; decorative: boolean }[] {
  return [...xml.matchAll(/<wp:docPr ([^>]*?)(\/>|>(.*?)<\/wp:docPr>)/gs)].map((m) => {
    const attrs = m[1] ?? '';
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
    return { title: attr('title'), descr: attr('descr'), decorative: /decorative[^>]*val="1"/.test(m[3] ?? '') };
  });
}

describe('pictures in the Word file', () => {
  it('puts the document\'s logo on the cover and the rich-text picture in the text, with their alt texts and bytes', async () => {
    const docx = path.join(work, 'images.docx');
    await exportFile('images', strategyWithImages((await readExample('kk-2010-2014'))), ['--docx', docx, '--style', 'kommune', '--page-numbers', 'quick']);
    const document = await docxPart(docx, 'word/document.xml');
    const pictures = drawings(document);
    // First the cover's logo, then the picture in the vision's body.
    // The alt text is the description only: LibreOffice's /Alt joins a title to it, which would say it twice.
    expect(pictures[0]).toEqual({ title: undefined, descr: LOGO_ALT, decorative: false });
    expect(pictures.filter((p) => p.descr === PHOTO_ALT)).toHaveLength(1);
    expect(pictures.every((p) => !/Københavns Kommunes logo/.test(p.descr ?? ''))).toBe(true);
    // The SVG goes in with its PNG rendition (Word's blip), the JPEG as it is.
    expect(document).toMatch(/asvg:svgBlip/);
    const media = await mediaOf(docx);
    const has = (bytes: Uint8Array) => media.some((m) => m.equals(Buffer.from(bytes)));
    expect(has(imageFixture('logo.svg'))).toBe(true);
    expect(has(imageFixture('logo.png'))).toBe(true);
    expect(has(imageFixture('photo.jpg'))).toBe(true);
    // The photo is 60 % of the text width (kommune: 210 − 24 − 20 mm = 166 mm = 5,976,000 EMU), proportions kept.
    const extents = [...document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const photo = extents.find(([cx, cy]) => Math.abs(cx / cy - 640 / 400) < 0.01);
    expect(photo).toBeDefined();
    expect(photo![0] / 5_976_000).toBeCloseTo(0.6, 1);
    // The header repeats the document's own logo (its PNG form), decorative; the house style's shield is gone.
    const kommuneShield = new Uint8Array(await readFile(path.join(examplesDir, '../styles/kommune-logo.png')));
    expect(has(kommuneShield)).toBe(false);
    const listing = await run('unzip', ['-Z1', docx]);
    const headers = await Promise.all(listing.stdout.split('\n').filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => docxPart(docx, n)));
    const headerPictures = headers.flatMap(drawings);
    expect(headerPictures.length).toBeGreaterThan(0);
    expect(headerPictures.every((p) => p.decorative && p.descr === undefined)).toBe(true);
  });

  it('a JPEG logo is on the cover only: the header writes PNG, and the style\'s mark never stands in for it', async () => {
    const file = strategyWithImages(await readExample('brk-2010'));
    file.meta.logo = 'im-photo';
    const docx = path.join(work, 'jpeg.docx');
    await exportFile('jpeg', file, ['--docx', docx, '--style', 'kommune', '--page-numbers', 'quick']);
    expect(drawings(await docxPart(docx, 'word/document.xml'))[0]).toEqual({ title: undefined, descr: PHOTO_ALT, decorative: false });
    const listing = await run('unzip', ['-Z1', docx]);
    const headers = await Promise.all(listing.stdout.split('\n').filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => docxPart(docx, n)));
    expect(headers.some((xml) => xml.includes('<w:drawing>'))).toBe(false);
  });

  it('without a logo of its own, the house style\'s mark is decoration, not the organisation\'s logo', async () => {
    const docx = path.join(work, 'plain.docx');
    await exportFile('plain', await readExample('kk-2010-2014'), ['--docx', docx, '--style', 'kommune', '--page-numbers', 'quick']);
    const pictures = drawings(await docxPart(docx, 'word/document.xml'));
    expect(pictures.length).toBeGreaterThan(0);
    for (const picture of pictures) {
      expect(picture.decorative).toBe(true);
      expect(picture.descr ?? '').not.toMatch(/Kommune/);
    }
  });
});

describe('a file with a bad picture', () => {
  it('is refused by validate and export with each place and reason, and no document is written', async () => {
    const file = strategyWithImages(await readExample('brk-2010'));
    file.images![1]!.mime = 'image/png';
    file.meta.logo = 'im-nope';
    const input = path.join(work, 'bad.json');
    await writeFile(input, JSON.stringify(file));
    const validate = await pejling(['validate', input]);
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain('bad.json: /images/1/data: billedet er angivet som image/png, men dets bytes er image/jpeg');
    expect(validate.stdout + validate.stderr).toContain('bad.json: /meta/logo: der er intet billede med id "im-nope" i images');
    const out = path.join(work, 'bad.docx');
    const exported = await pejling(['export', input, '--docx', out]);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('/images/1/data: billedet er angivet som image/png');
    expect(await readdir(work)).not.toContain('bad.docx');
  });
});

/** The PDF's objects as text, with Flate streams (object streams too) inflated, to read structure elements. */
function pdfText(pdf: Buffer): string {
  const parts: string[] = [pdf.toString('latin1')];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream (an image, a font): skip
    }
  }
  return parts.join('\n');
}

/** A PDF string as text: literal (…) with escapes, or <FEFF…> UTF-16BE hex. */
function pdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  const body = token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e === 'n' ? '\n' : e));
  const bytes = Buffer.from(body, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return body;
}

describe('pictures in the PDF', () => {
  it('has the logo and the picture as images, and their alt texts as /Alt of Figure elements', async () => {
    const pdf = path.join(work, 'images.pdf');
    await exportFile('pdf', strategyWithImages(await readExample('odder-2006')), ['--pdf', pdf]);
    const list = await run('pdfimages', ['-list', pdf]);
    expect(list.code).toBe(0);
    const rows = list.stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
    // page 1: the logo; the photo (640 × 400) later in the text.
    expect(rows.some((r) => /^\s*1\s/.test(r))).toBe(true);
    expect(rows.some((r) => /\s640\s+400\s/.test(r))).toBe(true);
    const text = pdfText(await readFile(pdf));
    const alts = [...text.matchAll(/\/Alt\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]+>)/g)].map((m) => pdfString(m[1] ?? ''));
    expect(alts).toEqual([LOGO_ALT, PHOTO_ALT]);
    const struct = await run('pdfinfo', ['-struct', pdf]);
    expect(struct.stdout.match(/^\s*Figure:/gm)).toHaveLength(2);
    // The cover as LibreOffice lays it out, for docs/screenshots (looked at by a person).
    const shot = await run('pdftoppm', ['-f', '1', '-l', '1', '-png', '-r', '50', '-singlefile', pdf, path.join(repoRoot, 'docs/screenshots/publishing-logo-cover')]);
    expect(shot.code).toBe(0);
  }, 240_000);
});
