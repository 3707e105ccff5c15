// The stand-ins that keep items a concurrent delete orphaned speak the document's language (meta.language, Danish
// when it has none), in the model's lists, and in the title a view binds to.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RECOVERED_FOCUS_AREA_ID, RECOVERED_PERSPECTIVE_ID, RECOVERED_PLAN_ID, StrategyModel, createStrategyDoc } from '../../../shared/model';

/** Two replicas: one deletes a perspective and a plan while the other adds a focus area, a goal and an initiative to them. */
function orphaned(language: 'da' | 'en' | undefined): StrategyModel {
  const doc = createStrategyDoc({ title: 'Harbour', organisation: 'Town', period: { from: 2026, to: 2029 } });
  const model = new StrategyModel(doc);
  if (language) model.updateMeta({ language });
  model.add('perspective', { id: 'pe-a', title: 'Residents' });
  model.add('focusArea', { id: 'fa-1', perspectiveId: 'pe-a', title: 'Self-service' });
  model.add('actionPlan', { id: 'hp-1', title: 'Plan', kind: 'common', period: { from: 2026, to: 2027 } });
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const otherModel = new StrategyModel(other);
  model.delete('pe-a');
  model.delete('hp-1');
  otherModel.add('focusArea', { perspectiveId: 'pe-a', title: 'Late arrival' });
  otherModel.add('goal', { focusAreaId: 'fa-1', text: 'A late goal' });
  otherModel.add('initiative', { planId: 'hp-1', title: 'Late initiative' });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  return model;
}

function titles(model: StrategyModel) {
  return {
    perspective: model.get('perspective', RECOVERED_PERSPECTIVE_ID)?.title,
    focusArea: model.list('focusArea', RECOVERED_PERSPECTIVE_ID).find((f) => f.id === RECOVERED_FOCUS_AREA_ID)?.title,
    actionPlan: model.list('actionPlan').find((p) => p.id === RECOVERED_PLAN_ID)?.title,
    boundTitle: model.textField(RECOVERED_PLAN_ID, 'title').value(),
  };
}

describe('recovery stand-ins', () => {
  it('are titled in English in an English document', () => {
    expect(titles(orphaned('en'))).toEqual({
      perspective: 'Focus areas without a perspective',
      focusArea: 'Goals without a focus area',
      actionPlan: 'Initiatives without an action plan',
      boundTitle: 'Initiatives without an action plan',
    });
  });

  it('are titled in Danish in a Danish document, and in one without a language', () => {
    const danish = {
      perspective: 'Indsatsområder uden perspektiv',
      focusArea: 'Målsætninger uden indsatsområde',
      actionPlan: 'Initiativer uden handlingsplan',
      boundTitle: 'Initiativer uden handlingsplan',
    };
    expect(titles(orphaned('da'))).toEqual(danish);
    expect(titles(orphaned(undefined))).toEqual(danish);
  });
});
