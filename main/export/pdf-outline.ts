// Reads the outline (bookmarks) of a PDF written by LibreOffice: one entry per heading, with its
// title, level and page. LibreOffice writes the outline and page tree as plain (uncompressed)
// objects, so a small reader suffices and no PDF library or poppler is needed on the host.
// Objects inside compressed object streams (/ObjStm) are inflated too, for other writers' sake.
//
// Why not a PDF library (issue 17), measured on this machine (Node 20.20, load ~20 on 2 cores): pdfjs-dist 6
// needs Node 22; pdfjs-dist@4.10.38's legacy build does run on Node 20 and reads the same outline
// (identical title, level and page for all 30 entries of the kk example's PDF and all 139 of the large
// strategy's 270-page PDF), but costs 0.3 s to import and 0.4-0.5 s per read against 6 ms and 110 ms
// here, and adds 70 MB to node_modules (pdfjs-dist 37 MB, its optional @napi-rs/canvas 33 MB) plus an ESM
// build with a "fake worker" that the CommonJS bundle of the desktop app (scripts/build.js) would have to
// keep external. The reader below only ever reads LibreOffice's own, uncompressed outline; the export
// tests check its pages against poppler's pdftotext. Swap it for pdfjs-dist when the app moves to
// Node 22 (pdfjs-dist 6, smaller) or needs more of the PDF than its outline.
import { inflateSync } from 'node:zlib';

export interface PdfOutlineEntry {
  title: string;
  /** 1 for top-level entries. */
  level: number;
  /** 1-based page index. */
  page: number;
}

export interface PdfOutline {
  pageCount: number;
  entries: PdfOutlineEntry[];
}

/** PDF dictionaries by object number (the dictionary text, without streams). */
function readObjects(pdf: Buffer): Map<number, string> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  const pattern = /(\d+)\s+0\s+obj\b([\s\S]*?)endobj/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const number = Number(match[1]);
    const body = match[2] ?? '';
    const streamAt = body.indexOf('stream');
    const dictionary = streamAt >= 0 ? body.slice(0, streamAt) : body;
    objects.set(number, dictionary);
    if (/\/Type\s*\/ObjStm/.test(dictionary) && streamAt >= 0) readObjectStream(pdf, match.index + match[0].indexOf('stream'), dictionary, objects);
  }
  return objects;
}

function readObjectStream(pdf: Buffer, streamKeywordAt: number, dictionary: string, objects: Map<number, string>) {
  const length = Number(/\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dictionary)?.[1]);
  const first = Number(/\/First\s+(\d+)/.exec(dictionary)?.[1]);
  if (!Number.isFinite(length) || !Number.isFinite(first)) return;
  let start = streamKeywordAt + 'stream'.length;
  if (pdf[start] === 0x0d) start++;
  if (pdf[start] === 0x0a) start++;
  let data: string;
  try {
    data = inflateSync(pdf.subarray(start, start + length)).toString('latin1');
  } catch {
    return;
  }
  const header = data.slice(0, first).trim().split(/\s+/).map(Number);
  for (let i = 0; i + 1 < header.length; i += 2) {
    const number = header[i] as number;
    const offset = first + (header[i + 1] as number);
    const end = i + 3 < header.length ? first + (header[i + 3] as number) : data.length;
    if (!objects.has(number)) objects.set(number, data.slice(offset, end));
  }
}

const ref = (dictionary: string | undefined, key: string): number | undefined => {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dictionary ?? '');
  return match ? Number(match[1]) : undefined;
};

/** A PDF text string: <FEFF…> hex (UTF-16BE), other hex, or a literal (…) string. */
function decodeTitle(dictionary: string): string {
  const hex = /\/Title\s*<([0-9A-Fa-f\s]*)>/.exec(dictionary);
  if (hex) {
    const bytes = Buffer.from((hex[1] ?? '').replace(/\s+/g, ''), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      const swapped = Buffer.from(bytes.subarray(2));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    return bytes.toString('latin1');
  }
  const literal = /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(dictionary);
  if (!literal) return '';
  const raw = (literal[1] ?? '').replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, escape: string) => {
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return simple[escape] ?? String.fromCharCode(parseInt(escape, 8));
  });
  if (raw.charCodeAt(0) === 0xfe && raw.charCodeAt(1) === 0xff) {
    const bytes = Buffer.from(raw.slice(2), 'latin1');
    bytes.swap16();
    return bytes.toString('utf16le');
  }
  return raw;
}

export function readPdfOutline(pdf: Buffer): PdfOutline {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF file');
  const objects = readObjects(pdf);
  const catalog = [...objects.values()].find((d) => /\/Type\s*\/Catalog/.test(d));
  if (!catalog) throw new Error('PDF without a catalog');

  // Pages in order, from the page tree.
  const pageIndex = new Map<number, number>();
  const visit = (number: number | undefined, depth: number) => {
    if (number === undefined || depth > 64) return;
    const node = objects.get(number);
    if (!node) return;
    if (/\/Type\s*\/Pages/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) visit(Number(kid[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(node)) {
      pageIndex.set(number, pageIndex.size + 1);
    }
  };
  visit(ref(catalog, 'Pages'), 0);

  const entries: PdfOutlineEntry[] = [];
  const seen = new Set<number>();
  const walk = (first: number | undefined, level: number) => {
    for (let item = first; item !== undefined && !seen.has(item); item = ref(objects.get(item), 'Next')) {
      seen.add(item);
      const dictionary = objects.get(item) ?? '';
      const destination = /\/Dest\s*\[\s*(\d+)\s+0\s+R/.exec(dictionary) ?? /\/D\s*\[\s*(\d+)\s+0\s+R/.exec(dictionary);
      const page = destination ? (pageIndex.get(Number(destination[1])) ?? 0) : 0;
      entries.push({ title: decodeTitle(dictionary), level, page });
      walk(ref(dictionary, 'First'), level + 1);
    }
  };
  walk(ref(objects.get(ref(catalog, 'Outlines') ?? -1), 'First'), 1);
  return { pageCount: pageIndex.size, entries };
}
