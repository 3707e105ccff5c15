// The plan views' data, read from the model: initiative rows (filter, sort), the coverage matrix,
// what an owner is responsible for, and where a check finding leads. Pure (no DOM, no i18n), so it
// is unit-tested directly against shared/model and cheap to recompute on every change.
import type { InitiativeStatus, PlanKind } from '../../../shared/format/schema';
import type { StrategyModel } from '../../../shared/model';
import type { ActionPlanData, FocusAreaData, InitiativeData, OwnerData, PerspectiveData } from '../../../shared/model/types';
import { formatAmountDkk } from '../../../shared/i18n/format';

/** Whether an initiative's owner is set and names an owner that exists. */
export type OwnerState = 'ok' | 'none' | 'missing';

export interface InitiativeRow {
  id: string;
  title: string;
  planId: string;
  planTitle: string;
  planKind: PlanKind;
  /** Position of the plan among the plans (sorting by plan keeps the document's order). */
  planIndex: number;
  /** Position in the document (plan order, then initiative order): the default order. */
  index: number;
  ownerId: string | undefined;
  ownerName: string | undefined;
  ownerState: OwnerState;
  participantIds: string[];
  status: InitiativeStatus | undefined;
  start: string | undefined;
  end: string | undefined;
  priority: number | undefined;
  budget: number | undefined;
  focusAreaIds: string[];
  /** Perspectives of the focus areas it serves. */
  perspectiveIds: string[];
}

/** One row per initiative, in document order. */
export function initiativeRows(model: StrategyModel): InitiativeRow[] {
  const owners = new Map(model.owners().map((o) => [o.id, o]));
  const perspectiveOf = new Map(model.focusAreas().map((fa) => [fa.id, fa.perspectiveId]));
  const rows: InitiativeRow[] = [];
  model.actionPlans().forEach((plan, planIndex) => {
    for (const it of model.initiatives(plan.id)) {
      const owner = it.ownerId === undefined ? undefined : owners.get(it.ownerId);
      const perspectives = new Set<string>();
      for (const fa of it.focusAreaIds) {
        const p = perspectiveOf.get(fa);
        if (p !== undefined) perspectives.add(p);
      }
      rows.push({
        id: it.id,
        title: it.title,
        planId: plan.id,
        planTitle: plan.title,
        planKind: plan.kind,
        planIndex,
        index: rows.length,
        ownerId: it.ownerId,
        ownerName: owner?.name,
        ownerState: it.ownerId === undefined ? 'none' : owner ? 'ok' : 'missing',
        participantIds: it.participantIds,
        status: it.status,
        start: it.start,
        end: it.end,
        priority: it.priority,
        budget: it.budget?.amountDkk,
        focusAreaIds: it.focusAreaIds,
        perspectiveIds: [...perspectives],
      });
    }
  });
  return rows;
}

/** Filters of the initiatives table; '' (or absent) means "all". */
export interface InitiativeFilter {
  planId?: string;
  /** An owner id, 'me' (the current user's own initiatives) or 'none' (no owner, or a missing one). */
  owner?: string;
  /** A status, or 'none' for initiatives without one. */
  status?: string;
  perspectiveId?: string;
  focusAreaId?: string;
  /** Words that must all occur in the title (case-insensitive). */
  text?: string;
}

export const OWNER_FILTER_ME = 'me';
export const OWNER_FILTER_NONE = 'none';
export const STATUS_FILTER_NONE = 'none';

export function filterRows(rows: InitiativeRow[], filter: InitiativeFilter, me?: string): InitiativeRow[] {
  const words = (filter.text ?? '').toLocaleLowerCase('da').split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.planId && row.planId !== filter.planId) return false;
    if (filter.owner) {
      if (filter.owner === OWNER_FILTER_ME) {
        if (!me || row.ownerId !== me) return false;
      } else if (filter.owner === OWNER_FILTER_NONE) {
        if (row.ownerState === 'ok') return false;
      } else if (row.ownerId !== filter.owner) return false;
    }
    if (filter.status) {
      if (filter.status === STATUS_FILTER_NONE) {
        if (row.status !== undefined) return false;
      } else if (row.status !== filter.status) return false;
    }
    if (filter.perspectiveId && !row.perspectiveIds.includes(filter.perspectiveId)) return false;
    if (filter.focusAreaId && !row.focusAreaIds.includes(filter.focusAreaId)) return false;
    if (words.length > 0) {
      const title = row.title.toLocaleLowerCase('da');
      if (!words.every((w) => title.includes(w))) return false;
    }
    return true;
  });
}

