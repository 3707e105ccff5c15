// The sync state of a document as a short Danish/English label and a tone for its badge, telling the truth
// about where the document is and who shares it:
// - linked to a remote sync server: that link's state (Synkroniseret, Forbinder, Offline – ikke sendt endnu);
// - browser mode: the document lives in the Pejling server this page came from, and everyone who opens
//   that address edits the same document ("Delt via serveren", the address as the title);
// - others editing it right now, when known: "Redigeres også af Anna Andersen";
// - only the desktop app without a remote server keeps it "Kun på denne computer".
import type { SyncState } from '../../../shared/sync/sync-state';
import { t } from '../i18n/i18n';
import { isBrowserMode } from '../collab/local-copy';

export type SyncTone = 'neutral' | 'ok' | 'busy' | 'warn';

export interface SyncLabel {
  text: string;
  tone: SyncTone;
  /** More detail for a tooltip (the server's address), when there is any. */
  title?: string;
}

export interface SyncContext {
  /** The page is served by a Pejling server (browser mode); default: detected. */
  browserMode?: boolean;
  /** That server's address as people open it (default: this page's host). */
  serverHost?: string;
  /** Names of the others editing the document right now, when known. */
  coEditors?: readonly string[];
}

export function syncLabel(state: SyncState, context: SyncContext = {}): SyncLabel {
  const coEditors = context.coEditors ?? [];
  if (coEditors.length > 0 && (state.kind === 'local' || state.kind === 'synced')) {
    return { text: t('sync.coEditing', { names: coEditors.join(', ') }), tone: 'ok' };
  }
  switch (state.kind) {
    case 'local': {
      const browserMode = context.browserMode ?? isBrowserMode();
      if (!browserMode) return { text: t('sync.local'), tone: 'neutral' };
      const host = context.serverHost ?? (typeof location === 'undefined' ? '' : location.host);
      return { text: t('sync.server'), tone: 'neutral', ...(host ? { title: host } : {}) };
    }
    case 'synced':
      return { text: t('sync.synced'), tone: 'ok' };
    case 'syncing':
      return { text: t('sync.syncing'), tone: 'busy' };
    case 'connecting':
      return { text: t('sync.connecting'), tone: 'busy' };
    case 'offline':
      // The host counts pending edits per Yjs update (one per keystroke): no number a person would recognise.
      return { text: state.pending > 0 ? t('sync.offlinePending') : t('sync.offline'), tone: 'warn' };
  }
}
