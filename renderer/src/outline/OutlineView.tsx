// "Disposition": the whole strategy read as it will be published — cover, numbered chapters, vision,
// perspectives and focus areas with their text and goals, action-plan tables, owners. Clicking a
// part (or its heading button) opens it in the editing pane.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { VISION_ID, type StrategyModel } from '../../../shared/model';
import type { RichField, SectionData } from '../../../shared/model/types';
import type { SectionPlacement } from '../../../shared/format/schema';
import { useDocVersion } from '../session/use-doc';
import { currentLanguage, formatNumber, t } from '../i18n/i18n';
import { formatInitiativePeriod, formatYears } from '../../../shared/i18n/format';
import { BEARINGS_KEY, META_KEY, OWNERS_KEY, PERSPECTIVES_KEY, PLANS_KEY, VISION_KEY, VISION_PRINCIPLES_KEY } from '../session/nav-tree';
import type { DocumentViewProps } from '../session/view-registry';
import { resolveLabels } from '../session/labels';
import { RichView } from './RichView';

type Select = (key: string) => void;

function Rich({ model, id, field, level }: { model: StrategyModel; id: string; field: RichField; level: number }) {
  let fragment;
  try {
    fragment = model.fragment(id, field);
  } catch {
    return null;
  }
  return <RichView fragment={fragment} headingBase={level} />;
}

/** A part of the outline: clicking it opens its editor; its heading is a button for keyboard users. */
function Part({
  itemKey,
  select,
  level,
  number,
  title,
  children,
  className,
}: {
  itemKey: string;
  select: Select;
  level: 2 | 3 | 4;
  number?: string | undefined;
  title: string;
  children?: ComponentChildren;
  className?: string;
}) {
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4';
  return (
    <section
      class={`outline-part outline-level-${level}${className ? ` ${className}` : ''}`}
      data-key={itemKey}
      onClick={(e) => {
        // Links keep working; everything else jumps to the editor.
        e.stopPropagation();
        if ((e.target as HTMLElement).closest('a')) return;
        select(itemKey);
      }}
    >
      <Heading class="outline-heading">
        <button type="button" class="outline-jump" title={t('outline.jump')}>
          {number && <span class="outline-number">{number}</span>}
          <span>{title || t('doc.untitled')}</span>
        </button>
      </Heading>
      {children}
    </section>
  );
}

