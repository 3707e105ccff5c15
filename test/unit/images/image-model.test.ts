// The document's pictures (shared/model/images.ts): the logo and rich-text images are stored once in the
// `images` map, sync with the document, travel in the interchange file as base64, and a file with a bad
// picture is refused with the place and the reason.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateStrategyFile } from '../../../shared/format/validate';
import { LOCAL_ORIGIN, StrategyModel, createStrategyDoc, exportStrategy, importStrategy } from '../../../shared/model';
import { ImageRefusal, imagesMap, readImage, readLogo, removeLogo, setLogo, addImage } from '../../../shared/model/images';
import { bytesToBase64 } from '../../../shared/model/images';
import { imageFixture, LOGO_ALT, strategyWithImages } from './image-strategy';

const newDoc = () => createStrategyDoc({ title: 'IT-strategi', organisation: 'Eksempelby Kommune', period: { from: 2026, to: 2029 } });

describe('the logo in the document', () => {
  it('stores the picture and names it on the cover in one undoable step, and removes it again', () => {
    const doc = newDoc();
    const undo = new Y.UndoManager([doc.getMap('meta'), imagesMap(doc)], { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const id = setLogo(doc, { bytes: imageFixture('logo.png'), alt: '  Eksempelby Kommunes logo ', name: 'logo.png' }, LOCAL_ORIGIN);
    const logo = readLogo(doc)!;
    expect(logo.id).toBe(id);
    expect(logo.image).toMatchObject({ mime: 'image/png', width: 480, height: 240, alt: 'Eksempelby Kommunes logo' });
    expect(new StrategyModel(doc).getMeta().logo).toBe(id);
    undo.stopCapturing();
    removeLogo(doc, LOCAL_ORIGIN);
    expect(readLogo(doc)).toBeUndefined();
    // The picture stays, so undoing the removal shows the logo again.
    expect(readImage(doc, id)).toBeDefined();
    undo.undo();
    expect(readLogo(doc)?.id).toBe(id);
    undo.undo();
    expect(readLogo(doc)).toBeUndefined();
    expect(readImage(doc, id)).toBeUndefined();
  });

  it('refuses a logo without alt text or with bad bytes, and writes nothing', () => {
    const doc = newDoc();
    const before = Y.encodeStateVector(doc);
    expect(() => setLogo(doc, { bytes: imageFixture('logo.png'), alt: '   ' })).toThrow(ImageRefusal);
    expect(() => setLogo(doc, { bytes: imageFixture('not-an-image.png'), alt: 'Logo' })).toThrow(/unknown-type/);
    expect(() => setLogo(doc, { bytes: imageFixture('unsafe.svg'), alt: 'Logo' })).toThrow(/svg-unsafe/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('reaches another replica with its bytes', () => {
    const a = newDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.on('update', () => undefined);
    a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
    setLogo(a, { bytes: imageFixture('photo.jpg'), alt: 'Logo' });
    expect(readLogo(b)?.image.bytes).toEqual(imageFixture('photo.jpg'));
    expect(readLogo(b)?.image.mime).toBe('image/jpeg');
  });

  it('keeps an SVG\'s PNG rendition beside it', () => {
    const doc = newDoc();
    const id = addImage(doc, { bytes: imageFixture('logo.svg'), png: imageFixture('logo.png'), alt: 'Logo' });
    expect(readImage(doc, id)).toMatchObject({ mime: 'image/svg+xml', width: 240, height: 120 });
    expect(readImage(doc, id)!.png).toEqual(imageFixture('logo.png'));
    expect(() => addImage(doc, { bytes: imageFixture('logo.svg'), png: imageFixture('photo.jpg'), alt: 'Logo' })).toThrow(/unknown-type/);
  });
});

describe('pictures in the interchange file', () => {
  it('round-trips the logo and a rich-text picture as base64, each once', () => {
    const input = strategyWithImages();
    expect(validateStrategyFile(input)).toMatchObject({ ok: true, warnings: [] });
    const out = exportStrategy(importStrategy(input));
    expect(out.meta.logo).toBe('im-logo');
    expect(out.images).toEqual(input.images);
    expect(out.vision.body).toEqual(input.vision.body);
    expect(exportStrategy(importStrategy(out))).toEqual(out);
  });

  it('leaves out pictures nothing shows any more', () => {
    const doc = importStrategy(strategyWithImages());
    const model = new StrategyModel(doc);
    model.setRich('@vision', 'body', 'Ingen billeder her.');
    removeLogo(doc);
    const out = exportStrategy(doc);
    expect(out.images).toBeUndefined();
    expect(out.meta.logo).toBeUndefined();
    expect(imagesMap(doc).size).toBe(2); // still stored: an undo can bring them back
  });

  it('refuses a picture that is not what it claims, not base64, unsafe, without alt text, or named but missing', () => {
    const file = strategyWithImages() as unknown as { images: Record<string, unknown>[]; meta: Record<string, unknown>; vision: { body: { content: { attrs?: Record<string, unknown> }[] } } };
    file.images[0]!.data = bytesToBase64(imageFixture('unsafe.svg'));
    file.images[1]!.mime = 'image/png';
    file.images.push({ id: 'im-x', mime: 'image/png', alt: ' ', data: 'ikke base64!' });
    file.vision.body.content[1]!.attrs!.src = 'im-gone';
    file.meta.logo = 'im-logo';
    const result = validateStrategyFile(file, 'da');
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/images\/0\/data: im-logo indeholder noget, der kan køre kode .*<script>/),
        '/images/1/data: billedet er angivet som image/png, men dets bytes er image/jpeg',
        '/images/2/alt: et billede skal have en alternativ tekst',
        '/images/2/data: billedets bytes skal være base64',
        '/vision/body/content/1/attrs/src: der er intet billede med id "im-gone" i images',
      ]),
    );
    const logoless = strategyWithImages();
    logoless.meta.logo = 'im-none';
    const second = validateStrategyFile(logoless, 'en');
    expect(second.ok ? [] : second.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['/meta/logo: there is no picture with id "im-none" in images']);
  });

  it('refuses an image node without alt text', () => {
    const file = strategyWithImages();
    (file.vision.body as { content: { attrs?: Record<string, unknown> }[] }).content[1]!.attrs!.alt = '';
    expect(() => importStrategy(file)).toThrow('/vision/body/content/1/attrs/alt: a picture needs an alternative text ("alt")');
    (file.vision.body as { content: { attrs?: Record<string, unknown> }[] }).content[1]!.attrs = { src: 'im-photo', alt: LOGO_ALT, width: 400 };
    expect(() => importStrategy(file)).toThrow('/vision/body/content/1/attrs/width:');
  });
});
