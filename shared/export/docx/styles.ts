// The Word styles and list definitions of an exported document, made from a house style. The same
// numbers feed the fast page-layout estimate (StyleMetrics), so the two cannot drift apart.
import {
  AlignmentType,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';
import type { HouseStyle } from '../house-style';
import type { ExportLanguage } from '../typography';

/** Paragraph and character style ids used by the exporter. */
export const S = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  coverOrganisation: 'CoverOrganisation',
  coverMeta: 'CoverMeta',
  h1: 'Heading1',
  h2: 'Heading2',
  h3: 'Heading3',
  subheading: 'Subheading',
  tocHeading: 'TOCHeading',
  toc1: 'TOC1',
  toc2: 'TOC2',
  toc3: 'TOC3',
  visionStatement: 'VisionStatement',
  quote: 'Quote',
  label: 'Label',
  goalsHeading: 'GoalsHeading',
  listContinue: 'ListContinue',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  tableGroup: 'TableGroup',
  headerText: 'HeaderText',
  footerText: 'FooterText',
  metaList: 'MetaList',
  hyperlink: 'Hyperlink',
} as const;

/**
 * Paragraph styles set in italics (their specs below say `italics: true`): emphasis inside them is set
 * upright, so that it stays visible (an italic word in an italic box looks like its neighbours).
 */
export const ITALIC_STYLES: ReadonlySet<string> = new Set([S.visionStatement, S.quote]);

export const NUMBERING = { headings: 'pejling-headings', bullets: 'pejling-bullets', ordered: 'pejling-ordered' } as const;

/** What follows a heading's number: an en space, half the heading's size, at every level. */
const HEADING_NUMBER_GAP = '\u2002';

/** Indent of list level n (0-based), in twips: 0.25 in per level, number in the hanging part. */
export const LIST_INDENT = (level: number) => 360 * (level + 1);
export const LIST_HANGING = 360;

const twips = (points: number) => Math.round(points * 20);
const halfPoints = (points: number) => Math.round(points * 2);
/** Line spacing in 240ths of a line (Word's "auto" rule). */
const lineOf = (style: HouseStyle) => Math.round(style.spacing.line * 240);

/** What the layout estimate needs to know about a paragraph style. */
export interface StyleMetrics {
  fontPt: number;
  font: string;
  bold: boolean;
  /** Multiple of single spacing. */
  line: number;
  beforePt: number;
  afterPt: number;
  indentLeftTw: number;
  pageBreakBefore: boolean;
  keepNext: boolean;
  keepLines: boolean;
  /** Height the paragraph's top and bottom borders add (their width and spacing), in points. */
  borderPt: number;
}

interface StyleSpec {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  font: 'body' | 'heading';
  size: number;
  bold?: boolean;
  italics?: boolean;
  colour?: string;
  before?: number;
  after?: number;
  line?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  outlineLevel?: number;
  indentLeft?: number;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  numberingLevel?: number;
  shading?: string;
  borderLeft?: string;
  borderBottom?: string;
  /** Top and bottom borders in this colour (the shading's): padding inside a shaded box. */
  padding?: string;
  allCaps?: boolean;
  uiPriority?: number;
}

