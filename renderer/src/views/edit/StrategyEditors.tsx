// Editors of the strategy's parts: sections, vision, principles and bearings, perspectives, focus
// areas (with goals), and the overview of a group. Every field is bound to the model.
import { SECTION_PLACEMENTS } from '../../../../shared/format/schema';
import { VISION_ID, readHint } from '../../../../shared/model';
import type { SectionData } from '../../../../shared/model/types';
import type { DocumentSession } from '../../session/document-session';
import { STRUCTURE_ORIGIN, addItem, deleteItem, moveItem } from '../../session/structure-ops';
import { t } from '../../i18n/i18n';
import { announce } from '../../ui/announcer';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { BoundSelect } from '../../ui/BoundInput';
import { SuggestableInput, SuggestableTextArea } from '../../find/FieldSuggestionList';
import { Icon } from '../../ui/Icon';
import type { NavContext } from '../../session/nav-actions';
import type { NavNode } from '../../session/nav-tree';
import type { EditorProps } from '../../session/view-registry';
import { Field } from './Field';
import { RichField } from './RichField';
import { ForewordToggle } from '../../outline/ForewordToggle';
import { placementOf } from '../../../../shared/export/strategy-index';

function TitleField({ label, session, itemId, readOnly }: { label: string; session: DocumentSession; itemId: string; readOnly: boolean }) {
  return (
    <Field label={label}>
      <SuggestableInput session={session} itemId={itemId} fieldKey="title" data-field="title" class="input input-title" readOnly={readOnly} data-testid="item-title" />
    </Field>
  );
}

