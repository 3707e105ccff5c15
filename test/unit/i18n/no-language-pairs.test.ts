// The lint rule pejling's no-language-pairs (eslint-rules/) bites through the project's real eslint.config.js on a
// file placed in main/ and in shared/, and leaves language codes, locales and catalog reads alone.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function pairErrors(fixture: string, as: string): Promise<{ line: number; message: string }[]> {
  const code = await readFile(join(root, 'test/fixtures/lint/i18n', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(root, as) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'pejlingPairs/no-language-pairs').map((m) => ({ line: m.line, message: m.message }));
}

describe('pejling no-language-pairs', () => {
  for (const as of ['main/cli/commands/probe.ts', 'shared/export/probe.ts', 'renderer/src/views/probe.ts']) {
    it(`fails on a choice by language between two texts and on a {da, en} pair (${as.split('/')[0]}/)`, async () => {
      const errors = await pairErrors('LanguagePairs.ts', as);
      expect(errors.map((e) => e.line)).toEqual([5, 9, 12]);
      expect(errors[0]!.message).toContain('shared/i18n/catalog');
    });
  }

  it('passes locales, language codes, non-text values and text read from the catalog', async () => {
    expect(await pairErrors('LanguageValues.ts', 'main/cli/commands/probe.ts')).toEqual([]);
  });
});
