// The views every document has. Plan views register themselves the same way (see ../session/view-registry.ts).
import { t } from '../i18n/i18n';
import { OutlineView } from '../outline/OutlineView';
import { registerView } from '../session/view-registry';
import { EditView } from '../views/edit/EditView';

registerView({ id: 'edit', label: () => t('view.edit'), component: EditView, order: 10 });
registerView({ id: 'outline', label: () => t('view.outline'), component: OutlineView, order: 20 });

// Action plans, owners and the yearly follow-up (renderer/src/plans/): initiatives, coverage, per owner, status, checks.
import '../plans/register-plan-views';
