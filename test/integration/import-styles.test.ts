// Word documents written in other tools' and people's styles (made by test/fixtures/docx/make-docx.ts) import
// with every focus area under its perspective, ≥ 90 % of the focus areas' text in the right focus area, ≥ 80 %
// of the goals as goals, and every action-plan row as an initiative linked to its owner and focus area; the
// report names what became a free section. Runs the real `pejling import` on real .docx files.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../shared/format/schema';
import { richToPlainText } from '../../shared/richtext';
import { makeStrategyDocx, type FixtureStrategy, type FixtureStyle } from '../fixtures/docx/make-docx';
import { renamed, solbjerg } from '../fixtures/docx/strategies';
import { pejling, tempDir } from './export-helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('import-styles');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PLAN_COLUMNS: FixtureStyle['columns'] = ['Initiativ', 'Indsatsområde', 'Ansvarlig', 'Periode', 'Status', 'Budget'];

const VARIANTS: { name: string; spec: FixtureStrategy; style: FixtureStyle; args?: string[] }[] = [
  {
    name: 'Danish style ids and typed heading numbers',
    spec: solbjerg,
    style: { headings: 'danish', typedNumbers: true, perspectiveLevel: true, goalLabel: 'Målsætninger', columns: PLAN_COLUMNS, pageLines: 'footer' },
  },
  {
    name: 'no perspective level, other column names',
    spec: renamed(solbjerg, 'Havnby Kommune'),
    style: { headings: 'builtin', typedNumbers: false, perspectiveLevel: false, goalLabel: 'Mål:', columns: ['Projekt', 'Fokusområde', 'Projektejer', 'Tidsplan', 'Status', 'Økonomi'], pageLines: 'footer' },
  },
  {
    name: 'bold paragraphs as headings, typed page lines',
    spec: renamed(solbjerg, 'Egeskov Kommune'),
    style: { headings: 'bold', typedNumbers: true, perspectiveLevel: true, goalLabel: 'Succeskriterier', columns: PLAN_COLUMNS, pageLines: 'typed' },
  },
];

const plain = (rich: StrategyFile['vision']['statement'] | undefined) => (rich === undefined ? '' : richToPlainText(rich).replace(/\s+/g, ' '));

describe('Word documents in other styles', () => {
  it.each(VARIANTS)('$name', async ({ spec, style }) => {
    const docx = path.join(dir, `${spec.organisation}.docx`);
    const out = path.join(dir, `${spec.organisation}.json`);
    await writeFile(docx, await makeStrategyDocx(spec, style));
    const result = await pejling(['import', docx, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const strategy = JSON.parse(await readFile(out, 'utf8')) as StrategyFile;

    expect(strategy.meta.title).toBe(spec.title);
    expect(strategy.meta.organisation).toBe(spec.organisation);
    expect(strategy.meta.period).toEqual({ from: 2024, to: 2027 });
    expect(plain(strategy.vision.statement)).toBe(spec.vision.statement);
    expect((strategy.vision.principles ?? []).map((p) => p.title)).toEqual(spec.vision.principles.map((p) => p.title));

    // Every focus area under its perspective (one hidden perspective when the document has no such level).
    const expected = style.perspectiveLevel
      ? spec.perspectives.map((p) => ({ title: p.title, hidden: false, focusAreas: p.focusAreas.map((fa) => fa.title) }))
      : [{ title: 'Indsatsområder', hidden: true, focusAreas: spec.perspectives.flatMap((p) => p.focusAreas.map((fa) => fa.title)) }];
    expect(strategy.perspectives.map((p) => ({ title: p.title, hidden: p.hidden === true, focusAreas: p.focusAreas.map((fa) => fa.title) }))).toEqual(expected);

    // ≥ 90 % of the focus areas' paragraphs in the right focus area, ≥ 80 % of the goals as goals.
    const imported = new Map(strategy.perspectives.flatMap((p) => p.focusAreas).map((fa) => [fa.title, fa]));
    let paragraphs = 0;
    let placed = 0;
    let goals = 0;
    let goalsFound = 0;
    for (const fa of spec.perspectives.flatMap((p) => p.focusAreas)) {
      const got = imported.get(fa.title);
      for (const text of fa.paragraphs) {
        paragraphs++;
        if (got && plain(got.body).includes(text)) placed++;
      }
      for (const goal of fa.goals) {
        goals++;
        if (got?.goals?.some((g) => g.text === goal)) goalsFound++;
      }
    }
    expect(placed / paragraphs).toBeGreaterThanOrEqual(0.9);
    expect(goalsFound / goals).toBeGreaterThanOrEqual(0.8);

    // Every plan row an initiative, linked to its owner (created once per name) and its focus area.
    const owners = new Map((strategy.owners ?? []).map((o) => [o.id, o.name]));
    const focusAreaTitles = new Map(strategy.perspectives.flatMap((p) => p.focusAreas.map((fa) => [fa.id, fa.title])));
    const initiatives = strategy.actionPlans?.flatMap((plan) => plan.initiatives) ?? [];
    expect(initiatives.map((i) => ({ title: i.title, owner: owners.get(i.ownerId ?? ''), focusAreas: i.focusAreaIds.map((id) => focusAreaTitles.get(id)) }))).toEqual(
      spec.plan.rows.map((row) => ({ title: row.initiative, owner: row.owner, focusAreas: [row.focusArea] })),
    );
    expect(new Set(owners.values()).size).toBe(new Set(spec.plan.rows.map((row) => row.owner)).size);
    expect(strategy.actionPlans?.[0]?.period).toEqual({ from: 2024, to: 2025 });

    // Nothing silently dropped: the chapters that are not structure are free sections, and the report says so.
    expect((strategy.sections ?? []).map((s) => s.title)).toEqual([...spec.before.map((s) => s.title), ...spec.after.map((s) => s.title)]);
    for (const section of [...spec.before, ...spec.after]) expect(result.stdout).toContain(`Fri sektion "${section.title}"`);
    // The page lines, cover and typed table of contents are set aside, not put in any text.
    const setAside = /^Lagt til side: (\d+) linjer forside, (\d+) linjer indholdsfortegnelse(?:, (\d+) sidehoved-\/sidefodslinjer)?$/m.exec(result.stdout);
    expect(Number(setAside?.[1])).toBeGreaterThanOrEqual(3);
    const chapters = spec.before.length + 1 + (style.perspectiveLevel ? spec.perspectives.length : 1) + 1 + spec.after.length;
    expect(Number(setAside?.[2])).toBe(chapters + 1); // its heading and one line per chapter
    expect(Number(setAside?.[3] ?? 0)).toBe(style.pageLines === 'typed' ? 3 : 0);
    expect(JSON.stringify(strategy)).not.toMatch(/Side \d+ af \d+/);
    expect(JSON.stringify(strategy)).not.toContain('Indholdsfortegnelse');

    const validated = await pejling(['validate', out]);
    expect(validated.code, validated.stdout).toBe(0);
  }, 120_000);
});
