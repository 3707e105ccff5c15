// Images of a strategy (issue 16): the cover's logo and the pictures in rich text. The bytes live in the
// document, in the root map `images`: image id → { mime, bytes, width, height, alt, png? }, a plain value
// that is never edited in place (a new alt text or picture is a new entry). The cover names its logo in
// `meta.logo` (an image id); a rich-text `image` node names its picture in `src`. So a picture syncs once,
// however often it is shown, and undoing the deletion of an image node finds its bytes again: entries are
// not deleted when the last node that showed them goes (the interchange file carries only the ones in use).
//
// What comes in is checked by its bytes, never by a file name or a claimed type: PNG and JPEG by their
// signatures (and their size read from the header), SVG parsed as XML that must hold no script, no event
// handler attribute, no DOCTYPE and no reference outside itself. Anything else is refused with an
// ImageRefusal whose code and parameters the UI words (catalog features/images.ts).
import { DOMParser } from '@xmldom/xmldom';
import type * as Y from 'yjs';
import { IMAGE_MIMES, type ImageFile, type StrategyFile } from '../format/schema';
import { metaMap } from './layout';

export const IMAGES = 'images';
/** The cover's logo: an image id in the `meta` map. */
export const META_LOGO = 'logo';

/** Largest picture a document takes (its bytes; an SVG's PNG rendition does not count). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** The types a picture may have: one list, the interchange format's (shared/format/schema.ts). */
export type ImageMime = (typeof IMAGE_MIMES)[number];

export interface StoredImage {
  mime: ImageMime;
  bytes: Uint8Array;
  /** Size in CSS pixels (an SVG's from its width/height or viewBox). */
  width: number;
  height: number;
  /** The alternative text given when it was added (never blank). */
  alt: string;
  /** An SVG's PNG rendition: Word needs one beside the SVG (made in the renderer when it is added). */
  png?: Uint8Array;
}

export type ImageRefusalCode = 'empty' | 'too-large' | 'unknown-type' | 'svg-invalid' | 'svg-unsafe' | 'no-size' | 'alt-missing';

