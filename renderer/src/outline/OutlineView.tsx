// "Disposition": the whole strategy read as it will be published — cover, then the Word document's
// chapters in its order with its numbers (./disposition.ts reads them from the one index of the export,
// shared/export/strategy-index.ts): free sections (a foreword without number), vision, each perspective a
// chapter with its focus areas, action-plan tables, "Om strategien". Clicking a part (or its heading
// button) opens it in the editing pane.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { VISION_ID, type StrategyModel } from '../../../shared/model';
import type { PerspectiveData, RichField } from '../../../shared/model/types';
import { aboutFacts, type DispositionEntry } from '../../../shared/export/strategy-index';
import { useDocVersion } from '../session/use-doc';
import { currentLanguage, formatNumber, t } from '../i18n/i18n';
import { formatInitiativePeriod, formatYears } from '../../../shared/i18n/format';
import { BEARINGS_KEY, META_KEY, PERSPECTIVES_KEY, PLANS_KEY, VISION_KEY, VISION_PRINCIPLES_KEY } from '../session/nav-tree';
import type { DocumentViewProps } from '../session/view-registry';
import { resolveLabels } from '../session/labels';
import { RichView } from './RichView';
import { useDisposition } from './disposition';

type Select = (key: string) => void;

function Rich({ model, id, field, level, numbers }: { model: StrategyModel; id: string; field: RichField; level: number; numbers?: Numbers }) {
  let fragment;
  try {
    fragment = model.fragment(id, field);
  } catch {
    return null;
  }
  const own = numbers?.rich(id, field);
  return <RichView fragment={fragment} headingBase={level} {...(own ? { numbers: own } : {})} />;
}

/** The disposition's numbers by what they number: an item, a fixed chapter, or the headings of a rich field. */
class Numbers {
  private readonly byKey = new Map<string, DispositionEntry>();
  private readonly richByField = new Map<string, string[]>();

  constructor(readonly entries: DispositionEntry[]) {
    for (const entry of entries) {
      if (entry.kind === 'richHeading') {
        const key = `${entry.itemId ?? ''}:${entry.field ?? ''}`;
        this.richByField.set(key, [...(this.richByField.get(key) ?? []), entry.number]);
      } else {
        this.byKey.set(Numbers.key(entry.kind, entry.itemId), entry);
      }
    }
  }

  static key(kind: DispositionEntry['kind'], itemId?: string): string {
    return `${kind}:${itemId ?? ''}`;
  }

  of(kind: DispositionEntry['kind'], itemId?: string): DispositionEntry | undefined {
    return this.byKey.get(Numbers.key(kind, itemId));
  }

