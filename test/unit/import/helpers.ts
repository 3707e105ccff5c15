// Raw Word documents written out by hand for the recogniser's tests: a paragraph with a style, a bold line,
// list items, a table; the same shape main/import/read-docx.ts makes from a real .docx.
import type { RawDocument, RawParagraph, RawRun, RawTable } from '../../../shared/import/raw';

export function p(text: string | RawRun[], style?: { id?: string; name?: string }, list?: RawParagraph['list']): RawParagraph {
  return {
    kind: 'paragraph',
    runs: typeof text === 'string' ? [{ text }] : text,
    ...(style?.id ? { styleId: style.id } : {}),
    ...(style?.name ? { styleName: style.name } : {}),
    ...(list ? { list } : {}),
  };
}

/** A heading as Danish Word saves it: style id "Overskrift<N>", built-in name "heading <N>". */
export const h = (level: number, text: string) => p(text, { id: `Overskrift${level}`, name: `heading ${level}` });
export const bold = (text: string) => p([{ text, bold: true }]);
export const bullet = (text: string, level = 0) => p(text, undefined, { level, ordered: false });
export const numbered = (text: string | RawRun[]) => p(text, undefined, { level: 0, ordered: true });

export function table(rows: string[][], header = true): RawTable {
  return {
    kind: 'table',
    rows: rows.map((cells, i) => ({ header: header && i === 0, cells: cells.map((text) => ({ colSpan: 1, paragraphs: text.split('\n').map((line) => p(line)) })) })),
  };
}

export function doc(...blocks: RawDocument['blocks']): RawDocument {
  return { blocks, comments: [] };
}
