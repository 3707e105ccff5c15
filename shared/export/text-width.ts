// How wide a text is in the fonts the document is laid out with, from the glyph advances of the
// metric-compatible fonts (./font-metrics.ts, generated from the installed fonts). Used to size table
// columns to their content, so that no column cuts a word in the middle. The quick page estimate's
// average character width is 14 % short on a word like "Økonomiforvaltningen" in Arial, which is just
// enough to break it; these widths are exact up to kerning (none in table text).
import { FONT_WIDTHS, METRIC_CHARS } from './font-metrics';

/** Fonts Word documents name, to the metrics of the font LibreOffice substitutes for them. */
const ALIASES: Record<string, string> = {
  arial: 'arial',
  helvetica: 'arial',
  'liberation sans': 'arial',
  calibri: 'calibri',
  carlito: 'calibri',
  'times new roman': 'times new roman',
  'liberation serif': 'times new roman',
};
/** A character outside the table (or a font without it): as wide as a capital M is narrow, a safe guess. */
const UNKNOWN_EM = 0.75;

function widthsOf(font: string, bold: boolean): readonly number[] {
  const table = FONT_WIDTHS[ALIASES[font.toLowerCase()] ?? 'arial'] ?? FONT_WIDTHS.arial;
  return (bold ? table?.bold : table?.regular) ?? [];
}

// Why a table per font by UTF-16 code unit (measured, `bench/export-child.ts` on the large strategy: 309 pages):
// the quick page estimate asks for the width of every character of the document, the column sizing for every
// word of every cell. With a Map lookup per character and the font's name folded per call, widths cost
// 86 ms of a 1.85 s export (self time of textWidthPt and widthsOf); one array read per character brings
// that to about 1 ms. The sums are the same numbers: the same em values, added in the same order.
const CODE_LIMIT = Math.max(...[...METRIC_CHARS].map((ch) => ch.charCodeAt(0))) + 1;
const EM_TABLES = new Map<string, Float64Array>();

/** The em width of each UTF-16 code unit below CODE_LIMIT in `font` (as a document names it), UNKNOWN_EM where the metrics have none. */
export function emTable(font: string, bold = false): Float64Array {
  const key = `${bold ? 'b' : 'r'}:${font}`;
  let table = EM_TABLES.get(key);
  if (!table) {
    const widths = widthsOf(font, bold);
    table = new Float64Array(CODE_LIMIT).fill(UNKNOWN_EM);
    [...METRIC_CHARS].forEach((ch, i) => {
      const w = widths[i] ?? -1;
      if (w >= 0) table![ch.charCodeAt(0)] = w / 1000;
    });
    EM_TABLES.set(key, table);
  }
  return table;
}

/**
 * The em width of the UTF-16 code unit of `text` at `i` (from `emTable`). A surrogate pair is one
 * character outside the metrics: UNKNOWN_EM at its first half, 0 at its second.
 */
export function emAt(table: Float64Array, text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < CODE_LIMIT) return table[code]!;
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
    const before = text.charCodeAt(i - 1);
    if (before >= 0xd800 && before <= 0xdbff) return 0;
  }
  return UNKNOWN_EM;
}

/** Width in points of `text` on one line, in `font` at `sizePt`. */
export function textWidthPt(text: string, font: string, sizePt: number, bold = false): number {
  const table = emTable(font, bold);
  let em = 0;
  for (let i = 0; i < text.length; i++) em += emAt(table, text, i);
  return em * sizePt;
}

/**
 * The pieces a line may not be broken inside: words split at spaces (not no-break spaces) and after a
 * hyphen or a slash, where LibreOffice and Word break. A soft hyphen is a break too (the piece before it
 * then carries the hyphen shown at the break).
 */
export function unbreakablePieces(text: string): string[] {
  return text
    .split(/[ \t\n\u2002\u2003\u2009]+/)
    .flatMap((word) => word.split(/(?<=[-/\u00ad])/))
    .map((piece) => piece.replace(/\u00ad$/, '-').replace(/\u00ad/g, ''))
    .filter((piece) => piece !== '');
}

/** Width in points of the widest piece of `text` that cannot be broken (see unbreakablePieces). */
export function longestPiecePt(text: string, font: string, sizePt: number, bold = false): number {
  return Math.max(0, ...unbreakablePieces(text).map((piece) => textWidthPt(piece, font, sizePt, bold)));
}
