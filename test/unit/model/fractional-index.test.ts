import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIGITS, isValidKey, keyBetween, keysAfter } from '../../../shared/model/fractional-index';
import { seeded } from './replicas';

describe('keyBetween', () => {
  it('gives a valid key strictly between any two valid keys, or beyond one end', () => {
    const keyArb = fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 1, maxLength: 6 }).filter(isValidKey);
    fc.assert(
      fc.property(fc.option(keyArb), fc.option(keyArb), fc.nat(), (a, b, seed) => {
        if (a !== null && b !== null && !(a < b)) [a, b] = [b, a];
        if (a !== null && a === b) return;
        const k = keyBetween(a, b, seeded(seed));
        expect(isValidKey(k)).toBe(true);
        if (a !== null) expect(a < k).toBe(true);
        if (b !== null) expect(k < b).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles the tight corners: adjacent digits, the largest digit, a key with trailing smallest digits below', () => {
    for (const [a, b] of [['1', '2'], ['z', null], [null, '01'], ['1', '1z1'], ['zz', null], ['A', 'A01'], [null, '0001']] as const) {
      const k = keyBetween(a, b, () => 0.999);
      expect(isValidKey(k)).toBe(true);
      if (a !== null) expect(a < k).toBe(true);
      if (b !== null) expect(k < b).toBe(true);
      const k2 = keyBetween(a, b, () => 0);
      if (a !== null) expect(a < k2).toBe(true);
      if (b !== null) expect(k2 < b).toBe(true);
    }
  });

  it('refuses keys out of order or malformed, saying which', () => {
    expect(() => keyBetween('b', 'a')).toThrow('order keys out of order: "b" must sort before "a"');
    expect(() => keyBetween('a0', null)).toThrow('invalid order key "a0"');
    expect(() => keyBetween('a-', null)).toThrow('invalid order key "a-"');
  });

  it('keeps keys short when appending and when inserting repeatedly at one spot', () => {
    const rnd = seeded(42);
    const appended = keysAfter(null, 500, rnd);
    expect([...appended].sort()).toEqual(appended);
    expect(Math.max(...appended.map((k) => k.length))).toBeLessThan(80);
    // insert 200 times right after the first key
    let upper = keyBetween(null, null, rnd);
    const lower = keyBetween(null, upper, rnd);
    for (let i = 0; i < 200; i++) upper = keyBetween(lower, upper, rnd);
    expect(upper.length).toBeLessThan(120);
  });

  it('two replicas placing at the same spot almost never pick the same key', () => {
    const a = seeded(1);
    const b = seeded(2);
    let same = 0;
    for (let i = 0; i < 1000; i++) if (keyBetween('V', 'W', a) === keyBetween('V', 'W', b)) same++;
    expect(same).toBe(0);
  });
});