/** The exporter's paragraph styles, as plain specs (one place for both Word and the estimate). */
function styleSpecs(style: HouseStyle): StyleSpec[] {
  const { sizes, colours, spacing } = style;
  const body = sizes.body;
  const numbered = style.headings.numbered;
  return [
    { id: S.normal, name: 'Normal', font: 'body', size: body, after: spacing.paragraphAfter, line: spacing.line },
    { id: S.title, name: 'Title', font: 'heading', size: sizes.title, bold: true, colour: colours.coverText, after: 12, line: 1, keepNext: true, uiPriority: 10 },
    { id: S.subtitle, name: 'Subtitle', font: 'heading', size: sizes.subtitle, colour: colours.coverText, after: 18, line: 1.05, keepNext: true, uiPriority: 11 },
    { id: S.coverOrganisation, name: 'Cover Organisation', font: 'heading', size: sizes.h2, bold: true, colour: colours.heading, before: 18, after: 4, line: 1, keepNext: true },
    { id: S.coverMeta, name: 'Cover Meta', font: 'body', size: body, colour: colours.muted, after: 2, line: 1 },
    {
      id: S.h1, name: 'heading 1', font: 'heading', size: sizes.h1, bold: true, colour: colours.heading,
      before: spacing.h1Before, after: spacing.headingAfter + 4, line: 1, keepNext: true, keepLines: true,
      outlineLevel: 0, numberingLevel: numbered ? 0 : undefined,
      borderBottom: colours.accent, uiPriority: 9,
    },
    {
      id: S.h2, name: 'heading 2', font: 'heading', size: sizes.h2, bold: true, colour: colours.heading,
      before: spacing.h2Before, after: spacing.headingAfter, line: 1, keepNext: true, keepLines: true,
      outlineLevel: 1, numberingLevel: numbered ? 1 : undefined, uiPriority: 9,
    },
    {
      id: S.h3, name: 'heading 3', font: 'heading', size: sizes.h3, bold: true, colour: colours.heading,
      before: spacing.h3Before, after: spacing.headingAfter, line: 1, keepNext: true, keepLines: true,
      outlineLevel: 2, numberingLevel: numbered ? 2 : undefined, uiPriority: 9,
    },
    { id: S.subheading, name: 'Subheading', font: 'heading', size: body, bold: true, colour: colours.heading, before: spacing.h3Before, after: 3, line: 1, keepNext: true },
    { id: S.tocHeading, name: 'TOC Heading', font: 'heading', size: sizes.h1, bold: true, colour: colours.heading, after: 12, line: 1, keepNext: true, borderBottom: colours.accent },
    { id: S.toc1, name: 'toc 1', font: 'body', size: body, bold: true, before: 6, after: 2, line: 1, uiPriority: 39 },
    { id: S.toc2, name: 'toc 2', font: 'body', size: body, after: 1, line: 1, indentLeft: 240, uiPriority: 39 },
    { id: S.toc3, name: 'toc 3', font: 'body', size: sizes.small + 0.5, after: 1, line: 1, indentLeft: 480, uiPriority: 39 },
    {
      id: S.visionStatement, name: 'Vision Statement', font: 'heading', size: sizes.visionStatement, italics: true,
      colour: colours.heading, before: 6, after: 14, line: 1.15, shading: colours.visionFill, borderLeft: colours.accent,
      padding: colours.visionFill, indentLeft: 240, keepLines: true,
    },
    { id: S.quote, name: 'Quote', font: 'body', size: body, italics: true, colour: colours.muted, after: spacing.paragraphAfter, line: spacing.line, indentLeft: 567, borderLeft: colours.tableBorder },
    { id: S.label, name: 'Label', font: 'heading', size: body, bold: true, colour: colours.heading, before: 6, after: 3, line: 1, keepNext: true },
    // "Målsætninger" over a focus area's goals: a real heading one level below the focus area (outline level
    // 3, so the PDF tags it H3 and Word's navigation lists it), in a style of its own, not Heading 3, so the
    // contents (built-in heading styles 1–3) do not list it under every focus area. Looks like Label.
    {
      id: S.goalsHeading, name: 'Goals Heading', font: 'heading', size: body, bold: true, colour: colours.heading,
      before: 6, after: 3, line: 1, keepNext: true, keepLines: true, outlineLevel: 2,
    },
    { id: S.listContinue, name: 'List Continue', font: 'body', size: body, after: 4, line: spacing.line },
    { id: S.tableText, name: 'Table Text', font: 'body', size: sizes.small, after: 2, line: 1 },
    { id: S.tableHeading, name: 'Table Heading', font: 'body', size: sizes.small, bold: true, colour: colours.tableHeaderText, after: 0, line: 1 },
    { id: S.tableGroup, name: 'Table Group', font: 'heading', size: sizes.small + 0.5, bold: true, colour: colours.heading, after: 0, line: 1, keepNext: true },
    { id: S.headerText, name: 'header', font: 'body', size: sizes.small, colour: colours.muted, after: 0, line: 1, alignment: AlignmentType.RIGHT },
    { id: S.footerText, name: 'footer', font: 'body', size: sizes.small, colour: colours.muted, after: 0, line: 1, alignment: AlignmentType.RIGHT },
    { id: S.metaList, name: 'Meta List', font: 'body', size: body, after: 4, line: spacing.line },
  ];
}

function toParagraphStyle(spec: StyleSpec, style: HouseStyle): IParagraphStyleOptions {
  const font = spec.font === 'heading' ? style.fonts.heading : style.fonts.body;
  const border = (colour: string, size: number, space: number) => ({ style: 'single' as const, size, color: colour, space });
  return {
    id: spec.id,
    name: spec.name,
    basedOn: spec.id === S.normal ? undefined : S.normal,
    next: spec.next ?? (spec.id.startsWith('Heading') || spec.id === S.title ? S.normal : undefined),
    quickFormat: true,
    uiPriority: spec.uiPriority,
    run: {
      font,
      size: halfPoints(spec.size),
      bold: spec.bold,
      italics: spec.italics,
      color: spec.colour ?? style.colours.text,
      allCaps: spec.allCaps,
    },
    paragraph: {
      alignment: spec.alignment,
      spacing: {
        before: spec.before === undefined ? undefined : twips(spec.before),
        after: spec.after === undefined ? undefined : twips(spec.after),
        line: spec.line === undefined ? undefined : Math.round(spec.line * 240),
        // Without an explicit rule LibreOffice reads the value as an exact height and clips.
        lineRule: spec.line === undefined ? undefined : LineRuleType.AUTO,
      },
      keepNext: spec.keepNext,
      keepLines: spec.keepLines,
      pageBreakBefore: spec.pageBreakBefore,
      outlineLevel: spec.outlineLevel,
      indent: spec.indentLeft === undefined ? undefined : { left: spec.indentLeft },
      numbering: spec.numberingLevel === undefined ? undefined : { reference: NUMBERING.headings, level: spec.numberingLevel },
      shading: spec.shading ? { type: 'clear', color: 'auto', fill: spec.shading } : undefined,
      border: {
        ...(spec.borderLeft ? { left: border(spec.borderLeft, 24, 8) } : {}),
        ...(spec.borderBottom ? { bottom: border(spec.borderBottom, 8, 4) } : {}),
        ...(spec.padding ? { top: border(spec.padding, 8, 6), bottom: border(spec.padding, 8, 6) } : {}),
      },
    },
  } as IParagraphStyleOptions;
}

