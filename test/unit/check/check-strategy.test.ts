import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStrategy, FINDING_CODES, type Finding } from '../../../shared/check';
import type { Initiative, StrategyFile } from '../../../shared/format/schema';
import { formatProblem, parseStrategyText } from '../../../shared/format/validate';

const root = join(import.meta.dirname, '../../..');
function load(file: string): StrategyFile {
  const result = parseStrategyText(readFileSync(join(root, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.problems.map(formatProblem).join('; ')}`);
  return result.strategy;
}
const pairs = (findings: Finding[]): string[] => findings.map((f) => `${f.code} ${f.id}`);

const PRODUCT_CODES = [
  'focus-area-without-initiative',
  'initiative-without-owner',
  'initiative-without-focus-area',
  'initiative-outside-plan-period',
  'dangling-reference',
];

describe('checkStrategy on the planted fixture', () => {
  const findings = checkStrategy(load('test/fixtures/strategies/planted-problems.json'));

  it('reports exactly the planted problems, in document order', () => {
    expect(pairs(findings)).toEqual([
      'focus-area-without-initiative fa-lonely',
      'focus-area-without-initiative fa-cancelled-only',
      'dangling-reference o-child',
      'dangling-reference ap-common',
      'initiative-without-owner i-no-owner',
      'initiative-without-focus-area i-no-focus',
      'initiative-outside-plan-period i-late',
      'initiative-outside-plan-period i-early',
      'dangling-reference i-bad-focus',
      'dangling-reference i-bad-participant',
      'dangling-reference i-wrong-kind',
      'status-differs-from-latest-update i-status',
      'empty-title i-untitled',
      'dangling-reference i-supports-deleted',
      'support-outside-parent-plan i-supports-elsewhere',
      'local-plan-without-parent ap-orphan',
      'dangling-reference ap-bad-parent',
      'plan-outside-strategy-period ap-future',
    ]);
  });

  it('gives severities, JSON pointers and messages that name the problem', () => {
    const by = (code: string, id: string): Finding => {
      const f = findings.find((x) => x.code === code && x.id === id);
      if (!f) throw new Error(`no ${code} for ${id}`);
      return f;
    };
    expect(findings.filter((f) => f.severity === 'error').every((f) => f.code === 'dangling-reference')).toBe(true);
    expect(by('dangling-reference', 'i-supports-deleted')).toMatchObject({
      severity: 'error',
      path: '/actionPlans/1/initiatives/0/supportsInitiativeIds/0',
      message: expect.stringContaining('"i-deleted-common", som ikke findes') as string,
    });
    expect(by('dangling-reference', 'i-bad-focus').path).toBe('/actionPlans/0/initiatives/5/focusAreaIds/1');
    expect(by('dangling-reference', 'i-wrong-kind').message).toContain('som er et indsatsområde og ikke en ansvarlig');
    expect(by('dangling-reference', 'o-child').path).toBe('/owners/1/parentId');
    expect(by('focus-area-without-initiative', 'fa-lonely')).toMatchObject({
      severity: 'warning',
      path: '/perspectives/0/focusAreas/1',
      message: 'Indsatsområde "Ensomt indsatsområde" har intet initiativ i nogen handlingsplan (initiativer med status »Annulleret« tæller ikke).',
    });
    expect(by('initiative-outside-plan-period', 'i-late').message).toContain('slutter efter handlingsplanens periode 2024-2025');
    expect(by('initiative-without-owner', 'i-no-owner').path).toBe('/actionPlans/0/initiatives/1');
    expect(by('status-differs-from-latest-update', 'i-status').message).toContain('»I gang«');
  });

  it('speaks English on request', () => {
    const en = checkStrategy(load('test/fixtures/strategies/planted-problems.json'), 'en');
    expect(pairs(en)).toEqual(pairs(findings));
    expect(en.find((f) => f.id === 'i-no-owner')?.message).toBe('Initiative "Uden ansvarlig" has no owner.');
    expect(en.find((f) => f.id === 'fa-lonely')?.message).toBe(
      'Focus area "Ensomt indsatsområde" has no initiative in any action plan (initiatives with status “Cancelled” do not count).',
    );
  });

  it('only uses known codes', () => {
    expect(findings.every((f) => (FINDING_CODES as readonly string[]).includes(f.code))).toBe(true);
  });
});

describe('checkStrategy on the bundled documents', () => {
  it.each(['kk-2010-2014', 'odder-2006', 'brk-2010'])('the %s example has no findings at all', (name) => {
    expect(pairs(checkStrategy(load(`templates/examples/${name}.json`)))).toEqual([]);
  });

  it('the kk example has every focus area served, and owners and periods on every initiative', () => {
    const kk = load('templates/examples/kk-2010-2014.json');
    const codes = new Set(checkStrategy(kk).map((f) => f.code));
    for (const code of PRODUCT_CODES) expect(codes.has(code as Finding['code'])).toBe(false);
    // It also exercises what the check looks at: local plan supporting common initiatives, a transition plan.
    const kinds = (kk.actionPlans ?? []).map((p) => p.kind).sort();
    expect(kinds).toEqual(['common', 'local', 'transition']);
    const local = kk.actionPlans?.find((p) => p.kind === 'local');
    expect(local?.initiatives.every((i) => (i.supportsInitiativeIds ?? []).length > 0)).toBe(true);
  });

  it.each(['kk', 'odder', 'brk', 'blank'])('the %s template has no errors', (name) => {
    expect(checkStrategy(load(`templates/strategies/${name}.json`)).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('deleting a common initiative makes the local initiatives that support it dangling', () => {
    const kk = load('templates/examples/kk-2010-2014.json');
    const common = kk.actionPlans?.find((p) => p.kind === 'common');
    if (!common) throw new Error('no common plan');
    common.initiatives = common.initiatives.filter((i) => i.id !== 'i-digital-post');
    expect(pairs(checkStrategy(kk))).toEqual(['dangling-reference i-buf-foraeldrekommunikation']);
  });
});

describe('rules a person can break while editing are findings (issue 11)', () => {
  it('a reversed strategy period, a reversed plan period and an initiative that ends before it starts', () => {
    const kk = load('templates/examples/kk-2010-2014.json');
    const baseline = pairs(checkStrategy(kk));
    const plan = kk.actionPlans?.[0];
    const initiative = plan?.initiatives[0];
    if (!plan || !initiative) throw new Error('kk has no plan with an initiative');
    initiative.start = `${plan.period.to}-06`;
    initiative.end = `${plan.period.to}-02`;
    const ends = checkStrategy(kk, 'en').filter((f) => !baseline.includes(`${f.code} ${f.id}`));
    expect(ends).toEqual([
      {
        code: 'initiative-end-before-start',
        severity: 'error',
        id: initiative.id,
        path: '/actionPlans/0/initiatives/0',
        message: `Initiative "${initiative.title}" ends (${plan.period.to}-02) before it starts (${plan.period.to}-06).`,
      },
    ]);
    plan.period = { from: plan.period.to + 1, to: plan.period.from };
    kk.meta.period = { from: 2014, to: 2010 };
    const found = checkStrategy(kk).filter((f) => !baseline.includes(`${f.code} ${f.id}`));
    expect(found.map((f) => [f.code, f.id, f.path])).toEqual([
      ['strategy-period-reversed', 'meta', '/meta/period'],
      ['plan-period-reversed', plan.id, '/actionPlans/0/period'],
      ['initiative-end-before-start', initiative.id, '/actionPlans/0/initiatives/0'],
    ]);
    expect(found[0]?.message).toBe('Strategiens periode går baglæns: den starter i 2014 og slutter i 2010.');
  });

  it('a character Word cannot store, pasted into a live document, is a finding on the item holding it', () => {
    const kk = load('templates/examples/kk-2010-2014.json');
    const initiative = kk.actionPlans?.[0]?.initiatives[0];
    if (!initiative) throw new Error('kk has no initiative');
    initiative.title = `${initiative.title}\uffff`;
    kk.meta.subtitle = 'Under\u0007titel';
    const found = checkStrategy(kk, 'en').filter((f) => f.code === 'illegal-character');
    expect(found.map((f) => [f.id, f.path, f.severity])).toEqual([
      ['meta', '/meta/subtitle', 'error'],
      [initiative.id, '/actionPlans/0/initiatives/0/title', 'error'],
    ]);
    expect(found[0]?.message).toBe(
      'The text contains the character U+0007 (character 6), which text may not hold (a control character or non-character that Word cannot store); remove it.',
    );
  });

  it('the reversed-period fixture validates and is reported by check', () => {
    const findings = checkStrategy(load('test/fixtures/strategies/reversed-period.json'));
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['strategy-period-reversed']);
  });
});

// Its speed is measured in the bench (npm run bench), not asserted here.
describe('checkStrategy at scale', () => {
  it('finds each of the 100 initiatives outside their plan among 1,000', () => {
    const areas = Array.from({ length: 50 }, (_, i) => ({ id: `fa-${i}`, title: `Indsatsområde ${i}`, body: '' }));
    const owners = Array.from({ length: 30 }, (_, i) => ({ id: `o-${i}`, name: `Enhed ${i}`, kind: 'unit' as const }));
    const plans = Array.from({ length: 5 }, (_, p) => ({
      id: `ap-${p}`,
      title: `Plan ${p}`,
      kind: p === 0 ? ('common' as const) : ('local' as const),
      period: { from: 2024, to: 2025 },
      ...(p === 0 ? {} : { parentPlanId: 'ap-0' }),
      initiatives: Array.from({ length: 200 }, (_, i): Initiative => ({
        id: `i-${p}-${i}`,
        title: `Initiativ ${p}.${i}`,
        focusAreaIds: [`fa-${i % 50}`, `fa-${(i * 7) % 50}`],
        ownerId: `o-${i % 30}`,
        participantIds: [`o-${(i + 1) % 30}`],
        start: '2024-01',
        end: i % 10 === 0 ? '2026-06' : '2025-12',
        status: 'active',
        ...(p === 0 ? {} : { supportsInitiativeIds: [`i-0-${i}`] }),
        statusUpdates: [{ date: '2024-11-01', status: 'active' }],
      })),
    }));
    const strategy: StrategyFile = {
      format: 'pejling-strategy',
      formatVersion: 1,
      meta: { title: 'Stor strategi', organisation: 'Testkommune', period: { from: 2024, to: 2028 } },
      vision: { statement: '' },
      perspectives: [{ id: 'p', title: 'P', focusAreas: areas }],
      owners,
      actionPlans: plans,
    };
    const findings: Finding[] = checkStrategy(strategy);
    expect(findings.filter((f) => f.code === 'initiative-outside-plan-period')).toHaveLength(100);
  });
});
