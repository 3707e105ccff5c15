// Editors of action plans and initiatives (the owners register is plans/OwnersRegister.tsx). (The plan views — initiatives table,
// coverage matrix, per-owner view, status report — are separate views in the view registry.)
import { INITIATIVE_STATUSES, PLAN_KINDS } from '../../../../shared/format/schema';
import type { InitiativeStatus, PlanKind } from '../../../../shared/format/schema';
import { parseYear } from '../../../../shared/format/dates';
import { t } from '../../i18n/i18n';
import { BoundInput, BoundSelect } from '../../ui/BoundInput';
import { optionalMonth, validYear } from '../../ui/field-validators';
import { Field } from './Field';
import { RichField } from './RichField';
import { ChildList } from './StrategyEditors';
import type { EditorProps } from '../../session/view-registry';
import { InitiativeDetails } from '../../plans/InitiativeDetails';
import { SuggestableInput } from '../../find/FieldSuggestionList';
import { ownerOptions as planOwnerOptions } from '../../plans/owner-options';

export function ActionPlanEditor({ ctx, node, readOnly, version }: EditorProps) {
  const { session } = ctx;
  const { model } = session;
  const plan = model.get('actionPlan', node.key);
  if (!plan) return null;
  const owners = model.list('owner');
  const otherPlans = model.list('actionPlan').filter((p) => p.id !== plan.id && !p.virtual);
  return (
    <div class="editor-form">
      <Field label={t('edit.title')}>
        <SuggestableInput session={session} itemId={plan.id} fieldKey="title" data-field="title" class="input input-title" readOnly={readOnly} data-testid="item-title" />
      </Field>
      <div class="field-row">
        <Field label={t('plan.kind')}>
          <BoundSelect
            data-field="kind"
            class="select"
            disabled={readOnly}
            value={plan.kind}
            options={PLAN_KINDS.map((k) => ({ value: k, label: t(`plan.kind.${k}`) }))}
            onCommit={(kind) => model.update('actionPlan', plan.id, { kind: kind as PlanKind })}
          />
        </Field>
        <Field label={t('meta.periodFrom')}>
          <BoundInput
            data-field="periodFrom"
            class="input"
            inputMode="numeric"
            value={String(plan.period.from)}
            readOnly={readOnly}
            validate={validYear}
            onCommit={(value) => {
              const from = parseYear(value);
              if (from !== null) model.update('actionPlan', plan.id, { period: { from, to: Math.max(from, plan.period.to) } });
            }}
          />
        </Field>
        <Field label={t('meta.periodTo')}>
          <BoundInput
            data-field="periodTo"
            class="input"
            inputMode="numeric"
            value={String(plan.period.to)}
            readOnly={readOnly}
            validate={validYear}
            onCommit={(value) => {
              const to = parseYear(value);
              if (to !== null) model.update('actionPlan', plan.id, { period: { from: Math.min(plan.period.from, to), to } });
            }}
          />
        </Field>
      </div>
      <div class="field-row">
        <Field label={t('plan.owner')}>
          <BoundSelect
            data-field="ownerId"
            class="select"
            disabled={readOnly}
            value={plan.ownerId ?? ''}
            options={[{ value: '', label: t('common.none') }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
            onCommit={(ownerId) => model.update('actionPlan', plan.id, { ownerId: ownerId || null })}
          />
        </Field>
        {plan.kind === 'local' && (
          <Field label={t('plan.parent')}>
            <BoundSelect
              data-field="parentPlanId"
              class="select"
              disabled={readOnly}
              value={plan.parentPlanId ?? ''}
              options={[{ value: '', label: t('common.none') }, ...otherPlans.map((p) => ({ value: p.id, label: p.title }))]}
              onCommit={(parentPlanId) => model.update('actionPlan', plan.id, { parentPlanId: parentPlanId || null })}
            />
          </Field>
        )}
      </div>
      <RichField session={session} id={plan.id} field="intro" label={t('edit.intro')} placeholder={t('edit.bodyPlaceholder')} readOnly={readOnly} version={version} />
      <ChildList ctx={ctx} node={node} heading={t('plan.initiatives')} />
    </div>
  );
}

export function InitiativeEditor({ ctx, node, readOnly, version }: EditorProps) {
  const { session, labels } = ctx;
  const { model } = session;
  const initiative = model.get('initiative', node.key);
  if (!initiative) return null;
  // The owner hierarchy, and "Mangler ansvarlig" for an owner that was removed (see plans/).
  const ownerOptions = planOwnerOptions(model, initiative.ownerId);
  const perspectives = model.list('perspective');
  return (
    <div class="editor-form">
      <Field label={t('edit.title')}>
        <SuggestableInput session={session} itemId={initiative.id} fieldKey="title" data-field="title" class="input input-title" readOnly={readOnly} data-testid="item-title" />
      </Field>
      <div class="field-row">
        <Field label={t('initiative.owner')}>
          <BoundSelect
            data-field="ownerId"
            class="select"
            disabled={readOnly}
            value={initiative.ownerId ?? ''}
            options={ownerOptions}
            onCommit={(ownerId) => model.update('initiative', initiative.id, { ownerId: ownerId || null })}
          />
        </Field>
        <Field label={t('initiative.status')}>
          <BoundSelect
            data-field="status"
            class="select"
            disabled={readOnly}
            value={initiative.status ?? ''}
            options={[{ value: '', label: t('common.none') }, ...INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiative.status.${s}`) }))]}
            onCommit={(status) => model.update('initiative', initiative.id, { status: status ? (status as InitiativeStatus) : null })}
          />
        </Field>
        <Field label={t('initiative.start')} hint={t('initiative.monthHint')}>
          <BoundInput data-field="start"
            class="input"
            value={initiative.start ?? ''}
            readOnly={readOnly}
            placeholder={t('initiative.monthPlaceholder')}
            validate={optionalMonth}
            onCommit={(value) => model.update('initiative', initiative.id, { start: value.trim() || null })}
          />
        </Field>
        <Field label={t('initiative.end')} hint={t('initiative.monthHint')}>
          <BoundInput data-field="end"
            class="input"
            value={initiative.end ?? ''}
            readOnly={readOnly}
            placeholder={t('initiative.monthPlaceholder')}
            validate={optionalMonth}
            onCommit={(value) => model.update('initiative', initiative.id, { end: value.trim() || null })}
          />
        </Field>
      </div>
      <RichField
        session={session}
        id={initiative.id}
        field="description"
        label={t('initiative.description')}
        placeholder={t('edit.bodyPlaceholder')}
        readOnly={readOnly}
        version={version}
      />
      <fieldset class="form-section" data-field="focusAreaIds">
        <legend class="form-section-title">{t('initiative.focusAreas', { label: labels.focusAreas })}</legend>
        <div class="check-columns">
          {perspectives.map((p) => {
            const areas = model.list('focusArea', p.id);
            if (areas.length === 0) return null;
            return (
              <div key={p.id} class="check-group">
                {!p.hidden && <div class="check-group-title">{p.title}</div>}
                {areas.map((fa) => (
                  <label key={fa.id} class="check-row">
                    <input
                      data-field={`focusAreaIds.${fa.id}`}
                      type="checkbox"
                      disabled={readOnly}
                      checked={initiative.focusAreaIds.includes(fa.id)}
                      onChange={(e) =>
                        e.currentTarget.checked
                          ? model.addReference(initiative.id, 'focusAreaIds', fa.id)
                          : model.removeReference(initiative.id, 'focusAreaIds', fa.id)
                      }
                    />
                    {fa.title || t('doc.untitled')}
                  </label>
                ))}
              </div>
            );
          })}
        </div>
      </fieldset>
      <InitiativeDetails session={session} initiativeId={initiative.id} readOnly={readOnly} />
    </div>
  );
}