export function documentStyles(style: HouseStyle, lang: ExportLanguage): IStylesOptions {
  const language = lang === 'en' ? 'en-GB' : 'da-DK';
  return {
    default: {
      document: {
        run: { font: style.fonts.body, size: halfPoints(style.sizes.body), color: style.colours.text, language: { value: language } },
        paragraph: { spacing: { after: twips(style.spacing.paragraphAfter), line: lineOf(style), lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: styleSpecs(style).map((spec) => toParagraphStyle(spec, style)),
    characterStyles: [
      { id: S.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: style.colours.accent, underline: { type: 'single' } } },
    ],
  };
}

/** Heading numbers 1 / 1.1 / 1.1.1, the bullets and the ordered lists. */
export function documentNumbering(style: HouseStyle): INumberingOptions {
  const runOf = (size: number) => ({ font: style.fonts.heading, size: halfPoints(size), bold: true, color: style.colours.heading });
  const headingSizes = [style.sizes.h1, style.sizes.h2, style.sizes.h3];
  const bullets = ['•', '–', '▪', '•'];
  const orderedFormats = [
    { format: LevelFormat.DECIMAL, text: (l: number) => `%${l + 1}.` },
    { format: LevelFormat.LOWER_LETTER, text: (l: number) => `%${l + 1})` },
    { format: LevelFormat.LOWER_ROMAN, text: (l: number) => `%${l + 1}.` },
    { format: LevelFormat.DECIMAL, text: (l: number) => `%${l + 1})` },
  ];
  return {
    config: [
      {
        reference: NUMBERING.headings,
        // The same gap after every number: an en space after it, not a tab to a hanging indent (a tab's
        // gap shrinks as the number grows: "1" and "10", "3" and "3.1" stood at different distances).
        levels: [0, 1, 2].map((level) => ({
          level,
          format: LevelFormat.DECIMAL,
          text: `${['%1', '%1.%2', '%1.%2.%3'][level]}${HEADING_NUMBER_GAP}`,
          alignment: AlignmentType.LEFT,
          suffix: LevelSuffix.NOTHING,
          style: {
            run: runOf(headingSizes[level] ?? style.sizes.h3),
            paragraph: { indent: { left: 0, hanging: 0 } },
            style: [S.h1, S.h2, S.h3][level],
          },
        })),
      },
      {
        reference: NUMBERING.bullets,
        levels: bullets.map((text, level) => ({
          level,
          format: LevelFormat.BULLET,
          text,
          alignment: AlignmentType.LEFT,
          style: {
            run: { color: style.colours.accent },
            paragraph: { indent: { left: LIST_INDENT(level), hanging: LIST_HANGING } },
          },
        })),
      },
      {
        reference: NUMBERING.ordered,
        levels: orderedFormats.map(({ format, text }, level) => ({
          level,
          format,
          text: text(level),
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: LIST_INDENT(level), hanging: LIST_HANGING } } },
        })),
      },
    ],
  };
}

/** Metrics of every paragraph style, for the fast layout estimate. */
export function styleMetrics(style: HouseStyle): Map<string, StyleMetrics> {
  const metrics = new Map<string, StyleMetrics>();
  for (const spec of styleSpecs(style)) {
    metrics.set(spec.id, {
      fontPt: spec.size,
      font: spec.font === 'heading' ? style.fonts.heading : style.fonts.body,
      bold: spec.bold ?? false,
      line: spec.line ?? style.spacing.line,
      beforePt: spec.before ?? 0,
      afterPt: spec.after ?? style.spacing.paragraphAfter,
      indentLeftTw: spec.indentLeft ?? 0,
      pageBreakBefore: spec.pageBreakBefore ?? false,
      keepNext: spec.keepNext ?? false,
      keepLines: spec.keepLines ?? false,
      // A border adds its width and its space to the paragraph (a bottom rule 4.9 pt in LibreOffice's layout).
      borderPt: (spec.borderBottom ? 1 + 4 : 0) + (spec.padding ? 2 * (1 + 6) : 0),
    });
  }
  return metrics;
}
