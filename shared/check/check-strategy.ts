// Quality checks on a valid strategy. Pure and linear in the size of the strategy (the editor runs it live
// on every change): one pass builds id indexes, one pass per collection emits findings in document order.
import { VISION_TARGET } from '../format/comment-rules';
import { endsBeforeStart, isReversedPeriod, periodMonths } from '../format/dates';
import { inputLimitProblems } from '../format/input-limits';
import type { ActionPlan, Initiative, InitiativeStatus, StrategyFile } from '../format/schema';
import type { Lang } from '../format/messages';
import { initiativeStatusLabel, t as message, type MessageKey, type MessageParams } from '../i18n';
import { type Finding, type FindingCode, SEVERITY } from './finding';
import { pendingSuggestionFindings } from './pending-suggestions';
import { templateTextFindings } from './template-text';

type Kind = 'section' | 'principle' | 'bearing' | 'perspective' | 'focusArea' | 'goal' | 'owner' | 'plan' | 'initiative';

interface Indexed {
  kind: Kind;
  path: string;
  title: string;
  /** For initiatives: the index of the plan holding it. */
  planIndex?: number;
}

// The catalog's words for a kind with its article ("et indsatsområde"), the same words as the app's.
const KIND_NAMES: Record<Kind, MessageKey> = {
  section: 'kind.article.section',
  principle: 'kind.article.principle',
  bearing: 'kind.article.bearing',
  perspective: 'kind.article.perspective',
  focusArea: 'kind.article.focusArea',
  goal: 'kind.article.goal',
  owner: 'kind.article.owner',
  plan: 'kind.article.actionPlan',
  initiative: 'kind.article.initiative',
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

const quote = (title: string): string => `"${title.trim() === '' ? '…' : title}"`;
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Runs every quality check; findings come in document order. Never throws on a schema-valid strategy. */
export function checkStrategy(strategy: StrategyFile, lang: Lang = 'da'): Finding[] {
  const findings: Finding[] = [];
  const m = (key: MessageKey, params?: MessageParams): string => message(lang, key, params);
  const status = (s: InitiativeStatus): string => initiativeStatusLabel(s, lang);
  const add = (code: FindingCode, id: string, path: string, message: string): void => {
    findings.push({ code, severity: SEVERITY[code], id, path, message });
  };
  const index = indexIds(strategy);
  // The document's own labels (e.g. "Fokusområde") are words in its language; use them only in that language.
  const labels = lang === (strategy.meta.language ?? 'da') ? (strategy.labels ?? {}) : {};
  const focusLabel = cap(labels.focusArea ?? m('kind.focusArea'));
  const perspectiveLabel = cap(labels.perspective ?? m('kind.perspective'));
  const plans = strategy.actionPlans ?? [];

  /** Checks one reference; reports a dangling one (missing, or naming an item of another kind). */
  const reference = (holderId: string, path: string, ref: string, want: Kind, what: string): boolean => {
    const target = index.get(ref);
    if (target?.kind === want) return true;
    const want_ = m(KIND_NAMES[want]);
    const text = target
      ? m('check.danglingWrongKind', { what, ref: JSON.stringify(ref), actual: m(KIND_NAMES[target.kind]), want: want_ })
      : m('check.danglingMissing', { what, ref: JSON.stringify(ref), want: want_ });
    add('dangling-reference', holderId, path, text);
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
    if (x.title.trim() === '') add('empty-title', x.id, `/sections/${i}`, m('check.sectionNoTitle'));
  });
  strategy.vision.principles?.forEach((x, i) => {
    if (x.title.trim() === '') add('empty-title', x.id, `/vision/principles/${i}`, m('check.visionPrincipleNoTitle', { n: i + 1 }));
  });
  strategy.vision.bearings?.forEach((x, i) => {
    if (x.title.trim() === '') add('empty-title', x.id, `/vision/bearings/${i}`, m('check.bearingNoTitle', { n: i + 1 }));
  });

  // Perspectives and focus areas.
  strategy.perspectives.forEach((p, i) => {
    const pPath = `/perspectives/${i}`;
    if (!p.hidden && p.title.trim() === '') {
      add('empty-title', p.id, pPath, m('check.perspectiveNoTitle', { label: perspectiveLabel, n: i + 1 }));
    }
    p.principles?.forEach((x, j) => {
      if (x.title.trim() === '') add('empty-title', x.id, `${pPath}/principles/${j}`, m('check.principleNoTitle', { parent: quote(p.title) }));
    });
    p.focusAreas.forEach((f, j) => {
      const fPath = `${pPath}/focusAreas/${j}`;
      if (f.title.trim() === '') add('empty-title', f.id, fPath, m('check.focusAreaNoTitle', { label: focusLabel, n: j + 1, parent: quote(p.title) }));
      if (!served.get(f.id)) {
        add(
          'focus-area-without-initiative',
          f.id,
          fPath,
          m('check.focusAreaWithoutInitiative', { label: focusLabel, title: quote(f.title), cancelled: status('cancelled') }),
        );
      }
    });
  });

  // Owners.
  strategy.owners?.forEach((o, i) => {
    const oPath = `/owners/${i}`;
    if (o.name.trim() === '') add('empty-title', o.id, oPath, m('check.ownerNoName', { n: i + 1 }));
    if (o.parentId !== undefined) {
      reference(o.id, `${oPath}/parentId`, o.parentId, 'owner', m('check.refOwnerParent', { name: quote(o.name) }));
    }
  });

  // The strategy's own period.
  const meta = strategy.meta.period;
  if (isReversedPeriod(meta)) {
    add(
      'strategy-period-reversed',
      'meta',
      '/meta/period',
      m('check.strategyPeriodReversed', { from: meta.from, to: meta.to }),
    );
  }

  // Action plans and initiatives.
  plans.forEach((plan, i) => checkPlan(plan, i));

  function checkPlan(plan: ActionPlan, i: number): void {
    const planPath = `/actionPlans/${i}`;
    const name = quote(plan.title);
    if (plan.title.trim() === '') add('empty-title', plan.id, planPath, m('check.planNoTitle', { n: i + 1 }));
    if (plan.ownerId !== undefined) {
      reference(plan.id, `${planPath}/ownerId`, plan.ownerId, 'owner', m('check.refPlanOwner', { name }));
    }
    let parentIndex: number | undefined;
    if (plan.parentPlanId !== undefined) {
      const ok = reference(plan.id, `${planPath}/parentPlanId`, plan.parentPlanId, 'plan', m('check.refPlanParent', { name }));
      if (ok) parentIndex = plans.findIndex((p) => p.id === plan.parentPlanId);
    } else if (plan.kind === 'local') {
      add(
        'local-plan-without-parent',
        plan.id,
        planPath,
        m('check.localPlanWithoutParent', { name }),
      );
    }
    if (isReversedPeriod(plan.period)) {
      add(
        'plan-period-reversed',
        plan.id,
        `${planPath}/period`,
        m('check.planPeriodReversed', { name, from: plan.period.from, to: plan.period.to }),
      );
    }
    // A reversed period is its own finding; measured against it, every plan would be "outside".
    if (!isReversedPeriod(meta) && !isReversedPeriod(plan.period) && plan.kind !== 'transition' && (plan.period.from < meta.from || plan.period.to > meta.to)) {
      add(
        'plan-outside-strategy-period',
        plan.id,
        planPath,
        m('check.planOutsideStrategyPeriod', { name, planPeriod: `${plan.period.from}-${plan.period.to}`, period: `${meta.from}-${meta.to}` }),
      );
    }
    const parentIds = parentIndex === undefined ? undefined : new Set((plans[parentIndex]?.initiatives ?? []).map((x) => x.id));
    plan.initiatives.forEach((it, j) => checkInitiative(it, `${planPath}/initiatives/${j}`, plan, parentIds));
  }

  function checkInitiative(it: Initiative, path: string, plan: ActionPlan, parentIds: Set<string> | undefined): void {
    const name = quote(it.title);
    if (it.title.trim() === '') add('empty-title', it.id, path, m('check.initiativeNoTitle', { plan: quote(plan.title) }));
    if (it.focusAreaIds.length === 0) {
      add('initiative-without-focus-area', it.id, path, m('check.initiativeWithoutFocusArea', { name, label: focusLabel.toLowerCase() }));
    }
    it.focusAreaIds.forEach((ref, k) =>
      reference(it.id, `${path}/focusAreaIds/${k}`, ref, 'focusArea', m('check.refInitiativeFocusArea', { label: focusLabel, name })),
    );
    if (it.ownerId === undefined) {
      add('initiative-without-owner', it.id, path, m('check.initiativeWithoutOwner', { name }));
    } else {
      reference(it.id, `${path}/ownerId`, it.ownerId, 'owner', m('check.refInitiativeOwner', { name }));
    }
    it.participantIds?.forEach((ref, k) =>
      reference(it.id, `${path}/participantIds/${k}`, ref, 'owner', m('check.refParticipant', { name })),
    );
    it.supportsInitiativeIds?.forEach((ref, k) => {
      const ok = reference(it.id, `${path}/supportsInitiativeIds/${k}`, ref, 'initiative', m('check.refSupports', { name }));
      if (ok && parentIds && !parentIds.has(ref)) {
        const target = index.get(ref);
        add(
          'support-outside-parent-plan',
          it.id,
          `${path}/supportsInitiativeIds/${k}`,
          m('check.supportOutsideParentPlan', { name, target: quote(target?.title ?? ref) }),
        );
      }
    });
    if (endsBeforeStart(it.start, it.end)) {
      add(
        'initiative-end-before-start',
        it.id,
        path,
        m('check.initiativeEndBeforeStart', { name, start: it.start ?? '', end: it.end ?? '' }),
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
        m('check.initiativeOutsidePlanPeriod', { name, span, edge: early ? 'start' : 'end', period: `${plan.period.from}-${plan.period.to}` }),
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
          m('check.statusDiffers', { name, status: status(it.status), date: latest.date, latest: status(latest.status) }),
        );
      }
    }
  }

  // Characters a file may not hold (pasted into the live document): say where, before an export loses them.
  for (const problem of inputLimitProblems(strategy, lang).characters) {
    add('illegal-character', itemIdAt(strategy, problem.path), problem.path, m('check.illegalCharacter', { reason: problem.message }));
  }

  // Open comment threads, in the file's (document) order.
  findings.push(...unresolvedComments(strategy, index, lang));

  // Guidance of a template still standing as content (issue 16).
  findings.push(
    ...templateTextFindings(strategy, lang, (id) => {
      const item = index.get(id);
      return item ? `${m(KIND_NAMES[item.kind])} ${quote(item.title)}` : undefined;
    }),
  );

  // Suggestions nobody has accepted or rejected yet (issue 14), one per field.
  findings.push(
    ...pendingSuggestionFindings(strategy, lang, (id) => {
      const item = index.get(id);
      return item ? { label: `${m(KIND_NAMES[item.kind])} ${quote(item.title)}`, path: item.path } : undefined;
    }),
  );

  return findings;
}

