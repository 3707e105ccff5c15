// The rich-text editor's side of suggestions: each pending suggestion shown in its author's colour
// with a cue that is not colour (underline for inserted text, strike-through for deleted text, a
// dotted underline for formatting: the marks' own <ins>/<del>/<span>, styled in suggestions.css),
// one marker per suggestion named for screen readers ("Forslag fra Bo: indsæt »nye«"), and the
// suggestion at the caret marked active. Who made a suggestion lives in the `suggestions` root, so
// the colours and names are decorations, rebuilt when the text or the metadata changes.
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { suggestionRanges, type SuggestionKind } from '../../../shared/model/suggestions';

type SuggestionRange = { kind: SuggestionKind; from: number; to: number };

/** What the plugin shows of one suggestion. */
export interface SuggestionLook {
  color: string;
  /** The accessible name of its marker and the tooltip of its text. */
  label: string;
}

interface PluginState {
  decorations: DecorationSet;
  /** The suggestion at the caret. */
  active: string | null;
  /** The ids shown, so a change of metadata rebuilds only editors that show one of them. */
  ids: ReadonlySet<string>;
}

const REFRESH = 'refresh';

export const suggestionPluginKey = new PluginKey<PluginState>('pejling-suggestions');

/** The suggestion id under the position (the text after it first, then before). */
export function suggestionAt(state: EditorState, pos: number): string | null {
  const $pos = state.doc.resolve(pos);
  for (const node of [$pos.nodeAfter, $pos.nodeBefore]) {
    const mark = node?.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion' || m.type.name === 'modification');
    if (mark) return String(mark.attrs.id);
  }
  return null;
}

function marker(look: SuggestionLook, id: string): HTMLElement {
  const el = document.createElement('span');
  el.className = 'suggestion-marker';
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', look.label);
  el.setAttribute('title', look.label);
  el.dataset.suggestion = id;
  el.contentEditable = 'false';
  el.style.setProperty('--suggestion-color', look.color);
  return el;
}

const KIND_CLASS: Record<SuggestionKind, string> = { insertion: 'is-insertion', deletion: 'is-deletion', modification: 'is-modification' };

function build(doc: PMNode, lookOf: SuggestionPluginOptions['lookOf'], active: string | null): PluginState {
  const decorations: Decoration[] = [];
  const all = suggestionRanges(doc);
  for (const [id, ranges] of all) {
    const look = lookOf(id, doc, ranges);
    const attrs = (kind: SuggestionKind) => ({
      class: `suggestion-text ${KIND_CLASS[kind]}${id === active ? ' is-active' : ''}`,
      style: `--suggestion-color: ${look.color}`,
      title: look.label,
      'data-suggestion-id': id,
    });
    for (const r of ranges) decorations.push(Decoration.inline(r.from, r.to, attrs(r.kind)));
    const start = Math.min(...ranges.map((r) => r.from));
    decorations.push(Decoration.widget(start, () => marker(look, id), { side: -1, key: `suggestion-${id}-${look.color}-${look.label}`, ignoreSelection: true }));
  }
  return { decorations: DecorationSet.create(doc, decorations), active, ids: new Set(all.keys()) };
}

export interface SuggestionPluginOptions {
  /** The colour and label of a suggestion (from its metadata and the text it covers). */
  lookOf: (id: string, doc: PMNode, ranges: readonly SuggestionRange[]) => SuggestionLook;
}

export function suggestionPlugin(options: SuggestionPluginOptions): Plugin<PluginState> {
  return new Plugin<PluginState>({
    key: suggestionPluginKey,
    state: {
      init: (_config, state) => build(state.doc, options.lookOf, null),
      apply(tr: Transaction, prev: PluginState, _old, state): PluginState {
        // The popover follows the caret when it is put into a suggestion (a click, the arrow keys),
        // not while typing: a change of one's own closes it; a change by others leaves it open.
        let active = prev.active;
        const remote = tr.getMeta(ySyncPluginKey) !== undefined;
        const meta = tr.getMeta(suggestionPluginKey) as { active: string | null } | typeof REFRESH | undefined;
        if (meta && meta !== REFRESH) active = meta.active;
        else if (tr.docChanged && !remote) active = null;
        else if (tr.selectionSet && !tr.docChanged) active = suggestionAt(state, state.selection.from);
        else if (active !== null && suggestionAt(state, state.selection.from) !== active) active = null;
        if (!tr.docChanged && !tr.getMeta(suggestionPluginKey) && active === prev.active) return prev;
        return build(tr.doc, options.lookOf, active);
      },
    },
    props: {
      decorations: (state) => suggestionPluginKey.getState(state)?.decorations ?? null,
      // A click on a suggestion puts the caret there and opens its popover (also when the caret was there already).
      handleClick(view, pos) {
        const id = suggestionAt(view.state, pos);
        if (!id) return false;
        const tr = view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))).setMeta(suggestionPluginKey, { active: id }).setMeta('addToHistory', false);
        view.dispatch(tr);
        return true;
      },
      // ProseMirror counts a second click within 500 ms near the first as a double click, which never
      // reaches handleClick: it opens the popover too, and the browser still selects the word.
      handleDoubleClick(view, pos) {
        const id = suggestionAt(view.state, pos);
        if (id) view.dispatch(view.state.tr.setMeta(suggestionPluginKey, { active: id }).setMeta('addToHistory', false));
        return false;
      },
    },
  });
}

/** The suggestion ids the editor shows. */
export function shownSuggestions(state: EditorState): ReadonlySet<string> {
  return suggestionPluginKey.getState(state)?.ids ?? new Set();
}

/** The suggestion at the caret, as the plugin last saw it. */
export function activeSuggestion(state: EditorState): string | null {
  return suggestionPluginKey.getState(state)?.active ?? null;
}

/** Rebuilds the decorations (the metadata or the language changed). */
export function refreshSuggestions(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(suggestionPluginKey, REFRESH).setMeta('addToHistory', false));
}

/** The ranges of one suggestion in the editor's document, first to last. */
export function rangeOfSuggestion(state: EditorState, id: string): { from: number; to: number } | null {
  const ranges = suggestionRanges(state.doc).get(id);
  if (!ranges?.length) return null;
  return { from: Math.min(...ranges.map((r) => r.from)), to: Math.max(...ranges.map((r) => r.to)) };
}
