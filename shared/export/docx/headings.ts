// The document's heading outline: every Heading1..3 paragraph goes through here, in document order,
// so the exporter knows each heading's number (1, 1.1, 1.1.1 — what Word's list numbering will
// show) and its position, which is how table-of-contents entries get their numbers and pages.
import type { Paragraph, ParagraphChild } from 'docx';
import { diffText } from '../../compare/rich-diff';
import type { StrategyFile } from '../../format/schema';
import { t, type Lang } from '../../i18n/messages';
import { changedRuns, paragraph, textRun, type Revisions } from './revisions';
import { S } from './styles';
import { OutlineNumbers } from '../strategy-index';
import type { ChapterPageBreak } from '../house-style';

export type HeadingLevel = 1 | 2 | 3;

export interface OutlineEntry {
  level: HeadingLevel;
  /** "2.1" when the house style numbers headings, '' otherwise. */
  number: string;
  title: string;
}

const STYLE_OF: Record<HeadingLevel, string> = { 1: S.h1, 2: S.h2, 3: S.h3 };

/**
 * A heading paragraph as a layout shows it: in a redline a removed heading is still there (struck
 * through) and a renamed one shows its old and new words, so the layout pass (main/export/layout-pass.ts)
 * matches its outline against these, in order, and takes the pages of the ones that are not deleted.
 */
export interface LaidOutHeading {
  /** The text a layout shows: all of it, deleted words included. */
  shown: string;
  deleted: boolean;
}

export interface HeadingOptions {
  pageBreakBefore?: boolean;
  /** Redline: the title the older strategy had; its words that changed are marked. */
  oldTitle?: string;
  /** The heading's runs when they are made elsewhere (rich text), with the text they show. */
  runs?: { children: ParagraphChild[]; shown: string };
  /** Children before and after the title's runs (a Word comment's range: ./comments.ts). */
  around?: { before: ParagraphChild[]; after: ParagraphChild[] };
  /** A foreword's heading: no number (nor the headings under it), still in the contents. */
  unnumbered?: boolean;
}

export class HeadingOutline {
  readonly entries: OutlineEntry[] = [];
  /** Every heading paragraph written, removed ones of a redline included (see LaidOutHeading). */
  readonly laidOut: LaidOutHeading[] = [];
  /** The redline's revisions, when the document is one. */
  revisions?: Revisions;
  /** The numbers, counted as the disposition counts them (../strategy-index.ts). */
  private readonly numbers: OutlineNumbers;

  constructor(
    private readonly numbered: boolean,
    private readonly untitled: string,
    /** Where level-1 headings start a new page unless told otherwise (house style, chapterPageBreakOf). */
    private readonly chapterBreaks: ChapterPageBreak,
  ) {
    this.numbers = new OutlineNumbers(numbered);
  }

  /** The level the last heading was at (0 before any). */
  get level(): number {
    return this.numbers.level;
  }

  /**
   * A heading paragraph. The level is clamped so it never skips one (a level 3 straight after a
   * level 1 becomes a level 2): screen readers and Word's navigation pane rely on that.
   * The page break is set on the paragraph, not in the style, so a part can leave it out.
   */
  heading(requested: HeadingLevel, title: string, options: HeadingOptions = {}): Paragraph {
    const level = Math.min(requested, this.numbers.level + 1) as HeadingLevel;
    const text = title.trim() === '' ? this.untitled : title.trim();
    // 'auto': only the first chapter (after the contents) starts a page; the rest follow on, kept with their text.
    const pageBreakBefore = options.pageBreakBefore ?? (level === 1 && (this.chapterBreaks === 'always' || (this.chapterBreaks === 'auto' && this.laidOut.length === 0)));
    const ctx = { ...(this.revisions ? { revisions: this.revisions } : {}) };
    const oldText = options.oldTitle === undefined ? undefined : options.oldTitle.trim() === '' ? this.untitled : options.oldTitle.trim();
    const children = options.runs?.children ?? changedRuns(ctx, oldText, text);
    const shown = options.runs?.shown ?? (oldText !== undefined && oldText !== text ? shownText(oldText, text) : text);
    const deleted = this.revisions?.change === 'deleted';
    const counted = deleted ? undefined : this.numbers.next(level, options.unnumbered === true);
    const made = paragraph(ctx, {
      style: STYLE_OF[level],
      ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
      // The heading styles carry the numbering; an unnumbered heading takes it off its paragraph.
      ...(counted?.unnumbered && this.numbered ? { numbering: false as const } : {}),
      children: [...(options.around?.before ?? []), ...(children.length > 0 ? children : [textRun(ctx, text)]), ...(options.around?.after ?? [])],
    });
    // A heading a redline removes is in no outline: not in the contents, not counted in the numbers.
    this.laidOut.push({ shown, deleted });
    if (!counted) return made;
    this.entries.push({ level, number: counted.number, title: text });
    return made;
  }
}

/** How many lists of principles the strategy has (the vision's and each perspective's). */
function principleLists(strategy: StrategyFile): number {
  const lists = [strategy.vision.principles, ...strategy.perspectives.map((perspective) => perspective.principles)];
  return lists.filter((list) => (list?.length ?? 0) > 0).length;
}

/**
 * The heading of a perspective's principles. Several perspectives each have one, under the same label
 * (Odder's three "Arkitekturprincipper"), and headings that repeat word for word cannot be told apart in
 * the contents, the PDF's bookmarks or a screen reader's list of headings: there it names its chapter
 * too ("Arkitekturprincipper – IT-miljø"). Alone it is the label.
 */
export function principlesHeading(lang: Lang, strategy: StrategyFile, label: string, chapter: string): string {
  return principleLists(strategy) > 1 ? t(lang, 'layout.heading.inParent', { title: label, parent: chapter }) : label;
}

/** The text a renamed heading shows with its old and new words (as changedRuns orders them). */
function shownText(oldText: string, newText: string): string {
  return diffText(oldText, newText)
    .map((piece) => piece.text)
    .join('');
}
