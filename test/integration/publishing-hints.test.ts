// Issue 16, guidance is guidance, through the real command line: a strategy made from each template
// (`pejling new`) and exported unchanged (`pejling export --docx`) holds no guidance text in word/document.xml,
// while one made from the template as it was before hints does (so the test can fail), and `pejling check`
// reports that one's guidance as `template-text`, one finding per field with the field's JSON pointer. The
// bundled house styles' link colour passes 4.5:1 in the exported styles.xml.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../shared/export/contrast';
import { docxPart, pejling, repoRoot, tempDir } from './export-helpers';

/** The text of the Word document's body, runs joined as Word shows them. */
async function bodyText(docx: string): Promise<string> {
  const xml = await docxPart(docx, 'word/document.xml');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The beginnings of every hint of a template, as they would read in Word (no list dashes). */
async function hintStarts(name: string): Promise<string[]> {
  const file = JSON.parse(await readFile(path.join(repoRoot, `templates/strategies/${name}.json`), 'utf8')) as { hints: Record<string, Record<string, string>> };
  return Object.values(file.hints).flatMap((fields) => Object.values(fields).map((text) => text.slice(0, 40)));
}

describe('a strategy made from a template and exported unchanged', () => {
  for (const name of ['kk', 'odder', 'brk'] as const) {
    it(`${name}: the Word document contains no guidance text`, async () => {
      const dir = await tempDir(`pejling-hints-${name}-`);
      const json = path.join(dir, `${name}.json`);
      const docx = path.join(dir, `${name}.docx`);
      expect((await pejling(['new', '--template', name, '--out', json])).code).toBe(0);
      const exported = await pejling(['export', json, '--docx', docx]);
      expect(exported.code, exported.stderr).toBe(0);
      const text = await bodyText(docx);
      // The document is there (its chapters), the guidance is not.
      expect(text).toContain('Vision');
      expect(text).not.toMatch(/Hjælpetekst|Skriv en målsætning|Skriv en kort undertitel/);
      const starts = await hintStarts(name);
      expect(starts.length).toBeGreaterThan(5);
      for (const start of starts) expect(text).not.toContain(start);
      // The check has nothing to say about guidance.
      const check = await pejling(['check', json, '--json']);
      expect((JSON.parse(check.stdout) as { code: string }[]).filter((f) => f.code === 'template-text')).toEqual([]);
    });
  }
});

describe('a strategy made from the kk template before hints', () => {
  const old = path.join(repoRoot, 'test/fixtures/templates-2026/kk.json');

  it('exports its guidance as content (what the hints prevent)', async () => {
    const dir = await tempDir('pejling-hints-old-');
    const docx = path.join(dir, 'old.docx');
    expect((await pejling(['export', old, '--docx', docx])).code).toBe(0);
    const text = await bodyText(docx);
    expect(text).toContain('Hjælpetekst: Skriv en kort indledning til læseren.');
    expect(text).toContain('Skriv en målsætning for ledelsesinformation.');
  });

  it('gets a template-text warning per field, with the field', async () => {
    const r = await pejling(['check', old, '--json']);
    const findings = (JSON.parse(r.stdout) as { code: string; severity: string; id: string; path: string; message: string }[]).filter((f) => f.code === 'template-text');
    expect(findings).toHaveLength(45);
    expect(findings.slice(0, 3).map((f) => `${f.severity} ${f.id} ${f.path}`)).toEqual([
      'warning meta /meta/subtitle',
      'warning s-forord /sections/0/body',
      'warning s-udgangspunkt /sections/1/body',
    ]);
    expect(findings.filter((f) => f.path.endsWith('/text'))).toHaveLength(13);
    // The text output says it too, in the document's language.
    const plain = await pejling(['check', old]);
    expect(plain.stdout).toMatch(/advarsel\s+template-text\s+s-forord\s+Teksten i et afsnit "Forord" er stadig skabelonens hjælpetekst/);
  });
});

describe('the exported Word document’s link colour', () => {
  for (const style of ['kommune', 'neutral'] as const) {
    it(`${style}: the Hyperlink style's colour has at least 4.5:1 on the page`, async () => {
      const dir = await tempDir(`pejling-contrast-${style}-`);
      const docx = path.join(dir, 'brk.docx');
      const json = path.join(dir, 'brk.json');
      expect((await pejling(['new', '--template', 'brk', '--out', json])).code).toBe(0);
      expect((await pejling(['export', json, '--docx', docx, '--style', style])).code).toBe(0);
      const styles = await docxPart(docx, 'word/styles.xml');
      const hyperlink = /<w:style [^>]*w:styleId="Hyperlink"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
      const colour = /<w:color w:val="([0-9A-Fa-f]{6})"/.exec(hyperlink)?.[1];
      expect(colour, hyperlink).toBeDefined();
      expect(contrastRatio(colour!, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
    });
  }
});
