// Where a comment thread's quote sits in a rich-text field, on ProseMirror JSON (plain objects, no schema):
// the interchange format anchors a thread by the text it quotes, at the first occurrence of that text in
// the field (docs/format.md). The Word export marks that occurrence to place the comment; the import
// marks it to rebuild the editor's `comment` mark; the export reads a mark back as its quote.
//
// A field's text is the text of its textblocks (paragraphs, headings) joined by "\n", a hard break
// counting as "\n": ProseMirror's own textBetween(…, '\n') rule, so a quote spanning two paragraphs is
// "end of one\nstart of the next". Written here on JSON rather than with prosemirror-transform
// because the Word export walks JSON and must not depend on the editor schema knowing the mark.

export interface JsonMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: JsonMark[];
}

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'code_block']);
const isTextblock = (node: JsonNode): boolean =>
  TEXTBLOCKS.has(node.type) || (node.content ?? []).some((child) => child.type === 'text' || child.type === 'hard_break');

/** Calls `visit` for each text node and hard break with its offset in the field's text; returns that text. */
function walkText(doc: JsonNode, visit?: (node: JsonNode, offset: number) => void): string {
  let text = '';
  let firstBlock = true;
  const walk = (node: JsonNode): void => {
    if (node.type === 'text') {
      visit?.(node, text.length);
      text += node.text ?? '';
      return;
    }
    if (node.type === 'hard_break') {
      visit?.(node, text.length);
      text += '\n';
      return;
    }
    if (isTextblock(node)) {
      if (!firstBlock) text += '\n';
      firstBlock = false;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return text;
}

/** The field's text: textblocks joined by "\n" (see the header). */
export function fieldText(doc: JsonNode): string {
  return walkText(doc);
}

const sameMark = (a: JsonMark, b: JsonMark): boolean => a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});

/**
 * A copy of `doc` with `mark` added to the text of the first occurrence of `quote`, text nodes split at its
 * edges; null when the quote is empty or not in the field (the caller then puts the thread on the field).
 */
export function markQuote(doc: JsonNode, quote: string, mark: JsonMark): JsonNode | null {
  if (quote === '') return null;
  const start = fieldText(doc).indexOf(quote);
  if (start < 0) return null;
  const end = start + quote.length;
  const offsets = new Map<JsonNode, number>();
  walkText(doc, (node, offset) => offsets.set(node, offset));
  const addMark = (node: JsonNode): JsonNode => {
    const marks = node.marks ?? [];
    return marks.some((m) => sameMark(m, mark)) ? node : { ...node, marks: [...marks, mark] };
  };
  const rebuild = (node: JsonNode): JsonNode[] => {
    const offset = offsets.get(node);
    if (offset !== undefined) {
      const length = node.type === 'text' ? (node.text ?? '').length : 1;
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + length);
      // Only text carries the mark: a hard break inside the quote keeps none (the model drops marks on it).
      if (from >= to || node.type !== 'text') return [node];
      const text = node.text ?? '';
      const parts: JsonNode[] = [];
      if (from > offset) parts.push({ ...node, text: text.slice(0, from - offset) });
      parts.push(addMark({ ...node, text: text.slice(from - offset, to - offset) }));
      if (to < offset + length) parts.push({ ...node, text: text.slice(to - offset) });
      return parts;
    }
    if (!node.content) return [node];
    return [{ ...node, content: node.content.flatMap(rebuild) }];
  };
  return rebuild(doc)[0] ?? null;
}

/**
 * The text each mark of `type` covers, keyed by `attrs[key]` (a thread id): from its first marked character
 * to its last one (a mark split by an edit reads as one span), in the field's text.
 */
export function markedQuotes(doc: JsonNode, type: string, key: string): Map<string, string> {
  const spans = new Map<string, { from: number; to: number }>();
  const text = walkText(doc, (node, offset) => {
    const length = node.type === 'text' ? (node.text ?? '').length : 1;
    for (const mark of node.marks ?? []) {
      const id = mark.type === type ? mark.attrs?.[key] : undefined;
      if (typeof id !== 'string') continue;
      const span = spans.get(id);
      if (span) span.to = offset + length;
      else spans.set(id, { from: offset, to: offset + length });
    }
  });
  return new Map([...spans].map(([id, span]) => [id, text.slice(...wholeCharacters(text, span.from, span.to))]));
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The span widened to whole characters: a mark may begin or end inside a character outside the BMP (the
 * editor's positions count UTF-16 units), and half an emoji is a lone surrogate no file may hold.
 */
function wholeCharacters(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start -= 1;
  if (end > 0 && end < text.length && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) end += 1;
  return [start, end];
}

/** A copy of `doc` without marks of `type` (the file keeps anchors as quotes, not as marks). */
export function withoutMarks(doc: JsonNode, type: string): JsonNode {
  const strip = (node: JsonNode): JsonNode => {
    const out: JsonNode = { ...node };
    if (node.marks) {
      const marks = node.marks.filter((m) => m.type !== type);
      if (marks.length > 0) out.marks = marks;
      else delete out.marks;
    }
    if (node.content) out.content = mergeText(node.content.map(strip));
    return out;
  };
  return strip(doc);
}

/** Adjacent text nodes with the same marks joined (what ProseMirror itself would store). */
function mergeText(nodes: JsonNode[]): JsonNode[] {
  const out: JsonNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last && last.type === 'text' && node.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])) {
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') };
    } else {
      out.push(node);
    }
  }
  return out;
}
