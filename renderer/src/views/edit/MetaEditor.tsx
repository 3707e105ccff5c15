// Forside: the strategy's metadata and the names it uses for its levels.
import type { Labels, Meta } from '../../../../shared/format/schema';
import { STRATEGY_STATUSES } from '../../../../shared/format/schema';
import { parseYear } from '../../../../shared/format/dates';
import type { DocumentSession } from '../../session/document-session';
import { t } from '../../i18n/i18n';
import { LABELS_ID, META_ID, readHint } from '../../../../shared/model';
import { BoundInput, BoundSelect } from '../../ui/BoundInput';
import { DateInput } from '../../ui/DateInput';
import { required, validYear } from '../../ui/field-validators';
import { Field } from './Field';
import { PerspectiveLevelToggle } from './PerspectiveLevelToggle';
import { defaultLabels } from '../../session/labels';
import { HouseStyleField } from './HouseStyleField';
import { SuggestableInput } from '../../find/FieldSuggestionList';
import { LogoField } from './LogoField';

interface Props {
  session: DocumentSession;
  readOnly: boolean;
}

const OPTIONAL_TEXT: { key: keyof Meta & ('subtitle' | 'version' | 'preparedBy' | 'commissionedBy' | 'contact'); label: () => string }[] = [
  { key: 'version', label: () => t('meta.version') },
  { key: 'preparedBy', label: () => t('meta.preparedBy') },
  { key: 'commissionedBy', label: () => t('meta.commissionedBy') },
  { key: 'contact', label: () => t('meta.contact') },
];

const LABEL_FIELDS: { key: keyof Labels; label: () => string }[] = [
  { key: 'perspective', label: () => t('labels.perspective') },
  { key: 'perspectives', label: () => t('labels.perspectives') },
  { key: 'focusArea', label: () => t('labels.focusArea') },
  { key: 'focusAreas', label: () => t('labels.focusAreas') },
  { key: 'principles', label: () => t('labels.principles') },
  { key: 'bearings', label: () => t('labels.bearings') },
];

export function MetaEditor({ session, readOnly }: Props) {
  const { model } = session;
  const meta = model.getMeta();
  const defaults = defaultLabels(model);
  const update = (patch: Parameters<typeof model.updateMeta>[0]) => model.updateMeta(patch);

  return (
    <div class="editor-form">
      <h1 class="pane-title">{t('nav.meta')}</h1>
      <Field label={t('meta.title')}>
        <SuggestableInput session={session} itemId={META_ID} fieldKey="title" data-field="title" class="input input-title" readOnly={readOnly} required validate={required} />
      </Field>
      <Field label={t('meta.subtitle')}>
        <SuggestableInput session={session} itemId={META_ID} fieldKey="subtitle" data-field="subtitle" class="input" placeholder={readHint(session.doc, META_ID, 'subtitle')} readOnly={readOnly} />
      </Field>
      <div class="field-row">
        <Field label={t('meta.organisation')}>
          <SuggestableInput session={session} itemId={META_ID} fieldKey="organisation" data-field="organisation" class="input" readOnly={readOnly} required validate={required} />
        </Field>
        <Field label={t('meta.periodFrom')}>
          <BoundInput
            data-field="periodFrom"
            class="input"
            inputMode="numeric"
            value={String(meta.period.from || '')}
            readOnly={readOnly}
            validate={validYear}
            onCommit={(value) => {
              const from = parseYear(value);
              if (from !== null) update({ period: { from, to: Math.max(from, meta.period.to) } });
            }}
          />
        </Field>
        <Field label={t('meta.periodTo')}>
          <BoundInput
            data-field="periodTo"
            class="input"
            inputMode="numeric"
            value={String(meta.period.to || '')}
            readOnly={readOnly}
            validate={validYear}
            onCommit={(value) => {
              const to = parseYear(value);
              if (to !== null) update({ period: { from: Math.min(meta.period.from || to, to), to } });
            }}
          />
        </Field>
      </div>
      <div class="field-row">
        <Field label={t('meta.status')}>
          <BoundSelect
            data-field="status"
            class="select"
            disabled={readOnly}
            value={meta.status ?? ''}
            options={[{ value: '', label: t('meta.statusNone') }, ...STRATEGY_STATUSES.map((s) => ({ value: s, label: t(`meta.status.${s}`) }))]}
            onCommit={(value) => update({ status: value ? (value as Meta['status']) : null })}
          />
        </Field>
        <Field label={t('meta.date')}>
          <DateInput data-field="date" value={meta.date ?? ''} readOnly={readOnly} onCommit={(iso) => update({ date: iso || null })} />
        </Field>
        <Field label={t('meta.language')}>
          <BoundSelect
            data-field="language"
            class="select"
            disabled={readOnly}
            value={meta.language ?? 'da'}
            options={[
              { value: 'da', label: 'Dansk' },
              { value: 'en', label: 'English' },
            ]}
            onCommit={(value) => update({ language: value as 'da' | 'en' })}
          />
        </Field>
        <HouseStyleField value={meta.style} readOnly={readOnly} onCommit={(style) => update({ style })} />
      </div>
      <div class="field-row">
        {OPTIONAL_TEXT.map(({ key, label }) => (
          <Field key={key} label={label()}>
            <SuggestableInput session={session} itemId={META_ID} fieldKey={key} data-field={key} class="input" readOnly={readOnly} />
          </Field>
        ))}
      </div>
      <LogoField doc={session.doc} organisation={meta.organisation} readOnly={readOnly} />
      <section class="form-section" aria-labelledby="labels-heading">
        <h2 class="form-section-title" id="labels-heading">
          {t('labels.heading')}
        </h2>
        <p class="field-hint">{t('labels.hint')}</p>
        <PerspectiveLevelToggle session={session} readOnly={readOnly} />
        <div class="field-row">
          {LABEL_FIELDS.map(({ key, label }) => (
            <Field key={key} label={label()}>
              <BoundInput data-field={`labels.${key}`} class="input" field={model.textField(LABELS_ID, key)} placeholder={defaults[key]} readOnly={readOnly} />
            </Field>
          ))}
        </div>
      </section>
    </div>
  );
}
