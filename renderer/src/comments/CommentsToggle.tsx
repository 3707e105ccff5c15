// The header button that shows or hides the comments panel, with the number of open threads, and
// the banner a commenter sees instead of the viewer's.
import { t } from '../i18n/i18n';
import { Icon } from '../ui/Icon';
import { useCommentEnv, useThreadsVersion } from './comments-env';
import './comments.css';

export function CommentsToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const env = useCommentEnv();
  useThreadsVersion(env?.comments);
  let count = 0;
  if (env) for (const s of env.summaries().values()) if (s.status === 'open') count++;
  const label = open ? t('comments.panelClose') : t('comments.panelOpen');
  return (
    <button
      type="button"
      class="button button-quiet comments-toggle"
      aria-pressed={open}
      aria-controls={open ? 'comments-panel' : undefined}
      title={label}
      data-testid="comments-toggle"
      onClick={onToggle}
    >
      <Icon name="comment" />
      <span>{t('comments.panel')}</span>
      {count > 0 && (
        <span class="comments-toggle-count" title={t('comments.count', { count })}>
          {count}
        </span>
      )}
    </button>
  );
}

export function CommenterBanner() {
  return (
    <div class="readonly-banner" role="status" data-testid="commenter-banner">
      <strong>{t('comments.readOnlyCommenter')}</strong>
    </div>
  );
}
