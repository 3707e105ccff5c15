// The whole strategy: cover, table of contents, free sections in their placements, vision,
// perspectives with focus areas, action plans (landscape pages) and the "about" section.
import { Paragraph, TableOfContents, TextRun, type ISectionOptions } from 'docx';
import type { Perspective, SectionPlacement, Statement } from '../../format/schema';
import { formatDate, formatYears, strategyStatusLabel } from '../typography';
import { withItemComments } from './comments';
import type { RenderContext } from './context';
import { coverPage } from './cover';
import { groupedPlanTable, planSummary } from './plan-table';
import { section, textWidthOf } from './page-frame';
import { renderRich, type Block } from './rich';
import { NUMBERING, LIST_INDENT, S } from './styles';

function freeSections(ctx: RenderContext, placement: SectionPlacement): Block[] {
  const sections = (ctx.strategy.sections ?? []).filter((s) => (s.placement ?? 'end') === placement);
  return sections.flatMap((s) => [ctx.outline.heading(1, ctx.typo(s.title), { around: ctx.comments?.aroundItem(s.id) }), ...renderRich(s.body, ctx, { baseLevel: 1 })]);
}

/** Principles or bearings: a real numbered list, the title in bold, the body aligned under it. */
export function statementList(ctx: RenderContext, statements: Statement[], baseLevel: number): Block[] {
  const instance = ctx.nextListInstance();
  return statements.flatMap((statement) => [
    new Paragraph({
      style: S.listContinue,
      numbering: { reference: NUMBERING.ordered, level: 0, instance, custom: true },
      keepNext: statement.body !== undefined,
      children: withItemComments(ctx.comments, statement.id, new TextRun({ text: ctx.typo(statement.title), bold: true })),
    }),
    ...renderRich(statement.body, ctx, { baseLevel, indent: LIST_INDENT(0), listDepth: 1 }),
  ]);
}

function vision(ctx: RenderContext): Block[] {
  const { vision } = ctx.strategy;
  const out: Block[] = [ctx.outline.heading(1, ctx.texts.vision, { around: ctx.comments?.aroundItem('vision') })];
  out.push(...renderRich(vision.statement, ctx, { baseLevel: 1, paragraphStyle: S.visionStatement }));
  out.push(...renderRich(vision.body, ctx, { baseLevel: 1 }));
  if (vision.principles?.length) {
    out.push(ctx.outline.heading(2, ctx.words.principles), ...statementList(ctx, vision.principles, 2));
  }
  if (vision.bearings?.length) {
    out.push(ctx.outline.heading(2, ctx.words.bearings), ...statementList(ctx, vision.bearings, 2));
  }
  return out;
}

function perspectives(ctx: RenderContext): Block[] {
  const out: Block[] = [];
  let previousHidden = false;
  for (const perspective of ctx.strategy.perspectives) {
    // A hidden perspective is a strategy without that level: its focus areas stand under one
    // chapter named after them ("Indsatsområder"), consecutive hidden ones sharing it.
    if (!perspective.hidden) out.push(ctx.outline.heading(1, ctx.typo(perspective.title), { around: ctx.comments?.aroundItem(perspective.id) }));
    else if (!previousHidden) out.push(ctx.outline.heading(1, ctx.words.focusAreas));
    previousHidden = perspective.hidden === true;
    out.push(...perspectiveBody(ctx, perspective));
  }
  return out;
}

function perspectiveBody(ctx: RenderContext, perspective: Perspective): Block[] {
  const out: Block[] = [...renderRich(perspective.intro, ctx, { baseLevel: 1 })];
  if (perspective.principles?.length) {
    out.push(ctx.outline.heading(2, ctx.words.principles), ...statementList(ctx, perspective.principles, 2));
  }
  for (const focusArea of perspective.focusAreas) {
    out.push(ctx.outline.heading(2, ctx.typo(focusArea.title), { around: ctx.comments?.aroundItem(focusArea.id) }));
    out.push(...renderRich(focusArea.body, ctx, { baseLevel: 2 }));
    const goals = (focusArea.goals ?? []).filter((goal) => goal.text.trim() !== '');
    if (goals.length > 0) {
      out.push(new Paragraph({ style: S.label, children: [new TextRun(ctx.texts.goals)] }));
      for (const goal of goals) {
        out.push(
          new Paragraph({
            style: S.listContinue,
            numbering: { reference: NUMBERING.bullets, level: 0, custom: true },
            children: withItemComments(ctx.comments, goal.id, new TextRun(ctx.typo(goal.text))),
          }),
        );
      }
    }
  }
  return out;
}

