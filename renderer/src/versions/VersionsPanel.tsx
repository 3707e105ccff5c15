// "Versioner": a modal dialog to save a named version ("Gem version": name and optional milestone), the
// list of saved versions (name, milestone, author, time; live as co-editors save), and per version: open it
// read-only, compare it with now, restore it, export it to Word; and a comparison of any two.
import { useEffect, useRef, useState } from 'preact/hooks';
import { STRATEGY_STATUSES } from '../../../shared/format/schema';
import { formatDateTime } from '../../../shared/i18n/format';
import { strategyStatusLabel } from '../../../shared/i18n/vocabulary';
import { listVersions, observeVersions, saveVersion, type Milestone, type VersionInfo } from '../../../shared/model/versions';
import { currentLanguage, t } from '../i18n/i18n';
import { errorMessage } from '../i18n/errors';
import type { DocumentSession } from '../session/document-session';
import { showToast } from '../ui/toasts';
import { announce } from '../ui/announcer';
import { exportVersion, restoreWithUndo, versionAuthor } from './version-actions';
import { showVersionMode } from './version-mode';
import { prepareComparison } from './version-content';

/** The document's versions, newest first, kept current (saves here and by co-editors). */
export function useVersions(session: DocumentSession): VersionInfo[] {
  const [versions, setVersions] = useState(() => listVersions(session.doc));
  useEffect(() => {
    setVersions(listVersions(session.doc));
    return observeVersions(session.doc, () => setVersions(listVersions(session.doc)));
  }, [session]);
  return versions;
}

export function milestoneLabel(milestone: Milestone | undefined): string {
  return milestone ? strategyStatusLabel(milestone, currentLanguage()) : '';
}

interface Props {
  session: DocumentSession;
  /** Preset milestone (the status prompt opens the dialog with the new status). */
  milestone?: Milestone | undefined;
  onClose: () => void;
}

