// The rows and columns of an action plan table: Initiativ, Indsatsområde(r), Ansvarlig, Periode,
// Status, Business case. Shared by the strategy (all plans) and the single-plan document.
import { Paragraph, type Table } from 'docx';
import type { Change } from '../../compare/rich-diff';
import { mergeByKey } from '../../compare/sequence';
import type { ActionPlan, Initiative, Rich } from '../../format/schema';
import {
  businessCaseStatusLabel,
  formatAmountDkk,
  formatMonthSpan,
  formatYears,
  initiativeStatusLabel,
  planKindLabel,
} from '../typography';
import { oldSide, type RenderContext } from './context';
import { within } from './revisions';
import { renderRich, renderRichChange } from './rich';
import { S } from './styles';
import { t as message } from '../../i18n/messages';
import { cellLabelled, cellText, dataTable, type Column, type RowSpec, type TableSummary } from './tables';

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

/** What a plan's table says to a screen reader before its rows. */
export function planSummaryOf(ctx: RenderContext, caption: string): TableSummary {
  return { caption, description: message(ctx.lang, 'layout.table.planDescription') };
}

/** Long descriptions may break across pages; everything else keeps a row whole. */
const SPLITTABLE_CHARS = 700;

/** One paragraph of a plan-table cell, as data: what a redline compares between two versions of a row. */
type CellLine =
  | { kind: 'text'; text: string; bold?: boolean; muted?: boolean; /** The item whose Word comments go around it. */ item?: string }
  | { kind: 'labelled'; label: string; value: string }
  | { kind: 'rich'; rich: Rich };

/** The cells of an initiative's row, in the order of planColumns. */
function initiativeCells(ctx: RenderContext, initiative: Initiative): CellLine[][] {
  const { index, texts, lang } = ctx;
  const first: CellLine[] = [{ kind: 'text', text: initiative.title, bold: true, item: initiative.id }];
  // The priority under the title ("Prioritet: 1"): a column of its own would hold one digit per row.
  if (initiative.priority !== undefined) first.push({ kind: 'labelled', label: texts.priority, value: String(initiative.priority) });
  if (initiative.description !== undefined) first.push({ kind: 'rich', rich: initiative.description });
  const supported = (initiative.supportsInitiativeIds ?? [])
    .map((id) => index.initiatives.get(id)?.initiative.title)
    .filter((title): title is string => !!title);
  if (supported.length > 0) first.push({ kind: 'labelled', label: texts.supports, value: supported.join('; ') });

  const focusAreas: CellLine[] = index.focusAreasOf(initiative).map((place) => ({ kind: 'text', text: place.focusArea.title }));

  const owner: CellLine[] = [];
  const ownerName = index.ownerLabel(initiative.ownerId);
  if (ownerName) owner.push({ kind: 'text', text: ownerName });
  const participants = (initiative.participantIds ?? []).map((id) => index.ownerLabel(id)).filter(Boolean);
  if (participants.length > 0) owner.push({ kind: 'labelled', label: texts.participants, value: participants.join(', ') });

  const period = formatMonthSpan(initiative.start, initiative.end, lang);
  const status = initiativeStatusLabel(initiative.status ?? 'planned', lang);

  const businessCase: CellLine[] = [];
  if (initiative.businessCase) {
    businessCase.push({ kind: 'text', text: businessCaseStatusLabel(initiative.businessCase.status, lang) });
    if (initiative.businessCase.benefit) businessCase.push({ kind: 'text', text: initiative.businessCase.benefit, muted: true });
  }
  if (initiative.budget) {
    const source = initiative.budget.source ? ` (${initiative.budget.source})` : '';
    businessCase.push({ kind: 'labelled', label: texts.budget, value: `${formatAmountDkk(initiative.budget.amountDkk, lang)}${source}` });
  }
  return [first, focusAreas, owner, period ? [{ kind: 'text', text: period }] : [], [{ kind: 'text', text: status }], businessCase];
}

