// The connection state changes on every keystroke (the count of edits not yet saved goes up, then down). Components
// subscribe to just the part they show, so typing re-renders the status bar, not the navigator and the views; and
// they see the change after the frame that shows the keystroke (collab/after-paint.ts), not inside the keydown
// task: the save state is read then, once, so a save acknowledged within the frame costs no render at all.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChannelProviderState } from '../../../shared/sync/channel-provider';
import { paintCoalescer } from '../collab/after-paint';
import type { DocumentSession } from './document-session';

export function useSessionState<T>(session: DocumentSession, select: (state: ChannelProviderState) => T): T {
  const selectRef = useRef(select);
  selectRef.current = select;
  const [value, setValue] = useState(() => select(session.state));
  useEffect(() => {
    const read = () => {
      const next = selectRef.current(session.state);
      setValue((previous) => (Object.is(previous, next) ? previous : next));
    };
    read();
    const later = paintCoalescer(read);
    const off = session.onState(() => later.schedule());
    return () => {
      off();
      later.cancel();
    };
  }, [session]);
  return value;
}

const wholeState = (state: ChannelProviderState): ChannelProviderState => state;

/** The whole state, for the few components that show it (status bar, share dialog). */
export function useWholeSessionState(session: DocumentSession): ChannelProviderState {
  return useSessionState(session, wholeState);
}
