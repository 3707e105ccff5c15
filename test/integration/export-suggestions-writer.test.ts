// The Word writer's side of "med forslag", case by case, on the document.xml it writes (shared/export/docx/
// suggestions.ts): a suggested removal of italics keeps the old formatting in w:rPrChange; a formatting change
// in a bold lead-in keeps the lead-in's bold as it was; of several suggested titles for one field Word gets the
// oldest (it holds one replacement); suggestions and comments go together; a plan part shows suggested titles
// too; and without the option none of it is there.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocxDetailed, type ExportDocxOptions } from '../../shared/export/docx/export-docx';
import type { HouseStyle } from '../../shared/export/house-style';
import type { StrategyFile } from '../../shared/format/schema';
import { formatProblem, validateStrategyFile } from '../../shared/format/validate';
import { loadHouseStyle } from '../../main/export/styles';
import { repoRoot } from './export-helpers';

let work: string;
let style: HouseStyle;
let base: StrategyFile;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pejling-suggestions-writer-'));
  style = (await loadHouseStyle('neutral')).style;
  const raw = JSON.parse(await readFile(join(repoRoot, 'test/fixtures/strategies/with-suggestions.json'), 'utf8')) as unknown;
  const result = validateStrategyFile(raw);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  base = result.strategy;
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function documentXml(strategy: StrategyFile, options: Partial<ExportDocxOptions> = {}): Promise<string> {
  const result = await exportDocxDetailed(strategy, { part: 'strategy', style, estimate: 'quick', now: new Date('2026-04-01T12:00:00Z'), ...options });
  const file = join(work, `${Math.random().toString(36).slice(2)}.docx`);
  await writeFile(file, result.bytes);
  const { stdout } = await promisify(execFile)('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

const withBody = (strategy: StrategyFile, body: unknown): StrategyFile => {
  const copy = structuredClone(strategy);
  copy.perspectives[0]!.focusAreas[1]!.body = body as StrategyFile['perspectives'][0]['focusAreas'][0]['body'];
  copy.suggestions!.push({ id: 'sg-x', author: 'Dorte Kjær', date: '2026-03-20T10:00:00+01:00' });
  return copy;
};

describe('the Word writer with suggestions', () => {
  it('a suggested removal of italics: the run without it, the italics kept in w:rPrChange', async () => {
    const strategy = withBody(base, {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Data deles ' },
            { type: 'text', text: 'altid', marks: [{ type: 'modification', attrs: { id: 'sg-x', type: 'mark', attrName: 'em', previousValue: { type: 'em' }, newValue: null } }] },
            { type: 'text', text: ' med samtykke.' },
          ],
        },
      ],
    });
    const xml = await documentXml(strategy, { suggestions: true });
    expect(xml).toMatch(
      /<w:r><w:rPr><w:rPrChange w:id="\d+" w:author="Dorte Kjær" w:date="2026-03-20T09:00:00Z"><w:rPr><w:b w:val="false"\/><w:bCs w:val="false"\/><w:i\/><w:iCs\/><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">altid<\/w:t><\/w:r>/,
    );
    const published = await documentXml(strategy);
    expect(published).not.toContain('w:rPrChange');
    // published: the suggestion is not applied, so the word is still italic
    expect(published).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">altid<\/w:t><\/w:r>/);
  });

  it('a formatting change inside a bold lead-in (a heading too deep for the outline) keeps the lead-in bold before and after', async () => {
    const strategy = withBody(base, {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Overblik' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Samtykke' }] },
        {
          type: 'heading',
          attrs: { level: 3 },
          content: [{ type: 'text', text: 'Fælles regler', marks: [{ type: 'em' }, { type: 'modification', attrs: { id: 'sg-x', type: 'mark', attrName: 'em', previousValue: null, newValue: { type: 'em' } } }] }],
        },
      ],
    });
    const xml = await documentXml(strategy, { suggestions: true });
    const run = /<w:r><w:rPr>((?:(?!<\/w:r>).)*)<\/w:rPr><w:t xml:space="preserve">Fælles regler<\/w:t><\/w:r>/.exec(xml)?.[1] ?? '';
    expect(run).toMatch(/^<w:b\/><w:bCs\/><w:i\/><w:iCs\/><w:rPrChange [^>]*w:author="Dorte Kjær"[^>]*><w:rPr><w:b\/><w:bCs\/><w:i w:val="false"\/><w:iCs w:val="false"\/><\/w:rPr><\/w:rPrChange>$/);
  });

  it('of several suggested titles for one field, Word gets the oldest as a tracked replacement', async () => {
    const strategy = structuredClone(base);
    strategy.fieldSuggestions!.push({ id: 'fs-later', target: { id: 'fa-selvbetjening', field: 'title' }, text: 'Nem selvbetjening', author: 'Carla Friis', date: '2026-03-21T08:00:00Z' });
    const xml = await documentXml(strategy, { suggestions: true });
    expect(xml).toContain('Selvbetjening på borgernes præmisser');
    expect(xml).not.toContain('Nem selvbetjening');
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Bo Lind" w:date="2026-03-10T09:20:00Z"><w:r><w:delText xml:space="preserve">Selvbetjening<\/w:delText>/);
  });

  it('suggestions and comments go together: the comment on its text, the suggestion as a tracked change', async () => {
    const strategy = structuredClone(base);
    strategy.comments = [
      { id: 'c-1', target: { id: 'fa-selvbetjening', field: 'body', quote: 'tilfredsheden' }, messages: [{ id: 'c-1-a', author: 'Eva Nørgaard', date: '2026-03-15T09:00:00+01:00', text: 'Hvordan måler vi den?' }] },
    ];
    const xml = await documentXml(strategy, { suggestions: true, comments: true });
    expect(xml).toMatch(/<w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">tilfredsheden/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Bo Lind"[^>]*><w:r><w:t xml:space="preserve"> og offentliggør resultatet<\/w:t>/);
  });

  it('a plan part shows an initiative\'s suggested title as a tracked replacement too', async () => {
    const xml = await documentXml(base, { suggestions: true, part: 'plan:ap-2026' });
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Bo Lind"[^>]*><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Selvbetjening med MitID og digital fuldmagt<\/w:t>/);
    const published = await documentXml(base, { part: 'plan:ap-2026' });
    expect(published).not.toContain('digital fuldmagt');
    expect(published).not.toMatch(/<w:(ins|del) /);
  });

  it('a redline compares the published texts: asking for suggestions with it is refused', async () => {
    await expect(exportDocxDetailed(base, { part: 'strategy', style, estimate: 'quick', suggestions: true, compare: { old: base, author: 'X', date: '2026-04-01T00:00:00Z' } })).rejects.toThrow(/published texts/);
  });
});
