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
  if (rich === undefined || (typeof rich === 'string' && rich.trim() === '')) return { type: 'doc', content: [] };
  return richToProseMirror(rich).toJSON() as PmNode;
}
