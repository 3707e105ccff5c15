import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseStrategyText, validateStrategyFile, type Problem } from '../../../shared/format/validate';

const root = join(import.meta.dirname, '../../..');
const fixture = (name: string): string => readFileSync(join(root, 'test/fixtures', name), 'utf8');
const minimal = (): Record<string, unknown> => JSON.parse(fixture('strategies/minimal.json')) as Record<string, unknown>;

function problemsOf(input: unknown, lang: 'da' | 'en' = 'en'): Problem[] {
  const result = validateStrategyFile(input, lang);
  if (result.ok) throw new Error('expected the input to be refused');
  return result.problems;
}

function textProblems(text: string, lang: 'da' | 'en' = 'en'): string[] {
  const result = parseStrategyText(text, lang);
  if (result.ok) throw new Error('expected the text to be refused');
  return result.problems.map(formatProblem);
}

describe('bundled templates and examples', () => {
  const files = ['templates/strategies', 'templates/examples'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.json') && f !== 'index.json')
      .map((f) => join(dir, f)),
  );

  it('covers the four templates and three examples', () => {
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(
      ['blank.json', 'brk-2010.json', 'brk.json', 'kk-2010-2014.json', 'kk.json', 'odder-2006.json', 'odder.json'].sort(),
    );
  });

  it.each(files)('%s is valid and loses nothing when parsed', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const result = parseStrategyText(text);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    // zod strips unknown keys: equality proves every field of the file is part of the format.
    expect(result.strategy).toEqual(JSON.parse(text));
  });
});

describe('invalid files are refused with path and reason', () => {
  it('truncated JSON says so, with line and column', () => {
    const result = parseStrategyText(fixture('invalid/truncated.json'), 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [p] = result.problems;
    expect(p?.message).toMatch(/^truncated JSON: the file ends too early at line \d+, column \d+/);
    const lines = fixture('invalid/truncated.json').split('\n');
    expect(p?.line).toBe(lines.length);
    expect(p?.column).toBe((lines.at(-1) ?? '').length + 1);
    expect(textProblems(fixture('invalid/truncated.json'), 'da')[0]).toMatch(/^afkortet JSON: filen slutter for tidligt i linje \d+, kolonne \d+/);
  });

  it('missing title', () => {
    expect(textProblems(fixture('invalid/missing-title.json'))).toEqual(['/meta/title: is required']);
    expect(textProblems(fixture('invalid/missing-title.json'), 'da')).toEqual(['/meta/title: mangler (skal angives)']);
  });

  it('a reversed period is not refused: a person can type it, so it is a check finding (issue 11)', () => {
    const result = parseStrategyText(fixture('strategies/reversed-period.json'), 'en');
    expect(result.ok).toBe(true);
  });

  it('duplicate id names the id and both paths', () => {
    const [line, ...rest] = textProblems(fixture('invalid/duplicate-id.json'));
    expect(rest).toEqual([]);
    expect(line).toContain('/actionPlans/0/initiatives/0/id: id "fa-1" is used more than once');
    expect(line).toContain('/perspectives/0/focusAreas/0/id');
  });

  it('unknown status lists the allowed values', () => {
    expect(textProblems(fixture('invalid/unknown-status.json'))).toEqual([
      '/actionPlans/0/initiatives/0/status: must be one of planned, active, done, delayed, cancelled (found "finished")',
    ]);
    expect(textProblems(fixture('invalid/unknown-status.json'), 'da')[0]).toBe(
      '/actionPlans/0/initiatives/0/status: skal være en af planned, active, done, delayed, cancelled (fandt "finished")',
    );
  });

  it('a newer formatVersion is refused as written by a newer Pejling, and nothing else is reported', () => {
    expect(textProblems(fixture('invalid/future-version.json'))).toEqual([
      '/formatVersion: the file was written by a newer version of Pejling (format version 4); this version reads format version 1–3. Update Pejling to open it',
    ]);
    expect(textProblems(fixture('invalid/future-version.json'), 'da')[0]).toContain('nyere version af Pejling');
  });

  it('a file of another kind is not a Pejling strategy file', () => {
    expect(textProblems(fixture('invalid/not-pejling.json'))).toEqual([
      '/format: not a Pejling strategy file: the "format" field is missing (expected "pejling-strategy")',
    ]);
    expect(problemsOf({ ...minimal(), format: 'other' })[0]?.message).toContain('"format" is "other"');
    expect(problemsOf([1, 2])[0]).toEqual({ path: '', message: expect.stringContaining('holds a list') as string });
  });
});

describe('every problem is listed', () => {
  it('reports schema, id, period and date problems together', () => {
    const s = minimal() as {
      meta: Record<string, unknown>;
      perspectives: { focusAreas: Record<string, unknown>[] }[];
      actionPlans: { period: Record<string, number>; initiatives: Record<string, unknown>[] }[];
      owners: Record<string, unknown>[];
    };
    s.meta.title = '';
    s.meta.period = { from: 2024.5, to: 2027 };
    s.meta.date = '2024-02-30';
    s.perspectives[0]!.focusAreas[0]!.body = 42;
    s.owners[0]!.id = 'p-1';
    s.owners[0]!.kind = 'robot';
    s.actionPlans[0]!.period = { from: 2025, to: 2024 };
    const initiative = s.actionPlans[0]!.initiatives[0]!;
    initiative.start = '2025-13';
    initiative.end = 'soon';
    initiative.focusAreaIds = 'fa-1';
    initiative.priority = 1.5;
    initiative.statusUpdates = [{ date: '15-11-2024', status: 'active' }];
    const lines = problemsOf(s).map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        '/meta/title: must not be empty',
        '/meta/period/from: must be a whole number, not 2024.5',
        '/meta/date: the date 2024-02-30 does not exist',
        '/perspectives/0/focusAreas/0/body: must be rich text: a Markdown string or a ProseMirror document {"type": "doc", …}, not a number',
        '/owners/0/kind: must be one of person, unit, forum (found "robot")',
        '/actionPlans/0/initiatives/0/focusAreaIds: must be a list [ … ], not text',
        '/actionPlans/0/initiatives/0/start: must be a month written YYYY-MM, e.g. 2011-03 (found "2025-13")',
        '/actionPlans/0/initiatives/0/end: must be a month written YYYY-MM, e.g. 2011-03 (found "soon")',
        '/actionPlans/0/initiatives/0/priority: must be a whole number, not 1.5',
        '/actionPlans/0/initiatives/0/statusUpdates/0/date: must be a date written YYYY-MM-DD, e.g. 2010-06-02 (found "15-11-2024")',
      ]),
    );
    expect(lines.some((l) => l.startsWith('/owners/0/id: id "p-1" is used more than once (also at /perspectives/0/id)'))).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(11);
  });

  it('reports missing required sections of the file', () => {
    const lines = problemsOf({ format: 'pejling-strategy', formatVersion: 1 }).map(formatProblem);
    expect(lines).toEqual(['/meta: is required', '/vision: is required', '/perspectives: is required']);
  });

  it('refuses a year out of range, but not an initiative that ends before it starts (a check finding)', () => {
    const s = minimal() as { actionPlans: { initiatives: Record<string, unknown>[] }[]; meta: { period: Record<string, number> } };
    s.actionPlans[0]!.initiatives[0]!.start = '2025-06';
    s.actionPlans[0]!.initiatives[0]!.end = '2024-02';
    s.meta.period.to = 3000;
    expect(problemsOf(s).map(formatProblem)).toEqual(['/meta/period/to: must be at most 2200 (found 3000)']);
    s.meta.period.to = 2027;
    expect(validateStrategyFile(s).ok).toBe(true);
  });

  it('an unknown older formatVersion is explained', () => {
    expect(problemsOf({ ...minimal(), formatVersion: 0 }).map(formatProblem)).toEqual([
      '/formatVersion: unknown format version 0; this version of Pejling reads format version 1–3',
    ]);
  });
});