export function VersionsPanel({ session, milestone: presetMilestone, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const versions = useVersions(session);
  const newestFirst = [...versions].reverse();
  const [name, setName] = useState(presetMilestone ? milestoneLabel(presetMilestone) : '');
  const [milestone, setMilestone] = useState<Milestone | ''>(presetMilestone ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('now');
  const readOnly = session.readOnly;

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    if (!from && versions.length > 0) setFrom(versions[versions.length - 1]!.id);
  }, [versions.length]);

  // The newest version is the one most often compared: read it ahead while the dialog is open.
  const newestId = versions[versions.length - 1]?.id;
  useEffect(() => {
    if (!newestId) return;
    const handle = requestIdleCallback(() => prepareComparison(session.doc, newestId), { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }, [session, newestId]);

  const save = () => {
    if (!name.trim()) {
      setProblem(t('versions.save.nameMissing'));
      nameRef.current?.focus();
      return;
    }
    try {
      const info = saveVersion(session.doc, { name, milestone: milestone || undefined, author: versionAuthor(session) });
      setName('');
      setMilestone('');
      setProblem(null);
      announce(t('versions.saved', { name: info.name }));
      showToast({ message: t('versions.saved', { name: info.name }) });
    } catch (error) {
      setProblem(t('versions.saveFailed', { reason: errorMessage(error) }));
    }
  };

  const open = (mode: Parameters<typeof showVersionMode>[1]) => {
    onClose();
    showVersionMode(session.documentId, mode);
  };

  return (
    <dialog
      ref={dialogRef}
      class="dialog versions-dialog"
      aria-labelledby="versions-title"
      aria-describedby="versions-intro"
      data-testid="versions-dialog"
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div class="dialog-body">
        <h2 id="versions-title" class="dialog-title">
          {t('versions.title')}
        </h2>
        <p id="versions-intro" class="small muted">
          {t('versions.intro')}
        </p>

        {!readOnly && (
          <form
            class="versions-save"
            noValidate
            aria-labelledby="versions-save-title"
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <h3 id="versions-save-title" class="versions-heading">
              {t('versions.save.title')}
            </h3>
            <div class="versions-save-row">
              <label class="field">
                <span class="field-label">{t('versions.save.name')}</span>
                <input
                  ref={nameRef}
                  class="input"
                  data-field="version.name"
                  value={name}
                  maxLength={200}
                  autoFocus
                  aria-invalid={problem ? 'true' : undefined}
                  aria-describedby={problem ? 'versions-problem' : undefined}
                  onInput={(e) => {
                    setName(e.currentTarget.value);
                    if (problem) setProblem(null);
                  }}
                />
              </label>
              <label class="field">
                <span class="field-label">{t('versions.save.milestone')}</span>
                <select class="input" data-field="version.milestone" value={milestone} onChange={(e) => setMilestone(e.currentTarget.value as Milestone | '')}>
                  <option value="">{t('versions.save.noMilestone')}</option>
                  {STRATEGY_STATUSES.map((m) => (
                    <option key={m} value={m}>
                      {milestoneLabel(m)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" class="button button-primary" data-action="save-version">
                {t('versions.save.submit')}
              </button>
            </div>
            {problem && (
              <p id="versions-problem" class="inline-error small" role="alert">
                {problem}
              </p>
            )}
          </form>
        )}

        <h3 class="versions-heading">{t('versions.list.title')}</h3>
        {newestFirst.length === 0 ? (
          <p class="small muted">{t('versions.list.empty')}</p>
        ) : (
          <ul class="versions-list" data-testid="versions-list">
            {newestFirst.map((v) => (
              <li key={v.id} class="versions-item" data-version={v.name}>
                <div class="versions-item-text">
                  <span class="versions-item-name">{v.name}</span>
                  {v.milestone && <span class="versions-milestone">{milestoneLabel(v.milestone)}</span>}
                  <span class="versions-item-meta small muted">
                    {t('versions.list.by', { author: v.author || t('versions.unknownAuthor'), time: formatDateTime(v.created, currentLanguage()) })}
                  </span>
                </div>
                <div class="versions-item-actions">
                  <button type="button" class="button button-small" data-action="open-version" aria-label={t('versions.openNamed', { name: v.name })} onClick={() => open({ kind: 'version', versionId: v.id })}>
                    {t('versions.open')}
                  </button>
                  <button type="button" class="button button-small" data-action="compare-now" aria-label={t('versions.compareNowNamed', { name: v.name })} onClick={() => open({ kind: 'compare', fromId: v.id, toId: 'now' })}>
                    {t('versions.compareNow')}
                  </button>
                  <button type="button" class="button button-small" data-action="export-version" aria-label={t('versions.exportWordNamed', { name: v.name })} onClick={() => void exportVersion(session, v)}>
                    {t('versions.exportWord')}
                  </button>
                  {!readOnly && (
                    <button
                      type="button"
                      class="button button-small"
                      data-action="restore-version"
                      aria-label={t('versions.restoreNamed', { name: v.name })}
                      onClick={() => {
                        if (!window.confirm(t('versions.restoreConfirm', { name: v.name }))) return;
                        onClose();
                        restoreWithUndo(session, v);
                      }}
                    >
                      {t('versions.restore')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}

        {versions.length > 0 && (
          <form
            class="versions-compare"
            aria-labelledby="versions-compare-title"
            onSubmit={(event) => {
              event.preventDefault();
              if (from) open({ kind: 'compare', fromId: from, toId: to });
            }}
          >
            <h3 id="versions-compare-title" class="versions-heading">
              {t('versions.compare.title')}
            </h3>
            <div class="versions-save-row">
              <label class="field">
                <span class="field-label">{t('versions.compare.from')}</span>
                <select class="input" data-field="compare.from" value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
                  <VersionOptions versions={newestFirst} />
                </select>
              </label>
              <label class="field">
                <span class="field-label">{t('versions.compare.to')}</span>
                <select class="input" data-field="compare.to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
                  <option value="now">{t('versions.compare.now')}</option>
                  <VersionOptions versions={newestFirst} />
                </select>
              </label>
              <button type="submit" class="button" data-action="compare-two">
                {t('versions.compare.submit')}
              </button>
            </div>
          </form>
        )}
      </div>
      <div class="dialog-actions">
        <span class="dialog-actions-spacer" />
        <button type="button" class="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}

/** One option per version, by name (the two selects of "Sammenlign to"). */
function VersionOptions({ versions }: { versions: readonly { id: string; name: string }[] }) {
  return (
    <>
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name}
        </option>
      ))}
    </>
  );
}