export type SortKey = 'title' | 'plan' | 'owner' | 'status' | 'period' | 'priority' | 'budget';
export type SortDirection = 'ascending' | 'descending';

/** The order statuses sort in: the life of an initiative, not the alphabet. */
const STATUS_ORDER: Record<InitiativeStatus, number> = { planned: 0, active: 1, delayed: 2, done: 3, cancelled: 4 };

/**
 * Sorts a copy of the rows by a column. Empty values go last in both directions; ties keep the
 * document order, so sorting is stable and predictable.
 */
export function sortRows(rows: InitiativeRow[], key: SortKey, direction: SortDirection, collator = new Intl.Collator('da')): InitiativeRow[] {
  const value = (row: InitiativeRow): string | number | undefined => {
    switch (key) {
      case 'title':
        return row.title.trim() || undefined;
      case 'plan':
        return row.planIndex;
      case 'owner':
        return row.ownerName?.trim() || undefined;
      case 'status':
        return row.status === undefined ? undefined : STATUS_ORDER[row.status];
      case 'period':
        return row.start ?? row.end;
      case 'priority':
        return row.priority;
      case 'budget':
        return row.budget;
    }
  };
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, v: value(row) }));
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) {
      if (a.v === b.v) return a.row.index - b.row.index;
      return a.v === undefined ? 1 : -1;
    }
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
    return c !== 0 ? sign * c : a.row.index - b.row.index;
  });
  return keyed.map((k) => k.row);
}

// ---- coverage matrix -------------------------------------------------------------------------------

export interface CoverageRow {
  focusArea: FocusAreaData;
  /** Live (not cancelled) initiatives per plan, in the order of `CoverageMatrix.plans`. */
  counts: number[];
  /** Live initiatives in all plans. */
  total: number;
  /** Cancelled initiatives (shown, but they do not cover the focus area, as in `pejling check`). */
  cancelled: number;
}

export interface CoverageGroup {
  perspective: PerspectiveData;
  rows: CoverageRow[];
}

export interface CoverageMatrix {
  plans: ActionPlanData[];
  groups: CoverageGroup[];
  /** Live initiatives per plan (column totals). */
  planTotals: number[];
  focusAreaCount: number;
  /** Focus areas without any live initiative. */
  uncovered: number;
}

export function coverageMatrix(model: StrategyModel): CoverageMatrix {
  const plans = model.actionPlans();
  const column = new Map(plans.map((p, i) => [p.id, i]));
  const live = new Map<string, number[]>();
  const cancelled = new Map<string, number>();
  const planTotals = plans.map(() => 0);
  for (const plan of plans) {
    const col = column.get(plan.id) ?? 0;
    for (const it of model.initiatives(plan.id)) {
      if (it.status === 'cancelled') {
        for (const fa of new Set(it.focusAreaIds)) cancelled.set(fa, (cancelled.get(fa) ?? 0) + 1);
        continue;
      }
      planTotals[col] = (planTotals[col] ?? 0) + 1;
      for (const fa of new Set(it.focusAreaIds)) {
        let counts = live.get(fa);
        if (!counts) live.set(fa, (counts = plans.map(() => 0)));
        counts[col] = (counts[col] ?? 0) + 1;
      }
    }
  }
  let focusAreaCount = 0;
  let uncovered = 0;
  const groups: CoverageGroup[] = [];
  for (const perspective of model.perspectives()) {
    const rows = model.focusAreas(perspective.id).map((focusArea): CoverageRow => {
      const counts = live.get(focusArea.id) ?? plans.map(() => 0);
      const total = counts.reduce((a, b) => a + b, 0);
      focusAreaCount += 1;
      if (total === 0) uncovered += 1;
      return { focusArea, counts, total, cancelled: cancelled.get(focusArea.id) ?? 0 };
    });
    if (rows.length > 0) groups.push({ perspective, rows });
  }
  return { plans, groups, planTotals, focusAreaCount, uncovered };
}

