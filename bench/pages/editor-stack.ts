// The app's rich-text editor stack, outside the app: ProseMirror with the editor schema and the same
// plugins, in the same order, as renderer/src/editor/RichTextEditor.tsx (which builds them inside a
// Preact component, so they cannot be imported as one piece). Keep the two lists in step.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { columnResizing, tableEditing } from 'prosemirror-tables';
import { ySyncPlugin, yCursorPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { richSchema } from '../../shared/richtext/schema';
import { placeholderPlugin } from '../../renderer/src/editor/placeholder-plugin';
import { buildCursor } from '../../renderer/src/editor/remote-cursor';
import { richInputRules } from '../../renderer/src/editor/rich-input-rules';
import { richKeymaps } from '../../renderer/src/editor/rich-keymap';

/** 'full': the app's stack. 'sync-only': ProseMirror + ySyncPlugin. 'prosemirror-only': no Yjs at all. */
export type StackVariant = 'full' | 'sync-only' | 'prosemirror-only';

export function createEditor(
  mount: HTMLElement,
  fragment: Y.XmlFragment,
  awareness: Awareness,
  variant: StackVariant = 'full',
  label = 'Beskrivelse',
): EditorView {
  const plugins =
    variant === 'full'
      ? [
          ySyncPlugin(fragment),
          yCursorPlugin(awareness, { cursorBuilder: buildCursor }),
          yUndoPlugin(),
          richInputRules(),
          ...richKeymaps({ onLink: () => true }),
          columnResizing(),
          tableEditing(),
          placeholderPlugin(''),
        ]
      : variant === 'sync-only'
        ? [ySyncPlugin(fragment)]
        : [];
  return new EditorView(mount, {
    state: EditorState.create({ schema: richSchema, plugins }),
    attributes: { class: 'rich-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, lang: 'da' },
    // As in the app, minus the Preact re-render of the toolbar.
    dispatchTransaction(this: EditorView, tr) {
      this.updateState(this.state.apply(tr));
    },
  });
}
