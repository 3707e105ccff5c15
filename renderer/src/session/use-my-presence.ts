// This window's own name and colour as the others see them (the awareness `user` field), kept current.
import { useEffect, useState } from 'preact/hooks';
import type { DocumentSession } from './document-session';
import type { PresenceState } from '../collab/presence';

export function useMyPresence(session: DocumentSession): PresenceState['user'] {
  const read = (): PresenceState['user'] => {
    const user = (session.awareness.getLocalState() as Partial<PresenceState> | null)?.user;
    return { name: user?.name ?? '', color: user?.color ?? '#475467' };
  };
  const [me, setMe] = useState(read);
  useEffect(() => {
    const onChange = () => {
      const next = read();
      setMe((prev) => (prev.name === next.name && prev.color === next.color ? prev : next));
    };
    session.awareness.on('change', onChange);
    return () => session.awareness.off('change', onChange);
  }, [session]);
  return me;
}
