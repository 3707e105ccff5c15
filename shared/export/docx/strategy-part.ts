// The whole strategy: cover, table of contents, free sections in their placements, vision,
// perspectives with focus areas, action plans (landscape pages) and the "about" section.
//
// In a redline (ctx.redline) every list of items is the old and the new strategy's merged by id
// (eachItem): an item only the new one has is written inside an insertion, one only the old one has
// (from the old strategy, with its look-ups) inside a deletion, one both have with its changed title
// and text marked word by word. Headings and labels that stand before a list follow whether each
// side has items (listLead). See ./revisions.ts for how the marks are written.
import { Paragraph, TableOfContents, TextRun, type ISectionOptions, type ParagraphChild } from 'docx';
import { mergeByKey } from '../../compare/sequence';
import type { ActionPlan, FocusArea, Perspective, Section, SectionPlacement, Statement } from '../../format/schema';
import { oldSide, type RenderContext } from './context';
import { coverPage } from './cover';
import { changedPlanTable, groupedPlanTable, planSummary } from './plan-table';
import { section, textWidthOf } from './page-frame';
import { aboutFacts, aboutShown, placementOf } from '../strategy-index';
import { renderRich, renderRichChange, richListItem, saidInSections, type Block, type RichOptions } from './rich';
import { changedRuns, paragraph, textRun, within } from './revisions';
import { principlesHeading } from './headings';
import { NUMBERING, LIST_INDENT, S } from './styles';

type Goal = NonNullable<FocusArea['goals']>[number];

/** A heading's Word comments (the consultation copy, ./comments.ts): the ranges around its title. */
function commentsOn(ctx: RenderContext, id: string): { around?: { before: ParagraphChild[]; after: ParagraphChild[] } } {
  return ctx.comments ? { around: ctx.comments.aroundItem(id) } : {};
}

/** Runs with the Word comments of item `id` around them (a consultation copy is no redline: one run). */
function withComments(ctx: RenderContext, id: string, runs: ParagraphChild[]): ParagraphChild[] {
  const [first, ...rest] = runs;
  if (!ctx.comments || !first) return runs;
  const around = ctx.comments.aroundItem(id);
  return [...around.before, first, ...around.after, ...rest];
}

/** Whether the writer is comparing item by item (a redline, and not inside a whole added or removed item). */
function comparing(ctx: RenderContext): boolean {
  return ctx.redline !== undefined && ctx.revisions?.change === undefined;
}

/**
 * Writes the items of a list. In a redline the old and new lists are merged by id: `write` gets the
 * item and, when both versions have it, the old one; an added item is written inside an insertion,
 * a removed one (with the old strategy's context) inside a deletion.
 */
function eachItem<T extends { id: string }>(
  ctx: RenderContext,
  oldList: readonly T[] | undefined,
  newList: readonly T[] | undefined,
  write: (ctx: RenderContext, item: T, old: T | undefined, index: number) => Block[],
): Block[] {
  if (!comparing(ctx)) return (newList ?? []).flatMap((item, i) => write(ctx, item, undefined, i));
  const oldCtx = oldSide(ctx);
  return mergeByKey(oldList ?? [], newList ?? [], (item) => item.id).flatMap((entry, i) => {
    if (entry.in === 'both') return write(ctx, entry.new, entry.old, i);
    if (entry.in === 'new') return within(ctx, 'inserted', () => write(ctx, entry.new, undefined, i));
    return within(oldCtx, 'deleted', () => write(oldCtx, entry.old, undefined, i));
  });
}

/** A heading or label standing before a list that has items: in a redline inserted or deleted when only one side has any. */
function listLead(ctx: RenderContext, oldHas: boolean, newHas: boolean, write: () => Block): Block[] {
  if (!comparing(ctx)) return newHas ? [write()] : [];
  if (!oldHas && !newHas) return [];
  return [within(ctx, oldHas && newHas ? undefined : newHas ? 'inserted' : 'deleted', write)];
}

/** Rich text of an item, its changes from the old item's marked when there is one. */
function richOf(ctx: RenderContext, oldItem: object | undefined, rich: Parameters<typeof renderRich>[0], oldRich: Parameters<typeof renderRich>[0], options: RichOptions): Block[] {
  return oldItem ? renderRichChange(oldRich, rich, ctx, options) : renderRich(rich, ctx, options);
}

