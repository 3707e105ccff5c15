// The document's own names for its levels (e.g. Odder: "Fokusområder"), with defaults. The defaults
// follow the document's language (meta.language), not the UI's: they are the document's words.
import type { StrategyModel } from '../../../shared/model';
import type { Labels } from '../../../shared/format/schema';

export interface ResolvedLabels {
  perspective: string;
  perspectives: string;
  focusArea: string;
  focusAreas: string;
  principles: string;
  bearings: string;
}

export const DEFAULT_LABELS: Record<'da' | 'en', ResolvedLabels> = {
  da: {
    perspective: 'Perspektiv',
    perspectives: 'Perspektiver',
    focusArea: 'Indsatsområde',
    focusAreas: 'Indsatsområder',
    principles: 'Principper',
    bearings: 'Pejlemærker',
  },
  en: {
    perspective: 'Perspective',
    perspectives: 'Perspectives',
    focusArea: 'Focus area',
    focusAreas: 'Focus areas',
    principles: 'Principles',
    bearings: 'Bearings',
  },
};

export function defaultLabels(model: StrategyModel): ResolvedLabels {
  return DEFAULT_LABELS[model.getMeta().language === 'en' ? 'en' : 'da'];
}

export function resolveLabels(model: StrategyModel): ResolvedLabels {
  const labels: Labels = model.getLabels();
  const defaults = defaultLabels(model);
  const pick = (key: keyof ResolvedLabels) => {
    const value = labels[key]?.trim();
    return value ? value : defaults[key];
  };
  return {
    perspective: pick('perspective'),
    perspectives: pick('perspectives'),
    focusArea: pick('focusArea'),
    focusAreas: pick('focusAreas'),
    principles: pick('principles'),
    bearings: pick('bearings'),
  };
}
