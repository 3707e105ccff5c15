// The recogniser and the builder on hand-written documents: headings from Danish style ids and built-in names,
// typed numbers stripped, cover / table of contents / page lines set aside, the vision with its principles,
// perspectives and focus areas (also without a perspective level), goals after a label, action-plan tables to
// initiatives with linked focus areas and deduplicated owners, levels overridden, and nothing dropped silently.
import { describe, expect, it } from 'vitest';
import { validateStrategyFile } from '../../../shared/format/validate';
import { buildStrategy } from '../../../shared/import/build';
import { applyLevels, recogniseOutline } from '../../../shared/import/recognise';
import { formatReport } from '../../../shared/import/report';
import { richToPlainText } from '../../../shared/richtext';
import { bold, bullet, doc, h, numbered, p, table } from './helpers';

function importOf(raw: ReturnType<typeof doc>, options: Parameters<typeof recogniseOutline>[1] = {}) {
  const outline = recogniseOutline(raw, options);
  const result = buildStrategy(raw, outline, { now: new Date('2026-06-01T00:00:00Z') });
  const valid = validateStrategyFile(result.strategy);
  expect(valid.ok, JSON.stringify(valid.ok ? [] : valid.problems)).toBe(true);
  return { outline, ...result, lines: formatReport(result.report, 'da') };
}

const COVER = [p('Digitaliseringsstrategi 2025–2028', { id: 'Titel', name: 'Title' }), p('Bakkeby Kommune'), p('Indholdsfortegnelse'), p('1 Indledning\t3'), p('2 Vision\t4')];

describe('headings', () => {
  it('takes the level from Danish style ids, built-in names and "Heading N", and strips typed numbers', () => {
    const raw = doc(
      ...COVER,
      h(1, '1 Indledning'),
      p('Tekst.'),
      p('Vision', { id: 'Heading1', name: 'heading 1' }),
      p('Alle skal kunne.'),
      p('3 Borgere', { name: 'Overskrift 1' }),
      h(2, '3.1 Digital service'),
      p('Mere service.'),
    );
    const { outline } = importOf(raw);
    expect(outline.headings.map((x) => [x.level, x.number, x.title, x.role])).toEqual([
      [1, '1', 'Indledning', 'section'],
      [1, undefined, 'Vision', 'vision'],
      [1, '3', 'Borgere', 'perspective'],
      [2, '3.1', 'Digital service', 'focusArea'],
    ]);
    expect(outline.classes.slice(0, 5)).toEqual(['cover', 'cover', 'toc', 'toc', 'toc']);
  });

  it('shifts levels so that the highest heading used is level 1', () => {
    const { outline } = importOf(doc(h(2, 'Vision'), p('V.'), h(2, 'Borgere'), h(3, 'Service'), p('S.')));
    expect(outline.headings.map((x) => x.level)).toEqual([1, 1, 2]);
  });

  it('takes a bold line standing alone for a heading, but not a bold label, a list item or a bold "Label: value"', () => {
    const raw = doc(
      h(1, 'Vision'),
      p('V.'),
      h(1, 'Borgere'),
      bold('Digital service'),
      p('Tekst om service.'),
      bold('Målsætninger'),
      bullet('Flere bruger selvbetjening.'),
      p([{ text: 'Periode: ', bold: true }, { text: '2025–2028', bold: true }]),
      numbered([{ text: 'Et princip', bold: true }]),
    );
    const { outline, strategy } = importOf(raw);
    expect(outline.headings.map((x) => [x.title, x.source, x.level])).toEqual([
      ['Vision', 'style', 1],
      ['Borgere', 'style', 1],
      ['Digital service', 'bold', 2],
    ]);
    expect(strategy.perspectives[0]?.focusAreas[0]?.goals?.map((g) => g.text)).toEqual(['Flere bruger selvbetjening.']);
  });

  it('sets aside typed page lines and a generated table of contents', () => {
    const raw = doc(p('Indhold', { id: 'TOCHeading', name: 'TOC Heading' }), p('Vision\t3', { id: 'TOC1', name: 'toc 1' }), h(1, 'Vision'), p('V.'), p('Bakkeby Kommune Side 2 af 9'), p('Mere.'));
    const { strategy, lines } = importOf(raw);
    expect(richToPlainText(strategy.vision.body ?? '')).toBe('Mere.');
    expect(lines).toContain('Lagt til side: 2 linjer indholdsfortegnelse, 1 sidehoved-/sidefodslinje');
  });
});

