// Recognising a Word document's structure: which paragraphs are headings (and at which level), what is cover,
// table of contents and typed page lines, and the role each heading most likely has in a Pejling strategy
// (free section, vision, principles, perspective, focus area, action plan …). Pure: the outline it returns is
// what the preview shows, and ./build.ts turns the outline, with the roles the user confirmed, into a strategy.
import { paragraphText, type RawDocument, type RawParagraph } from './raw';
import {
  isAboutTitle,
  isFocusAreaChapterTitle,
  isGoalLabel,
  isPageLine,
  isPlansTitle,
  isPrinciplesTitle,
  isTocHeading,
  isTypedTocLine,
  isVisionTitle,
  numberDepth,
  stripHeadingNumber,
} from './text';
import { isInitiativeTable } from './plan-table';

export const HEADING_ROLES = [
  'section',
  'vision',
  'principles',
  'perspective',
  'focusAreas',
  'focusArea',
  'actionPlans',
  'actionPlan',
  'about',
  'ignore',
] as const;
/**
 * section: a free section (or, under another heading, a subheading of its text); vision; principles: the
 * principles or bearings of the vision or perspective above; perspective; focusAreas: a chapter that holds
 * focus areas without a perspective level (a hidden perspective); focusArea; actionPlans: the chapter over the
 * plans; actionPlan: one plan (its tables become initiatives); about: "Om strategien" (the cover's facts);
 * ignore: left out (and said so in the report).
 */
export type HeadingRole = (typeof HEADING_ROLES)[number];

export interface OutlineHeading {
  /** Index of the heading's paragraph in RawDocument.blocks. */
  block: number;
  /** 1 = the document's top level (levels are shifted so that the highest heading used is 1). */
  level: number;
  /** The heading's text without its typed number. */
  title: string;
  /** A typed number ("4.1") that was stripped. */
  number?: string;
  /** 'style': a heading style; 'bold': a bold paragraph standing alone, taken for a heading. */
  source: 'style' | 'bold';
  role: HeadingRole;
}

export type BlockClass = 'content' | 'heading' | 'cover' | 'toc' | 'page' | 'empty';

export interface ImportOutline {
  headings: OutlineHeading[];
  /** One class per raw block. */
  classes: BlockClass[];
  /** The detected levels (0 = no perspective level). */
  perspectiveLevel: number;
  focusAreaLevel: number;
}

export interface RecogniseOptions {
  /** Overrides the detection: headings at this level are perspectives; 0 = the strategy has no perspective level. */
  perspectiveLevel?: number;
  /** Overrides the detection: headings at this level are focus areas. */
  focusAreaLevel?: number;
}

const HEADING_STYLE = /(?:^|\s|[-_])(heading|overskrift)\s*([1-9])$/i;
const TOC_STYLE = /^(toc|indholdsfortegnelse|indhold)\s*\d$|^toc heading$|^overskrift til indholdsfortegnelse$/i;
const TITLE_STYLE = /^(title|titel|subtitle|undertitel|cover.*|forside.*)$/i;

function styleOf(paragraph: RawParagraph): string {
  return (paragraph.styleName ?? paragraph.styleId ?? '').trim();
}

/** The heading level a paragraph's style gives it (Danish "Overskrift1" / built-in "heading 1"), or 0. */
export function styleHeadingLevel(paragraph: RawParagraph): number {
  for (const name of [paragraph.styleName, paragraph.styleId]) {
    if (!name) continue;
    const match = HEADING_STYLE.exec(name.replace(/(\D)(\d)$/, '$1 $2'));
    if (match?.[2]) return Number(match[2]);
  }
  return 0;
}

function isTocParagraph(paragraph: RawParagraph): boolean {
  const style = styleOf(paragraph);
  return TOC_STYLE.test(style) || TOC_STYLE.test(paragraph.styleId ?? '');
}

/**
 * A bold paragraph standing alone used as a heading (mammoth keeps no direct formatting in its HTML, but its
 * tree has each run's bold): short, every letter bold, no list item, no sentence ending, not a goal label.
 */
function isBoldHeading(paragraph: RawParagraph, text: string): boolean {
  if (paragraph.list || text.length < 2 || text.length > 120) return false;
  if (/[.:;,]$/.test(text) || isGoalLabel(text)) return false;
  // "Periode: 2025–2028", "Status: Vedtaget": a fact in bold, not a heading ("Tema 1: Service" still is one).
  const fact = /^([^:]{1,40}):\s+(\S)/.exec(text);
  if (fact && (/\d/.test(fact[2] ?? '') || /^(periode|period|version|dato|date|status|udarbejdet af|prepared by|kontakt|contact|ansvarlig|owner|opdragsgiver)$/i.test(fact[1]!.trim()))) return false;
  const visible = paragraph.runs.filter((run) => run.text.trim() !== '');
  return /\p{L}/u.test(text) && visible.length > 0 && visible.every((run) => run.bold === true);
}

