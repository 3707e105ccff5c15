// Word's tracked changes for the redline document (a strategy exported with what changed since an
// older one marked). Every run and paragraph of the writer is made through textRun()/paragraph(),
// which, while the writer is inside an added or removed item (Revisions.within), make them an
// insertion or a deletion: the run as w:ins/w:del, the paragraph mark too (w:rPr/w:ins, w:rPr/w:del),
// so that accepting or rejecting the change removes the whole paragraph and not only its text.
// Without a redline (the normal export) they are plain TextRuns and Paragraphs.
import { DeletedTextRun, InsertedTextRun, Paragraph, TextRun, type IParagraphOptions, type IRunOptions, type ParagraphChild } from 'docx';
import type { Change } from '../../compare/rich-diff';
import { diffText } from '../../compare/rich-diff';

/** Who made the changes and when: what Word shows on each of them. */
export interface RevisionAuthor {
  author: string;
  /** ISO 8601 date and time. */
  date: string;
}

interface RevisionMark {
  id: number;
  author: string;
  date: string;
}

export class Revisions {
  private next = 1;
  /** The change everything written now belongs to: inside a whole added or removed item. */
  private current: Change | undefined;

  constructor(private readonly by: RevisionAuthor) {}

  get change(): Change | undefined {
    return this.current;
  }

  /** A new revision: ids are unique in the document, as Word requires. */
  mark(): RevisionMark {
    return { id: this.next++, author: this.by.author, date: this.by.date };
  }

  /** Writes with everything made inside marked as `change` (no change: as it is around it). */
  within<T>(change: Change | undefined, write: () => T): T {
    if (change === undefined || change === this.current) return write();
    const before = this.current;
    this.current = change;
    try {
      return write();
    } finally {
      this.current = before;
    }
  }
}

/** What the helpers need to know of the writer's context. */
export interface RevisionContext {
  revisions?: Revisions;
}

/** A run of text; an insertion or deletion inside a changed item, or when `change` says so. */
export function textRun(ctx: RevisionContext, options: IRunOptions | string, change?: Change): ParagraphChild {
  const run: IRunOptions = typeof options === 'string' ? { text: options } : options;
  const revisions = ctx.revisions;
  const kind = change ?? revisions?.change;
  if (!revisions || !kind) return new TextRun(run);
  return kind === 'inserted' ? new InsertedTextRun({ ...run, ...revisions.mark() }) : new DeletedTextRun({ ...run, ...revisions.mark() });
}

/** A paragraph; inside a changed item its paragraph mark is inserted or deleted with it. */
export function paragraph(ctx: RevisionContext, options: IParagraphOptions): Paragraph {
  const revisions = ctx.revisions;
  const kind = revisions?.change;
  if (!revisions || !kind) return new Paragraph(options);
  const mark = revisions.mark();
  return new Paragraph({ ...options, run: { ...options.run, ...(kind === 'inserted' ? { insertion: mark } : { deletion: mark }) } });
}

/** The row revision (w:trPr/w:ins or w:del) of a table row written now, if it is in a changed item. */
export function rowRevision(ctx: RevisionContext, change?: Change): { insertion: RevisionMark } | { deletion: RevisionMark } | Record<string, never> {
  const revisions = ctx.revisions;
  const kind = change ?? revisions?.change;
  if (!revisions || !kind) return {};
  return kind === 'inserted' ? { insertion: revisions.mark() } : { deletion: revisions.mark() };
}

/**
 * The runs of a text that changed from `oldText` to `newText`, word by word: the old words deleted,
 * the new ones inserted, the rest as it is. Without a redline, or when the text is the same (or the
 * item is added or removed whole), simply the runs of `newText`.
 */
export function changedRuns(ctx: RevisionContext, oldText: string | undefined, newText: string, base: Omit<IRunOptions, 'text'> = {}): ParagraphChild[] {
  if (!ctx.revisions || oldText === undefined || oldText === newText || ctx.revisions.change) {
    return newText === '' ? [] : [textRun(ctx, { ...base, text: newText })];
  }
  return diffText(oldText, newText).map((piece) => textRun(ctx, { ...base, text: piece.text }, piece.change));
}

/** Writes with everything made inside marked as `change` (see Revisions.within); as it is without a redline. */
export function within<T>(ctx: RevisionContext, change: Change | undefined, write: () => T): T {
  return ctx.revisions ? ctx.revisions.within(change, write) : write();
}
