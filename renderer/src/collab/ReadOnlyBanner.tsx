// The banner a viewer sees: the document is theirs to read and export, not to change.
import { t } from '../i18n/i18n';

export function ReadOnlyBanner() {
  return (
    <div class="readonly-banner" role="status" data-testid="readonly-banner">
      <strong>{t('readOnly.banner')}</strong>
      <span>{t('readOnly.bannerHint')}</span>
    </div>
  );
}
