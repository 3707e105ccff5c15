// The yearly status round ("status på implementering"): on one date, a status and a note for each
// initiative in scope. Saved through the model's addStatusUpdate (which appends to the history and
// sets the current status) in one transaction, so the round is one undo step and arrives at other
// users as a whole. Pure (no DOM).
import type { InitiativeStatus } from '../../../shared/format/schema';
import type { StrategyModel } from '../../../shared/model';
import type { InitiativeData } from '../../../shared/model/types';
import { isDate } from './plan-data';

export interface StatusRoundEntry {
  initiativeId: string;
  status: InitiativeStatus;
  note?: string;
}

export interface StatusRoundRow {
  initiative: InitiativeData;
  planTitle: string;
  /** Pre-filled with the initiative's current status ('planned' when it has none). */
  status: InitiativeStatus;
  note: string;
  /** Finished initiatives (done, cancelled) are left out unless the user includes them. */
  included: boolean;
}

/** The rows of a new round: every initiative of the chosen plan (or of all plans), in document order. */
export function statusRoundDraft(model: StrategyModel, planId?: string): StatusRoundRow[] {
  const rows: StatusRoundRow[] = [];
  for (const plan of model.list('actionPlan')) {
    if (planId && plan.id !== planId) continue;
    for (const initiative of model.list('initiative', plan.id)) {
      const status = initiative.status ?? 'planned';
      rows.push({ initiative, planTitle: plan.title, status, note: '', included: status !== 'done' && status !== 'cancelled' });
    }
  }
  return rows;
}

export class StatusRoundError extends Error {}

/**
 * Records a round. Throws StatusRoundError (nothing saved) for a bad date, an empty round, or an
 * initiative that no longer exists. Returns the number of updates written.
 */
export function recordStatusRound(model: StrategyModel, date: string, entries: StatusRoundEntry[], origin?: unknown): number {
  if (!isDate(date)) throw new StatusRoundError(`status round date must be a date YYYY-MM-DD, got "${date}"`);
  if (entries.length === 0) throw new StatusRoundError('a status round needs at least one initiative');
  const missing = entries.filter((e) => !model.get('initiative', e.initiativeId)).map((e) => e.initiativeId);
  if (missing.length > 0) throw new StatusRoundError(`initiatives no longer exist: ${missing.join(', ')}`);
  model.doc.transact(() => {
    for (const entry of entries) {
      const note = entry.note?.trim();
      model.addStatusUpdate(entry.initiativeId, { date, status: entry.status, ...(note ? { note } : {}) }, origin);
    }
  }, origin);
  return entries.length;
}

/** An initiative's history, newest first (same date: the later entry first). */
export function historyNewestFirst(initiative: InitiativeData): InitiativeData['statusUpdates'] {
  return initiative.statusUpdates
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.date === b.u.date ? b.i - a.i : a.u.date < b.u.date ? 1 : -1))
    .map(({ u }) => u);
}
