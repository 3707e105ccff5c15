// Just enough of source maps (v3) to name the functions in CPU profiles of the built renderer: a profile
// frame's position in a minified bundle is mapped back to its source file, line and original name.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Segment {
  column: number;
  source: number;
  line: number;
  name: number;
}

interface LoadedMap {
  sources: string[];
  names: string[];
  /** Segments per generated line, sorted by column. */
  lines: Segment[][];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, i) => [char, i]));

/** Decodes one line's segments: each a list of base64 VLQ numbers. */
function decodeSegment(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`source map: '${char}' is not a base64 digit`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function parseMap(json: { sources: string[]; names?: string[]; mappings: string }): LoadedMap {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  let name = 0;
  for (const lineText of json.mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const segmentText of lineText.split(',')) {
      if (!segmentText) continue;
      const [c, s, l, , n] = decodeSegment(segmentText);
      column += c ?? 0;
      if (s === undefined) continue;
      source += s;
      line += l ?? 0;
      let nameIndex = -1;
      if (n !== undefined) {
        name += n;
        nameIndex = name;
      }
      segments.push({ column, source, line, name: nameIndex });
    }
    lines.push(segments);
  }
  return { sources: json.sources, names: json.names ?? [], lines };
}

export interface OriginalPosition {
  /** Source file as the map names it, shortened to the repository's own paths where possible. */
  file: string;
  /** 1-based line. */
  line: number;
  name?: string;
}

export type FrameResolver = (url: string, line: number, column: number) => OriginalPosition | null;

/** Resolves frames of scripts served from `dir` (e.g. dist/renderer) through their `.map` files. */
export function sourceMapResolver(dir: string): FrameResolver {
  const maps = new Map<string, LoadedMap | null>();
  const load = (path: string): LoadedMap | null => {
    if (!maps.has(path)) {
      const file = join(dir, `${path}.map`);
      try {
        maps.set(path, existsSync(file) ? parseMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
      } catch {
        maps.set(path, null);
      }
    }
    return maps.get(path) ?? null;
  };
  return (url, line, column) => {
    let path: string;
    try {
      path = new URL(url).pathname.replace(/^\//, '');
    } catch {
      return null;
    }
    if (!path.endsWith('.js')) return null;
    const map = load(path);
    const segments = map?.lines[line];
    if (!map || !segments || segments.length === 0) return null;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.column <= column) lo = mid;
      else hi = mid - 1;
    }
    const segment = segments[lo]!;
    const file = (map.sources[segment.source] ?? '?').replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
    return { file, line: segment.line + 1, ...(segment.name >= 0 ? { name: map.names[segment.name] } : {}) };
  };
}
