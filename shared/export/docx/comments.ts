// The consultation copy (høringsudgave): a strategy's OPEN comment threads as real Word comments on their
// text. Each message is a Word comment (author, initials, date); the first is the thread, the others are
// its replies (w15:paraIdParent in commentsExtended.xml, which docx writes for `parentId`). All comments of
// a thread span the same range, as Word itself writes replies.
//
// Where a thread goes:
//   - a quote in a rich-text field: its first occurrence in that field (the interchange rule,
//     ../../format/quote-anchor.ts), marked in the field's ProseMirror JSON before it is rendered;
//   - a rich-text field without a quote (or whose quote is not, or no longer, in it): the field's whole text;
//   - an item, or a plain field of it (a title, a goal's text): the item's title as the document shows it
//     (its heading, its line in a list, its cell in a plan table).
// A thread on something the exported part does not show (an owner, another plan) is left out and reported
// (`unanchored`), so a comment never sits in comments.xml without a place in the text.
//
// The writer hooks into the exporter at three places only: `richDoc` (the field's JSON with the marks),
// `aroundText` (range start/end around a marked text run) and `aroundItem` (around an item's title run).
import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx';
import { VISION_TARGET } from '../../format/comment-rules';
import { fieldText, markQuote, type JsonNode } from '../../format/quote-anchor';
import type { CommentThread, Rich, StrategyFile } from '../../format/schema';
import { richToJson, type PmNode } from '../rich-json';

/** The mark the writer puts on a thread's text; its attrs hold the thread's number in this document. */
const WORD_COMMENT_MARK = 'pejling-word-comment';

/** Children to put before and after a run. */
export interface Around {
  before: ParagraphChild[];
  after: ParagraphChild[];
}

const NOTHING: Around = { before: [], after: [] };

interface Placed {
  thread: CommentThread;
  /** The rich-text field holding its marks ("id\0field"), for a thread anchored in text. */
  field?: string;
  /** The Word comment id of each message, in order (the first is the thread's own). */
  ids: number[];
  /** Marked text nodes still to be written (rich-text anchors); the range ends after the last. */
  remaining: number;
  started: boolean;
  done: boolean;
}

/** The rich-text fields of the format, by kind of place (field names as in the file). */
type RichHolder = Record<string, Rich | undefined>;

export class WordComments {
  /** Thread number (the mark's attr) → its placement. */
  private readonly placed = new Map<number, Placed>();
  /** Item id → threads anchored on its title. */
  private readonly onItems = new Map<string, number[]>();
  /** Field values (replaced by an equal JSON object) → the same document with the threads' marks. */
  private readonly marked = new WeakMap<object, PmNode>();
  private nextId = 0;

  /**
   * Places the open threads of `strategy`, which it changes: each field holding a thread's text gets an
   * equal ProseMirror JSON object of its own, by which `richDoc` finds the marked copy. Pass a copy.
   */
  constructor(strategy: StrategyFile) {
    const fields = richFields(strategy);
    const working = new Map<string, { holder: RichHolder; key: string; doc: JsonNode }>();
    (strategy.comments ?? []).forEach((thread) => {
      if ((thread.status ?? 'open') !== 'open' || thread.messages.length === 0) return;
      const number = this.placed.size;
      const place: Placed = { thread, ids: thread.messages.map(() => this.nextId++), remaining: 0, started: false, done: false };
      this.placed.set(number, place);
      const { id, field, quote } = thread.target;
      const fieldKey = `${id}\u0000${field ?? ''}`;
      const holder = field ? fields.get(fieldKey) : undefined;
      if (holder) {
        const current = working.get(fieldKey) ?? { holder: holder.holder, key: holder.key, doc: richToJson(holder.holder[holder.key]) as JsonNode };
        const mark = { type: WORD_COMMENT_MARK, attrs: { n: number } };
        const text = fieldText(current.doc);
        const wanted = quote !== undefined && quote.trim() !== '' && text.includes(quote) ? quote : text.trim();
        const doc = wanted === '' ? null : markQuote(current.doc, wanted, mark);
        const count = doc ? renderedMarks(doc, number, field === 'description') : 0;
        if (doc && count > 0) {
          current.doc = doc;
          place.field = fieldKey;
          working.set(fieldKey, current);
          return;
        }
      }
      // Not in a rich text (or not where the export writes it as text): on the item's title.
      const target = id === VISION_TARGET ? VISION_TARGET : id;
      this.onItems.set(target, [...(this.onItems.get(target) ?? []), number]);
    });
    for (const { holder, key, doc } of working.values()) {
      const stand = richToJson(holder[key]);
      holder[key] = stand as Rich;
      this.marked.set(stand, doc as PmNode);
    }
    // Counted on the final documents: a later thread's marks split the text runs of an earlier one.
    for (const [number, place] of this.placed) {
      const doc = place.field === undefined ? undefined : working.get(place.field)?.doc;
      if (doc) place.remaining = renderedMarks(doc, number, place.field!.endsWith('\u0000description'));
    }
  }

  /** The field's document with the threads' marks, when `rich` is a field holding threads. */
  richDoc(rich: Rich | undefined): PmNode | undefined {
    return rich !== null && typeof rich === 'object' ? this.marked.get(rich) : undefined;
  }

