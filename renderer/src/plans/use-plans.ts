// Hooks and helpers the plan views share: live check findings, a debounced interchange snapshot,
// "who am I" per document, filter state that survives switching tabs, and opening an item's editor
// with the right field focused.
import { useEffect, useState } from 'preact/hooks';
import { checkStrategy, type Finding } from '../../../shared/check';
import type { StrategyFile } from '../../../shared/format/schema';
import { exportStrategy } from '../../../shared/model';
import type { DocumentSession } from '../session/document-session';
import { onlyRichTextChanged } from '../session/use-doc';
import { currentLanguage } from '../i18n/i18n';
import type { FindingTarget } from './plan-data';

/**
 * The strategy as interchange data, recomputed after the document has been quiet for `delayMs`
 * (exporting serialises every rich-text field, so it is not done per keystroke). Typing in rich text
 * does not trigger it: nothing the plan views show comes from rich text.
 */
export function useStrategySnapshot(session: DocumentSession, delayMs = 250): StrategyFile | null {
  const [snapshot, setSnapshot] = useState<StrategyFile | null>(() => safeExport(session));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = session.model.observe((_events, transaction) => {
      if (onlyRichTextChanged(transaction)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        setSnapshot(safeExport(session));
      }, delayMs);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [session, delayMs]);
  return snapshot;
}

function safeExport(session: DocumentSession): StrategyFile | null {
  try {
    return exportStrategy(session.doc);
  } catch (error) {
    // A document mid-sync can be incomplete; the next change brings a new snapshot.
    console.warn('Pejling: could not read the strategy for the plan views', error);
    return null;
  }
}

export interface LiveFindings {
  findings: Finding[];
  /** Milliseconds the last export + check took (shown in the panel's footer for the curious). */
  ms: number;
}

/** `pejling check` findings of the open document, kept up to date as it changes (debounced). */
export function useLiveFindings(session: DocumentSession): LiveFindings | null {
  const snapshot = useStrategySnapshot(session);
  const [result, setResult] = useState<LiveFindings | null>(null);
  const language = currentLanguage();
  useEffect(() => {
    if (!snapshot) return;
    const start = performance.now();
    let findings: Finding[] = [];
    try {
      findings = checkStrategy(snapshot, language);
    } catch (error) {
      console.warn('Pejling: the strategy checks failed', error);
    }
    setResult({ findings, ms: performance.now() - start });
  }, [snapshot, language]);
  return result;
}

// ---- "who am I" -----------------------------------------------------------------------------------

const ME_KEY = (documentId: string) => `pejling.plans.me.${documentId}`;
const ME_EVENT = 'pejling:plans-me';

export function getMe(documentId: string): string | undefined {
  try {
    return localStorage.getItem(ME_KEY(documentId)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function setMe(documentId: string, ownerId: string | undefined): void {
  try {
    if (ownerId) localStorage.setItem(ME_KEY(documentId), ownerId);
    else localStorage.removeItem(ME_KEY(documentId));
  } catch {
    // storage disabled: the choice lasts until the page is reloaded
    memoryMe.set(documentId, ownerId);
  }
  window.dispatchEvent(new CustomEvent(ME_EVENT, { detail: documentId }));
}

const memoryMe = new Map<string, string | undefined>();

/** The owner the user said they are, in this document (stored per document in localStorage). */
export function useMe(documentId: string): [string | undefined, (ownerId: string | undefined) => void] {
  const read = () => (memoryMe.has(documentId) ? memoryMe.get(documentId) : getMe(documentId));
  const [me, setState] = useState<string | undefined>(read);
  useEffect(() => {
    const onChange = () => setState(read());
    window.addEventListener(ME_EVENT, onChange);
    window.addEventListener('storage', onChange);
    return () => {
      window.removeEventListener(ME_EVENT, onChange);
      window.removeEventListener('storage', onChange);
    };
  }, [documentId]);
  return [me, (ownerId) => setMe(documentId, ownerId)];
}

// ---- state that survives switching tabs -------------------------------------------------------------

const sticky = new Map<string, unknown>();

/** Like useState, but kept per key for the session, so a view's filters are as left when the user comes back. */
export function useStickyState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (sticky.has(key) ? (sticky.get(key) as T) : initial));
  return [
    value,
    (next: T) => {
      sticky.set(key, next);
      setValue(next);
    },
  ];
}

/** Sets a sticky value from outside a view (e.g. the coverage matrix opening the table filtered). */
export function setStickyState(key: string, value: unknown): void {
  sticky.set(key, value);
}

// ---- opening an item's editor ---------------------------------------------------------------------------

type Select = (key: string, view?: string) => void;

/**
 * Opens the item's editor ("Redigér") and focuses the field the target names (or the title), once
 * the editor is on screen. Returns at once; the focus follows within a few frames.
 */
export function openInEditor(select: Select, target: FieldTarget): void {
  select(target.key, 'edit');
  focusWhenShown(target);
}

type FieldTarget = Pick<FindingTarget, 'key'> & Partial<Pick<FindingTarget, 'field' | 'ownerId'>>;

export function focusWhenShown(target: FieldTarget, timeoutMs = 3000): void {
  const started = performance.now();
  const attempt = () => {
    const pane = document.querySelector<HTMLElement>(`.edit-view[data-selected="${CSS.escape(target.key)}"]`);
    const element = pane ? fieldElement(pane, target) : null;
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, [contenteditable="true"], button';

function fieldElement(pane: HTMLElement, target: FieldTarget): HTMLElement | null {
  if (target.ownerId) {
    const row = pane.querySelector<HTMLElement>(`[data-owner-id="${CSS.escape(target.ownerId)}"]`);
    return row?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
  }
  if (target.field) {
    // Every field of the editors carries data-field="<field key>" (never found by its label text).
    const marked = pane.querySelector<HTMLElement>(`[data-field="${CSS.escape(target.field)}"]`);
    // A list field with a reference to something deleted: its entry is what the user must fix.
    const missingEntry = marked?.querySelector<HTMLElement>('.chip-missing button');
    const markedControl = missingEntry ?? (marked?.matches(FOCUSABLE) ? marked : marked?.querySelector<HTMLElement>(FOCUSABLE));
    if (markedControl) return markedControl;
  }
  return pane.querySelector<HTMLElement>('.editor-form .input-title') ?? pane.querySelector<HTMLElement>(`.editor-form ${FOCUSABLE.split(', ').join(', .editor-form ')}`);
}
