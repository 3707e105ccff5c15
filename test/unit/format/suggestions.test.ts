// Pending suggestions in the interchange format (version 3): the file with suggestions validates, older
// versions are still read and cannot hold them, and a suggestion mark without its author and time is
// refused at the mark, with every such mistake listed at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedStrategy } from '../../../shared/export/published';
import type { StrategyFile } from '../../../shared/format/schema';
import { formatProblem, validateStrategyFile } from '../../../shared/format/validate';
import { exportStrategy, importStrategy } from '../../../shared/model/interchange';
import { FieldSuggestions } from '../../../shared/model/field-suggestions';
import { COLLECTIONS, META_TEXT_KEYS } from '../../../shared/model/layout';
import { StrategyModel } from '../../../shared/model/strategy-model';
import { decideInDocument, listPending, suggestionsMap } from '../../../shared/model/suggestions';
import { FIELD_SUGGESTION_FIELDS } from '../../../shared/format/suggestions';

const fixture = join(import.meta.dirname, '../../fixtures/strategies/with-suggestions.json');
// The raw file, edited freely by each test to make the mistakes a hand-made file can have.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const raw = (): Record<string, any> => JSON.parse(readFileSync(fixture, 'utf8'));
const problems = (input: unknown, lang: 'da' | 'en' = 'en'): string[] => {
  const result = validateStrategyFile(input, lang);
  return result.ok ? [] : result.problems.map(formatProblem);
};
const BODY = '/perspectives/0/focusAreas/0/body';

describe('suggestions in the interchange format', () => {
  it('a version 3 file with suggestions and their marks is valid, with no warnings', () => {
    const result = validateStrategyFile(raw());
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.ok && result.strategy.suggestions?.map((s) => [s.id, s.author])).toEqual([
      ['sg-anna-fed', 'Anna Holm'],
      ['sg-bo-1', 'Bo Lind'],
      ['sg-bo-2', 'Bo Lind'],
      ['sg-carla', 'Carla Friis'],
    ]);
  });

  it('version 1 and 2 files are still read; they cannot hold suggestions', () => {
    const withComments = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/strategies/with-comments.json'), 'utf8'));
    expect(problems(withComments)).toEqual([]);
    const v2 = raw();
    v2.formatVersion = 2;
    expect(problems(v2)).toContain('/suggestions: suggestions need "formatVersion": 3');
  });

  it('a suggestion mark whose id is not in /suggestions is refused at the mark, each of them', () => {
    const file = raw();
    file.suggestions = file.suggestions.filter((s: { id: string }) => s.id !== 'sg-bo-1');
    expect(problems(file)).toEqual([
      `${BODY}/content/0/content/1/marks/0/attrs/id: the suggestion "sg-bo-1" (deletion) is not in /suggestions, which says who suggested it and when`,
      `${BODY}/content/0/content/2/marks/0/attrs/id: the suggestion "sg-bo-1" (insertion) is not in /suggestions, which says who suggested it and when`,
    ]);
    expect(problems(file, 'da')[0]).toBe(
      `${BODY}/content/0/content/1/marks/0/attrs/id: forslaget "sg-bo-1" (deletion) står ikke i /suggestions, der siger hvem der har foreslået det og hvornår`,
    );
  });

  it('a version 2 file with suggestion marks and no list is told what it needs', () => {
    const file = raw();
    file.formatVersion = 2;
    delete file.suggestions;
    delete file.fieldSuggestions;
    const found = problems(file);
    expect(found).toHaveLength(5);
    expect(found[0]).toBe('/vision/statement/content/0/content/1/marks/1/attrs/id: the suggestion "sg-anna-fed" (modification) needs "formatVersion": 3 and an entry in /suggestions with its author and time');
  });

  it('a mark without an id, a duplicate entry and a moment that does not exist are refused where they are', () => {
    const file = raw();
    delete file.perspectives[0].focusAreas[0].body.content[1].content[1].marks[0].attrs;
    file.suggestions.push({ id: 'sg-bo-2', author: 'Bo Lind', date: '2026-03-10T10:17:00+01:00' });
    file.suggestions[0].date = '2026-02-30T09:30:00+01:00';
    const found = problems(file);
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        `${BODY}/content/1/content/1/marks/0/attrs/id: a suggestion (insertion) needs an id`,
        '/suggestions/0/date: 2026-02-30T09:30:00+01:00 is not a moment that exists (the day does not exist)',
        '/suggestions/4/id: the suggestion "sg-bo-2" is here again (first at /suggestions/2/id); a suggestion\'s id is used once',
      ]),
    );
  });

  it('an entry needs an author; numbers are ids too, kept apart from the same digits as text', () => {
    const file = raw();
    delete file.suggestions[1].author;
    expect(problems(file)).toContain('/suggestions/1/author: is required');
    const numbered = raw();
    numbered.suggestions[2].id = 7;
    numbered.perspectives[0].focusAreas[0].body.content[1].content[1].marks[0].attrs.id = '7';
    expect(problems(numbered)).toEqual([
      `${BODY}/content/1/content/1/marks/0/attrs/id: the suggestion "7" (insertion) is not in /suggestions, which says who suggested it and when`,
    ]);
    numbered.perspectives[0].focusAreas[0].body.content[1].content[1].marks[0].attrs.id = 7;
    expect(problems(numbered)).toEqual([]);
  });

  it('a suggested title or goal names an item of the file and one of its text fields', () => {
    const file = raw();
    file.fieldSuggestions[0].target.id = 'fa-findes-ikke';
    file.fieldSuggestions[1].target.field = 'title';
    file.fieldSuggestions[2].id = 'sg-bo-1';
    expect(problems(file)).toEqual([
      '/fieldSuggestions/0/target/id: names no item: "fa-findes-ikke" (use the id of an item in the file, or "meta" for the cover\'s fields)',
      '/fieldSuggestions/1/target/field: "g-selvbetjening-1" has no text field "title" to suggest a new text for; its text fields are text',
      '/fieldSuggestions/2/id: the suggestion "sg-bo-1" is here again (first at /suggestions/1/id); a suggestion\'s id is used once',
    ]);
    const v2 = raw();
    v2.formatVersion = 2;
    delete v2.suggestions;
    expect(problems(v2)).toContain('/fieldSuggestions: suggestions need "formatVersion": 3');
  });

  it('the text fields a suggestion may be for are the model\'s typed text fields, kind by kind', () => {
    const fromModel = Object.fromEntries(Object.entries(COLLECTIONS).map(([kind, spec]) => [kind, [...spec.text]]));
    expect(FIELD_SUGGESTION_FIELDS).toEqual({ meta: [...META_TEXT_KEYS], ...fromModel });
  });

  it('a file from a newer Pejling than version 3 gets the one clear problem', () => {
    const file = raw();
    file.formatVersion = 4;
    expect(problems(file)).toEqual([expect.stringMatching(/^\/formatVersion: .*newer.*1–3/)]);
  });
});

