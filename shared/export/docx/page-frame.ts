// Page geometry, header and footer of each section: A4, the house style's margins, the title in
// the header and "<organisation> · Side X af Y" in the footer with real PAGE / NUMPAGES fields.
import {
  Footer,
  Header,
  ImageRun,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { textWidthPt } from '../text-width';
import type { RenderContext } from './context';
import type { Block } from './rich';
import { S } from './styles';

const A4 = { width: 11906, height: 16838 };
export const mm = (millimetres: number) => Math.round(millimetres * 56.6929);

export type Orientation = 'portrait' | 'landscape';

/** Width of the text area in twips for an orientation under the house style's margins. */
export function textWidthOf(ctx: RenderContext, orientation: Orientation): number {
  const { margins } = ctx.style.page;
  const pageWidth = orientation === 'portrait' ? A4.width : A4.height;
  return pageWidth - mm(margins.left) - mm(margins.right);
}

/** Pixels (at 96 dpi, what docx expects) for a width in millimetres, height from the logo's proportions. */
export function logoSize(ctx: RenderContext, widthMm: number): { width: number; height: number } | undefined {
  const logo = ctx.logo;
  if (!logo || logo.widthPx === 0) return undefined;
  const width = Math.round((widthMm / 25.4) * 96);
  return { width, height: Math.round((width * logo.heightPx) / logo.widthPx) };
}

function headerLogo(ctx: RenderContext): TextRun[] | ImageRun[] {
  const widthMm = ctx.style.logo?.headerWidthMm ?? 0;
  const size = widthMm > 0 ? logoSize(ctx, widthMm) : undefined;
  if (!ctx.logo || !size) return [];
  // The cover carries the logo with its alternative text; in the header it repeats on every
  // page and is marked decorative, so screen readers do not announce it again and again.
  return [new ImageRun({ type: 'png', data: ctx.logo.data, transformation: size, decorative: true, altText: { name: 'Logo' } })];
}

const ELLIPSIS = '\u2026';

/**
 * The title as it fits on one line of `widthPt` in the header's font: whole, or cut after the last word
 * that fits and ended with an ellipsis, so a long title never wraps the running header onto more lines.
 */
export function fitOnOneLine(ctx: RenderContext, title: string, widthPt: number): string {
  const font = ctx.style.fonts.body;
  const size = ctx.style.sizes.small;
  const fits = (text: string) => textWidthPt(text, font, size) <= widthPt;
  if (fits(title)) return title;
  const words = title.split(/\s+/);
  let shown = '';
  for (const word of words) {
    const next = shown === '' ? word : `${shown} ${word}`;
    if (!fits(`${next}${ELLIPSIS}`)) break;
    shown = next;
  }
  if (shown === '') {
    // One word longer than the line: cut it by characters.
    for (const ch of title) {
      if (!fits(`${shown}${ch}${ELLIPSIS}`)) break;
      shown += ch;
    }
  }
  return `${shown.replace(/[\s,;:–-]+$/, '')}${ELLIPSIS}`;
}

/** Room the header's line gives the title: the text width less the logo and the spaces after it, with a margin for rounding. */
function headerTitleWidthPt(ctx: RenderContext, orientation: Orientation, hasLogo: boolean): number {
  const logoMm = hasLogo ? (ctx.style.logo?.headerWidthMm ?? 0) : 0;
  const spacesPt = hasLogo ? 3 * textWidthPt(' ', ctx.style.fonts.body, ctx.style.sizes.small) : 0;
  return (textWidthOf(ctx, orientation) / 20) * 0.97 - (logoMm / 25.4) * 72 - spacesPt;
}

function header(ctx: RenderContext, orientation: Orientation): Header {
  const { meta } = ctx.strategy;
  const logo = headerLogo(ctx);
  const title = fitOnOneLine(ctx, ctx.typo(meta.title), headerTitleWidthPt(ctx, orientation, logo.length > 0));
  return new Header({
    children: [
      new Paragraph({
        style: S.headerText,
        border: { bottom: { style: 'single', size: 4, color: ctx.style.colours.tableBorder, space: 4 } },
        children: [...logo, new TextRun({ text: `${logo.length > 0 ? '   ' : ''}${title}` })],
      }),
    ],
  });
}

function footer(ctx: RenderContext): Footer {
  const { texts } = ctx;
  return new Footer({
    children: [
      new Paragraph({
        style: S.footerText,
        children: [
          new TextRun({
            children: [`${ctx.typo(ctx.strategy.meta.organisation)} · ${texts.page} `, PageNumber.CURRENT, ` ${texts.of} `, PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

export interface SectionSpec {
  orientation: Orientation;
  /** The first page is a cover: no header and no footer on it (the pages are still counted from it). */
  cover?: boolean;
  children: Block[];
}

/** A docx section with the house style's page, header and footer. */
export function section(ctx: RenderContext, spec: SectionSpec): ISectionOptions {
  const { margins, header: headerMm, footer: footerMm } = ctx.style.page;
  return {
    properties: {
      titlePage: spec.cover ?? false,
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: spec.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: mm(margins.top),
          right: mm(margins.right),
          bottom: mm(margins.bottom),
          left: mm(margins.left),
          header: mm(headerMm),
          footer: mm(footerMm),
        },
      },
    },
    headers: {
      default: header(ctx, spec.orientation),
      // Word writes an empty header as one empty paragraph; so do we (docx/layout needs it too).
      ...(spec.cover ? { first: new Header({ children: [new Paragraph({ style: S.headerText, children: [] })] }) } : {}),
    },
    footers: {
      default: footer(ctx),
      // The cover carries no footer ("Side 1 af 16" does not belong on a title page); the count still includes it.
      ...(spec.cover ? { first: new Footer({ children: [new Paragraph({ style: S.footerText, children: [] })] }) } : {}),
    },
    children: spec.children,
  };
}
