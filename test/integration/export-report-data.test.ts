// The pure parts the Word export and the app share: the status report's data and the Danish
// typography of the document (dates, amounts, quotes, statuses).
import { describe, expect, it } from 'vitest';
import type { Initiative, StrategyFile } from '../../shared/format/schema';
import { buildStatusReport, statusAsOf } from '../../shared/report/status-report';
import {
  formatAmountDkk,
  formatDate,
  formatMonthSpan,
  formatYears,
  initiativeStatusLabel,
  smartQuotes,
} from '../../shared/export/typography';
import { readExample } from './export-helpers';

function strategy(initiatives: Initiative[], extra: Partial<StrategyFile> = {}): StrategyFile {
  return {
    format: 'pejling-strategy',
    formatVersion: 1,
    meta: { title: 'Test', organisation: 'Testby Kommune', period: { from: 2010, to: 2014 } },
    vision: { statement: 'Vi vil.' },
    perspectives: [
      { id: 'p1', title: 'Borgerne', focusAreas: [{ id: 'fa1', title: 'Selvbetjening', body: '' }, { id: 'fa2', title: 'Dialog', body: '' }] },
      { id: 'p2', title: 'Medarbejderne', focusAreas: [{ id: 'fa3', title: 'Kompetencer', body: '' }] },
    ],
    actionPlans: [{ id: 'plan', title: 'Plan 2011-2012', kind: 'common', period: { from: 2011, to: 2012 }, initiatives }],
    ...extra,
  };
}

describe('statusAsOf', () => {
  const initiative: Initiative = {
    id: 'i1',
    title: 'Digital post',
    focusAreaIds: ['fa1'],
    status: 'done',
    statusUpdates: [
      { date: '2011-12-15', status: 'delayed', note: 'Leverandøren er forsinket.' },
      { date: '2011-06-01', status: 'active', note: 'Udbud afsluttet.' },
      { date: '2012-06-01', status: 'done' },
    ],
  };

  it('without a date: the initiative’s own status, with its latest note', () => {
    expect(statusAsOf(initiative)).toEqual({ status: 'done', note: undefined, date: '2012-06-01' });
  });

  it('as of a date: the latest update on or before it, whatever order the updates are listed in', () => {
    expect(statusAsOf(initiative, '2011-12-31')).toEqual({ status: 'delayed', note: 'Leverandøren er forsinket.', date: '2011-12-15' });
    expect(statusAsOf(initiative, '2011-12-15')?.status).toBe('delayed');
    expect(statusAsOf(initiative, '2011-12-14')).toEqual({ status: 'active', note: 'Udbud afsluttet.', date: '2011-06-01' });
  });

  it('before any update: the initiative’s status, or planned', () => {
    expect(statusAsOf(initiative, '2010-01-01')).toEqual({ status: 'done', note: undefined, date: undefined });
    expect(statusAsOf({ id: 'x', title: 'x', focusAreaIds: [] }, '2010-01-01').status).toBe('planned');
  });
});

