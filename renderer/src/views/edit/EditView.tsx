// The editing pane ("Redigér"): the part selected in the navigator, with its editor.
import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { findNode, META_KEY, type NavKind } from '../../session/nav-tree';
import type { NavContext } from '../../session/nav-actions';
import type { DocumentViewProps, EditorProps } from '../../session/view-registry';
import { ItemHeader } from './ItemHeader';
import { MetaEditor } from './MetaEditor';
import { ActionPlanEditor, InitiativeEditor } from './PlanEditors';
import { OwnersRegister } from '../../plans/OwnersRegister';
import {
  FocusAreaEditor,
  GroupOverview,
  PerspectiveEditor,
  SectionEditor,
  StatementEditor,
  VisionEditor,
} from './StrategyEditors';
import { useDocVersion } from '../../session/use-doc';

const EDITORS: Record<Exclude<NavKind, 'meta'>, ComponentType<EditorProps>> = {
  sectionsGroup: GroupOverview,
  section: SectionEditor,
  vision: VisionEditor,
  principlesGroup: GroupOverview,
  principle: StatementEditor,
  bearingsGroup: GroupOverview,
  bearing: StatementEditor,
  perspectivesGroup: GroupOverview,
  perspective: PerspectiveEditor,
  focusArea: FocusAreaEditor,
  plansGroup: GroupOverview,
  actionPlan: ActionPlanEditor,
  initiative: InitiativeEditor,
  owners: OwnersRegister,
};

export function EditView({ session, selectedKey, select, tree, labels, readOnly }: DocumentViewProps) {
  // Structure changes re-render through the parent; this also catches field edits by others.
  // The selected item's own text fields are bound inputs that follow their text themselves (render-budget.spec.ts).
  const version = useDocVersion(session, { structureOnly: true, ignoreTextOf: selectedKey });
  const paneRef = useRef<HTMLDivElement>(null);
  const entry = findNode(tree, selectedKey) ?? findNode(tree, META_KEY);
  const node = entry?.node;
  const ctx: NavContext = { session, tree, labels, select: (key) => select(key) };

  // A newly opened part starts at the top.
  useEffect(() => {
    paneRef.current?.scrollTo?.({ top: 0 });
  }, [node?.key]);

  if (!node) return <p class="muted">{t('common.loading')}</p>;
  const Editor = node.kind === 'meta' ? null : EDITORS[node.kind];
  return (
    <div class="edit-view" ref={paneRef} data-selected={node.key}>
      <div class="edit-sheet">
        {node.kind !== 'meta' && <ItemHeader ctx={ctx} node={node} readOnly={readOnly} />}
        {node.kind === 'meta' ? (
          <MetaEditor session={session} readOnly={readOnly} />
        ) : (
          Editor && <Editor key={node.key} ctx={ctx} node={node} readOnly={readOnly} version={version} />
        )}
      </div>
    </div>
  );
}
