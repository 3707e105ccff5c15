import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pejling, repoRoot, STACK_LINE } from './cli-helpers';

const fixtures = join(repoRoot, 'test/fixtures');
const dir = mkdtempSync(join(tmpdir(), 'pejling-cli-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pejling validate', () => {
  it('accepts every template and example with exit 0 and a "gyldig" line', async () => {
    const files = [
      'templates/strategies/kk.json',
      'templates/strategies/odder.json',
      'templates/strategies/brk.json',
      'templates/strategies/blank.json',
      'templates/examples/kk-2010-2014.json',
      'templates/examples/odder-2006.json',
      'templates/examples/brk-2010.json',
    ];
    const results = await Promise.all(files.map((f) => pejling(['validate', f])));
    results.forEach((r, i) => {
      expect(r).toEqual({ code: 0, stdout: `${files[i]}: gyldig\n`, stderr: '' });
    });
  });

  it.each([
    ['truncated.json', /^truncated\.json: truncated JSON: the file ends too early at line \d+, column \d+, inside a text value/],
    ['missing-title.json', /^missing-title\.json: \/meta\/title: is required$/],
    ['duplicate-id.json', /^duplicate-id\.json: \/actionPlans\/0\/initiatives\/0\/id: id "fa-1" is used more than once \(also at \/perspectives\/0\/focusAreas\/0\/id\)/],
    ['unknown-status.json', /^unknown-status\.json: \/actionPlans\/0\/initiatives\/0\/status: must be one of planned, active, done, delayed, cancelled \(found "finished"\)$/],
    ['future-version.json', /^future-version\.json: \/formatVersion: the file was written by a newer version of Pejling \(format version 4\)/],
    ['not-pejling.json', /^not-pejling\.json: \/format: not a Pejling strategy file/],
  ])('refuses %s with the path and reason, exit 1, no stack trace', async (file, expected) => {
    const r = await pejling(['validate', file, '--lang', 'en'], join(fixtures, 'invalid'));
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout.trim()).toMatch(expected);
    expect(r.stderr).toBe(`${file}: invalid (1 problem)\n`);
    expect(r.stdout + r.stderr).not.toMatch(STACK_LINE);
  });

  it('lists every problem of a file, in Danish by default', async () => {
    const file = join(dir, 'many.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'pejling-strategy',
        formatVersion: 1,
        meta: { title: '', organisation: 'X', period: { from: 2014, to: 2010 } },
        vision: { statement: 'v' },
        perspectives: [{ id: 'a', title: 'A', focusAreas: [{ id: 'a', title: 'B', body: '' }] }],
        actionPlans: [{ id: 'p', title: 'P', kind: 'common', period: { from: 2011, to: 2012 }, initiatives: [{ id: 'i', title: 'I', focusAreaIds: [], status: 'started' }] }],
      }),
    );
    const r = await pejling(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${file}: /meta/title: må ikke være tom`,
      `${file}: /actionPlans/0/initiatives/0/status: skal være en af planned, active, done, delayed, cancelled (fandt "started")`,
      `${file}: /perspectives/0/focusAreas/0/id: id'et "a" er brugt mere end én gang (også i /perspectives/0/id); hvert id skal være unikt i hele filen`,
    ]);
    expect(r.stderr).toBe(`${file}: ugyldig (3 problemer)\n`);
  });

  it('accepts a v2 file with comment threads, and refuses a broken target with its path', async () => {
    const good = join(fixtures, 'strategies/with-comments.json');
    expect(await pejling(['validate', good])).toEqual({ code: 0, stdout: `${good}: gyldig\n`, stderr: '' });
    const file = join(dir, 'broken-target.json');
    const strategy = JSON.parse(readFileSync(good, 'utf8')) as { comments: { target: Record<string, string> }[] };
    strategy.comments[0]!.target.id = 'fa-slettet';
    strategy.comments[1]!.target.field = 'goals';
    writeFileSync(file, JSON.stringify(strategy));
    const r = await pejling(['validate', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${file}: /comments/0/target/id: names no item: "fa-slettet" (use the id of an item in the file, or "vision")`,
      `${file}: /comments/1/target/field: a focus area ("fa-1") has no field "goals"; its fields are title, body`,
    ]);
    expect(r.stderr).toBe(`${file}: invalid (2 problems)\n`);
    expect(r.stdout + r.stderr).not.toMatch(STACK_LINE);
  });

  it('explains a missing file, a missing argument and an unknown option in one line', async () => {
    const [missing, noArg, unknown, badLang] = await Promise.all([
      pejling(['validate', 'findes-ikke.json']),
      pejling(['validate']),
      pejling(['validate', 'x.json', '--strict']),
      pejling(['validate', 'x.json', '--lang', 'de']),
    ]);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'pejling: filen findes ikke: findes-ikke.json\n' });
    expect(noArg.code).toBe(2);
    expect(noArg.stderr).toBe("pejling: 'pejling validate' needs a FILE. Run 'pejling validate --help'.\n");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("pejling: unknown option '--strict' for 'pejling validate'. Run 'pejling validate --help' for its options.\n");
    expect(badLang).toMatchObject({ code: 2, stderr: "pejling: --lang must be da or en, not 'de'\n" });
  });
});
