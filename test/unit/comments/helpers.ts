// Text edits of a rich field as the editor makes them: a ProseMirror transaction on the field's
// document, written back with y-prosemirror's own diff (what ySyncPlugin does after each keystroke).
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { readFragment, writeFragment } from '../../../shared/model/yfragment';
import { createStrategyDoc, findQuote, StrategyModel, VISION_ID } from '../../../shared/model';

/** The origin of the editor's own writes (tracked by its undo manager). */
export const EDITOR_ORIGIN = ySyncPluginKey;

export function editField(fragment: Y.XmlFragment, change: (tr: Transaction, doc: PMNode) => void, origin: unknown = EDITOR_ORIGIN): void {
  const doc = readFragment(fragment);
  const tr = EditorState.create({ doc }).tr;
  change(tr, doc);
  fragment.doc!.transact(() => writeFragment(fragment, tr.doc), origin);
}

/** The ProseMirror range of the first occurrence of `text` (within one paragraph). */
export function rangeOf(doc: PMNode, text: string): { from: number; to: number } {
  const found = findQuote(doc, text);
  if (!found) throw new Error(`"${text}" is not in the field`);
  return found;
}

export const ANNA = { name: 'Anna', color: '#b03060' };
export const BO = { name: 'Bo', color: '#2060b0' };

/** A strategy whose vision statement is two sentences and with one focus area. */
export function sampleDoc(): { doc: Y.Doc; model: StrategyModel; vision: Y.XmlFragment } {
  const doc = createStrategyDoc({ title: 'Digital strategi', organisation: 'Odder Kommune', period: { from: 2025, to: 2028 } });
  const model = new StrategyModel(doc);
  model.setRich(VISION_ID, 'statement', 'Vi bruger data klogt. Borgerne møder én kommune.');
  const pe = model.add('perspective', { id: 'pe-borger', title: 'Borgeren' });
  model.add('focusArea', { id: 'fa-data', perspectiveId: pe, title: 'Data', body: 'Data deles sikkert mellem fagområder.' });
  return { doc, model, vision: model.fragment(VISION_ID, 'statement') };
}
