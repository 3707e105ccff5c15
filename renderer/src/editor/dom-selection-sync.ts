// ProseMirror learns about caret moves made by the browser (arrows, End, Ctrl+End, clicks) from the
// `selectionchange` event, which arrives a little later. A key handled by ProseMirror itself (Enter,
// Backspace, a shortcut) pressed within that moment would act on the old position — e.g. split the
// paragraph where the caret was before Ctrl+End. This plugin reads the DOM selection first.
import { Plugin, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** Makes ProseMirror's text selection match the DOM selection, if they differ. */
export function syncSelectionFromDOM(view: EditorView | null): void {
  if (!view || view.composing) return;
  // Node and cell selections are not mirrored in the DOM selection: leave them alone.
  if (!(view.state.selection instanceof TextSelection)) return;
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection?.anchorNode || !selection.focusNode) return;
  if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return;
  try {
    const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
    const current = view.state.selection;
    if (anchor === current.anchor && head === current.head) return;
    const next = TextSelection.between(view.state.doc.resolve(anchor), view.state.doc.resolve(head));
    view.dispatch(view.state.tr.setSelection(next));
  } catch {
    // a DOM position outside the document's content: keep ProseMirror's own selection
  }
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

export function domSelectionSyncPlugin(): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(view, event) {
        if (!MODIFIER_KEYS.has(event.key)) syncSelectionFromDOM(view);
        return false;
      },
    },
  });
}
