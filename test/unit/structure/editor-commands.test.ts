// The editor's commands for manual page breaks and footnotes (renderer/src/editor/footnote-commands.ts), on
// editor states of the shared schema: where a page break goes and where the caret is after it, that a table
// cell refuses one, and that a footnote goes in after the selection as an empty note of its own.
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { insertFootnote, insertPageBreak } from '../../../renderer/src/editor/footnote-commands';
import { richSchema } from '../../../shared/richtext/schema';
import { richToProseMirror } from '../../../shared/richtext/rich';

function stateAt(markdown: string, text: string, offset = 0): EditorState {
  const doc = richToProseMirror(markdown);
  let at = -1;
  doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text?.includes(text)) at = pos + (node.text?.indexOf(text) ?? 0) + offset;
  });
  return EditorState.create({ doc, selection: TextSelection.create(doc, at) });
}

function run(state: EditorState, command: typeof insertPageBreak): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

const blocks = (state: EditorState) => state.doc.content.content.map((node) => (node.type.name === 'paragraph' ? node.textContent : `<${node.type.name}>`));

describe('Ctrl+Enter: a page break', () => {
  it('splits the paragraph at the caret; the caret starts the text after the break', () => {
    const next = run(stateAt('Første del. Anden del.', 'Anden'), insertPageBreak);
    expect(blocks(next)).toEqual(['Første del. ', '<page_break>', 'Anden del.']);
    expect(next.selection.$from.parent.textContent).toBe('Anden del.');
    expect(next.selection.$from.parentOffset).toBe(0);
  });

  it('at the end of the last paragraph: a new empty paragraph after the break holds the caret', () => {
    const next = run(stateAt('Kun én linje.', 'linje.', 'linje.'.length), insertPageBreak);
    expect(blocks(next)).toEqual(['Kun én linje.', '<page_break>', '']);
    expect(next.selection.$from.parent.type.name).toBe('paragraph');
    expect(next.selection.$from.parent.textContent).toBe('');
  });

  it('at the start of a paragraph: the break goes before it', () => {
    expect(blocks(run(stateAt('Et.\n\nTo.', 'To.'), insertPageBreak))).toEqual(['Et.', '<page_break>', 'To.']);
  });

  it('is refused in a table cell (cells hold paragraphs and lists only)', () => {
    const doc = richSchema.nodeFromJSON({
      type: 'doc',
      content: [{ type: 'table', content: [{ type: 'table_row', content: [{ type: 'table_cell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Celle' }] }] }] }] }],
    });
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, 5) });
    expect(insertPageBreak(state)).toBe(false);
  });
});

describe('"Fodnote": a footnote', () => {
  it('goes in after the selection as an empty note; the text around stays', () => {
    const state = stateAt('Tre ud af fire i dag.', 'i dag');
    const next = run(state, insertFootnote);
    const paragraph = next.doc.firstChild!;
    expect(paragraph.childCount).toBe(3);
    expect(paragraph.child(1).type.name).toBe('footnote');
    expect(paragraph.child(1).content.size).toBe(0);
    expect(paragraph.textContent).toBe('Tre ud af fire i dag.');
  });
});
