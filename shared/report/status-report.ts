// The yearly status report ("status på implementering") as data: each initiative's status and
// latest note as of a date, grouped by perspective and focus area, and counts per status. Pure, so
// the Word export and the app's status-report view show the same numbers.
import { isDate } from '../format/dates';
import {
  INITIATIVE_STATUSES,
  type ActionPlan,
  type FocusArea,
  type Initiative,
  type InitiativeStatus,
  type Perspective,
  type StrategyFile,
} from '../format/schema';

export interface StatusReportInitiative {
  initiative: Initiative;
  plan: ActionPlan;
  status: InitiativeStatus;
  /** The note of the latest status update up to the report date, if it has one. */
  note: string | undefined;
  /** Date (YYYY-MM-DD) of that update; undefined when the status comes from the initiative itself. */
  date: string | undefined;
}

export interface StatusReportFocusArea {
  /** null: initiatives that serve no (existing) focus area. */
  focusArea: FocusArea | null;
  initiatives: StatusReportInitiative[];
}

export interface StatusReportGroup {
  /** null: the group of initiatives without a focus area (always last). */
  perspective: Perspective | null;
  focusAreas: StatusReportFocusArea[];
}

export interface StatusReport {
  /** The report date (YYYY-MM-DD) when one was given. */
  asOf: string | undefined;
  /**
   * The date the report is as of (YYYY-MM-DD): the given date, else the date of the latest status round of the
   * initiatives in scope (a report of the round of 15 December 2011 is dated so, not by the day it is printed);
   * undefined when neither exists (the caller dates it today).
   */
  reportDate: string | undefined;
  groups: StatusReportGroup[];
  counts: Record<InitiativeStatus, number>;
  total: number;
}

export interface StatusReportOptions {
  /** Report as of this date (YYYY-MM-DD): later status updates are ignored. */
  asOf?: string;
  /** Only these plans (all plans when absent). */
  planIds?: string[];
  /** Keep focus areas without initiatives (the view may want them; the document does not). */
  includeEmpty?: boolean;
}

/**
 * An initiative's status as of a date. With a date, the latest update on or before it decides
 * (the initiative's own status when there is none, or 'planned'). Without a date, the initiative's
 * current status decides, falling back to its latest update, then 'planned'.
 */
export function statusAsOf(
  initiative: Initiative,
  asOf?: string,
): { status: InitiativeStatus; note: string | undefined; date: string | undefined } {
  const updates = [...(initiative.statusUpdates ?? [])]
    .map((update, i) => ({ update, i }))
    .filter(({ update }) => asOf === undefined || update.date <= asOf)
    // Latest date last; on the same date the later entry in the list wins.
    .sort((a, b) => (a.update.date < b.update.date ? -1 : a.update.date > b.update.date ? 1 : a.i - b.i))
    .map(({ update }) => update);
  const latest = updates[updates.length - 1];
  const note = latest?.note?.trim() ? latest.note.trim() : undefined;
  if (asOf === undefined && initiative.status) {
    return { status: initiative.status, note, date: latest?.date };
  }
  if (latest) return { status: latest.status, note, date: latest.date };
  return { status: initiative.status ?? 'planned', note: undefined, date: undefined };
}

export function emptyCounts(): Record<InitiativeStatus, number> {
  return Object.fromEntries(INITIATIVE_STATUSES.map((status) => [status, 0])) as Record<InitiativeStatus, number>;
}

export function buildStatusReport(strategy: StrategyFile, options: StatusReportOptions = {}): StatusReport {
  const { asOf, planIds, includeEmpty = false } = options;
  if (asOf !== undefined && !isDate(asOf)) throw new Error(`Status report date must be a real date YYYY-MM-DD, got '${asOf}'`);
  const plans = (strategy.actionPlans ?? []).filter((plan) => !planIds || planIds.includes(plan.id));

  // Each initiative is listed once, under the first focus area it serves in the strategy's order.
  const order = new Map<string, number>();
  strategy.perspectives.forEach((p) => p.focusAreas.forEach((fa) => order.set(fa.id, order.size)));
  const byFocusArea = new Map<string, StatusReportInitiative[]>();
  const unassigned: StatusReportInitiative[] = [];
  const counts = emptyCounts();
  let total = 0;
  let latestRound: string | undefined;

  for (const plan of plans) {
    for (const initiative of plan.initiatives) {
      for (const update of initiative.statusUpdates ?? []) {
        if ((asOf === undefined || update.date <= asOf) && (latestRound === undefined || update.date > latestRound)) latestRound = update.date;
      }
      const { status, note, date } = statusAsOf(initiative, asOf);
      const entry: StatusReportInitiative = { initiative, plan, status, note, date };
      counts[status] += 1;
      total += 1;
      const home = initiative.focusAreaIds
        .filter((id) => order.has(id))
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];
      if (home === undefined) unassigned.push(entry);
      else byFocusArea.set(home, [...(byFocusArea.get(home) ?? []), entry]);
    }
  }

  const groups: StatusReportGroup[] = [];
  for (const perspective of strategy.perspectives) {
    const focusAreas = perspective.focusAreas
      .map((focusArea) => ({ focusArea, initiatives: byFocusArea.get(focusArea.id) ?? [] }))
      .filter((group) => includeEmpty || group.initiatives.length > 0);
    if (focusAreas.length > 0) groups.push({ perspective, focusAreas });
  }
  if (unassigned.length > 0) groups.push({ perspective: null, focusAreas: [{ focusArea: null, initiatives: unassigned }] });
  return { asOf, reportDate: asOf ?? latestRound, groups, counts, total };
}
