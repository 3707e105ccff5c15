// The owners register ("Ansvarlige"): people, units (forvaltninger, afdelinger) and fora, shown in
// their hierarchy (a person or unit belongs to a unit: parentId), e-mail for people. Removing an
// owner who still owns something opens an inline panel: pass it all to another owner, or leave it
// without (then shown as "Mangler ansvarlig" and reported by the checks). Every removal is one
// undo step, offered in a toast and by the navigator's undo.
import { useEffect, useRef, useState } from 'preact/hooks';
import { OWNER_KINDS, type OwnerKind } from '../../../shared/format/schema';
import type { StrategyModel } from '../../../shared/model';
import type { OwnerData } from '../../../shared/model/types';
import { addItem, STRUCTURE_ORIGIN } from '../session/structure-ops';
import type { DocumentSession } from '../session/document-session';
import { useDocVersion } from '../session/use-doc';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { BoundInput, BoundSelect } from '../ui/BoundInput';
import { required } from '../ui/field-validators';
import { Icon } from '../ui/Icon';
import { showToast } from '../ui/toasts';
import type { EditorProps } from '../session/view-registry';
import { indented, ownerOptions } from './owner-options';
import { initiativeRows, ownerTree, ownerUsage, possibleParents, usageCount, type OwnerUsage } from './plan-data';
import { tp } from './plans-i18n';
import { openInEditor, setStickyState } from './use-plans';

