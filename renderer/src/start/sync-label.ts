// The sync state of a document as a short Danish/English label and a tone for its badge.
import type { SyncState } from '../../../shared/sync/sync-state';
import { t } from '../i18n/i18n';

export type SyncTone = 'neutral' | 'ok' | 'busy' | 'warn';

export function syncLabel(state: SyncState): { text: string; tone: SyncTone } {
  switch (state.kind) {
    case 'local':
      return { text: t('sync.local'), tone: 'neutral' };
    case 'synced':
      return { text: t('sync.synced'), tone: 'ok' };
    case 'syncing':
      return { text: t('sync.syncing'), tone: 'busy' };
    case 'connecting':
      return { text: t('sync.connecting'), tone: 'busy' };
    case 'offline':
      return {
        text: state.pending > 0 ? t('sync.offlinePending', { count: state.pending }) : t('sync.offline'),
        tone: 'warn',
      };
  }
}
