// The unit of the benchmark report: one measured figure, the baseline measured in the same run, their
// ratio, and (where issue #8 sets one) the budget and whether it is met.
import { round } from './stats';

/** Limits of a budget. A figure passes when every limit given holds. */
export interface BudgetLimits {
  /** Human-readable budget, e.g. "< 1000 ms and < 5 × baseline". */
  text: string;
  maxValue?: number;
  minValue?: number;
  maxRatio?: number;
  minRatio?: number;
}

export interface Baseline {
  label: string;
  value: number;
  unit: string;
}

export interface Figure {
  /** Stable key, e.g. "trace.editor-rate". */
  id: string;
  /** Which of the six measurements it belongs to, e.g. "1 Editing trace". */
  group: string;
  title: string;
  value: number | null;
  unit: string;
  baseline: Baseline | null;
  /** value / baseline.value (null without a baseline). */
  ratio: number | null;
  budget: string | null;
  /** null when the figure has no budget. */
  pass: boolean | null;
  /** Extra numbers (samples, sizes, percentiles) for the reader. */
  details?: Record<string, unknown>;
  /** Set when the measurement failed; value is null then. */
  error?: string;
}

export interface FigureInput {
  id: string;
  group: string;
  title: string;
  value: number;
  unit: string;
  baseline?: Baseline | null;
  budget?: BudgetLimits | null;
  details?: Record<string, unknown>;
}

export function figure(input: FigureInput): Figure {
  const baseline = input.baseline ?? null;
  const ratio = baseline && baseline.value !== 0 && Number.isFinite(baseline.value) ? input.value / baseline.value : null;
  const budget = input.budget ?? null;
  let pass: boolean | null = null;
  if (budget) {
    pass = Number.isFinite(input.value);
    if (budget.maxValue !== undefined && !(input.value < budget.maxValue)) pass = false;
    if (budget.minValue !== undefined && !(input.value >= budget.minValue)) pass = false;
    if (budget.maxRatio !== undefined && !(ratio !== null && ratio < budget.maxRatio)) pass = false;
    if (budget.minRatio !== undefined && !(ratio !== null && ratio >= budget.minRatio)) pass = false;
  }
  return {
    id: input.id,
    group: input.group,
    title: input.title,
    value: round(input.value, 4),
    unit: input.unit,
    baseline: baseline ? { ...baseline, value: round(baseline.value, 4) } : null,
    ratio: ratio === null ? null : round(ratio, 3),
    budget: budget?.text ?? null,
    pass,
    ...(input.details ? { details: input.details } : {}),
  };
}

/** A figure whose measurement failed: reported, never silently dropped. */
export function failedFigure(id: string, group: string, title: string, unit: string, error: unknown, budget?: BudgetLimits): Figure {
  const message = error instanceof Error ? error.message : String(error);
  return { id, group, title, value: null, unit, baseline: null, ratio: null, budget: budget?.text ?? null, pass: budget ? false : null, error: message };
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const shown = Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : String(round(value, 3));
  return `${shown} ${unit}`;
}

export function statusText(pass: boolean | null, error?: string): string {
  if (error) return 'ERROR';
  if (pass === null) return '';
  return pass ? 'pass' : 'MISS';
}
