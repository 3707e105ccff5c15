// The header's "Versioner" button and its dialog. It also watches the strategy's status: when this user sets
// it to "I høring" or "Vedtaget", it offers to save a version with that milestone.
import { useEffect, useState } from 'preact/hooks';
import { createPortal } from 'preact/compat';
import { strategyStatusLabel } from '../../../shared/i18n/vocabulary';
import type { Milestone } from '../../../shared/model/versions';
import { currentLanguage, t } from '../i18n/i18n';
import type { DocumentSession } from '../session/document-session';
import { STRUCTURE_ORIGIN } from '../session/structure-ops';
import { showToast } from '../ui/toasts';
import { VersionsPanel } from './VersionsPanel';
import './versions.css';

const OFFERED: readonly Milestone[] = ['consultation', 'adopted'];

export function VersionsButton({ session }: { session: DocumentSession }) {
  const [open, setOpen] = useState<{ milestone?: Milestone } | null>(null);

  useEffect(() => {
    let status = session.model.getMeta().status;
    return session.model.observe((_events, transaction) => {
      const next = session.model.getMeta().status;
      const changed = next !== status;
      status = next;
      // Set by this user (not by a co-editor, and not by restoring a version, which has the navigator's origin).
      if (!changed || !transaction.local || transaction.origin === STRUCTURE_ORIGIN || next === undefined || !OFFERED.includes(next)) return;
      showToast(
        {
          message: t('versions.prompt', { status: strategyStatusLabel(next, currentLanguage()) }),
          action: { label: t('versions.promptAction'), run: () => setOpen({ milestone: next }) },
        },
        20_000,
      );
    });
  }, [session]);

  return (
    <>
      <button type="button" class="button versions-button" aria-haspopup="dialog" title={t('versions.buttonHint')} data-action="open-versions" onClick={() => setOpen({})}>
        {t('versions.button')}
      </button>
      {/* Outside the header, whose button styles are for its dark background. */}
      {open && createPortal(<VersionsPanel session={session} milestone={open.milestone} onClose={() => setOpen(null)} />, document.body)}
    </>
  );
}
