// Encoding and scanning of log records: [u32 length][u32 crc32(payload)][payload], little endian.
import { crc32 } from './crc32';

export const RECORD_HEADER_BYTES = 8;
/** Larger records are refused on write and treated as corruption on read (a Yjs update is never this big here). */
export const MAX_RECORD_BYTES = 1024 * 1024 * 1024;

/** Encodes several payloads into one buffer of consecutive records (one write for a group commit). */
export function encodeRecords(payloads: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const payload of payloads) {
    if (payload.length === 0) throw new RangeError('A log record cannot be empty.');
    if (payload.length > MAX_RECORD_BYTES) throw new RangeError(`A log record cannot exceed ${MAX_RECORD_BYTES} bytes.`);
    total += RECORD_HEADER_BYTES + payload.length;
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const payload of payloads) {
    view.setUint32(at, payload.length, true);
    view.setUint32(at + 4, crc32(payload), true);
    out.set(payload, at + RECORD_HEADER_BYTES);
    at += RECORD_HEADER_BYTES + payload.length;
  }
  return out;
}

/** A valid record found by the scan. */
export interface ScannedRecord {
  /** 1-based position of the record in the log (a damaged stretch counts as one record). */
  index: number;
  /** Byte offset of the record's header. */
  start: number;
  /** Byte offset just past it. */
  end: number;
  /** View into the scanned buffer. */
  payload: Uint8Array;
}

/** A damaged stretch of the log: one record whose checksum fails, or bytes up to the next record that verifies. */
export interface DamagedRange {
  index: number;
  start: number;
  end: number;
  why: string;
}

export interface ScanResult {
  /** Payloads of the valid records, in order (views into the scanned buffer). */
  payloads: Uint8Array[];
  records: ScannedRecord[];
  /** Damaged stretches followed by valid records: each is set aside alone, the records after it are kept. */
  damaged: DamagedRange[];
  /** A torn or damaged end of the log: no valid record follows it. */
  tail?: DamagedRange;
  /** Byte offset just past the last valid record (where the tail starts; the buffer length without one). */
  goodBytes: number;
  /** The first problem, e.g. "record 4 at byte 120: checksum mismatch"; undefined when the whole buffer is valid. */
  problem?: string;
}

/**
 * Past a damaged record, at most this many payload bytes are checksummed while looking for the next valid
 * record (a header whose length fits and whose checksum holds). Bounds the search in a large damaged log;
 * what stays unsearched is treated as part of a damaged tail.
 */
const RESYNC_CRC_BUDGET_BYTES = 256 * 1024 * 1024;

/** Why the record at `at` is not valid, or null when it is. */
function checkRecord(bytes: Uint8Array, view: DataView, at: number): string | null {
  const remaining = bytes.length - at;
  if (remaining < RECORD_HEADER_BYTES) return `incomplete record header (${remaining} of ${RECORD_HEADER_BYTES} bytes)`;
  const length = view.getUint32(at, true);
  // A zero length is never written; a zero-filled tail (file grown but data not written) would otherwise pass,
  // because crc32 of nothing is 0.
  if (length === 0) return 'zero length';
  if (length > MAX_RECORD_BYTES) return `impossible length ${length}`;
  if (length > remaining - RECORD_HEADER_BYTES) return `truncated (header says ${length} bytes, ${remaining - RECORD_HEADER_BYTES} present)`;
  const start = at + RECORD_HEADER_BYTES;
  if (crc32(bytes, start, start + length) !== view.getUint32(at + 4, true)) return 'checksum mismatch';
  return null;
}

/**
 * Reads every record. A record that is torn or fails its checksum does not end the scan: if a valid record follows
 * (right after it, when its length field is intact, else found by searching forward), only the damaged stretch is
 * set aside and scanning continues; otherwise the rest of the buffer is a damaged tail.
 */
export function scanRecords(bytes: Uint8Array): ScanResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: ScannedRecord[] = [];
  const damaged: DamagedRange[] = [];
  let tail: DamagedRange | undefined;
  let budget = RESYNC_CRC_BUDGET_BYTES;
  let at = 0;
  let index = 1;
  while (at < bytes.length) {
    const why = checkRecord(bytes, view, at);
    if (why === null) {
      const end = at + RECORD_HEADER_BYTES + view.getUint32(at, true);
      records.push({ index, start: at, end, payload: bytes.subarray(at + RECORD_HEADER_BYTES, end) });
      at = end;
      index++;
      continue;
    }
    const next = nextValidRecord(bytes, view, at, why, (spent) => (budget -= spent) > 0);
    if (next === null) {
      tail = { index, start: at, end: bytes.length, why };
      break;
    }
    damaged.push({ index, start: at, end: next, why });
    at = next;
    index++;
  }
  const first = damaged[0] ?? tail;
  const goodBytes = tail ? tail.start : bytes.length;
  return {
    payloads: records.map((r) => r.payload),
    records,
    damaged,
    ...(tail ? { tail } : {}),
    goodBytes,
    ...(first ? { problem: `record ${first.index} at byte ${first.start}: ${first.why}` } : {}),
  };
}

/** Offset of the first valid record after the damaged one at `at`, or null if none follows. */
function nextValidRecord(bytes: Uint8Array, view: DataView, at: number, why: string, spend: (bytes: number) => boolean): number | null {
  // A flipped bit in the payload or checksum leaves the length intact: the next record starts right after.
  if (why === 'checksum mismatch') {
    const after = at + RECORD_HEADER_BYTES + view.getUint32(at, true);
    if (after < bytes.length && checkRecord(bytes, view, after) === null) return after;
  }
  for (let candidate = at + 1; candidate + RECORD_HEADER_BYTES < bytes.length; candidate++) {
    const length = view.getUint32(candidate, true);
    // Cheap filter first: random bytes rarely make a length that fits.
    if (length === 0 || length > bytes.length - candidate - RECORD_HEADER_BYTES) continue;
    if (!spend(length)) return null;
    if (checkRecord(bytes, view, candidate) === null) return candidate;
  }
  return null;
}
