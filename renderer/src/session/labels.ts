// The document's own names for its levels (e.g. Odder: "Fokusområder"), with defaults. The defaults
// follow the document's language (meta.language) where the words are the document's (outline, Word), and
// the UI's language in the app's own sentences (resolveLabels(model, lang)).
import type { StrategyModel } from '../../../shared/model';
import type { Labels } from '../../../shared/format/schema';
import { t, type Lang } from '../../../shared/i18n';

export interface ResolvedLabels {
  perspective: string;
  perspectives: string;
  focusArea: string;
  focusAreas: string;
  principles: string;
  bearings: string;
}

function labelsIn(lang: Lang): ResolvedLabels {
  return {
    perspective: t(lang, 'label.perspective'),
    perspectives: t(lang, 'label.perspectives'),
    focusArea: t(lang, 'label.focusArea'),
    focusAreas: t(lang, 'label.focusAreas'),
    principles: t(lang, 'label.principles'),
    bearings: t(lang, 'label.bearings'),
  };
}

/** The default words, from the catalog (the same the Word export uses). */
const DEFAULT_LABELS: Record<Lang, ResolvedLabels> = { da: labelsIn('da'), en: labelsIn('en') };

export function defaultLabels(model: StrategyModel): ResolvedLabels {
  return DEFAULT_LABELS[model.getMeta().language === 'en' ? 'en' : 'da'];
}

/**
 * The document's own words for its levels, with defaults where it has none: in the document's language
 * (the published words, as the outline and Word show them), or in `defaultsIn` (the UI's language, for
 * the app's own sentences: "grouped by perspective and focus area", not "by perspektiv and indsatsområde").
 */
export function resolveLabels(model: StrategyModel, defaultsIn?: Lang): ResolvedLabels {
  const labels: Labels = model.getLabels();
  const defaults = defaultsIn ? DEFAULT_LABELS[defaultsIn] : defaultLabels(model);
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
