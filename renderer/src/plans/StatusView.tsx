// "Status": the yearly follow-up. The status report (status på implementering) grouped by perspective
// and focus area with counts per status — built by the same function as the Word status export, so
// the two agree — as of today or an earlier date; "Ny statusrunde" records a round (a date, then a
// status and a note per initiative); "Eksportér statusrapport" exports it as Word through the host.
import { useMemo, useState } from 'preact/hooks';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../../../shared/format/schema';
import { buildStatusReport, type StatusReport, type StatusReportInitiative } from '../../../shared/report/status-report';
import { errorMessage } from '../i18n/errors';
import { getBridge } from '../bridge/get-bridge';
import { STRUCTURE_ORIGIN } from '../session/structure-ops';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { showToast } from '../ui/toasts';
import { DateInput } from '../ui/DateInput';
import type { DocumentViewProps } from '../session/view-registry';
import { formatDate, statusLabel, statusTone } from './format';
import { isDate, today } from './plan-data';
import { tp } from './plans-i18n';
import { recordStatusRound, statusRoundDraft, StatusRoundError, type StatusRoundRow } from './status-round';
import { openInEditor, useStickyState, useStrategySnapshot } from './use-plans';
import { useDocVersion } from '../session/use-doc';

export function StatusView(props: DocumentViewProps) {
  const { session } = props;
  const [mode, setMode] = useStickyState<'report' | 'round'>(`status.mode.${session.documentId}`, 'report');
  return mode === 'round' && !props.readOnly ? (
    <StatusRoundForm {...props} onDone={() => setMode('report')} />
  ) : (
    <StatusReportPanel {...props} onNewRound={() => setMode('round')} />
  );
}

// ---- the report ---------------------------------------------------------------------------------------