function freeSections(ctx: RenderContext, placement: SectionPlacement): Block[] {
  const of = (list: Section[] | undefined) => (list ?? []).filter((s) => placementOf(s) === placement);
  return eachItem(ctx, of(ctx.redline?.old.sections), of(ctx.strategy.sections), (c, s, old) => [
    c.outline.heading(1, c.typo(s.title), { ...(old ? { oldTitle: c.typo(old.title) } : {}), ...commentsOn(c, s.id), ...(s.unnumbered ? { unnumbered: true } : {}), ...(c.suggestions?.heading(s.id, c.typo(s.title)) ?? {}) }),
    ...richOf(c, old, s.body, old?.body, { baseLevel: 1 }),
  ]);
}

/** Principles or bearings: a real numbered list, the title in bold, the body aligned under it. */
export function statementList(ctx: RenderContext, statements: Statement[], baseLevel: number, oldStatements?: Statement[]): Block[] {
  const instance = ctx.nextListInstance();
  return eachItem(ctx, oldStatements, statements, (c, statement, old) => {
    // The body continues the item's own paragraph (richListItem), so the principles stay one list.
    const body = richListItem(old?.body, statement.body, old !== undefined, c, { baseLevel, indent: LIST_INDENT(0), listDepth: 1 });
    return [
      paragraph(c, {
        style: S.listContinue,
        numbering: { reference: NUMBERING.ordered, level: 0, instance, custom: true },
        keepNext: body.rest.length > 0,
        children: [...withComments(c, statement.id, changedRuns(c, old ? c.typo(old.title) : undefined, c.typo(statement.title), { bold: true })), ...body.runs],
      }),
      ...body.rest,
    ];
  });
}

function vision(ctx: RenderContext): Block[] {
  const { vision } = ctx.strategy;
  const old = comparing(ctx) ? ctx.redline?.old.vision : undefined;
  const out: Block[] = [ctx.outline.heading(1, ctx.texts.vision, commentsOn(ctx, 'vision'))];
  out.push(...richOf(ctx, old, vision.statement, old?.statement, { baseLevel: 1, paragraphStyle: S.visionStatement }));
  out.push(...richOf(ctx, old, vision.body, old?.body, { baseLevel: 1 }));
  const lists = [
    [vision.principles, old?.principles, ctx.words.principles],
    [vision.bearings, old?.bearings, ctx.words.bearings],
  ] as const;
  for (const [statements, oldStatements, title] of lists) {
    const leads = listLead(ctx, (oldStatements?.length ?? 0) > 0, (statements?.length ?? 0) > 0, () => ctx.outline.heading(2, title));
    if (leads.length > 0) out.push(...leads, ...statementList(ctx, statements ? [...statements] : [], 2, oldStatements ? [...oldStatements] : undefined));
  }
  return out;
}

