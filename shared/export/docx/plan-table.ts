// The rows and columns of an action plan table: Initiativ, Indsatsområde(r), Ansvarlig, Periode,
// Status, Business case. Shared by the strategy (all plans) and the single-plan document.
import { Paragraph, type Table } from 'docx';
import type { ActionPlan, Initiative } from '../../format/schema';
import {
  businessCaseStatusLabel,
  formatAmountDkk,
  formatMonthSpan,
  formatYears,
  initiativeStatusLabel,
  planKindLabel,
} from '../typography';
import type { RenderContext } from './context';
import { renderRich } from './rich';
import { S } from './styles';
import { cellLabelled, cellText, dataTable, type Column, type RowSpec } from './tables';

export function planColumns(ctx: RenderContext): Column[] {
  const t = ctx.texts;
  return [
    { title: t.initiative, weight: 30 },
    { title: t.focusAreaColumn, weight: 19 },
    { title: t.owner, weight: 16 },
    { title: t.period, weight: 12 },
    { title: t.status, weight: 9 },
    { title: t.businessCase, weight: 14 },
  ];
}

/** Long descriptions may break across pages; everything else keeps a row whole. */
const SPLITTABLE_CHARS = 700;

export function initiativeRow(ctx: RenderContext, initiative: Initiative): RowSpec {
  const { index, texts, lang } = ctx;
  const first: Paragraph[] = [cellText(ctx, initiative.title, { bold: true, around: ctx.comments?.aroundItem(initiative.id) })];
  const description = renderRich(initiative.description, ctx, { baseLevel: 3, paragraphStyle: S.tableText }).filter(
    (block): block is Paragraph => block instanceof Paragraph,
  );
  first.push(...description);
  const supported = (initiative.supportsInitiativeIds ?? [])
    .map((id) => index.initiatives.get(id)?.initiative.title)
    .filter((title): title is string => !!title);
  if (supported.length > 0) first.push(cellLabelled(ctx, texts.supports, supported.join('; ')));

  const focusAreas = index.focusAreasOf(initiative).map((place) => cellText(ctx, place.focusArea.title));

  const owner: Paragraph[] = [];
  const ownerName = index.ownerLabel(initiative.ownerId);
  if (ownerName) owner.push(cellText(ctx, ownerName));
  const participants = (initiative.participantIds ?? []).map((id) => index.ownerLabel(id)).filter(Boolean);
  if (participants.length > 0) owner.push(cellLabelled(ctx, texts.participants, participants.join(', ')));

  const period = formatMonthSpan(initiative.start, initiative.end, lang);
  const status = initiativeStatusLabel(initiative.status ?? 'planned', lang);

  const businessCase: Paragraph[] = [];
  if (initiative.businessCase) {
    businessCase.push(cellText(ctx, businessCaseStatusLabel(initiative.businessCase.status, lang)));
    if (initiative.businessCase.benefit) businessCase.push(cellText(ctx, initiative.businessCase.benefit, { muted: true }));
  }
  if (initiative.budget) {
    const source = initiative.budget.source ? ` (${initiative.budget.source})` : '';
    businessCase.push(cellLabelled(ctx, texts.budget, `${formatAmountDkk(initiative.budget.amountDkk, lang)}${source}`));
  }

  const length = JSON.stringify(initiative.description ?? '').length;
  return {
    kind: 'data',
    canSplit: length > SPLITTABLE_CHARS,
    cells: [first, focusAreas, owner, period ? [cellText(ctx, period)] : [], [cellText(ctx, status)], businessCase],
  };
}

/** A plan's initiatives in the strategy's order: by the focus area they serve first, then priority. */
export function orderedInitiatives(ctx: RenderContext, plan: ActionPlan): Initiative[] {
  const position = (initiative: Initiative) => ctx.index.homeOf(initiative)?.order ?? Number.MAX_SAFE_INTEGER;
  return plan.initiatives
    .map((initiative, i) => ({ initiative, i }))
    .sort(
      (a, b) =>
        position(a.initiative) - position(b.initiative) ||
        (a.initiative.priority ?? Number.MAX_SAFE_INTEGER) - (b.initiative.priority ?? Number.MAX_SAFE_INTEGER) ||
        a.i - b.i,
    )
    .map(({ initiative }) => initiative);
}

/** One table for a whole plan, with a group row per perspective (when the strategy shows perspectives). */
export function groupedPlanTable(ctx: RenderContext, plan: ActionPlan): Table {
  const rows: RowSpec[] = [];
  let group: string | undefined;
  for (const initiative of orderedInitiatives(ctx, plan)) {
    const home = ctx.index.homeOf(initiative);
    const name = home ? (home.perspective.hidden ? ctx.words.focusAreas : home.perspective.title) : ctx.texts.otherInitiatives;
    if (name !== group) {
      rows.push({ kind: 'group', text: name });
      group = name;
    }
    rows.push(initiativeRow(ctx, initiative));
  }
  return dataTable(ctx, planColumns(ctx), rows);
}

/** "Fælles handlingsplan · 2011–2012 · Ansvarlig: It-chefforum". */
export function planSummary(ctx: RenderContext, plan: ActionPlan): string {
  const parts = [planKindLabel(plan.kind, ctx.lang), formatYears(plan.period)];
  const owner = ctx.index.ownerLabel(plan.ownerId);
  if (owner) parts.push(`${ctx.texts.owner}: ${owner}`);
  const parent = plan.parentPlanId ? ctx.index.plans.get(plan.parentPlanId) : undefined;
  if (parent) parts.push(`${ctx.texts.supports}: ${parent.title}`);
  return parts.join(' · ');
}
