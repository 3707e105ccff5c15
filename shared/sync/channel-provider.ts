// Binds a Y.Doc and its awareness to a DocumentChannel (shared/bridge.ts) speaking the Pejling sync
// protocol (shared/sync/protocol.ts): the renderer's link to its host (browser mode: a WebSocket to the
// local server; desktop: IPC). Handles the initial sync, updates both ways, presence, and the server's
// `saved` acknowledgements, and resyncs whenever the channel reopens.
//
// Channel contract: `onStatus` reports 'open' once per (re)opened connection; a channel that is already
// open when the provider is created should expose `status: 'open'`.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocumentChannel } from '../bridge';
import { PendingTracker } from './pending-tracker';
import { ChangeGroups } from './change-groups';
import {
  type ConnectionRole,
  type RefusedInfo,
  type RemoteStateInfo,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol';

export type ChannelStatus = 'connecting' | 'open' | 'closed';

export interface ChannelProviderState {
  status: ChannelStatus;
  /** The document has received the other side's state (sync step 2) on the current connection. */
  synced: boolean;
  /** Local edits (Yjs updates) not yet durable on the other side (0 = "Gemt"). */
  pending: number;
  /** The same edits counted as a person counts changes (one field, typed without a pause, is one). */
  changes: number;
  /** Whether this window's own durable copy (browser mode: IndexedDB) holds every edit; absent without one. */
  local?: LocalReplicaState;
  /** The role the other side gave this connection, when it said so. */
  role?: ConnectionRole;
  /**
   * The other side's own link to a remote sync server (protocol message 102), when it reported one. Kept
   * (as last known) while this channel is down.
   */
  remote?: RemoteStateInfo;
  /** The last update of this connection that the server dropped (a commenter's change that is not a comment; message 103). */
  refused?: RefusedInfo;
}

/** 'stored': every edit is committed in the local copy; 'storing': being written; 'unavailable': no copy. */
export type LocalReplicaState = 'stored' | 'storing' | 'unavailable';

/** A durable copy of the document kept by this window (browser mode: IndexedDB), as the status needs it. */
export interface LocalReplica {
  readonly state: LocalReplicaState;
  onChange(listener: (state: LocalReplicaState) => void): () => void;
}

export interface ChannelProviderOptions {
  /** Presence to share; a new Awareness for the doc when absent (destroyed with the provider). */
  awareness?: awarenessProtocol.Awareness;
  /** Bad bytes from the other side; the default logs them. */
  onError?: (error: Error) => void;
  /** Close the channel on destroy (default true). */
  closeChannel?: boolean;
  /**
   * Document updates from these origins are sent like local edits but not counted as pending ones (e.g. a
   * local database loading its copy: those edits are counted by `carryOverPending`, not per load).
   */
  untrackedOrigins?: ReadonlySet<unknown>;
  /** This window's own durable copy, whose state becomes part of `state.local`. */
  local?: LocalReplica;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class ChannelProvider {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly ownsAwareness: boolean;
  private readonly tracker = new PendingTracker();
  private readonly changeGroups = new ChangeGroups();
  private current: ChannelProviderState = { status: 'connecting', synced: false, pending: 0, changes: 0 };
  private readonly listeners = new Set<(state: ChannelProviderState) => void>();
  private readonly unsubscribe: (() => void)[] = [];
  private destroyed = false;

  constructor(
    readonly doc: Y.Doc,
    private readonly channel: DocumentChannel,
    private readonly options: ChannelProviderOptions = {},
  ) {
    this.ownsAwareness = !options.awareness;
    this.awareness = options.awareness ?? new awarenessProtocol.Awareness(doc);

    const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => this.onLocalUpdate(update, origin, transaction);
    doc.on('update', onUpdate);
    this.unsubscribe.push(() => doc.off('update', onUpdate));

    const onAwareness = (change: AwarenessChange, origin: unknown) => this.onAwarenessUpdate(change, origin);
    this.awareness.on('update', onAwareness);
    this.unsubscribe.push(() => this.awareness.off('update', onAwareness));

    const local = options.local;
    if (local) {
      this.current.local = local.state;
      this.unsubscribe.push(local.onChange((state) => this.setState({ local: state })));
    }

    this.unsubscribe.push(channel.onMessage((message) => this.onMessage(message)));
    this.unsubscribe.push(channel.onStatus((status) => this.onStatus(status)));
    if ((channel as { status?: unknown }).status === 'open') this.onStatus('open');
  }

  get state(): ChannelProviderState {
    return { ...this.current };
  }

  /** Called with every change of state; returns the unsubscribe function. */
  onState(listener: (state: ChannelProviderState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Counts `count` changes as not yet durable on the other side, e.g. changes a previous session made offline
   * and kept locally: they are settled like edits made offline now, by the next acknowledged sync step 2.
   */
  carryOverPending(count: number): void {
    for (let i = 0; i < count; i++) this.tracker.localEdit();
    if (count > 0) this.setState({});
  }

  /** Resolves once synced with the other side. */
  whenSynced(): Promise<void> {
    if (this.current.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onState((state) => {
        if (state.synced) {
          off();
          resolve();
        }
      });
    });
  }

  /** Resolves once every local edit is durable on the other side (connected, nothing pending). */
  whenSaved(): Promise<void> {
    const done = (s: ChannelProviderState) => s.status === 'open' && s.synced && s.pending === 0;
    if (done(this.current)) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onState((state) => {
        if (done(state)) {
          off();
          resolve();
        }
      });
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    // Tell the others we left before the channel goes.
    if (this.current.status === 'open' && this.awareness.getLocalState() !== null) {
      this.channel.send(
        // The awareness keeps the id it was made with; Yjs gives the doc a new clientID when another peer is seen using it.
        encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID], new Map())),
      );
    }
    this.destroyed = true;
    for (const off of this.unsubscribe) off();
    this.listeners.clear();
    if (this.ownsAwareness) this.awareness.destroy();
    if (this.options.closeChannel !== false) this.channel.close();
  }

  private setState(patch: Partial<ChannelProviderState>): void {
    const next = { ...this.current, ...patch, pending: this.tracker.pending, changes: this.tracker.changes };
    const prev = this.current;
    if (
      next.status === prev.status &&
      next.synced === prev.synced &&
      next.pending === prev.pending &&
      next.changes === prev.changes &&
      next.local === prev.local &&
      next.role === prev.role &&
      next.refused === prev.refused &&
      JSON.stringify(next.remote) === JSON.stringify(prev.remote)
    ) {
      return;
    }
    this.current = next;
    for (const listener of [...this.listeners]) listener(this.state);
  }

  private onStatus(status: ChannelStatus): void {
    if (this.destroyed) return;
    if (status === 'open') {
      this.tracker.connectionOpened();
      this.setState({ status: 'open', synced: false });
      this.channel.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
      const local = this.awareness.getLocalState();
      // Re-set the local state so its clock moves on: peers that saw us leave accept it again at once.
      if (local !== null) this.awareness.setLocalState(local);
      return;
    }
    this.setState({ status, synced: false });
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.awareness.clientID);
    if (others.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
  }

  private onMessage(message: Uint8Array): void {
    if (this.destroyed) return;
    try {
      const decoded = decodeMessage(message);
      switch (decoded.type) {
        case 'sync-step1': {
          this.channel.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, decoded.stateVector)));
          this.tracker.messageSent('step2');
          this.setState({});
          return;
        }
        case 'sync-step2':
          Y.applyUpdate(this.doc, decoded.update, this);
          this.setState({ synced: true });
          return;
        case 'sync-update':
          Y.applyUpdate(this.doc, decoded.update, this);
          return;
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(this.awareness, decoded.update, this);
          return;
        case 'query-awareness': {
          const clients = [...this.awareness.getStates().keys()];
          this.channel.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
          return;
        }
        case 'saved':
          if (this.tracker.savedReceived(decoded.count)) this.setState({});
          return;
        case 'info':
          this.setState({ role: decoded.info.role });
          return;
        case 'remote-state':
          this.setState({ remote: decoded.remote });
          return;
        case 'refused':
          this.setState({ refused: decoded.refused });
          return;
        case 'auth':
          return;
      }
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (this.options.onError) this.options.onError(failure);
      else console.error('Pejling sync: ignored a message that could not be applied:', failure.message);
    }
  }

  private onLocalUpdate(update: Uint8Array, origin: unknown, transaction: Y.Transaction | undefined): void {
    if (origin === this || this.destroyed) return;
    if (!this.options.untrackedOrigins?.has(origin)) this.tracker.localEdit(this.changeGroups.startsNewChange(transaction));
    if (this.current.status === 'open') {
      this.channel.send(encodeUpdate(update));
      this.tracker.messageSent('update');
    }
    this.setState({});
  }

  private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    if (origin === this || this.current.status !== 'open') return;
    const changed = [...added, ...updated, ...removed];
    this.channel.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
  }
}
