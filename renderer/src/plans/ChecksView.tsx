// "Tjek": the `pejling check` findings of the open strategy, live (they follow every change, also
// other users'), grouped by severity. Activating a finding opens the item's editor with the field
// the finding is about focused.
import type { Finding, FindingCode } from '../../../shared/check';
import { t } from '../i18n/i18n';
import type { DocumentViewProps } from '../session/view-registry';
import { findingTarget } from './plan-data';
import { tp, type PlansKey } from './plans-i18n';
import { openInEditor, useLiveFindings } from './use-plans';
import { announce } from '../ui/announcer';

const CODE_LABELS: Record<FindingCode, PlansKey> = {
  'focus-area-without-initiative': 'code.focus-area-without-initiative',
  'initiative-without-owner': 'code.initiative-without-owner',
  'initiative-without-focus-area': 'code.initiative-without-focus-area',
  'initiative-outside-plan-period': 'code.initiative-outside-plan-period',
  'dangling-reference': 'code.dangling-reference',
  'local-plan-without-parent': 'code.local-plan-without-parent',
  'support-outside-parent-plan': 'code.support-outside-parent-plan',
  'plan-outside-strategy-period': 'code.plan-outside-strategy-period',
  'status-differs-from-latest-update': 'code.status-differs-from-latest-update',
  'empty-title': 'code.empty-title',
  'strategy-period-reversed': 'code.strategy-period-reversed',
  'plan-period-reversed': 'code.plan-period-reversed',
  'initiative-end-before-start': 'code.initiative-end-before-start',
  'illegal-character': 'code.illegal-character',
  'unresolved-comments': 'code.unresolved-comments',
  'template-text': 'code.template-text',
  'pending-suggestions': 'code.pending-suggestions',
};

export function ChecksView({ session, select }: DocumentViewProps) {
  const live = useLiveFindings(session);
  const findings = live?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');

  const go = (finding: Finding) => {
    const target = findingTarget(session.model, finding);
    if (!target) {
      announce(tp('checks.gone'));
      return;
    }
    openInEditor(select, target);
  };

  return (
    <div class="plans-view plans-checks">
      <header class="plans-header">
        <div>
          <h1 class="plans-title">{tp('view.checks')}</h1>
          <p class="plans-subtitle">{tp('checks.intro')}</p>
        </div>
        {live && (
          <p class={`plans-summary ${errors.length > 0 ? 'is-error' : warnings.length > 0 ? 'is-warning' : 'is-ok'}`} aria-live="polite" data-testid="checks-summary">
            {findings.length === 0
              ? tp('checks.none')
              : `${tp('checks.summaryErrors', { count: errors.length })} · ${tp('checks.summaryWarnings', { count: warnings.length })}`}
          </p>
        )}
      </header>
      <div class="plans-scroll">
        {!live ? (
          <p class="muted">{t('common.loading')}</p>
        ) : findings.length === 0 ? (
          <p class="empty-state checks-clean">{tp('checks.clean')}</p>
        ) : (
          <>
            <FindingGroup title={tp('checks.errors')} tone="error" findings={errors} onOpen={go} />
            <FindingGroup title={tp('checks.warnings')} tone="warning" findings={warnings} onOpen={go} />
          </>
        )}
      </div>
    </div>
  );
}

function FindingGroup({ title, tone, findings, onOpen }: { title: string; tone: 'error' | 'warning'; findings: Finding[]; onOpen: (f: Finding) => void }) {
  if (findings.length === 0) return null;
  const headingId = `checks-${tone}`;
  return (
    <section class={`checks-group checks-${tone}`} aria-labelledby={headingId}>
      <h2 class="checks-group-title" id={headingId}>
        <span class={`checks-icon checks-icon-${tone}`} aria-hidden="true">
          {tone === 'error' ? '×' : '!'}
        </span>
        {title} <span class="owner-count">{findings.length}</span>
      </h2>
      <ul class="checks-list">
        {findings.map((finding, i) => (
          <li key={`${finding.code}:${finding.path}:${i}`}>
            <button type="button" class="checks-item" onClick={() => onOpen(finding)} data-code={finding.code} data-id={finding.id}>
              <span class="checks-code">{tp(CODE_LABELS[finding.code] ?? 'code.other')}</span>
              <span class="checks-message">{finding.message}</span>
              <span class="checks-go" aria-hidden="true">
                ›
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
