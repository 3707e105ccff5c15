// Data tables (action plans, status reports): a header row marked as such and repeated on every
// page, optional group rows spanning the table, a caption and description for screen readers, and
// fixed column widths sized to the content (see columnWidths).
import { Paragraph, StringValueElement, Table, TableCell, TableLayoutType, TableRow, WidthType, type ParagraphChild } from 'docx';
import { diffText, type Change } from '../../compare/rich-diff';
import type { RenderContext } from './context';
import { longestPiecePt, textWidthPt } from '../text-width';
import { changedRuns, paragraph, rowRevision, textRun, within } from './revisions';
import { S } from './styles';

export interface Column {
  title: string;
  /** Relative width: the share of the width left over once every column fits its words. */
  weight: number;
}

/** What a table cell paragraph shows, for sizing its column: recorded where the paragraph is made. */
const shown = new WeakMap<Paragraph, { text: string; bold: boolean }>();

/** Records the text `paragraph` shows in a table cell (see columnWidths); returns the paragraph. */
export function measured(made: Paragraph, text: string, bold = false): Paragraph {
  shown.set(made, { text, bold });
  return made;
}

/** What a table says to a screen reader before its rows (w:tblCaption, w:tblDescription). */
export interface TableSummary {
  caption: string;
  description?: string;
}

/** A row; `change` (a redline) marks it inserted or deleted as a whole row. */
export type RowSpec =
  | { kind: 'group'; text: string; change?: Change }
  | { kind: 'data'; cells: Paragraph[][]; /** Long rows may break across pages; short ones stay whole. */ canSplit?: boolean; change?: Change };

const CELL_MARGINS = { top: 50, bottom: 50, left: 90, right: 90 };

/** A cell paragraph in the table text style; `oldText` (a redline) marks the words that changed, `around` goes around them (a Word comment's range). */
export function cellText(
  ctx: RenderContext,
  text: string,
  options: { bold?: boolean; muted?: boolean; oldText?: string; around?: { before: ParagraphChild[]; after: ParagraphChild[] }; /** The text's runs made elsewhere (a suggested new title). */ runs?: ParagraphChild[] } = {},
): Paragraph {
  const base = { bold: options.bold, color: options.muted ? ctx.style.colours.muted : undefined };
  const made = paragraph(ctx, {
    style: S.tableText,
    children:
      text || options.oldText
        ? [...(options.around?.before ?? []), ...(options.runs ?? changedRuns(ctx, options.oldText === undefined ? undefined : ctx.typo(options.oldText), ctx.typo(text), base)), ...(options.around?.after ?? [])]
        : [],
  });
  // A redline shows the old and the new words run together where they changed ("I gangForsinket").
  const shownText = options.oldText === undefined || !ctx.revisions ? ctx.typo(text) : diffText(ctx.typo(options.oldText), ctx.typo(text)).map((piece) => piece.text).join('');
  return measured(made, shownText, options.bold === true);
}

/** A cell paragraph "Label: value" with the label in bold; `oldValue` (a redline) marks the words that changed. */
export function cellLabelled(ctx: RenderContext, label: string, value: string, oldValue?: string): Paragraph {
  const made = paragraph(ctx, {
    style: S.tableText,
    children: [textRun(ctx, { text: `${label}: `, bold: true }), ...changedRuns(ctx, oldValue === undefined ? undefined : ctx.typo(oldValue), ctx.typo(value))],
  });
  // The label is bold: measured as bold text, a little wider than the value would be.
  const shownValue = oldValue === undefined || !ctx.revisions ? ctx.typo(value) : diffText(ctx.typo(oldValue), ctx.typo(value)).map((piece) => piece.text).join('');
  return measured(made, `${label}: ${shownValue}`, true);
}

/** Room a cell needs besides its text: the cell margins, and a little slack for rounding in the layout. */
const CELL_PADDING_TW = CELL_MARGINS.left + CELL_MARGINS.right + 40;
const SLACK = 1.03;

/**
 * Column widths (twips) sized to the content. Each column first gets the width of its widest unbreakable
 * piece (a word, a no-break-spaced period like "aug. 2009–dec. 2010"), so no word is ever cut in the
 * middle ("Økonomiforvaltnin|gen"); a column whose every line fits in less than its share of the table
 * (by weight) gets just that, so short columns (status, period) are not near-empty; what is left goes to
 * the columns whose text still wraps, by weight. When even the words do not fit, the columns shrink in
 * proportion to them (nothing else is possible).
 */
