// Rich text (Markdown string or ProseMirror JSON) as ProseMirror JSON of the editor schema, the
// one shape the Word renderer walks. Parsing and checking is shared/richtext's (MODEL), so the
// export reads rich text exactly as the editor does.
import type { Rich } from '../format/schema';
import { richToProseMirror } from '../richtext';

export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
}

/** Converts rich text to ProseMirror JSON; an empty string gives an empty doc. */
export function richToJson(rich: Rich | undefined): PmNode {
  if (rich === undefined) return { type: 'doc', content: [] };
  if (typeof rich === 'string') {
    if (rich.trim() === '') return { type: 'doc', content: [] };
  }
  return richToProseMirror(rich).toJSON() as PmNode;
}

/** The plain text of rich text (for table cells and notes), paragraphs joined by a space. */
export function richToPlainText(rich: Rich | undefined): string {
  const parts: string[] = [];
  const walk = (node: PmNode) => {
    if (node.type === 'text') parts.push(node.text ?? '');
    else if (node.type === 'hard_break') parts.push(' ');
    for (const child of node.content ?? []) walk(child);
    if (node.type !== 'text' && node.type !== 'doc' && node.type !== 'hard_break' && !node.type.endsWith('list')) parts.push(' ');
  };
  walk(richToJson(rich));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** True when rich text has no visible text. */
export function richIsEmpty(rich: Rich | undefined): boolean {
  return richToPlainText(rich) === '';
}
