// A strategy with pictures for the tests: the cover's logo (an SVG with its PNG rendition) and a JPEG in the
// vision's body, built on the rich test strategy. Bytes are the fixtures in test/fixtures/images/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StrategyFile } from '../../../shared/format/schema';
import { bytesToBase64 } from '../../../shared/model/images';
import { richStrategy } from '../model/rich-strategy';

const dir = path.resolve(__dirname, '../../fixtures/images');
export const imageFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(dir, name)));

export const LOGO_ALT = 'Eksempelby Kommunes logo: en sol over en grøn bakke';
export const PHOTO_ALT = 'Borgerservice i Eksempelby: skranken med tre medarbejdere';

export function strategyWithImages(base: StrategyFile = richStrategy()): StrategyFile {
  const file = structuredClone(base);
  file.meta.logo = 'im-logo';
  file.images = [
    { id: 'im-logo', mime: 'image/svg+xml', alt: LOGO_ALT, width: 240, height: 120, data: bytesToBase64(imageFixture('logo.svg')), png: bytesToBase64(imageFixture('logo.png')) },
    { id: 'im-photo', mime: 'image/jpeg', alt: PHOTO_ALT, width: 640, height: 400, data: bytesToBase64(imageFixture('photo.jpg')) },
  ];
  file.vision.body = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Sådan ser borgerservice ud i dag:' }] },
      { type: 'image', attrs: { src: 'im-photo', alt: PHOTO_ALT, width: 60 } },
      { type: 'paragraph', content: [{ type: 'text', text: 'Det vil vi gøre bedre.' }] },
    ],
  };
  return file;
}