export function columnWidths(ctx: RenderContext, columns: Column[], rows: RowSpec[]): number[] {
  const total = ctx.textWidth;
  const font = ctx.style.fonts.body;
  const size = ctx.style.sizes.small;
  const tw = (pt: number) => Math.ceil(pt * 20 * SLACK) + CELL_PADDING_TW;
  const minimum = columns.map((column) => tw(longestPiecePt(column.title, font, size, true)));
  const natural = columns.map((column) => tw(textWidthPt(column.title, font, size, true)));
  for (const row of rows) {
    if (row.kind !== 'data') continue;
    row.cells.forEach((cell, i) => {
      for (const made of cell) {
        const text = shown.get(made);
        if (!text) continue;
        minimum[i] = Math.max(minimum[i] ?? 0, tw(longestPiecePt(text.text, font, size, text.bold)));
        natural[i] = Math.max(natural[i] ?? 0, tw(Math.max(...text.text.split('\n').map((line) => textWidthPt(line, font, size, text.bold)))));
      }
    });
  }
  const weights = columns.map((column) => column.weight);
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const share = weights.map((w) => (total * w) / weightSum);
  const min = (i: number) => minimum[i] ?? 0;
  const want = columns.map((_, i) => Math.max(min(i), Math.min(natural[i] ?? 0, share[i] ?? 0)));
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(want) <= total) {
    // Left over: to the columns that still wrap (want below natural), by weight; if none wraps, to all.
    const wrapping = want.map((w, i) => (w < (natural[i] ?? 0) ? (weights[i] ?? 0) : 0));
    const to = sum(wrapping) > 0 ? wrapping : weights;
    const left = total - sum(want);
    widths = want.map((w, i) => w + (left * (to[i] ?? 0)) / (sum(to) || 1));
  } else if (sum(minimum) <= total) {
    // Too wide: take back from what columns have above their words, in proportion.
    const spare = want.map((w, i) => w - min(i));
    const over = sum(want) - total;
    widths = want.map((w, i) => w - (over * (spare[i] ?? 0)) / (sum(spare) || 1));
  } else {
    widths = minimum.map((w) => (w * total) / sum(minimum));
  }
  const floored = widths.map((w) => Math.floor(w));
  // Rounding: the last column takes the remainder so the table is exactly the text width.
  floored[floored.length - 1] = (floored[floored.length - 1] ?? 0) + total - sum(floored);
  return floored;
}

/** A table with a caption and description (docx has no option for them: added to its w:tblPr). */
function withSummary(table: Table, summary: TableSummary | undefined): Table {
  if (!summary) return table;
  // w:tblPr is the table's first child; w:tblCaption and w:tblDescription end it (CT_TblPr's order).
  const root = (table as unknown as { root: unknown[] }).root;
  const properties = root[0] as { root?: unknown[] } | undefined;
  if (!properties?.root) throw new Error('docx changed: a table without w:tblPr');
  properties.root.push(new StringValueElement('w:tblCaption', summary.caption));
  if (summary.description) properties.root.push(new StringValueElement('w:tblDescription', summary.description));
  return table;
}

export interface TableOptions {
  summary?: TableSummary;
  /** Column widths shared by several tables of one document (columnWidths over all their rows). */
  widths?: number[];
}

export function dataTable(ctx: RenderContext, columns: Column[], rows: RowSpec[], options: TableOptions = {}): Table {
  const { colours } = ctx.style;
  const widths = options.widths ?? columnWidths(ctx, columns, rows);
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const line = { style: 'single' as const, size: 4, color: colours.tableBorder };
  const none = { style: 'none' as const, size: 0, color: 'auto' };

  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    // A table added or removed whole (redline) takes its header row along.
    ...rowRevision(ctx),
    children: columns.map(
      (column, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          shading: { type: 'clear', color: 'auto', fill: colours.tableHeaderFill },
          margins: CELL_MARGINS,
          children: [paragraph(ctx, { style: S.tableHeading, children: [textRun(ctx, column.title)] })],
        }),
    ),
  });

  // The row before the last is kept with it, so a table that runs onto another page never leaves its
  // last row there alone (with the repeated header row above it).
  const lastData = rows.map((row) => row.kind).lastIndexOf('data');
  const keptWithLast = rows.slice(0, lastData).map((row) => row.kind).lastIndexOf('data');
  const bodyRows = rows.map((row, index) => {
    if (row.kind === 'group') {
      return new TableRow({
        cantSplit: true,
        keepNext: true,
        ...rowRevision(ctx, row.change),
        children: [
          new TableCell({
            columnSpan: columns.length,
            width: { size: tableWidth, type: WidthType.DXA },
            shading: { type: 'clear', color: 'auto', fill: colours.tableGroupFill },
            margins: CELL_MARGINS,
            children: [within(ctx, row.change, () => paragraph(ctx, { style: S.tableGroup, children: [textRun(ctx, ctx.typo(row.text))] }))],
          }),
        ],
      });
    }
    return new TableRow({
      cantSplit: !row.canSplit,
      ...(index === keptWithLast ? { keepNext: true } : {}),
      ...rowRevision(ctx, row.change),
      children: columns.map((_, i) => {
        const content = row.cells[i] ?? [];
        return new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          margins: CELL_MARGINS,
          // A cell must hold a paragraph; an empty one is the cell, not spacing.
          children: content.length > 0 ? content : [new Paragraph({ style: S.tableText, children: [] })],
        });
      }),
    });
  });

  const table = new Table({
    rows: [headerRow, ...bodyRows],
    width: { size: tableWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: none, right: none, insideHorizontal: line, insideVertical: none },
  });
  return withSummary(table, options.summary);
}