function classify(raw: RawDocument): { classes: BlockClass[]; headings: Omit<OutlineHeading, 'role'>[] } {
  const classes: BlockClass[] = [];
  const headings: Omit<OutlineHeading, 'role'>[] = [];
  const styled = raw.blocks.some((block) => block.kind === 'paragraph' && styleHeadingLevel(block) > 0);
  let seenHeading = false;
  let inToc = false;
  let lastStyledLevel = 0;
  raw.blocks.forEach((block, index) => {
    if (block.kind === 'table') {
      classes.push(seenHeading ? 'content' : 'cover');
      inToc = false;
      return;
    }
    const typed = paragraphText(block).trim();
    const text = typed.replace(/\s+/g, ' ');
    if (text === '') {
      classes.push('empty');
      return;
    }
    if (isTocParagraph(block) || (inToc && isTypedTocLine(typed))) {
      classes.push('toc');
      inToc = true;
      return;
    }
    if (isTocHeading(text) && styleHeadingLevel(block) <= 1) {
      classes.push('toc');
      inToc = true;
      return;
    }
    if (!seenHeading && isTypedTocLine(typed)) {
      classes.push('toc');
      inToc = true;
      return;
    }
    inToc = false;
    if (isPageLine(text)) {
      classes.push('page');
      return;
    }
    const level = styleHeadingLevel(block);
    const { number, title } = stripHeadingNumber(text);
    if (level > 0) {
      lastStyledLevel = level;
      seenHeading = true;
      classes.push('heading');
      headings.push({ block: index, level, title, ...(number ? { number } : {}), source: 'style' });
      return;
    }
    if (!TITLE_STYLE.test(styleOf(block)) && isBoldHeading(block, text) && (seenHeading || number !== undefined || !styled)) {
      // Below a styled heading a bold line is one level deeper; with no styles at all its typed number says how deep.
      const boldLevel = styled ? Math.min(9, lastStyledLevel + 1) : Math.max(1, numberDepth(number));
      seenHeading = true;
      classes.push('heading');
      headings.push({ block: index, level: boldLevel, title, ...(number ? { number } : {}), source: 'bold' });
      return;
    }
    classes.push(seenHeading ? 'content' : 'cover');
  });
  // Shift levels so that the highest heading used is level 1 (documents that start at "heading 2").
  const top = Math.min(...headings.map((h) => h.level));
  if (Number.isFinite(top) && top > 1) for (const heading of headings) heading.level -= top - 1;
  return { classes, headings };
}

/** Direct subheadings of heading i: the next deeper level found before a heading at i's level or above. */
function childrenOf(headings: { level: number }[], i: number): number[] {
  const level = headings[i]!.level;
  const out: number[] = [];
  let childLevel = Infinity;
  for (let j = i + 1; j < headings.length && headings[j]!.level > level; j++) childLevel = Math.min(childLevel, headings[j]!.level);
  for (let j = i + 1; j < headings.length && headings[j]!.level > level; j++) if (headings[j]!.level === childLevel) out.push(j);
  return out;
}

function hasInitiativeTable(raw: RawDocument, headings: { block: number; level: number }[], i: number): boolean {
  const start = headings[i]!.block;
  const next = headings.slice(i + 1).find((h) => h.level <= headings[i]!.level);
  const end = next ? next.block : raw.blocks.length;
  return raw.blocks.slice(start + 1, end).some((block) => block.kind === 'table' && isInitiativeTable(block));
}

