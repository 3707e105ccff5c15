// Guidance is guidance (issue 16): a template's hints live beside the fields, never in them; the check finds
// guidance that stands as content (old documents, or a hint typed or pasted in).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkStrategy } from '../../../shared/check';
import type { StrategyFile } from '../../../shared/format/schema';
import { formatProblem, parseStrategyText } from '../../../shared/format/validate';
import { exportStrategy, importStrategy, META_ID, readHint, StrategyModel, VISION_ID } from '../../../shared/model';

const root = join(import.meta.dirname, '../../..');
function load(file: string): StrategyFile {
  const result = parseStrategyText(readFileSync(join(root, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.problems.map(formatProblem).join('; ')}`);
  return result.strategy;
}
const TEMPLATES = ['kk', 'odder', 'brk'] as const;
const hintCount = (s: StrategyFile): number => Object.values(s.hints ?? {}).reduce((n, fields) => n + Object.keys(fields).length, 0);
/** Every string of the file outside `hints`. */
function contentText(s: StrategyFile): string {
  const { hints: _hints, ...content } = s;
  return JSON.stringify(content);
}

describe('the templates carry their guidance as hints', () => {
  for (const name of TEMPLATES) {
    it(`${name}: the content holds no guidance, the hints hold all of it`, () => {
      const file = load(`templates/strategies/${name}.json`);
      expect(hintCount(file)).toBeGreaterThan(5);
      expect(contentText(file)).not.toMatch(/Hjælpetekst|"Skriv |"Beskriv /);
      for (const text of Object.values(file.hints ?? {}).flatMap((f) => Object.values(f))) expect(contentText(file)).not.toContain(text.slice(0, 40));
    });

    it(`${name}: a document made from it keeps the hints beside empty fields, and writes them back as hints only`, () => {
      const file = load(`templates/strategies/${name}.json`);
      const doc = importStrategy(file);
      const model = new StrategyModel(doc);
      for (const [target, fields] of Object.entries(file.hints ?? {})) {
        const id = target === 'vision' ? VISION_ID : target === 'meta' ? META_ID : target;
        for (const [field, text] of Object.entries(fields)) {
          expect(readHint(doc, id, field)).toBe(text);
          // The field itself is empty: the hint is no content.
          if (field === 'text') expect(model.get('goal', id)?.text).toBe('');
          else if (field === 'subtitle') expect(model.getMeta().subtitle ?? '').toBe('');
          else expect(model.getRich(id, field as 'body') ?? '').toBe('');
        }
      }
      const out = exportStrategy(doc);
      expect(out.hints).toEqual(file.hints);
      expect(contentText(out)).not.toMatch(/Hjælpetekst|"Skriv |"Beskriv /);
      // Through a Yjs update (what sync and storage do) the hints arrive too.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      expect(exportStrategy(copy).hints).toEqual(file.hints);
    });
  }

  it('typing into a field leaves its hint alone; a deleted item’s hint is not written', () => {
    const doc = importStrategy(load('templates/strategies/kk.json'));
    const model = new StrategyModel(doc);
    model.update('goal', 'g-digitale-losninger-1', { text: 'Halvdelen af henvendelserne er digitale i 2012.' });
    expect(readHint(doc, 'g-digitale-losninger-1', 'text')).toMatch(/^Skriv en målsætning/);
    expect(readHint(doc, META_ID, 'subtitle')).toBe('Skriv en kort undertitel eller et slogan');
    model.delete('s-forord');
    const out = exportStrategy(doc);
    expect(out.hints?.['s-forord']).toBeUndefined();
    expect(out.hints?.['g-digitale-losninger-1']?.text).toMatch(/^Skriv en målsætning/);
    expect(out.perspectives[0]?.focusAreas[0]?.goals?.[0]?.text).toBe('Halvdelen af henvendelserne er digitale i 2012.');
  });
});

describe('template-text', () => {
  const templateText = (s: StrategyFile) => checkStrategy(s).filter((f) => f.code === 'template-text');

  for (const name of TEMPLATES) {
    it(`${name}: a document made from the template before hints gets one warning per guidance field, with the field`, () => {
      const old = load(`test/fixtures/templates-2026/${name}.json`);
      const current = load(`templates/strategies/${name}.json`);
      const findings = templateText(old);
      expect(findings.length).toBe(hintCount(current));
      expect(findings.every((f) => f.severity === 'warning')).toBe(true);
      // Each finding points at a field that holds guidance in the old file, and names the field.
      for (const f of findings) {
        const value = f.path.split('/').slice(1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], old);
        expect(typeof value).toBe('string');
        expect(value as string).toMatch(/^(Hjælpetekst: |Skriv )/);
        expect(f.path).toMatch(/\/(body|statement|intro|text|subtitle|description)$/);
      }
    });

    it(`${name}: the current template, unchanged, has no template-text finding`, () => {
      expect(templateText(load(`templates/strategies/${name}.json`))).toEqual([]);
    });
  }

  it('names the field and the item, in Danish and English', () => {
    const old = load('test/fixtures/templates-2026/kk.json');
    const [subtitle, forord] = templateText(old);
    expect(subtitle).toMatchObject({ id: 'meta', path: '/meta/subtitle' });
    expect(subtitle?.message).toContain('Undertitlen på forsiden');
    expect(forord).toMatchObject({ id: 's-forord', path: '/sections/0/body' });
    expect(forord?.message).toContain('»Skriv en kort indledning til læseren.');
    const goal = checkStrategy(old, 'en').find((f) => f.code === 'template-text' && f.path.endsWith('/goals/0/text'));
    expect(goal?.message).toMatch(/^The goal of .*still the template’s guidance: “Skriv en målsætning/);
  });

  it('finds a hint typed or pasted into its own field, and the "Hjælpetekst:" label anywhere, but not the user’s own text', () => {
    const file = load('templates/strategies/kk.json');
    const hint = file.hints!['vision']!['statement']!;
    file.vision.statement = `**${hint}**`;
    file.sections![0]!.body = 'Hjælpetekst: noget vi har skrevet selv, men med etiketten stående';
    file.sections![1]!.body = 'Strategien bygger på kommunens værdigrundlag og gælder alle forvaltninger.';
    file.perspectives[0]!.focusAreas[0]!.goals![0]!.text = 'Skriv en målsætning, der kan måles, fx andelen af henvendelser der sker digitalt.';
    const found = templateText(file).map((f) => f.path);
    expect(found).toEqual(['/sections/0/body', '/vision/statement', '/perspectives/0/focusAreas/0/goals/0/text']);
  });
});
