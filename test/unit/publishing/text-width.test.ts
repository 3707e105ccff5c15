// Text widths from the fonts' glyph advances (shared/export/text-width.ts): the per-font table by code unit
// gives the same widths as adding each character's advance, characters outside the metrics (also a
// surrogate pair, counted once) are UNKNOWN_EM wide, and a font's name is matched without regard to case.
import { describe, expect, it } from 'vitest';
import { FONT_WIDTHS, METRIC_CHARS } from '../../../shared/export/font-metrics';
import { emAt, emTable, longestPiecePt, textWidthPt } from '../../../shared/export/text-width';

const chars = [...METRIC_CHARS];
/** One character's advance read straight from the generated metrics, in em. */
const advance = (ch: string, bold = false): number => {
  const i = chars.lastIndexOf(ch);
  const w = i < 0 ? undefined : (bold ? FONT_WIDTHS.arial?.bold : FONT_WIDTHS.arial?.regular)?.[i];
  return w === undefined || w < 0 ? 0.75 : w / 1000;
};

describe('text widths', () => {
  it('a text is as wide as its characters, added in order, at the size asked for', () => {
    const text = 'Økonomiforvaltningen – 1.234 kr. «citat»';
    const expected = [...text].reduce((em, ch) => em + advance(ch), 0) * 9;
    expect(textWidthPt(text, 'Arial', 9)).toBe(expected);
    expect(textWidthPt(text, 'Arial', 9, true)).toBe([...text].reduce((em, ch) => em + advance(ch, true), 0) * 9);
    // bold is wider; 'Liberation Sans' and 'ARIAL' are Arial's metrics
    expect(textWidthPt(text, 'Arial', 9, true)).toBeGreaterThan(textWidthPt(text, 'Arial', 9));
    expect(textWidthPt(text, 'Liberation Sans', 9)).toBe(expected);
    expect(textWidthPt(text, 'ARIAL', 9)).toBe(expected);
  });

  it('a character outside the metrics is 0.75 em; a surrogate pair is one such character, a lone half too', () => {
    expect(textWidthPt('😀', 'Arial', 10)).toBe(7.5);
    expect(textWidthPt('a😀b', 'Arial', 10)).toBe((advance('a') + 0.75 + advance('b')) * 10);
    expect(textWidthPt('\ud83d', 'Arial', 10)).toBe(7.5);
    expect(textWidthPt('\ude00x', 'Arial', 10)).toBe((0.75 + advance('x')) * 10);
    const table = emTable('Arial');
    expect(emAt(table, '😀', 0)).toBe(0.75);
    expect(emAt(table, '😀', 1)).toBe(0);
  });

  it("the longest unbreakable piece: words split at spaces and after hyphens, not at no-break spaces", () => {
    const word = textWidthPt('Økonomiforvaltningen', 'Arial', 9);
    expect(longestPiecePt('i Økonomiforvaltningen nu', 'Arial', 9)).toBe(word);
    expect(longestPiecePt('dec.\u00a02012', 'Arial', 9)).toBe(textWidthPt('dec.\u00a02012', 'Arial', 9));
    expect(longestPiecePt('it-afdeling', 'Arial', 9)).toBe(textWidthPt('afdeling', 'Arial', 9));
    expect(longestPiecePt('', 'Arial', 9)).toBe(0);
  });
});
