// The byte checks every picture passes (shared/model/images.ts): the type comes from the bytes, never
// from the name; an SVG must be well-formed XML with nothing that runs or fetches; the size is limited.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageRefusal, MAX_IMAGE_BYTES, sniffImage, base64ToBytes, bytesToBase64 } from '../../../shared/model/images';
import { refusalMessage } from '../../../shared/format/image-rules';

const dir = path.resolve(__dirname, '../../fixtures/images');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const svg = (text: string) => new TextEncoder().encode(text);

function refusal(fn: () => unknown): ImageRefusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImageRefusal) return error;
    throw error;
  }
  throw new Error('expected the picture to be refused');
}

describe('sniffImage', () => {
  it('reads PNG, JPEG and SVG and their sizes from the bytes', () => {
    expect(sniffImage(fixture('logo.png'))).toEqual({ mime: 'image/png', width: 480, height: 240 });
    expect(sniffImage(fixture('photo.jpg'))).toEqual({ mime: 'image/jpeg', width: 640, height: 400 });
    expect(sniffImage(fixture('logo.svg'))).toEqual({ mime: 'image/svg+xml', width: 240, height: 120 });
  });

  it('takes an SVG size from units or the viewBox', () => {
    const ns = 'xmlns="http://www.w3.org/2000/svg"';
    expect(sniffImage(svg(`<svg ${ns} viewBox="0 0 300 150"/>`))).toMatchObject({ width: 300, height: 150 });
    expect(sniffImage(svg(`<svg ${ns} width="96" viewBox="0 0 300 150"/>`))).toMatchObject({ width: 96, height: 48 });
    expect(sniffImage(svg(`<svg ${ns} width="1in" height="0.5in"/>`))).toMatchObject({ width: 96, height: 48 });
    expect(refusal(() => sniffImage(svg(`<svg ${ns}/>`), 'x.svg')).code).toBe('no-size');
  });

  it('refuses a file whose bytes are no picture, whatever its name says', () => {
    const error = refusal(() => sniffImage(fixture('not-an-image.png'), 'not-an-image.png'));
    expect(error.code).toBe('unknown-type');
    expect(refusalMessage(error, 'da')).toBe('not-an-image.png er ikke et PNG-, JPEG- eller SVG-billede (filens indhold afgør det, ikke navnet).');
    expect(refusal(() => sniffImage(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]), 'a.gif')).code).toBe('unknown-type');
    expect(refusal(() => sniffImage(new Uint8Array(), 'tom.png')).code).toBe('empty');
  });

  it('refuses more than 2 MiB, saying how large it is and what the limit is', () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(fixture('logo.png'));
    const error = refusal(() => sniffImage(big, 'stort.png'));
    expect(error.code).toBe('too-large');
    expect(refusalMessage(error, 'da')).toBe(
      'Billedet stort.png er for stort (2 MB). Et billede må højst fylde 2 MB; gem det i en mindre opløsning, og prøv igen.',
    );
    const bigger = new Uint8Array(3.5 * 1024 * 1024);
    bigger.set(fixture('logo.png'));
    expect(refusalMessage(refusal(() => sniffImage(bigger, 'b.png')), 'en')).toContain('too large (3.5 MB)');
    // Exactly the limit is taken.
    const limit = new Uint8Array(MAX_IMAGE_BYTES);
    limit.set(fixture('logo.png'));
    expect(sniffImage(limit).mime).toBe('image/png');
  });

  it('refuses SVG that runs code, fetches from elsewhere, declares a DOCTYPE or is not XML', () => {
    const ns = 'xmlns="http://www.w3.org/2000/svg" width="10" height="10"';
    const cases: [string, string][] = [
      [readFileSync(path.join(dir, 'unsafe.svg'), 'utf8'), '<script>'],
      [`<svg ${ns}><rect onclick="alert(1)" width="5" height="5"/></svg>`, 'onclick='],
      [`<svg ${ns} onload="alert(1)"/>`, 'onload='],
      [`<svg ${ns} xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://example.org/x.png"/></svg>`, 'xlink:href='],
      [`<svg ${ns}><a href="javascript:alert(1)"><rect width="5" height="5"/></a></svg>`, 'href='],
      [`<svg ${ns}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`, '<foreignObject>'],
      [`<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg ${ns}>&a;</svg>`, 'DOCTYPE'],
      [`<svg ${ns}><rect style="fill:url(https://example.org/p)"/></svg>`, 'style='],
    ];
    for (const [text, detail] of cases) {
      const error = refusal(() => sniffImage(svg(text), 'logo.svg'));
      expect(error.code, text).toBe('svg-unsafe');
      expect(String(error.params.detail), text).toContain(detail);
    }
    expect(refusalMessage(refusal(() => sniffImage(svg(cases[0]![0]), 'logo.svg')), 'da')).toContain('logo.svg indeholder noget, der kan køre kode');
    // Internal references are fine.
    expect(sniffImage(svg(`<svg ${ns} xmlns:xlink="http://www.w3.org/1999/xlink"><defs><circle id="c" r="2"/></defs><use xlink:href="#c"/></svg>`)).mime).toBe('image/svg+xml');
  });

  it('refuses XML that is not well-formed SVG', () => {
    expect(refusal(() => sniffImage(svg('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><g></svg>'))).code).toBe('svg-invalid');
    const html = refusal(() => sniffImage(svg('<html><body/></html>'), 'side.svg'));
    expect(html.code).toBe('svg-invalid');
    expect(refusalMessage(html, 'da')).toBe('side.svg er ikke gyldig SVG: root element <html>');
    expect(refusal(() => sniffImage(svg('<svg width="1" height="1"/>'))).code).toBe('svg-invalid'); // no SVG namespace
  });
});

describe('base64', () => {
  it('round-trips bytes and refuses what is not base64', () => {
    const bytes = fixture('photo.jpg');
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(base64ToBytes('ikke base64!')).toBeUndefined();
    expect(base64ToBytes('QUJD\nREVG')).toEqual(new TextEncoder().encode('ABCDEF'));
  });
});