export function OutlineView({ session, select, selectedKey }: DocumentViewProps) {
  // Structure and fields re-render the outline; each text follows its own fragment (RichView).
  const version = useDocVersion(session, { structureOnly: true });
  const viewRef = useRef<HTMLDivElement>(null);

  // Choosing a part in the navigator while the outline is shown scrolls the outline to it.
  useEffect(() => {
    const target = viewRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(selectedKey)}"]`);
    if (target && selectedKey !== META_KEY) target.scrollIntoView({ block: 'start' });
  }, [selectedKey]);
  const { model } = session;
  const meta = model.getMeta();
  const labels = resolveLabels(model);
  const jump: Select = (key) => select(key, 'edit');
  const principlesLabel = labels.principles;
  const bearingsLabel = labels.bearings;
  const perspectivesLabel = labels.perspectives;
  const focusAreasLabel = labels.focusAreas;

  const sections = model.list('section');
  const sectionsAt = (placement: SectionPlacement) => sections.filter((s) => (s.placement ?? 'afterVision') === placement);
  let chapter = 0;
  const next = () => String(++chapter);

  const sectionPart = (section: SectionData) => (
    <Part key={section.id} itemKey={section.id} select={jump} level={2} number={next()} title={section.title}>
      <Rich model={model} id={section.id} field="body" level={2} />
    </Part>
  );

  const perspectives = model.list('perspective');
  const hidden = perspectives.some((p) => p.hidden);
  const visionPrinciples = model.list('principle', VISION_ID);
  const bearings = model.list('bearing');
  const plans = model.list('actionPlan');
  const owners = model.list('owner');
  const ownerName = (id: string | undefined) => (id ? (model.get('owner', id)?.name ?? '') : '');
  const focusAreaTitle = new Map(model.list('focusArea').map((fa) => [fa.id, fa.title]));

  const focusAreaPart = (fa: { id: string; title: string }, number: string, level: 3 | 4) => {
    const goals = model.list('goal', fa.id);
    return (
      <Part key={fa.id} itemKey={fa.id} select={jump} level={level} number={number} title={fa.title}>
        <Rich model={model} id={fa.id} field="body" level={level} />
        {goals.length > 0 && (
          <div class="outline-goals">
            <p class="outline-label">{t('focusArea.goals')}</p>
            <ul>
              {goals.map((g) => (
                <li key={g.id}>{g.text}</li>
              ))}
            </ul>
          </div>
        )}
      </Part>
    );
  };

  return (
    <div class="outline-view" ref={viewRef}>
      <article class="outline-doc" aria-label={t('outline.label')} data-version={version}>
        <header
          class="outline-cover"
          data-key={META_KEY}
          onClick={() => jump(META_KEY)}
        >
          <p class="outline-organisation">{meta.organisation}</p>
          <h1 class="outline-title">
            <button type="button" class="outline-jump" title={t('outline.jump')}>
              {meta.title || t('doc.untitled')}
            </button>
          </h1>
          {meta.subtitle && <p class="outline-subtitle">{meta.subtitle}</p>}
          <p class="outline-period">
            {formatYears(meta.period)}
            {meta.status && <span class="outline-status"> · {t(`meta.status.${meta.status}`)}</span>}
            {meta.version && <span> · {t('outline.version', { version: meta.version })}</span>}
          </p>
        </header>

        {sectionsAt('beforeVision').map(sectionPart)}

        <Part itemKey={VISION_KEY} select={jump} level={2} number={next()} title={t('nav.vision')}>
          <div class="outline-vision-statement">
            <Rich model={model} id={VISION_ID} field="statement" level={2} />
          </div>
          <Rich model={model} id={VISION_ID} field="body" level={2} />
          {visionPrinciples.length > 0 && (
            <Part itemKey={VISION_PRINCIPLES_KEY} select={jump} level={3} title={principlesLabel}>
              <ol class="outline-statements">
                {visionPrinciples.map((p) => (
                  <li key={p.id} data-key={p.id} onClick={(e) => (e.stopPropagation(), jump(p.id))}>
                    <strong>{p.title}</strong>
                    <Rich model={model} id={p.id} field="body" level={3} />
                  </li>
                ))}
              </ol>
            </Part>
          )}
          {bearings.length > 0 && (
            <Part itemKey={BEARINGS_KEY} select={jump} level={3} title={bearingsLabel}>
              <ol class="outline-statements">
                {bearings.map((b) => (
                  <li key={b.id} data-key={b.id} onClick={(e) => (e.stopPropagation(), jump(b.id))}>
                    <strong>{b.title}</strong>
                    <Rich model={model} id={b.id} field="body" level={3} />
                  </li>
                ))}
              </ol>
            </Part>
          )}
        </Part>

        {sectionsAt('afterVision').map(sectionPart)}

        {(() => {
          const number = next();
          if (hidden) {
            const areas = perspectives.flatMap((p) => (p.hidden ? model.list('focusArea', p.id) : []));
            return (
              <Part itemKey={PERSPECTIVES_KEY} select={jump} level={2} number={number} title={focusAreasLabel}>
                {areas.map((fa, i) => focusAreaPart(fa, `${number}.${i + 1}`, 3))}
              </Part>
            );
          }
          return (
            <Part itemKey={PERSPECTIVES_KEY} select={jump} level={2} number={number} title={perspectivesLabel}>
              {perspectives.map((p, i) => {
                const pNumber = `${number}.${i + 1}`;
                const own = model.list('principle', p.id);
                return (
                  <Part key={p.id} itemKey={p.id} select={jump} level={3} number={pNumber} title={p.title}>
                    <Rich model={model} id={p.id} field="intro" level={3} />
                    {own.length > 0 && (
                      <div class="outline-goals">
                        <p class="outline-label">{principlesLabel}</p>
                        <ol>
                          {own.map((pr) => (
                            <li key={pr.id}>{pr.title}</li>
                          ))}
                        </ol>
                      </div>
                    )}
                    {model.list('focusArea', p.id).map((fa, j) => focusAreaPart(fa, `${pNumber}.${j + 1}`, 4))}
                  </Part>
                );
              })}
            </Part>
          );
        })()}

        {sectionsAt('afterPerspectives').map(sectionPart)}

        {plans.length > 0 &&
          (() => {
            const number = next();
            return (
              <Part itemKey={PLANS_KEY} select={jump} level={2} number={number} title={t('nav.actionPlans')}>
                {plans.map((plan, i) => {
                  const initiatives = model.list('initiative', plan.id);
                  return (
                    <Part key={plan.id} itemKey={plan.id} select={jump} level={3} number={`${number}.${i + 1}`} title={plan.title}>
                      <p class="outline-meta">
                        {t(`plan.kind.${plan.kind}`)} · {formatYears(plan.period)}
                        {plan.ownerId && ` · ${ownerName(plan.ownerId)}`}
                      </p>
                      <Rich model={model} id={plan.id} field="intro" level={3} />
                      {initiatives.length > 0 && (
                        <table class="data-table outline-table">
                          <caption class="visually-hidden">{t('outline.planTable', { title: plan.title })}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('outline.initiative')}</th>
                              <th scope="col">{t('initiative.owner')}</th>
                              <th scope="col">{focusAreasLabel}</th>
                              <th scope="col">{t('outline.period')}</th>
                              <th scope="col">{t('initiative.status')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {initiatives.map((item) => (
                              <tr key={item.id} data-key={item.id} onClick={(e) => (e.stopPropagation(), jump(item.id))}>
                                <td>{item.title}</td>
                                <td>{ownerName(item.ownerId)}</td>
                                <td>{item.focusAreaIds.map((id) => focusAreaTitle.get(id) ?? id).join(', ')}</td>
                                <td data-testid="outline-period">{formatInitiativePeriod(item.start, item.end, currentLanguage())}</td>
                                <td>{item.status ? t(`initiative.status.${item.status}`) : ''}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      )}
                    </Part>
                  );
                })}
              </Part>
            );
          })()}

        {owners.length > 0 && (
          <Part itemKey={OWNERS_KEY} select={jump} level={2} number={next()} title={t('nav.owners')}>
            <ul class="outline-owners">
              {owners.map((o) => (
                <li key={o.id}>
                  {o.name} <span class="muted">({t(`owners.kind.${o.kind}`)})</span>
                </li>
              ))}
            </ul>
          </Part>
        )}

        {sectionsAt('end').map(sectionPart)}
        <p class="outline-footnote muted small">{t('outline.count', { count: formatNumber(model.list('focusArea').length), label: focusAreasLabel.toLowerCase() })}</p>
      </article>
    </div>
  );
}
