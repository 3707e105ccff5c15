// The document's own names for its levels (e.g. Odder: "Fokusområder"), with defaults.
import type { StrategyModel } from '../../../shared/model';
import { t } from '../i18n/i18n';

export interface ResolvedLabels {
  perspective: string;
  perspectives: string;
  focusArea: string;
  focusAreas: string;
  principles: string;
  bearings: string;
}

export function resolveLabels(model: StrategyModel): ResolvedLabels {
  const labels = model.getLabels();
  const pick = (value: string | undefined, fallback: string) => (value && value.trim() ? value.trim() : fallback);
  return {
    perspective: pick(labels.perspective, t('label.perspective')),
    perspectives: pick(labels.perspectives, t('label.perspectives')),
    focusArea: pick(labels.focusArea, t('label.focusArea')),
    focusAreas: pick(labels.focusAreas, t('label.focusAreas')),
    principles: pick(labels.principles, t('label.principles')),
    bearings: pick(labels.bearings, t('label.bearings')),
  };
}