describe('JSON syntax errors', () => {
  it.each([
    ['{\n  "a": 1,\n}', 'line 3, column 1: a comma before "}" is not allowed'],
    ['{\n  "a" 1\n}', 'line 2, column 7: unexpected "1", expected ":"'],
    ["{'a': 1}", 'line 1, column 2: text must be in double quotes'],
    ['{a: 1}', 'line 1, column 2: the field name "a" must be in double quotes'],
    ['{"a": 01}', 'line 1, column 7: "01" is not a valid number'],
    ['{"a": 1} {}', 'line 1, column 10: more text ("{") after the end of the document'],
    ['[1 2]', 'line 1, column 4: unexpected "2", expected "," or "]"'],
    ['{"a": "x\ny"}', 'line 1, column 9: a raw line break or tab'],
    ['{"a": "\\q"}', 'line 1, column 8: unknown escape sequence "\\\\q"'],
  ])('%j → %s', (text, expected) => {
    const [line] = textProblems(text);
    expect(line).toContain(`invalid JSON at ${expected}`);
  });

  it('an empty file is named as such', () => {
    expect(textProblems('  \n')).toEqual(['the file is empty (expected a Pejling strategy in JSON)']);
  });

  it('a UTF-8 byte order mark is tolerated', () => {
    expect(parseStrategyText('\ufeff' + fixture('strategies/minimal.json')).ok).toBe(true);
  });
});

describe('unknown fields', () => {
  it('accepts the file but warns, with the path, about every field the format does not know', () => {
    const file = minimal();
    file.extension = { by: 'another tool' };
    (file.meta as Record<string, unknown>).titel = 'a typo for title';
    const result = validateStrategyFile(file, 'da');
    if (!result.ok) throw new Error('expected the file to be accepted');
    // In the order they stand in the file.
    expect(result.warnings.map(formatProblem)).toEqual(['/meta/titel: ukendt felt; det ignoreres', '/extension: ukendt felt; det ignoreres']);
  });

  it('has no warnings for the bundled examples, and none inside ProseMirror JSON (which keeps its own fields)', () => {
    for (const name of ['kk-2010-2014', 'odder-2006', 'brk-2010']) {
      const result = validateStrategyFile(JSON.parse(readFileSync(join(root, 'templates/examples', `${name}.json`), 'utf8')));
      expect(result.ok && result.warnings, name).toEqual([]);
    }
    const file = minimal();
    (file.vision as Record<string, unknown>).statement = { type: 'doc', content: [{ type: 'paragraph', attrs: {}, content: [{ type: 'text', text: 'V' }] }] };
    const result = validateStrategyFile(file);
    expect(result.ok && result.warnings).toEqual([]);
  });
});