// ---- owners -------------------------------------------------------------------------------------------

/** The owner and everything below it in the hierarchy (parentId), guarding against cycles. */
export function descendantIds(owners: OwnerData[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of owners) {
    if (o.parentId === undefined) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

/** The chain of owners above one (its unit, that unit's unit, …), nearest first; stops at a cycle or a missing parent. */
export function ancestorsOf(owners: OwnerData[], id: string): OwnerData[] {
  const byId = new Map(owners.map((o) => [o.id, o]));
  const out: OwnerData[] = [];
  const seen = new Set([id]);
  let parentId = byId.get(id)?.parentId;
  while (parentId !== undefined && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    out.push(parent);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return out;
}

/** Owners in hierarchy order (each followed by those under it), with their depth. */
export function ownerTree(owners: OwnerData[]): { owner: OwnerData; depth: number }[] {
  const ids = new Set(owners.map((o) => o.id));
  const children = new Map<string | undefined, OwnerData[]>();
  for (const o of owners) {
    // A parent that is missing (or the owner itself) makes an owner a root.
    const parent = o.parentId !== undefined && ids.has(o.parentId) && o.parentId !== o.id ? o.parentId : undefined;
    const list = children.get(parent) ?? [];
    list.push(o);
    children.set(parent, list);
  }
  const out: { owner: OwnerData; depth: number }[] = [];
  const placed = new Set<string>();
  const walk = (parent: string | undefined, depth: number) => {
    for (const o of children.get(parent) ?? []) {
      if (placed.has(o.id)) continue;
      placed.add(o.id);
      out.push({ owner: o, depth });
      walk(o.id, depth + 1);
    }
  };
  walk(undefined, 0);
  // Owners caught in a parent cycle have no root: list them at the top level.
  for (const o of owners) if (!placed.has(o.id)) {
    placed.add(o.id);
    out.push({ owner: o, depth: 0 });
    walk(o.id, 1);
  }
  return out;
}

/** What refers to an owner: deleting it leaves these without (or passes them to another owner). */
export interface OwnerUsage {
  initiatives: InitiativeData[];
  participations: InitiativeData[];
  plans: ActionPlanData[];
  subOwners: OwnerData[];
}

export function ownerUsage(model: StrategyModel, ownerId: string): OwnerUsage {
  const all = model.initiatives();
  return {
    initiatives: all.filter((i) => i.ownerId === ownerId),
    participations: all.filter((i) => i.participantIds.includes(ownerId)),
    plans: model.actionPlans().filter((p) => p.ownerId === ownerId),
    subOwners: model.owners().filter((o) => o.parentId === ownerId && o.id !== ownerId),
  };
}

export function usageCount(usage: OwnerUsage): number {
  return usage.initiatives.length + usage.participations.length + usage.plans.length + usage.subOwners.length;
}

/** Everything one owner is responsible for, for the per-owner view. */
export interface OwnerResponsibilities extends OwnerUsage {
  owner: OwnerData;
  ancestors: OwnerData[];
  /** Initiatives owned by owners below this one (its units' and people's), grouped by that owner. */
  below: { owner: OwnerData; depth: number; initiatives: InitiativeData[] }[];
}

export function ownerResponsibilities(model: StrategyModel, ownerId: string): OwnerResponsibilities | undefined {
  const owners = model.owners();
  const owner = owners.find((o) => o.id === ownerId);
  if (!owner) return undefined;
  const usage = ownerUsage(model, ownerId);
  const all = model.initiatives();
  const below: OwnerResponsibilities['below'] = [];
  const subtree = ownerTree(owners);
  const start = subtree.findIndex((e) => e.owner.id === ownerId);
  if (start >= 0) {
    const baseDepth = subtree[start]!.depth;
    for (let i = start + 1; i < subtree.length && subtree[i]!.depth > baseDepth; i++) {
      const entry = subtree[i]!;
      below.push({ owner: entry.owner, depth: entry.depth - baseDepth, initiatives: all.filter((it) => it.ownerId === entry.owner.id) });
    }
  }
  return { ...usage, owner, ancestors: ancestorsOf(owners, ownerId), below };
}

/** Owners a select may offer as another's parent: not itself and nothing below it (no cycles). */
export function possibleParents(owners: OwnerData[], id: string): OwnerData[] {
  const below = descendantIds(owners, id);
  return owners.filter((o) => !below.has(o.id));
}

// ---- findings -----------------------------------------------------------------------------------------

/** Where a finding leads: the navigator key of the item's editor, and the field to focus if known. */
export interface FindingTarget {
  key: string;
  field?: string;
  /** For owners (which share one editor): the owner's id. */
  ownerId?: string;
}

const FIELD_BY_CODE: Record<string, string> = {
  'initiative-without-owner': 'ownerId',
  'initiative-without-focus-area': 'focusAreaIds',
  'initiative-outside-plan-period': 'start',
  'status-differs-from-latest-update': 'status',
  'local-plan-without-parent': 'parentPlanId',
  'plan-outside-strategy-period': 'periodFrom',
  'plan-period-reversed': 'periodFrom',
  'initiative-end-before-start': 'end',
};

/** The navigator key the shell uses for the owners register. */
export const OWNERS_NAV_KEY = 'owners';

export function findingTarget(model: StrategyModel, finding: { code: string; id: string; path: string }): FindingTarget | undefined {
  if (finding.id === 'meta' || finding.id === 'vision') return { key: finding.id, ...(finding.code === 'strategy-period-reversed' ? { field: 'period' } : {}) };
  const kind = model.kindOf(finding.id);
  if (!kind) return undefined;
  // A referring field from the path ("/…/initiatives/0/supportsInitiativeIds/1" → supportsInitiativeIds).
  const segments = finding.path.split('/').filter(Boolean);
  const fieldFromPath = [...segments].reverse().find((s) => /^[a-z][A-Za-z]*Ids?$/.test(s));
  const field = FIELD_BY_CODE[finding.code] ?? fieldFromPath;
  if (kind === 'owner') return { key: OWNERS_NAV_KEY, ownerId: finding.id, ...(field ? { field } : {}) };
  if (kind === 'goal') {
    const goal = model.getGoal(finding.id);
    return goal ? { key: goal.focusAreaId } : undefined;
  }
  return { key: finding.id, ...(field ? { field } : {}) };
}

// ---- numbers ------------------------------------------------------------------------------------------

/** An amount in Danish kroner, as in Word (shared/i18n/format): "1.500.000 kr.", "1.234,50 kr." or "DKK 1,500,000". */
export function formatDkk(amount: number, lang: 'da' | 'en' = 'da'): string {
  return formatAmountDkk(amount, lang);
}

/**
 * Reads an amount typed by a user: "1.500.000", "1.500.000 kr.", "1500000", "1 500 000",
 * "2,5 mio." (Danish: '.' groups thousands, ',' is the decimal comma). Null when it is not a
 * non-negative amount.
 */
export function parseDkk(text: string): number | null {
  let s = text.trim().toLocaleLowerCase('da').replace(/\u00a0/g, ' ');
  if (s === '') return null;
  let factor = 1;
  const mio = /\s*(mio|mill?ion(er)?)\.?$/;
  if (mio.test(s)) {
    factor = 1_000_000;
    s = s.replace(mio, '');
  }
  s = s.replace(/^dkk\s*/, '').replace(/\s*(kr\.?|dkk)$/, '').replace(/[\s]/g, '');
  if (!/^\d[\d.]*(,\d+)?$/.test(s)) return null;
  // Dots must group thousands (1.500.000), not be a decimal point.
  const [whole = '', decimals] = s.split(',');
  if (whole.includes('.') && !/^\d{1,3}(\.\d{3})+$/.test(whole)) return null;
  const value = Number(whole.replace(/\./g, '') + (decimals ? `.${decimals}` : '')) * factor;
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

/** Dates: one rule for the whole app (shared/format/dates.ts). */
export { isDate } from '../../../shared/format/dates';

/** Today as YYYY-MM-DD in local time. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
