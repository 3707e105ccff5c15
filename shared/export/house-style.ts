// A house style is DATA (templates/styles/<name>.json): fonts, colours, sizes, spacing, page
// margins, cover layout and logo of the published Word document. This module holds its schema and
// type; loading the file and the logo bytes is the host's job (main/export/styles.ts), so the
// exporter itself stays free of Node and runs in the renderer too.
import { z } from 'zod';
import { contrastProblems } from './contrast';

const colour = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'a colour as six hex digits, like "1F4E79"');
const points = (min: number, max: number) => z.number().min(min).max(max);
const millimetres = z.number().min(0).max(100);
/** Fonts every Word installs; LibreOffice maps them to metric-compatible fonts (Carlito, Liberation). */
const fontName = z.string().min(1).max(64);

export const houseStyleSchema = z.object({
  /** File name without extension; what `--style` and `meta.style` name. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  /** Shown in the app's export dialog. */
  label: z.string().min(1),
  description: z.string().optional(),
  fonts: z.object({ body: fontName, heading: fontName }),
  sizes: z.object({
    body: points(8, 14),
    small: points(6, 12),
    title: points(20, 60),
    subtitle: points(12, 30),
    h1: points(12, 32),
    h2: points(11, 24),
    h3: points(10, 18),
    visionStatement: points(10, 24),
  }),
  colours: z.object({
    text: colour,
    heading: colour,
    accent: colour,
    muted: colour,
    tableHeaderFill: colour,
    tableHeaderText: colour,
    tableBorder: colour,
    tableGroupFill: colour,
    visionFill: colour,
    coverBand: colour,
    coverText: colour,
  }),
  spacing: z.object({
    /** Space after a body paragraph. */
    paragraphAfter: points(0, 24),
    /** Line spacing as a multiple of single spacing. */
    line: z.number().min(1).max(2),
    h1Before: points(0, 48),
    h2Before: points(0, 36),
    h3Before: points(0, 24),
    headingAfter: points(0, 24),
  }),
  page: z.object({
    margins: z.object({ top: millimetres, right: millimetres, bottom: millimetres, left: millimetres }),
    header: millimetres,
    footer: millimetres,
  }),
  headings: z.object({
    /** Numbered 1 / 1.1 / 1.1.1 through the heading styles' numbering. */
    numbered: z.boolean(),
    /** Each level-1 heading (vision, perspective, section) starts a new page. */
    chapterOnNewPage: z.boolean(),
    /** Where chapters start a new page; wins over chapterOnNewPage (true: 'always', false: 'never'). See docs/export.md. */
    chapterPageBreak: z.enum(['always', 'auto', 'never']).optional(),
  }),
  cover: z.object({
    /** 'band': title on a coloured band; 'classic': dark title on white with a rule under it. */
    layout: z.enum(['band', 'classic']),
    alignment: z.enum(['left', 'center']),
    /** Space above the title block, pushing it down the page. */
    titleSpaceBefore: points(0, 400),
  }),
  logo: z
    .object({
      /** A PNG next to the style file. */
      file: z.string().regex(/^[A-Za-z0-9._-]+\.png$/, 'a .png file name in the styles folder'),
      /** Width on the cover; the height follows the image's proportions. */
      widthMm: z.number().min(5).max(120),
      /** Width in the page header; 0 leaves the logo out of the header. */
      headerWidthMm: z.number().min(0).max(60),
    })
    .optional(),
});

export type HouseStyle = z.infer<typeof houseStyleSchema>;

/**
 * Where chapters start a new page. 'always': every chapter; 'auto': the body starts on a new page after the
 * contents, then chapters follow on where the last one ended (headings keep with their first lines, so none is
 * stranded at a page's foot, and a short chapter leaves no near-empty page behind); 'never': not even after the
 * contents. Pages still break where the orientation changes (the plans' landscape pages) and before each plan.
 */
export type ChapterPageBreak = NonNullable<HouseStyle['headings']['chapterPageBreak']>;

export function chapterPageBreakOf(style: HouseStyle): ChapterPageBreak {
  return style.headings.chapterPageBreak ?? (style.headings.chapterOnNewPage ? 'always' : 'never');
}

/** The logo as the exporter receives it: bytes and pixel size (read from the PNG header). */
export interface HouseStyleLogo {
  data: Uint8Array;
  widthPx: number;
  heightPx: number;
}

/** Parses a house style, throwing one error that lists every problem as `path: reason`. */
export function parseHouseStyle(value: unknown, where: string): HouseStyle {
  const result = houseStyleSchema.safeParse(value);
  // A published document must be readable (WCAG 2.1 AA, 4.5:1): a style whose text colours are not is refused.
  const unreadable = result.success ? contrastProblems(result.data) : [];
  if (result.success && unreadable.length === 0) return result.data;
  if (result.success) throw new Error(`House style ${where} is invalid: ${unreadable.join('; ')}`);
  const problems = result.error.issues.map((issue) => `/${issue.path.join('/')}: ${issue.message}`);
  throw new Error(`House style ${where} is invalid: ${problems.join('; ')}`);
}

/** Width and height of a PNG from its IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(data: Uint8Array): { widthPx: number; heightPx: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || signature.some((byte, i) => data[i] !== byte)) throw new Error('not a PNG image');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { widthPx: view.getUint32(16), heightPx: view.getUint32(20) };
}
