// The rich-text editors currently mounted, by their DOM node, so commands from outside the editor
// (the desktop menu's Fortryd/Annullér fortryd) reach the focused one.
import type { EditorView } from 'prosemirror-view';
import { redoCommand, undoCommand } from 'y-prosemirror';

const views = new Set<EditorView>();

export function registerEditor(view: EditorView): () => void {
  views.add(view);
  return () => views.delete(view);
}

/** The editor mounted inside `element` (find and replace selects a hit in it: renderer/src/find). */
export function editorIn(element: Element): EditorView | undefined {
  for (const view of views) if (element.contains(view.dom)) return view;
  return undefined;
}

/** Runs undo/redo in the focused rich-text editor; false when no editor has focus. */
export function focusedEditorCommand(command: 'undo' | 'redo'): boolean {
  for (const view of views) {
    if (view.hasFocus()) {
      (command === 'undo' ? undoCommand : redoCommand)(view.state, view.dispatch, view);
      return true;
    }
  }
  return false;
}
