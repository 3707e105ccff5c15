// Asks before the window or tab closes (or reloads) while edits are not yet where they belong: with the
// host (level a) or on the remote sync server (level b). The browser shows its own wording.
import { useEffect } from 'preact/hooks';
import type { DocumentSession } from './document-session';
import { unsyncedEdits } from '../collab/connection-status';

export function useUnsyncedWarning(session: DocumentSession): void {
  useEffect(() => {
    // Read at the moment of closing: no re-render per keystroke just to keep a count current.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsyncedEdits(session.state) <= 0) return;
      event.preventDefault();
      // Older Chromium (and Electron) still look at returnValue.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [session]);
}
