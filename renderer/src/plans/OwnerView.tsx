// "Pr. ansvarlig": everything one owner is responsible for — initiatives as owner and as participant,
// action plans, the units and people under it (and what they own) — and where it sits in the
// hierarchy. The user can mark an owner as themself ("Det er mig"), which the "Mine" filter uses.
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { InitiativeData } from '../../../shared/model/types';
import { useDocVersion } from '../session/use-doc';
import { t } from '../i18n/i18n';
import type { DocumentViewProps } from '../session/view-registry';
import { formatPeriod, statusLabel, statusTone } from './format';
import { indented } from './owner-options';
import { ownerResponsibilities, ownerTree } from './plan-data';
import { tp } from './plans-i18n';
import { openInEditor, useMe, useStickyState } from './use-plans';

export function OwnerView({ session, select }: DocumentViewProps) {
  const version = useDocVersion(session, { structureOnly: true });
  const { model, documentId } = session;
  const [me, setMe] = useMe(documentId);
  const owners = model.list('owner');
  const [chosen, setChosen] = useStickyState<string | undefined>(`owner.selected.${documentId}`, undefined);
  const ownerId = [chosen, me, owners[0]?.id].find((id) => id !== undefined && owners.some((o) => o.id === id));
  const data = useMemo(() => (ownerId ? ownerResponsibilities(model, ownerId) : undefined), [model, ownerId, version]);
  const planTitles = useMemo(() => new Map(model.list('actionPlan').map((p) => [p.id, p.title])), [model, version]);

  if (owners.length === 0 || !data) {
    return (
      <div class="plans-view plans-owner">
        <header class="plans-header">
          <h1 class="plans-title">{tp('view.owner')}</h1>
        </header>
        <p class="empty-state">{tp('owner.noOwners')}</p>
      </div>
    );
  }

  const { owner } = data;
  const isMe = me === owner.id;
  const belowCount = data.below.reduce((n, b) => n + b.initiatives.length, 0);
  const openOwner = (id: string) => setChosen(id);

  return (
    <div class="plans-view plans-owner">
      <header class="plans-header">
        <div>
          <h1 class="plans-title">{tp('view.owner')}</h1>
          <p class="plans-subtitle">{tp('owner.intro')}</p>
        </div>
        <label class="plans-filter">
          <span class="field-label">{tp('owner.choose')}</span>
          <select data-field="filter.owner" class="select" value={owner.id} onChange={(e) => setChosen(e.currentTarget.value)} data-testid="owner-select">
            {ownerTree(owners).map(({ owner: o, depth }) => (
              <option key={o.id} value={o.id}>
                {indented(o.name, depth)}
                {o.id === me ? ` (${tp('owner.you')})` : ''}
              </option>
            ))}
          </select>
        </label>
      </header>

      <div class="plans-scroll">
        <section class="owner-card" aria-labelledby="owner-name">
          <div class="owner-card-head">
            <div>
              <h2 id="owner-name" class="owner-name">
                {owner.name || t('doc.untitled')}
                {isMe && <span class="owner-you">{tp('owner.you')}</span>}
              </h2>
              <p class="owner-meta">
                {t(`owners.kind.${owner.kind}`)}
                {owner.email && (
                  <>
                    {' · '}
                    <a href={`mailto:${owner.email}`}>{owner.email}</a>
                  </>
                )}
              </p>
              {data.ancestors.length > 0 && (
                <nav class="owner-path" aria-label={tp('owner.belongsTo')}>
                  <span class="muted">{tp('owner.belongsTo')}: </span>
                  {[...data.ancestors].reverse().map((a, i) => (
                    <span key={a.id}>
                      {i > 0 && ' › '}
                      <button type="button" class="link-button" onClick={() => openOwner(a.id)}>
                        {a.name || t('doc.untitled')}
                      </button>
                    </span>
                  ))}
                </nav>
              )}
            </div>
            <div class="owner-actions">
              <button type="button" class="button button-small" aria-pressed={isMe} onClick={() => setMe(isMe ? undefined : owner.id)}>
                {isMe ? tp('owner.notMe') : tp('owner.thisIsMe')}
              </button>
              <button type="button" class="button button-small" onClick={() => openInEditor(select, { key: 'owners', ownerId: owner.id })}>
                {tp('owner.editInRegister')}
              </button>
            </div>
          </div>
          <dl class="owner-stats">
            <div>
              <dt>{tp('owner.statOwned')}</dt>
              <dd>{data.initiatives.length}</dd>
            </div>
            <div>
              <dt>{tp('owner.statParticipating')}</dt>
              <dd>{data.participations.length}</dd>
            </div>
            <div>
              <dt>{tp('owner.statPlans')}</dt>
              <dd>{data.plans.length}</dd>
            </div>
            <div>
              <dt>{tp('owner.statBelow')}</dt>
              <dd>{belowCount}</dd>
            </div>
          </dl>
        </section>

        <OwnerSection title={tp('owner.owned')} count={data.initiatives.length} empty={tp('owner.ownedNone')}>
          <InitiativeList items={data.initiatives} planTitles={planTitles} open={(id) => openInEditor(select, { key: id })} />
        </OwnerSection>

        <OwnerSection title={tp('owner.participating')} count={data.participations.length} empty={tp('owner.participatingNone')}>
          <InitiativeList items={data.participations} planTitles={planTitles} open={(id) => openInEditor(select, { key: id })} />
        </OwnerSection>

        <OwnerSection title={tp('owner.plans')} count={data.plans.length} empty={tp('owner.plansNone')}>
          <ul class="owner-list">
            {data.plans.map((p) => (
              <li key={p.id}>
                <button type="button" class="link-button" onClick={() => openInEditor(select, { key: p.id })}>
                  {p.title || t('doc.untitled')}
                </button>
                <span class="muted small">
                  {' '}
                  {t(`plan.kind.${p.kind}`)} · {p.period.from}–{p.period.to}
                </span>
              </li>
            ))}
          </ul>
        </OwnerSection>

        <OwnerSection title={tp('owner.below')} count={data.below.length} empty={tp('owner.belowNone')}>
          <ul class="owner-list owner-below">
            {data.below.map((b) => (
              <li key={b.owner.id} style={{ paddingLeft: `${(b.depth - 1) * 20}px` }}>
                <button type="button" class="link-button" onClick={() => openOwner(b.owner.id)}>
                  {b.owner.name || t('doc.untitled')}
                </button>
                <span class="muted small">
                  {' '}
                  {t(`owners.kind.${b.owner.kind}`)} · {tp('owner.initiativeCount', { count: b.initiatives.length })}
                </span>
                {b.initiatives.length > 0 && <InitiativeList items={b.initiatives} planTitles={planTitles} open={(id) => openInEditor(select, { key: id })} compact />}
              </li>
            ))}
          </ul>
        </OwnerSection>
      </div>
    </div>
  );
}

function OwnerSection({ title, count, empty, children }: { title: string; count: number; empty: string; children: ComponentChildren }) {
  return (
    <section class="owner-section" aria-label={title}>
      <h2 class="owner-section-title">
        {title} <span class="owner-count">{count}</span>
      </h2>
      {count === 0 ? <p class="muted owner-empty">{empty}</p> : children}
    </section>
  );
}

function InitiativeList({
  items,
  planTitles,
  open,
  compact,
}: {
  items: InitiativeData[];
  planTitles: Map<string, string>;
  open: (id: string) => void;
  compact?: boolean;
}) {
  return (
    <ul class={`owner-initiatives${compact ? ' is-compact' : ''}`}>
      {items.map((it) => (
        <li key={it.id}>
          <button type="button" class="owner-initiative" onClick={() => open(it.id)}>
            <span class="owner-initiative-title">{it.title || t('doc.untitled')}</span>
            <span class="owner-initiative-meta">
              {planTitles.get(it.planId) ?? ''}
              {it.start || it.end ? ` · ${formatPeriod(it.start, it.end)}` : ''}
            </span>
            <span class={statusTone(it.status)}>{statusLabel(it.status)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
