// CRC-32 (IEEE 802.3, the zlib/PNG/gzip checksum), used for log records and .pejling files. Node's own
// zlib.crc32 (Node ≥ 20.15 / 22.2) replaces the table-driven loop we had before: same values, native speed.
import { crc32 as zlibCrc32 } from 'node:zlib';

/** CRC-32 of `bytes[start, end)`; pass a previous result as `seed` to continue over several chunks. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, seed = 0): number {
  const range = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
  return zlibCrc32(range, seed) >>> 0;
}