/** Links to the children of a part (e.g. a perspective's focus areas), with an add button. */
export function ChildList({ ctx, node, heading }: { ctx: NavContext; node: NavNode; heading: string }) {
  return (
    <section class="form-section" aria-label={heading}>
      <h2 class="form-section-title">{heading}</h2>
      {node.children.length === 0 ? (
        <p class="muted">{t('edit.noneYet')}</p>
      ) : (
        <ol class="child-list">
          {node.children.map((child) => (
            <li key={child.key}>
              <button type="button" class="child-link" onClick={() => ctx.select(child.key)}>
                {child.label || child.placeholder}
              </button>
              {child.detail && <span class="muted small">{child.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function GroupOverview({ ctx, node }: EditorProps) {
  return (
    <div class="editor-form">
      <h1 class="pane-title">{node.label}</h1>
      <ChildList ctx={ctx} node={node} heading={t('edit.contents')} />
    </div>
  );
}

export function SectionEditor({ ctx, node, readOnly, version }: EditorProps) {
  const { session } = ctx;
  const section = session.model.get('section', node.key);
  if (!section) return null;
  return (
    <div class="editor-form">
      <TitleField label={t('edit.title')} session={session} itemId={section.id} readOnly={readOnly} />
      <Field label={t('section.placement')}>
        <BoundSelect
          data-field="placement"
          class="select"
          disabled={readOnly}
          value={placementOf(section)}
          options={SECTION_PLACEMENTS.map((p) => ({ value: p, label: t(`section.placement.${p}`) }))}
          onCommit={(value) => session.model.update('section', section.id, { placement: value as SectionData['placement'] })}
        />
      </Field>
      <ForewordToggle session={session} sectionId={section.id} unnumbered={section.unnumbered === true} readOnly={readOnly} />
      <RichField session={session} id={section.id} field="body" label={t('edit.body')} placeholder={t('edit.bodyPlaceholder')} readOnly={readOnly} version={version} />
    </div>
  );
}

export function VisionEditor({ ctx, node, readOnly, version }: EditorProps) {
  const { session } = ctx;
  return (
    <div class="editor-form">
      <h1 class="pane-title">{t('nav.vision')}</h1>
      <RichField
        session={session}
        id={VISION_ID}
        field="statement"
        label={t('vision.statement')}
        placeholder={t('vision.statementPlaceholder')}
        readOnly={readOnly}
        version={version}
      />
      <RichField session={session} id={VISION_ID} field="body" label={t('vision.body')} placeholder={t('edit.bodyPlaceholder')} readOnly={readOnly} version={version} />
      {node.children.map((group) => (
        <ChildList key={group.key} ctx={ctx} node={group} heading={group.label} />
      ))}
    </div>
  );
}

export function StatementEditor({ ctx, node, readOnly, version }: EditorProps) {
  const { session } = ctx;
  const statement = session.model.get('principle', node.key) ?? session.model.get('bearing', node.key);
  if (!statement) return null;
  return (
    <div class="editor-form">
      <TitleField label={t('edit.title')} session={session} itemId={statement.id} readOnly={readOnly} />
      <RichField session={session} id={statement.id} field="body" label={t('edit.explanation')} placeholder={t('edit.bodyPlaceholder')} readOnly={readOnly} version={version} />
    </div>
  );
}

export function PerspectiveEditor({ ctx, node, readOnly, version }: EditorProps) {
  const { session, labels } = ctx;
  const perspective = session.model.get('perspective', node.key);
  if (!perspective) return null;
  return (
    <div class="editor-form">
      <TitleField label={t('edit.title')} session={session} itemId={perspective.id} readOnly={readOnly} />
      <RichField session={session} id={perspective.id} field="intro" label={t('edit.intro')} placeholder={t('edit.bodyPlaceholder')} readOnly={readOnly} version={version} />
      <StatementList session={session} parentId={perspective.id} heading={labels.principles} readOnly={readOnly} />
      <ChildList ctx={ctx} node={node} heading={labels.focusAreas} />
    </div>
  );
}

/** A perspective's own principles ("arkitekturprincipper" in Odder), edited in place. */
function StatementList({ session, parentId, heading, readOnly }: { session: DocumentSession; parentId: string; heading: string; readOnly: boolean }) {
  const principles = session.model.list('principle', parentId);
  return (
    <section class="form-section" aria-label={heading}>
      <h2 class="form-section-title">{heading}</h2>
      <ol class="inline-list">
        {principles.map((p, index) => (
          <li key={p.id} class="inline-list-row">
            <SuggestableInput session={session} itemId={p.id} fieldKey="title" data-field="principle.title" class="input" readOnly={readOnly} aria-label={t('edit.principleN', { n: index + 1 })} />
            {!readOnly && (
              <button
                type="button"
                class="icon-button"
                aria-label={t('edit.deleteNamed', { name: p.title || t('doc.untitled') })}
                onClick={() => {
                  session.structureUndo.stopCapturing();
                  deleteItem(session.model, p.id);
                }}
              >
                <Icon name="trash" />
              </button>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button
          type="button"
          class="button button-small"
          onClick={() => {
            session.structureUndo.stopCapturing();
            session.model.add('principle', { title: '', parentId }, undefined, STRUCTURE_ORIGIN);
          }}
        >
          <Icon name="plus" size={14} /> {t('edit.addPrinciple')}
        </button>
      )}
    </section>
  );
}

export function FocusAreaEditor({ ctx, node, readOnly, version }: EditorProps) {
  const { session, labels } = ctx;
  // The goal just added gets the focus in the same task as the click (this state re-renders in a microtask;
  // the document's own re-render waits for the next frame), so keys typed right away go into it, not the button.
  const [newGoal, setNewGoal] = useState<string | null>(null);
  const goalList = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    if (!newGoal) return;
    goalList.current?.querySelector<HTMLTextAreaElement>(`[data-goal="${CSS.escape(newGoal)}"] textarea`)?.focus();
    setNewGoal(null);
  }, [newGoal]);
  const area = session.model.get('focusArea', node.key);
  if (!area) return null;
  const perspectives = session.model.list('perspective').filter((p) => !p.virtual);
  const showPerspective = perspectives.length > 1 || perspectives.some((p) => !p.hidden);
  const goals = session.model.list('goal', area.id);
  return (
    <div class="editor-form">
      <TitleField label={t('edit.title')} session={session} itemId={area.id} readOnly={readOnly} />
      {showPerspective && (
        <Field label={labels.perspective}>
          <BoundSelect
            data-field="perspectiveId"
            class="select"
            disabled={readOnly}
            value={area.perspectiveId}
            options={perspectives.map((p) => ({ value: p.id, label: p.title || t('doc.untitled') }))}
            onCommit={(perspectiveId) => {
              session.structureUndo.stopCapturing();
              moveItem(session.model, area.id, { parentId: perspectiveId });
            }}
          />
        </Field>
      )}
      <RichField session={session} id={area.id} field="body" label={t('focusArea.body')} placeholder={t('edit.bodyPlaceholder')} readOnly={readOnly} version={version} />
      <section class="form-section" aria-labelledby={`goals-${area.id}`}>
        <h2 class="form-section-title" id={`goals-${area.id}`}>
          {t('focusArea.goals')}
        </h2>
        {goals.length === 0 && <p class="muted">{t('focusArea.noGoals')}</p>}
        <ol class="inline-list" ref={goalList}>
          {goals.map((goal, index) => (
            <li key={goal.id} class="inline-list-row" data-goal={goal.id}>
              <SuggestableTextArea
                session={session}
                itemId={goal.id}
                fieldKey="text"
                data-field="goal.text"
                class="input input-grow"
                placeholder={readHint(session.doc, goal.id, 'text')}
                readOnly={readOnly}
                aria-label={t('focusArea.goalN', { n: index + 1 })}
                onKeyDown={(e: KeyboardEvent & { currentTarget: HTMLTextAreaElement }) => {
                  if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || readOnly) return;
                  e.preventDefault();
                  const target = goals[index + (e.key === 'ArrowUp' ? -1 : 1)];
                  if (!target) return;
                  session.structureUndo.stopCapturing();
                  moveItem(session.model, goal.id, e.key === 'ArrowUp' ? { before: target.id } : { after: target.id });
                  announce(t('nav.moved', { name: goal.text, position: index + (e.key === 'ArrowUp' ? 0 : 2), count: goals.length }));
                  const input = e.currentTarget;
                  requestAnimationFrame(() => requestAnimationFrame(() => input.isConnected && input.focus()));
                }}
              />
              {!readOnly && (
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('focusArea.deleteGoal', { n: index + 1 })}
                  onClick={() => {
                    session.structureUndo.stopCapturing();
                    deleteItem(session.model, goal.id);
                  }}
                >
                  <Icon name="trash" />
                </button>
              )}
            </li>
          ))}
        </ol>
        {!readOnly && (
          <button
            type="button"
            class="button button-small"
            onClick={() => {
              session.structureUndo.stopCapturing();
              setNewGoal(addItem(session.model, 'goal', node, labels));
            }}
          >
            <Icon name="plus" size={14} /> {t('focusArea.addGoal')}
          </button>
        )}
      </section>
    </div>
  );
}
