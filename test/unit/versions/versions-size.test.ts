// What a version costs on the large strategy (bench/generate-large-strategy.ts): at most 1.2 × the
// document's compacted state, and a second version costs no more than the first (versions are not
// stored inside versions). The figures are printed for shared/model/versions.ts and docs/architecture.md.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StrategyModel, importStrategy } from '../../../shared/model';
import { contentState, saveVersion } from '../../../shared/model/versions';
import { generateLargeStrategy } from '../../../bench/generate-large-strategy';

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function compacted(doc: Y.Doc): { v1: number; v2: number } {
  const copy = new Y.Doc({ gc: true });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const out = { v1: Y.encodeStateAsUpdate(copy).length, v2: Y.encodeStateAsUpdateV2(copy).length };
  copy.destroy();
  return out;
}

describe('the size of a version', () => {
  it('a version of the large strategy costs at most 1.2 × its compacted state, and the second no more than the first', () => {
    const doc = importStrategy(generateLargeStrategy());
    const model = new StrategyModel(doc);
    // some history: retyped titles and rewritten text leave deleted content behind
    for (const fa of model.list('focusArea').slice(0, 40)) {
      model.update('focusArea', fa.id, { title: `${fa.title} – revideret` });
      model.setRich(fa.id, 'body', `Nyt afsnit om ${fa.title}.`);
    }
    const state = compacted(doc);
    const size = () => Y.encodeStateAsUpdate(doc).length;
    const before = size();
    saveVersion(doc, { name: 'Høringsudkast', author: 'Test' });
    const first = size() - before;
    model.update('initiative', model.list('initiative')[0]!.id, { title: 'Ændret efter høring' });
    const middle = size();
    saveVersion(doc, { name: 'Vedtaget', author: 'Test' });
    const second = size() - middle;
    console.log(
      `large strategy: compacted state V1 ${kb(state.v1)}, V2 ${kb(state.v2)}; version 1 adds ${kb(first)} (${(first / state.v2).toFixed(3)} × V2, ${(first / state.v1).toFixed(3)} × V1), version 2 adds ${kb(second)}; one version's stored state ${kb(contentState(doc).length)}`,
    );
    expect(first).toBeLessThanOrEqual(1.2 * state.v2);
    expect(second).toBeLessThanOrEqual(1.2 * state.v2);
    expect(second).toBeLessThanOrEqual(first * 1.05);
  });
});
