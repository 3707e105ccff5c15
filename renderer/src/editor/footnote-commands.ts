// Footnotes and manual page breaks in rich text (issue 16): the commands of the toolbar's "Fodnote" and
// "Sideskift" and of Ctrl+Enter, and the plugin that shows both nodes in the editor (./footnote-view.ts).
import { keymap } from 'prosemirror-keymap';
import { Plugin, TextSelection, type Command } from 'prosemirror-state';
import { isInTable } from 'prosemirror-tables';
import { richSchema } from '../../../shared/richtext/schema';
import { FootnoteView, footnoteViewAt, pageBreakView } from './footnote-view';

const { nodes } = richSchema;

/**
 * A page break where the caret is: the paragraph is split there (at its start or end the break goes before or
 * after it), and the caret stays at the start of the text after the break, a new empty paragraph when nothing
 * follows. Not in a table: a cell holds paragraphs and lists only.
 */
export const insertPageBreak: Command = (state, dispatch) => {
  if (isInTable(state)) return false;
  const type = nodes.page_break!;
  const { $from } = state.selection;
  // The break is a block: it goes where the paragraph the caret is in can be split.
  if (!$from.parent.isTextblock || !$from.node($from.depth - 1).type.contentMatch.matchType(type)) return false;
  if (!dispatch) return true;
  const tr = state.tr.deleteSelection();
  const $pos = tr.selection.$from;
  let at: number;
  if ($pos.parentOffset === 0) at = $pos.before();
  else if ($pos.parentOffset === $pos.parent.content.size) at = $pos.after();
  else {
    tr.split($pos.pos);
    at = tr.mapping.map($pos.pos, -1) + 1;
  }
  tr.insert(at, type.create());
  const afterBreak = at + 1;
  if (tr.doc.resolve(afterBreak).nodeAfter === null) tr.insert(afterBreak, nodes.paragraph!.create());
  tr.setSelection(TextSelection.create(tr.doc, afterBreak + 1));
  dispatch(tr.scrollIntoView());
  return true;
};

/** An empty footnote after the caret (a selection is kept: the note goes after it); the caret moves into its text. */
export const insertFootnote: Command = (state, dispatch, view) => {
  const type = nodes.footnote!;
  const { $to } = state.selection;
  if (!$to.parent.inlineContent || !$to.parent.type.contentMatch.matchType(type) || $to.parent.type === type) return false;
  if (!$to.parent.canReplaceWith($to.index(), $to.index(), type)) return false;
  if (!dispatch) return true;
  const at = $to.pos;
  dispatch(state.tr.insert(at, type.create()).scrollIntoView());
  // After the toolbar hands the focus back to the field: into the new note's text.
  if (view) requestAnimationFrame(() => footnoteViewAt(view.nodeDOM(at))?.focusText());
  return true;
};

/** Shows footnotes and page breaks in an editor; Ctrl+Enter inserts a page break (as in Word). */
export function footnotePlugins(): Plugin[] {
  return [
    new Plugin({
      props: {
        nodeViews: {
          footnote: (node, view, getPos) => new FootnoteView(node, view, getPos),
          page_break: () => pageBreakView(),
        },
      },
    }),
    keymap({ 'Mod-Enter': insertPageBreak }),
  ];
}
