// "Foreslå ændringer" in a rich-text toolbar: the one switch of suggestion mode (./suggest-mode.ts),
// the same in every field; pressed while it is on.
import { memo } from 'preact/compat';
import { t } from '../i18n/i18n';
import { Icon } from '../ui/Icon';
import { toggleSuggesting, useSuggesting } from './suggest-mode';

export const SuggestToggle = memo(function SuggestToggle({ tabIndex = -1 }: { tabIndex?: number }) {
  const on = useSuggesting();
  return (
    <button
      type="button"
      class="button button-small button-quiet toolbar-button suggest-toggle"
      aria-pressed={on}
      title={t('suggestions.modeShortcut')}
      data-action="suggest-mode"
      tabIndex={tabIndex}
      onClick={toggleSuggesting}
    >
      <Icon name="pencil" size={14} />
      {t('suggestions.mode')}
    </button>
  );
});
