// 16. The navigator's tree of the large strategy (12 perspectives, 120 focus areas, 1,000 initiatives in ten
// plans, 150 owners), in Node: the app rebuilds it after every change that shows in it (a title typed, an
// item added or moved), so each sample is one title change through the model followed by `buildNavTree`
// (the renderer's own function, labels included). Only the build is timed.
// Baseline: reading every item once after the same change (the entries of each kind, unsorted and
// ungrouped: the least any whole-document read must do).
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { median, percentile } from '../lib/stats';
import { importStrategy, StrategyModel } from '../../shared/model';
import { ItemIndex } from '../../shared/model/items';
import { ITEM_KINDS } from '../../shared/model/layout';
import { buildNavTree, flatten } from '../../renderer/src/session/nav-tree';
import { generateLargeStrategy } from '../generate-large-strategy';

const GROUP = '16 Navigator tree';

export async function measureNavTree(ctx: BenchContext): Promise<Figure[]> {
  const doc = importStrategy(generateLargeStrategy());
  const model = new StrategyModel(doc);
  const reader = new ItemIndex(doc);
  const focusAreas = model.list('focusArea').map((f) => f.id);
  const nodes = flatten(buildNavTree(model)).length;
  const items = ITEM_KINDS.reduce((sum, kind) => sum + reader.entries(kind).length, 0);
  const runs = ctx.quick ? 100 : 300;
  const warmup = 30;
  const build: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    // One change per sample, as typing a title makes; alternating which read comes first.
    model.update('focusArea', focusAreas[i % focusAreas.length]!, { title: `Indsatsområde ${i}` });
    const readAll = () => {
      const started = performance.now();
      let count = 0;
      for (const kind of ITEM_KINDS) count += reader.entries(kind).length;
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
    const [first, second] = i % 2 === 0 ? [buildTree(), readAll()] : [readAll(), buildTree()];
    if (i < warmup) continue;
    build.push(i % 2 === 0 ? first : second);
    baseline.push(i % 2 === 0 ? second : first);
  }
  const value = median(build);
  const base = median(baseline);
  ctx.log(`  buildNavTree: median ${value.toFixed(2)} ms, p95 ${percentile(build, 95).toFixed(2)} ms; every item read once: ${base.toFixed(2)} ms (${items} items, ${nodes} nodes)`);
  return [
    figure({
      id: 'navtree.build',
      group: GROUP,
      title: "Build the navigator's tree of the large strategy after a title change (Node)",
      value,
      unit: 'ms',
      baseline: { label: 'every item read once (entries of each kind)', value: base, unit: 'ms' },
      details: { runs, p95: percentile(build, 95), baselineP95: percentile(baseline, 95), items, nodes },
    }),
  ];
}