/** Why a picture is not taken: a code the UI words, with what it needs to say it. */
export class ImageRefusal extends Error {
  constructor(
    readonly code: ImageRefusalCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`image refused: ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'ImageRefusal';
  }
}

export interface SniffedImage {
  mime: ImageMime;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  // IHDR is the first chunk: length (4), "IHDR" (4), width (4), height (4).
  if (bytes.length < 24 || bytes[12] !== 0x49 || bytes[13] !== 0x48 || bytes[14] !== 0x44 || bytes[15] !== 0x52) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Walks the JPEG's marker segments to its frame header (SOF0–SOF15 except DHT, JPG, DAC). */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  // Each step moves past one segment of at least 2 bytes, so the loop ends within the file.
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (length < 2) return undefined;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

/** CSS pixels of an SVG length ("120", "120px", "30mm", "2in"); undefined for percentages and the unknown. */
function svgLength(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^\s*([0-9]*\.?[0-9]+)\s*(px|pt|pc|mm|cm|in)?\s*$/.exec(value);
  if (!match) return undefined;
  const n = Number(match[1]);
  const per: Record<string, number> = { px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };
  return n * per[match[2] ?? 'px']!;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Elements that run code or embed another document: refused wherever they are. */
const UNSAFE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);

interface XmlNode {
  nodeType: number;
  nodeName: string;
  localName?: string | null;
  childNodes?: { length: number; [i: number]: XmlNode };
  attributes?: { length: number; [i: number]: { name: string; value: string } };
  getAttribute?(name: string): string | null;
  namespaceURI?: string | null;
}

function svgSize(bytes: Uint8Array, name: string): { width: number; height: number } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImageRefusal('svg-invalid', { name, detail: 'not UTF-8 text' });
  }
  if (/<!DOCTYPE/i.test(text)) throw new ImageRefusal('svg-unsafe', { name, detail: 'DOCTYPE' });
  const errors: string[] = [];
  const parser = new DOMParser({
    // xmldom repairs what is not well-formed and only warns; any warning means the file is not well-formed XML.
    errorHandler: { warning: (m: string) => errors.push(m), error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) },
  });
  const xml = parser.parseFromString(text, 'image/svg+xml') as unknown as { documentElement: XmlNode | null };
  const root = xml.documentElement;
  if (errors.length > 0 || !root) throw new ImageRefusal('svg-invalid', { name, detail: (errors[0] ?? 'no root element').split('\n')[0]!.replace(/^\[xmldom \w+\]\s*/, '').slice(0, 120) });
  if (root.localName !== 'svg' || root.namespaceURI !== SVG_NS) throw new ImageRefusal('svg-invalid', { name, detail: `root element <${root.nodeName}>` });
  // Depth-first over every element with an explicit stack (an SVG may nest deeply); bounded by the node count.
  const stack: XmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 7 && node.nodeName.toLowerCase() === 'xml-stylesheet') throw new ImageRefusal('svg-unsafe', { name, detail: '<?xml-stylesheet?>' });
    if (node.nodeType !== 1) continue;
    const element = (node.localName ?? node.nodeName).toLowerCase();
    if (UNSAFE_ELEMENTS.has(element)) throw new ImageRefusal('svg-unsafe', { name, detail: `<${node.nodeName}>` });
    const attributes = node.attributes ?? { length: 0 };
    for (let i = 0; i < attributes.length; i++) {
      const { name: attr, value } = attributes[i]!;
      const lower = attr.toLowerCase();
      if (/^on/.test(lower.replace(/^.*:/, ''))) throw new ImageRefusal('svg-unsafe', { name, detail: `${attr}=` });
      // Only references inside the picture (#id) or to embedded pictures; nothing is fetched, nothing runs.
      if ((lower === 'href' || lower.endsWith(':href')) && !/^\s*(#|data:image\/(png|jpeg|gif);)/i.test(value)) {
        throw new ImageRefusal('svg-unsafe', { name, detail: `${attr}="${value.slice(0, 60)}"` });
      }
      if (/javascript:|url\(\s*['"]?\s*(?!#)[a-z]+:/i.test(value)) throw new ImageRefusal('svg-unsafe', { name, detail: `${attr}="${value.slice(0, 60)}"` });
    }
    const children = node.childNodes ?? { length: 0 };
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  const width = svgLength(root.getAttribute?.('width') ?? null);
  const height = svgLength(root.getAttribute?.('height') ?? null);
  const box = (root.getAttribute?.('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const boxOk = box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0;
  if (width && height) return { width, height };
  if (boxOk) {
    const [, , w, h] = box as [number, number, number, number];
    if (width) return { width, height: (width * h) / w };
    if (height) return { width: (height * w) / h, height };
    return { width: w, height: h };
  }
  throw new ImageRefusal('no-size', { name });
}

/**
 * What a picture is, from its bytes: PNG, JPEG or a safe SVG, and its size. Throws ImageRefusal when it is
 * empty, larger than MAX_IMAGE_BYTES, of another type, or an SVG that is not well-formed or not safe.
 */
export function sniffImage(bytes: Uint8Array, name = ''): SniffedImage {
  if (bytes.length === 0) throw new ImageRefusal('empty', { name });
  if (bytes.length > MAX_IMAGE_BYTES) throw new ImageRefusal('too-large', { name, size: bytes.length, limit: MAX_IMAGE_BYTES });
  let size: { width: number; height: number } | undefined;
  let mime: ImageMime;
  if (startsWith(bytes, PNG_SIGNATURE)) {
    mime = 'image/png';
    size = pngSize(bytes);
  } else if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    mime = 'image/jpeg';
    size = jpegSize(bytes);
  } else if (looksLikeXml(bytes)) {
    mime = 'image/svg+xml';
    size = svgSize(bytes, name);
  } else {
    throw new ImageRefusal('unknown-type', { name });
  }
  if (!size || !(size.width > 0) || !(size.height > 0)) throw new ImageRefusal('no-size', { name });
  return { mime, width: Math.round(size.width * 100) / 100, height: Math.round(size.height * 100) / 100 };
}

/** Text that opens like XML (after a byte-order mark and white space): "<". */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < Math.min(bytes.length, 1024); i++) {
    const b = bytes[i]!;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return b === 0x3c;
  }
  return false;
}

// ---- the document's images ---------------------------------------------------------------------------

export function imagesMap(doc: Y.Doc): Y.Map<StoredImage> {
  return doc.getMap<StoredImage>(IMAGES);
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function newImageId(map: Y.Map<StoredImage>, random: () => number): string {
  // 36^10 ids: a clash is astronomically rare; the bound only keeps the loop finite.
  for (let attempt = 0; attempt < 100; attempt++) {
    let id = 'im-';
    for (let i = 0; i < 10; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length) % ID_ALPHABET.length];
    if (!map.has(id)) return id;
  }
  throw new Error('could not find a free image id');
}

export interface ImageInput {
  bytes: Uint8Array;
  alt: string;
  /** For an SVG: its PNG rendition (checked to be a PNG). */
  png?: Uint8Array;
  /** The file's name, for messages. */
  name?: string;
  /** An id to keep (an import); a new one when absent. */
  id?: string;
}

/** Checks a picture and its alt text without storing it; returns what it is. */
export function checkImage(input: ImageInput): SniffedImage {
  const sniffed = sniffImage(input.bytes, input.name ?? '');
  if (input.alt.trim() === '') throw new ImageRefusal('alt-missing', { name: input.name ?? '' });
  if (input.png !== undefined && sniffImage(input.png, input.name ?? '').mime !== 'image/png') throw new ImageRefusal('unknown-type', { name: input.name ?? '' });
  return sniffed;
}

/** Stores a picture in one transaction; returns its id. Throws ImageRefusal (nothing is stored then). */
export function addImage(doc: Y.Doc, input: ImageInput, origin?: unknown, random: () => number = Math.random): string {
  const sniffed = checkImage(input);
  const map = imagesMap(doc);
  if (input.id !== undefined && map.has(input.id)) throw new Error(`image id "${input.id}" is already used`);
  const id = input.id ?? newImageId(map, random);
  const value: StoredImage = { ...sniffed, bytes: input.bytes, alt: input.alt.trim() };
  if (sniffed.mime === 'image/svg+xml' && input.png) value.png = input.png;
  doc.transact(() => map.set(id, value), origin);
  return id;
}

/** The stored picture, or undefined when the document has none by that id (or holds something malformed). */
export function readImage(doc: Y.Doc, id: string): StoredImage | undefined {
  const value = imagesMap(doc).get(id) as Partial<StoredImage> | undefined;
  if (!value || !(value.bytes instanceof Uint8Array) || !IMAGE_MIMES.includes(value.mime as ImageMime)) return undefined;
  return value as StoredImage;
}

/** The cover's logo (its id and picture), when set and present. */
export function readLogo(doc: Y.Doc): { id: string; image: StoredImage } | undefined {
  const id = metaMap(doc).get(META_LOGO);
  if (typeof id !== 'string') return undefined;
  const image = readImage(doc, id);
  return image ? { id, image } : undefined;
}

/**
 * Sets the cover's logo: stores the picture and names it in meta, in one transaction (one undo step).
 * Returns the new image's id. Throws ImageRefusal before anything is written.
 */
export function setLogo(doc: Y.Doc, input: ImageInput, origin?: unknown): string {
  checkImage(input);
  let id = '';
  doc.transact(() => {
    id = addImage(doc, input, origin);
    metaMap(doc).set(META_LOGO, id);
  }, origin);
  return id;
}

/** Removes the cover's logo (the picture stays stored, so an undo brings it back). */
export function removeLogo(doc: Y.Doc, origin?: unknown): void {
  doc.transact(() => metaMap(doc).delete(META_LOGO), origin);
}

// ---- the interchange file: `images` (base64) ------------------------------------------------------------

/** Base64 of bytes, in chunks (a 2 MiB picture would overflow String.fromCharCode's argument list). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bytes of base64 text (white space allowed); undefined when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  try {
    const binary = atob(clean);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** Image ids a value names: `src` of every `image` node in it (any depth, walked with a stack). */
export function imageIdsIn(value: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
    } else if (node !== null && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (obj.type === 'image' && obj.attrs && typeof (obj.attrs as Record<string, unknown>).src === 'string') out.push((obj.attrs as Record<string, string>).src!);
      for (const key of Object.keys(obj)) if (key !== 'attrs') stack.push(obj[key]);
    }
  }
  return out;
}

/**
 * The pictures a file written from `doc` uses (the logo, then image nodes in document order), as the file
 * holds them. A logo whose picture the document lacks is left out of `file.meta`.
 */
export function exportImages(doc: Y.Doc, file: StrategyFile): ImageFile[] | undefined {
  if (file.meta.logo !== undefined && !readImage(doc, file.meta.logo)) delete file.meta.logo;
  const ids = [...new Set([...(file.meta.logo !== undefined ? [file.meta.logo] : []), ...imageIdsIn({ ...file, meta: undefined, comments: undefined, hints: undefined })])];
  const out: ImageFile[] = [];
  for (const id of ids) {
    const image = readImage(doc, id);
    if (!image) continue;
    const entry: ImageFile = { id, mime: image.mime, alt: image.alt, width: image.width, height: image.height, data: bytesToBase64(image.bytes) };
    if (image.png) entry.png = bytesToBase64(image.png);
    out.push(entry);
  }
  return out.length > 0 ? out : undefined;
}

/** Stores a file's pictures (checked by ./format/image-rules.ts before); a picture that fails its check throws ImageRefusal. */
export function importImages(doc: Y.Doc, images: readonly ImageFile[], origin: unknown): void {
  doc.transact(() => {
    for (const image of images) {
      const bytes = base64ToBytes(image.data);
      const png = image.png === undefined ? undefined : base64ToBytes(image.png);
      if (!bytes) throw new ImageRefusal('unknown-type', { name: image.id });
      addImage(doc, { id: image.id, bytes, alt: image.alt, name: image.id, ...(png ? { png } : {}) }, origin);
    }
  }, origin);
}
