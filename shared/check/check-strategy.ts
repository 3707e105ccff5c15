// Quality checks on a valid strategy. Pure and linear in the size of the strategy (the editor runs it live
// on every change): one pass builds id indexes, one pass per collection emits findings in document order.
import { endsBeforeStart, isReversedPeriod, periodMonths } from '../format/dates';
import type { ActionPlan, Initiative, InitiativeStatus, StrategyFile } from '../format/schema';
import { type Lang, pick } from '../format/messages';
import { type Finding, type FindingCode, SEVERITY } from './finding';

type Kind = 'section' | 'principle' | 'bearing' | 'perspective' | 'focusArea' | 'goal' | 'owner' | 'plan' | 'initiative';

interface Indexed {
  kind: Kind;
  path: string;
  title: string;
  /** For initiatives: the index of the plan holding it. */
  planIndex?: number;
}

const KIND_NAMES: Record<Kind, { da: string; en: string }> = {
  section: { da: 'et afsnit', en: 'a section' },
  principle: { da: 'et princip', en: 'a principle' },
  bearing: { da: 'et pejlemærke', en: 'a bearing' },
  perspective: { da: 'et perspektiv', en: 'a perspective' },
  focusArea: { da: 'et indsatsområde', en: 'a focus area' },
  goal: { da: 'en målsætning', en: 'a goal' },
  owner: { da: 'en ansvarlig', en: 'an owner' },
  plan: { da: 'en handlingsplan', en: 'an action plan' },
  initiative: { da: 'et initiativ', en: 'an initiative' },
};

function indexIds(s: StrategyFile): Map<string, Indexed> {
  const index = new Map<string, Indexed>();
  const put = (id: string, entry: Indexed): void => {
    if (!index.has(id)) index.set(id, entry); // duplicates are a validation problem, not a finding
  };
  s.sections?.forEach((x, i) => put(x.id, { kind: 'section', path: `/sections/${i}`, title: x.title }));
  s.vision.principles?.forEach((x, i) => put(x.id, { kind: 'principle', path: `/vision/principles/${i}`, title: x.title }));
  s.vision.bearings?.forEach((x, i) => put(x.id, { kind: 'bearing', path: `/vision/bearings/${i}`, title: x.title }));
  s.perspectives.forEach((p, i) => {
    put(p.id, { kind: 'perspective', path: `/perspectives/${i}`, title: p.title });
    p.principles?.forEach((x, j) => put(x.id, { kind: 'principle', path: `/perspectives/${i}/principles/${j}`, title: x.title }));
    p.focusAreas.forEach((f, j) => {
      put(f.id, { kind: 'focusArea', path: `/perspectives/${i}/focusAreas/${j}`, title: f.title });
      f.goals?.forEach((g, k) => put(g.id, { kind: 'goal', path: `/perspectives/${i}/focusAreas/${j}/goals/${k}`, title: g.text }));
    });
  });
  s.owners?.forEach((o, i) => put(o.id, { kind: 'owner', path: `/owners/${i}`, title: o.name }));
  s.actionPlans?.forEach((plan, i) => {
    put(plan.id, { kind: 'plan', path: `/actionPlans/${i}`, title: plan.title });
    plan.initiatives.forEach((it, j) =>
      put(it.id, { kind: 'initiative', path: `/actionPlans/${i}/initiatives/${j}`, title: it.title, planIndex: i }),
    );
  });
  return index;
}

const STATUS_DA: Record<InitiativeStatus, string> = {
  planned: 'planlagt',
  active: 'i gang',
  done: 'gennemført',
  delayed: 'forsinket',
  cancelled: 'aflyst',
};

