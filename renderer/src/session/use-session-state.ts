// The connection state changes on every keystroke (the count of edits not yet saved goes up, then down). Components
// subscribe to just the part they show, so typing re-renders the status bar, not the navigator and the views.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChannelProviderState } from '../../../shared/sync/channel-provider';
import type { DocumentSession } from './document-session';

export function useSessionState<T>(session: DocumentSession, select: (state: ChannelProviderState) => T): T {
  const selectRef = useRef(select);
  selectRef.current = select;
  const [value, setValue] = useState(() => select(session.state));
  useEffect(() => {
    setValue(selectRef.current(session.state));
    return session.onState((state) => {
      const next = selectRef.current(state);
      setValue((previous) => (Object.is(previous, next) ? previous : next));
    });
  }, [session]);
  return value;
}

const wholeState = (state: ChannelProviderState): ChannelProviderState => state;

/** The whole state, for the few components that show it (status bar, share dialog). */
export function useWholeSessionState(session: DocumentSession): ChannelProviderState {
  return useSessionState(session, wholeState);
}
