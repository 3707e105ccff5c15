// Which transactions suggestion mode rewrites in the editor: this person's own typing, while the mode
// is on; never a remote change or an undo/redo from y-prosemirror (their meta under ySyncPluginKey /
// yUndoPluginKey), never an accept/reject, never while the mode is off.
import { afterEach, describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey, yUndoPluginKey } from 'y-prosemirror';
import { createStrategyDoc, StrategyModel, VISION_ID } from '../../../shared/model';
import { readFragment } from '../../../shared/model/yfragment';
import { listPending, SUGGESTION_DECISION_META } from '../../../shared/model/suggestions';
import { suggestIfOn } from '../../../renderer/src/suggestions/editor-suggestions';
import { isSuggesting, setSuggestionAuthor, setSuggesting } from '../../../renderer/src/suggestions/suggest-mode';
import { show } from './helpers';

function setup() {
  const doc = createStrategyDoc({ title: 'T', organisation: 'O', period: { from: 2025, to: 2028 } });
  const model = new StrategyModel(doc);
  model.setRich(VISION_ID, 'statement', 'Vi bruger data.');
  const fragment = model.fragment(VISION_ID, 'statement');
  const state0 = EditorState.create({ doc: readFragment(fragment) });
  const state = state0.apply(state0.tr.setSelection(TextSelection.create(state0.doc, 4)));
  const view = { state } as unknown as EditorView;
  return { doc, fragment, state, view };
}

const typed = (state: EditorState): Transaction => state.tr.insertText('gerne ');

afterEach(() => setSuggesting(false));

describe('suggestion mode in the editor', () => {
  it("rewrites this person's typing while the mode is on, with the author recorded", () => {
    const { doc, fragment, state, view } = setup();
    setSuggestionAuthor({ authorId: 'Bo Berg', authorName: 'Bo Berg', color: '#b42318' });
    setSuggesting(true);
    expect(isSuggesting()).toBe(true);
    const out = suggestIfOn(view, typed(state), fragment);
    expect(show(state.apply(out).doc)).toBe('Vi [+gerne +]bruger data.');
    const id = [...doc.getMap('suggestions').keys()][0]!;
    expect(doc.getMap('suggestions').get(id)).toMatchObject({ authorId: 'Bo Berg', authorName: 'Bo Berg', color: '#b42318' });
    expect(listPending(doc)).toEqual([]); // nothing is in the Y.Doc until the editor's binding writes it
  });

  it('leaves remote changes, undo/redo, decisions and the mode off alone', () => {
    const { fragment, state, view } = setup();
    setSuggesting(true);
    for (const tr of [
      typed(state).setMeta(ySyncPluginKey, { isChangeOrigin: true }),
      typed(state).setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: true }),
      typed(state).setMeta(yUndoPluginKey, {}),
      typed(state).setMeta(SUGGESTION_DECISION_META, true),
    ]) {
      expect(suggestIfOn(view, tr, fragment)).toBe(tr);
    }
    const selectionOnly = state.tr.setSelection(TextSelection.create(state.doc, 2));
    expect(suggestIfOn(view, selectionOnly, fragment)).toBe(selectionOnly);
    setSuggesting(false);
    const plain = typed(state);
    expect(suggestIfOn(view, plain, fragment)).toBe(plain);
    expect(show(state.apply(plain).doc)).toBe('Vi gerne bruger data.');
  });
});
