// Interchange format v2: comment threads are read, their targets checked against the file's items and
// fields with a path, their ids take part in the one id space, their moments must exist; v1 files still read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/format/problem';
import type { StrategyFile } from '../../../shared/format/schema';
import { formatProblem, validateStrategyFile } from '../../../shared/format/validate';
import { Comments, exportStrategy, importStrategy, StrategyModel, VISION_ID } from '../../../shared/model';
import { anchorsInFragment } from '../../../shared/model/comments';

const root = join(import.meta.dirname, '../../..');
const read = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'test/fixtures/strategies', name), 'utf8')) as Record<string, unknown>;
const withComments = (): Record<string, unknown> & { comments: (Record<string, unknown> & { id: string })[] } =>
  read('with-comments.json') as Record<string, unknown> & { comments: (Record<string, unknown> & { id: string })[] };

function problems(input: unknown, lang: 'da' | 'en' = 'en'): string[] {
  const result = validateStrategyFile(input, lang);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map(formatProblem);
}

describe('interchange format v2: comment threads', () => {
  it('a v2 file with threads is valid and loses nothing when parsed', () => {
    const file = withComments();
    const result = validateStrategyFile(file);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.warnings).toEqual([]);
    expect(result.strategy).toEqual(file);
    expect(result.strategy.comments?.map((c) => c.id)).toEqual(['c-vision', 'c-mobile', 'c-done', 'c-title', 'c-goal']);
  });

  it('a v1 file still reads, and v1 cannot hold threads', () => {
    const v1 = read('minimal.json');
    expect(v1.formatVersion).toBe(1);
    expect(validateStrategyFile(v1).ok).toBe(true);
    expect(problems({ ...withComments(), formatVersion: 1 })).toEqual(['/comments: comment threads need "formatVersion": 2']);
  });

  it('a target that names no item is refused with its path', () => {
    const file = withComments();
    (file.comments[1]!.target as Record<string, unknown>).id = 'fa-gone';
    expect(problems(file)).toEqual([
      '/comments/1/target/id: names no item: "fa-gone" (use the id of an item in the file, or "vision")',
    ]);
    expect(problems(file, 'da')).toEqual([
      '/comments/1/target/id: peger ikke på noget element: "fa-gone" (brug id\'et på et element i filen, eller "vision")',
    ]);
  });

  it('a field the item lacks is refused with its path and the fields it has', () => {
    const file = withComments();
    (file.comments[1]!.target as Record<string, unknown>).field = 'intro';
    (file.comments[0]!.target as Record<string, unknown>).field = 'title';
    expect(problems(file)).toEqual([
      '/comments/0/target/field: the vision ("vision") has no field "title"; its fields are statement, body',
      '/comments/1/target/field: a focus area ("fa-1") has no field "intro"; its fields are title, body',
    ]);
  });

  it('ids are unique across the file: items, threads and messages share one id space', () => {
    const file = withComments();
    file.comments[2]!.id = 'fa-1';
    ((file.comments[0]!.messages as Record<string, unknown>[])[1]!).id = 'c-vision-1';
    expect(problems(file)).toEqual([
      '/comments/0/messages/1/id: id "c-vision-1" is used more than once (also at /comments/0/messages/0/id); every id must be unique in the whole file',
      '/comments/2/id: id "fa-1" is used more than once (also at /perspectives/0/focusAreas/0/id); every id must be unique in the whole file',
    ]);
  });

  it('a message date needs a time and a zone, and a day that exists', () => {
    const file = withComments();
    const messages = file.comments[0]!.messages as Record<string, unknown>[];
    messages[0]!.date = '2026-03-02';
    messages[1]!.date = '2026-02-30T10:00:00Z';
    expect(problems(file)).toEqual([
      '/comments/0/messages/0/date: must be a date and time in ISO 8601 with a time zone, e.g. 2026-03-02T14:05:00+01:00 or 2026-03-02T13:05:00Z (found "2026-03-02")',
      '/comments/0/messages/1/date: 2026-02-30T10:00:00Z is not a moment that exists (the day does not exist)',
    ]);
  });

  it('every broken thread of a file is listed at once, schema and rules together', () => {
    const file = withComments();
    file.comments[0]!.status = 'closed';
    (file.comments[3]!.target as Record<string, unknown>).id = 'nothing';
    delete (file.comments[4]! as Record<string, unknown>).messages;
    expect(problems(file)).toEqual([
      '/comments/0/status: must be one of open, resolved (found "closed")',
      '/comments/4/messages: is required',
      '/comments/3/target/id: names no item: "nothing" (use the id of an item in the file, or "vision")',
    ]);
  });
});

