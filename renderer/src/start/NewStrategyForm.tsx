// "Ny strategi": pick a template (radio cards), optionally give title and organisation, create.
import { useState } from 'preact/hooks';
import type { TemplateSummary } from '../../../shared/bridge';
import { isMessageKey } from '../../../shared/i18n';
import { t } from '../i18n/i18n';

interface Props {
  templates: TemplateSummary[];
  busy: boolean;
  onCreate: (templateName: string, title: string, organisation: string) => void;
}

/** A template's name or description in the UI language: the catalog's words for the bundled templates, the host's otherwise. */
function templateText(template: TemplateSummary, field: 'title' | 'description'): string {
  const key = `template.${template.name}.${field}`;
  return isMessageKey(key) ? t(key) : template[field];
}

export function NewStrategyForm({ templates, busy, onCreate }: Props) {
  const [selected, setSelected] = useState<string>('');
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const choice = selected || templates[0]?.name || '';

  return (
    <form
      class="new-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice) onCreate(choice, title.trim(), organisation.trim());
      }}
    >
      <fieldset class="template-choices">
        <legend class="field-label">{t('start.chooseTemplate')}</legend>
        {templates.length === 0 && <p class="muted">{t('common.loading')}</p>}
        {templates.map((template) => (
          <label key={template.name} class={`template-card${choice === template.name ? ' is-selected' : ''}`}>
            <input
              type="radio"
              name="template"
              value={template.name}
              checked={choice === template.name}
              onChange={() => setSelected(template.name)}
            />
            <span class="template-card-text">
              <span class="template-title">{templateText(template, 'title')}</span>
              <span class="template-organisation">{template.organisation}</span>
              <span class="template-description">{templateText(template, 'description')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="field-row">
        <label class="field">
          <span class="field-label">{t('start.newTitle')}</span>
          <input class="input" type="text" value={title} onInput={(e) => setTitle(e.currentTarget.value)} placeholder={t('start.newTitlePlaceholder')} />
        </label>
        <label class="field">
          <span class="field-label">{t('start.newOrganisation')}</span>
          <input
            class="input"
            type="text"
            value={organisation}
            onInput={(e) => setOrganisation(e.currentTarget.value)}
            placeholder={t('start.newOrganisationPlaceholder')}
          />
        </label>
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy || !choice}>
          {busy ? t('start.creating') : t('start.create')}
        </button>
      </div>
    </form>
  );
}
