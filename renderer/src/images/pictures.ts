// Reading a picture the user chose, pasted or dropped: its bytes checked by the shared byte checks
// (shared/model/images.ts: PNG/JPEG signatures, SVG as safe XML, 2 MiB), and for an SVG a PNG rendition
// drawn here with a canvas, because Word needs a PNG beside an SVG and only the renderer can draw one
// (shared/ has no DOM; the host has no renderer of its own for SVG).
import { ImageRefusal, MAX_IMAGE_BYTES, sniffImage, type SniffedImage } from '../../../shared/model/images';
import { refusalMessage } from '../../../shared/format/image-rules';
import { currentLanguage } from '../i18n/i18n';

export interface ReadPicture extends SniffedImage {
  name: string;
  bytes: Uint8Array;
  png?: Uint8Array;
}

/** The longest side of an SVG's PNG rendition: sharp when printed at the cover's width (about 300 dpi at 10 cm). */
const RENDITION_PX = 1200;

async function svgToPng(bytes: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const scale = RENDITION_PX / Math.max(width, height);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/svg+xml' }));
  try {
    const img = new Image(w, h);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas made no PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Reads and checks a picture file. Throws ImageRefusal (wording: refusalText) when it is too large, of
 * another type, or an unsafe SVG; the size is checked before the bytes are read.
 */
export async function readPicture(file: File): Promise<ReadPicture> {
  if (file.size > MAX_IMAGE_BYTES) throw new ImageRefusal('too-large', { name: file.name, size: file.size, limit: MAX_IMAGE_BYTES });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniffImage(bytes, file.name);
  if (sniffed.mime !== 'image/svg+xml') return { ...sniffed, name: file.name, bytes };
  let png: Uint8Array;
  try {
    png = await svgToPng(bytes, sniffed.width, sniffed.height);
  } catch {
    throw new ImageRefusal('svg-invalid', { name: file.name, detail: 'the browser cannot draw it' });
  }
  return { ...sniffed, name: file.name, bytes, png };
}

/** The message of a refusal in the UI language; other errors as they are. */
export function refusalText(error: unknown): string {
  if (error instanceof ImageRefusal) return refusalMessage(error, currentLanguage());
  return error instanceof Error ? error.message : String(error);
}

/** A blob URL of stored bytes, for an <img>; the caller revokes it. */
export function pictureUrl(bytes: Uint8Array, mime: string): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
}
