// Where a find hit is shown: the navigator's part that edits it, and the control inside that part's
// form; jumping opens the part in the edit view and selects the hit's text in its field.
import { TextSelection } from 'prosemirror-state';
import type { FindHit } from '../../../shared/model/find';
import { META_ID, VISION_ID } from '../../../shared/model/model-constants';
import type { StrategyModel } from '../../../shared/model';
import { editorIn } from '../editor/editor-registry';
import { META_KEY, VISION_KEY } from '../session/nav-tree';

/** The key of the navigator's part whose form edits the item's fields (a goal's focus area, the vision, the strategy's own fields). */
export function partKeyOf(model: StrategyModel, hit: Pick<FindHit, 'itemId'>): string {
  if (hit.itemId === META_ID) return META_KEY;
  if (hit.itemId === VISION_ID) return VISION_KEY;
  if (model.kindOf(hit.itemId) === 'goal') return model.get('goal', hit.itemId)?.focusAreaId ?? hit.itemId;
  return hit.itemId;
}

/** The control of a typed text field in its part's form. */
function textControlSelector(hit: Pick<FindHit, 'itemId' | 'kind' | 'field'>): string {
  if (hit.kind === 'goal') return `[data-goal="${CSS.escape(hit.itemId)}"] textarea`;
  if (hit.field === 'businessCaseBenefit') return '[data-field="businessCase.benefit"]';
  if (hit.field === 'budgetSource') return '[data-field="budgetSource"] input, input[data-field="budgetSource"]';
  return `input[data-field="${CSS.escape(hit.field)}"], textarea[data-field="${CSS.escape(hit.field)}"]`;
}

/** Selects the hit in its control once the part's form is on screen (within `timeoutMs`); true when it was found. */
export function selectWhenShown(partKey: string, hit: FindHit, timeoutMs = 4000): Promise<boolean> {
  const started = performance.now();
  return new Promise((resolve) => {
    const attempt = () => {
      const pane = document.querySelector<HTMLElement>(`.edit-view[data-selected="${CSS.escape(partKey)}"]`);
      if (pane && selectIn(pane, hit)) {
        resolve(true);
        return;
      }
      if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
      else resolve(false);
    };
    requestAnimationFrame(attempt);
  });
}

/** Focuses a typed text field (a suggestion's field, from the review list) once its part's form is on screen. */
export function focusFieldWhenShown(model: StrategyModel, itemId: string, field: string, timeoutMs = 4000): void {
  const partKey = partKeyOf(model, { itemId });
  const kind = itemId === META_ID ? 'meta' : (model.kindOf(itemId) ?? 'meta');
  const started = performance.now();
  const attempt = () => {
    const pane = document.querySelector<HTMLElement>(`.edit-view[data-selected="${CSS.escape(partKey)}"]`);
    const control = pane?.querySelector<HTMLElement>(textControlSelector({ itemId, kind, field }));
    if (control) {
      control.scrollIntoView({ block: 'center' });
      control.focus();
    } else if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

function selectIn(pane: HTMLElement, hit: FindHit): boolean {
  // A comment's hit is shown by its thread in the comments panel (FindPanel's jump), not in the form.
  if (hit.target.type === 'comment') return false;
  if (hit.target.type === 'text') {
    const control = pane.querySelector<HTMLInputElement | HTMLTextAreaElement>(textControlSelector(hit));
    if (!control) return false;
    control.scrollIntoView({ block: 'center' });
    control.focus();
    const end = Math.min(hit.to, control.value.length);
    control.setSelectionRange(Math.min(hit.from, end), end);
    return true;
  }
  const wrapper = pane.querySelector<HTMLElement>(`.rich-field[data-field="${CSS.escape(`${hit.target.itemId}:${hit.target.field}`)}"]`);
  const view = wrapper ? editorIn(wrapper) : undefined;
  if (!view) return false;
  const size = view.state.doc.content.size;
  if (hit.to > size) return false;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, hit.from, hit.to)).scrollIntoView());
  view.focus();
  return true;
}
