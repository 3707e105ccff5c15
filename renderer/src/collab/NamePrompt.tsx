// Asks once for the user's name when it is empty, inline (in the status bar): co-editors see it on the
// cursor, the avatars and the navigator. "Ikke nu" is remembered; Indstillinger can set it any time.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { getSettings, onSettingsChange, updateSettings } from '../settings/settings';

const DISMISSED_KEY = 'pejling.namePrompt.dismissed';

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function NamePrompt() {
  const [needed, setNeeded] = useState(() => !getSettings().userName && !wasDismissed());
  const [name, setName] = useState('');
  useEffect(() => onSettingsChange((settings) => settings.userName && setNeeded(false)), []);
  if (!needed) return null;

  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // storage unavailable: ask again next time
    }
    setNeeded(false);
  };

  return (
    <form
      class="name-prompt"
      aria-label={t('namePrompt.region')}
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (trimmed) updateSettings({ userName: trimmed.slice(0, 80) });
      }}
    >
      <label class="name-prompt-label" title={t('namePrompt.hint')}>
        <span>{t('namePrompt.question')}</span>
        <input
          class="input name-prompt-input"
          type="text"
          value={name}
          maxLength={80}
          autoComplete="name"
          aria-describedby="name-prompt-hint"
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <span id="name-prompt-hint" class="visually-hidden">
        {t('namePrompt.hint')}
      </span>
      <button type="submit" class="button button-small button-primary" disabled={!name.trim()}>
        {t('namePrompt.save')}
      </button>
      <button type="button" class="button button-small button-quiet" onClick={dismiss}>
        {t('namePrompt.later')}
      </button>
    </form>
  );
}
