import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../main/storage/crc32';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(ascii(''))).toBe(0);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('can continue over chunks and ranges', () => {
    const bytes = ascii('Pejling: vision, principper og handlingsplaner');
    const whole = crc32(bytes);
    expect(crc32(bytes, 10, bytes.length, crc32(bytes, 0, 10))).toBe(whole);
    expect(crc32(bytes.subarray(5, 20))).toBe(crc32(bytes, 5, 20));
  });

  it('changes when any single bit flips', () => {
    const bytes = ascii('indsatsområde');
    const base = crc32(bytes);
    for (let i = 0; i < bytes.length * 8; i++) {
      const copy = bytes.slice();
      copy[i >> 3]! ^= 1 << (i & 7);
      expect(crc32(copy)).not.toBe(base);
    }
  });
});
