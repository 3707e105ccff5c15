// Views subscribe to the Y.Doc through the model: a change (local or another user's) re-renders them.
import { useEffect, useState } from 'preact/hooks';
import * as Y from 'yjs';
import type { DocumentSession } from './document-session';

/** True when a transaction only changed rich text (typing in an editor). */
export function onlyRichTextChanged(transaction: Y.Transaction): boolean {
  for (const type of transaction.changed.keys()) {
    if (!(type instanceof Y.XmlFragment || type instanceof Y.XmlElement || type instanceof Y.XmlText)) return false;
  }
  return true;
}

/**
 * A number that changes whenever the document changes; use it as a dependency to re-read the model.
 * `structureOnly` ignores pure rich-text typing (the navigator and forms do not show it), which keeps
 * keystrokes in an editor from re-rendering the rest of the window. Changes are batched per frame.
 */
export function useDocVersion(session: DocumentSession, { structureOnly = false } = {}): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    const off = session.model.observe((_events, transaction) => {
      if (structureOnly && onlyRichTextChanged(transaction)) return;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [session, structureOnly]);
  return version;
}

/**
 * The other users present and where they are. Re-renders only when that changes (not on every
 * cursor movement, which awareness also reports).
 */
export function usePresence(session: DocumentSession): ReturnType<DocumentSession['others']> {
  const [others, setOthers] = useState(() => session.others());
  useEffect(() => {
    let signature = presenceSignature(session.others());
    return session.onPresence(() => {
      const next = session.others();
      const nextSignature = presenceSignature(next);
      if (nextSignature === signature) return;
      signature = nextSignature;
      setOthers(next);
    });
  }, [session]);
  return others;
}

function presenceSignature(others: ReturnType<DocumentSession['others']>): string {
  return others.map((o) => `${o.clientId}:${o.state.user.name}:${o.state.user.color}:${o.state.location ?? ''}`).join('|');
}
