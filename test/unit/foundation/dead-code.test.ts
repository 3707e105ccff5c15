// `npm test` runs knip over the repository with knip.jsonc (scripts/test.js). This proves that step can fail: the
// same config, run over a small project in test/fixtures/lint/knip, exits non-zero and names an unused export, an
// unused file and an unused dependency.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface KnipIssue {
  file: string;
  files: { name: string }[];
  exports: { name: string }[];
  dependencies: { name: string }[];
}

describe('dead-code check (knip)', () => {
  it('fails on an unused export, an unused file and an unused dependency', () => {
    const knip = join(process.cwd(), 'node_modules/.bin/knip');
    const run = spawnSync(knip, ['--directory', 'test/fixtures/lint/knip', '--config', '../../../../knip.jsonc', '--no-progress', '--reporter', 'json'], {
      cwd: process.cwd(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(1);
    const { issues } = JSON.parse(run.stdout) as { issues: KnipIssue[] };
    const found = issues.flatMap((i) => [
      ...i.files.map((f) => `file ${f.name}`),
      ...i.exports.map((e) => `export ${i.file}:${e.name}`),
      ...i.dependencies.map((d) => `dependency ${d.name}`),
    ]);
    expect(found.sort()).toEqual(['dependency left-pad', 'export main/used.ts:unusedHelper', 'file main/orphan.ts']);
  });
});
