// A channel that serves a document already in the session (a saved version, a comparison: filled by the
// session's `seed`) as a host would serve a viewer: it answers the session's sync step 1 with nothing new and
// says the connection is read-only. So a version opens in the same editor, navigator and plan views as the
// live document, read-only through the same path as a viewer's, and nothing typed into it goes anywhere.
import type { DocumentChannel } from '../../../shared/bridge';
import { decodeMessage, encodeInfo, encodeSyncStep2 } from '../../../shared/sync/protocol';

const NOTHING = Uint8Array.of(0, 0); // an empty Yjs update

export function staticChannel(): DocumentChannel & { status: 'open' | 'closed' } {
  const messageListeners = new Set<(message: Uint8Array) => void>();
  const statusListeners = new Set<(status: 'connecting' | 'open' | 'closed') => void>();
  const channel = {
    status: 'open' as 'open' | 'closed',
    send(message: Uint8Array): void {
      if (channel.status !== 'open') return;
      let decoded;
      try {
        decoded = decodeMessage(message);
      } catch {
        return;
      }
      if (decoded.type !== 'sync-step1') return; // edits, presence: a version takes none
      // Answered after the provider's send returns, as a real channel would.
      queueMicrotask(() => {
        for (const listener of [...messageListeners]) {
          listener(encodeInfo({ role: 'viewer' }));
          listener(encodeSyncStep2(NOTHING));
        }
      });
    },
    onMessage(listener: (message: Uint8Array) => void): () => void {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onStatus(listener: (status: 'connecting' | 'open' | 'closed') => void): () => void {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close(): void {
      channel.status = 'closed';
      for (const listener of [...statusListeners]) listener('closed');
      messageListeners.clear();
      statusListeners.clear();
    },
  };
  return channel;
}
