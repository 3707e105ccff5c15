// The views every document has: "Redigér" (edit), "Disposition" (outline) and the plan views of renderer/src/plans/
// (initiatives table, coverage matrix, per owner, yearly status, strategy checks). Other views register themselves
// the same way (see ../session/view-registry.ts).
//
// Only the edit view, which a document opens in, is in the first bundle. The others are loaded the first time their
// tab is shown (lazy-view.tsx): measured on the large strategy's open (issue 18), they were 147 KiB of source of the
// 1.29 MB bundle, with @tanstack/virtual-core (75 KiB, the initiatives table) behind them. Their labels stay here, so
// the tabs are there at once. Browser mode's service worker caches their chunks with the rest of the build.
import { t } from '../i18n/i18n';
import { tp } from '../plans/plans-i18n';
import { registerView } from '../session/view-registry';
import { EditView } from '../views/edit/EditView';
import { lazyComponent } from './lazy-view';
import '../plans/plans.css';

registerView({ id: 'edit', label: () => t('view.edit'), component: EditView, order: 10 });
registerView({ id: 'outline', label: () => t('view.outline'), component: lazyComponent(() => import('../outline/OutlineView'), (m) => m.OutlineView), order: 20 });
registerView({ id: 'initiatives', label: () => tp('view.initiatives'), component: lazyComponent(() => import('../plans/InitiativesView'), (m) => m.InitiativesView), order: 30 });
registerView({ id: 'coverage', label: () => tp('view.coverage'), component: lazyComponent(() => import('../plans/CoverageView'), (m) => m.CoverageView), order: 40 });
registerView({ id: 'owner', label: () => tp('view.owner'), component: lazyComponent(() => import('../plans/OwnerView'), (m) => m.OwnerView), order: 50 });
registerView({ id: 'status', label: () => tp('view.status'), component: lazyComponent(() => import('../plans/StatusView'), (m) => m.StatusView), order: 60 });
registerView({ id: 'checks', label: () => tp('view.checks'), component: lazyComponent(() => import('../plans/ChecksView'), (m) => m.ChecksView), order: 70 });