describe('comment threads between a file and the live document', () => {
  const valid = (file: unknown): StrategyFile => {
    const result = validateStrategyFile(file);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    return result.strategy;
  };

  it('a file\'s threads become live threads, each quote marked in its field', () => {
    const doc = importStrategy(valid(withComments()));
    const model = new StrategyModel(doc);
    const threads = new Comments(model).list();
    expect(threads.map((t) => [t.id, t.target.id, t.target.field, t.anchor, t.orphaned, t.status])).toEqual([
      ['c-vision', VISION_ID, 'statement', 'text', false, 'open'],
      ['c-title', 'fa-1', 'title', 'field', false, 'open'],
      ['c-mobile', 'fa-1', 'body', 'text', false, 'open'],
      ['c-goal', 'g-1', undefined, 'item', false, 'open'],
      ['c-done', 'i-1', 'description', 'text', false, 'resolved'],
    ]);
    // The marks sit on the quoted text, as the editor would have put them.
    expect(anchorsInFragment(model.fragment(VISION_ID, 'statement')).get('c-vision')?.text).toBe('altid åben');
    expect(anchorsInFragment(model.fragment('fa-1', 'body')).get('c-mobile')?.text).toBe('Selvbetjening skal virke på mobilen.');
    const done = threads.find((t) => t.id === 'c-done')!;
    expect(done.messages.map((m) => [m.id, m.author, m.date, m.edited])).toEqual([
      ['c-done-1', 'Bo Lind', '2026-03-04T08:00:00+01:00', '2026-03-04T08:02:00+01:00'],
      ['c-done-2', 'Anna Holm', '2026-03-04T11:30:00+01:00', undefined],
    ]);
  });

  it('exporting gives the threads back with their quotes, and rich text without comment marks', () => {
    const file = withComments();
    const out = exportStrategy(importStrategy(valid(file)));
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    // A thread without a status is open, and is written so.
    expect(byId(out.comments ?? [])).toEqual(byId(file.comments.map((c) => ({ ...c, status: c.status ?? 'open' }))));
    expect(out.formatVersion).toBe(2);
    // Rich text stays Markdown: the anchors are quotes, not marks.
    expect(out.vision.statement).toBe('Borgerne møder en digital kommune, der er nem at bruge og altid åben.');
    expect(JSON.stringify(out)).not.toContain('"type":"comment"');
  });

  it('a quote its field does not hold: the thread keeps its quote without a mark (orphaned), and a note says where', () => {
    const file = withComments();
    (file.comments[1]!.target as Record<string, unknown>).quote = 'Selvbetjening skal virke på uret.';
    const notes: Problem[] = [];
    const doc = importStrategy(valid(file), undefined, { notes, lang: 'en' });
    expect(notes.map(formatProblem)).toEqual([
      '/comments/1/target/quote: the quoted "Selvbetjening skal virke på uret." is not in the field; the thread is on the field instead',
    ]);
    const thread = new Comments(new StrategyModel(doc)).get('c-mobile')!;
    expect([thread.target.field, thread.quote, thread.orphaned]).toEqual(['body', 'Selvbetjening skal virke på uret.', true]);
    // And it is written back as it was read.
    expect(exportStrategy(doc).comments?.find((c) => c.id === 'c-mobile')?.target).toEqual({ id: 'fa-1', field: 'body', quote: 'Selvbetjening skal virke på uret.' });
  });

  it('comment marks inside a file\'s rich text are not anchors: they are dropped, the quotes make the marks', () => {
    const file = withComments();
    const stray = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Borgerne møder en digital kommune, der er nem at bruge og altid åben.', marks: [{ type: 'comment', attrs: { threadId: 'nobody' } }] }] }] };
    (file.vision as Record<string, unknown>).statement = stray;
    const model = new StrategyModel(importStrategy(valid(file)));
    expect([...anchorsInFragment(model.fragment(VISION_ID, 'statement')).keys()]).toEqual(['c-vision']);
  });
});