  /** Range starts before the first marked run of a thread, range ends and references after its last. */
  aroundText(node: PmNode): Around {
    const marks = (node.marks ?? []).filter((m) => m.type === WORD_COMMENT_MARK);
    if (marks.length === 0) return NOTHING;
    const out: Around = { before: [], after: [] };
    for (const mark of marks) {
      const place = this.placed.get(Number(mark.attrs?.n));
      if (!place || place.done) continue;
      if (!place.started) {
        place.started = true;
        out.before.push(...starts(place));
      }
      place.remaining -= 1;
      if (place.remaining <= 0) {
        place.done = true;
        out.after.push(...ends(place));
      }
    }
    return out;
  }

  /** The ranges of the threads on an item (its title run); only the first time the item is written. */
  aroundItem(id: string): Around {
    const numbers = this.onItems.get(id);
    if (!numbers) return NOTHING;
    const out: Around = { before: [], after: [] };
    for (const number of numbers) {
      const place = this.placed.get(number);
      if (!place || place.started) continue;
      place.started = true;
      place.done = true;
      out.before.push(...starts(place));
      out.after.push(...ends(place));
    }
    return out;
  }

  /** The Word comments of the threads written into the text (call after the document's body is built). */
  definitions(): ICommentOptions[] {
    const out: ICommentOptions[] = [];
    for (const place of this.placed.values()) {
      if (!place.done) continue;
      place.thread.messages.forEach((message, i) => {
        const date = new Date(message.date);
        out.push({
          id: place.ids[i]!,
          author: message.author.trim() === '' ? '?' : message.author,
          initials: initialsOf(message.author),
          ...(Number.isNaN(date.getTime()) ? {} : { date }),
          ...(i > 0 ? { parentId: place.ids[0]! } : {}),
          children: paragraphsOf(message.text),
        });
      });
    }
    return out;
  }

  /** How many threads were written into the text. */
  threadsWritten(): number {
    return [...this.placed.values()].filter((p) => p.done).length;
  }

  /** Ids of the open threads this export could not place (on something the part does not show). */
  unanchored(): string[] {
    return [...this.placed.values()].filter((p) => !p.done).map((p) => p.thread.id);
  }
}

function starts(place: Placed): ParagraphChild[] {
  return place.ids.map((id) => new CommentRangeStart(id));
}

function ends(place: Placed): ParagraphChild[] {
  return place.ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]);
}

/** "Anna Holm" → "AH", "bo" → "B". */
export function initialsOf(author: string): string {
  const words = author.trim().split(/\s+/).filter(Boolean);
  return words.map((w) => [...w][0]!.toLocaleUpperCase('da')).join('').slice(0, 4) || '?';
}

function paragraphsOf(text: string): Paragraph[] {
  const lines = text.split(/\r?\n/);
  return lines.map((line) => new Paragraph({ children: line === '' ? [] : [new TextRun(line)] }));
}

/**
 * How many marked text runs of thread `n` the exporter writes through its inline runs. The marks must sit
 * only where it does: in paragraphs (in lists, quotes and tables too), not in headings (written as the
 * outline's plain text) or code; in an initiative's description (a table cell), not in a nested table.
 * 0 when any marked text would not be written that way: the thread then goes on the item.
 */
function renderedMarks(doc: JsonNode, n: number, inCell: boolean): number {
  let count = 0;
  let misplaced = false;
  const walk = (node: JsonNode, parents: string[]): void => {
    if (node.type === 'text') {
      if (!(node.marks ?? []).some((m) => m.type === WORD_COMMENT_MARK && m.attrs?.n === n)) return;
      const parent = parents[parents.length - 1];
      const inTable = parents.includes('table');
      if (parent !== 'paragraph' || (inCell && inTable) || (node.text ?? '') === '') misplaced = true;
      else count += 1;
      return;
    }
    for (const child of node.content ?? []) walk(child, [...parents, node.type]);
  };
  walk(doc, []);
  // A paragraph with only white space is left out of the document: a thread on it goes on the item.
  return misplaced ? 0 : count;
}

/** Every rich-text field of the strategy, as "id\0field" → the object holding it and its key. */
function richFields(s: StrategyFile): Map<string, { holder: RichHolder; key: string }> {
  const out = new Map<string, { holder: RichHolder; key: string }>();
  const put = (id: string, holder: object, key: string): void => {
    const value = (holder as RichHolder)[key];
    if (value !== undefined) out.set(`${id}\u0000${key}`, { holder: holder as RichHolder, key });
  };
  put(VISION_TARGET, s.vision, 'statement');
  put(VISION_TARGET, s.vision, 'body');
  for (const x of s.sections ?? []) put(x.id, x, 'body');
  for (const x of [...(s.vision.principles ?? []), ...(s.vision.bearings ?? [])]) put(x.id, x, 'body');
  for (const p of s.perspectives) {
    put(p.id, p, 'intro');
    for (const x of p.principles ?? []) put(x.id, x, 'body');
    for (const f of p.focusAreas) put(f.id, f, 'body');
  }
  for (const plan of s.actionPlans ?? []) {
    put(plan.id, plan, 'intro');
    for (const i of plan.initiatives) put(i.id, i, 'description');
  }
  return out;
}
