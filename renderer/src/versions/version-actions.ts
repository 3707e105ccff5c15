// What the versions panel and banner do with a version: restore it (one undoable forward change), export
// it to Word, and who is recorded as a version's author.
import { restoreVersion, type VersionInfo } from '../../../shared/model/versions';
import { versionContent } from './version-content';
import { getBridge } from '../bridge/get-bridge';
import { errorMessage } from '../i18n/errors';
import { t } from '../i18n/i18n';
import type { DocumentSession } from '../session/document-session';
import { STRUCTURE_ORIGIN } from '../session/structure-ops';
import { announce } from '../ui/announcer';
import { dismissToast, showToast } from '../ui/toasts';

/** The name this window shows to co-editors (Indstillinger, else the stand-in guest name). */
export function versionAuthor(session: DocumentSession): string {
  const user = (session.awareness.getLocalState() as { user?: { name?: unknown } } | null)?.user;
  return typeof user?.name === 'string' ? user.name : '';
}

/**
 * Restores the version as one change with the navigator's origin, so "Fortryd" here, the navigator's undo
 * and Ctrl+Z outside a text field all undo it in one step. Co-editors receive it as an ordinary edit.
 */
export function restoreWithUndo(session: DocumentSession, version: VersionInfo): void {
  session.structureUndo.stopCapturing();
  restoreVersion(session.doc, version.id, STRUCTURE_ORIGIN);
  session.structureUndo.stopCapturing();
  const message = t('versions.restored', { name: version.name });
  announce(message);
  const toast = showToast(
    {
      message,
      action: {
        label: t('versions.undo'),
        run: () => {
          dismissToast(toast);
          if (session.structureUndo.undo()) announce(t('versions.undone'));
        },
      },
    },
    15_000,
  );
}

export async function exportVersion(session: DocumentSession, version: VersionInfo): Promise<void> {
  const progress = showToast({ message: t('doc.exporting') }, 120_000);
  try {
    const result = await getBridge().exportDocx(session.documentId, { part: 'strategy', version: version.id });
    dismissToast(progress);
    if (result.saved) showToast({ message: t('versions.exported', { target: result.target ?? '' }) });
  } catch (error) {
    dismissToast(progress);
    showToast({ message: t('doc.exportFailed', { reason: errorMessage(error) }), tone: 'error' }, 12_000);
  }
}

/**
 * "Eksportér ændringer siden <version>": the current strategy as a Word document whose tracked changes are its
 * differences from the version (the host's redline export; the version's content goes as interchange JSON).
 */
export async function exportChangesSince(session: DocumentSession, version: VersionInfo): Promise<void> {
  const progress = showToast({ message: t('doc.exporting') }, 120_000);
  try {
    const oldJson = JSON.stringify(versionContent(session.doc, version.id));
    const author = versionAuthor(session);
    const result = await getBridge().exportDocx(session.documentId, { part: 'strategy', compare: { oldJson, name: version.name, ...(author ? { author } : {}) } });
    dismissToast(progress);
    if (result.saved) showToast({ message: t('doc.exported', { target: result.target ?? '' }) });
  } catch (error) {
    dismissToast(progress);
    showToast({ message: t('doc.exportFailed', { reason: errorMessage(error) }), tone: 'error' }, 12_000);
  }
}