export function OwnersRegister({ ctx, readOnly }: EditorProps) {
  const { session, labels } = ctx;
  const { model } = session;
  useDocVersion(session, { structureOnly: true });
  const [removing, setRemoving] = useState<string | null>(null);
  const [focusNew, setFocusNew] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const owners = model.list('owner');
  const tree = ownerTree(owners);
  const missing = initiativeRows(model).filter((r) => r.ownerState === 'missing');

  useEffect(() => {
    if (!focusNew) return;
    const input = tableRef.current?.querySelector<HTMLInputElement>(`[data-owner-id="${CSS.escape(focusNew)}"] input`);
    if (input) {
      input.focus();
      input.select();
      setFocusNew(null);
    }
  });

  const remove = (owner: OwnerData) => {
    const usage = ownerUsage(model, owner.id);
    if (usageCount(usage) > 0) setRemoving(owner.id);
    else deleteOwnerUndoably(session, owner, undefined);
  };

  const moveUp = (owner: OwnerData) => {
    // The previous owner with the same parent (siblings in the hierarchy).
    const siblings = tree.filter((e) => (e.owner.parentId ?? '') === (owner.parentId ?? '') || e.owner.id === owner.id).map((e) => e.owner);
    const at = siblings.findIndex((o) => o.id === owner.id);
    const previous = siblings[at - 1];
    if (!previous) {
      announce(t('nav.alreadyFirst'));
      return;
    }
    session.structureUndo.stopCapturing();
    model.move(owner.id, { before: previous.id }, STRUCTURE_ORIGIN);
    announce(t('nav.moved', { name: owner.name, position: at, count: siblings.length }));
  };

  return (
    <div class="editor-form plans-owners">
      <h1 class="pane-title">{t('nav.owners')}</h1>
      <p class="field-hint">{t('owners.hint')}</p>
      {owners.length === 0 ? (
        <p class="empty-state">{t('owners.none')}</p>
      ) : (
        <table class="data-table owners-table" ref={tableRef}>
          <thead>
            <tr>
              <th scope="col">{t('owners.name')}</th>
              <th scope="col" class="col-kind">{t('owners.kind')}</th>
              <th scope="col" class="col-parent">{t('owners.parent')}</th>
              <th scope="col" class="col-email">{t('owners.email')}</th>
              <th scope="col" class="col-responsible">{tp('register.responsibleFor')}</th>
              <th scope="col" class="col-actions">
                <span class="visually-hidden">{t('owners.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tree.map(({ owner, depth }, index) => {
              const usage = ownerUsage(model, owner.id);
              const name = owner.name || t('doc.untitled');
              return [
                <tr key={owner.id} data-owner-id={owner.id} class={removing === owner.id ? 'is-removing' : ''}>
                  <td>
                    <div class="owner-name-cell" style={{ paddingLeft: `${depth * 18}px` }}>
                      {depth > 0 && (
                        <span class="owner-branch" aria-hidden="true">
                          └
                        </span>
                      )}
                      <BoundInput
                        data-field="name"
                        class="input"
                        field={model.textField(owner.id, 'name')}
                        readOnly={readOnly}
                        aria-label={t('owners.nameOf', { n: index + 1 })}
                        validate={required}
                      />
                    </div>
                  </td>
                  <td>
                    <BoundSelect
                      data-field="kind"
                      class="select"
                      disabled={readOnly}
                      aria-label={t('owners.kindOf', { name })}
                      value={owner.kind}
                      options={OWNER_KINDS.map((k) => ({ value: k, label: t(`owners.kind.${k}`) }))}
                      onCommit={(kind) => model.update('owner', owner.id, { kind: kind as OwnerKind })}
                    />
                  </td>
                  <td>
                    <BoundSelect
                      data-field="parentId"
                      class="select"
                      disabled={readOnly}
                      aria-label={t('owners.parentOf', { name })}
                      value={owner.parentId ?? ''}
                      options={parentOptions(model, owner)}
                      onCommit={(parentId) => model.update('owner', owner.id, { parentId: parentId || null })}
                    />
                  </td>
                  <td>
                    {owner.kind === 'person' || owner.email ? (
                      <BoundInput
                        data-field="email"
                        class="input"
                        type="email"
                        field={model.textField(owner.id, 'email')}
                        readOnly={readOnly}
                        placeholder={owner.kind === 'person' ? tp('register.emailPlaceholder') : ''}
                        aria-label={t('owners.emailOf', { name })}
                      />
                    ) : (
                      <span class="muted" title={tp('register.emailPeopleOnly')}>
                        <span aria-hidden="true">–</span>
                        <span class="visually-hidden">{tp('register.emailPeopleOnly')}</span>
                      </span>
                    )}
                  </td>
                  <td class="owner-usage">
                    <button type="button" class="link-button" onClick={() => showOwner(ctx.select, session, owner.id)} aria-label={`${usageSummary(usage)}: ${tp('register.showResponsibilities', { name })}`}>
                      {usageSummary(usage)}
                    </button>
                  </td>
                  <td class="row-actions">
                    {!readOnly && (
                      <>
                        <button type="button" class="icon-button" aria-label={t('owners.moveUp', { name })} onClick={() => moveUp(owner)}>
                          <Icon name="up" />
                        </button>
                        <button
                          type="button"
                          class="icon-button"
                          aria-label={t('common.deleteNamed', { name })}
                          aria-expanded={removing === owner.id ? true : undefined}
                          onClick={() => remove(owner)}
                        >
                          <Icon name="trash" />
                        </button>
                      </>
                    )}
                  </td>
                </tr>,
                removing === owner.id && (
                  <tr key={`${owner.id}:remove`} class="owner-remove-row">
                    <td colSpan={6}>
                      <RemovePanel session={session} owner={owner} usage={usage} onClose={() => setRemoving(null)} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <div>
          <button
            type="button"
            class="button button-small"
            onClick={() => {
              session.structureUndo.stopCapturing();
              const id = addItem(model, 'owner', undefined, labels);
              setFocusNew(id);
              announce(t('nav.added', { noun: t('kind.owner') }));
            }}
          >
            <Icon name="plus" size={14} /> {t('owners.add')}
          </button>
        </div>
      )}
      {missing.length > 0 && (
        <section class="form-section owners-missing" aria-labelledby="owners-missing-title" data-testid="owners-missing">
          <h2 class="form-section-title" id="owners-missing-title">
            {tp('register.missingTitle', { count: missing.length })}
          </h2>
          <p class="field-hint">{tp('register.missingHint')}</p>
          <ul class="owners-missing-list">
            {missing.map((row) => (
              <li key={row.id}>
                <button type="button" class="link-button" onClick={() => openInEditor(ctx.select, { key: row.id, field: 'ownerId' })}>
                  {row.title || t('doc.untitled')}
                </button>
                {!readOnly && (
                  <select
                    data-field="ownerId"
                    class="select select-inline"
                    aria-label={tp('table.ownerOf', { name: row.title || t('doc.untitled') })}
                    value={row.ownerId ?? ''}
                    onChange={(e) => model.update('initiative', row.id, { ownerId: e.currentTarget.value || null })}
                  >
                    {ownerOptions(model, row.ownerId).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function parentOptions(model: StrategyModel, owner: OwnerData): { value: string; label: string }[] {
  const allowed = new Set(possibleParents(model.list('owner'), owner.id).map((o) => o.id));
  const options = [{ value: '', label: t('common.none') }];
  if (owner.parentId !== undefined && !model.get('owner', owner.parentId)) options.push({ value: owner.parentId, label: tp('owner.missing') });
  for (const { owner: o, depth } of ownerTree(model.list('owner'))) if (allowed.has(o.id)) options.push({ value: o.id, label: indented(o.name, depth) });
  return options;
}

function usageSummary(usage: OwnerUsage): string {
  const parts: string[] = [];
  if (usage.initiatives.length > 0) parts.push(tp('register.usageInitiatives', { count: usage.initiatives.length }));
  if (usage.participations.length > 0) parts.push(tp('register.usageParticipations', { count: usage.participations.length }));
  if (usage.plans.length > 0) parts.push(tp('register.usagePlans', { count: usage.plans.length }));
  return parts.length > 0 ? parts.join(' · ') : tp('register.usageNothing');
}

function showOwner(select: (key: string, view?: string) => void, session: DocumentSession, ownerId: string): void {
  // The per-owner view remembers its owner per document.
  setStickyState(`owner.selected.${session.documentId}`, ownerId);
  select('owners', 'owner');
}

/** Deletes an owner (reassigning or leaving its references) as one undo step, with an undo toast. */
export function deleteOwnerUndoably(session: DocumentSession, owner: OwnerData, reassignTo: string | undefined): void {
  const { model } = session;
  const undo = session.structureUndo;
  undo.stopCapturing();
  model.doc.transact(() => {
    model.delete(owner.id, reassignTo ? { reassignTo } : {}, STRUCTURE_ORIGIN);
    // Reassigning to an owner that stood under the removed one must not make it its own parent.
    if (reassignTo && model.get('owner', reassignTo)?.parentId === reassignTo) {
      model.update('owner', reassignTo, { parentId: owner.parentId ?? null }, STRUCTURE_ORIGIN);
    }
  }, STRUCTURE_ORIGIN);
  undo.stopCapturing();
  const undoItem = undo.undoStack[undo.undoStack.length - 1];
  const name = owner.name || t('doc.untitled');
  const to = reassignTo ? model.get('owner', reassignTo)?.name : undefined;
  const message = to ? tp('remove.doneReassigned', { name, to }) : tp('remove.done', { name });
  showToast({
    message,
    action: {
      label: t('common.undo'),
      run: () => {
        if (undoItem && undo.undoStack[undo.undoStack.length - 1] === undoItem) {
          undo.undo();
          announce(tp('remove.restored', { name }));
        } else {
          showToast({ message: t('nav.cannotRestore'), tone: 'error' });
        }
      },
    },
  });
  announce(message);
}

function RemovePanel({ session, owner, usage, onClose }: { session: DocumentSession; owner: OwnerData; usage: OwnerUsage; onClose: () => void }) {
  const { model } = session;
  const [mode, setMode] = useState<'reassign' | 'leave'>(() => (model.list('owner').length > 1 ? 'reassign' : 'leave'));
  const others = ownerTree(model.list('owner')).filter((e) => e.owner.id !== owner.id);
  // No owner is preselected: handing everything to the wrong one is worse than one more click.
  const [target, setTarget] = useState<string>('');
  const panelRef = useRef<HTMLDivElement>(null);
  const name = owner.name || t('doc.untitled');
  const titleId = `remove-title-${owner.id}`;

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  const parts: string[] = [];
  if (usage.initiatives.length > 0) parts.push(tp('remove.partInitiatives', { count: usage.initiatives.length }));
  if (usage.plans.length > 0) parts.push(tp('remove.partPlans', { count: usage.plans.length }));
  if (usage.participations.length > 0) parts.push(tp('remove.partParticipations', { count: usage.participations.length }));
  if (usage.subOwners.length > 0) parts.push(tp('remove.partSubOwners', { count: usage.subOwners.length }));
  const canReassign = others.length > 0;

  const confirm = () => {
    const reassign = mode === 'reassign' && canReassign && target ? target : undefined;
    deleteOwnerUndoably(session, owner, reassign);
    onClose();
  };

  return (
    <div
      class="remove-panel"
      role="group"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={panelRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h3 class="remove-title" id={titleId}>
        {tp('remove.title', { name })}
      </h3>
      <p>{tp('remove.explain', { name, what: parts.join(', ') })}</p>
      <fieldset class="remove-choices">
        <legend class="visually-hidden">{tp('remove.question')}</legend>
        <label class="remove-choice">
          <input data-field="remove.reassign" type="radio" name={`remove-${owner.id}`} checked={mode === 'reassign'} disabled={!canReassign} onChange={() => setMode('reassign')} />
          <span>{tp('remove.reassign')}</span>
          <select data-field="remove.reassignTo" class="select select-inline" aria-label={tp('remove.reassignTo')} value={target} disabled={mode !== 'reassign' || !canReassign} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">{tp('remove.chooseOwner')}</option>
            {others.map(({ owner: o, depth }) => (
              <option key={o.id} value={o.id}>
                {indented(o.name, depth)}
              </option>
            ))}
          </select>
        </label>
        <label class="remove-choice">
          <input data-field="remove.leave" type="radio" name={`remove-${owner.id}`} checked={mode === 'leave'} onChange={() => setMode('leave')} />
          <span>{tp('remove.leave')}</span>
        </label>
      </fieldset>
      <div class="remove-actions">
        <button type="button" class="button button-danger" onClick={confirm} disabled={mode === 'reassign' && !target}>
          {tp('remove.confirm', { name })}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
