// The difference of two sequences of keys (tokens of a text, ids of sibling items, blocks of rich
// text), as runs of equal / deleted / inserted entries.
//
// Why fast-diff (Myers' diff from diff-match-patch), fed one character per distinct key: measured on
// this machine against jsdiff 9 (`diffArrays` on the same token arrays, and `diffWords`), word
// diffs of Danish prose: 80 words with 10 % changed 0.06 ms vs 0.08 ms; 400 words 0.9 vs 0.5 ms;
// 2,000 words with 30 % changed 11.5 ms vs 86 ms (diffWords 73 ms); 20,000 words with 5 % changed
// 43 ms vs 292 ms. The big rewritten texts are the ones that decide whether a compare of the large
// strategy stays within its budget, so fast-diff it is. Its cost is that it diffs strings, hence the
// encoding below (diff-match-patch's own "lines to chars" trick, applied to any key).
import fastDiff from 'fast-diff';

export type SequenceOp = 'equal' | 'delete' | 'insert';

export interface SequenceRun {
  op: SequenceOp;
  /** Index of the run's first entry in the old sequence (for 'equal' and 'delete'). */
  oldStart: number;
  /** Index of the run's first entry in the new sequence (for 'equal' and 'insert'). */
  newStart: number;
  length: number;
}

// Code units that are single characters: everything in the Basic Multilingual Plane but the
// surrogates, from U+0100 (so no key is encoded as a control character).
const FIRST_CODE = 0x100;
const SURROGATES_START = 0xd800;
const SURROGATES_END = 0xdfff;
const LAST_CODE = 0xffff;
const CODE_CAPACITY = LAST_CODE - FIRST_CODE + 1 - (SURROGATES_END - SURROGATES_START + 1);

function codeOf(n: number): string {
  const code = FIRST_CODE + n;
  return String.fromCharCode(code < SURROGATES_START ? code : code + (SURROGATES_END - SURROGATES_START + 1));
}

export interface DiffOptions {
  /**
   * diff-match-patch's semantic clean-up: short equal stretches between changes become part of the
   * changes, which reads better for text. Not for ids: it would turn a kept item into a move.
   */
  cleanup?: boolean;
}

/**
 * The runs that turn `oldKeys` into `newKeys`, in order. Entries are equal when their keys are.
 * More distinct keys than one character per key can encode (over 63,000 in one comparison) gives
 * the coarse but still exact answer: everything deleted, everything inserted.
 */
export function diffSequences(oldKeys: readonly string[], newKeys: readonly string[], options: DiffOptions = {}): SequenceRun[] {
  if (oldKeys.length === 0 && newKeys.length === 0) return [];
  const codes = new Map<string, string>();
  const encode = (keys: readonly string[]): string | undefined => {
    const out: string[] = new Array<string>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      let code = codes.get(key);
      if (code === undefined) {
        if (codes.size >= CODE_CAPACITY) return undefined;
        code = codeOf(codes.size);
        codes.set(key, code);
      }
      out[i] = code;
    }
    return out.join('');
  };
  const a = encode(oldKeys);
  const b = a === undefined ? undefined : encode(newKeys);
  if (a === undefined || b === undefined) {
    const runs: SequenceRun[] = [];
    if (oldKeys.length > 0) runs.push({ op: 'delete', oldStart: 0, newStart: 0, length: oldKeys.length });
    if (newKeys.length > 0) runs.push({ op: 'insert', oldStart: oldKeys.length, newStart: 0, length: newKeys.length });
    return runs;
  }
  const runs: SequenceRun[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const [op, text] of fastDiff(a, b, undefined, options.cleanup === true)) {
    const length = text.length;
    if (length === 0) continue;
    if (op === fastDiff.EQUAL) {
      runs.push({ op: 'equal', oldStart: oldAt, newStart: newAt, length });
      oldAt += length;
      newAt += length;
    } else if (op === fastDiff.DELETE) {
      runs.push({ op: 'delete', oldStart: oldAt, newStart: newAt, length });
      oldAt += length;
    } else {
      runs.push({ op: 'insert', oldStart: oldAt, newStart: newAt, length });
      newAt += length;
    }
  }
  return runs;
}

/** One entry of two merged sequences: in both (at both indexes), only in the old, or only in the new. */
export type MergedEntry<T> =
  | { in: 'both'; old: T; new: T; oldIndex: number; newIndex: number }
  | { in: 'old'; old: T; oldIndex: number }
  | { in: 'new'; new: T; newIndex: number };

/**
 * Two lists of items merged into one by a key (an id): what both have in the same relative order is
 * 'both', the rest is 'old' (at its old place) or 'new' (at its new place). An item whose place among
 * the others changed is therefore 'old' where it was and 'new' where it is: a move.
 */
export function mergeByKey<T>(oldItems: readonly T[], newItems: readonly T[], key: (item: T) => string): MergedEntry<T>[] {
  const runs = diffSequences(oldItems.map(key), newItems.map(key));
  const out: MergedEntry<T>[] = [];
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      if (run.op === 'equal') {
        out.push({ in: 'both', old: oldItems[run.oldStart + i]!, new: newItems[run.newStart + i]!, oldIndex: run.oldStart + i, newIndex: run.newStart + i });
      } else if (run.op === 'delete') {
        out.push({ in: 'old', old: oldItems[run.oldStart + i]!, oldIndex: run.oldStart + i });
      } else {
        out.push({ in: 'new', new: newItems[run.newStart + i]!, newIndex: run.newStart + i });
      }
    }
  }
  return out;
}