function perspectives(ctx: RenderContext): Block[] {
  if (!comparing(ctx)) {
    const out: Block[] = [];
    let previousHidden = false;
    for (const perspective of ctx.strategy.perspectives) {
      // A hidden perspective is a strategy without that level: its focus areas stand under one
      // chapter named after them ("Indsatsområder"), consecutive hidden ones sharing it.
      if (!perspective.hidden) out.push(ctx.outline.heading(1, ctx.typo(perspective.title), { ...commentsOn(ctx, perspective.id), ...(ctx.suggestions?.heading(perspective.id, ctx.typo(perspective.title)) ?? {}) }));
      else if (!previousHidden) out.push(ctx.outline.heading(1, ctx.words.focusAreas));
      previousHidden = perspective.hidden === true;
      out.push(...perspectiveBody(ctx, perspective));
    }
    return out;
  }
  // Redline: as above on each side; a perspective whose hidden flag changed is the old one deleted
  // and the new one inserted, and the shared "Indsatsområder" chapter is written where either side
  // starts one (inserted or deleted when only one side does).
  const oldCtx = oldSide(ctx);
  type Entry = { side: 'both' | 'old' | 'new'; hidden: boolean; write: () => Block[] };
  const entries: Entry[] = [];
  for (const entry of mergeByKey(ctx.redline!.old.perspectives, ctx.strategy.perspectives, (p) => p.id)) {
    if (entry.in === 'both' && (entry.old.hidden === true) === (entry.new.hidden === true)) {
      entries.push({ side: 'both', hidden: entry.new.hidden === true, write: () => perspectiveChapter(ctx, entry.new, entry.old) });
      continue;
    }
    if (entry.in !== 'new') {
      const old = entry.old;
      entries.push({ side: 'old', hidden: old.hidden === true, write: () => within(oldCtx, 'deleted', () => perspectiveChapter(oldCtx, old, undefined)) });
    }
    if (entry.in !== 'old') {
      const added = entry.new;
      entries.push({ side: 'new', hidden: added.hidden === true, write: () => within(ctx, 'inserted', () => perspectiveChapter(ctx, added, undefined)) });
    }
  }
  const out: Block[] = [];
  let oldHidden = false;
  let newHidden = false;
  for (const entry of entries) {
    const inOld = entry.side !== 'new';
    const inNew = entry.side !== 'old';
    if (entry.hidden) {
      const oldNeeds = inOld && !oldHidden;
      const newNeeds = inNew && !newHidden;
      if (oldNeeds || newNeeds) {
        const change = oldNeeds && newNeeds ? undefined : oldNeeds ? 'deleted' : 'inserted';
        out.push(within(ctx, change, () => ctx.outline.heading(1, ctx.words.focusAreas)));
      }
    }
    if (inOld) oldHidden = entry.hidden;
    if (inNew) newHidden = entry.hidden;
    out.push(...entry.write());
  }
  return out;
}

/** A perspective in a redline: its title heading (unless hidden) and its body. */
function perspectiveChapter(ctx: RenderContext, perspective: Perspective, old: Perspective | undefined): Block[] {
  const out: Block[] = [];
  if (!perspective.hidden) out.push(ctx.outline.heading(1, ctx.typo(perspective.title), { ...(old ? { oldTitle: ctx.typo(old.title) } : {}), ...commentsOn(ctx, perspective.id), ...(ctx.suggestions?.heading(perspective.id, ctx.typo(perspective.title)) ?? {}) }));
  out.push(...perspectiveBody(ctx, perspective, old));
  return out;
}

function perspectiveBody(ctx: RenderContext, perspective: Perspective, old?: Perspective): Block[] {
  const out: Block[] = [...richOf(ctx, old, perspective.intro, old?.intro, { baseLevel: 1 })];
  const principles = principlesHeading(ctx.lang, ctx.strategy, ctx.words.principles, ctx.typo(perspective.title));
  const leads = listLead(ctx, (old?.principles?.length ?? 0) > 0, (perspective.principles?.length ?? 0) > 0, () => ctx.outline.heading(2, principles));
  if (leads.length > 0) out.push(...leads, ...statementList(ctx, perspective.principles ?? [], 2, old?.principles));
  out.push(...eachItem(ctx, old?.focusAreas, perspective.focusAreas, focusAreaBlocks));
  return out;
}

const goalsOf = (focusArea: FocusArea | undefined): Goal[] => (focusArea?.goals ?? []).filter((goal) => goal.text.trim() !== '');

function focusAreaBlocks(ctx: RenderContext, focusArea: FocusArea, old: FocusArea | undefined): Block[] {
  const out: Block[] = [ctx.outline.heading(2, ctx.typo(focusArea.title), { ...(old ? { oldTitle: ctx.typo(old.title) } : {}), ...commentsOn(ctx, focusArea.id), ...(ctx.suggestions?.heading(focusArea.id, ctx.typo(focusArea.title)) ?? {}) })];
  out.push(...richOf(ctx, old, focusArea.body, old?.body, { baseLevel: 2 }));
  const goals = goalsOf(focusArea);
  const oldGoals = goalsOf(old);
  out.push(...listLead(ctx, oldGoals.length > 0, goals.length > 0, () => paragraph(ctx, { style: S.goalsHeading, children: [textRun(ctx, ctx.texts.goals)] })));
  out.push(
    ...eachItem(ctx, old ? oldGoals : undefined, goals, (c, goal, oldGoal) => [
      paragraph(c, {
        style: S.listContinue,
        numbering: { reference: NUMBERING.bullets, level: 0, custom: true },
        children: withComments(c, goal.id, c.suggestions?.fieldRuns(goal.id, 'text', c.typo(goal.text)) ?? changedRuns(c, oldGoal ? c.typo(oldGoal.text) : undefined, c.typo(goal.text))),
      }),
    ]),
  );
  return out;
}