function StatusReportPanel({ session, select, labels, readOnly, onNewRound }: DocumentViewProps & { onNewRound: () => void }) {
  const snapshot = useStrategySnapshot(session, 150);
  const [asOf, setAsOf] = useStickyState<string>(`status.asOf.${session.documentId}`, '');
  const [planId, setPlanId] = useStickyState<string>(`status.plan.${session.documentId}`, '');
  const [exporting, setExporting] = useState(false);
  const validAsOf = asOf && isDate(asOf) ? asOf : undefined;
  const report = useMemo(() => {
    if (!snapshot) return null;
    const plans = snapshot.actionPlans ?? [];
    const planIds = planId && plans.some((p) => p.id === planId) ? [planId] : undefined;
    return buildStatusReport(snapshot, { ...(validAsOf ? { asOf: validAsOf } : {}), ...(planIds ? { planIds } : {}) });
  }, [snapshot, validAsOf, planId]);
  const owners = useMemo(() => new Map((snapshot?.owners ?? []).map((o) => [o.id, o.name])), [snapshot]);
  const hidden = snapshot?.perspectives.some((p) => p.hidden) ?? false;
  const lower = (text: string) => text.toLocaleLowerCase();
  const grouping = hidden ? lower(labels.focusArea) : tp('status.groupingBoth', { perspective: lower(labels.perspective), focusArea: lower(labels.focusArea) });

  const exportReport = async () => {
    setExporting(true);
    try {
      // The Word report is dated as this view is: the date picked here, else the latest status round.
      const result = await getBridge().exportDocx(session.documentId, { part: 'status', ...(validAsOf ? { asOf: validAsOf } : {}) });
      if (result.saved) showToast({ message: t('doc.exported', { target: result.target ?? '' }) });
    } catch (error) {
      showToast({ message: t('doc.exportFailed', { reason: errorMessage(error) }), tone: 'error' }, 12_000);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div class="plans-view plans-status-view">
      <header class="plans-header">
        <div>
          <h1 class="plans-title">{tp('view.status')}</h1>
          <p class="plans-subtitle" data-testid="status-report-date">
            {report?.reportDate ? tp('status.asOfDate', { date: formatDate(report.reportDate), grouping }) : tp('status.current', { grouping })}
          </p>
        </div>
        <div class="plans-header-actions">
          {!readOnly && (
            <button type="button" class="button button-primary" onClick={onNewRound}>
              {tp('status.newRound')}
            </button>
          )}
          <button type="button" class="button" onClick={() => void exportReport()} disabled={exporting}>
            {exporting ? tp('status.exporting') : tp('status.export')}
          </button>
        </div>
      </header>
      <div class="plans-filters" role="group" aria-label={tp('status.options')}>
        <label class="plans-filter">
          <span class="field-label">{tp('status.asOf')}</span>
          <DateInput data-field="filter.asOf" value={asOf} onCommit={setAsOf} onInvalid={() => setAsOf('')} data-testid="status-as-of" />
        </label>
        <label class="plans-filter">
          <span class="field-label">{tp('filter.plan')}</span>
          <select data-field="filter.planId" class="select" value={planId} onChange={(e) => setPlanId(e.currentTarget.value)}>
            <option value="">{tp('filter.allPlans')}</option>
            {(snapshot?.actionPlans ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.title || t('doc.untitled')}
              </option>
            ))}
          </select>
        </label>
        {asOf && (
          <button type="button" class="button button-small plans-filter-reset" onClick={() => setAsOf('')}>
            {tp('status.showCurrent')}
          </button>
        )}
      </div>
      <div class="plans-scroll">
        {!report ? (
          <p class="muted">{t('common.loading')}</p>
        ) : report.total === 0 ? (
          <p class="empty-state">{tp('status.noInitiatives')}</p>
        ) : (
          <>
            <StatusCounts report={report} />
            {report.groups.map((group) => (
              <section key={group.perspective?.id ?? 'none'} class="status-group">
                {(!hidden || !group.perspective) && (
                  <h2 class="status-group-title">{group.perspective ? group.perspective.title || t('doc.untitled') : tp('status.withoutFocusArea', { label: labels.focusArea.toLocaleLowerCase() })}</h2>
                )}
                {group.focusAreas.map((area) => (
                  <div key={area.focusArea?.id ?? 'none'} class="status-area">
                    {area.focusArea && (
                      <div class="status-area-head">
                        <h3 class="status-area-title">{area.focusArea.title || t('doc.untitled')}</h3>
                        <MiniCounts items={area.initiatives} />
                      </div>
                    )}
                    <table class="data-table status-table">
                      <thead>
                        <tr>
                          <th scope="col" class="col-title">{tp('table.col.title')}</th>
                          <th scope="col" class="col-plan">{tp('table.col.plan')}</th>
                          <th scope="col" class="col-owner">{tp('table.col.owner')}</th>
                          <th scope="col" class="col-status">{tp('table.col.status')}</th>
                          <th scope="col">{tp('status.note')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {area.initiatives.map((entry) => (
                          <tr key={entry.initiative.id}>
                            <td>
                              <button type="button" class="link-button" onClick={() => openInEditor(select, { key: entry.initiative.id })}>
                                {entry.initiative.title || t('doc.untitled')}
                              </button>
                            </td>
                            <td class="muted">{entry.plan.title}</td>
                            <td>{ownerName(entry, owners)}</td>
                            <td>
                              <span class={statusTone(entry.status)}>{statusLabel(entry.status)}</span>
                            </td>
                            <td class="status-note">
                              {entry.note ?? ''}
                              {entry.date && <span class="status-note-date">{formatDate(entry.date)}</span>}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ))}
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}

function ownerName(entry: StatusReportInitiative, owners: Map<string, string>): string {
  const id = entry.initiative.ownerId;
  if (id === undefined) return '';
  return owners.get(id) ?? tp('owner.missing');
}

function StatusCounts({ report }: { report: StatusReport }) {
  return (
    <section class="status-counts" aria-label={tp('status.countsLabel')} data-testid="status-counts">
      <div class="status-count status-count-total">
        <span class="status-count-number">{report.total}</span>
        <span class="status-count-label">{tp('status.total')}</span>
      </div>
      {INITIATIVE_STATUSES.map((s) => (
        <div key={s} class={`status-count status-count-${s}`} data-status={s}>
          <span class="status-count-number">{report.counts[s]}</span>
          <span class="status-count-label">{statusLabel(s)}</span>
        </div>
      ))}
      <div class="status-bar-chart" aria-hidden="true">
        {INITIATIVE_STATUSES.map((s) =>
          report.counts[s] > 0 ? <span key={s} class={`status-bar-part status-bar-${s}`} style={{ flexGrow: report.counts[s] }} /> : null,
        )}
      </div>
    </section>
  );
}

function MiniCounts({ items }: { items: StatusReportInitiative[] }) {
  const counts = new Map<InitiativeStatus, number>();
  for (const it of items) counts.set(it.status, (counts.get(it.status) ?? 0) + 1);
  return (
    <ul class="status-mini" aria-label={tp('status.countsLabel')}>
      {INITIATIVE_STATUSES.filter((s) => counts.has(s)).map((s) => (
        <li key={s} class={statusTone(s)}>
          {counts.get(s)} {statusLabel(s).toLocaleLowerCase()}
        </li>
      ))}
    </ul>
  );
}

// ---- recording a round ---------------------------------------------------------------------------------

interface RoundDraft {
  date: string;
  planId: string;
  rows: Record<string, { status: InitiativeStatus; note: string; included: boolean }>;
}

function StatusRoundForm({ session, onDone }: DocumentViewProps & { onDone: () => void }) {
  const version = useDocVersion(session, { structureOnly: true });
  const { model } = session;
  const [draft, setDraft] = useStickyState<RoundDraft>(`status.round.${session.documentId}`, { date: today(), planId: '', rows: {} });
  const [error, setError] = useState<string | null>(null);
  // The initiatives in scope come from the document (live); the user's choices are kept by id.
  const base = useMemo(() => statusRoundDraft(model, draft.planId || undefined), [model, version, draft.planId]);
  const rows: StatusRoundRow[] = base.map((row) => ({ ...row, ...(draft.rows[row.initiative.id] ?? {}) }));
  const included = rows.filter((r) => r.included);
  const plans = model.list('actionPlan');

  const change = (id: string, patch: Partial<RoundDraft['rows'][string]>) => {
    const row = rows.find((r) => r.initiative.id === id);
    if (!row) return;
    setDraft({ ...draft, rows: { ...draft.rows, [id]: { status: row.status, note: row.note, included: row.included, ...patch } } });
  };

  const save = (event: Event) => {
    event.preventDefault();
    setError(null);
    if (!isDate(draft.date)) {
      setError(tp('round.badDate'));
      document.getElementById('round-date')?.focus();
      return;
    }
    if (included.length === 0) {
      setError(tp('round.empty'));
      return;
    }
    try {
      session.structureUndo.stopCapturing();
      const count = recordStatusRound(
        model,
        draft.date,
        included.map((r) => ({ initiativeId: r.initiative.id, status: r.status, note: r.note })),
        STRUCTURE_ORIGIN,
      );
      session.structureUndo.stopCapturing();
      const undoItem = session.structureUndo.undoStack[session.structureUndo.undoStack.length - 1];
      const message = tp('round.saved', { count, date: formatDate(draft.date) });
      showToast({
        message,
        action: {
          label: t('common.undo'),
          run: () => {
            const undo = session.structureUndo;
            if (undoItem && undo.undoStack[undo.undoStack.length - 1] === undoItem) {
              undo.undo();
              announce(tp('round.undone'));
            } else {
              showToast({ message: t('nav.cannotRestore'), tone: 'error' });
            }
          },
        },
      });
      announce(message);
      setDraft({ date: today(), planId: draft.planId, rows: {} });
      onDone();
    } catch (e) {
      setError(e instanceof StatusRoundError ? tp('round.failed', { reason: e.message }) : tp('round.failed', { reason: String(e) }));
    }
  };

  return (
    <div class="plans-view plans-round">
      <form class="plans-round-form" onSubmit={save} aria-labelledby="round-title" noValidate>
        <header class="plans-header">
          <div>
            <h1 class="plans-title" id="round-title">
              {tp('round.title')}
            </h1>
            <p class="plans-subtitle">{tp('round.intro')}</p>
          </div>
          <div class="plans-header-actions">
            <button type="button" class="button" onClick={onDone}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="button button-primary">
              {tp('round.save', { count: included.length })}
            </button>
          </div>
        </header>
        <div class="plans-filters">
          <label class="plans-filter">
            <span class="field-label">{tp('round.date')}</span>
            <DateInput data-field="round.date" id="round-date" required value={draft.date} onCommit={(date) => setDraft({ ...draft, date })} onInvalid={() => setDraft({ ...draft, date: '' })} />
          </label>
          <label class="plans-filter">
            <span class="field-label">{tp('filter.plan')}</span>
            <select data-field="round.planId" class="select" value={draft.planId} onChange={(e) => setDraft({ ...draft, planId: e.currentTarget.value })}>
              <option value="">{tp('filter.allPlans')}</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title || t('doc.untitled')}
                </option>
              ))}
            </select>
          </label>
          <p class="plans-filter-note muted small">{tp('round.finishedHint')}</p>
        </div>
        {error && (
          <p class="inline-error plans-error" role="alert">
            {error}
          </p>
        )}
        <div class="plans-scroll">
          {rows.length === 0 ? (
            <p class="empty-state">{tp('status.noInitiatives')}</p>
          ) : (
            <table class="data-table round-table" data-testid="round-table">
              <thead>
                <tr>
                  <th scope="col" class="col-include">
                    <span class="visually-hidden">{tp('round.include')}</span>
                  </th>
                  <th scope="col">{tp('table.col.title')}</th>
                  <th scope="col" class="col-current">{tp('round.current')}</th>
                  <th scope="col" class="col-status">{tp('round.newStatus')}</th>
                  <th scope="col" class="col-note">{tp('status.note')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const name = row.initiative.title || t('doc.untitled');
                  return (
                    <tr key={row.initiative.id} class={row.included ? '' : 'is-excluded'} data-id={row.initiative.id}>
                      <td>
                        <input
                          data-field="round.included"
                          type="checkbox"
                          checked={row.included}
                          aria-label={tp('round.includeNamed', { name })}
                          onChange={(e) => change(row.initiative.id, { included: e.currentTarget.checked })}
                        />
                      </td>
                      <td>
                        <span class="round-title">{name}</span>
                        <span class="plans-row-detail">{row.planTitle}</span>
                      </td>
                      <td>
                        <span class={statusTone(row.initiative.status)}>{statusLabel(row.initiative.status)}</span>
                      </td>
                      <td>
                        <select
                          data-field="round.status"
                          class="select"
                          aria-label={tp('round.statusOf', { name })}
                          value={row.status}
                          disabled={!row.included}
                          onChange={(e) => change(row.initiative.id, { status: e.currentTarget.value as InitiativeStatus })}
                        >
                          {INITIATIVE_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {statusLabel(s)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          data-field="round.note"
                          class="input"
                          type="text"
                          aria-label={tp('round.noteOf', { name })}
                          value={row.note}
                          disabled={!row.included}
                          placeholder={tp('round.notePlaceholder')}
                          onInput={(e) => change(row.initiative.id, { note: e.currentTarget.value })}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      </form>
    </div>
  );
}
