// 16. The navigator's tree of the large strategy (12 perspectives, 120 focus areas, 1,000 initiatives in ten
// plans, 150 owners), in Node: the app rebuilds it after every change that shows in it, so each sample is
// one change through the model followed by `buildNavTree` (the renderer's own function, labels included);
// only the build is timed. Two changes: a title typed (what the navigator follows keystroke by keystroke)
// and an initiative moved to another plan (a change of place: every kind's siblings are grouped anew).
// Baseline: reading every item once after the same change (the entries of each kind, unsorted and
// ungrouped: the least any whole-document read must do).
import type * as Y from 'yjs';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { median, percentile } from '../lib/stats';
import { importStrategy, StrategyModel } from '../../shared/model';
import { ItemIndex } from '../../shared/model/items';
import { ITEM_KINDS } from '../../shared/model/layout';
import { buildNavTree, flatten } from '../../renderer/src/session/nav-tree';
import { generateLargeStrategy } from '../generate-large-strategy';

const GROUP = '16 Navigator tree';

/** Every item of every kind read once (`ItemIndex.entries`: id, item, order key; never cached), as the baseline. */
function readEveryItem(doc: Y.Doc): number {
  const index = new ItemIndex(doc);
  let count = 0;
  for (const kind of ITEM_KINDS) count += index.entries(kind).length;
  return count;
}

interface Samples {
  build: number[];
  baseline: number[];
}

function sample(model: StrategyModel, change: (i: number) => void, runs: number, items: number): Samples {
  const warmup = 30;
  const out: Samples = { build: [], baseline: [] };
  for (let i = 0; i < warmup + runs; i++) {
    change(i);
    // Which read comes first alternates: the first after a change pays for what the change invalidated.
    const readAll = () => {
      const started = performance.now();
      const count = readEveryItem(model.doc);
      const ms = performance.now() - started;
      if (count !== items) throw new Error(`read ${count} items, expected ${items}`);
      return ms;
    };
    const buildTree = () => {
      const started = performance.now();
      const tree = buildNavTree(model);
      const ms = performance.now() - started;
      if (tree.length === 0) throw new Error('the navigator tree is empty');
      return ms;
    };
    const first = i % 2 === 0 ? buildTree() : readAll();
    const second = i % 2 === 0 ? readAll() : buildTree();
    if (i < warmup) continue;
    out.build.push(i % 2 === 0 ? first : second);
    out.baseline.push(i % 2 === 0 ? second : first);
  }
  return out;
}

export async function measureNavTree(ctx: BenchContext): Promise<Figure[]> {
  const doc = importStrategy(generateLargeStrategy());
  const model = new StrategyModel(doc);
  const focusAreas = model.list('focusArea').map((f) => f.id);
  const plans = model.list('actionPlan').map((p) => p.id);
  const initiatives = model.list('initiative').map((i) => i.id);
  const nodes = flatten(buildNavTree(model)).length;
  const items = readEveryItem(doc);
  const runs = ctx.quick ? 100 : 300;
  const cases = [
    {
      id: 'navtree.build',
      what: 'a title change',
      change: (i: number) => model.update('focusArea', focusAreas[i % focusAreas.length]!, { title: `Indsatsområde ${i}` }),
    },
    {
      id: 'navtree.build-after-move',
      what: 'an initiative moved to another plan',
      change: (i: number) => model.move(initiatives[(i * 7) % initiatives.length]!, { parentId: plans[i % plans.length]!, index: i % 50 }),
    },
  ];
  const figures: Figure[] = [];
  for (const c of cases) {
    const { build, baseline } = sample(model, c.change, runs, items);
    const value = median(build);
    const base = median(baseline);
    ctx.log(`  buildNavTree after ${c.what}: median ${value.toFixed(2)} ms, p95 ${percentile(build, 95).toFixed(2)} ms; every item read once: ${base.toFixed(2)} ms (${items} items, ${nodes} nodes)`);
    figures.push(
      figure({
        id: c.id,
        group: GROUP,
        title: `Build the navigator's tree of the large strategy after ${c.what} (Node)`,
        value,
        unit: 'ms',
        baseline: { label: 'every item read once (entries of each kind)', value: base, unit: 'ms' },
        details: { runs, p95: percentile(build, 95), baselineP95: percentile(baseline, 95), items, nodes },
      }),
    );
  }
  return figures;
}
