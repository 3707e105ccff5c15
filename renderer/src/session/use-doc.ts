// Views subscribe to the Y.Doc through the model: a change (local or another user's) re-renders them.
import { useEffect, useRef, useState } from 'preact/hooks';
import * as Y from 'yjs';
import { PARENT, collection } from '../../../shared/model/layout';
import type { DocumentSession } from './document-session';

/** True when a transaction only changed rich text (typing in an editor). */
export function onlyRichTextChanged(transaction: Y.Transaction): boolean {
  for (const type of transaction.changed.keys()) {
    if (!(type instanceof Y.XmlFragment || type instanceof Y.XmlElement || type instanceof Y.XmlText)) return false;
  }
  return true;
}

/** True when `text` is a plain text field of the item `itemId` or one of its goals' texts (shared/model/layout.ts). */
function isTextOfItem(text: Y.Text, itemId: string): boolean {
  const item = text.parent;
  if (!(item instanceof Y.Map)) return false;
  if (item._item?.parentSub === itemId) return true;
  const doc = text.doc;
  if (doc && item._item?.parent === doc.getMap('fieldSuggestions')) return true; // a suggested title's text: its input and list follow it (renderer/src/find)
  return !!doc && item.get(PARENT) === itemId && item._item?.parent === collection(doc, 'goal');
}

/**
 * True when a transaction only typed into `itemId`'s own fields: its plain text fields (title, …), its goals'
 * texts and rich text. The item's form shows those through bound inputs and editors that follow their Y.Text /
 * fragment themselves.
 */
export function onlyTextOfItemChanged(transaction: Y.Transaction, itemId: string): boolean {
  for (const type of transaction.changed.keys()) {
    if (type instanceof Y.XmlFragment || type instanceof Y.XmlElement || type instanceof Y.XmlText) continue;
    if (type instanceof Y.Text && isTextOfItem(type, itemId)) continue;
    return false;
  }
  return true;
}

/** True when a transaction only typed text, and into no item's title (goals, owners' names, descriptions, …). */
export function noTitleChanged(transaction: Y.Transaction): boolean {
  for (const type of transaction.changed.keys()) {
    if (type instanceof Y.XmlFragment || type instanceof Y.XmlElement || type instanceof Y.XmlText) continue;
    if (type instanceof Y.Text && type._item?.parentSub !== 'title') continue;
    return false;
  }
  return true;
}

/**
 * A number that changes whenever the document changes; use it as a dependency to re-read the model.
 * `structureOnly` ignores pure rich-text typing (the navigator and forms do not show it), which keeps
 * keystrokes in an editor from re-rendering the rest of the window. `ignoreTextOf` also ignores typing into
 * that item's plain text fields (the edit form of the item shows them through bound inputs; test/e2e/
 * render-budget.spec.ts counts the renders); `titlesOnly` ignores typing into anything but titles (the navigator).
 * Changes are batched per frame.
 */
export function useDocVersion(
  session: DocumentSession,
  { structureOnly = false, ignoreTextOf, titlesOnly = false }: { structureOnly?: boolean; ignoreTextOf?: string | undefined; titlesOnly?: boolean } = {},
): number {
  const [version, setVersion] = useState(0);
  // Text typed while it was ignored (another item is selected now, say): the caller re-reads once.
  const skipped = useRef(false);
  useEffect(() => {
    if (skipped.current) {
      skipped.current = false;
      setVersion((v) => v + 1);
    }
    let frame = 0;
    const off = session.model.observe((_events, transaction) => {
      if (structureOnly && onlyRichTextChanged(transaction)) return;
      if (ignoreTextOf !== undefined && onlyTextOfItemChanged(transaction, ignoreTextOf)) {
        skipped.current = true;
        return;
      }
      if (titlesOnly && noTitleChanged(transaction)) return;
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
  }, [session, structureOnly, ignoreTextOf, titlesOnly]);
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
