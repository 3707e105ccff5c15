// `pending-suggestions`: one warning per rich-text field that holds suggestions nobody has accepted or
// rejected yet, on the field's item, naming the field, how many and by whom, in the app's words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStrategy } from '../../../shared/check';
import type { StrategyFile } from '../../../shared/format/schema';
import { formatProblem, validateStrategyFile } from '../../../shared/format/validate';

const fixture = join(import.meta.dirname, '../../fixtures/strategies/with-suggestions.json');
function load(): StrategyFile {
  const result = validateStrategyFile(JSON.parse(readFileSync(fixture, 'utf8')));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.strategy;
}
const pending = (s: StrategyFile, lang: 'da' | 'en' = 'en') => checkStrategy(s, lang).filter((f) => f.code === 'pending-suggestions');

describe('the pending-suggestions check', () => {
  it('reports each field with pending suggestions once, as a warning on its item, in document order', () => {
    expect(pending(load()).map((f) => [f.severity, f.id, f.path])).toEqual([
      ['warning', 'vision', '/vision/statement'],
      ['warning', 'fa-selvbetjening', '/perspectives/0/focusAreas/0/body'],
      ['warning', 'fa-selvbetjening', '/perspectives/0/focusAreas/0/title'],
      ['warning', 'g-selvbetjening-1', '/perspectives/0/focusAreas/0/goals/0/text'],
      ['warning', 'i-mitid', '/actionPlans/0/initiatives/0/title'],
    ]);
  });

  it('names the field, the number of suggestions (an insertion and deletion of one id count once) and the authors', () => {
    const [vision, body] = pending(load(), 'da').map((f) => f.message);
    expect(vision).toBe('Visionsteksten i visionen har 1 ventende forslag fra Anna Holm.');
    expect(body).toBe('Teksten i et indsatsområde "Selvbetjening" har 3 ventende forslag fra Bo Lind og Carla Friis.');
    expect(pending(load(), 'en')[1]?.message).toBe('The text of a focus area "Selvbetjening" has 3 pending suggestions by Bo Lind and Carla Friis.');
  });

  it('a decided suggestion is no finding: a field without marks has none, and a strategy without suggestions none at all', () => {
    const strategy = load();
    strategy.vision.statement = 'Fjordby er en nærværende digital kommune for alle borgere.';
    delete strategy.fieldSuggestions;
    expect(pending(strategy).map((f) => f.id)).toEqual(['fa-selvbetjening']);
    const plain = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/strategies/with-comments.json'), 'utf8')) as StrategyFile;
    expect(pending(plain)).toEqual([]);
  });

  it('a suggested title or goal is a finding on its field, with the app\'s word for the field', () => {
    const strategy = load();
    strategy.fieldSuggestions!.push({ id: 'fs-carla', target: { id: 'fa-selvbetjening', field: 'title' }, text: 'Nem selvbetjening', author: 'Carla Friis', date: '2026-03-13T08:00:00Z' });
    strategy.fieldSuggestions!.push({ id: 'fs-meta', target: { id: 'meta', field: 'subtitle' }, text: 'Sammen om det digitale Fjordby', author: 'Anna Holm' });
    const messages = pending(strategy, 'da').slice(2).map((f) => [f.path, f.message]);
    expect(messages).toEqual([
      ['/perspectives/0/focusAreas/0/title', 'Titlen i et indsatsområde "Selvbetjening" har 2 ventende forslag fra Bo Lind og Carla Friis.'],
      ['/perspectives/0/focusAreas/0/goals/0/text', 'Målsætningen i et indsatsområde "Selvbetjening" har 1 ventende forslag fra Anna Holm.'],
      ['/actionPlans/0/initiatives/0/title', 'Titlen i et initiativ "Selvbetjening med MitID" har 1 ventende forslag fra Bo Lind.'],
      ['/meta/subtitle', 'Undertitlen på forsiden har 1 ventende forslag fra Anna Holm.'],
    ]);
  });

  it('a suggestion whose author is blank is by an unknown author', () => {
    const strategy = load();
    strategy.suggestions![0]!.author = ' ';
    expect(pending(strategy)[0]?.message).toBe('The vision statement of the vision has 1 pending suggestion by an unknown author.');
  });
});