function actionPlans(ctx: RenderContext): Block[] {
  const plans = ctx.strategy.actionPlans ?? [];
  if (plans.length === 0) return [];
  const out: Block[] = [ctx.outline.heading(1, ctx.texts.actionPlans)];
  plans.forEach((plan, i) => {
    // Each plan starts on a page of its own, so its heading is never stranded above a table.
    out.push(ctx.outline.heading(2, ctx.typo(plan.title), { pageBreakBefore: i > 0, around: ctx.comments?.aroundItem(plan.id) }));
    out.push(new Paragraph({ style: S.coverMeta, keepNext: true, children: [new TextRun(ctx.typo(planSummary(ctx, plan)))] }));
    out.push(...renderRich(plan.intro, ctx, { baseLevel: 2 }));
    if (plan.initiatives.length === 0) out.push(new Paragraph({ children: [new TextRun(ctx.texts.noInitiatives)] }));
    else out.push(groupedPlanTable(ctx, plan));
  });
  return out;
}

/** "Om strategien": who prepared and commissioned it, whom to contact, version and status. */
function about(ctx: RenderContext): Block[] {
  const { meta } = ctx.strategy;
  const t = ctx.texts;
  const rows: [string, string | undefined][] = [
    [t.preparedBy, meta.preparedBy],
    [t.commissionedBy, meta.commissionedBy],
    [t.contact, meta.contact],
    [t.period, formatYears(meta.period)],
    [t.version, meta.version],
    [t.date, meta.date ? formatDate(meta.date, ctx.lang) : undefined],
    [t.status, meta.status ? strategyStatusLabel(meta.status, ctx.lang) : undefined],
  ];
  const known = rows.filter((row): row is [string, string] => !!row[1] && row[1].trim() !== '');
  if (!meta.preparedBy && !meta.commissionedBy && !meta.contact) return [];
  return [
    ctx.outline.heading(1, t.aboutDocument),
    ...known.map(
      ([label, value]) =>
        new Paragraph({ style: S.metaList, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(ctx.typo(value))] }),
    ),
  ];
}

export function strategySections(ctx: RenderContext): ISectionOptions[] {
  ctx.textWidth = textWidthOf(ctx, 'portrait');
  const front: Block[] = [
    ...coverPage(ctx),
    new Paragraph({ style: S.tocHeading, pageBreakBefore: true, children: [new TextRun(ctx.texts.contents)] }),
    new TableOfContents(ctx.texts.contents, { hyperlink: true, headingStyleRange: '1-3' }) as unknown as Block,
    ...freeSections(ctx, 'beforeVision'),
    ...vision(ctx),
    ...freeSections(ctx, 'afterVision'),
    ...perspectives(ctx),
    ...freeSections(ctx, 'afterPerspectives'),
  ];
  const sections: ISectionOptions[] = [];
  const plans = (ctx.strategy.actionPlans ?? []).length > 0;
  if (!plans) {
    front.push(...freeSections(ctx, 'end'), ...about(ctx));
    return [section(ctx, { orientation: 'portrait', cover: true, children: front })];
  }
  sections.push(section(ctx, { orientation: 'portrait', cover: true, children: front }));
  // The plans' wide tables get landscape pages of their own.
  ctx.textWidth = textWidthOf(ctx, 'landscape');
  sections.push(section(ctx, { orientation: 'landscape', children: actionPlans(ctx) }));
  ctx.textWidth = textWidthOf(ctx, 'portrait');
  const back = [...freeSections(ctx, 'end'), ...about(ctx)];
  if (back.length > 0) sections.push(section(ctx, { orientation: 'portrait', children: back }));
  return sections;
}
