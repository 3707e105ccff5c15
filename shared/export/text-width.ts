// How wide a text is in the fonts the document is laid out with, from the glyph advances of the
// metric-compatible fonts (./font-metrics.ts, generated from the installed fonts). Used to size table
// columns to their content, so that no column cuts a word in the middle. The quick page estimate's
// average character width is 14 % short on a word like "Økonomiforvaltningen" in Arial, which is just
// enough to break it; these widths are exact up to kerning (none in table text).
import { FONT_WIDTHS, METRIC_CHARS } from './font-metrics';

const INDEX = new Map<string, number>([...METRIC_CHARS].map((ch, i) => [ch, i]));
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

/** Width in points of `text` on one line, in `font` at `sizePt`. */
export function textWidthPt(text: string, font: string, sizePt: number, bold = false): number {
  const widths = widthsOf(font, bold);
  let em = 0;
  for (const ch of text) {
    const i = INDEX.get(ch);
    const w = i === undefined ? -1 : (widths[i] ?? -1);
    em += w < 0 ? UNKNOWN_EM : w / 1000;
  }
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
