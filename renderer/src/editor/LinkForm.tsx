// The link popover of a rich-text field (Ctrl+K): address, text when nothing is selected, remove.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { normaliseHref } from './rich-commands';

interface Props {
  initialHref: string;
  /** False when the cursor is not on a link and nothing is selected: the form asks for the link text too. */
  hasSelection: boolean;
  canRemove: boolean;
  onApply: (href: string | null, text?: string) => void;
  onCancel: () => void;
}

export function LinkForm({ initialHref, hasSelection, canRemove, onApply, onCancel }: Props) {
  const [href, setHref] = useState(initialHref);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  return (
    <div class="link-popover" role="dialog" aria-label={t('editor.linkDialog')}>
    <form
      class="link-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const normalised = normaliseHref(href);
        if (!normalised) {
          setError(t('editor.linkInvalid'));
          return;
        }
        onApply(normalised, hasSelection ? undefined : text);
      }}
    >
      <label class="field">
        <span class="field-label">{t('editor.linkAddress')}</span>
        <input
          ref={inputRef}
          class="input"
          type="text"
          inputMode="url"
          value={href}
          placeholder={t('editor.linkAddressPlaceholder')}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'link-error' : undefined}
          onInput={(e) => {
            setHref(e.currentTarget.value);
            setError(null);
          }}
        />
      </label>
      {!hasSelection && (
        <label class="field">
          <span class="field-label">{t('editor.linkText')}</span>
          <input class="input" type="text" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
      )}
      {error && (
        <p id="link-error" class="inline-error small" role="alert">
          {error}
        </p>
      )}
      <div class="link-actions">
        {canRemove && (
          <button type="button" class="button button-small button-danger" onClick={() => onApply(null)}>
            {t('editor.linkRemove')}
          </button>
        )}
        <span class="toolbar-spacer" />
        <button type="button" class="button button-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" class="button button-small button-primary">
          {t('editor.linkApply')}
        </button>
      </div>
    </form>
    </div>
  );
}
