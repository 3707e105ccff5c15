import { importStrategy, StrategyModel } from '../shared/model';
import { ItemIndex } from '../shared/model/items';
import { buildNavTree } from '../renderer/src/session/nav-tree';
import { generateLargeStrategy } from './generate-large-strategy';
const doc = importStrategy(generateLargeStrategy());
const m = new StrategyModel(doc);
const idx = new ItemIndex(doc);
for (let i=0;i<300;i++){ buildNavTree(m); }
const time = (f: () => void, n=100) => { const s=performance.now(); for (let i=0;i<n;i++) f(); return (performance.now()-s)/n; };
console.log('tree', time(() => buildNavTree(m)));
const plans = m.list('actionPlan');
console.log('siblings initiative per plan', time(() => { for (const p of plans) idx.siblings('initiative', p.id); }));
console.log('list initiative per plan', time(() => { for (const p of plans) m.list('initiative', p.id); }));
const persp = m.list('perspective');
console.log('list focusArea per persp', time(() => { for (const p of persp) m.list('focusArea', p.id); }));
console.log('list initiative all', time(() => { m.list('initiative'); }));
