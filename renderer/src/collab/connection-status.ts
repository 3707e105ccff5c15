// What the status bar says about the two links an open document has: (a) this window's channel to its
// host (the local Pejling server in browser mode, the app's main process on the desktop), and (b) the
// host's link to a remote sync server, when the document is shared ("Del").
import type { ChannelProviderState } from '../../../shared/sync/channel-provider';
import type { RemoteStateInfo } from '../../../shared/sync/protocol';
import { t } from '../i18n/i18n';

export type StatusTone = 'ok' | 'busy' | 'warn' | 'neutral';

export interface StatusLabel {
  text: string;
  tone: StatusTone;
  /** Machine-readable state for tests and styling. */
  kind: 'saved' | 'saving' | 'opening' | 'offline' | 'connecting' | 'syncing' | 'synced';
}

export function pendingText(count: number): string {
  return count === 1 ? t('collab.pendingOne') : t('collab.pendingMany', { count });
}

/** Level (a): are this window's edits safely with the host? */
export function channelLabel(state: ChannelProviderState): StatusLabel {
  if (state.status !== 'open') {
    const text = state.pending > 0 ? `${t('sync.offline')} – ${pendingText(state.pending)}` : t('sync.offline');
    return { text, tone: 'warn', kind: 'offline' };
  }
  if (!state.synced) return { text: t('status.opening'), tone: 'busy', kind: 'opening' };
  if (state.pending > 0) return { text: t('status.saving'), tone: 'busy', kind: 'saving' };
  return { text: t('status.saved'), tone: 'ok', kind: 'saved' };
}

/** The host's link to a remote server, when there is one (null: the document is on this machine only). */
export function activeRemote(state: ChannelProviderState): RemoteStateInfo | null {
  return state.remote && state.remote.state.kind !== 'local' ? state.remote : null;
}

/** Level (b): "Offline / Forbinder / Synkroniserer / Synkroniseret", with the edits not yet on the server. */
export function remoteLabel(remote: RemoteStateInfo): StatusLabel {
  const state = remote.state;
  // A viewer's link only receives: the server never takes (or acknowledges) its edits, so a count of
  // edits "waiting" would wait forever. Connected is as synchronised as a viewer gets.
  if (remote.role === 'viewer') {
    if (state.kind === 'syncing' || state.kind === 'synced') return { text: t('sync.synced'), tone: 'ok', kind: 'synced' };
    if (state.kind === 'connecting') return { text: t('sync.connecting'), tone: 'busy', kind: 'connecting' };
    return { text: t('sync.offline'), tone: 'warn', kind: 'offline' };
  }
  switch (state.kind) {
    case 'synced':
      return { text: t('sync.synced'), tone: 'ok', kind: 'synced' };
    case 'syncing':
      return { text: state.pending > 0 ? `${t('sync.syncing')} – ${pendingText(state.pending)}` : t('sync.syncing'), tone: 'busy', kind: 'syncing' };
    case 'connecting':
      return { text: state.pending > 0 ? `${t('sync.connecting')} – ${pendingText(state.pending)}` : t('sync.connecting'), tone: 'busy', kind: 'connecting' };
    case 'offline':
    case 'local':
    default:
      return {
        text: 'pending' in state && state.pending > 0 ? `${t('sync.offline')} – ${pendingText(state.pending)}` : t('sync.offline'),
        tone: 'warn',
        kind: 'offline',
      };
  }
}

/** Viewers (of the host, or of the remote server the host syncs with) cannot change the document. */
export function isReadOnly(state: ChannelProviderState): boolean {
  return state.role === 'viewer' || state.remote?.role === 'viewer';
}

/** Edits of this window not yet with the host, or of the host not yet on the remote server. */
export function unsyncedEdits(state: ChannelProviderState): number {
  const remote = activeRemote(state);
  const remotePending = remote && 'pending' in remote.state ? remote.state.pending : 0;
  // A viewer's edits never reach the server; the document is read-only for them anyway.
  return state.pending + (remote?.role === 'viewer' ? 0 : remotePending);
}
