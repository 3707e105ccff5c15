// The export's confirm step (issue 16): a document that still holds a template's guidance as content
// (`template-text`, shared/check/template-text.ts) is not published without the user saying so. The dialog
// lists the fields; "Eksportér alligevel" runs the export, "Annullér" (or Escape) does nothing.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { checkStrategy, type Finding } from '../../../shared/check';
import { exportStrategy } from '../../../shared/model';
import { currentLanguage, t } from '../i18n/i18n';
import './publishing.css';

/** How many of the fields the dialog names; the rest are counted (Tjek lists them all). */
const SHOWN = 5;

export function templateTextFindings(doc: Y.Doc): Finding[] {
  try {
    return checkStrategy(exportStrategy(doc), currentLanguage()).filter((f) => f.code === 'template-text');
  } catch (error) {
    // The check is advice: a document it cannot read is exported as before (the export says what is wrong).
    console.warn('Pejling: the template-text check failed', error);
    return [];
  }
}

export interface PublishGuard {
  /** Runs `action` at once, or after the user confirms when the document still holds guidance text. */
  guard: (action: () => void) => void;
  /** The confirm dialog while it is open (render it anywhere in the screen). */
  dialog: JSX.Element | null;
}

export function usePublishGuard(doc: Y.Doc): PublishGuard {
  const [pending, setPending] = useState<{ findings: Finding[]; action: () => void } | null>(null);
  const guard = (action: () => void) => {
    const findings = templateTextFindings(doc);
    if (findings.length === 0) action();
    else setPending({ findings, action });
  };
  const dialog = pending ? (
    <ConfirmDialog
      findings={pending.findings}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        const { action } = pending;
        setPending(null);
        action();
      }}
    />
  ) : null;
  return { guard, dialog };
}

function ConfirmDialog({ findings, onCancel, onConfirm }: { findings: Finding[]; onCancel: () => void; onConfirm: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const rest = findings.length - SHOWN;
  return (
    <dialog
      ref={ref}
      class="dialog publish-confirm"
      aria-labelledby="publish-confirm-title"
      aria-describedby="publish-confirm-intro"
      data-testid="publish-confirm"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <div class="dialog-body">
        <h2 id="publish-confirm-title" class="dialog-title">
          {t('publishing.confirm.title')}
        </h2>
        <p id="publish-confirm-intro">{t('publishing.confirm.intro', { count: findings.length })}</p>
        <ul class="publish-confirm-list">
          {findings.slice(0, SHOWN).map((f) => (
            <li key={f.path} data-path={f.path}>
              {f.message}
            </li>
          ))}
        </ul>
        {rest > 0 && <p class="muted">{t('publishing.confirm.more', { count: rest })}</p>}
      </div>
      <div class="dialog-actions">
        <button type="button" class="button" data-action="cancel" onClick={onCancel} autoFocus>
          {t('publishing.confirm.cancel')}
        </button>
        <button type="button" class="button button-primary" data-action="export-anyway" onClick={onConfirm}>
          {t('publishing.confirm.export')}
        </button>
      </div>
    </dialog>
  );
}
