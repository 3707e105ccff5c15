// Registers the plan views as tabs of an open document (see ../session/view-registry.ts): the initiatives
// table, the coverage matrix, the per-owner view, the strategy checks and the yearly status.
import { registerView } from '../session/view-registry';
import { ChecksView } from './ChecksView';
import { CoverageView } from './CoverageView';
import { InitiativesView } from './InitiativesView';
import { OwnerView } from './OwnerView';
import { StatusView } from './StatusView';
import { tp } from './plans-i18n';
import './plans.css';

registerView({ id: 'initiatives', label: () => tp('view.initiatives'), component: InitiativesView, order: 30 });
registerView({ id: 'coverage', label: () => tp('view.coverage'), component: CoverageView, order: 40 });
registerView({ id: 'owner', label: () => tp('view.owner'), component: OwnerView, order: 50 });
registerView({ id: 'status', label: () => tp('view.status'), component: StatusView, order: 60 });
registerView({ id: 'checks', label: () => tp('view.checks'), component: ChecksView, order: 70 });