  rich(itemId: string, field: string): string[] | undefined {
    return this.richByField.get(`${itemId}:${field}`);
  }
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
  kind,
}: {
  itemKey: string;
  select: Select;
  level: 2 | 3 | 4;
  number?: string | undefined;
  title: string;
  children?: ComponentChildren;
  className?: string;
  /** What the part is in the disposition (e2e specs and the scroll-to find parts by it). */
  kind?: DispositionEntry['kind'];
}) {
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4';
  return (
    <section
      class={`outline-part outline-level-${level}${className ? ` ${className}` : ''}`}
      data-key={itemKey}
      {...(kind ? { 'data-kind': kind } : {})}
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
  // Structure and fields re-render the outline; each text follows its own fragment (RichView), and the
  // numbers follow the headings (useDisposition re-reads them when a heading changes).
  const version = useDocVersion(session, { structureOnly: true });
  const entries = useDisposition(session);
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
  const numbers = new Numbers(entries);
  const focusAreasLabel = labels.focusAreas;

  const sections = new Map(model.list('section').map((s) => [s.id, s]));
  const perspectives = model.list('perspective');
  const visionPrinciples = model.list('principle', VISION_ID);
  const bearings = model.list('bearing');
  const plans = model.list('actionPlan');
  const ownerName = (id: string | undefined) => (id ? (model.get('owner', id)?.name ?? '') : '');
  const focusAreaTitle = new Map(model.list('focusArea').map((fa) => [fa.id, fa.title]));

  const statements = (list: { id: string; title: string }[]) => (
    <ol class="outline-statements">
      {list.map((p) => (
        <li key={p.id} data-key={p.id} onClick={(e) => (e.stopPropagation(), jump(p.id))}>
          <strong>{p.title}</strong>
          <Rich model={model} id={p.id} field="body" level={3} numbers={numbers} />
        </li>
      ))}
    </ol>
  );

  const focusAreaPart = (fa: { id: string; title: string }) => {
    const entry = numbers.of('focusArea', fa.id);
    const goals = model.list('goal', fa.id);
    return (
      <Part key={fa.id} itemKey={fa.id} kind="focusArea" select={jump} level={3} number={entry?.number} title={entry?.title ?? fa.title}>
        <Rich model={model} id={fa.id} field="body" level={3} numbers={numbers} />
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

  /** The principles of a perspective, under their heading (a sub-heading in Word too). */
  const perspectiveBody = (p: PerspectiveData) => {
    const own = model.list('principle', p.id);
    const principles = numbers.of('principles', p.id);
    return (
      <>
        <Rich model={model} id={p.id} field="intro" level={2} numbers={numbers} />
        {own.length > 0 && principles && (
          <Part itemKey={`${p.id}:principles`} kind="principles" select={() => jump(p.id)} level={3} number={principles.number} title={principles.title}>
            {statements(own)}
          </Part>
        )}
        {model.list('focusArea', p.id).map(focusAreaPart)}
      </>
    );
  };

  const chapter = (entry: DispositionEntry) => {
    switch (entry.kind) {
      case 'section': {
        const section = entry.itemId ? sections.get(entry.itemId) : undefined;
        if (!section) return null;
        return (
          <Part key={section.id} itemKey={section.id} kind="section" select={jump} level={2} number={entry.number} title={entry.title} className={section.unnumbered ? 'outline-unnumbered' : undefined}>
            <Rich model={model} id={section.id} field="body" level={2} numbers={numbers} />
          </Part>
        );
      }
      case 'vision': {
        const principles = numbers.of('principles');
        const bearingsEntry = numbers.of('bearings');
        return (
          <Part key="vision" itemKey={VISION_KEY} kind="vision" select={jump} level={2} number={entry.number} title={entry.title}>
            <div class="outline-vision-statement">
              <Rich model={model} id={VISION_ID} field="statement" level={2} numbers={numbers} />
            </div>
            <Rich model={model} id={VISION_ID} field="body" level={2} numbers={numbers} />
            {visionPrinciples.length > 0 && principles && (
              <Part itemKey={VISION_PRINCIPLES_KEY} kind="principles" select={jump} level={3} number={principles.number} title={principles.title}>
                {statements(visionPrinciples)}
              </Part>
            )}
            {bearings.length > 0 && bearingsEntry && (
              <Part itemKey={BEARINGS_KEY} kind="bearings" select={jump} level={3} number={bearingsEntry.number} title={bearingsEntry.title}>
                {statements(bearings)}
              </Part>
            )}
          </Part>
        );
      }
      case 'perspective': {
        const p = perspectives.find((candidate) => candidate.id === entry.itemId);
        if (!p) return null;
        return (
          <Part key={p.id} itemKey={p.id} kind="perspective" select={jump} level={2} number={entry.number} title={entry.title}>
            {perspectiveBody(p)}
          </Part>
        );
      }
      case 'focusAreas': {
        // A strategy without the perspective level: the focus areas of consecutive hidden perspectives in one chapter.
        const from = perspectives.findIndex((candidate) => candidate.id === entry.itemId);
        if (from < 0) return null;
        const run: PerspectiveData[] = [];
        for (let i = from; i < perspectives.length && perspectives[i]?.hidden; i++) run.push(perspectives[i] as PerspectiveData);
        return (
          <Part key={`hidden:${entry.itemId}`} itemKey={PERSPECTIVES_KEY} kind="focusAreas" select={jump} level={2} number={entry.number} title={entry.title}>
            {run.map((p) => (
              <div key={p.id} class="outline-hidden-perspective">
                {perspectiveBody(p)}
              </div>
            ))}
          </Part>
        );
      }
      case 'actionPlans':
        return (
          <Part key="plans" itemKey={PLANS_KEY} kind="actionPlans" select={jump} level={2} number={entry.number} title={entry.title}>
            {plans.map((plan) => {
              const planEntry = numbers.of('actionPlan', plan.id);
              const initiatives = model.list('initiative', plan.id);
              return (
                <Part key={plan.id} itemKey={plan.id} kind="actionPlan" select={jump} level={3} number={planEntry?.number} title={planEntry?.title ?? plan.title}>
                  <p class="outline-meta">
                    {t(`plan.kind.${plan.kind}`)} · {formatYears(plan.period)}
                    {plan.ownerId && ` · ${ownerName(plan.ownerId)}`}
                  </p>
                  <Rich model={model} id={plan.id} field="intro" level={3} numbers={numbers} />
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
      case 'about': {
        // "Om strategien": the cover's facts as the document lists them; editing them is the cover's form.
        return (
          <Part key="about" itemKey={`${META_KEY}:about`} kind="about" select={() => jump(META_KEY)} level={2} number={entry.number} title={entry.title}>
            <dl class="outline-about">
              {aboutFacts(meta).map(({ label, value }) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
            </dl>
          </Part>
        );
      }
      default:
        return null;
    }
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

        {entries.filter((entry) => entry.level === 1 && entry.kind !== 'richHeading').map(chapter)}
        <p class="outline-footnote muted small">{t('outline.count', { count: formatNumber(model.list('focusArea').length), label: focusAreasLabel.toLowerCase() })}</p>
      </article>
    </div>
  );
}
