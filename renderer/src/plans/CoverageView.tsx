// "Dækning": focus areas × action plans, with the number of (not cancelled) initiatives in each cell.
// A focus area no initiative serves is marked by colour, an icon and the words "Ingen initiativer".
// A count opens the initiatives table filtered to that plan and focus area.
import { useMemo } from 'preact/hooks';
import { navigate } from '../route/route';
import { useDocVersion } from '../session/use-doc';
import { t } from '../i18n/i18n';
import type { DocumentViewProps } from '../session/view-registry';
import { filterStateKey } from './InitiativesView';
import { coverageMatrix } from './plan-data';
import { tp } from './plans-i18n';
import { openInEditor, setStickyState } from './use-plans';

export function CoverageView({ session, select, labels }: DocumentViewProps) {
  const version = useDocVersion(session, { structureOnly: true });
  const matrix = useMemo(() => coverageMatrix(session.model), [session, version]);
  const hidden = session.model.list('perspective').some((p) => p.hidden);

  const showInitiatives = (planId: string | undefined, focusAreaId: string) => {
    setStickyState(filterStateKey(session.documentId), { ...(planId ? { planId } : {}), focusAreaId });
    navigate({ screen: 'document', documentId: session.documentId, view: 'initiatives', item: focusAreaId });
  };

  const columns = matrix.plans.length + 2;
  return (
    <div class="plans-view plans-coverage">
      <header class="plans-header">
        <div>
          <h1 class="plans-title">{tp('view.coverage')}</h1>
          <p class="plans-subtitle">{tp('coverage.intro', { focusArea: labels.focusArea.toLocaleLowerCase() })}</p>
        </div>
        <p class={`plans-summary ${matrix.uncovered > 0 ? 'is-warning' : 'is-ok'}`} data-testid="coverage-summary" aria-live="polite">
          {matrix.uncovered > 0
            ? tp('coverage.summaryMissing', { missing: matrix.uncovered, total: matrix.focusAreaCount, focusAreas: labels.focusAreas.toLocaleLowerCase() })
            : tp('coverage.summaryAll', { total: matrix.focusAreaCount, focusAreas: labels.focusAreas.toLocaleLowerCase() })}
        </p>
      </header>

      {matrix.focusAreaCount === 0 ? (
        <p class="empty-state">{tp('coverage.noFocusAreas', { focusAreas: labels.focusAreas.toLocaleLowerCase() })}</p>
      ) : (
        <div class="plans-scroll">
          <table class="coverage-table" data-testid="coverage-table">
            <caption class="visually-hidden">{tp('coverage.caption', { focusAreas: labels.focusAreas })}</caption>
            <thead>
              <tr>
                <th scope="col" class="coverage-corner">
                  {labels.focusArea}
                </th>
                {matrix.plans.map((plan) => (
                  <th key={plan.id} scope="col" class="coverage-plan">
                    <button type="button" class="coverage-plan-link" onClick={() => openInEditor(select, { key: plan.id })}>
                      {plan.title || t('doc.untitled')}
                    </button>
                    <span class="coverage-plan-meta">
                      {t(`plan.kind.${plan.kind}`)} · {plan.period.from}–{plan.period.to}
                    </span>
                  </th>
                ))}
                <th scope="col" class="coverage-total-head">
                  {tp('coverage.total')}
                </th>
              </tr>
            </thead>
            {matrix.groups.map((group) => (
              <tbody key={group.perspective.id}>
                {!hidden && (
                  <tr class="coverage-group">
                    <th scope="colgroup" colSpan={columns}>
                      {group.perspective.title || t('doc.untitled')}
                    </th>
                  </tr>
                )}
                {group.rows.map((row) => {
                  const title = row.focusArea.title || t('doc.untitled');
                  const uncovered = row.total === 0;
                  return (
                    <tr key={row.focusArea.id} class={uncovered ? 'coverage-row is-uncovered' : 'coverage-row'} data-focus-area={row.focusArea.id}>
                      <th scope="row" class="coverage-area">
                        <button type="button" class="coverage-area-link" onClick={() => openInEditor(select, { key: row.focusArea.id })}>
                          {title}
                        </button>
                      </th>
                      {row.counts.map((count, i) => {
                        const plan = matrix.plans[i]!;
                        return (
                          <td key={plan.id} class={`coverage-cell${count > 0 ? ' has-initiatives' : ''}`}>
                            {count > 0 ? (
                              <button
                                type="button"
                                class="coverage-count"
                                aria-label={tp('coverage.cellLabel', { count, area: title, plan: plan.title || t('doc.untitled') })}
                                onClick={() => showInitiatives(plan.id, row.focusArea.id)}
                              >
                                {count}
                              </button>
                            ) : (
                              <span class="coverage-zero" aria-label={tp('coverage.cellNone', { area: title, plan: plan.title || t('doc.untitled') })}>
                                –
                              </span>
                            )}
                          </td>
                        );
                      })}
                      <td class="coverage-total">
                        {uncovered ? (
                          <span class="coverage-missing" data-testid="coverage-missing">
                            <span class="coverage-missing-icon" aria-hidden="true">
                              !
                            </span>
                            {tp('coverage.none')}
                          </span>
                        ) : (
                          <button
                            type="button"
                            class="coverage-count coverage-count-total"
                            aria-label={tp('coverage.totalLabel', { count: row.total, area: title })}
                            onClick={() => showInitiatives(undefined, row.focusArea.id)}
                          >
                            {row.total}
                          </button>
                        )}
                        {row.cancelled > 0 && <span class="coverage-cancelled">{tp('coverage.cancelled', { count: row.cancelled })}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
            <tfoot>
              <tr>
                <th scope="row">{tp('coverage.initiativesPerPlan')}</th>
                {matrix.planTotals.map((total, i) => (
                  <td key={matrix.plans[i]!.id} class="coverage-cell">
                    {total}
                  </td>
                ))}
                <td class="coverage-total">{matrix.planTotals.reduce((a, b) => a + b, 0)}</td>
              </tr>
            </tfoot>
          </table>
          <p class="muted small plans-note">{tp('coverage.note')}</p>
        </div>
      )}
    </div>
  );
}