const quote = (title: string): string => `"${title.trim() === '' ? '…' : title}"`;
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Runs every quality check; findings come in document order. Never throws on a schema-valid strategy. */
export function checkStrategy(strategy: StrategyFile, lang: Lang = 'da'): Finding[] {
  const findings: Finding[] = [];
  const t = (da: string, en: string): string => pick(lang, { da, en });
  const add = (code: FindingCode, id: string, path: string, message: string): void => {
    findings.push({ code, severity: SEVERITY[code], id, path, message });
  };
  const index = indexIds(strategy);
  // The document's own labels (e.g. "Fokusområde") are words in its language; use them only in that language.
  const labels = lang === (strategy.meta.language ?? 'da') ? (strategy.labels ?? {}) : {};
  const focusLabel = cap(labels.focusArea ?? t('indsatsområde', 'focus area'));
  const perspectiveLabel = cap(labels.perspective ?? t('perspektiv', 'perspective'));
  const plans = strategy.actionPlans ?? [];

  /** Checks one reference; reports a dangling one (missing, or naming an item of another kind). */
  const reference = (holderId: string, path: string, ref: string, want: Kind, what: { da: string; en: string }): boolean => {
    const target = index.get(ref);
    if (target?.kind === want) return true;
    const wantName = pick(lang, KIND_NAMES[want]);
    const message = target
      ? t(
          `${what.da} peger på ${JSON.stringify(ref)}, som er ${pick(lang, KIND_NAMES[target.kind])} og ikke ${wantName}.`,
          `${what.en} points at ${JSON.stringify(ref)}, which is ${pick(lang, KIND_NAMES[target.kind])}, not ${wantName}.`,
        )
      : t(
          `${what.da} peger på ${JSON.stringify(ref)}, som ikke findes (slettet?); det skulle være ${wantName}.`,
          `${what.en} points at ${JSON.stringify(ref)}, which does not exist (deleted?); it should be ${wantName}.`,
        );
    add('dangling-reference', holderId, path, message);
    return false;
  };

  // How many live (not cancelled) initiatives serve each focus area.
  const served = new Map<string, number>();
  for (const plan of plans) {
    for (const it of plan.initiatives) {
      if (it.status === 'cancelled') continue;
      for (const fa of it.focusAreaIds) served.set(fa, (served.get(fa) ?? 0) + 1);
    }
  }

  // Sections and vision.
  strategy.sections?.forEach((x, i) => {
    if (x.title.trim() === '') add('empty-title', x.id, `/sections/${i}`, t('Et afsnit har ingen titel.', 'A section has no title.'));
  });
  strategy.vision.principles?.forEach((x, i) => {
    if (x.title.trim() === '') add('empty-title', x.id, `/vision/principles/${i}`, t(`Princip nr. ${i + 1} under visionen har ingen titel.`, `Principle no. ${i + 1} of the vision has no title.`));
  });
  strategy.vision.bearings?.forEach((x, i) => {
    if (x.title.trim() === '') add('empty-title', x.id, `/vision/bearings/${i}`, t(`Pejlemærke nr. ${i + 1} har ingen titel.`, `Bearing no. ${i + 1} has no title.`));
  });

  // Perspectives and focus areas.
  strategy.perspectives.forEach((p, i) => {
    const pPath = `/perspectives/${i}`;
    if (!p.hidden && p.title.trim() === '') {
      add('empty-title', p.id, pPath, t(`${perspectiveLabel} nr. ${i + 1} har ingen titel.`, `${perspectiveLabel} no. ${i + 1} has no title.`));
    }
    p.principles?.forEach((x, j) => {
      if (x.title.trim() === '') add('empty-title', x.id, `${pPath}/principles/${j}`, t(`Et princip under ${quote(p.title)} har ingen titel.`, `A principle under ${quote(p.title)} has no title.`));
    });
    p.focusAreas.forEach((f, j) => {
      const fPath = `${pPath}/focusAreas/${j}`;
      if (f.title.trim() === '') add('empty-title', f.id, fPath, t(`${focusLabel} nr. ${j + 1} under ${quote(p.title)} har ingen titel.`, `${focusLabel} no. ${j + 1} under ${quote(p.title)} has no title.`));
      if (!served.get(f.id)) {
        add(
          'focus-area-without-initiative',
          f.id,
          fPath,
          t(
            `${focusLabel} ${quote(f.title)} har intet initiativ i nogen handlingsplan (aflyste tæller ikke).`,
            `${focusLabel} ${quote(f.title)} has no initiative in any action plan (cancelled ones do not count).`,
          ),
        );
      }
    });
  });

  // Owners.
  strategy.owners?.forEach((o, i) => {
    const oPath = `/owners/${i}`;
    if (o.name.trim() === '') add('empty-title', o.id, oPath, t(`Ansvarlig nr. ${i + 1} har intet navn.`, `Owner no. ${i + 1} has no name.`));
    if (o.parentId !== undefined) {
      reference(o.id, `${oPath}/parentId`, o.parentId, 'owner', { da: `Overordnet (parentId) for ${quote(o.name)}`, en: `The parent (parentId) of ${quote(o.name)}` });
    }
  });

  // The strategy's own period.
  const meta = strategy.meta.period;
  if (isReversedPeriod(meta)) {
    add(
      'strategy-period-reversed',
      'meta',
      '/meta/period',
      t(
        `Strategiens periode går baglæns: den starter i ${meta.from} og slutter i ${meta.to}.`,
        `The strategy's period runs backwards: it starts in ${meta.from} and ends in ${meta.to}.`,
      ),
    );
  }

  // Action plans and initiatives.
  plans.forEach((plan, i) => checkPlan(plan, i));

  function checkPlan(plan: ActionPlan, i: number): void {
    const planPath = `/actionPlans/${i}`;
    const name = quote(plan.title);
    if (plan.title.trim() === '') add('empty-title', plan.id, planPath, t(`Handlingsplan nr. ${i + 1} har ingen titel.`, `Action plan no. ${i + 1} has no title.`));
    if (plan.ownerId !== undefined) {
      reference(plan.id, `${planPath}/ownerId`, plan.ownerId, 'owner', { da: `Ansvarlig (ownerId) for handlingsplanen ${name}`, en: `The owner (ownerId) of action plan ${name}` });
    }
    let parentIndex: number | undefined;
    if (plan.parentPlanId !== undefined) {
      const ok = reference(plan.id, `${planPath}/parentPlanId`, plan.parentPlanId, 'plan', {
        da: `Overordnet plan (parentPlanId) for handlingsplanen ${name}`,
        en: `The parent plan (parentPlanId) of action plan ${name}`,
      });
      if (ok) parentIndex = plans.findIndex((p) => p.id === plan.parentPlanId);
    } else if (plan.kind === 'local') {
      add(
        'local-plan-without-parent',
        plan.id,
        planPath,
        t(
          `Den lokale handlingsplan ${name} har ingen fælles plan, den støtter op om (parentPlanId).`,
          `The local action plan ${name} names no common plan it supports (parentPlanId).`,
        ),
      );
    }
    if (isReversedPeriod(plan.period)) {
      add(
        'plan-period-reversed',
        plan.id,
        `${planPath}/period`,
        t(
          `Perioden for handlingsplanen ${name} går baglæns: den starter i ${plan.period.from} og slutter i ${plan.period.to}.`,
          `The period of action plan ${name} runs backwards: it starts in ${plan.period.from} and ends in ${plan.period.to}.`,
        ),
      );
    }
    // A reversed period is its own finding; measured against it, every plan would be "outside".
    if (!isReversedPeriod(meta) && !isReversedPeriod(plan.period) && plan.kind !== 'transition' && (plan.period.from < meta.from || plan.period.to > meta.to)) {
      add(
        'plan-outside-strategy-period',
        plan.id,
        planPath,
        t(
          `Handlingsplanen ${name} (${plan.period.from}-${plan.period.to}) ligger uden for strategiens periode ${meta.from}-${meta.to}.`,
          `Action plan ${name} (${plan.period.from}-${plan.period.to}) lies outside the strategy period ${meta.from}-${meta.to}.`,
        ),
      );
    }
    const parentIds = parentIndex === undefined ? undefined : new Set((plans[parentIndex]?.initiatives ?? []).map((x) => x.id));
    plan.initiatives.forEach((it, j) => checkInitiative(it, `${planPath}/initiatives/${j}`, plan, parentIds));
  }

  function checkInitiative(it: Initiative, path: string, plan: ActionPlan, parentIds: Set<string> | undefined): void {
    const name = quote(it.title);
    if (it.title.trim() === '') add('empty-title', it.id, path, t(`Et initiativ i ${quote(plan.title)} har ingen titel.`, `An initiative in ${quote(plan.title)} has no title.`));
    if (it.focusAreaIds.length === 0) {
      add('initiative-without-focus-area', it.id, path, t(`Initiativet ${name} er ikke knyttet til noget ${focusLabel.toLowerCase()}.`, `Initiative ${name} serves no ${focusLabel.toLowerCase()}.`));
    }
    it.focusAreaIds.forEach((ref, k) =>
      reference(it.id, `${path}/focusAreaIds/${k}`, ref, 'focusArea', { da: `${focusLabel} for initiativet ${name}`, en: `${focusLabel} of initiative ${name}` }),
    );
    if (it.ownerId === undefined) {
      add('initiative-without-owner', it.id, path, t(`Initiativet ${name} har ingen ansvarlig.`, `Initiative ${name} has no owner.`));
    } else {
      reference(it.id, `${path}/ownerId`, it.ownerId, 'owner', { da: `Ansvarlig (ownerId) for initiativet ${name}`, en: `The owner (ownerId) of initiative ${name}` });
    }
    it.participantIds?.forEach((ref, k) =>
      reference(it.id, `${path}/participantIds/${k}`, ref, 'owner', { da: `En deltager i initiativet ${name}`, en: `A participant of initiative ${name}` }),
    );
    it.supportsInitiativeIds?.forEach((ref, k) => {
      const ok = reference(it.id, `${path}/supportsInitiativeIds/${k}`, ref, 'initiative', {
        da: `Initiativet ${name} støtter (supportsInitiativeIds) et initiativ, men referencen`,
        en: `Initiative ${name} supports (supportsInitiativeIds) an initiative, but the reference`,
      });
      if (ok && parentIds && !parentIds.has(ref)) {
        const target = index.get(ref);
        add(
          'support-outside-parent-plan',
          it.id,
          `${path}/supportsInitiativeIds/${k}`,
          t(
            `Initiativet ${name} støtter ${quote(target?.title ?? ref)}, som ikke ligger i den overordnede handlingsplan.`,
            `Initiative ${name} supports ${quote(target?.title ?? ref)}, which is not in the parent action plan.`,
          ),
        );
      }
    });
    if (endsBeforeStart(it.start, it.end)) {
      add(
        'initiative-end-before-start',
        it.id,
        path,
        t(
          `Initiativet ${name} slutter (${it.end}) før det starter (${it.start}).`,
          `Initiative ${name} ends (${it.end}) before it starts (${it.start}).`,
        ),
      );
    }
    const { first: from, last: to } = periodMonths(plan.period);
    const early = it.start !== undefined && it.start < from;
    const late = it.end !== undefined && it.end > to;
    if ((early || late) && !isReversedPeriod(plan.period)) {
      const span = `${it.start ?? '…'} – ${it.end ?? '…'}`;
      add(
        'initiative-outside-plan-period',
        it.id,
        path,
        t(
          `Initiativet ${name} (${span}) ${early ? 'starter før' : 'slutter efter'} handlingsplanens periode ${plan.period.from}-${plan.period.to}.`,
          `Initiative ${name} (${span}) ${early ? 'starts before' : 'ends after'} its action plan's period ${plan.period.from}-${plan.period.to}.`,
        ),
      );
    }
    if (it.status !== undefined && it.statusUpdates && it.statusUpdates.length > 0) {
      let latest = it.statusUpdates[0];
      for (const u of it.statusUpdates) if (latest === undefined || u.date >= latest.date) latest = u;
      if (latest && latest.status !== it.status) {
        add(
          'status-differs-from-latest-update',
          it.id,
          path,
          t(
            `Initiativet ${name} har status "${STATUS_DA[it.status]}", men den seneste statusopdatering (${latest.date}) siger "${STATUS_DA[latest.status]}".`,
            `Initiative ${name} has status ${it.status}, but its latest status update (${latest.date}) says ${latest.status}.`,
          ),
        );
      }
    }
  }

  return findings;
}
