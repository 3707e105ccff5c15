// The initiative fields the shell's editor does not have: participants, priority, business case
// (status + expected benefit), budget (DKK, with source), the common initiatives a local one
// supports, and the dated status history with a form to add an update. Rendered inside the
// shell's InitiativeEditor. Every change is one field (or one list entry) in the model, so two
// users editing different fields of the same initiative never lose each other's changes.
import { useState } from 'preact/hooks';
import { BUSINESS_CASE_STATUSES, INITIATIVE_STATUSES, type BusinessCaseStatus, type InitiativeStatus } from '../../../shared/format/schema';
import type { DocumentSession } from '../session/document-session';
import { useDocVersion } from '../session/use-doc';
import { SuggestableInput } from '../find/FieldSuggestionList';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { BoundInput } from '../ui/BoundInput';
import { DateInput } from '../ui/DateInput';
import { Icon } from '../ui/Icon';
import { formatAmount, formatDate, statusLabel, statusTone } from './format';
import { indented } from './owner-options';
import { isDate, ownerTree, parseDkk, today } from './plan-data';
import { tp } from './plans-i18n';
import { historyNewestFirst } from './status-round';

interface Props {
  session: DocumentSession;
  initiativeId: string;
  readOnly: boolean;
}

export function InitiativeDetails({ session, initiativeId, readOnly }: Props) {
  useDocVersion(session, { structureOnly: true });
  const { model } = session;
  const initiative = model.get('initiative', initiativeId);
  if (!initiative) return null;
  return (
    <div class="plans-initiative-details">
      <Participants session={session} initiativeId={initiativeId} participantIds={initiative.participantIds} ownerId={initiative.ownerId} readOnly={readOnly} />
      <section class="form-section" aria-labelledby={`details-economy-${initiativeId}`}>
        <h2 class="form-section-title" id={`details-economy-${initiativeId}`}>
          {tp('details.economy')}
        </h2>
        <div class="field-row">
          <PriorityField session={session} initiativeId={initiativeId} priority={initiative.priority} readOnly={readOnly} />
          <label class="field" data-field="businessCase">
            <span class="field-label">{tp('details.businessCase')}</span>
            <select
              data-field="businessCase.status"
              class="select"
              disabled={readOnly}
              value={initiative.businessCase?.status ?? ''}
              onChange={(e) => {
                const status = e.currentTarget.value as BusinessCaseStatus | '';
                const benefit = initiative.businessCase?.benefit;
                model.update('initiative', initiativeId, { businessCase: status ? { status, ...(benefit ? { benefit } : {}) } : null });
              }}
            >
              <option value="">{tp('details.notGiven')}</option>
              {BUSINESS_CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`businessCase.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label class="field" data-field="benefit">
          <span class="field-label">{tp('details.benefit')}</span>
          {/* Typed text: bound to its Y.Text (two people typing both keep theirs), or in suggestion mode to this
              person's suggestion. A benefit without a business-case status reads as status "none". */}
          <SuggestableInput
            session={session}
            itemId={initiativeId}
            fieldKey="businessCaseBenefit"
            data-field="businessCase.benefit"
            class="input"
            readOnly={readOnly}
            placeholder={tp('details.benefitPlaceholder')}
          />
        </label>
        <BudgetFields session={session} initiativeId={initiativeId} budget={initiative.budget} readOnly={readOnly} />
      </section>
      <Supports session={session} initiativeId={initiativeId} readOnly={readOnly} />
      <StatusHistory session={session} initiativeId={initiativeId} readOnly={readOnly} />
    </div>
  );
}

function Participants({
  session,
  initiativeId,
  participantIds,
  ownerId,
  readOnly,
}: Props & { participantIds: string[]; ownerId: string | undefined }) {
  const { model } = session;
  const owners = model.list('owner');
  const byId = new Map(owners.map((o) => [o.id, o]));
  const candidates = ownerTree(owners).filter(({ owner }) => !participantIds.includes(owner.id) && owner.id !== ownerId);
  return (
    <section class="form-section" aria-labelledby={`details-participants-${initiativeId}`} data-field="participantIds">
      <h2 class="form-section-title" id={`details-participants-${initiativeId}`}>
        {tp('details.participants')}
      </h2>
      {participantIds.length === 0 ? (
        <p class="muted small">{tp('details.noParticipants')}</p>
      ) : (
        <ul class="chip-list" aria-label={tp('details.participants')}>
          {participantIds.map((id) => {
            const owner = byId.get(id);
            const name = owner ? owner.name || t('doc.untitled') : tp('owner.missing');
            return (
              <li key={id} class={`chip${owner ? '' : ' chip-missing'}`}>
                <span>{name}</span>
                {owner && <span class="chip-kind">{t(`owners.kind.${owner.kind}`)}</span>}
                {!readOnly && (
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={tp('details.removeParticipant', { name })}
                    onClick={() => {
                      model.removeReference(initiativeId, 'participantIds', id);
                      announce(tp('details.participantRemoved', { name }));
                    }}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && candidates.length > 0 && (
        <label class="field field-inline">
          <span class="field-label">{tp('details.addParticipant')}</span>
          <select
            data-field="participantIds.add"
            class="select"
            value=""
            onChange={(e) => {
              const id = e.currentTarget.value;
              if (!id) return;
              model.addReference(initiativeId, 'participantIds', id);
              announce(tp('details.participantAdded', { name: byId.get(id)?.name ?? '' }));
              e.currentTarget.value = '';
            }}
          >
            <option value="">{tp('details.choose')}</option>
            {candidates.map(({ owner, depth }) => (
              <option key={owner.id} value={owner.id}>
                {indented(owner.name, depth)}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}

const validPriority = (value: string): string | null => {
  const text = value.trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? null : tp('details.priorityInvalid');
};

const validBudget = (value: string): string | null => (value.trim() === '' || parseDkk(value) !== null ? null : tp('details.budgetInvalid'));

function PriorityField({ session, initiativeId, priority, readOnly }: Props & { priority: number | undefined }) {
  return (
    <label class="field" data-field="priority">
      <span class="field-label">{tp('details.priority')}</span>
      <BoundInput
        class="input"
        inputMode="numeric"
        value={priority === undefined ? '' : String(priority)}
        readOnly={readOnly}
        aria-describedby={`priority-hint-${initiativeId}`}
        validate={validPriority}
        onCommit={(value) => {
          const text = value.trim();
          session.model.update('initiative', initiativeId, { priority: text === '' ? null : Number(text) });
        }}
      />
      <span class="field-hint" id={`priority-hint-${initiativeId}`}>
        {tp('details.priorityHint')}
      </span>
    </label>
  );
}

function BudgetFields({ session, initiativeId, budget, readOnly }: Props & { budget: { amountDkk: number; source?: string } | undefined }) {
  const { model } = session;
  return (
    <div class="field-row">
      <label class="field" data-field="budget">
        <span class="field-label">{tp('details.budget')}</span>
        <BoundInput
          class="input plans-amount"
          value={budget ? formatAmount(budget.amountDkk) : ''}
          readOnly={readOnly}
          placeholder={tp('details.budgetPlaceholder')}
          aria-describedby={`budget-hint-${initiativeId}`}
          validate={validBudget}
          onCommit={(value) => {
            if (value.trim() === '') {
              model.update('initiative', initiativeId, { budget: null });
              return;
            }
            const amount = parseDkk(value);
            if (amount === null) return; // validBudget refused it already
            const source = model.get('initiative', initiativeId)?.budget?.source;
            model.update('initiative', initiativeId, { budget: { amountDkk: amount, ...(source ? { source } : {}) } });
          }}
        />
        <span class="field-hint" id={`budget-hint-${initiativeId}`}>
          {tp('details.budgetHint')}
        </span>
      </label>
      <label class="field" data-field="budgetSource">
        <span class="field-label">{tp('details.budgetSource')}</span>
        <SuggestableInput
          session={session}
          itemId={initiativeId}
          fieldKey="budgetSource"
          class="input"
          readOnly={readOnly || !budget}
          placeholder={budget ? tp('details.budgetSourcePlaceholder') : tp('details.budgetSourceFirst')}
        />
      </label>
    </div>
  );
}

function Supports({ session, initiativeId, readOnly }: Props) {
  const { model } = session;
  const initiative = model.get('initiative', initiativeId);
  if (!initiative) return null;
  const plan = model.get('actionPlan', initiative.planId);
  const supports = initiative.supportsInitiativeIds;
  // Only local plans support a common one; show the field elsewhere only when it holds something.
  if (plan?.kind !== 'local' && supports.length === 0) return null;
  const parent = plan?.parentPlanId ? model.get('actionPlan', plan.parentPlanId) : undefined;
  const candidatePlans = parent ? [parent] : model.list('actionPlan').filter((p) => p.kind === 'common');
  const titles = new Map(model.list('initiative').map((i) => [i.id, i.title]));
  return (
    <section class="form-section" aria-labelledby={`details-supports-${initiativeId}`} data-field="supportsInitiativeIds">
      <h2 class="form-section-title" id={`details-supports-${initiativeId}`}>
        {tp('details.supports')}
      </h2>
      <p class="field-hint">{parent ? tp('details.supportsHint', { plan: parent.title || t('doc.untitled') }) : tp('details.supportsHintNoParent')}</p>
      {supports.length === 0 ? (
        <p class="muted small">{tp('details.supportsNone')}</p>
      ) : (
        <ul class="chip-list" aria-label={tp('details.supports')}>
          {supports.map((id) => {
            const title = titles.get(id);
            const name = title === undefined ? tp('details.deletedInitiative') : title || t('doc.untitled');
            return (
              <li key={id} class={`chip${title === undefined ? ' chip-missing' : ''}`}>
                <span>{name}</span>
                {!readOnly && (
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={tp('details.removeSupport', { name })}
                    onClick={() => model.removeReference(initiativeId, 'supportsInitiativeIds', id)}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && (
        <label class="field field-inline">
          <span class="field-label">{tp('details.addSupport')}</span>
          <select
            data-field="supportsInitiativeIds.add"
            class="select"
            value=""
            onChange={(e) => {
              const id = e.currentTarget.value;
              if (!id) return;
              model.addReference(initiativeId, 'supportsInitiativeIds', id);
              e.currentTarget.value = '';
            }}
          >
            <option value="">{tp('details.choose')}</option>
            {candidatePlans.map((p) => (
              <optgroup key={p.id} label={p.title || t('doc.untitled')}>
                {model
                  .list('initiative', p.id)
                  .filter((i) => i.id !== initiativeId && !supports.includes(i.id))
                  .map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.title || t('doc.untitled')}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}

function StatusHistory({ session, initiativeId, readOnly }: Props) {
  const { model } = session;
  const initiative = model.get('initiative', initiativeId);
  const [date, setDate] = useState(today());
  const [status, setStatus] = useState<InitiativeStatus>(initiative?.status ?? 'planned');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!initiative) return null;
  const history = historyNewestFirst(initiative);
  const add = () => {
    if (!isDate(date)) {
      setError(tp('round.badDate'));
      return;
    }
    setError(null);
    const trimmed = note.trim();
    model.addStatusUpdate(initiativeId, { date, status, ...(trimmed ? { note: trimmed } : {}) });
    setNote('');
    announce(tp('details.updateAdded', { status: statusLabel(status), date: formatDate(date) }));
  };
  return (
    <section class="form-section" aria-labelledby={`details-history-${initiativeId}`} data-field="statusUpdates">
      <h2 class="form-section-title" id={`details-history-${initiativeId}`}>
        {tp('details.history')}
      </h2>
      {history.length === 0 ? (
        <p class="muted small">{tp('details.historyNone')}</p>
      ) : (
        <ol class="status-history" aria-label={tp('details.history')}>
          {history.map((u, i) => (
            <li key={`${u.date}:${i}`} class="status-history-item">
              <span class="status-history-date">{formatDate(u.date)}</span>
              <span class={statusTone(u.status)}>{statusLabel(u.status)}</span>
              {u.note && <span class="status-history-note">{u.note}</span>}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <div class="status-history-add" role="group" aria-label={tp('details.addUpdate')}>
          <label class="field">
            <span class="field-label">{tp('round.date')}</span>
            <DateInput data-field="statusUpdate.date" value={date} onCommit={setDate} onInvalid={() => setDate('')} />
          </label>
          <label class="field">
            <span class="field-label">{tp('round.newStatus')}</span>
            <select data-field="statusUpdate.status" class="select" value={status} onChange={(e) => setStatus(e.currentTarget.value as InitiativeStatus)}>
              {INITIATIVE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label class="field status-history-note-field">
            <span class="field-label">{tp('status.note')}</span>
            <input
              data-field="statusUpdate.note"
              class="input"
              type="text"
              value={note}
              placeholder={tp('round.notePlaceholder')}
              onInput={(e) => setNote(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </label>
          <button type="button" class="button" onClick={add}>
            <Icon name="plus" size={14} />
            {tp('details.addUpdate')}
          </button>
          {error && (
            <p class="inline-error small" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
