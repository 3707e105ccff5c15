// The words for the document's enumerations (statuses, kinds, roles), one per concept, taken from the
// catalog. The app, `pejling check` and the Word export all call these, so they cannot drift apart.
import type { BusinessCaseStatus, InitiativeStatus, PlanKind, StrategyStatus } from '../format/schema';
import { t, type Lang } from './messages';

export function initiativeStatusLabel(status: InitiativeStatus, lang: Lang): string {
  return t(lang, `initiative.status.${status}`);
}

export function strategyStatusLabel(status: StrategyStatus, lang: Lang): string {
  return t(lang, `meta.status.${status}`);
}

export function businessCaseStatusLabel(status: BusinessCaseStatus, lang: Lang): string {
  return t(lang, `businessCase.${status}`);
}

export function planKindLabel(kind: PlanKind, lang: Lang): string {
  return t(lang, `plan.kind.${kind}`);
}
