// Rich text (ProseMirror JSON) to Word paragraphs, lists and tables. Lists become real Word lists
// (numbering definitions), headings inside rich text continue the document's outline below the
// heading they sit under, and empty paragraphs are dropped: spacing comes from the styles.
import {
  ExternalHyperlink,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { diffRich, sameRich, sideOf, type DiffNode } from '../../compare/rich-diff';
import type { Rich } from '../../format/schema';
import { richToJson, type PmNode } from '../rich-json';
import type { RenderContext } from './context';
import type { HeadingLevel } from './headings';
import { imageBlocks } from './images';
import { paragraph, rowRevision, textRun } from './revisions';
import { footnoteRun } from './footnotes';
import { measured } from './tables';
import { ITALIC_STYLES, LIST_INDENT, NUMBERING, S } from './styles';

export type Block = Paragraph | Table;

export interface RichOptions {
  /** Level of the heading the text sits under; its own headings go one level deeper. */
  baseLevel: number;
  /** Paragraph style of plain paragraphs (Normal by default; TableText in table cells). */
  paragraphStyle?: string;
  /** Extra left indent of every block, in twips (the body of a list item). */
  indent?: number;
  /** List depth the text's own lists start at (inside a list item). */
  listDepth?: number;
}

type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'font' | 'style'>;

/**
 * Inline content to runs: marks to bold/italic/links, straight quotes to typographic ones. In a
 * redline, text the compare marked (DiffNode.change) becomes an insertion or a deletion. Inside a
 * paragraph of an italic style (`paragraphStyle` in ITALIC_STYLES) emphasis is set upright.
 */
export function inlineRuns(nodes: DiffNode[] | undefined, ctx: RenderContext, base: RunStyle = {}, paragraphStyle?: string): ParagraphChild[] {
  const emphasis = !ITALIC_STYLES.has(paragraphStyle ?? '');
  const out: ParagraphChild[] = [];
  let previous = '';
  for (const node of nodes ?? []) {
    if (node.type === 'hard_break') {
      out.push(textRun(ctx, { ...base, break: 1 }, node.change));
      previous = ' ';
      continue;
    }
    if (node.type === 'footnote') {
      out.push(footnoteRun(node, (content) => inlineRuns(content, ctx)));
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const marks = node.marks ?? [];
    const has = (type: string) => marks.some((mark) => mark.type === type);
    const code = has('code');
    const text = code ? node.text : ctx.typo(node.text, previous);
    previous = node.text;
    const run: IRunOptions = {
      ...base,
      text,
      ...(has('strong') ? { bold: true } : {}),
      ...(has('em') ? { italics: emphasis } : {}),
      ...(code ? { font: 'Courier New' } : {}),
    };
    const around = ctx.comments?.aroundText(node);
    if (around) out.push(...around.before);
    const link = marks.find((mark) => mark.type === 'link');
    const href = typeof link?.attrs?.href === 'string' ? link.attrs.href : undefined;
    if (href && /^(https?:|mailto:)/i.test(href)) {
      const linked = { ...run, style: S.hyperlink };
      out.push(new ExternalHyperlink({ link: href, children: [ctx.suggestions?.run(node, linked) ?? textRun(ctx, linked, node.change)] }));
    } else {
      out.push(ctx.suggestions?.run(node, run) ?? textRun(ctx, run, node.change));
    }
    if (around) out.push(...around.after);
  }
  return out;
}

/**
 * Whether the strategy's own sections already say `text` (its contact, say, in a section "Hvis du vil vide
 * mere"): compared without case, quotes and spacing, so what a section says is not repeated elsewhere.
 */
export function saidInSections(ctx: RenderContext, text: string | undefined): boolean {
  const plain = (value: string) => value.toLocaleLowerCase('da').replace(/[\s\u00a0]+/g, ' ').trim();
  const wanted = plain(text ?? '');
  if (wanted === '') return false;
  return (ctx.strategy.sections ?? []).some((section) => plain(plainText(richToJson(section.body))).includes(wanted));
}

function hasText(node: PmNode): boolean {
  if (node.type === 'text') return (node.text ?? '').trim() !== '';
  return (node.content ?? []).some(hasText);
}

/** Renders rich text as blocks. */
export function renderRich(rich: Rich | undefined, ctx: RenderContext, options: RichOptions): Block[] {
  const doc = ctx.comments?.richDoc(rich) ?? richToJson(rich);
  const renderer = new RichRenderer(ctx, options);
  return renderer.blocks(doc.content ?? [], options.indent ?? 0, options.listDepth ?? 0);
}

/**
 * Rich text that was `oldRich` in the older strategy of a redline: its changes marked word by word
 * (and whole paragraphs, list items, table rows). The same as renderRich when it did not change or
 * the document is no redline; `oldRich` undefined means the text is new with its item.
 */
export function renderRichChange(oldRich: Rich | undefined, rich: Rich | undefined, ctx: RenderContext, options: RichOptions): Block[] {
  if (!ctx.redline || ctx.revisions?.change || sameRich(oldRich, rich)) return renderRich(rich, ctx, options);
  const doc = diffRich(oldRich, rich).doc;
  const renderer = new RichRenderer(ctx, options);
  return renderer.blocks(doc.content ?? [], options.indent ?? 0, options.listDepth ?? 0);
}

/**
 * The body of a list item whose first line is written elsewhere (a principle's bold title): its leading
 * paragraphs as runs that continue that item's paragraph after a line break each, so the item stays one
 * list item (one numbered list, not one list per item); blocks that cannot go inside a paragraph (lists,
 * tables) and everything after them as `rest`, aligned with the item's text. With `compare` (a redline)
 * the changes from `oldRich` are marked.
 */
export function richListItem(
  oldRich: Rich | undefined,
  rich: Rich | undefined,
  compare: boolean,
  ctx: RenderContext,
  options: RichOptions,
): { runs: ParagraphChild[]; rest: Block[] } {
  const marked = compare && ctx.redline !== undefined && !ctx.revisions?.change && !sameRich(oldRich, rich);
  const doc: DiffNode = marked ? diffRich(oldRich, rich).doc : (ctx.comments?.richDoc(rich) ?? richToJson(rich));
  const renderer = new RichRenderer(ctx, options);
  const nodes = (doc.content ?? []) as DiffNode[];
  const runs: ParagraphChild[] = [];
  let i = 0;
  for (; i < nodes.length; i++) {
    const node = nodes[i] as DiffNode;
    if (node.type !== 'paragraph') break;
    if (!hasText(node)) continue;
    const write = () => [textRun(ctx, { break: 1 }), ...inlineRuns(node.content, ctx, {}, options.paragraphStyle)];
    runs.push(...(ctx.revisions && node.change ? ctx.revisions.within(node.change, write) : write()));
  }
  return { runs, rest: renderer.blocks(nodes.slice(i), options.indent ?? 0, options.listDepth ?? 0) };
}

class RichRenderer {
  /** Distinct heading levels used in the text, ranked, so "##" under a focus area is one level below it. */
  private headingRanks = new Map<number, number>();

  constructor(
    private readonly ctx: RenderContext,
    private readonly options: RichOptions,
  ) {}

  blocks(nodes: DiffNode[], indent: number, listDepth: number): Block[] {
    if (this.headingRanks.size === 0) this.rankHeadings(nodes);
    return nodes.flatMap((node) => this.changed(node, () => this.block(node, indent, listDepth)));
  }

  /** Writes a node the compare marked as a whole insertion or deletion inside that change. */
  private changed<T>(node: DiffNode, write: () => T): T {
    const revisions = this.ctx.revisions;
    return revisions && node.change ? revisions.within(node.change, write) : write();
  }

  private rankHeadings(nodes: PmNode[]) {
    const levels = new Set<number>();
    const walk = (list: PmNode[]) => {
      for (const node of list) {
        if (node.type === 'heading') levels.add(Number(node.attrs?.level ?? 1));
        else if (node.content && node.type !== 'paragraph') walk(node.content);
      }
    };
    walk(nodes);
    [...levels].sort((a, b) => a - b).forEach((level, rank) => this.headingRanks.set(level, rank + 1));
  }

  private paragraphStyle(): string {
    return this.options.paragraphStyle ?? S.normal;
  }

  private block(node: PmNode, indent: number, listDepth: number): Block[] {
    const ctx = this.ctx;
    switch (node.type) {
      case 'paragraph':
        if (!hasText(node)) return [];
        return [
          // Measured: in a table cell its words size the column (tables.ts columnWidths).
          measured(
            paragraph(ctx, {
              style: this.paragraphStyle(),
              ...(indent ? { indent: { left: indent } } : {}),
              children: inlineRuns(node.content, ctx, {}, this.paragraphStyle()),
            }),
            ctx.typo(plainText(node)),
          ),
        ];
      case 'heading': {
        if (!hasText(node)) return [];
        const rank = this.headingRanks.get(Number(node.attrs?.level ?? 1)) ?? 1;
        const level = this.options.baseLevel + rank;
        const inTable = this.options.paragraphStyle === S.tableText;
        if (level <= 3 && !inTable && indent === 0) {
          // A heading whose words changed (redline) shows them marked; its outline title is the new one.
          // A heading with pending suggestions (export "med forslag") shows them marked; its outline title is the published one.
          const suggested = ctx.suggestions?.publishedText(node);
          const marked = suggested !== undefined || hasChanges(node);
          return [
            ctx.outline.heading(
              level as HeadingLevel,
              ctx.typo(marked ? (suggested ?? plainText(sideOf(node, 'new'))) : plainText(node)),
              marked ? { runs: { children: inlineRuns(node.content, ctx), shown: plainText(node) } } : {},
            ),
          ];
        }
        // Too deep for the outline (or inside a table or list): a bold lead-in, not a heading.
        return [paragraph(ctx, { style: inTable ? S.tableText : S.subheading, ...(indent ? { indent: { left: indent } } : {}), children: inlineRuns(node.content, ctx, { bold: true }) })];
      }
      case 'bullet_list':
      case 'ordered_list':
        return this.list(node, indent, listDepth);
      case 'blockquote':
        return (node.content ?? []).flatMap((child: DiffNode) =>
          this.changed(child, () =>
            child.type === 'paragraph' && hasText(child)
              ? [paragraph(ctx, { style: S.quote, children: inlineRuns(child.content, ctx, {}, S.quote) })]
              : this.block(child, indent, listDepth),
          ),
        );
      case 'code_block': {
        const lines = plainText(node).split('\n');
        if (lines.every((line) => line.trim() === '')) return [];
        return [
          paragraph(ctx, {
            style: this.paragraphStyle(),
            ...(indent ? { indent: { left: indent } } : {}),
            children: codeRuns(node, ctx),
          }),
        ];
      }
      case 'table':
        return this.table(node);
      case 'page_break':
        // Word's manual page break (Ctrl+Enter in Word): a paragraph holding only the break.
        return [paragraph(ctx, { style: this.paragraphStyle(), children: [new PageBreak()] })];
      case 'horizontal_rule':
        return [];
      case 'image':
        return imageBlocks(ctx, node, indent); // a picture (./images.ts)
      default:
        // Unknown block: keep its text rather than lose it.
        return hasText(node) ? [paragraph(ctx, { style: this.paragraphStyle(), children: [textRun(ctx, ctx.typo(plainText(node)))] })] : [];
    }
  }

  private list(node: PmNode, indent: number, depth: number): Block[] {
    const ordered = node.type === 'ordered_list';
    const reference = ordered ? NUMBERING.ordered : NUMBERING.bullets;
    const instance = ordered ? this.ctx.nextListInstance() : 0;
    const level = Math.min(depth, 3);
    const out: Block[] = [];
    for (const item of (node.content ?? []) as DiffNode[]) {
      this.changed(item, () => {
        let numbered = false;
        for (const child of (item.content ?? []) as DiffNode[]) {
          this.changed(child, () => {
            if (child.type === 'paragraph' && !numbered) {
              numbered = true;
              out.push(
                paragraph(this.ctx, {
                  style: this.options.paragraphStyle ?? S.listContinue,
                  numbering: { reference, level, instance, custom: true },
                  children: inlineRuns(child.content, this.ctx),
                }),
              );
            } else if (child.type === 'bullet_list' || child.type === 'ordered_list') {
              out.push(...this.list(child, indent, depth + 1));
            } else {
              // A second paragraph of the item: aligned with the item's text, no number.
              out.push(...this.block(child, indent + LIST_INDENT(level), depth + 1));
            }
          });
        }
      });
    }
    return out;
  }

  private table(node: PmNode): Block[] {
    const rows = (node.content ?? []).filter((row) => row.type === 'table_row');
    const columns = Math.max(1, ...rows.map((row) => (row.content ?? []).length));
    const width = Math.floor(this.ctx.textWidth / columns);
    const border = { style: 'single' as const, size: 4, color: this.ctx.style.colours.tableBorder };
    const tableRows = rows.map((row: DiffNode, rowIndex) => this.changed(row, () => {
      const cells = (row.content ?? []) as DiffNode[];
      // The first row is the header row: marked as such for screen readers, repeated on each page.
      const header = rowIndex === 0;
      return new TableRow({
        tableHeader: header,
        cantSplit: true,
        ...rowRevision(this.ctx),
        children: cells.map((cell) => this.changed(cell, () => {
          const inner = new RichRenderer(this.ctx, { baseLevel: 3, paragraphStyle: header ? S.tableHeading : S.tableText });
          const blocks = inner.blocks(cell.content ?? [], 0, 0).filter((b): b is Paragraph => b instanceof Paragraph);
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: Number(cell.attrs?.colspan ?? 1) || 1,
            shading: header ? { type: 'clear', color: 'auto', fill: this.ctx.style.colours.tableHeaderFill } : undefined,
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            children: blocks.length > 0 ? blocks : [new Paragraph({ style: S.tableText, children: [] })],
          });
        })),
      });
    }));
    if (tableRows.length === 0) return [];
    return [
      new Table({
        rows: tableRows,
        width: { size: width * columns, type: WidthType.DXA },
        columnWidths: Array.from({ length: columns }, () => width),
        layout: TableLayoutType.FIXED,
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      }),
    ];
  }
}

function hasChanges(node: DiffNode): boolean {
  return node.change !== undefined || (node.content ?? []).some(hasChanges);
}

/** A code block's lines, each run marked as its text is (a redline's changed words). */
function codeRuns(node: DiffNode, ctx: RenderContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const child of (node.content ?? []) as DiffNode[]) {
    plainText(child)
      .split('\n')
      .forEach((line, i) => {
        if (line !== '' || i > 0) out.push(textRun(ctx, { text: line, font: 'Courier New', ...(i > 0 ? { break: 1 } : {}) }, child.change));
      });
  }
  return out;
}

function plainText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hard_break') return '\n';
  return (node.content ?? []).map(plainText).join('');
}
