// What every part of the exporter needs while it writes one document.
import type { StrategyFile } from '../../format/schema';
import { chapterPageBreakOf, type HouseStyle, type HouseStyleLogo } from '../house-style';
import { exportTexts, languageOf, structureWords, type ExportTexts, type StructureWords } from '../texts';
import { typeset, type ExportLanguage } from '../typography';
import type { WordComments } from './comments';
import type { WordSuggestions } from './suggestions';
import { HeadingOutline } from './headings';
import { t } from '../../i18n/messages';
import { StrategyIndex } from '../strategy-index';
import { Revisions, type RevisionAuthor, type RevisionContext } from './revisions';
import { headerLogoOf } from './images';

/** The redline: the older strategy whose differences from this one the document marks. */
export interface Redline {
  old: StrategyFile;
  oldIndex: StrategyIndex;
}

export interface RenderContext extends RevisionContext {
  strategy: StrategyFile;
  index: StrategyIndex;
  style: HouseStyle;
  logo: HouseStyleLogo | undefined;
  lang: ExportLanguage;
  texts: ExportTexts;
  words: StructureWords;
  outline: HeadingOutline;
  /** A fresh instance of the ordered-list numbering, so each list counts from 1. */
  nextListInstance(): number;
  /** Width of the text area of the section being written, in twips. */
  textWidth: number;
  /** The language's typography: quotes, dashes, no-break spaces (typeset in ../typography.ts). */
  typo(text: string, before?: string): string;
  now: Date;
  /** Set when the document is a redline (see ./revisions.ts, ./redline.ts). */
  redline?: Redline;
  /** The open comment threads to write as Word comments (export with comments only). */
  comments?: WordComments;
  /** The pending suggestions to write as Word tracked changes (export "med forslag" only). */
  suggestions?: WordSuggestions;
}

export function createContext(
  strategy: StrategyFile,
  style: HouseStyle,
  logo: HouseStyleLogo | undefined,
  now: Date,
  redline?: { old: StrategyFile } & RevisionAuthor,
): RenderContext {
  const lang = languageOf(strategy);
  const texts = exportTexts(lang);
  let listInstance = 0;
  const revisions = redline ? new Revisions({ author: redline.author, date: redline.date }) : undefined;
  const outline = new HeadingOutline(style.headings.numbered, t(lang, 'export.untitledHeading'), chapterPageBreakOf(style));
  if (revisions) outline.revisions = revisions;
  return {
    strategy,
    index: new StrategyIndex(strategy),
    style,
    logo: headerLogoOf(strategy, logo), // the document's own logo replaces the house style's mark (./images.ts)
    lang,
    texts,
    words: structureWords(strategy.labels, texts),
    outline,
    nextListInstance: () => ++listInstance,
    textWidth: 9000,
    typo: (text, before) => typeset(text, lang, before),
    now,
    ...(revisions && redline ? { revisions, redline: { old: redline.old, oldIndex: new StrategyIndex(redline.old) } } : {}),
  };
}

/**
 * The context for writing what only the older strategy of a redline has (a removed item): its
 * look-ups (owners, focus areas), this document's state (outline, lists, width, revisions).
 */
export function oldSide(ctx: RenderContext): RenderContext {
  const redline = ctx.redline;
  if (!redline) return ctx;
  const view = Object.create(ctx) as RenderContext;
  view.strategy = redline.old;
  view.index = redline.oldIndex;
  return view;
}
