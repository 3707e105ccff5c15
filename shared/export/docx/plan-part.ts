// One action plan as a document of its own: landscape pages, a title block, the plan's intro, and
// its initiatives in tables grouped by perspective (level 1) and focus area (level 2).
import { Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { ActionPlan, Initiative } from '../../format/schema';
import { formatDate, isoDateOf } from '../typography';
import type { RenderContext } from './context';
import { titleBlock } from './cover';
import { t as message } from '../../i18n/messages';
import { initiativeRow, orderedInitiatives, planColumns, planSummary, planSummaryOf } from './plan-table';
import { section, textWidthOf } from './page-frame';
import { renderRich, type Block } from './rich';
import { columnWidths, dataTable } from './tables';

export function planSections(ctx: RenderContext, plan: ActionPlan): ISectionOptions[] {
  ctx.textWidth = textWidthOf(ctx, 'landscape');
  const { meta } = ctx.strategy;
  const children: Block[] = [
    ...titleBlock(ctx, plan.title, `${meta.title} · ${meta.organisation}`, [
      planSummary(ctx, plan),
      formatDate(meta.date ?? isoDateOf(ctx.now), ctx.lang),
    ]),
    ...renderRich(plan.intro, ctx, { baseLevel: 0 }),
  ];

  // Group by the focus area each initiative serves first, in the strategy's order.
  const groups = new Map<string, Initiative[]>();
  const unassigned: Initiative[] = [];
  for (const initiative of orderedInitiatives(ctx, plan)) {
    const home = ctx.index.homeOf(initiative);
    if (!home) unassigned.push(initiative);
    else groups.set(home.focusArea.id, [...(groups.get(home.focusArea.id) ?? []), initiative]);
  }

  // One set of columns for all the plan's tables, sized over all its rows, so the tables line up.
  const columns = planColumns(ctx);
  const rows = new Map(plan.initiatives.map((initiative) => [initiative.id, initiativeRow(ctx, initiative)]));
  const rowsOf = (initiatives: Initiative[]) => initiatives.map((initiative) => rows.get(initiative.id) ?? initiativeRow(ctx, initiative));
  const widths = columnWidths(ctx, columns, [...rows.values()]);
  let first = true;
  let previousHiddenHeading = false;
  for (const perspective of ctx.strategy.perspectives) {
    const focusAreas = perspective.focusAreas.filter((fa) => groups.has(fa.id));
    if (focusAreas.length === 0) continue;
    // Plans are compact: chapters follow each other on the page rather than each on a new one.
    if (!perspective.hidden) children.push(ctx.outline.heading(1, ctx.typo(perspective.title), { pageBreakBefore: false }));
    else if (!previousHiddenHeading) children.push(ctx.outline.heading(1, ctx.words.focusAreas, { pageBreakBefore: false }));
    previousHiddenHeading = perspective.hidden === true;
    for (const focusArea of focusAreas) {
      const title = ctx.typo(focusArea.title);
      children.push(ctx.outline.heading(2, title));
      const caption = message(ctx.lang, 'layout.table.focusAreaCaption', { focusArea: title });
      children.push(dataTable(ctx, columns, rowsOf(groups.get(focusArea.id) ?? []), { summary: planSummaryOf(ctx, caption), widths }));
    }
    first = false;
  }
  if (unassigned.length > 0) {
    children.push(ctx.outline.heading(1, ctx.texts.otherInitiatives, { pageBreakBefore: false }));
    const caption = message(ctx.lang, 'layout.table.focusAreaCaption', { focusArea: ctx.texts.otherInitiatives });
    children.push(dataTable(ctx, columns, rowsOf(unassigned), { summary: planSummaryOf(ctx, caption), widths }));
    first = false;
  }
  if (first) children.push(new Paragraph({ children: [new TextRun(ctx.texts.noInitiatives)] }));
  return [section(ctx, { orientation: 'landscape', children })];
}
