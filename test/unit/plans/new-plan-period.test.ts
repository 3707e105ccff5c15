// Issue 19: a new action plan's years lie inside the strategy's period and follow the plans it has.
import { describe, expect, it } from 'vitest';
import { newPlanPeriod } from '../../../renderer/src/session/structure-ops';

describe('newPlanPeriod', () => {
  const strategy = { from: 2010, to: 2014 };
  it('starts with the strategy when there is no plan yet', () => {
    expect(newPlanPeriod(strategy, [])).toEqual({ from: 2010, to: 2011 });
  });
  it('follows the latest plan', () => {
    expect(newPlanPeriod(strategy, [{ from: 2011, to: 2012 }])).toEqual({ from: 2013, to: 2014 });
    expect(newPlanPeriod(strategy, [{ from: 2010, to: 2011 }, { from: 2012, to: 2012 }])).toEqual({ from: 2013, to: 2014 });
  });
  it('never passes the strategy end', () => {
    expect(newPlanPeriod(strategy, [{ from: 2012, to: 2013 }])).toEqual({ from: 2014, to: 2014 });
  });
  it('starts over at the strategy start when the plans already reach its end', () => {
    expect(newPlanPeriod(strategy, [{ from: 2013, to: 2014 }])).toEqual({ from: 2010, to: 2011 });
    expect(newPlanPeriod(strategy, [{ from: 2015, to: 2016 }])).toEqual({ from: 2010, to: 2011 });
  });
  it('ignores plans from before the strategy', () => {
    expect(newPlanPeriod(strategy, [{ from: 2007, to: 2008 }])).toEqual({ from: 2010, to: 2011 });
  });
  it('a one-year strategy gets a one-year plan', () => {
    expect(newPlanPeriod({ from: 2020, to: 2020 }, [])).toEqual({ from: 2020, to: 2020 });
  });
});
