// "Initiativer": every initiative of every action plan in one table. Sort by a column, filter by plan,
// owner ("Mine" too), status, perspective and focus area; change status and owner in the cells;
// click a row or press Enter on it to open the initiative's editor. Only the rows in view are
// rendered (@tanstack/virtual-core), so 1,000 initiatives scroll and filter without delay.
import type { ComponentChildren, RefObject } from 'preact';
import { useId, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../../../shared/format/schema';
import { useDocVersion } from '../session/use-doc';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import type { DocumentViewProps } from '../session/view-registry';
import { formatAmount, formatPeriod, statusLabel } from './format';
import { indented, ownerOptions } from './owner-options';
import {
  filterRows,
  initiativeRows,
  ownerTree,
  sortRows,
  OWNER_FILTER_ME,
  OWNER_FILTER_NONE,
  STATUS_FILTER_NONE,
  type InitiativeFilter,
  type InitiativeRow,
  type SortDirection,
  type SortKey,
} from './plan-data';
import { tp, type PlansKey } from './plans-i18n';
import { openInEditor, useMe, useStickyState } from './use-plans';
import { CompareBadge, FieldMark } from '../session/compare-marks';

/** Every row has this height (CSS and the virtualizer agree), so rows are never measured. */
const ROW_HEIGHT = 52;
const OVERSCAN = 10;

/**
 * The rows of a table inside `scrollRef` that are in view, with @tanstack/virtual-core (the framework-free core;
 * this is what its React adapter does: options set on every render, mount and update in layout effects). The sticky
 * header above the rows is both the list's offset in the scrolling element and the padding kept when a row is
 * scrolled into view, so a row never ends up under the header.
 */
function useRowVirtualizer(scrollRef: RefObject<HTMLDivElement | null>, count: number, headHeight: number): Virtualizer<HTMLDivElement, HTMLTableRowElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    // Before the first measurement: a screenful, so the first paint already shows rows.
    initialRect: { width: 0, height: 800 },
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLDivElement, HTMLTableRowElement>(options));
  virtualizer.setOptions({ ...virtualizer.options, ...options });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}

export const filterStateKey = (documentId: string) => `initiatives.filter.${documentId}`;

interface SortState {
  key: SortKey | null;
  direction: SortDirection;
}

const COLUMNS: { key: SortKey; label: PlansKey; className: string }[] = [
  { key: 'title', label: 'table.col.title', className: 'col-title' },
  { key: 'plan', label: 'table.col.plan', className: 'col-plan' },
  { key: 'owner', label: 'table.col.owner', className: 'col-owner' },
  { key: 'status', label: 'table.col.status', className: 'col-status' },
  { key: 'period', label: 'table.col.period', className: 'col-period' },
  { key: 'priority', label: 'table.col.priority', className: 'col-priority' },
  { key: 'budget', label: 'table.col.budget', className: 'col-budget' },
];