/** The outline of a document with a role suggested for every heading. */
export function recogniseOutline(raw: RawDocument, options: RecogniseOptions = {}): ImportOutline {
  const { classes, headings: found } = classify(raw);
  const roles: HeadingRole[] = found.map(() => 'section');
  const top = found.map((h, i) => ({ h, i })).filter(({ h }) => h.level === 1);
  const firstContentAfter = (i: number) => {
    const start = found[i]!.block;
    for (let b = start + 1; b < raw.blocks.length; b++) {
      const block = raw.blocks[b]!;
      if (classes[b] === 'content' && block.kind === 'paragraph') return block;
      if (classes[b] === 'heading') return undefined;
    }
    return undefined;
  };
  const vision = top.find(({ h, i }) => isVisionTitle(h.title) || /vision/i.test(styleOf(firstContentAfter(i) ?? { kind: 'paragraph', runs: [] })))?.i ?? -1;
  let perspectiveLevel = 0;
  let focusAreaLevel = 0;
  const markFocusAreas = (parent: number) => {
    for (const child of childrenOf(found, parent)) {
      roles[child] = isPrinciplesTitle(found[child]!.title) ? 'principles' : 'focusArea';
      focusAreaLevel ||= found[child]!.level;
    }
  };
  for (const { h, i } of top) {
    const kids = childrenOf(found, i);
    if (i === vision) {
      roles[i] = 'vision';
      for (const kid of kids) if (isPrinciplesTitle(found[kid]!.title)) roles[kid] = 'principles';
    } else if (isAboutTitle(h.title)) roles[i] = 'about';
    else if (isPlansTitle(h.title) || (kids.length === 0 && hasInitiativeTable(raw, found, i))) {
      if (kids.length === 0) roles[i] = 'actionPlan';
      else {
        roles[i] = 'actionPlans';
        for (const kid of kids) roles[kid] = 'actionPlan';
      }
    } else if (isFocusAreaChapterTitle(h.title) && kids.length > 0) {
      // Focus areas straight under an "Indsatsområder" chapter: the strategy has no perspective level. When
      // the chapter's children have children of their own, they are the perspectives and the chapter a section.
      const nested = kids.some((kid) => childrenOf(found, kid).length > 0 && !isPrinciplesTitle(found[kid]!.title));
      if (nested) {
        for (const kid of kids) {
          roles[kid] = 'perspective';
          perspectiveLevel ||= found[kid]!.level;
          markFocusAreas(kid);
        }
      } else {
        roles[i] = 'focusAreas';
        markFocusAreas(i);
      }
    } else if ((vision < 0 || i > vision) && kids.some((kid) => !isPrinciplesTitle(found[kid]!.title))) {
      roles[i] = 'perspective';
      perspectiveLevel ||= 1;
      markFocusAreas(i);
    }
  }
  // A section of its own with an action-plan table in it ("Handlingsplan 2011–2012" under another chapter).
  found.forEach((h, i) => {
    if (roles[i] === 'section' && isPlansTitle(h.title) && hasInitiativeTable(raw, found, i)) roles[i] = 'actionPlan';
  });

  const headings: OutlineHeading[] = found.map((h, i) => ({ ...h, role: roles[i]! }));
  const detected = { perspectiveLevel, focusAreaLevel: focusAreaLevel || perspectiveLevel + 1 };
  if (options.perspectiveLevel === undefined && options.focusAreaLevel === undefined) return { headings, classes, ...detected };
  return applyLevels({ headings, classes, ...detected }, options);
}

const FIXED: ReadonlySet<HeadingRole> = new Set(['vision', 'about', 'actionPlans', 'actionPlan']);

/**
 * The roles by level, as `--perspective-level` / `--focus-area-level` (or the preview's per-level choice) ask:
 * below the vision, headings at the perspective level are perspectives, at the focus-area level focus areas
 * (principles keep their role), above it sections; with no perspective level, the heading over a run of focus
 * areas is their chapter (a hidden perspective). The vision, "Om strategien" and the plans keep their roles.
 */
export function applyLevels(outline: ImportOutline, options: RecogniseOptions): ImportOutline {
  const perspectiveLevel = options.perspectiveLevel ?? (options.focusAreaLevel !== undefined ? options.focusAreaLevel - 1 : outline.perspectiveLevel);
  const focusAreaLevel = options.focusAreaLevel ?? (perspectiveLevel > 0 ? perspectiveLevel + 1 : outline.focusAreaLevel || 1);
  const visionIndex = outline.headings.findIndex((h) => h.role === 'vision');
  let underFixed = 0; // the level of an enclosing vision/plan/about heading, 0 when none
  const headings = outline.headings.map((heading, i) => {
    if (underFixed > 0 && heading.level > underFixed) return heading;
    underFixed = 0;
    if (FIXED.has(heading.role)) {
      underFixed = heading.level;
      return heading;
    }
    if (i < visionIndex) return heading;
    let role: HeadingRole = 'section';
    if (heading.role === 'principles') role = 'principles';
    else if (heading.role === 'ignore') role = 'ignore';
    else if (perspectiveLevel > 0 && heading.level === perspectiveLevel) role = 'perspective';
    else if (heading.level === focusAreaLevel) role = 'focusArea';
    else if (perspectiveLevel === 0 && heading.level === focusAreaLevel - 1) role = 'focusAreas';
    return { ...heading, role };
  });
  // A focus-area chapter without any focus area under it is just a section.
  for (let i = 0; i < headings.length; i++) {
    if (headings[i]!.role !== 'focusAreas') continue;
    const hasFocusArea = childrenOf(headings, i).some((kid) => headings[kid]!.role === 'focusArea');
    if (!hasFocusArea) headings[i] = { ...headings[i]!, role: 'section' };
  }
  return { ...outline, headings, perspectiveLevel, focusAreaLevel };
}

