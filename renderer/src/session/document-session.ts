// One open document: its Y.Doc (the single source of truth), presence (awareness), the link to the
// host's durable replica, the typed model over the doc, and the structural undo manager.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { StrategyModel } from '../../../shared/model';
import type { DocumentChannel, HostBridge } from '../../../shared/bridge';
import { ChannelProvider, type ChannelProviderState } from '../../../shared/sync/channel-provider';
import { getSettings, onSettingsChange } from '../settings/settings';
import { STRUCTURE_ORIGIN } from './structure-ops';
import { t } from '../i18n/i18n';
import { isBrowserMode, openLocalCopy, type LocalCopy } from '../collab/local-copy';
import { watchedChannel } from '../collab/watched-channel';
import { isReadOnly } from '../collab/connection-status';
import type { PresenceState } from '../collab/presence';

/** Offline, a document with a local copy opens from it after this long without the host. */
const LOCAL_OPEN_GRACE_MS = 1200;

export class DocumentSession {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly model: StrategyModel;
  /** Undoes this user's navigator operations (add, rename, delete, reorder) only. */
  readonly structureUndo: Y.UndoManager;
  private readonly channel: DocumentChannel;
  private readonly provider: ChannelProvider;
  /** Browser mode: the document's durable copy in IndexedDB (offline edits, opening offline). */
  private readonly localCopy: LocalCopy | null;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly documentId: string,
    bridge: HostBridge,
    /**
     * `channel`: a session over another source than the host's replica (a saved version, renderer/src/versions),
     * without a local copy; `seed` fills the doc before the channel's provider is attached (so it sends nothing).
     */
    options: { channel?: DocumentChannel; seed?: (doc: Y.Doc) => void } = {},
  ) {
    options.seed?.(this.doc);
    this.awareness = new Awareness(this.doc);
    this.model = new StrategyModel(this.doc);
    this.structureUndo = new Y.UndoManager(this.doc, { trackedOrigins: new Set([STRUCTURE_ORIGIN]), captureTimeout: 0 });
    this.localCopy = isBrowserMode() && !options.channel ? openLocalCopy(documentId, this.doc) : null;
    const local = this.localCopy;
    if (local) {
      // Browser mode: a watched WebSocket (silent network loss is detected), opened once the local copy is in.
      this.channel = watchedChannel(() => bridge.connectDocument(documentId), local.whenLoaded);
      this.provider = new ChannelProvider(this.doc, this.channel, { awareness: this.awareness, untrackedOrigins: new Set([local.origin]), local });
      this.provider.carryOverPending(local.carriedPending);
      this.cleanups.push(this.provider.onState((state) => local.rememberPending(state.changes)));
    } else {
      this.channel = options.channel ?? bridge.connectDocument(documentId);
      this.provider = new ChannelProvider(this.doc, this.channel, { awareness: this.awareness });
    }
    this.publishUser();
    this.cleanups.push(onSettingsChange(() => this.publishUser()));
  }

  get state(): ChannelProviderState {
    return this.provider.state;
  }

  onState(listener: (state: ChannelProviderState) => void): () => void {
    return this.provider.onState(listener);
  }

  whenSynced(): Promise<void> {
    return this.provider.whenSynced();
  }

  whenSaved(): Promise<void> {
    return this.provider.whenSaved();
  }

  /**
   * Resolves when the document can be shown: synced with the host, or (browser mode, host unreachable)
   * its local copy has loaded with content and the host has not answered for a moment.
   */
  whenReady(): Promise<void> {
    const synced = this.provider.whenSynced();
    const local = this.localCopy;
    if (!local) return synced;
    const fromLocal = local.whenLoaded.then(
      (hasContent) =>
        new Promise<void>((resolve) => {
          if (hasContent) setTimeout(resolve, LOCAL_OPEN_GRACE_MS);
        }),
    );
    return Promise.race([synced, fromLocal]);
  }

  /** Viewers (of the host, or of the remote server the host syncs with) cannot change the document. */
  get readOnly(): boolean {
    return isReadOnly(this.provider.state);
  }

  setLocation(location: string | null): void {
    this.awareness.setLocalStateField('location', location);
  }

  /** Other users present in the document (not this window). */
  others(): { clientId: number; state: PresenceState }[] {
    const out: { clientId: number; state: PresenceState }[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const user = (state as Partial<PresenceState>).user;
      if (!user || typeof user.name !== 'string') return;
      out.push({ clientId, state: state as PresenceState });
    });
    return out;
  }

  onPresence(listener: () => void): () => void {
    this.awareness.on('change', listener);
    return () => this.awareness.off('change', listener);
  }

  private publishUser(): void {
    const { userName, userColor } = getSettings();
    this.awareness.setLocalStateField('user', { name: userName || anonymousName(this.doc.clientID), color: userColor });
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.structureUndo.destroy();
    this.provider.destroy();
    this.localCopy?.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** A stable stand-in name until the user sets one in Indstillinger. */
function anonymousName(clientId: number): string {
  return t('presence.guest', { n: String(clientId % 1000).padStart(3, '0') });
}