/** A cell line as a paragraph (a description: its paragraphs); `old` (a redline) marks what changed from it. */
function lineParagraphs(ctx: RenderContext, line: CellLine, old?: CellLine): Paragraph[] {
  switch (line.kind) {
    case 'text':
      return [
        cellText(ctx, line.text, {
          bold: line.bold,
          muted: line.muted,
          ...(old?.kind === 'text' ? { oldText: old.text } : {}),
          ...(line.item && ctx.comments ? { around: ctx.comments.aroundItem(line.item) } : {}),
          ...(line.item && ctx.suggestions ? { runs: ctx.suggestions.fieldRuns(line.item, 'title', ctx.typo(line.text), { bold: line.bold }) } : {}),
        }),
      ];
    case 'labelled':
      return [cellLabelled(ctx, line.label, line.value, old?.kind === 'labelled' && old.label === line.label ? old.value : undefined)];
    case 'rich': {
      const options = { baseLevel: 3, paragraphStyle: S.tableText };
      const blocks = old?.kind === 'rich' ? renderRichChange(old.rich, line.rich, ctx, options) : renderRich(line.rich, ctx, options);
      return blocks.filter((block): block is Paragraph => block instanceof Paragraph);
    }
  }
}

const lineKey = (line: CellLine) => JSON.stringify(line);

/**
 * A cell of a row both versions of a redline have: lines the same in both as they are, a changed
 * line with its changed words marked (old and new paired in order where they are of one kind), lines
 * only in the old deleted, lines only in the new inserted. Accepting all gives the new cell, rejecting
 * all the old one.
 */
function changedCell(ctx: RenderContext, oldCtx: RenderContext, oldLines: CellLine[], newLines: CellLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  let deleted: CellLine[] = [];
  let inserted: CellLine[] = [];
  const flush = () => {
    const pairs = Math.min(deleted.length, inserted.length);
    for (let i = 0; i < Math.max(deleted.length, inserted.length); i++) {
      const oldLine = deleted[i];
      const newLine = inserted[i];
      if (i < pairs && oldLine && newLine && oldLine.kind === newLine.kind) {
        out.push(...lineParagraphs(ctx, newLine, oldLine));
        continue;
      }
      if (oldLine) out.push(...within(oldCtx, 'deleted', () => lineParagraphs(oldCtx, oldLine)));
      if (newLine) out.push(...within(ctx, 'inserted', () => lineParagraphs(ctx, newLine)));
    }
    deleted = [];
    inserted = [];
  };
  for (const entry of mergeByKey(oldLines, newLines, lineKey)) {
    if (entry.in === 'both') {
      flush();
      out.push(...lineParagraphs(ctx, entry.new));
    } else if (entry.in === 'old') deleted.push(entry.old);
    else inserted.push(entry.new);
  }
  flush();
  // A cell ends with a paragraph that stays whatever is accepted or rejected.
  const last = newLines.length === 0 && oldLines.length > 0;
  if (last || out.length === 0) out.push(new Paragraph({ style: S.tableText, children: [] }));
  return out;
}

function rowSpec(ctx: RenderContext, initiative: Initiative, cells: Paragraph[][], change?: Change): RowSpec {
  const length = JSON.stringify(initiative.description ?? '').length;
  return { kind: 'data', canSplit: length > SPLITTABLE_CHARS, cells, ...(change ? { change } : {}) };
}

export function initiativeRow(ctx: RenderContext, initiative: Initiative): RowSpec {
  const cells = initiativeCells(ctx, initiative).map((lines) => lines.flatMap((line) => lineParagraphs(ctx, line)));
  return rowSpec(ctx, initiative, cells);
}

