// A small strategy in which the word "borger" occurs in a title, a goal, an initiative's title and
// description, a focus area's body, the vision and a comment, for the find-and-replace tests.
import type * as Y from 'yjs';
import { Comments, createStrategyDoc, StrategyModel, VISION_ID } from '../../../shared/model';

export const BO = { id: 'user-bo', name: 'Bo', color: '#2060b0' };
export const ANNA = { id: 'user-anna', name: 'Anna', color: '#b03060' };

export function findDoc(): { doc: Y.Doc; model: StrategyModel } {
  const doc = createStrategyDoc({ title: 'Borgeren i centrum', organisation: 'Skanderborg Kommune', period: { from: 2025, to: 2028 } });
  const model = new StrategyModel(doc);
  model.setRich(VISION_ID, 'statement', 'Hver borger møder én kommune.');
  model.add('perspective', { id: 'pe-1', title: 'Velfærd' });
  model.add('focusArea', { id: 'fa-1', perspectiveId: 'pe-1', title: 'Digital borgerservice', body: 'Vi gør det let for en **borger** at finde svar. Borgeren vælger selv kanal.' });
  model.add('goal', { id: 'go-1', focusAreaId: 'fa-1', text: 'Hver borger kan booke tid online' });
  model.add('focusArea', { id: 'fa-2', perspectiveId: 'pe-1', title: 'Data', body: 'Data deles sikkert.' });
  model.add('actionPlan', { id: 'hp-1', title: 'Handlingsplan 2025-26', kind: 'common', period: { from: 2025, to: 2026 } });
  model.add('initiative', { id: 'in-1', planId: 'hp-1', title: 'Ny borger-app', description: 'Appen samler post til en borger.', budget: { amountDkk: 250000, source: 'Puljen for borgerrettet digitalisering' } });
  new Comments(model).create({ target: { id: 'fa-2' }, text: 'Skal en borger kunne se sine data?', author: { name: 'Anna' }, id: 'th-1' });
  return { doc, model };
}
