// Word paragraphs as the editor's rich text: runs with bold, italic and links become marked text, numbered and
// bulleted paragraphs become (nested) lists, tables become simple tables with header cells, subheadings keep
// their level below the item they belong to. The result is stored as Markdown when that is exact, else as
// ProseMirror JSON (shared/richtext), like any other rich value.
import type { Rich } from '../format/schema';
import { proseMirrorToRich, richSchema } from '../richtext';
import { paragraphText, type RawParagraph, type RawRun, type RawTable } from './raw';

interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** Only web and mail links are kept as links (a file: or javascript: address is kept as text). */
function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  return /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

export function inlineNodes(runs: RawRun[]): JsonNode[] {
  const out: JsonNode[] = [];
  runs.forEach((run, i) => {
    // Leading and trailing spaces of the paragraph are not content.
    let text = run.text.replace(/\t/g, ' ');
    if (i === 0) text = text.replace(/^\s+/, '');
    if (i === runs.length - 1) text = text.replace(/\s+$/, '');
    const marks: JsonNode['marks'] = [];
    const href = safeHref(run.href);
    if (href) marks.push({ type: 'link', attrs: { href, title: null } });
    if (run.italic) marks.push({ type: 'em' });
    if (run.bold) marks.push({ type: 'strong' });
    text.split('\n').forEach((part, j) => {
      if (j > 0) out.push({ type: 'hard_break' });
      if (part !== '') out.push({ type: 'text', text: part, ...(marks.length > 0 ? { marks } : {}) });
    });
  });
  return out;
}

function paragraphNode(runs: RawRun[]): JsonNode {
  const content = inlineNodes(runs);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Collects the blocks of one rich-text field in document order. */
export class RichBuilder {
  private readonly blocks: JsonNode[] = [];
  /** Open lists, outermost first: the list node and its level. */
  private lists: { node: JsonNode; level: number }[] = [];

  get isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  paragraph(paragraph: RawParagraph): void {
    if (paragraphText(paragraph).trim() === '') return;
    if (paragraph.list) {
      this.listItem(paragraph);
      return;
    }
    this.lists = [];
    this.blocks.push(paragraphNode(paragraph.runs));
  }

  runs(runs: RawRun[]): void {
    this.lists = [];
    this.blocks.push(paragraphNode(runs));
  }

  heading(level: number, text: string): void {
    this.lists = [];
    const clamped = Math.min(3, Math.max(1, level));
    this.blocks.push({ type: 'heading', attrs: { level: clamped }, content: [{ type: 'text', text }] });
  }

  private listItem(paragraph: RawParagraph): void {
    const { level, ordered } = paragraph.list!;
    const type = ordered ? 'ordered_list' : 'bullet_list';
    while (this.lists.length > 0 && this.lists[this.lists.length - 1]!.level > level) this.lists.pop();
    let current = this.lists[this.lists.length - 1];
    if (current && current.level === level && current.node.type !== type) {
      this.lists.pop();
      current = this.lists[this.lists.length - 1];
    }
    const item: JsonNode = { type: 'list_item', content: [paragraphNode(paragraph.runs)] };
    if (current && current.level === level) {
      current.node.content!.push(item);
      return;
    }
    const list: JsonNode = { type, content: [item] };
    if (current) {
      // deeper: the new list goes inside the last item of the enclosing list
      const items = current.node.content!;
      items[items.length - 1]!.content!.push(list);
    } else {
      this.blocks.push(list);
    }
    this.lists.push({ node: list, level });
  }

  table(table: RawTable): void {
    this.lists = [];
    const width = Math.max(1, ...table.rows.map((row) => row.cells.reduce((n, cell) => n + cell.colSpan, 0)));
    const rows = table.rows.map((row, r) => {
      const header = row.header || (r === 0 && table.rows.length > 1 && row.cells.every((cell) => cell.paragraphs.every((p) => p.runs.every((run) => run.bold || run.text.trim() === ''))));
      const cells: JsonNode[] = row.cells.map((cell) => {
        const cellBuilder = new RichBuilder();
        for (const paragraph of cell.paragraphs) cellBuilder.paragraph(paragraph);
        const content = cellBuilder.blocks.length > 0 ? cellBuilder.blocks : [{ type: 'paragraph' }];
        return { type: header ? 'table_header' : 'table_cell', attrs: { colspan: cell.colSpan, rowspan: 1, colwidth: null }, content };
      });
      const used = row.cells.reduce((n, cell) => n + cell.colSpan, 0);
      for (let i = used; i < width; i++) cells.push({ type: header ? 'table_header' : 'table_cell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: 'paragraph' }] });
      return { type: 'table_row', content: cells };
    });
    if (rows.length > 0) this.blocks.push({ type: 'table', content: rows });
  }

  /** The collected text as a rich value ('' when nothing was collected). */
  rich(): Rich {
    if (this.blocks.length === 0) return '';
    const doc = richSchema.nodeFromJSON({ type: 'doc', content: this.blocks });
    doc.check();
    return proseMirrorToRich(doc);
  }

  /** The plain text collected so far (for the report and for matching). */
  plainText(): string {
    const doc = this.blocks.length === 0 ? undefined : richSchema.nodeFromJSON({ type: 'doc', content: this.blocks });
    return doc ? doc.textBetween(0, doc.content.size, '\n') : '';
  }
}
