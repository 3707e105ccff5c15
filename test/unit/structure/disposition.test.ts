// The disposition (shared/export/strategy-index.ts) against the Word export's own heading outline, on
// generated strategies: free sections in every placement (unnumbered forewords among them), headings
// inside rich text (at the top, in quotes, in lists, skipping levels), hidden perspectives in runs,
// empty titles, plans and "Om strategien" present or not. Whatever the strategy, the two agree
// heading for heading: the numbers a user reads in the Disposition are the Word document's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHouseStyle } from '../../../main/export/styles';
import { exportDocxDetailed } from '../../../shared/export/docx/export-docx';
import { strategyDisposition } from '../../../shared/export/strategy-index';
import type { StrategyFile } from '../../../shared/format/schema';

const title = fc.constantFrom('Indledning', 'Data og "deling"', '', '  ', 'Borgere', 'Plan 2009-2010', 'It-arkitektur');
const heading = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('Baggrund', 'Mål', '', 'Det "nye" arbejde'));
/** Markdown with headings in the places rich text can have them. */
const rich = fc
  .array(
    fc.oneof(
      fc.constant('Et afsnit med tekst.'),
      heading.map(([level, text]) => `${'#'.repeat(level)} ${text}`),
      heading.map(([level, text]) => `> ${'#'.repeat(level)} ${text}\n>\n> Citat.`),
      heading.map(([level, text]) => `- Punkt\n\n  ${'#'.repeat(level)} ${text}`),
    ),
    { maxLength: 4 },
  )
  .map((blocks) => blocks.join('\n\n'));

let ids = 0;
const id = () => `x${++ids}`;

const strategy = fc
  .record({
    sections: fc.array(
      fc.record({
        title,
        body: rich,
        placement: fc.constantFrom(undefined, 'beforeVision', 'afterVision', 'afterPerspectives', 'end'),
        unnumbered: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    statement: rich,
    visionBody: rich,
    principles: fc.integer({ min: 0, max: 2 }),
    bearings: fc.integer({ min: 0, max: 2 }),
    perspectives: fc.array(
      fc.record({ title, hidden: fc.boolean(), intro: rich, principles: fc.integer({ min: 0, max: 1 }), focusAreas: fc.array(fc.record({ title, body: rich }), { maxLength: 3 }) }),
      { minLength: 1, maxLength: 4 },
    ),
    plans: fc.array(fc.record({ title, intro: rich }), { maxLength: 2 }),
    contact: fc.constantFrom(undefined, '', 'Digitalisering'),
  })
  .map((g): StrategyFile => {
    const statements = (n: number) => Array.from({ length: n }, () => ({ id: id(), title: 'Princip' }));
    return {
      format: 'pejling-strategy',
      formatVersion: 2,
      meta: { title: 'Strategi', organisation: 'Kommune', period: { from: 2025, to: 2028 }, ...(g.contact !== undefined ? { contact: g.contact } : {}) },
      sections: g.sections.map((s) => ({ id: id(), title: s.title, body: s.body, ...(s.placement ? { placement: s.placement } : {}), ...(s.unnumbered ? { unnumbered: true } : {}) })),
      vision: { statement: g.statement, body: g.visionBody, principles: statements(g.principles), bearings: statements(g.bearings) },
      perspectives: g.perspectives.map((p) => ({
        id: id(),
        title: p.title,
        ...(p.hidden ? { hidden: true } : {}),
        intro: p.intro,
        principles: statements(p.principles),
        focusAreas: p.focusAreas.map((fa) => ({ id: id(), title: fa.title, body: fa.body })),
      })),
      actionPlans: g.plans.map((plan) => ({ id: id(), title: plan.title, kind: 'common', period: { from: 2025, to: 2026 }, intro: plan.intro, initiatives: [] })),
    };
  });

describe('the disposition', () => {
  it('agrees with the Word export heading for heading (level, number, title)', async () => {
    const { style } = await loadHouseStyle('kommune');
    await fc.assert(
      fc.asyncProperty(strategy, fc.boolean(), async (file, numbered) => {
        const houseStyle = { ...style, headings: { ...style.headings, numbered } };
        const { headings } = await exportDocxDetailed(file, { part: 'strategy', style: houseStyle, estimate: 'quick' });
        const disposition = strategyDisposition(file, { numbered });
        expect(disposition.map(({ level, number, title }) => ({ level, number, title }))).toEqual(headings.map(({ level, number, title }) => ({ level, number, title })));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('numbers the chapter after an unnumbered foreword 1 and leaves the foreword and its own headings without a number', () => {
    const file: StrategyFile = {
      format: 'pejling-strategy',
      formatVersion: 2,
      meta: { title: 'Strategi', organisation: 'Kommune', period: { from: 2025, to: 2028 } },
      sections: [{ id: 'forord', title: 'Forord', body: '## Tak\n\nTekst.', placement: 'beforeVision', unnumbered: true }, { id: 'bilag', title: 'Bilag', body: 'Tekst.' }],
      vision: { statement: 'Vision.' },
      perspectives: [{ id: 'p', title: 'Borgere', focusAreas: [{ id: 'fa', title: 'Selvbetjening', body: '' }] }],
    };
    expect(strategyDisposition(file, { numbered: true }).map((e) => [e.number, e.title])).toEqual([
      ['', 'Forord'],
      ['', 'Tak'],
      ['1', 'Vision'],
      ['2', 'Borgere'],
      ['2.1', 'Selvbetjening'],
      // A section without a placement stands at the end (docs/format.md), not after the vision.
      ['3', 'Bilag'],
    ]);
  });
});
