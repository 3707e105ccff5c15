// Browser mode's document channel, watched: a WebSocket that stops delivering without closing (the
// network was cut: the browser's offline mode, a suspended laptop) is detected and replaced.
//
// How: when nothing has been heard for a while, or the browser says it went offline, the channel sends a
// probe (query-awareness, which the host always answers at once, on loopback within milliseconds); no
// answer in time means the socket is dead, so the channel reports 'connecting' and reconnects. Going online again reconnects at once instead
// of waiting for the backoff. `navigator.onLine` alone is not trusted: the local server is on loopback, which
// keeps working when the machine has no network.
//
// It also holds the channel back until `gate` resolves (the local copy has loaded), so that the first sync
// with the host already includes the edits kept locally.
import type { DocumentChannel } from '../../../shared/bridge';
import { encodeQueryAwareness } from '../../../shared/sync/protocol';
import { ChannelListeners } from '../../../shared/sync/channel-listeners';

export type WatchedStatus = 'connecting' | 'open' | 'closed';

export interface WatchedChannelOptions {
  /** Probe after this long without any message (default 10 s). */
  idleMs?: number;
  /** A probe unanswered this long means the socket is dead (default 3 s). */
  probeTimeoutMs?: number;
  /** The same after the browser said it went offline, when a dead socket is likely (default 1.2 s). */
  offlineProbeTimeoutMs?: number;
  /** Where the 'online'/'offline' events come from (default window). */
  events?: EventTarget;
}

export interface WatchedChannel extends DocumentChannel {
  readonly status: WatchedStatus;
}

interface Reconnectable {
  reconnect(): void;
}

function canReconnect(channel: DocumentChannel): channel is DocumentChannel & Reconnectable {
  return typeof (channel as Partial<Reconnectable>).reconnect === 'function';
}

export function watchedChannel(open: () => DocumentChannel, gate: Promise<unknown>, options: WatchedChannelOptions = {}): WatchedChannel {
  const idleMs = options.idleMs ?? 10_000;
  const probeTimeoutMs = options.probeTimeoutMs ?? 3_000;
  const offlineProbeTimeoutMs = options.offlineProbeTimeoutMs ?? 1_200;
  const events = options.events ?? window;
  const listeners = new ChannelListeners<WatchedStatus>();
  let status: WatchedStatus = 'connecting';
  let inner: DocumentChannel | null = null;
  let closed = false;
  let lastHeard = Date.now();
  let probeTimer: ReturnType<typeof setTimeout> | null = null;
  const cleanups: (() => void)[] = [];

  const setStatus = (next: WatchedStatus) => {
    // 'open' is reported once per (re)opened connection, as the ChannelProvider expects.
    if (next === status && next !== 'open') return;
    status = next;
    listeners.emitStatus(next);
  };

  const stopProbe = () => {
    if (probeTimer) clearTimeout(probeTimer);
    probeTimer = null;
  };

  const reconnect = () => {
    stopProbe();
    if (!inner || !canReconnect(inner)) return;
    setStatus('connecting');
    inner.reconnect();
  };

  const probe = (timeoutMs: number) => {
    if (status !== 'open' || probeTimer || !inner) return;
    inner.send(encodeQueryAwareness());
    probeTimer = setTimeout(() => {
      probeTimer = null;
      if (status === 'open') reconnect();
    }, timeoutMs);
  };

  const start = () => {
    if (closed) return;
    const channel = open();
    inner = channel;
    cleanups.push(
      channel.onMessage((message) => {
        lastHeard = Date.now();
        stopProbe();
        listeners.emitMessage(message);
      }),
      channel.onStatus((next) => {
        stopProbe();
        if (next === 'open') lastHeard = Date.now();
        setStatus(next);
      }),
    );
    if ((channel as { status?: unknown }).status === 'open') setStatus('open');
  };

  // The browser's offline switch can reach an open socket a moment after the 'offline' event (measured: a
  // probe sent at once was still answered, and the dead socket then waited for the idle probe, > 8 s):
  // probe now and twice more, a second apart.
  let offlineRecheck: ReturnType<typeof setTimeout> | null = null;
  const onOffline = () => {
    if (offlineRecheck) clearTimeout(offlineRecheck);
    let left = 3;
    const check = () => {
      offlineRecheck = null;
      probe(offlineProbeTimeoutMs);
      if (--left > 0) offlineRecheck = setTimeout(check, 1000);
    };
    check();
  };
  cleanups.push(() => {
    if (offlineRecheck) clearTimeout(offlineRecheck);
  });
  const onOnline = () => {
    // Only a channel that is retrying: a final close (e.g. the document was deleted) stays closed.
    if (status === 'connecting') reconnect();
    else probe(probeTimeoutMs);
  };
  events.addEventListener('offline', onOffline);
  events.addEventListener('online', onOnline);
  cleanups.push(() => events.removeEventListener('offline', onOffline), () => events.removeEventListener('online', onOnline));
  const idleTimer = setInterval(() => {
    if (status === 'open' && Date.now() - lastHeard >= idleMs) probe(probeTimeoutMs);
  }, Math.max(250, Math.floor(idleMs / 2)));
  cleanups.push(() => clearInterval(idleTimer));

  void gate.then(start, start);

  return {
    get status() {
      return status;
    },
    send(message) {
      if (status === 'open') inner?.send(message);
    },
    onMessage: listeners.onMessage,
    onStatus: listeners.onStatus,
    close() {
      if (closed) return;
      closed = true;
      stopProbe();
      for (const cleanup of cleanups.splice(0)) cleanup();
      inner?.close();
      setStatus('closed');
      listeners.clear();
    },
  };
}
