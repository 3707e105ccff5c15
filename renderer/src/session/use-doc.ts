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

/** The id of the item whose map holds `type` directly (an item's plain text field), if it is one. */
function itemIdOf(type: Y.Text): string | undefined {
  const parent = type.parent;
  if (!(parent instanceof Y.Map)) return undefined;
  const key = parent._item?.parentSub;
  return typeof key === 'string' ? key : undefined;
}

/**
 * True when a transaction only typed into `itemId`'s own fields: its plain text fields (title, …) and rich text.
 * Those are shown by their own bound inputs and editors, which follow their Y.Text / fragment themselves.
 */
export function onlyTextOfItemChanged(transaction: Y.Transaction, itemId: string): boolean {
  for (const type of transaction.changed.keys()) {
    if (type instanceof Y.XmlFragment || type instanceof Y.XmlElement || type instanceof Y.XmlText) continue;
    if (type instanceof Y.Text && itemIdOf(type) === itemId) continue;
    return false;
  }
  return true;
}

/**
 * A number that changes whenever the document changes; use it as a dependency to re-read the model.
 * `structureOnly` ignores pure rich-text typing (the navigator and forms do not show it), which keeps
 * keystrokes in an editor from re-rendering the rest of the window. `ignoreTextOf` also ignores typing into
 * that item's plain text fields (the edit form of the item shows them through bound inputs; test/e2e/
 * render-budget.spec.ts counts the renders). Changes are batched per frame.
 */
export function useDocVersion(session: DocumentSession, { structureOnly = false, ignoreTextOf }: { structureOnly?: boolean; ignoreTextOf?: string | undefined } = {}): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    const off = session.model.observe((_events, transaction) => {
      if (structureOnly && onlyRichTextChanged(transaction)) return;
      if (ignoreTextOf !== undefined && onlyTextOfItemChanged(transaction, ignoreTextOf)) return;
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
  }, [session, structureOnly, ignoreTextOf]);
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
