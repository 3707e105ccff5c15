// Suggestion mode ("Foreslå ændringer"): one switch per person for the whole open document, not
// per field. Rich-text editors ask it before each change (./editor-suggestions.tsx); titles and goals
// ask it too (isSuggesting / useSuggesting, for find-and-replace and field suggestions). It is kept
// per document in this browser profile, so it is on again when the document is opened again.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';

export interface SuggestionAuthor {
  /** Who "mine" is: the presence name (the same person in two windows is one author). */
  authorId: string;
  authorName: string;
  /** The presence colour (#rrggbb). */
  color: string;
}

const STORAGE_PREFIX = 'pejling.suggesting.';

let documentId: string | null = null;
let on = false;
let author: SuggestionAuthor = { authorId: '', authorName: '', color: '#475467' };
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of [...listeners]) listener();
}

function stored(id: string): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_PREFIX + id) === '1';
  } catch {
    return false;
  }
}

function store(id: string, value: boolean): void {
  try {
    if (value) globalThis.localStorage?.setItem(STORAGE_PREFIX + id, '1');
    else globalThis.localStorage?.removeItem(STORAGE_PREFIX + id);
  } catch {
    // storage refused (private mode): the mode holds for this window only
  }
}

/** Whether this person's changes are suggestions now. */
export function isSuggesting(): boolean {
  return on;
}

export function setSuggesting(value: boolean): void {
  if (on === value) return;
  on = value;
  if (documentId) store(documentId, value);
  emit();
}

/** Turns the mode over and says so to screen readers (the toolbar button, Ctrl+Shift+E, the menu). */
export function toggleSuggesting(): void {
  setSuggesting(!on);
  announce(t(on ? 'suggestions.modeOn' : 'suggestions.modeOff'));
}

/** Who the suggestions made here are by. */
export function suggestionAuthor(): SuggestionAuthor {
  return author;
}

/** Sets who the suggestions made here are by (the document screen, from the presence name and colour). */
export function setSuggestionAuthor(me: SuggestionAuthor): void {
  if (author.authorId !== me.authorId || author.authorName !== me.authorName || author.color !== me.color) author = me;
}

export function onSuggestModeChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The mode, re-rendering the caller when it changes. */
export function useSuggesting(): boolean {
  const [value, setValue] = useState(on);
  useEffect(() => {
    setValue(on);
    return onSuggestModeChange(() => setValue(on));
  }, []);
  return value;
}

/**
 * The open document's part: which document (the mode is kept per document), who I am, and
 * Ctrl+Shift+E anywhere in the window. Called once by the document screen.
 */
export function useSuggestionSession(docId: string, me: SuggestionAuthor, allowed: boolean): void {
  if (documentId !== docId) {
    documentId = docId;
    on = allowed && stored(docId);
  }
  setSuggestionAuthor(me);
  useEffect(() => {
    if (!allowed && on) {
      on = false;
      emit();
    }
  }, [allowed]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'e') return;
      event.preventDefault();
      if (allowed) toggleSuggesting();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [allowed]);
  useEffect(
    () => () => {
      if (documentId === docId) documentId = null;
    },
    [docId],
  );
}