describe('suggestions between a file and the live document', () => {
  const valid = () => {
    const result = validateStrategyFile(raw());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    return result.strategy;
  };

  it('import → export gives the same file: the marks in the rich text, the authors and times in /suggestions', () => {
    const doc = importStrategy(valid());
    expect(listPending(doc).map((s) => [s.id, s.meta?.authorName, s.meta?.at])).toEqual([
      ['sg-anna-fed', 'Anna Holm', '2026-03-09T09:30:00+01:00'],
      ['sg-bo-1', 'Bo Lind', '2026-03-10T10:15:00+01:00'],
      ['sg-bo-2', 'Bo Lind', '2026-03-10T10:17:00+01:00'],
      ['sg-carla', 'Carla Friis', '2026-03-11T14:00:00Z'],
    ]);
    const out = exportStrategy(doc);
    expect(out).toEqual(raw());
    expect(problems(out)).toEqual([]);
  });

  it('a document whose suggestions are all decided is written as version 2 again, without the list', () => {
    const doc = importStrategy(valid());
    expect(decideInDocument(doc, 'accept').size).toBe(4);
    const fields = new FieldSuggestions(new StrategyModel(doc));
    fields.acceptMany(fields.list().map((s) => s.id));
    const out = exportStrategy(doc);
    expect(out.formatVersion).toBe(2);
    expect(out.suggestions).toBeUndefined();
    expect(out.fieldSuggestions).toBeUndefined();
    expect(out.perspectives[0]!.focusAreas[0]!.title).toBe('Selvbetjening på borgernes præmisser');
    expect(out.perspectives[0]!.focusAreas[0]!.body).toBe(
      'Borgerne skal kunne klare deres ærinder enkelt og trygt på nettet.\n\nVi måler tilfredsheden hvert år og offentliggør resultatet.',
    );
  });

  it('a mark whose author never arrived is still written, with an empty author, and the file validates', () => {
    const doc = importStrategy(valid());
    doc.transact(() => suggestionsMap(doc).delete('sg-carla'));
    const out = exportStrategy(doc);
    expect(out.suggestions?.find((s) => s.id === 'sg-carla')).toEqual({ id: 'sg-carla', author: '' });
    expect(problems(out)).toEqual([]);
  });

  it('a file without author ids or times: the author\'s name groups them, and they are dated when read', () => {
    const file = raw();
    for (const s of file.suggestions) {
      delete s.authorId;
      delete s.date;
    }
    const result = validateStrategyFile(file);
    expect(result.ok).toBe(true);
    const doc = importStrategy((result as { strategy: StrategyFile }).strategy);
    const bo = listPending(doc).filter((s) => s.meta?.authorId === 'Bo Lind');
    expect(bo.map((s) => s.id)).toEqual(['sg-bo-1', 'sg-bo-2']);
    expect(Number.isNaN(Date.parse(bo[0]!.meta!.at))).toBe(false);
  });

  it('the published text is the text as if no suggestion existed: insertions out, deletions kept, formatting not applied', () => {
    const published = publishedStrategy(valid());
    expect(published.suggestions).toBeUndefined();
    expect(published.vision.statement).toBe('Fjordby er en nærværende digital kommune for alle borgere.');
    expect(published.perspectives[0]!.focusAreas[0]!.body).toBe(
      'Borgerne skal kunne klare deres ærinder hurtigt på nettet.\n\nVi måler tilfredsheden hvert år. Papirblanketter udfases.',
    );
    // a strategy without suggestions is returned as it is
    const plain = published;
    expect(publishedStrategy(plain)).toBe(plain);
  });
});
