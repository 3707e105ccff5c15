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
  kind: 'saved' | 'saving' | 'opening' | 'offline' | 'offline-storing' | 'offline-stored' | 'connecting' | 'syncing' | 'synced';
}

/** "1 ændring venter" / "2 ændringer venter": `count` is changes as a person counts them (ChannelProviderState.changes). */
export function pendingText(count: number): string {
  return count === 1 ? t('collab.pendingOne') : t('collab.pendingMany', { count });
}

/** "1 ændring gemt i browseren (venter på serveren)" / "… gemmes i browseren…". */
export function browserCopyText(count: number, stored: boolean): string {
  return t(stored ? 'collab.stored' : 'collab.storing', { count });
}

/**
 * Level (a): are this window's edits safely with the host? Offline in browser mode, the edits are kept in
 * IndexedDB: "gemt i browseren (venter på serveren)" only once the browser has committed them, "gemmes i
 * browseren…" until then; "Gemt" always means the host has them.
 */
export function channelLabel(state: ChannelProviderState): StatusLabel {
  if (state.status !== 'open') {
    if (state.pending <= 0) return { text: t('sync.offline'), tone: 'warn', kind: 'offline' };
    const count = Math.max(1, state.changes);
    if (state.local === 'stored') return { text: `${t('sync.offline')} – ${browserCopyText(count, true)}`, tone: 'warn', kind: 'offline-stored' };
    if (state.local === 'storing') return { text: `${t('sync.offline')} – ${browserCopyText(count, false)}`, tone: 'busy', kind: 'offline-storing' };
    return { text: `${t('sync.offline')} – ${pendingText(count)}`, tone: 'warn', kind: 'offline' };
  }
  if (!state.synced) return { text: t('status.opening'), tone: 'busy', kind: 'opening' };
  if (state.pending > 0) return { text: t('status.saving'), tone: 'busy', kind: 'saving' };
  return { text: t('status.saved'), tone: 'ok', kind: 'saved' };
}

/** The host's link to a remote server, when there is one (null: the document is on this machine only). */
export function activeRemote(state: ChannelProviderState): RemoteStateInfo | null {
  return state.remote && state.remote.state.kind !== 'local' ? state.remote : null;
}

/**
 * Level (b): "Offline / Forbinder / Synkroniserer / Synkroniseret", and "ikke sendt endnu" while edits are not
 * on the server: the host counts those per Yjs update (one per keystroke), not as a person counts changes,
 * so no number is shown.
 */
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
      return { text: state.pending > 0 ? `${t('sync.syncing')} – ${t('sync.notSentYet')}` : t('sync.syncing'), tone: 'busy', kind: 'syncing' };
    case 'connecting':
      return { text: state.pending > 0 ? `${t('sync.connecting')} – ${t('sync.notSentYet')}` : t('sync.connecting'), tone: 'busy', kind: 'connecting' };
    case 'offline':
    case 'local':
    default:
      return {
        text: 'pending' in state && state.pending > 0 ? `${t('sync.offline')} – ${t('sync.notSentYet')}` : t('sync.offline'),
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
