// The compare engine on a real example strategy (København 2010–2014) and edits of it a user makes:
// a text rewritten, a focus area added and one removed, a title renamed, an initiative's status and
// owner changed, an item moved to another perspective, siblings reordered.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changeOf, compareStrategies } from '../../../shared/compare/compare';
import { summaryText } from '../../../shared/compare/summary';
import type { StrategyFile } from '../../../shared/format/schema';

const example = JSON.parse(readFileSync(new URL('../../../templates/examples/kk-2010-2014.json', import.meta.url), 'utf8')) as StrategyFile;
const copy = (): StrategyFile => structuredClone(example);

describe('compareStrategies', () => {
  it('finds nothing between a strategy and a copy of it', () => {
    const result = compareStrategies(example, copy());
    expect(result.items).toEqual([]);
    expect(result.summary.identical).toBe(true);
    expect(summaryText(result.summary, 'da')).toBe('Ingen ændringer');
  });

  it('names each kind of difference a user makes, with a summary in words', () => {
    const next = copy();
    const [borgere, opgaver] = next.perspectives;
    // a renamed focus area, a new one and a removed one
    borgere!.focusAreas[0]!.title = 'Attraktive og sikre digitale løsninger til alle';
    borgere!.focusAreas.push({ id: 'fa-ny', title: 'Kunstig intelligens med omtanke', body: 'Vi afprøver **kunstig intelligens** hvor den hjælper borgerne.' });
    const removed = opgaver!.focusAreas.splice(1, 1)[0]!;
    // a changed initiative: status and owner
    const plan = next.actionPlans![1]!;
    const initiative = plan.initiatives[0]!;
    const oldStatus = initiative.status;
    initiative.status = 'delayed';
    initiative.ownerId = next.owners![0]!.id;

    const result = compareStrategies(example, next);
    const renamed = changeOf(result, 'focusArea', 'fa-digitale-losninger');
    expect(renamed).toMatchObject({ change: 'changed', renamed: true, title: { old: 'Attraktive digitale løsninger til alle', new: 'Attraktive og sikre digitale løsninger til alle' } });
    expect(changeOf(result, 'focusArea', 'fa-ny')).toMatchObject({ change: 'added', title: { new: 'Kunstig intelligens med omtanke' } });
    expect(changeOf(result, 'focusArea', removed.id)).toMatchObject({ change: 'removed', title: { old: removed.title } });
    // the removed focus area's goals go with it
    for (const goal of removed.goals ?? []) expect(changeOf(result, 'goal', goal.id)?.change).toBe('removed');
    const changed = changeOf(result, 'initiative', initiative.id)!;
    expect(changed.fields).toEqual(
      expect.arrayContaining([
        { key: 'status', old: oldStatus, new: 'delayed' },
        expect.objectContaining({ key: 'ownerId', new: next.owners![0]!.id }),
      ]),
    );
    expect(changed.moved).toBeUndefined();
    // nothing else is reported
    expect(changeOf(result, 'focusArea', 'fa-adgang-til-sager')).toBeUndefined();
    expect(result.summary.kinds.find((k) => k.kind === 'focusArea')).toMatchObject({ added: 1, removed: 1, changed: 1, moved: 0 });
    const goalsRemoved = (removed.goals ?? []).length;
    expect(summaryText(result.summary, 'da')).toBe(
      `1 indsatsområde ændret, 1 tilføjet, 1 fjernet, ${goalsRemoved} målsætninger fjernet, 1 initiativ ændret`,
    );
    expect(summaryText(result.summary, 'en')).toBe(`1 focus area changed, 1 added, 1 removed, ${goalsRemoved} goals removed, 1 initiative changed`);
  });

  it('sees an item moved to another parent and siblings reordered, but not the siblings that stayed', () => {
    const next = copy();
    const [borgere, opgaver] = next.perspectives;
    const moved = borgere!.focusAreas.splice(2, 1)[0]!;
    opgaver!.focusAreas.unshift(moved);
    // swap the first two perspectives: one of them moved (which one is the diff's choice), not both
    next.perspectives = [next.perspectives[1]!, next.perspectives[0]!, ...next.perspectives.slice(2)];
    const result = compareStrategies(example, next);
    expect(changeOf(result, 'focusArea', moved.id)).toMatchObject({
      change: 'changed',
      renamed: false,
      moved: { oldParent: 'p-borgere', newParent: 'p-opgaver', parentChanged: true },
    });
    const perspectiveMoves = result.items.filter((item) => item.kind === 'perspective' && item.moved);
    expect(perspectiveMoves).toHaveLength(1);
    expect(perspectiveMoves[0]!.moved!.parentChanged).toBe(false);
    expect(changeOf(result, 'focusArea', 'fa-digitale-losninger')).toBeUndefined();
    expect(summaryText(result.summary, 'da')).toBe('1 perspektiv flyttet, 1 indsatsområde flyttet');
  });

  it('diffs a changed text word by word and keeps its marks', () => {
    const next = copy();
    const focusArea = next.perspectives[0]!.focusAreas[0]!;
    focusArea.body = (focusArea.body as string).replace('så lette og sikre at bruge', 'så enkle og trygge at bruge');
    const result = compareStrategies(example, next);
    const change = changeOf(result, 'focusArea', focusArea.id)!;
    expect(change.texts.map((t) => t.key)).toEqual(['body']);
    const diff = change.texts[0]!.diff;
    expect(diff).toMatchObject({ insertedWords: 2, deletedWords: 2 });
    const runs = diff.doc.content![0]!.content!;
    expect(runs.filter((r) => r.change === 'deleted').map((r) => r.text)).toEqual(['lette', 'sikre']);
    expect(runs.filter((r) => r.change === 'inserted').map((r) => r.text)).toEqual(['enkle', 'trygge']);
    // the third paragraph's bold word is untouched and still bold
    const third = diff.doc.content![2]!;
    expect(third.change).toBeUndefined();
    expect(third.content!.some((n) => n.text === 'straksafgørelser' && n.marks?.[0]?.type === 'strong')).toBe(true);
  });

  it('reports cover fields, labels and the vision text', () => {
    const next = copy();
    next.meta.status = 'consultation';
    next.meta.version = '2.0';
    next.labels = { ...next.labels, focusAreas: 'Temaer' };
    next.vision.statement = 'En helt ny vision.';
    const result = compareStrategies(example, next);
    expect(result.meta.map((f) => f.key).sort()).toEqual(['status', 'version']);
    expect(result.labels).toEqual([{ key: 'focusAreas', old: example.labels?.focusAreas, new: 'Temaer' }]);
    expect(result.vision.map((v) => v.key)).toEqual(['statement']);
    expect(summaryText(result.summary, 'da')).toBe('2 oplysninger om strategien ændret, 1 betegnelse ændret, visionens tekst ændret');
  });

  it('treats the same text in Markdown and in ProseMirror JSON as unchanged', () => {
    const next = copy();
    const foreword = example.sections![0]!;
    expect(foreword.body).not.toMatch(/[*_[\]`#]/); // plain paragraphs, so the JSON below is the same text
    next.sections![0]!.body = {
      type: 'doc',
      content: (foreword.body as string).split('\n\n').map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
    };
    expect(changeOf(compareStrategies(example, next), 'section', foreword.id)).toBeUndefined();
    next.sections![0]!.body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kort forord.' }] }] };
    expect(changeOf(compareStrategies(example, next), 'section', foreword.id)?.texts.map((t) => t.key)).toEqual(['body']);
  });
});
