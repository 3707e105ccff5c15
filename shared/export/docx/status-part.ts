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
import { cellText, dataTable, type Column, type RowSpec } from './tables';

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
  children.push(dataTable(ctx, [{ title: t.status, weight: 3 }, { title: t.count, weight: 1 }], countRows));
  ctx.textWidth = wide;

  let previousHidden = false;
  for (const group of report.groups) {
    const perspective = group.perspective;
    const compact = { pageBreakBefore: false };
    if (perspective === null) children.push(ctx.outline.heading(1, t.otherInitiatives, compact));
    else if (!perspective.hidden) children.push(ctx.outline.heading(1, ctx.typo(perspective.title), compact));
    else if (!previousHidden) children.push(ctx.outline.heading(1, ctx.words.focusAreas, compact));
    previousHidden = perspective?.hidden === true;
    for (const { focusArea, initiatives } of group.focusAreas) {
      if (focusArea) children.push(ctx.outline.heading(2, ctx.typo(focusArea.title)));
      children.push(dataTable(ctx, initiativeColumns(ctx), initiatives.map((entry) => initiativeRow(ctx, entry))));
    }
  }
  if (report.total === 0) children.push(new Paragraph({ children: [new TextRun(t.noInitiatives)] }));
  return [section(ctx, { orientation: 'portrait', children })];
}
