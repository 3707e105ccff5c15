// Pictures in the Word document (issue 16): the document's own logo on the cover and the rich-text `image`
// nodes, both from the strategy's `images` (base64 in the interchange file, shared/model/images.ts). Each is
// an ImageRun with its alternative text as the drawing's description (what LibreOffice's tagged PDF takes as
// /Alt); an SVG goes in as SVG with its PNG rendition, which Word requires beside it.
import { AlignmentType, ImageRun, type Paragraph } from 'docx';
import type { ImageFile, StrategyFile } from '../../format/schema';
import { base64ToBytes } from '../../model/images';
import type { HouseStyleLogo } from '../house-style';
import type { PmNode } from '../rich-json';
import type { RenderContext } from './context';
import { paragraph } from './revisions';
import { S } from './styles';

/** A picture as the exporter uses it: bytes decoded once per document. */
export interface DocumentImage {
  id: string;
  mime: ImageFile['mime'];
  alt: string;
  /** Pixels at 96 dpi. */
  width: number;
  height: number;
  data: Uint8Array;
  png?: Uint8Array;
}

const decoded = new WeakMap<StrategyFile, Map<string, DocumentImage>>();

/** The strategy's pictures by id (undecodable entries are left out: the file's validation names them). */
export function documentImages(strategy: StrategyFile): Map<string, DocumentImage> {
  let map = decoded.get(strategy);
  if (map) return map;
  map = new Map();
  for (const image of strategy.images ?? []) {
    const data = base64ToBytes(image.data);
    if (!data) continue;
    const png = image.png === undefined ? undefined : base64ToBytes(image.png);
    map.set(image.id, { id: image.id, mime: image.mime, alt: image.alt, width: image.width ?? 0, height: image.height ?? 0, data, ...(png ? { png } : {}) });
  }
  decoded.set(strategy, map);
  return map;
}

/** The document's own logo (meta.logo), when it names a picture the file holds. */
export function ownLogo(strategy: StrategyFile): DocumentImage | undefined {
  const id = strategy.meta.logo;
  return id === undefined ? undefined : documentImages(strategy).get(id);
}

/**
 * The logo the page header repeats: the document's own when it has a PNG form (a PNG, or an SVG's
 * rendition; the header writes PNG), else none when the document has a logo of its own (the house style's
 * made-up mark is never shown beside it), else the house style's mark.
 */
export function headerLogoOf(strategy: StrategyFile, houseLogo: HouseStyleLogo | undefined): HouseStyleLogo | undefined {
  const own = ownLogo(strategy);
  if (!own) return houseLogo;
  const png = own.mime === 'image/png' ? own.data : own.png;
  return png && own.width > 0 ? { data: png, widthPx: own.width, heightPx: own.height } : undefined;
}

type Size = { width: number; height: number };

/** The ImageRun of a picture: SVG with its PNG fallback, PNG or JPEG as they are; alt text as title and description. */
export function pictureRun(image: DocumentImage, size: Size, name: string): ImageRun {
  // The alt text is the description (Word's "Alternativ tekst"). No title: LibreOffice's PDF joins title and
  // description into /Alt ("T - D"), so the same text in both is read aloud twice.
  const altText = { name, description: image.alt };
  if (image.mime === 'image/svg+xml') {
    if (image.png) return new ImageRun({ type: 'svg', data: image.data, fallback: { type: 'png', data: image.png }, transformation: size, altText });
    // An SVG from another tool without a rendition: Word cannot draw it alone, LibreOffice can. A file Pejling
    // wrote always has one (made when the picture was chosen).
    return new ImageRun({ type: 'svg', data: image.data, fallback: { type: 'png', data: image.data }, transformation: size, altText });
  }
  return new ImageRun({ type: image.mime === 'image/jpeg' ? 'jpg' : 'png', data: image.data, transformation: size, altText });
}

/** Width and height in pixels (96 dpi) for a width in pixels, keeping the picture's proportions. */
function scaled(image: DocumentImage, width: number): Size {
  const ratio = image.width > 0 && image.height > 0 ? image.height / image.width : 0.75;
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(width * ratio)) };
}

/** The cover's own logo at a width in millimetres (the house style's logo width). */
export function logoRun(image: DocumentImage, widthMm: number): ImageRun {
  return pictureRun(image, scaled(image, (widthMm / 25.4) * 96), 'Logo');
}

/**
 * A rich-text picture as its own paragraph: `width` percent of the text width (twips / 15 = pixels),
 * never wider than the picture itself for PNG and JPEG (a small bitmap is not blown up); centred.
 */
export function imageBlocks(ctx: RenderContext, node: PmNode, indent: number): Paragraph[] {
  const src = typeof node.attrs?.src === 'string' ? node.attrs.src : '';
  // In a redline, a picture only the older strategy has (deleted since) is in that file's images.
  const image = documentImages(ctx.strategy).get(src) ?? (ctx.redline ? documentImages(ctx.redline.old).get(src) : undefined);
  if (!image) return [];
  const percent = typeof node.attrs?.width === 'number' ? Math.min(100, Math.max(10, node.attrs.width)) : 100;
  const available = ((ctx.textWidth - indent) / 15) * (percent / 100);
  const width = image.mime === 'image/svg+xml' || image.width <= 0 ? available : Math.min(available, image.width);
  const alt = typeof node.attrs?.alt === 'string' && node.attrs.alt.trim() !== '' ? node.attrs.alt : image.alt;
  return [
    paragraph(ctx, {
      style: S.normal,
      alignment: AlignmentType.CENTER,
      ...(indent ? { indent: { left: indent } } : {}),
      children: [pictureRun({ ...image, alt }, scaled(image, width), 'Picture')],
    }),
  ];
}
