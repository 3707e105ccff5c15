// Settings: the user's name and colour (shown to co-editors) and the UI language.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { getSettings, updateSettings, USER_COLORS, type Language } from '../settings/settings';

export function SettingsDialog({ onClose, dataDir }: { onClose: () => void; dataDir?: string | undefined }) {
  const ref = useRef<HTMLDialogElement>(null);
  const initial = getSettings();
  const [name, setName] = useState(initial.userName);
  const [color, setColor] = useState(initial.userColor);
  const [language, setLanguage] = useState<Language>(initial.language);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="settings-title"
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          updateSettings({ userName: name.trim(), userColor: color, language });
          onClose();
        }}
      >
        <div class="dialog-body">
          <h2 id="settings-title" class="dialog-title">
            {t('settings.title')}
          </h2>
          <label class="field">
            <span class="field-label">{t('settings.name')}</span>
            <input class="input" type="text" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} autoFocus />
            <span class="field-hint">{t('settings.nameHint')}</span>
          </label>
          <fieldset class="field">
            <legend class="field-label">{t('settings.color')}</legend>
            <div class="color-choices">
              {USER_COLORS.map((value, index) => (
                <label key={value} class="color-choice">
                  <input
                    type="radio"
                    name="user-color"
                    value={value}
                    checked={color === value}
                    onChange={() => setColor(value)}
                    aria-label={t('settings.colorN', { n: index + 1 })}
                  />
                  <span class="color-swatch" style={{ background: value }} aria-hidden="true" />
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset class="field">
            <legend class="field-label">{t('settings.language')}</legend>
            <div class="radio-row">
              <label>
                <input type="radio" name="language" value="da" checked={language === 'da'} onChange={() => setLanguage('da')} />
                {t('settings.language.da')}
              </label>
              <label>
                <input type="radio" name="language" value="en" checked={language === 'en'} onChange={() => setLanguage('en')} />
                {t('settings.language.en')}
              </label>
            </div>
          </fieldset>
          {dataDir && (
            <p class="small muted">
              {t('settings.dataDir')} <code>{dataDir}</code>
            </p>
          )}
        </div>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button button-primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
