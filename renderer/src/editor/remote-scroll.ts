// Keeping the caret in view while others type, at most once a frame.
//
// Why (measured, `PEJLING_BENCH_PROFILES=dir npx tsx bench/run.ts --quick --only burst`, 20 co-editors typing in
// the open focus area): y-prosemirror marks every remote change `scrollIntoView` while the local caret is in view,
// so that text growing above it does not push it out. ProseMirror then measures the caret (`coordsAtPos` →
// `getClientRects`) right after updating the DOM: one forced layout per remote transaction, 465 ms of 3.5 s busy
// in the profile and frames up to 83 ms. Here a remote change's scroll is left out of the transaction, and in the
// next animation frame, after all of that frame's remote changes, the caret is brought back into view if it
// left it: one measurement per frame, when the browser lays the page out anyway.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';

const key = new PluginKey<boolean>('pejling-remote-scroll');

/** Whether `tr` is another person's change arriving through y-prosemirror (not this person's undo or redo). */
function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  return meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
}

/** The caret's head is outside the window (above or below what is shown). */
function outOfView(view: EditorView): boolean {
  const head = view.coordsAtPos(view.state.selection.head);
  return head.bottom < 0 || head.top > window.innerHeight;
}

export function remoteScrollPlugin(): Plugin<boolean> {
  return new Plugin<boolean>({
    key,
    // true while the state is the result of a remote transaction that asked to scroll
    state: {
      init: () => false,
      apply: (tr: Transaction) => tr.scrolledIntoView && isRemote(tr),
    },
    view(editorView) {
      let frame = 0;
      const check = () => {
        frame = 0;
        if (editorView.isDestroyed || !editorView.hasFocus()) return;
        if (outOfView(editorView)) editorView.dispatch(editorView.state.tr.scrollIntoView().setMeta('addToHistory', false));
      };
      return {
        update(view: EditorView, previous: EditorState) {
          if (key.getState(view.state) && view.state !== previous && !frame) frame = requestAnimationFrame(check);
        },
        destroy() {
          if (frame) cancelAnimationFrame(frame);
        },
      };
    },
    props: {
      // A remote change's scroll: skipped here, done by the frame's check above.
      handleScrollToSelection: (view) => key.getState(view.state) === true,
    },
  });
}
