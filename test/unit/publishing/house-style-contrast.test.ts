// Issue 16: both bundled house styles meet WCAG 2.1 AA (4.5:1) for every text colour on every background the
// Word document sets it on, links included; a style file that does not is refused, naming the pair.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourPairs, contrastRatio, MIN_TEXT_CONTRAST } from '../../../shared/export/contrast';
import { parseHouseStyle } from '../../../shared/export/house-style';

const stylesDir = join(import.meta.dirname, '../../../templates/styles');
const read = (name: string): unknown => JSON.parse(readFileSync(join(stylesDir, `${name}.json`), 'utf8'));
const bundled = readdirSync(stylesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('WCAG contrast', () => {
  it('computes the ratios of WCAG’s definition', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('FFFFFF', 'FFFFFF')).toBeCloseTo(1, 5);
    // The figure for the kommune style's old link colour.
    expect(contrastRatio('2A8C82', 'FFFFFF')).toBeCloseTo(4.06, 2);
    expect(contrastRatio('767676', 'FFFFFF')).toBeCloseTo(4.54, 2); // the lightest grey that passes on white
  });

  it('the bundled styles are kommune and neutral', () => {
    expect(bundled.sort()).toEqual(['kommune', 'neutral']);
  });

  for (const name of bundled) {
    it(`${name}: every text colour on every background it is set on has at least 4.5:1`, () => {
      const style = parseHouseStyle(read(name), `${name}.json`);
      const pairs = colourPairs(style);
      expect(pairs.length).toBeGreaterThanOrEqual(13);
      const low = pairs.filter((p) => p.ratio < MIN_TEXT_CONTRAST).map((p) => `${p.text} on ${p.background}: ${p.ratio.toFixed(2)}`);
      expect(low).toEqual([]);
    });
  }

  it('a style with too little contrast is refused, naming the colour, the background and the ratio', () => {
    const style = read('kommune') as { colours: Record<string, string> };
    style.colours['accent'] = '2A8C82';
    expect(() => parseHouseStyle(style, 'egen.json')).toThrow(
      /House style egen\.json is invalid: \/colours\/accent: contrast 4\.06:1 on the page \(FFFFFF\), below 4\.5:1 \(WCAG 2\.1 AA\); \/colours\/accent: contrast 3\.62:1 on colours\/visionFill/,
    );
  });

  it('a style file with a malformed colour is refused by the schema first, with its path', () => {
    const style = read('neutral') as { colours: Record<string, string> };
    style.colours['text'] = 'black';
    expect(() => parseHouseStyle(style, 'egen.json')).toThrow(/\/colours\/text: a colour as six hex digits/);
  });
});
