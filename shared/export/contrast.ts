// WCAG 2.1 contrast of a house style's colours (issue 16: the published document must meet the web
// accessibility law, i.e. WCAG 2.1 AA: 4.5:1 for text). The formula is the one of WCAG's "relative
// luminance" definition; a dozen lines, so written here rather than taking a colour library for it.
import type { HouseStyle } from './house-style';

/** WCAG AA for body-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** The contrast ratio of two colours given as six hex digits ("1A1A1A"), from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

export interface ColourPair {
  /** The colour keys, as in the style file: "colours/accent on colours/visionFill". */
  text: string;
  background: string;
  ratio: number;
}

const PAGE = 'FFFFFF';

/**
 * Every text colour of the Word document on every background it is set on (shared/export/docx/styles.ts,
 * tables.ts): body text, headings, muted text and links (accent) on the page; headings, text and links in
 * the vision box; table header text on its fill; group rows; the cover's title on its band (or the page).
 */
export function colourPairs(style: HouseStyle): ColourPair[] {
  const c = style.colours;
  const pairs: [keyof typeof c | 'page', keyof typeof c | 'page'][] = [
    ['text', 'page'],
    ['heading', 'page'],
    ['muted', 'page'],
    ['accent', 'page'],
    ['text', 'visionFill'],
    ['heading', 'visionFill'],
    ['muted', 'visionFill'],
    ['accent', 'visionFill'],
    ['tableHeaderText', 'tableHeaderFill'],
    ['text', 'tableGroupFill'],
    ['heading', 'tableGroupFill'],
    ['accent', 'tableGroupFill'],
    ['coverText', style.cover.layout === 'band' ? 'coverBand' : 'page'],
  ];
  const value = (key: keyof typeof c | 'page'): string => (key === 'page' ? PAGE : c[key]);
  const name = (key: keyof typeof c | 'page'): string => (key === 'page' ? 'the page (FFFFFF)' : `colours/${key}`);
  return pairs.map(([text, background]) => ({ text: name(text), background: name(background), ratio: contrastRatio(value(text), value(background)) }));
}

/** The pairs below 4.5:1, as `text on background: ratio` problems (empty when the style is readable). */
export function contrastProblems(style: HouseStyle): string[] {
  return colourPairs(style)
    .filter((p) => p.ratio < MIN_TEXT_CONTRAST)
    .map((p) => `/${p.text}: contrast ${p.ratio.toFixed(2)}:1 on ${p.background}, below ${MIN_TEXT_CONTRAST}:1 (WCAG 2.1 AA)`);
}
