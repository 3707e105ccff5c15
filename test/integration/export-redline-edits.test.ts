// The redline's promise for many kinds of edit, not only the ones a test author thought of: for random
// combinations of the edits a strategy goes through between two versions (texts reworded, titles renamed,
// focus areas added, removed and moved to another perspective, perspectives reordered, goals and principles
// added and removed, initiatives removed, moved to another plan or given a new status, a free section moved
// to another placement, a whole plan removed), pandoc accepting all changes of the redline reads exactly
// the text of NEW's own export, and rejecting them exactly OLD's (the table of contents, which follows
// NEW, left out). The Word writer runs in process (quick page-number estimate); pandoc reads every file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocxDetailed } from '../../shared/export/docx/export-docx';
import { houseStyleSchema, type HouseStyle } from '../../shared/export/house-style';
import type { StrategyFile } from '../../shared/format/schema';
import { pandocBodyText, readExample, repoRoot, run, unnumberedTitles } from './export-helpers';

let work: string;
let style: HouseStyle;
let base: StrategyFile;
const NOW = new Date('2026-03-02T12:00:00Z');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pejling-redline-edits-'));
  style = houseStyleSchema.parse(JSON.parse(await readFile(join(repoRoot, 'templates/styles/neutral.json'), 'utf8')));
  base = await readExample('kk-2010-2014');
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

let files = 0;
async function pandocBody(bytes: Uint8Array, changes?: 'accept' | 'reject'): Promise<string> {
  const file = join(work, `d${files++}.docx`);
  await writeFile(file, bytes);
  const result = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', ...(changes ? [`--track-changes=${changes}`] : []), file]);
  expect(result.code, result.stderr).toBe(0);
  return pandocBodyText(result.stdout.split('\n'), unnumberedTitles(base));
}

type Edit = (s: StrategyFile, pick: (n: number) => number) => void;

const EDITS: Record<string, Edit> = {
  rewordText: (s, pick) => {
    const fa = s.perspectives[pick(s.perspectives.length)]!.focusAreas[0];
    if (fa && typeof fa.body === 'string') fa.body = fa.body.replace(/ og /, ' samt ').replace(/\.\s/, '. En ny sætning fra høringen. ');
  },
  renameFocusArea: (s, pick) => {
    const p = s.perspectives[pick(s.perspectives.length)]!;
    const fa = p.focusAreas[pick(p.focusAreas.length)];
    if (fa) fa.title = `Nye ${fa.title.toLowerCase()}`;
  },
  addFocusArea: (s, pick) => {
    const p = s.perspectives[pick(s.perspectives.length)]!;
    p.focusAreas.splice(pick(p.focusAreas.length + 1), 0, { id: `fa-ny-${pick(1000)}-${p.focusAreas.length}`, title: 'Et nyt indsatsområde', body: 'Tekst om det **nye** område.', goals: [{ id: `g-ny-${pick(1000)}`, text: 'Et nyt mål.' }] });
  },
  removeFocusArea: (s, pick) => {
    const p = s.perspectives[pick(s.perspectives.length)]!;
    if (p.focusAreas.length > 1) p.focusAreas.splice(pick(p.focusAreas.length), 1);
  },
  moveFocusArea: (s, pick) => {
    const from = s.perspectives[pick(s.perspectives.length)]!;
    const to = s.perspectives[pick(s.perspectives.length)]!;
    if (from.focusAreas.length > 1) to.focusAreas.push(from.focusAreas.splice(pick(from.focusAreas.length), 1)[0]!);
  },
  swapPerspectives: (s, pick) => {
    const i = pick(s.perspectives.length - 1);
    [s.perspectives[i], s.perspectives[i + 1]] = [s.perspectives[i + 1]!, s.perspectives[i]!];
  },
  editGoals: (s, pick) => {
    const fa = s.perspectives[pick(s.perspectives.length)]!.focusAreas[0];
    if (!fa) return;
    const goals = fa.goals ?? [];
    if (goals.length > 0) goals.splice(pick(goals.length), 1);
    goals.push({ id: `g-ekstra-${pick(1000)}`, text: 'Et ekstra mål fra høringen.' });
    fa.goals = goals;
  },
  editPrinciples: (s) => {
    const principles = s.vision.principles ?? [];
    if (principles.length > 0) principles.shift();
    principles.push({ id: 'pr-ny', title: 'Åbenhed som udgangspunkt', body: 'Data er åbne, med mindre andet er besluttet.' });
    s.vision.principles = principles;
  },
  initiatives: (s, pick) => {
    const plans = s.actionPlans ?? [];
    const plan = plans[pick(plans.length)];
    if (!plan || plan.initiatives.length === 0) return;
    const i = plan.initiatives[pick(plan.initiatives.length)]!;
    i.status = i.status === 'delayed' ? 'done' : 'delayed';
    if (plan.initiatives.length > 1) plan.initiatives.splice(pick(plan.initiatives.length), 1);
    const other = plans[pick(plans.length)];
    if (other && other !== plan && plan.initiatives.length > 1) other.initiatives.push(plan.initiatives.splice(0, 1)[0]!);
  },
  moveSection: (s, pick) => {
    const section = (s.sections ?? [])[pick((s.sections ?? []).length)];
    if (section) section.placement = section.placement === 'end' || section.placement === undefined ? 'afterVision' : 'end';
  },
  removePlan: (s, pick) => {
    const plans = s.actionPlans ?? [];
    if (plans.length > 1) plans.splice(pick(plans.length), 1);
  },
};

describe('redline: accept all gives NEW, reject all gives OLD, for random edits (pandoc)', () => {
  it('holds for each kind of edit alone and for random combinations', async () => {
    const names = Object.keys(EDITS);
    const edit = fc.record({ name: fc.constantFrom(...names), seed: fc.nat(1_000_000) });
    // each edit alone first, then random combinations (fast-check shrinks a failure to the smallest one)
    const alone: [{ name: string; seed: number }[]][] = names.map((name) => [[{ name, seed: 7 }]]);
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async (edits) => {
        const next = structuredClone(base);
        for (const { name, seed } of edits) {
          let state = seed;
          const pick = (n: number) => (n <= 0 ? 0 : (state = (state * 1103515245 + 12345) % 2147483648) % n);
          EDITS[name]!(next, pick);
        }
        const [plainNew, plainOld, redline] = await Promise.all([
          exportDocxDetailed(next, { part: 'strategy', style, now: NOW, estimate: 'quick' }),
          exportDocxDetailed(base, { part: 'strategy', style, now: NOW, estimate: 'quick' }),
          exportDocxDetailed(next, { part: 'strategy', style, now: NOW, estimate: 'quick', compare: { old: base, author: 'Test', date: '2026-03-02T00:00:00Z' } }),
        ]);
        const [newText, oldText, accepted, rejected] = await Promise.all([
          pandocBody(plainNew.bytes),
          pandocBody(plainOld.bytes),
          pandocBody(redline.bytes, 'accept'),
          pandocBody(redline.bytes, 'reject'),
        ]);
        expect(accepted).toBe(newText);
        expect(rejected).toBe(oldText);
        // the contents are NEW's
        expect(redline.headings.map((h) => `${h.number} ${h.title}`)).toEqual(plainNew.headings.map((h) => `${h.number} ${h.title}`));
      }),
      { numRuns: 8, examples: alone, endOnFailure: true },
    );
  }, 600_000);
});
