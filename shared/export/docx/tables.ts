// Data tables (action plans, status reports): a header row marked as such and repeated on every
// page, optional group rows spanning the table, fixed column widths from relative weights.
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType, type ParagraphChild } from 'docx';
import type { Change } from '../../compare/rich-diff';
import type { RenderContext } from './context';
import { changedRuns, paragraph, rowRevision, textRun, within } from './revisions';
import { S } from './styles';

export interface Column {
  title: string;
  /** Relative width. */
  weight: number;
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
  return paragraph(ctx, {
    style: S.tableText,
    children:
      text || options.oldText
        ? [...(options.around?.before ?? []), ...(options.runs ?? changedRuns(ctx, options.oldText === undefined ? undefined : ctx.typo(options.oldText), ctx.typo(text), base)), ...(options.around?.after ?? [])]
        : [],
  });
}

/** A cell paragraph "Label: value" with the label in bold; `oldValue` (a redline) marks the words that changed. */
export function cellLabelled(ctx: RenderContext, label: string, value: string, oldValue?: string): Paragraph {
  return paragraph(ctx, {
    style: S.tableText,
    children: [textRun(ctx, { text: `${label}: `, bold: true }), ...changedRuns(ctx, oldValue === undefined ? undefined : ctx.typo(oldValue), ctx.typo(value))],
  });
}

export function dataTable(ctx: RenderContext, columns: Column[], rows: RowSpec[]): Table {
  const { colours } = ctx.style;
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => Math.floor((ctx.textWidth * column.weight) / totalWeight));
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

  const bodyRows = rows.map((row) => {
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

  return new Table({
    rows: [headerRow, ...bodyRows],
    width: { size: tableWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: none, right: none, insideHorizontal: line, insideVertical: none },
  });
}