describe('buildStatusReport', () => {
  const initiatives: Initiative[] = [
    { id: 'a', title: 'A', focusAreaIds: ['fa3'], status: 'active' },
    // Serves two focus areas: listed once, under the first in the strategy's order.
    { id: 'b', title: 'B', focusAreaIds: ['fa3', 'fa1'], status: 'done' },
    { id: 'c', title: 'C', focusAreaIds: [], status: 'delayed' },
    { id: 'd', title: 'D', focusAreaIds: ['gone'] },
    { id: 'e', title: 'E', focusAreaIds: ['fa1'], status: 'cancelled', statusUpdates: [{ date: '2011-03-01', status: 'active', note: 'Startet.' }] },
  ];

  it('groups by perspective and focus area in the strategy’s order, unassigned last', () => {
    const report = buildStatusReport(strategy(initiatives));
    const shape = report.groups.map((g) => [g.perspective?.id ?? null, g.focusAreas.map((fa) => [fa.focusArea?.id ?? null, fa.initiatives.map((i) => i.initiative.id)])]);
    expect(shape).toEqual([
      ['p1', [['fa1', ['b', 'e']]]],
      ['p2', [['fa3', ['a']]]],
      [null, [[null, ['c', 'd']]]],
    ]);
  });

  it('counts every initiative once per status, all five statuses present', () => {
    const report = buildStatusReport(strategy(initiatives));
    expect(report.counts).toEqual({ planned: 1, active: 1, done: 1, delayed: 1, cancelled: 1 });
    expect(report.total).toBe(5);
    const asOf = buildStatusReport(strategy(initiatives), { asOf: '2011-06-30' });
    expect(asOf.counts.active).toBe(2);
    expect(asOf.counts.cancelled).toBe(0);
    expect(asOf.asOf).toBe('2011-06-30');
  });

  it('keeps empty focus areas only when asked, and can be limited to some plans', () => {
    const full = buildStatusReport(strategy(initiatives), { includeEmpty: true });
    expect(full.groups[0]?.focusAreas.map((fa) => fa.focusArea?.id)).toEqual(['fa1', 'fa2']);
    expect(buildStatusReport(strategy(initiatives), { planIds: ['other'] }).total).toBe(0);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => buildStatusReport(strategy(initiatives), { asOf: '30-06-2011' })).toThrow(/YYYY-MM-DD/);
  });

  it('covers every initiative of the København example', async () => {
    const kk = await readExample('kk-2010-2014');
    const report = buildStatusReport(kk);
    const all = (kk.actionPlans ?? []).flatMap((plan) => plan.initiatives.map((i) => i.id)).sort();
    const listed = report.groups.flatMap((g) => g.focusAreas.flatMap((fa) => fa.initiatives.map((i) => i.initiative.id))).sort();
    expect(listed).toEqual(all);
    expect(Object.values(report.counts).reduce((a, b) => a + b, 0)).toBe(all.length);
  });
});

describe('Danish typography', () => {
  it('dates, months and years', () => {
    expect(formatDate('2010-06-02')).toBe('2.\u00a0juni\u00a02010');
    expect(formatDate('2011-12-31')).toBe('31.\u00a0december\u00a02011');
    expect(formatDate('2010-06-02', 'en')).toBe('2\u00a0June\u00a02010');
    expect(formatMonthSpan('2011-01', '2012-12')).toBe('jan.\u00a02011–dec.\u00a02012');
    expect(formatMonthSpan('2011-05', undefined)).toBe('fra maj\u00a02011');
    expect(formatYears({ from: 2010, to: 2014 })).toBe('2010–2014');
    expect(() => formatDate('2. juni 2010')).toThrow(/YYYY-MM-DD/);
  });

  it('amounts with thousands separators', () => {
    expect(formatAmountDkk(1500000)).toBe('1.500.000\u00a0kr.');
    expect(formatAmountDkk(950)).toBe('950\u00a0kr.');
    expect(formatAmountDkk(1234.5)).toBe('1.234,50\u00a0kr.');
    expect(formatAmountDkk(1500000, 'en')).toBe('DKK\u00a01,500,000');
  });

  it('quotes and apostrophes', () => {
    expect(smartQuotes('Projektet "Min side" er i gang.')).toBe('Projektet „Min side“ er i gang.');
    expect(smartQuotes('("citat")')).toBe('(„citat“)');
    expect(smartQuotes("BRK's strategi")).toBe('BRK’s strategi');
    expect(smartQuotes('"My page"', 'en')).toBe('“My page”');
    // A quote closing at the start of a run, after text in the run before it.
    expect(smartQuotes('" og mere', 'da', 'citat')).toBe('“ og mere');
  });

  it('status words', () => {
    expect(['planned', 'active', 'done', 'delayed', 'cancelled'].map((s) => initiativeStatusLabel(s as never))).toEqual([
      'Planlagt',
      'I gang',
      'Gennemført',
      'Forsinket',
      'Annulleret',
    ]);
  });
});
