// Editing commands of the rich-text editors, over the shared schema (shared/richtext/schema.ts),
// and the queries the toolbar uses to show what is active.
import { setBlockType, toggleMark, wrapIn, lift } from 'prosemirror-commands';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import type { MarkType, Node as PMNode, NodeType } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, isInTable } from 'prosemirror-tables';
import { richSchema } from '../../../shared/richtext/schema';

const { nodes, marks } = richSchema;

export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** The innermost list around the selection, if any. */
export function enclosingList(state: EditorState): NodeType | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const type = $from.node(depth).type;
    if (type === nodes.bullet_list || type === nodes.ordered_list) return type;
  }
  return null;
}

/** Heading level of the selection's textblock, 0 for a paragraph. */
export function headingLevel(state: EditorState): number {
  const parent = state.selection.$from.parent;
  return parent.type === nodes.heading ? (parent.attrs.level as number) : 0;
}

export const toggleStrong: Command = toggleMark(marks.strong!);
export const toggleEm: Command = toggleMark(marks.em!);

/** Turns the selection's list into the other kind, wraps it in a list, or lifts it out of this kind. */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const current = enclosingList(state);
    if (current === type) return liftListItem(nodes.list_item!)(state, dispatch);
    if (current) {
      // Switch kind in place: change the list node's type.
      const { $from } = state.selection;
      for (let depth = $from.depth; depth > 0; depth--) {
        const node = $from.node(depth);
        if (node.type === current) {
          if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(depth), type, type === nodes.ordered_list ? { order: 1 } : {}));
          return true;
        }
      }
      return false;
    }
    return wrapInList(type)(state, dispatch);
  };
}

export const toggleBulletList = toggleList(nodes.bullet_list!);
export const toggleOrderedList = toggleList(nodes.ordered_list!);

export function setHeading(level: number): Command {
  return level === 0 ? setBlockType(nodes.paragraph!) : setBlockType(nodes.heading!, { level });
}

export const toggleBlockquote: Command = (state, dispatch) => {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type === nodes.blockquote) return lift(state, dispatch);
  }
  return wrapIn(nodes.blockquote!)(state, dispatch);
};

/** The link mark at the selection: its range and href. */
export function linkAt(state: EditorState): { from: number; to: number; href: string } | null {
  const type = marks.link!;
  const { $from, from, to } = state.selection;
  const mark = type.isInSet($from.marks()) ?? (from < to ? findMarkInRange(state.doc, from, to, type) : undefined);
  if (!mark) return null;
  // Extend to the whole linked text around the cursor.
  const parent = $from.parent;
  const start = $from.start();
  let linkFrom = from;
  let linkTo = to;
  parent.forEach((child, offset) => {
    const childFrom = start + offset;
    const childTo = childFrom + child.nodeSize;
    if (mark.isInSet(child.marks) && childFrom <= from && childTo >= from) {
      linkFrom = Math.min(linkFrom, childFrom);
      linkTo = Math.max(linkTo, childTo);
    }
  });
  return { from: linkFrom, to: linkTo, href: mark.attrs.href as string };
}

function findMarkInRange(doc: PMNode, from: number, to: number, type: MarkType) {
  let found: ReturnType<MarkType['isInSet']>;
  doc.nodesBetween(from, to, (node) => {
    found ??= type.isInSet(node.marks);
  });
  return found;
}

/** Accepts http(s), mailto and bare domains ("kk.dk" → https://kk.dk); null for anything else. */
export function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  if (/^(https?:\/\/|mailto:)/i.test(value)) return value;
  if (/^[\w.-]+@[\w-]+\.[\w.-]+$/.test(value)) return `mailto:${value}`;
  if (/^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(value)) return `https://${value}`;
  return null;
}

/** Sets (or with null removes) a link on the selection; with an empty selection inserts the text. */
export function applyLink(href: string | null, text?: string): Command {
  return (state, dispatch) => {
    const type = marks.link!;
    const existing = linkAt(state);
    const { from, to, empty } = state.selection;
    if (!dispatch) return true;
    const tr = state.tr;
    if (href === null) {
      if (existing) tr.removeMark(existing.from, existing.to, type);
      else tr.removeMark(from, to, type);
    } else if (existing && empty) {
      tr.removeMark(existing.from, existing.to, type).addMark(existing.from, existing.to, type.create({ href }));
    } else if (empty) {
      const label = text?.trim() || href;
      tr.insert(from, richSchema.text(label, [type.create({ href })]));
      tr.setSelection(TextSelection.create(tr.doc, from + label.length));
    } else {
      tr.addMark(from, to, type.create({ href }));
      // Continue typing after the link, not over it.
      tr.setSelection(TextSelection.create(tr.doc, to));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Inserts a simple table (a header row and two rows, three columns) after the current block. */
export const insertTable: Command = (state, dispatch) => {
  if (isInTable(state)) return false;
  const cell = (header: boolean) =>
    (header ? nodes.table_header! : nodes.table_cell!).createAndFill() as PMNode;
  const row = (header: boolean) => nodes.table_row!.create(null, [cell(header), cell(header), cell(header)]);
  const table = nodes.table!.create(null, [row(true), row(false), row(false)]);
  if (dispatch) {
    const tr = state.tr.replaceSelectionWith(table);
    // Put the cursor in the first cell (the inserted node keeps its identity in the new doc).
    let tablePos = -1;
    tr.doc.descendants((node, pos) => {
      if (tablePos >= 0) return false;
      if (node === table) tablePos = pos;
      return tablePos < 0;
    });
    if (tablePos >= 0) tr.setSelection(TextSelection.near(tr.doc.resolve(tablePos + 4)));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

export { addRowAfter, addColumnAfter, deleteRow, deleteColumn, deleteTable, isInTable };
