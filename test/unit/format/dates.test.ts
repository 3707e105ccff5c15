import { describe, expect, it } from 'vitest';
import { endsBeforeStart, isDate, isMonth, isReversedPeriod, parseDate, parseMonth, parseYear } from '../../../shared/format/dates';

describe('shared/format/dates: one rule for years, months, dates and periods', () => {
  it('a date must exist in the calendar', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2000-02-29')).toBe(true);
    for (const bad of ['2025-13-99', '2023-02-29', '1900-02-29', '2010-04-31', '2010-4-01', '20100401', '', ' 2010-04-01']) {
      expect(isDate(bad), bad).toBe(false);
    }
    expect(parseDate(' 2010-04-30 ')).toBe('2010-04-30');
    expect(parseDate('2025-13-99')).toBeNull();
  });

  it('months are 01-12, years 1900-2200 written with four digits', () => {
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-00')).toBe(false);
    expect(parseMonth(' 2011-04 ')).toBe('2011-04');
    expect(parseYear('2025')).toBe(2025);
    expect(parseYear('2025.0')).toBeNull();
    expect(parseYear('1899')).toBeNull();
    expect(parseYear('2201')).toBeNull();
  });

  it('periods and initiative spans', () => {
    expect(isReversedPeriod({ from: 2027, to: 2024 })).toBe(true);
    expect(isReversedPeriod({ from: 2024, to: 2024 })).toBe(false);
    expect(endsBeforeStart('2012-01', '2011-04')).toBe(true);
    expect(endsBeforeStart('2012-01', '2012-01')).toBe(false);
    expect(endsBeforeStart(undefined, '2011-04')).toBe(false);
  });
});
