// Asks before the window or tab closes (or reloads) while edits are not yet where they belong: with the
// host (level a) or on the remote sync server (level b). The browser shows its own wording.
import { useEffect, useRef } from 'preact/hooks';
import type { ChannelProviderState } from '../../../shared/sync/channel-provider';
import { unsyncedEdits } from './connection-status';

export function useUnsyncedWarning(state: ChannelProviderState): void {
  const pending = useRef(0);
  pending.current = unsyncedEdits(state);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (pending.current <= 0) return;
      event.preventDefault();
      // Older Chromium (and Electron) still look at returnValue.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
