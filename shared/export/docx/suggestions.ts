// Pending suggestions (issue 14) in the Word export. "Eksportér Word med forslag" (`suggestions: true`)
// writes each one as a Word tracked change by its author at its time, so a Word user can accept or reject
// it there: a suggested insertion as w:ins, a suggested deletion as w:del, a suggested formatting change
// as the run with its new formatting and the old one in w:rPrChange. Without the option the document is
// the published text, as if no pending suggestion existed (see publishedStrategy): suggested insertions
// left out, suggested deletions kept, suggested formatting not applied.
//
// The marks are the editor's (shared/richtext/schema.ts): inline only, since suggestions never change
// structure (shared/model/suggest-transform.ts), so every change is one run of text. A suggested new title
// or goal (`fieldSuggestions`) is a tracked replacement: the current text deleted, the suggested inserted.
import { DeletedTextRun, InsertedTextRun, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { FieldSuggestionInfo, StrategyFile } from '../../format/schema';
import { isSuggestionMarkType, suggestionKey, type SuggestionId } from '../../format/suggestions';
import type { PmMark, PmNode } from '../rich-json';

/**
 * The first w:id of a suggestion's revision. Word comments (./comments.ts) number theirs from 0 and the
 * OOXML annotations share one id space, so the revisions start well above any comment count.
 */
const FIRST_REVISION_ID = 100_000;

/** What Word shows on a tracked change: who and when (w:author, w:date). */
interface Author {
  author: string;
  date?: string;
}

/** The run properties a mark gives (the same as ./rich.ts's inlineRuns gives). */
function runProps(marks: readonly PmMark[]): Pick<IRunOptions, 'bold' | 'italics'> {
  return {
    ...(marks.some((m) => m.type === 'strong') ? { bold: true } : {}),
    ...(marks.some((m) => m.type === 'em') ? { italics: true } : {}),
  };
}

const markType = (value: unknown): string | undefined =>
  value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string' ? (value as { type: string }).type : undefined;

/** The marks a text had before its suggested formatting changes (`modification` {type 'mark'}) were made. */
function marksBefore(marks: readonly PmMark[]): PmMark[] {
  let before = marks.filter((m) => m.type !== 'modification');
  for (const mod of marks) {
    if (mod.type !== 'modification' || mod.attrs?.type !== 'mark') continue;
    const added = markType(mod.attrs.newValue);
    if (added !== undefined) before = before.filter((m) => m.type !== added);
    const previous = mod.attrs.previousValue;
    const removed = markType(previous);
    if (removed !== undefined) before.push(previous as PmMark);
  }
  return before;
}

/** A moment as Word writes w:date: UTC, whole seconds ("2026-03-10T09:15:00Z"); LibreOffice drops any other zone. */
function wordDate(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The Word side of one export "med forslag": the authors of the file's suggestions, and revision ids. */
export class WordSuggestions {
  private next = FIRST_REVISION_ID;
  private readonly authors = new Map<string, Author>();
  private readonly written = new Set<string>();

  /** The suggested new text of each typed field, "item id\0field" → the earliest suggestion (Word holds one replacement). */
  private readonly fields = new Map<string, FieldSuggestionInfo>();

  /**
   * `now`: the time of a suggestion the file gives none (w:date is a time or absent; docx always writes it);
   * `typo`: the document's typography (its quotes), for a suggested text as for the current one.
   */
  constructor(
    strategy: StrategyFile,
    private readonly now: Date,
    private readonly typo: (text: string) => string = (text) => text,
  ) {
    for (const s of strategy.suggestions ?? []) {
      this.authors.set(suggestionKey(s.id), { author: s.author.trim() || '?', ...(s.date ? { date: wordDate(new Date(s.date)) } : {}) });
    }
    for (const s of strategy.fieldSuggestions ?? []) {
      const key = `${s.target.id}\u0000${s.target.field}`;
      if (this.fields.has(key)) continue;
      this.fields.set(key, s);
      this.authors.set(suggestionKey(s.id), { author: s.author.trim() || '?', ...(s.date ? { date: wordDate(new Date(s.date)) } : {}) });
    }
  }

  /**
   * The runs of a typed field (`current`, as the writer shows it) with a suggested new text: the current
   * text deleted and the suggested one inserted, by the suggestion's author; undefined without one.
   */
  fieldRuns(itemId: string, field: string, current: string, base: Omit<IRunOptions, 'text'> = {}): ParagraphChild[] | undefined {
    const suggestion = this.fields.get(`${itemId}\u0000${field}`);
    if (!suggestion) return undefined;
    const suggested = this.typo(suggestion.text);
    if (suggested === current) return undefined;
    return [
      ...(current !== '' ? [new DeletedTextRun({ ...base, text: current, ...this.mark(suggestion.id) })] : []),
      ...(suggested !== '' ? [new InsertedTextRun({ ...base, text: suggested, ...this.mark(suggestion.id) })] : []),
    ];
  }

  /** A heading's options for an item's title with a suggested new one (./headings.ts `runs`); none without. */
  heading(itemId: string, current: string): { runs: { children: ParagraphChild[]; shown: string } } | Record<string, never> {
    const children = this.fieldRuns(itemId, 'title', current);
    if (!children) return {};
    return { runs: { children, shown: `${current}${this.typo(this.fields.get(`${itemId}\u0000title`)!.text)}` } };
  }

  /** How many distinct suggestions were written as tracked changes. */
  count(): number {
    return this.written.size;
  }

  private mark(id: unknown): { id: number; author: string; date: string } {
    const key = typeof id === 'string' || typeof id === 'number' ? suggestionKey(id as SuggestionId) : '';
    this.written.add(key);
    const by = this.authors.get(key) ?? { author: '?' };
    return { id: this.next++, author: by.author, date: by.date ?? wordDate(this.now) };
  }

  /**
   * The text of a block holding suggestions as published (without suggested insertions), or undefined when
   * it holds none: a heading's title in the outline and the table of contents.
   */
  publishedText(node: PmNode): string | undefined {
    let suggested = false;
    const text = (n: PmNode): string => {
      if (n.type === 'hard_break') return '\n';
      if (n.type !== 'text') return (n.content ?? []).map(text).join('');
      const marks = n.marks ?? [];
      if (marks.some((m) => isSuggestionMarkType(m.type))) suggested = true;
      return marks.some((m) => m.type === 'insertion') ? '' : (n.text ?? '');
    };
    const out = text(node);
    return suggested ? out : undefined;
  }

  /**
   * The run of a text node with suggestion marks, as a tracked change; undefined for a text without any
   * (the writer makes its usual run). `run` is the run the writer would make (text, bold, italics, style).
   */
  run(node: PmNode, run: IRunOptions): ParagraphChild | undefined {
    const marks = node.marks ?? [];
    const suggestion = marks.find((m) => isSuggestionMarkType(m.type));
    if (!suggestion) return undefined;
    const revision = this.mark(suggestion.attrs?.id);
    if (suggestion.type === 'insertion') return new InsertedTextRun({ ...run, ...revision });
    if (suggestion.type === 'deletion') return new DeletedTextRun({ ...run, ...revision });
    // A formatting change: the run as it is now, with the formatting it had before as w:rPrChange.
    // Both said outright (w:b w:val="false" too): Word needs the earlier w:rPr, and docx leaves out an empty one.
    // Bold or italic from the paragraph (a bold lead-in) rather than from a mark was there before too.
    const was = runProps(marksBefore(marks));
    const marked = runProps(marks);
    const before = { bold: was.bold === true || (run.bold === true && marked.bold !== true), italics: was.italics === true || (run.italics === true && marked.italics !== true) };
    return new TextRun({ ...run, revision: { ...revision, ...(run.style ? { style: run.style } : {}), ...(run.font ? { font: run.font } : {}), ...before } });
  }
}