/** Redline: the row of an initiative both versions have, its changed cells marked. */
function changedInitiativeRow(ctx: RenderContext, oldInitiative: Initiative, initiative: Initiative): RowSpec {
  const oldCtx = oldSide(ctx);
  const oldCells = initiativeCells(oldCtx, oldInitiative);
  const cells = initiativeCells(ctx, initiative).map((lines, i) => {
    const oldLines = oldCells[i] ?? [];
    if (lines.length === oldLines.length && lines.every((line, k) => lineKey(line) === lineKey(oldLines[k]!))) {
      return lines.flatMap((line) => lineParagraphs(ctx, line));
    }
    return changedCell(ctx, oldCtx, oldLines, lines);
  });
  return rowSpec(ctx, initiative, cells);
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

/** The group an initiative's row stands under: its home focus area's perspective (or "other"). */
function groupOf(ctx: RenderContext, initiative: Initiative): string {
  const home = ctx.index.homeOf(initiative);
  return home ? (home.perspective.hidden ? ctx.words.focusAreas : home.perspective.title) : ctx.texts.otherInitiatives;
}

/**
 * One table for a whole plan, with a group row per perspective. Only where there is more than one group:
 * a single group row (all initiatives under one perspective, or a strategy whose perspectives are hidden)
 * would only repeat a chapter's title.
 */
export function groupedPlanTable(ctx: RenderContext, plan: ActionPlan): Table {
  const rows: RowSpec[] = [];
  const ordered = orderedInitiatives(ctx, plan);
  const grouped = new Set(ordered.map((initiative) => groupOf(ctx, initiative))).size > 1;
  let group: string | undefined;
  for (const initiative of ordered) {
    const name = groupOf(ctx, initiative);
    if (grouped && name !== group) {
      rows.push({ kind: 'group', text: name });
      group = name;
    }
    rows.push(initiativeRow(ctx, initiative));
  }
  const caption = message(ctx.lang, 'layout.table.planCaption', { plan: ctx.typo(plan.title) });
  return dataTable(ctx, planColumns(ctx), rows, { summary: planSummaryOf(ctx, caption) });
}

/**
 * Redline: the table of a plan both versions have. Rows are merged in table order by initiative id:
 * a row only the new plan has is an inserted row, one only the old plan has a deleted row, one in
 * both with its changed cells marked (an initiative that moved to another group or place is deleted
 * where it was and inserted where it is). A group row is written where the group changes on either
 * side, inserted or deleted when only one side needs it there, so accepting or rejecting all gives
 * each side's own group rows.
 */
export function changedPlanTable(ctx: RenderContext, oldPlan: ActionPlan, plan: ActionPlan): Table {
  const oldCtx = oldSide(ctx);
  type Row = { side: 'both' | 'old' | 'new'; group: string; write: () => RowSpec };
  const merged: Row[] = [];
  for (const entry of mergeByKey(orderedInitiatives(oldCtx, oldPlan), orderedInitiatives(ctx, plan), (initiative) => initiative.id)) {
    if (entry.in === 'both') {
      const oldGroup = groupOf(oldCtx, entry.old);
      const newGroup = groupOf(ctx, entry.new);
      if (oldGroup === newGroup) {
        merged.push({ side: 'both', group: newGroup, write: () => changedInitiativeRow(ctx, entry.old, entry.new) });
        continue;
      }
      merged.push({ side: 'old', group: oldGroup, write: () => removedRow(oldCtx, entry.old) });
      merged.push({ side: 'new', group: newGroup, write: () => addedRow(ctx, entry.new) });
    } else if (entry.in === 'old') {
      const old = entry.old;
      merged.push({ side: 'old', group: groupOf(oldCtx, old), write: () => removedRow(oldCtx, old) });
    } else {
      const added = entry.new;
      merged.push({ side: 'new', group: groupOf(ctx, added), write: () => addedRow(ctx, added) });
    }
  }
  const rows: RowSpec[] = [];
  let oldGroup: string | undefined;
  let newGroup: string | undefined;
  for (const row of merged) {
    const inOld = row.side !== 'new';
    const inNew = row.side !== 'old';
    const oldNeeds = inOld && row.group !== oldGroup;
    const newNeeds = inNew && row.group !== newGroup;
    if (oldNeeds || newNeeds) rows.push({ kind: 'group', text: row.group, ...(oldNeeds && newNeeds ? {} : { change: oldNeeds ? 'deleted' : 'inserted' }) });
    if (inOld) oldGroup = row.group;
    if (inNew) newGroup = row.group;
    rows.push(row.write());
  }
  const caption = message(ctx.lang, 'layout.table.planCaption', { plan: ctx.typo(plan.title) });
  return dataTable(ctx, planColumns(ctx), rows, { summary: planSummaryOf(ctx, caption) });
}

function addedRow(ctx: RenderContext, initiative: Initiative): RowSpec {
  return { ...within(ctx, 'inserted', () => initiativeRow(ctx, initiative)), change: 'inserted' };
}

function removedRow(oldCtx: RenderContext, initiative: Initiative): RowSpec {
  return { ...within(oldCtx, 'deleted', () => initiativeRow(oldCtx, initiative)), change: 'deleted' };
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
