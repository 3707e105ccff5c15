// The lint rule pejling/no-literal-ui-strings (eslint-rules/) bites through the project's real
// eslint.config.js on a component placed in renderer/, and leaves text from the catalog alone.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function literalErrors(fixture: string): Promise<{ line: number; message: string }[]> {
  const code = await readFile(join(root, 'test/fixtures/lint/i18n', fixture), 'utf8');
  // Linted as if it were a component in renderer/, where the rule applies.
  const [result] = await eslint.lintText(code, { filePath: join(root, 'renderer/src/views/Probe.tsx') });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'pejling/no-literal-ui-strings').map((m) => ({ line: m.line, message: m.message }));
}

describe('pejling/no-literal-ui-strings', () => {
  it('fails on JSX text and literal title/aria-label/placeholder/alt in a component', async () => {
    const errors = await literalErrors('LiteralText.tsx');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('aria-label attribute "Indstillinger"'),
      expect.stringContaining('"Gem ændringer"'),
      expect.stringContaining('placeholder attribute "Skriv her…"'),
      expect.stringContaining('title attribute "Slet"'),
      expect.stringContaining('alt attribute "Kommunens logo"'),
      expect.stringContaining('"Ingen fund"'),
    ]);
  });

  it('passes text from the catalog, punctuation and attributes that are not shown', async () => {
    expect(await literalErrors('CatalogText.tsx')).toEqual([]);
  });
});