export function InitiativesView({ session, select, labels, readOnly }: DocumentViewProps) {
  const version = useDocVersion(session, { structureOnly: true });
  const { model, documentId } = session;
  const [filter, setFilter] = useStickyState<InitiativeFilter>(filterStateKey(documentId), {});
  const [sort, setSort] = useStickyState<SortState>(`initiatives.sort.${documentId}`, { key: null, direction: 'ascending' });
  const [me, setMe] = useMe(documentId);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [headHeight, setHeadHeight] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const focusActive = useRef(false);

  const owners = model.list('owner');
  const meExists = me !== undefined && owners.some((o) => o.id === me);
  const rows = useMemo(() => initiativeRows(model), [model, version]);
  const shown = useMemo(() => {
    const filtered = filterRows(rows, filter, meExists ? me : undefined);
    return sort.key ? sortRows(filtered, sort.key, sort.direction) : filtered;
  }, [rows, filter, sort, me, meExists]);
  const focusAreaTitles = useMemo(() => new Map(model.list('focusArea').map((fa) => [fa.id, fa.title])), [model, version]);
  const plans = model.list('actionPlan');
  const perspectives = model.list('perspective');
  const hiddenPerspectives = perspectives.some((p) => p.hidden);
  const baseOwnerOptions = useMemo(() => ownerOptions(model, undefined), [model, version]);

  const virtualizer = useRowVirtualizer(scrollRef, shown.length, headHeight);
  useLayoutEffect(() => {
    const height = headRef.current?.offsetHeight ?? 0;
    if (height !== headHeight) setHeadHeight(height);
  });

  const activeIndex = Math.max(0, shown.findIndex((r) => r.id === activeId));

  // After a keyboard move: focus the row once it is rendered (scrolling there may take a frame).
  useLayoutEffect(() => {
    if (!focusActive.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (!row) return;
    focusActive.current = false;
    row.focus({ preventScroll: true });
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length > 0 ? items[items.length - 1]!.index + 1 : 0;
  const spaceAbove = items[0] ? items[0].start - headHeight : 0;
  const spaceBelow = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - headHeight) : 0;
  const visible = shown.slice(first, last);

  const updateFilter = (change: Partial<InitiativeFilter>) => {
    const next = { ...filter, ...change };
    for (const key of Object.keys(next) as (keyof InitiativeFilter)[]) if (!next[key]) delete next[key];
    setFilter(next);
    scrollRef.current?.scrollTo({ top: 0 });
  };

  const toggleSort = (key: SortKey) => {
    const direction: SortDirection = sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
    setSort({ key, direction });
    const column = COLUMNS.find((c) => c.key === key);
    if (column) announce(tp(direction === 'ascending' ? 'table.sortedAscending' : 'table.sortedDescending', { column: tp(column.label) }));
  };

  const open = (row: InitiativeRow) => openInEditor(select, { key: row.id });

  /** Moves the keyboard focus to a row, scrolling it into view (it may not be rendered yet). */
  const moveTo = (index: number) => {
    const at = Math.max(0, Math.min(shown.length - 1, index));
    const row = shown[at];
    if (!row) return;
    virtualizer.scrollToIndex(at, { align: 'auto' });
    setActiveId(row.id);
    focusActive.current = true;
  };

  const onBodyKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('select, input, button')) return;
    const viewHeight = (virtualizer.scrollRect?.height ?? 0) - headHeight;
    const page = Math.max(1, Math.floor(viewHeight / ROW_HEIGHT) - 1);
    const keys: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: shown.length - 1,
    };
    if (event.key in keys) {
      event.preventDefault();
      moveTo(keys[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const row = shown[activeIndex];
      if (row) {
        event.preventDefault();
        open(row);
      }
    }
  };

  const filtered = Object.keys(filter).length > 0;
  const ownerFilterOptions = [
    { value: '', label: tp('filter.allOwners') },
    { value: OWNER_FILTER_ME, label: meExists ? tp('filter.mineNamed', { name: owners.find((o) => o.id === me)?.name ?? '' }) : tp('filter.mine') },
    { value: OWNER_FILTER_NONE, label: tp('filter.noOwner') },
    ...ownerTree(owners).map(({ owner, depth }) => ({ value: owner.id, label: indented(owner.name, depth) })),
  ];

  return (
    <div class="plans-view plans-initiatives">
      <header class="plans-header">
        <div>
          <h1 class="plans-title">{tp('view.initiatives')}</h1>
          <p class="plans-subtitle" aria-live="polite" data-testid="initiatives-count">
            {filtered ? tp('table.countFiltered', { shown: shown.length, total: rows.length }) : tp('table.count', { total: rows.length })}
          </p>
        </div>
      </header>

      <div class="plans-filters" role="search" aria-label={tp('filter.label')}>
        <label class="plans-filter plans-filter-text">
          <span class="field-label">{tp('filter.text')}</span>
          <input
            data-field="filter.text"
            class="input"
            type="search"
            value={filter.text ?? ''}
            placeholder={tp('filter.textPlaceholder')}
            onInput={(e) => updateFilter({ text: e.currentTarget.value })}
          />
        </label>
        <FilterSelect field="filter.planId" label={tp('filter.plan')} value={filter.planId ?? ''} onChange={(planId) => updateFilter({ planId })}>
          <option value="">{tp('filter.allPlans')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title || t('doc.untitled')}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect field="filter.owner" label={tp('filter.owner')} value={filter.owner ?? ''} onChange={(owner) => updateFilter({ owner })}>
          {ownerFilterOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </FilterSelect>
        {filter.owner === OWNER_FILTER_ME && !meExists && (
          <FilterSelect field="me" label={tp('me.whoAmI')} value="" onChange={(id) => setMe(id || undefined)} highlight>
            <option value="">{tp('me.choose')}</option>
            {ownerTree(owners).map(({ owner, depth }) => (
              <option key={owner.id} value={owner.id}>
                {indented(owner.name, depth)}
              </option>
            ))}
          </FilterSelect>
        )}
        <FilterSelect field="filter.status" label={tp('filter.status')} value={filter.status ?? ''} onChange={(status) => updateFilter({ status })}>
          <option value="">{tp('filter.allStatuses')}</option>
          {INITIATIVE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
          <option value={STATUS_FILTER_NONE}>{tp('filter.noStatus')}</option>
        </FilterSelect>
        {!hiddenPerspectives && (
          <FilterSelect field="filter.perspectiveId" label={labels.perspective} value={filter.perspectiveId ?? ''} onChange={(perspectiveId) => updateFilter({ perspectiveId })}>
            <option value="">{tp('filter.all')}</option>
            {perspectives.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title || t('doc.untitled')}
              </option>
            ))}
          </FilterSelect>
        )}
        <FilterSelect field="filter.focusAreaId" label={labels.focusArea} value={filter.focusAreaId ?? ''} onChange={(focusAreaId) => updateFilter({ focusAreaId })}>
          <option value="">{tp('filter.all')}</option>
          {perspectives.map((p) => {
            const areas = model.list('focusArea', p.id);
            if (areas.length === 0) return null;
            const options = areas.map((fa) => (
              <option key={fa.id} value={fa.id}>
                {fa.title || t('doc.untitled')}
              </option>
            ));
            return p.hidden ? options : (
              <optgroup key={p.id} label={p.title || t('doc.untitled')}>
                {options}
              </optgroup>
            );
          })}
        </FilterSelect>
        {filtered && (
          <button type="button" class="button button-small plans-filter-reset" onClick={() => updateFilter({ planId: '', owner: '', status: '', perspectiveId: '', focusAreaId: '', text: '' })}>
            {tp('filter.reset')}
          </button>
        )}
      </div>

      <div class="plans-table-scroll" ref={scrollRef}>
        <table class="plans-table" aria-label={tp('view.initiatives')} aria-rowcount={shown.length + 1} data-testid="initiatives-table">
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.key} class={c.className} />
            ))}
          </colgroup>
          <thead ref={headRef}>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => {
                const sorted = sort.key === c.key ? sort.direction : undefined;
                return (
                  <th key={c.key} scope="col" aria-sort={sorted ?? 'none'} class={c.key === 'budget' || c.key === 'priority' ? 'is-numeric' : ''}>
                    <button type="button" class="plans-sort" onClick={() => toggleSort(c.key)}>
                      {tp(c.label)}
                      <span class={`plans-sort-mark${sorted ? ' is-sorted' : ''}`} aria-hidden="true">
                        {sorted === 'descending' ? '▼' : '▲'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody onKeyDown={onBodyKeyDown}>
            {spaceAbove > 0 && (
              <tr class="plans-spacer" aria-hidden="true" style={{ height: `${spaceAbove}px` }}>
                <td colSpan={COLUMNS.length} />
              </tr>
            )}
            {visible.map((row, i) => {
              const index = first + i;
              const areas = row.focusAreaIds.map((id) => focusAreaTitles.get(id)).filter((x): x is string => x !== undefined);
              const name = row.title || t('doc.untitled');
              return (
                <tr
                  key={row.id}
                  data-id={row.id}
                  data-index={index}
                  aria-rowindex={index + 2}
                  tabIndex={index === activeIndex ? 0 : -1}
                  class="plans-row"
                  style={{ height: `${ROW_HEIGHT}px` }}
                  onFocus={(e) => {
                    if (e.target === e.currentTarget) setActiveId(row.id);
                  }}
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest('select, input, button, a')) return;
                    setActiveId(row.id);
                    open(row);
                  }}
                >
                  <td class="cell-title">
                    <span class={`plans-row-title${row.title ? '' : ' is-placeholder'}`}>{name}</span>
                    <CompareBadge doc={model.doc} id={row.id} />
                    <span class="plans-row-detail">{areas.length > 0 ? areas.join(' · ') : tp('table.noFocusArea', { label: labels.focusArea.toLocaleLowerCase() })}</span>
                  </td>
                  <td class="cell-plan" title={row.planTitle}>
                    {row.planTitle || t('doc.untitled')}
                  </td>
                  <td class={`cell-owner${row.ownerState === 'missing' ? ' is-missing' : ''}`}>
                    <select
                      data-field="ownerId"
                      class="select plans-cell-select"
                      aria-label={tp('table.ownerOf', { name })}
                      disabled={readOnly}
                      value={row.ownerId ?? ''}
                      onChange={(e) => {
                        const ownerId = e.currentTarget.value;
                        model.update('initiative', row.id, { ownerId: ownerId || null });
                      }}
                    >
                      {(row.ownerState === 'missing' ? ownerOptions(model, row.ownerId) : baseOwnerOptions).map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <FieldMark doc={model.doc} id={row.id} fields={['ownerId']} />
                  </td>
                  <td class="cell-status">
                    <select
                      data-field="status"
                      class={`select plans-cell-select plans-status-select status-${row.status ?? 'none'}`}
                      aria-label={tp('table.statusOf', { name })}
                      disabled={readOnly}
                      value={row.status ?? ''}
                      onChange={(e) => {
                        const status = e.currentTarget.value as InitiativeStatus | '';
                        model.update('initiative', row.id, { status: status || null });
                        announce(tp('table.statusChanged', { name, status: statusLabel(status || undefined) }));
                      }}
                    >
                      <option value="">{t('common.none')}</option>
                      {INITIATIVE_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {statusLabel(s)}
                        </option>
                      ))}
                    </select>
                    <FieldMark doc={model.doc} id={row.id} fields={['status']} />
                  </td>
                  <td class="cell-period">{formatPeriod(row.start, row.end)}<FieldMark doc={model.doc} id={row.id} fields={['start', 'end']} /></td>
                  <td class="cell-priority is-numeric">{row.priority ?? ''}<FieldMark doc={model.doc} id={row.id} fields={['priority']} /></td>
                  <td class="cell-budget is-numeric">{formatAmount(row.budget)}<FieldMark doc={model.doc} id={row.id} fields={['budget']} /></td>
                </tr>
              );
            })}
            {spaceBelow > 0 && (
              <tr class="plans-spacer" aria-hidden="true" style={{ height: `${spaceBelow}px` }}>
                <td colSpan={COLUMNS.length} />
              </tr>
            )}
          </tbody>
        </table>
        {shown.length === 0 && (
          <div class="empty-state plans-empty">
            <p>{rows.length === 0 ? tp('table.noneAtAll') : tp('table.noneMatch')}</p>
            {filtered && (
              <button type="button" class="button button-small" onClick={() => updateFilter({ planId: '', owner: '', status: '', perspectiveId: '', focusAreaId: '', text: '' })}>
                {tp('filter.reset')}
              </button>
            )}
          </div>
        )}
      </div>
      <p class="plans-hint muted small">{tp('table.keyboardHint')}</p>
    </div>
  );
}

function FilterSelect({
  field,
  label,
  value,
  onChange,
  children,
  highlight,
}: {
  /** The data-field of the select (tests and jump targets find it by this, not by its label). */
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ComponentChildren;
  highlight?: boolean;
}) {
  const id = useId();
  return (
    <div class={`plans-filter${value ? ' is-active' : ''}${highlight ? ' is-highlighted' : ''}`}>
      <label class="field-label" for={id}>
        {label}
      </label>
      <select id={id} class="select" data-field={field} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
    </div>
  );
}
