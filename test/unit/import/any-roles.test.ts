// Whatever roles the user gives the headings in the preview, the import is a strategy the format accepts, and
// no paragraph's text is lost unless its heading was set to "ignorér" (property test over random role choices).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateStrategyFile } from '../../../shared/format/validate';
import { buildStrategy } from '../../../shared/import/build';
import { HEADING_ROLES, recogniseOutline } from '../../../shared/import/recognise';
import { bold, bullet, doc, h, numbered, p, table } from './helpers';

const RAW = doc(
  p('Strategi for Bakkeby 2025–2028', { name: 'Title' }),
  h(1, 'Indledning'),
  p('tekst-indledning'),
  h(1, 'Vision'),
  p('tekst-vision'),
  h(2, 'Principper'),
  numbered([{ text: 'tekst-princip', bold: true }]),
  h(1, 'Borgere'),
  p('tekst-borgere'),
  h(2, 'Service'),
  p('tekst-service'),
  bold('Målsætninger'),
  bullet('tekst-mål'),
  h(3, 'Baggrund'),
  p('tekst-baggrund'),
  h(1, 'Handlingsplan 2025'),
  table([
    ['Initiativ', 'Indsatsområde', 'Ansvarlig'],
    ['tekst-initiativ', 'Service', 'Borgerservice'],
  ]),
  h(1, 'Om strategien'),
  p('Udarbejdet af: tekst-om'),
);

const TEXTS = ['tekst-indledning', 'tekst-vision', 'tekst-princip', 'tekst-borgere', 'tekst-service', 'tekst-mål', 'tekst-baggrund', 'tekst-initiativ'];

describe('any roles chosen in the preview', () => {
  it('give a valid strategy that keeps the text of every heading not ignored', () => {
    const outline = recogniseOutline(RAW);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...HEADING_ROLES), { minLength: outline.headings.length, maxLength: outline.headings.length }), (roles) => {
        const confirmed = { ...outline, headings: outline.headings.map((heading, i) => ({ ...heading, role: roles[i]! })) };
        const { strategy } = buildStrategy(RAW, confirmed, { now: new Date('2026-01-01T00:00:00Z') });
        const valid = validateStrategyFile(strategy);
        expect(valid.ok, JSON.stringify(valid.ok ? [] : valid.problems.slice(0, 3))).toBe(true);
        if (roles.some((role) => role === 'ignore' || role === 'about')) return;
        const json = JSON.stringify(strategy);
        for (const text of TEXTS) expect(json, `${text} with roles ${roles.join(', ')}`).toContain(text);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('keeps a link only to a web or mail address', () => {
    const raw = doc(h(1, 'Vision'), p([{ text: 'godt', href: 'https://bakkeby.dk' }, { text: ' og ' }, { text: 'skidt', href: 'javascript:alert(1)' }]));
    const { strategy } = buildStrategy(raw, recogniseOutline(raw));
    expect(strategy.vision.statement).toBe('[godt](https://bakkeby.dk) og skidt');
  });
});
