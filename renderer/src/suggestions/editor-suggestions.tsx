// Suggestions in one rich-text field: the editor's plugin, the hook turning this person's changes
// into suggestions while suggestion mode is on, and the small popover at a suggestion (author,
// time, what it changes, Acceptér / Afvis, and all in the field). The editor calls
// `useEditorSuggestions`, adds the plugin, passes each transaction through `suggestIfOn`, and
// renders the popover after its text (Tab from the text reaches its buttons).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey, yUndoPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { suggestTransaction } from '../../../shared/model/suggest-transform';
import {
  SUGGESTION_DECISION_META,
  decideInState,
  decider,
  newSuggestionId,
  readSuggestion,
  recordSuggestion,
  suggestionRanges,
  suggestionsMap,
  type Decision,
  type SuggestionMeta,
} from '../../../shared/model/suggestions';
import { formatDateTime, t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { activeSuggestion, rangeOfSuggestion, refreshSuggestions, shownSuggestions, suggestionPlugin, type SuggestionLook } from './suggestion-plugin';
import { isSuggesting, suggestionAuthor, useSuggesting } from './suggest-mode';
import './suggestions.css';

/** The origin of metadata writes: no undo manager tracks it (a suggestion's author never changes back). */
const META_ORIGIN = 'pejling:suggestion-meta';
const NEUTRAL = '#475467';
const QUOTE_MAX = 60;

function quote(text: string): string {
  const flat = text.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1)}…` : flat;
}

/** What a suggestion changes, in words ("erstat »klogt« med »sikkert«"). */
export function describeChange(doc: PMNode, id: string, known?: readonly { kind: string; from: number; to: number }[]): string {
  // The plugin passes the ranges it has (one walk of the document per change for all suggestions).
  const ranges = known ?? suggestionRanges(doc).get(id) ?? [];
  const textOf = (kind: string) => ranges.filter((r) => r.kind === kind).map((r) => doc.textBetween(r.from, r.to, ' ', ' ')).join(' ');
  const inserted = quote(textOf('insertion'));
  const deleted = quote(textOf('deletion'));
  if (inserted && deleted) return t('suggestions.change.replace', { deleted, inserted });
  if (inserted) return t('suggestions.change.insert', { text: inserted });
  if (deleted) return t('suggestions.change.delete', { text: deleted });
  const modified = ranges.find((r) => r.kind === 'modification');
  let format = 'other';
  let add = 'yes';
  if (modified) {
    doc.nodesBetween(modified.from, modified.to, (node) => {
      const mark = node.marks.find((m) => m.type.name === 'modification' && String(m.attrs.id) === id);
      if (mark) {
        format = String(mark.attrs.attrName ?? 'other');
        add = mark.attrs.newValue === null ? 'no' : 'yes';
      }
      return !mark;
    });
  }
  return t('suggestions.change.format', { add, format: ['strong', 'em', 'link'].includes(format) ? format : 'other', text: quote(textOf('modification')) });
}

export function authorName(meta: SuggestionMeta | undefined): string {
  return meta?.authorName || t('suggestions.unknownAuthor');
}

/** The colour and label of a suggestion in a field of `ydoc`. */
export function lookOf(ydoc: Y.Doc, id: string, doc: PMNode, ranges?: readonly { kind: string; from: number; to: number }[]): SuggestionLook {
  const meta = readSuggestion(ydoc, id);
  return { color: meta?.color ?? NEUTRAL, label: t('suggestions.label', { author: authorName(meta), change: describeChange(doc, id, ranges) }) };
}

/**
 * The transaction to apply instead of `tr`: its suggestion form while suggestion mode is on and `tr`
 * is this person's own change. Remote changes, undo/redo (y-prosemirror's), decisions and
 * selection-only transactions stay as they are.
 */
export function suggestIfOn(view: EditorView, tr: Transaction, fragment: Y.XmlFragment): Transaction {
  if (!isSuggesting() || !tr.docChanged) return tr;
  if (tr.getMeta(ySyncPluginKey) !== undefined || tr.getMeta(yUndoPluginKey) !== undefined || tr.getMeta(SUGGESTION_DECISION_META)) return tr;
  const ydoc = fragment.doc;
  if (!ydoc) return tr;
  const me = suggestionAuthor();
  const result = suggestTransaction(view.state, tr, {
    newId: () => newSuggestionId(),
    isOwn: (id) => readSuggestion(ydoc, id)?.authorId === me.authorId,
  });
  if (result.newId) {
    recordSuggestion(ydoc, result.newId, { authorId: me.authorId, authorName: me.authorName, at: new Date().toISOString(), color: me.color }, META_ORIGIN);
  }
  if (result.skippedStructure) announce(t('suggestions.structureLeftOut'));
  return result.tr;
}

// ---- jumps from the list of suggestions ----------------------------------------------------------

const views = new Map<Y.XmlFragment, EditorView>();
const pendingJumps = new Map<Y.XmlFragment, string>();

function selectSuggestion(view: EditorView, id: string): boolean {
  const range = rangeOfSuggestion(view.state, id);
  if (!range) return false;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from)).scrollIntoView());
  view.focus();
  (view.dom as HTMLElement).scrollIntoView?.({ block: 'center' });
  return true;
}

/** Puts the caret in suggestion `id` of the field (now, or when its editor mounts after the item opened). */
export function jumpToSuggestion(fragment: Y.XmlFragment, id: string): void {
  const view = views.get(fragment);
  if (view && selectSuggestion(view, id)) return;
  pendingJumps.set(fragment, id);
}

// ---- the editor hook -------------------------------------------------------------------------------

export interface EditorSuggestions {
  plugin: ReturnType<typeof suggestionPlugin>;
  attach: (view: EditorView | null) => void;
  /** The popover at the suggestion under the caret. */
  aside: ComponentChildren;
}

export function useEditorSuggestions(fragment: Y.XmlFragment, state: EditorState | null, readOnly: boolean): EditorSuggestions {
  const ydoc = fragment.doc!;
  const [view, setView] = useState<EditorView | null>(null);
  const viewRef = useRef<EditorView | null>(null);
  const plugin = useMemo(() => suggestionPlugin({ lookOf: (id, doc, ranges) => lookOf(ydoc, id, doc, ranges) }), [ydoc]);
  useSuggesting(); // the popover and the toolbar follow the mode

  const attach = (next: EditorView | null) => {
    const prev = viewRef.current;
    if (prev && views.get(fragment) === prev) views.delete(fragment);
    viewRef.current = next;
    setView(next);
    if (!next) return;
    views.set(fragment, next);
    const jump = pendingJumps.get(fragment);
    if (jump) {
      pendingJumps.delete(fragment);
      requestAnimationFrame(() => selectSuggestion(next, jump));
    }
  };

  // Metadata arriving from others (or a language change) renames and recolours what is shown.
  useEffect(() => {
    if (!view) return;
    let frame = 0;
    const onMeta = (event: Y.YMapEvent<unknown>) => {
      const shown = shownSuggestions(view.state);
      if (![...event.keysChanged].some((id) => shown.has(id)) || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!view.isDestroyed) refreshSuggestions(view);
      });
    };
    const map = suggestionsMap(ydoc);
    map.observe(onMeta);
    return () => {
      map.unobserve(onMeta);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [view, ydoc]);

  const active = state ? activeSuggestion(state) : null;
  let aside: ComponentChildren = null;
  if (view && state && active && !readOnly) {
    aside = <SuggestionPopover key={active} view={view} ydoc={ydoc} id={active} state={state} />;
  }
  return { plugin, attach, aside };
}

function decide(view: EditorView, ydoc: Y.Doc, decision: Decision, ids?: string[]): number {
  const tr = decideInState(view.state, decider(ydoc, decision, ids ? { ids } : {}));
  if (!tr) return 0;
  const count = new Set([...suggestionRanges(view.state.doc).keys()].filter((id) => !ids || ids.includes(id))).size;
  view.dispatch(tr.scrollIntoView());
  view.focus();
  return count;
}

function SuggestionPopover({ view, ydoc, id, state }: { view: EditorView; ydoc: Y.Doc; id: string; state: EditorState }) {
  const meta = readSuggestion(ydoc, id);
  const author = authorName(meta);
  const range = rangeOfSuggestion(state, id);
  const field = (view.dom as HTMLElement).closest('.rich-field');
  let style: Record<string, string> = {};
  if (range && field) {
    try {
      const at = view.coordsAtPos(range.to);
      const box = field.getBoundingClientRect();
      style = { top: `${Math.round(at.bottom - box.top + 6)}px`, left: `${Math.max(8, Math.min(Math.round(at.left - box.left - 40), Math.round(box.width - 300)))}px` };
    } catch {
      // no layout (a hidden field): the popover sits under the text
    }
  }
  const others = suggestionRanges(state.doc).size;
  const one = (decision: Decision) => {
    if (decide(view, ydoc, decision, [id])) announce(t(decision === 'accept' ? 'suggestions.accepted' : 'suggestions.rejected'));
  };
  const all = (decision: Decision) => {
    const count = decide(view, ydoc, decision);
    if (count) announce(t('suggestions.decidedMany', { decision, count }));
  };
  return (
    <div class="suggestion-popover" role="group" aria-label={t('suggestions.popover', { author })} style={{ ...style, '--suggestion-color': meta?.color ?? NEUTRAL }} data-testid="suggestion-popover" data-suggestion-id={id}>
      <div class="suggestion-popover-head">
        <span class="suggestion-swatch" aria-hidden="true" />
        <strong>{author}</strong>
        {meta?.at && <time dateTime={meta.at}>{formatDateTime(meta.at)}</time>}
      </div>
      <p class="suggestion-popover-change">{describeChange(state.doc, id)}</p>
      <div class="suggestion-popover-actions">
        <button type="button" class="button button-small button-primary" data-action="suggestion-accept" aria-label={t('suggestions.acceptLabel', { author })} onClick={() => one('accept')}>
          {t('suggestions.accept')}
        </button>
        <button type="button" class="button button-small" data-action="suggestion-reject" aria-label={t('suggestions.rejectLabel', { author })} onClick={() => one('reject')}>
          {t('suggestions.reject')}
        </button>
        {others > 1 && (
          <>
            <button type="button" class="button button-small button-quiet" data-action="suggestion-accept-field" onClick={() => all('accept')}>
              {t('suggestions.acceptField')}
            </button>
            <button type="button" class="button button-small button-quiet" data-action="suggestion-reject-field" onClick={() => all('reject')}>
              {t('suggestions.rejectField')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
