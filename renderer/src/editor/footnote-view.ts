// The footnote's place in a rich-text editor: a numbered marker (CSS counter, in the order the notes stand)
// with the note's own text beside it, edited in an editor view of its own, as ProseMirror's footnote example
// does it. The note is one unit (atom) in the text around it; its text lives inside the node, so typing in it
// is a change of this field's document like any other (synced, undone with the field). Steps typed in the
// inner view are mapped into the outer document (offset by the node's position); changes from outside
// (another user, undo) are handed to the inner view by update().
import { keymap } from 'prosemirror-keymap';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { StepMap } from 'prosemirror-transform';
import { EditorView, type NodeView } from 'prosemirror-view';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { t } from '../i18n/i18n';

/** The views of the footnotes on screen, by their DOM, so a command can move the caret into a new one. */
const views = new WeakMap<Element, FootnoteView>();

export function footnoteViewAt(dom: Node | null): FootnoteView | undefined {
  return dom instanceof Element ? views.get(dom) : undefined;
}

export class FootnoteView implements NodeView {
  readonly dom: HTMLElement;
  private readonly inner: EditorView;

  constructor(
    private node: PMNode,
    private readonly outer: EditorView,
    private readonly getPos: () => number | undefined,
  ) {
    this.dom = document.createElement('span');
    this.dom.className = 'footnote';
    this.dom.setAttribute('data-footnote', 'true');
    const marker = document.createElement('sup');
    marker.className = 'footnote-number';
    marker.contentEditable = 'false';
    const text = document.createElement('span');
    text.className = 'footnote-text';
    this.dom.append(marker, text);
    const leave = () => this.leave();
    this.inner = new EditorView(text, {
      state: EditorState.create({
        doc: node,
        plugins: [keymap({ 'Mod-z': () => undoCommand(outer.state, outer.dispatch), 'Mod-y': () => redoCommand(outer.state, outer.dispatch), 'Mod-Shift-z': () => redoCommand(outer.state, outer.dispatch), Escape: leave, Enter: leave })],
      }),
      attributes: { class: 'footnote-editor', role: 'textbox', 'aria-label': t('structure.footnoteText') },
      editable: () => outer.editable,
      dispatchTransaction: (tr) => this.dispatchInner(tr),
    });
    views.set(this.dom, this);
  }

  /** Puts the caret at the end of the note's text. */
  focusText(): void {
    const { doc } = this.inner.state;
    this.inner.dispatch(this.inner.state.tr.setSelection(TextSelection.atEnd(doc)));
    this.inner.focus();
  }

  /** Back to the text after the note. */
  private leave(): boolean {
    const pos = this.getPos();
    if (pos === undefined) return false;
    const after = pos + this.node.nodeSize;
    this.outer.dispatch(this.outer.state.tr.setSelection(TextSelection.create(this.outer.state.doc, after)));
    this.outer.focus();
    return true;
  }

  private dispatchInner(tr: Transaction): void {
    const { state, transactions } = this.inner.state.applyTransaction(tr);
    this.inner.updateState(state);
    if (tr.getMeta('fromOutside')) return;
    const pos = this.getPos();
    if (pos === undefined) return;
    const outerTr = this.outer.state.tr;
    const offset = StepMap.offset(pos + 1);
    for (const transaction of transactions) for (const step of transaction.steps) {
      const mapped = step.map(offset);
      if (mapped) outerTr.step(mapped);
    }
    if (outerTr.docChanged) this.outer.dispatch(outerTr);
  }

  update(node: PMNode): boolean {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    const state = this.inner.state;
    const start = node.content.findDiffStart(state.doc.content);
    if (start !== null && start !== undefined) {
      const end = node.content.findDiffEnd(state.doc.content);
      let endA = end?.a ?? node.content.size;
      let endB = end?.b ?? state.doc.content.size;
      const overlap = start - Math.min(endA, endB);
      if (overlap > 0) {
        endA += overlap;
        endB += overlap;
      }
      this.inner.dispatch(state.tr.replace(start, endB, node.slice(start, endA)).setMeta('fromOutside', true));
    }
    return true;
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
  }

  /** Events inside the note's text are the inner editor's. */
  stopEvent(event: Event): boolean {
    return event.target instanceof Node && this.inner.dom.contains(event.target);
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    views.delete(this.dom);
    this.inner.destroy();
  }
}

/** A page break in the editor: a line across the field saying what it is. */
export function pageBreakView(): NodeView {
  const dom = document.createElement('div');
  dom.className = 'page-break';
  dom.setAttribute('data-page-break', 'true');
  dom.contentEditable = 'false';
  const label = document.createElement('span');
  label.textContent = t('structure.pageBreak');
  dom.append(label);
  return { dom, ignoreMutation: () => true };
}
