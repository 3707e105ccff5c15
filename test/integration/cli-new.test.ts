import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStrategyText } from '../../shared/format/validate';
import { pejling, STACK_LINE } from './cli-helpers';

const dir = mkdtempSync(join(tmpdir(), 'pejling-cli-new-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pejling new', () => {
  it.each(['kk', 'odder', 'brk', 'blank'])('writes a valid file from the %s template that validate accepts', async (template) => {
    const out = join(dir, `${template}.json`);
    const r = await pejling(['new', '--template', template, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Oprettede .*${template}\\.json ud fra skabelonen '${template}'`));
    const parsed = parseStrategyText(readFileSync(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    expect(await pejling(['validate', out])).toMatchObject({ code: 0, stdout: `${out}: gyldig\n` });
  });

  it('sets title and organisation', async () => {
    const out = join(dir, 'named.json');
    const r = await pejling(['new', '--template', 'brk', '--out', out, '--title', 'Digitaliseringsstrategi 2027-2030', '--organisation', 'Testrup Kommune']);
    expect(r.code).toBe(0);
    const parsed = parseStrategyText(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error('invalid output');
    expect(parsed.strategy.meta.title).toBe('Digitaliseringsstrategi 2027-2030');
    expect(parsed.strategy.meta.organisation).toBe('Testrup Kommune');
    expect(parsed.strategy.perspectives[0]?.focusAreas).toHaveLength(4);
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const out = join(dir, 'existing.json');
    writeFileSync(out, 'mine');
    const refused = await pejling(['new', '--template', 'kk', '--out', out]);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `pejling: ${out} findes allerede; brug --force for at overskrive den\n` });
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const forced = await pejling(['new', '--template', 'kk', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(parseStrategyText(readFileSync(out, 'utf8')).ok).toBe(true);
  });

  it('explains wrong use in one line', async () => {
    const missingDir = join(dir, 'no-such-folder', 'x.json');
    const results = await Promise.all([
      pejling(['new', '--template', 'aarhus', '--out', join(dir, 'a.json')]),
      pejling(['new', '--out', join(dir, 'b.json')]),
      pejling(['new', '--template', 'kk']),
      pejling(['new', '--template', 'kk', '--out', join(dir, 'c.json'), '--title', '']),
      pejling(['new', '--template', 'kk', '--out', missingDir]),
      pejling(['new', '--template', 'kk', '--out', join(dir, 'd.json'), '--colour', 'red']),
    ]);
    expect(results.map((r) => [r.code, r.stderr.trim()])).toEqual([
      [2, "pejling: unknown template 'aarhus'; choose one of kk, odder, brk, blank"],
      [2, 'pejling: --template is required: one of kk, odder, brk, blank'],
      [2, 'pejling: --out FILE is required'],
      [2, 'pejling: /meta/title: må ikke være tom'],
      [1, `pejling: mappen til ${missingDir} findes ikke`],
      [2, "pejling: unknown option '--colour' for 'pejling new'. Run 'pejling new --help' for its options."],
    ]);
    for (const r of results) expect(r.stderr).not.toMatch(STACK_LINE);
    expect(['a', 'b', 'c', 'd'].some((n) => existsSync(join(dir, `${n}.json`)))).toBe(false);
  });
});
