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

export interface ScanResult {
  /** Payloads of the valid records, in order (views into the scanned buffer). */
  payloads: Uint8Array[];
  /** Byte offset just past the last valid record. */
  goodBytes: number;
  /** Why scanning stopped before the end of the buffer; undefined when the whole buffer is valid. */
  problem?: string;
}

/** Reads records until the end or the first record that is torn or fails its checksum. */
export function scanRecords(bytes: Uint8Array): ScanResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloads: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const index = payloads.length + 1;
    const stop = (why: string): ScanResult => ({ payloads, goodBytes: at, problem: `record ${index} at byte ${at}: ${why}` });
    const remaining = bytes.length - at;
    if (remaining < RECORD_HEADER_BYTES) return stop(`incomplete record header (${remaining} of ${RECORD_HEADER_BYTES} bytes)`);
    const length = view.getUint32(at, true);
    const expected = view.getUint32(at + 4, true);
    // A zero length is never written; a zero-filled tail (file grown but data not written) would otherwise pass,
    // because crc32 of nothing is 0.
    if (length === 0) return stop('zero length');
    if (length > MAX_RECORD_BYTES) return stop(`impossible length ${length}`);
    if (length > remaining - RECORD_HEADER_BYTES) {
      return stop(`truncated (header says ${length} bytes, ${remaining - RECORD_HEADER_BYTES} present)`);
    }
    const start = at + RECORD_HEADER_BYTES;
    if (crc32(bytes, start, start + length) !== expected) return stop('checksum mismatch');
    payloads.push(bytes.subarray(start, start + length));
    at = start + length;
  }
  return { payloads, goodBytes: at };
}
