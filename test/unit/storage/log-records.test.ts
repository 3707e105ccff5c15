import { describe, expect, it } from 'vitest';
import { encodeRecords, scanRecords } from '../../../main/storage/log-records';

const payloads = [new Uint8Array([1, 2, 3]), new Uint8Array([42]), new Uint8Array(300).fill(7)];

describe('log records', () => {
  it('round-trip several payloads in one buffer', () => {
    const bytes = encodeRecords(payloads);
    expect(bytes.length).toBe(3 * 8 + 3 + 1 + 300);
    const scan = scanRecords(bytes);
    expect(scan.problem).toBeUndefined();
    expect(scan.goodBytes).toBe(bytes.length);
    expect(scan.payloads.map((p) => Array.from(p))).toEqual(payloads.map((p) => Array.from(p)));
  });

  it('uses little-endian length and crc fields', () => {
    const bytes = encodeRecords([new Uint8Array([0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39])]);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([9, 0, 0, 0, 0x26, 0x39, 0xf4, 0xcb]);
  });

  it('refuses empty payloads', () => {
    expect(() => encodeRecords([new Uint8Array(0)])).toThrow(/empty/);
  });

  it('stops at a zero-filled tail instead of reading it as empty records', () => {
    const good = encodeRecords(payloads.slice(0, 2));
    const bytes = new Uint8Array(good.length + 64);
    bytes.set(good);
    const scan = scanRecords(bytes);
    expect(scan.payloads).toHaveLength(2);
    expect(scan.goodBytes).toBe(good.length);
    expect(scan.problem).toBe(`record 3 at byte ${good.length}: zero length`);
  });

  it('names the record, offset and cause of a torn record', () => {
    const bytes = encodeRecords(payloads);
    const cut = bytes.subarray(0, bytes.length - 10);
    expect(scanRecords(cut).problem).toBe('record 3 at byte 20: truncated (header says 300 bytes, 290 present)');
    expect(scanRecords(bytes.subarray(0, 24)).problem).toBe('record 3 at byte 20: incomplete record header (4 of 8 bytes)');
    const flipped = bytes.slice();
    flipped[8 + 3 + 8]! ^= 0x80; // the payload byte of record 2
    expect(scanRecords(flipped).problem).toBe('record 2 at byte 11: checksum mismatch');
  });

  it('sets a damaged record in the middle aside alone and keeps every later record', () => {
    const bytes = encodeRecords(payloads);
    const flipped = bytes.slice();
    flipped[8 + 3 + 8]! ^= 0x80; // the payload byte of record 2
    const scan = scanRecords(flipped);
    expect(scan.damaged).toEqual([{ index: 2, start: 11, end: 20, why: 'checksum mismatch' }]);
    expect(scan.tail).toBeUndefined();
    expect(scan.payloads.map((p) => p.length)).toEqual([3, 300]);
  });

  it('finds the next record when the length field of a middle record is damaged', () => {
    const bytes = encodeRecords(payloads);
    for (const value of [0, 0xff, 2, 200]) {
      const damaged = bytes.slice();
      damaged[11] = value; // low byte of record 2's length
      const scan = scanRecords(damaged);
      expect(scan.damaged, `length byte ${value}`).toEqual([expect.objectContaining({ index: 2, start: 11, end: 20 })]);
      expect(scan.payloads.map((p) => p.length)).toEqual([3, 300]);
    }
  });
});
