// The banner over a version opened read-only ("Version 'Høringsudkast', 12. marts 2010") or a comparison
// ("Ændringer fra 'Høringsudkast' til nu"), with the way back to the current edition.
import { formatDate, isoDateOf } from '../../../shared/i18n/format';
import { currentLanguage, t } from '../i18n/i18n';
import type { DocumentSession } from '../session/document-session';
import { exportVersion, restoreWithUndo } from './version-actions';
import { setCompareLoader, showVersionMode, type ShownVersion } from './version-mode';

setCompareLoader(() => import('./compare-mode')); // loaded when a comparison is first shown (issue 18)

export function versionDate(created: string): string {
  const date = new Date(created);
  return Number.isNaN(date.getTime()) ? created : formatDate(isoDateOf(date), currentLanguage());
}

export function VersionBanner({ shown, live }: { shown: ShownVersion; live: DocumentSession }) {
  const summary = shown.summary;
  const back = () => showVersionMode(live.documentId, null);
  const { version, to } = shown;
  const title =
    shown.mode.kind === 'version'
      ? t('versions.banner', { name: version.name, date: versionDate(version.created) })
      : t('versions.bannerCompare', { from: version.name, to: to ? t('versions.bannerCompareTo', { name: to.name }) : t('versions.bannerCompareNow') });
  return (
    <div class="version-banner" role="region" aria-label={title} data-testid="version-banner" data-mode={shown.mode.kind}>
      <div class="version-banner-text">
        <strong class="version-banner-title">{title}</strong>
        <span class="small">{shown.mode.kind === 'version' ? t('versions.bannerHint') : t('versions.bannerCompareHint')}</span>
        {summary && (
          <span class="version-summary" data-testid="compare-summary" role="status">
            {summary}
          </span>
        )}
      </div>
      <div class="version-banner-actions">
        {shown.mode.kind === 'version' && (
          <>
            <button type="button" class="button button-small" data-action="export-version" onClick={() => void exportVersion(live, version)}>
              {t('versions.exportVersion')}
            </button>
            {!live.readOnly && (
              <button
                type="button"
                class="button button-small"
                data-action="restore-version"
                onClick={() => {
                  if (!window.confirm(t('versions.restoreConfirm', { name: version.name }))) return;
                  back();
                  restoreWithUndo(live, version);
                }}
              >
                {t('versions.restoreThis')}
              </button>
            )}
          </>
        )}
        <button type="button" class="button button-primary button-small" data-action="back-to-now" onClick={back} autoFocus>
          {t('versions.back')}
        </button>
      </div>
    </div>
  );
}