/** The first words of a message, for a finding's one line. */
const excerpt = (text: string, max = 80): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** `unresolved-comments`: one warning per open thread, about the item the thread is on. */
function unresolvedComments(strategy: StrategyFile, index: Map<string, Indexed>, lang: Lang): Finding[] {
  const m = (key: MessageKey, params?: MessageParams): string => message(lang, key, params);
  const findings: Finding[] = [];
  (strategy.comments ?? []).forEach((thread, i) => {
    if ((thread.status ?? 'open') !== 'open') return;
    const target = thread.target.id;
    const item = target === VISION_TARGET ? undefined : index.get(target);
    const where = item ? `${m(KIND_NAMES[item.kind])} ${quote(item.title)}` : m('comments.format.theVision');
    const first = thread.messages[0];
    const params = {
      where,
      text: first && first.text.trim() !== '' ? excerpt(first.text) : m('comments.check.noText'),
      author: first?.author.trim() || '?',
    };
    const quoted = thread.target.quote?.trim();
    const text = quoted ? m('comments.check.unresolvedQuote', { ...params, quote: excerpt(quoted, 60) }) : m('comments.check.unresolved', params);
    findings.push({ code: 'unresolved-comments', severity: SEVERITY['unresolved-comments'], id: target, path: `/comments/${i}`, message: text });
  });
  return findings;
}

/** The id of the innermost item holding a JSON pointer's place; 'meta' and 'vision' for those parts. */
function itemIdAt(strategy: StrategyFile, pointer: string): string {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let id = segments[0] === 'vision' ? 'vision' : 'meta';
  let current: unknown = strategy;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') break;
    current = (current as Record<string, unknown>)[segment];
    // Rich text nodes have no id; items do (and a ProseMirror node's attrs never hold one).
    if (current !== null && typeof current === 'object' && !Array.isArray(current) && typeof (current as { id?: unknown }).id === 'string' && !('type' in current)) {
      id = (current as { id: string }).id;
    }
  }
  return id;
}
