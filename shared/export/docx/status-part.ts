// The yearly status report: counts per status, then each initiative's status and latest note,
// grouped by perspective and focus area. The data comes from shared/report/status-report.ts.
import { Paragraph, TextRun, type ISectionOptions } from 'docx';
import { INITIATIVE_STATUSES } from '../../format/schema';
import { buildStatusReport, type StatusReportInitiative } from '../../report/status-report';
import { formatDate, formatYears, initiativeStatusLabel, isoDateOf } from '../typography';
import type { RenderContext } from './context';
import { titleBlock } from './cover';
import { section, textWidthOf } from './page-frame';
import type { Block } from './rich';
import { t as message } from '../../i18n/messages';
import { cellText, columnWidths, dataTable, type Column, type RowSpec } from './tables';

function initiativeColumns(ctx: RenderContext): Column[] {
  const t = ctx.texts;
  return [
    { title: t.initiative, weight: 29 },
    { title: t.owner, weight: 18 },
    { title: t.status, weight: 11 },
    { title: t.note, weight: 27 },
    { title: t.noteDate, weight: 15 },
  ];
}

function initiativeRow(ctx: RenderContext, entry: StatusReportInitiative): RowSpec {
  const plans = (ctx.strategy.actionPlans ?? []).length;
  return {
    kind: 'data',
    canSplit: (entry.note ?? '').length > 600,
    cells: [
      [cellText(ctx, entry.initiative.title, { bold: true }), ...(plans > 1 ? [cellText(ctx, entry.plan.title, { muted: true })] : [])],
      [cellText(ctx, ctx.index.ownerLabel(entry.initiative.ownerId))],
      [cellText(ctx, initiativeStatusLabel(entry.status, ctx.lang))],
      entry.note ? [cellText(ctx, entry.note)] : [],
      entry.date ? [cellText(ctx, formatDate(entry.date, ctx.lang))] : [],
    ],
  };
}

export function statusSections(ctx: RenderContext, asOf: string | undefined): ISectionOptions[] {
  ctx.textWidth = textWidthOf(ctx, 'portrait');
  const t = ctx.texts;
  const { meta } = ctx.strategy;
  const report = buildStatusReport(ctx.strategy, asOf ? { asOf } : {});
  const reportDate = report.reportDate ?? isoDateOf(ctx.now);
  const children: Block[] = [
    ...titleBlock(ctx, t.statusReportTitle, meta.title.includes(String(meta.period.from)) ? meta.title : `${meta.title} ${formatYears(meta.period)}`, [
      meta.organisation,
      `${t.statusAsOf} ${formatDate(reportDate, ctx.lang)}`,
    ]),
  ];

  children.push(ctx.outline.heading(1, t.overview, { pageBreakBefore: false }));
  const countRows: RowSpec[] = INITIATIVE_STATUSES.map((status) => ({
    kind: 'data',
    cells: [[cellText(ctx, initiativeStatusLabel(status, ctx.lang))], [cellText(ctx, String(report.counts[status]))]],
  }));
  countRows.push({ kind: 'data', cells: [[cellText(ctx, t.total, { bold: true })], [cellText(ctx, String(report.total), { bold: true })]] });
  const wide = ctx.textWidth;
  ctx.textWidth = Math.round(wide * 0.5);
  children.push(dataTable(ctx, [{ title: t.status, weight: 3 }, { title: t.count, weight: 1 }], countRows, { summary: { caption: message(ctx.lang, 'layout.table.countsCaption') } }));
  ctx.textWidth = wide;

  // Every table of the report has the same columns, sized once over all their rows, so they line up.
  const columns = initiativeColumns(ctx);
  const rowsOf = new Map(report.groups.flatMap((group) => group.focusAreas).map((area) => [area, area.initiatives.map((entry) => initiativeRow(ctx, entry))]));
  const widths = columnWidths(ctx, columns, [...rowsOf.values()].flat());
  const description = message(ctx.lang, 'layout.table.statusDescription');
  let previousHidden = false;
  for (const group of report.groups) {
    const perspective = group.perspective;
    const compact = { pageBreakBefore: false };
    const chapter = perspective === null ? t.otherInitiatives : !perspective.hidden ? ctx.typo(perspective.title) : ctx.words.focusAreas;
    if (perspective === null || !perspective.hidden || !previousHidden) children.push(ctx.outline.heading(1, chapter, compact));
    previousHidden = perspective?.hidden === true;
    for (const area of group.focusAreas) {
      const title = area.focusArea ? ctx.typo(area.focusArea.title) : chapter;
      if (area.focusArea) children.push(ctx.outline.heading(2, title));
      const summary = { caption: message(ctx.lang, 'layout.table.statusCaption', { focusArea: title }), description };
      children.push(dataTable(ctx, columns, rowsOf.get(area) ?? [], { summary, widths }));
    }
  }
  if (report.total === 0) children.push(new Paragraph({ children: [new TextRun(t.noInitiatives)] }));
  return [section(ctx, { orientation: 'portrait', children })];
}