function noInitiatives(ctx: RenderContext): Block {
  return paragraph(ctx, { children: [textRun(ctx, ctx.texts.noInitiatives)] });
}

/** A plan's table (or the line saying it has no initiatives); in a redline against the old plan's. */
function planTable(ctx: RenderContext, plan: ActionPlan, old: ActionPlan | undefined): Block[] {
  const has = plan.initiatives.length > 0;
  if (!old) return [has ? groupedPlanTable(ctx, plan) : noInitiatives(ctx)];
  const oldHas = old.initiatives.length > 0;
  if (has && oldHas) return [changedPlanTable(ctx, old, plan)];
  if (!has && !oldHas) return [noInitiatives(ctx)];
  const oldCtx = oldSide(ctx);
  return [
    within(oldCtx, 'deleted', () => (oldHas ? groupedPlanTable(oldCtx, old) : noInitiatives(oldCtx))),
    within(ctx, 'inserted', () => (has ? groupedPlanTable(ctx, plan) : noInitiatives(ctx))),
  ];
}

function actionPlans(ctx: RenderContext): Block[] {
  const plans = ctx.strategy.actionPlans ?? [];
  const oldPlans = ctx.redline?.old.actionPlans ?? [];
  const lead = listLead(ctx, oldPlans.length > 0, plans.length > 0, () => ctx.outline.heading(1, ctx.texts.actionPlans));
  if (lead.length === 0) return [];
  const oldCtx = ctx.redline ? oldSide(ctx) : ctx;
  return [
    ...lead,
    ...eachItem(ctx, oldPlans, plans, (c, plan, old, i) => [
      // Each plan starts on a page of its own, so its heading is never stranded above a table.
      c.outline.heading(2, c.typo(plan.title), { pageBreakBefore: i > 0, ...(old ? { oldTitle: c.typo(old.title) } : {}), ...commentsOn(c, plan.id), ...(c.suggestions?.heading(plan.id, c.typo(plan.title)) ?? {}) }),
      paragraph(c, {
        style: S.coverMeta,
        keepNext: true,
        children: changedRuns(c, old ? c.typo(planSummary(oldCtx, old)) : undefined, c.typo(planSummary(c, plan))),
      }),
      ...richOf(c, old, plan.intro, old?.intro, { baseLevel: 2 }),
      ...planTable(c, plan, old),
    ]),
  ];
}

/** The rows of "Om strategien" that have a value, and whether the section is written at all. */
function aboutRows(ctx: RenderContext): { shown: boolean; rows: { id: string; label: string; value: string }[] } {
  const { meta } = ctx.strategy;
  // The contact once: not again here when a section of the strategy already gives it.
  const facts = aboutFacts(meta).filter(({ label }) => label !== ctx.texts.contact || !saidInSections(ctx, meta.contact));
  return { shown: aboutShown(meta), rows: facts.map(({ label, value }) => ({ id: label, label, value })) };
}

/** "Om strategien": who prepared and commissioned it, whom to contact, version and status. */
function about(ctx: RenderContext): Block[] {
  const now = aboutRows(ctx);
  const before = comparing(ctx) ? aboutRows(oldSide(ctx)) : undefined;
  const lead = listLead(ctx, before?.shown ?? false, now.shown, () => ctx.outline.heading(1, ctx.texts.aboutDocument));
  if (lead.length === 0) return [];
  const rowsBefore = before?.shown ? before.rows : [];
  return [
    ...lead,
    ...eachItem(ctx, before ? rowsBefore : undefined, now.shown ? now.rows : [], (c, row, old) => [
      paragraph(c, {
        style: S.metaList,
        children: [textRun(c, { text: `${row.label}: `, bold: true }), ...changedRuns(c, old ? c.typo(old.value) : undefined, c.typo(row.value))],
      }),
    ]),
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
  // A redline whose old strategy had plans keeps their (deleted) pages.
  const plans = (ctx.strategy.actionPlans ?? []).length > 0 || (ctx.redline?.old.actionPlans ?? []).length > 0;
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
