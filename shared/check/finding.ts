// The quality findings of a strategy (`pejling check`): codes, severities, and the finding record.

export const FINDING_CODES = [
  // The five codes of the product contract:
  'focus-area-without-initiative',
  'initiative-without-owner',
  'initiative-without-focus-area',
  'initiative-outside-plan-period',
  'dangling-reference',
  // Further checks (see README.md):
  'local-plan-without-parent',
  'support-outside-parent-plan',
  'plan-outside-strategy-period',
  'status-differs-from-latest-update',
  'empty-title',
  // Rules a person can break while editing (issue 11: findings, never reasons to refuse a file):
  'strategy-period-reversed',
  'plan-period-reversed',
  'initiative-end-before-start',
  // Text a live document can hold (pasted) that a file may not: Word cannot store it, import refuses it.
  'illegal-character',
  // The consultation round (issue 12): a strategy should not be adopted with open comment threads.
  'unresolved-comments',
  // Publishing (issue 16): a field that still holds a template's guidance text.
  'template-text',
  // Suggestions (issue 14): a field with suggestions nobody has accepted or rejected yet.
  'pending-suggestions',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = 'error' | 'warning';

export const SEVERITY: Record<FindingCode, Severity> = {
  'focus-area-without-initiative': 'warning',
  'initiative-without-owner': 'warning',
  'initiative-without-focus-area': 'warning',
  'initiative-outside-plan-period': 'warning',
  'dangling-reference': 'error',
  'local-plan-without-parent': 'warning',
  'support-outside-parent-plan': 'warning',
  'plan-outside-strategy-period': 'warning',
  'status-differs-from-latest-update': 'warning',
  'empty-title': 'warning',
  'strategy-period-reversed': 'error',
  'plan-period-reversed': 'error',
  'initiative-end-before-start': 'error',
  'illegal-character': 'error',
  'unresolved-comments': 'warning',
  'template-text': 'warning',
  'pending-suggestions': 'warning',
};

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Id of the item the finding is about (the initiative, focus area, plan, owner, …). */
  id: string;
  /** JSON pointer into the interchange file: the item, or for dangling references the referring field. */
  path: string;
  /** Human-readable explanation in the requested language. */
  message: string;
}