describe('structure', () => {
  it('reads the cover, the vision with numbered principles, perspectives, focus areas and goals', () => {
    const raw = doc(
      ...COVER,
      h(1, 'Indledning'),
      p('Om strategien.'),
      h(1, 'Vision'),
      p('Bakkeby er digital.'),
      p('Mere om visionen.'),
      h(2, 'Principper'),
      numbered([{ text: 'Borgeren først', bold: true }]),
      p('Løsninger testes med brugerne.'),
      numbered([{ text: 'Data genbruges', bold: true }]),
      h(1, 'Borgere'),
      p('Intro til perspektivet.'),
      h(2, 'Digital service'),
      p([{ text: 'Service ' }, { text: 'nu', bold: true }, { text: ' med ' }, { text: 'link', href: 'https://bakkeby.dk' }]),
      bullet('et punkt i teksten'),
      p('Målsætninger', { id: 'Label', name: 'Label' }),
      bullet('Ni ud af ti bruger selvbetjening.'),
      bullet('Svartid under fem dage.'),
      p('Tekst efter målene.'),
      h(2, 'Åbne data'),
      p('Data udgives.'),
    );
    const { strategy } = importOf(raw);
    expect(strategy.meta).toMatchObject({ title: 'Digitaliseringsstrategi 2025–2028', organisation: 'Bakkeby Kommune', period: { from: 2025, to: 2028 } });
    expect(strategy.sections?.map((s) => [s.title, s.placement])).toEqual([['Indledning', 'beforeVision']]);
    expect(strategy.vision.statement).toBe('Bakkeby er digital.');
    expect(strategy.vision.principles?.map((x) => [x.title, x.body ?? ''])).toEqual([
      ['Borgeren først', 'Løsninger testes med brugerne.'],
      ['Data genbruges', ''],
    ]);
    const [perspective] = strategy.perspectives;
    expect(perspective?.title).toBe('Borgere');
    expect(perspective?.intro).toBe('Intro til perspektivet.');
    const [service, data] = perspective?.focusAreas ?? [];
    expect(service?.body).toBe('Service **nu** med [link](https://bakkeby.dk)\n\n- et punkt i teksten\n\nTekst efter målene.');
    expect(service?.goals?.map((g) => g.text)).toEqual(['Ni ud af ti bruger selvbetjening.', 'Svartid under fem dage.']);
    expect(data?.body).toBe('Data udgives.');
  });

  it('puts focus areas straight under an "Indsatsområder" chapter into a hidden perspective', () => {
    const raw = doc(h(1, 'Vision'), p('V.'), h(1, 'Indsatsområder'), p('Fire områder.'), h(2, 'Service'), p('S.'), h(2, 'Data'), p('D.'), h(1, 'Opfølgning'), p('Hvert år.'));
    const { strategy, lines } = importOf(raw);
    expect(strategy.perspectives).toHaveLength(1);
    expect(strategy.perspectives[0]).toMatchObject({ title: 'Indsatsområder', hidden: true, intro: 'Fire områder.' });
    expect(strategy.perspectives[0]?.focusAreas.map((fa) => fa.title)).toEqual(['Service', 'Data']);
    expect(strategy.sections?.map((s) => [s.title, s.placement])).toEqual([['Opfølgning', 'afterPerspectives']]);
    expect(lines).toContain('Uden perspektivniveau ("Indsatsområder"): 2 indsatsområder');
  });

  it('keeps a list that follows no goal label in the text, and a deeper heading as a subheading of its focus area', () => {
    const raw = doc(h(1, 'Vision'), p('V.'), h(1, 'Borgere'), h(2, 'Service'), bullet('ikke et mål'), h(3, 'Baggrund'), p('Historien.'));
    const { strategy } = importOf(raw);
    const service = strategy.perspectives[0]?.focusAreas[0];
    expect(service?.goals).toBeUndefined();
    expect(service?.body).toBe('- ikke et mål\n\n# Baggrund\n\nHistorien.');
  });

  it('reads an action-plan table: columns by header, focus areas linked by title, owners created once', () => {
    const raw = doc(
      h(1, 'Vision'),
      p('V.'),
      h(1, 'Borgere'),
      h(2, 'Digital service og selvbetjening'),
      p('S.'),
      h(2, 'Åbne data'),
      p('D.'),
      h(1, 'Handlingsplan 2025–2026'),
      table([
        ['Initiativ', 'Indsatsområde', 'Ansvarlig', 'Periode', 'Status', 'Budget'],
        ['Ny selvbetjening\nEn bedre formular.', 'Digital service og selvbetjening', 'Borgerservice', 'jan. 2025–jun. 2026', 'I gang', '1,2 mio. kr.'],
        ['Dataportal', 'Åbne data', 'borgerservice', '2026', 'Planlagt', '400.000 kr.'],
        ['Chatbot', 'Digital service', 'It-chef (Digitalisering)', 'Q2 2025', 'Gennemført', ''],
        ['Ukendt', 'Noget helt andet', 'Direktionen', '', 'Forsinket', ''],
      ]),
    );
    const { strategy, lines } = importOf(raw);
    const [plan] = strategy.actionPlans ?? [];
    expect(plan).toMatchObject({ title: 'Handlingsplan 2025–2026', kind: 'common', period: { from: 2025, to: 2026 } });
    const owners = new Map(strategy.owners?.map((o) => [o.id, o]));
    const focusAreas = new Map(strategy.perspectives.flatMap((x) => x.focusAreas).map((fa) => [fa.id, fa.title]));
    expect(
      plan?.initiatives.map((i) => ({
        title: i.title,
        owner: owners.get(i.ownerId ?? '')?.name,
        focusAreas: i.focusAreaIds.map((id) => focusAreas.get(id)),
        start: i.start,
        end: i.end,
        status: i.status,
        budget: i.budget?.amountDkk,
      })),
    ).toEqual([
      { title: 'Ny selvbetjening', owner: 'Borgerservice', focusAreas: ['Digital service og selvbetjening'], start: '2025-01', end: '2026-06', status: 'active', budget: 1_200_000 },
      { title: 'Dataportal', owner: 'Borgerservice', focusAreas: ['Åbne data'], start: '2026-01', end: '2026-12', status: 'planned', budget: 400_000 },
      { title: 'Chatbot', owner: 'It-chef', focusAreas: ['Digital service og selvbetjening'], start: '2025-04', end: '2025-06', status: 'done', budget: undefined },
      { title: 'Ukendt', owner: 'Direktionen', focusAreas: [], start: undefined, end: undefined, status: 'delayed', budget: undefined },
    ]);
    expect(plan?.initiatives[0]?.description).toBe('En bedre formular.');
    expect(strategy.owners?.map((o) => [o.name, o.kind, o.parentId ? owners.get(o.parentId)?.name : undefined])).toEqual([
      ['Borgerservice', 'unit', undefined],
      ['Digitalisering', 'unit', undefined],
      ['It-chef', 'person', 'Digitalisering'],
      ['Direktionen', 'forum', undefined],
    ]);
    expect(lines).toContain('Bemærk: initiativet "Ukendt" nævner indsatsområdet "Noget helt andet", som ikke findes i dokumentet');
  });
});

