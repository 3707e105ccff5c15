// A round trip through Word: each example strategy exported by `pejling export` and read back by
// `pejling import` comes back with the same perspectives, focus areas (titles and text), goals, action plans,
// initiatives and owners, and the file it writes is one `pejling validate` accepts.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../shared/format/schema';
import { richToPlainText } from '../../shared/richtext';
import { EXAMPLES, examplesDir, pejling, tempDir } from './export-helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('import-roundtrip');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The export sets typographic quotes and apostrophes (KL's → KL’s), en dashes in ranges (2007-2008 → 2007–2008)
// and no-break spaces (dec. 2012); the text is otherwise the same.
const typographic = (s: string) =>
  s.replace(/[’‘]/g, "'").replace(/[“”„]/g, '"').replace(/(\d)–(\d)/g, '$1-$2').replace(/ – /g, ' - ').replace(/\u00a0/g, ' ');
const text = (rich: StrategyFile['vision']['statement'] | undefined) => (rich === undefined ? '' : typographic(richToPlainText(rich)).replace(/\s+/g, ' ').trim());

/** What a reader of the strategy sees of its structure, by title and text (ids differ after a round trip). */
function structure(strategy: StrategyFile) {
  const owners = new Map((strategy.owners ?? []).map((o) => [o.id, o.name]));
  const focusAreaTitle = new Map(strategy.perspectives.flatMap((p) => p.focusAreas.map((fa) => [fa.id, fa.title])));
  return {
    perspectives: strategy.perspectives.map((p) => ({
      title: p.hidden ? '(hidden)' : p.title,
      focusAreas: p.focusAreas.map((fa) => ({ title: fa.title, body: text(fa.body), goals: (fa.goals ?? []).map((g) => typographic(g.text)).filter((g) => g.trim() !== '') })),
    })),
    plans: (strategy.actionPlans ?? []).map((plan) => ({
      title: typographic(plan.title),
      kind: plan.kind,
      period: plan.period,
      owner: plan.ownerId ? owners.get(plan.ownerId) : undefined,
      initiatives: plan.initiatives
        .map((i) => ({
          title: i.title,
          owner: i.ownerId ? owners.get(i.ownerId) : undefined,
          participants: (i.participantIds ?? []).map((id) => owners.get(id)).sort(),
          focusAreas: i.focusAreaIds.map((id) => focusAreaTitle.get(id)).filter(Boolean).sort(),
          status: i.status ?? 'planned',
          start: i.start,
          end: i.end,
        }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    })),
  };
}

/** The names of the owners the plans use (an owner no plan names is not in the Word document). */
function ownersUsed(strategy: StrategyFile): string[] {
  const names = new Map((strategy.owners ?? []).map((o) => [o.id, o.name]));
  const ids = new Set<string>();
  for (const plan of strategy.actionPlans ?? []) {
    if (plan.ownerId) ids.add(plan.ownerId);
    for (const i of plan.initiatives) for (const id of [i.ownerId, ...(i.participantIds ?? [])]) if (id) ids.add(id);
  }
  return [...ids].map((id) => names.get(id) ?? id).sort();
}

describe('a round trip through Word', () => {
  it.each(EXAMPLES)('%s comes back with the same structure', async (name) => {
    const source = path.join(examplesDir, `${name}.json`);
    const docx = path.join(dir, `${name}.docx`);
    const out = path.join(dir, `${name}.imported.json`);
    const exported = await pejling(['export', source, '--docx', docx, '--page-numbers', 'quick']);
    expect(exported.code, exported.stderr).toBe(0);
    const imported = await pejling(['import', docx, '--out', out]);
    expect(imported.code, imported.stderr).toBe(0);

    const original = JSON.parse(await readFile(source, 'utf8')) as StrategyFile;
    const back = JSON.parse(await readFile(out, 'utf8')) as StrategyFile;
    expect(structure(back)).toEqual(structure(original));
    expect(ownersUsed(back)).toEqual(ownersUsed(original));
    expect(typographic(back.meta.title)).toBe(typographic(original.meta.title));
    expect(back.meta.organisation).toBe(original.meta.organisation);
    expect(back.meta.period).toEqual(original.meta.period);
    expect(text(back.vision.statement)).toBe(text(original.vision.statement));
    expect((back.vision.principles ?? []).map((p) => p.title)).toEqual((original.vision.principles ?? []).map((p) => p.title));
    expect((back.vision.bearings ?? []).map((p) => p.title)).toEqual((original.vision.bearings ?? []).map((p) => p.title));
    expect((back.sections ?? []).map((s) => s.title)).toEqual((original.sections ?? []).map((s) => s.title));

    // The report names every focus area and plan, and the file is valid.
    for (const p of original.perspectives) for (const fa of p.focusAreas) expect(imported.stdout).toContain(`"${fa.title}"`);
    const validated = await pejling(['validate', out]);
    expect(validated.code, validated.stdout).toBe(0);
  }, 120_000);
});
