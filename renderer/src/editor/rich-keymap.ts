// Keyboard shortcuts of the rich-text editors. Undo/redo go to y-prosemirror's undo manager, which
// only undoes this user's own changes in this field.
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import type { Command, Plugin } from 'prosemirror-state';
import { goToNextCell } from 'prosemirror-tables';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { richSchema } from '../../../shared/richtext/schema';
import { setHeading, toggleBlockquote, toggleBulletList, toggleEm, toggleOrderedList, toggleStrong } from './rich-commands';

const { nodes } = richSchema;

const insertHardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break!.create()).scrollIntoView());
  return true;
});

export function richKeymaps(options: { onLink: () => boolean }): Plugin[] {
  const item = nodes.list_item!;
  return [
    keymap({
      'Mod-z': undoCommand,
      'Mod-Shift-z': redoCommand,
      'Mod-y': redoCommand,
      'Mod-b': toggleStrong,
      'Mod-i': toggleEm,
      'Mod-k': () => options.onLink(),
      'Mod-Shift-8': toggleBulletList,
      'Mod-Shift-7': toggleOrderedList,
      'Mod-Shift-9': toggleOrderedList,
      'Mod-Alt-0': setHeading(0),
      'Mod-Alt-1': setHeading(1),
      'Mod-Alt-2': setHeading(2),
      'Mod-Alt-3': setHeading(3),
      'Mod-Shift-.': toggleBlockquote,
      'Shift-Enter': insertHardBreak,
      Enter: splitListItem(item),
      // Tab indents list items and moves between table cells; elsewhere it leaves the editor
      // (returning false lets the browser move focus: no keyboard trap).
      Tab: chainCommands(goToNextCell(1), sinkListItem(item)),
      'Shift-Tab': chainCommands(goToNextCell(-1), liftListItem(item)),
    }),
    keymap(baseKeymap),
  ];
}