describe('roles by level and by heading', () => {
  const flat = doc(p('Strategi 2025–2028', { name: 'Title' }), h(1, 'Indledning'), p('I.'), h(1, 'Service'), p('S.'), h(1, 'Data'), p('D.'));

  it('--focus-area-level 1 --perspective-level 0: every chapter a focus area under one hidden perspective', () => {
    const { strategy } = importOf(flat, { perspectiveLevel: 0, focusAreaLevel: 1 });
    expect(strategy.perspectives.map((x) => [x.hidden, x.focusAreas.map((fa) => fa.title)])).toEqual([[true, ['Indledning', 'Service', 'Data']]]);
    expect(strategy.sections).toBeUndefined();
  });

  it('reports unrecognised chapters as free sections, and ignored headings with their text', () => {
    const outline = recogniseOutline(flat);
    expect(outline.headings.map((x) => x.role)).toEqual(['section', 'section', 'section']);
    const confirmed = { ...outline, headings: outline.headings.map((x, i) => (i === 2 ? { ...x, role: 'ignore' as const } : x)) };
    const { strategy, report } = buildStrategy(flat, confirmed);
    expect(strategy.sections?.map((s) => s.title)).toEqual(['Indledning', 'Service']);
    const lines = formatReport(report, 'da');
    expect(lines).toContain('Fri sektion "Indledning" (før visionen)');
    expect(lines).toContain('1 overskrift udeladt med deres tekst: Data');
    expect(lines).toContain('Ingen vision fundet: visionen er tom (giv en overskrift rollen "vision" for at hente den)');
  });

  it('keeps the vision and the plans when levels are overridden', () => {
    const raw = doc(h(1, 'Vision'), p('V.'), h(2, 'Principper'), numbered('Et'), h(1, 'Borgere'), h(2, 'Service'), p('S.'), h(1, 'Handlingsplaner'), h(2, 'Plan 2025'), table([['Initiativ', 'Ansvarlig'], ['A', 'B']]));
    const outline = applyLevels(recogniseOutline(raw), { perspectiveLevel: 0, focusAreaLevel: 2 });
    expect(outline.headings.map((x) => x.role)).toEqual(['vision', 'principles', 'focusAreas', 'focusArea', 'actionPlans', 'actionPlan']);
  });
});
