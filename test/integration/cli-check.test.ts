import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pejling, repoRoot, STACK_LINE } from './cli-helpers';

const planted = join(repoRoot, 'test/fixtures/strategies/planted-problems.json');

interface JsonFinding {
  code: string;
  severity: string;
  id: string;
  path: string;
  message: string;
}

describe('pejling check', () => {
  it('--json reports each planted problem with the right code and id, and exits 1 for the errors', async () => {
    const r = await pejling(['check', planted, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(['code', 'id', 'message', 'path', 'severity']);
      expect(f.path).toMatch(/^\//);
    }
    const got = findings.map((f) => `${f.severity} ${f.code} ${f.id}`).sort();
    expect(got).toEqual(
      [
        'warning focus-area-without-initiative fa-lonely',
        'warning focus-area-without-initiative fa-cancelled-only',
        'warning initiative-without-owner i-no-owner',
        'warning initiative-without-focus-area i-no-focus',
        'warning initiative-outside-plan-period i-late',
        'warning initiative-outside-plan-period i-early',
        'error dangling-reference ap-common',
        'error dangling-reference o-child',
        'error dangling-reference i-bad-focus',
        'error dangling-reference i-bad-participant',
        'error dangling-reference i-wrong-kind',
        'error dangling-reference i-supports-deleted',
        'error dangling-reference ap-bad-parent',
        'warning support-outside-parent-plan i-supports-elsewhere',
        'warning local-plan-without-parent ap-orphan',
        'warning plan-outside-strategy-period ap-future',
        'warning status-differs-from-latest-update i-status',
        'warning empty-title i-untitled',
      ].sort(),
    );
  });

  it('reports none of the product codes on the kk example, with exit 0', async () => {
    const [json, table] = await Promise.all([
      pejling(['check', 'templates/examples/kk-2010-2014.json', '--json']),
      pejling(['check', 'templates/examples/kk-2010-2014.json']),
    ]);
    expect(json).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect(table).toEqual({ code: 0, stdout: 'templates/examples/kk-2010-2014.json: ingen fund\n', stderr: '' });
  });

  it('exits 0 when there are only warnings, and prints a table with a summary', async () => {
    const r = await pejling(['check', 'templates/strategies/odder.json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^advarsel {2}focus-area-without-initiative {2}fa-governance +Indsatsområde "IT-governance" har intet initiativ/);
    expect(lines.at(-1)).toBe('templates/strategies/odder.json: 0 fejl, 9 advarsler');
  });

  it('prints the table in English on request', async () => {
    const r = await pejling(['check', planted, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error    dangling-reference');
    expect(r.stdout).toContain('Initiative "Uden ansvarlig" has no owner. [/actionPlans/0/initiatives/1]');
    expect(r.stdout.trim().split('\n').at(-1)).toBe(`${planted}: 7 errors, 11 warnings`);
  });

  it('refuses an invalid file with its problems (stderr with --json), exit 1, no stack trace', async () => {
    const cwd = join(repoRoot, 'test/fixtures/invalid');
    const [plain, json] = await Promise.all([
      pejling(['check', 'unknown-status.json', '--lang', 'en'], cwd),
      pejling(['check', 'truncated.json', '--json'], cwd),
    ]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('unknown-status.json: /actionPlans/0/initiatives/0/status: must be one of');
    expect(plain.stderr).toBe('unknown-status.json: not a valid strategy file; nothing checked\n');
    expect(json.code).toBe(1);
    expect(json.stdout).toBe('');
    expect(json.stderr).toMatch(/^truncated\.json: afkortet JSON: filen slutter for tidligt i linje \d+, kolonne \d+/);
    expect(plain.stderr + json.stderr).not.toMatch(STACK_LINE);
  });

  it('reports each open comment thread of a v2 file as unresolved-comments (warnings: exit 0)', async () => {
    const file = join(repoRoot, 'test/fixtures/strategies/with-comments.json');
    const [json, table] = await Promise.all([pejling(['check', file, '--json']), pejling(['check', file, '--lang', 'en'])]);
    expect(json.code).toBe(0);
    const findings = (JSON.parse(json.stdout) as JsonFinding[]).filter((f) => f.code === 'unresolved-comments');
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.path}`)).toEqual([
      'warning vision /comments/0',
      'warning fa-1 /comments/1',
      'warning fa-1 /comments/3',
      'warning g-1 /comments/4',
    ]);
    expect(findings[0]?.message).toContain('»altid åben«');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('warning  unresolved-comments');
    expect(table.stdout).toContain('A comment thread on "Selvbetjening skal virke på mobilen." in a focus area "Selvbetjening" is not resolved');
  });

  it('documents the exit status in --help', async () => {
    const r = await pejling(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0  no finding of severity "error" (warnings alone do not fail)');
    expect(r.stdout).toContain('1  at least one finding of severity "error"');
  });
});
