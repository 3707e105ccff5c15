// The document's heading outline: every Heading1..3 paragraph goes through here, in document order,
// so the exporter knows each heading's number (1, 1.1, 1.1.1 — what Word's list numbering will
// show) and its position, which is how table-of-contents entries get their numbers and pages.
import { Paragraph, TextRun, type ParagraphChild } from 'docx';
import { S } from './styles';

export type HeadingLevel = 1 | 2 | 3;

export interface OutlineEntry {
  level: HeadingLevel;
  /** "2.1" when the house style numbers headings, '' otherwise. */
  number: string;
  title: string;
}

const STYLE_OF: Record<HeadingLevel, string> = { 1: S.h1, 2: S.h2, 3: S.h3 };

export class HeadingOutline {
  readonly entries: OutlineEntry[] = [];
  private readonly counters = [0, 0, 0];
  private current = 0;

  constructor(
    private readonly numbered: boolean,
    private readonly untitled: string,
    /** Level-1 headings start a new page unless told otherwise (house style 'chapterOnNewPage'). */
    private readonly chapterBreaks: boolean,
  ) {}

  /** The level the last heading was at (0 before any). */
  get level(): number {
    return this.current;
  }

  /**
   * A heading paragraph. The level is clamped so it never skips one (a level 3 straight after a
   * level 1 becomes a level 2): screen readers and Word's navigation pane rely on that.
   * The page break is set on the paragraph, not in the style, so a part can leave it out.
   */
  heading(requested: HeadingLevel, title: string, options: { pageBreakBefore?: boolean; around?: { before: ParagraphChild[]; after: ParagraphChild[] } } = {}): Paragraph {
    const level = Math.min(requested, this.current + 1) as HeadingLevel;
    this.current = level;
    const index = level - 1;
    this.counters[index] = (this.counters[index] ?? 0) + 1;
    for (let i = index + 1; i < this.counters.length; i++) this.counters[i] = 0;
    const number = this.numbered ? this.counters.slice(0, level).join('.') : '';
    const text = title.trim() === '' ? this.untitled : title.trim();
    this.entries.push({ level, number, title: text });
    const pageBreakBefore = options.pageBreakBefore ?? (level === 1 && this.chapterBreaks);
    return new Paragraph({
      style: STYLE_OF[level],
      ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
      children: [...(options.around?.before ?? []), new TextRun(text), ...(options.around?.after ?? [])],
    });
  }
}
