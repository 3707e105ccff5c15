// Fractional order keys: base-62 strings compared by plain string order (code units), so an item
// can be placed between two others by changing only its own key. Two replicas placing items at
// the same spot pick random keys there, so equal keys are very unlikely (~62^-4); ties that do
// happen are broken by id by the callers.
//
// Invariants: a key is non-empty, uses only DIGITS, and never ends in the smallest digit ('0'),
// so there is always room below any key.

export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
/** Random digits after the distinguishing one; they make concurrent keys differ. */
const JITTER = 3;
/** Largest digit step when only one side is bounded. */
const STEP = 8;

export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.endsWith(DIGITS[0]!)) return false;
  for (const ch of key) if (!DIGITS.includes(ch)) return false;
  return true;
}

function digit(key: string, i: number): number {
  return DIGITS.indexOf(key[i]!);
}

/**
 * A key strictly between `a` and `b` (null: unbounded on that side). Throws unless a < b.
 * `random` returns numbers in [0, 1) (Math.random by default).
 */
export function keyBetween(a: string | null, b: string | null, random: () => number = Math.random): string {
  if (a !== null && !isValidKey(a)) throw new Error(`invalid order key "${a}"`);
  if (b !== null && !isValidKey(b)) throw new Error(`invalid order key "${b}"`);
  if (a !== null && b !== null && !(a < b)) throw new Error(`order keys out of order: "${a}" must sort before "${b}"`);
  const pick = (lo: number, hi: number): number => lo + Math.min(hi - lo - 1, Math.floor(random() * (hi - lo)));

  let prefix = '';
  // While `followB`, the key so far equals b's prefix, so the next digit is bounded by b's.
  let followB = b !== null;
  for (let i = 0; ; i++) {
    // lo: the key so far equals a's prefix; a digit above a's (or any digit once a is exhausted) makes key > a.
    const lo = a !== null && i < a.length && prefix === a.slice(0, i) ? digit(a, i) : -1;
    const hi = followB ? digit(b!, i) : BASE;
    if (hi - lo >= 2) {
      // Any digit in (lo, hi) puts the key strictly between a and b. Appending (or prepending)
      // takes a small step, so that long runs of appends keep keys short.
      let from = lo + 1;
      let to = hi; // exclusive
      if (b === null && a !== null) to = Math.min(to, from + STEP);
      else if (a === null && b !== null) from = Math.max(from, to - STEP);
      const d = pick(from, to);
      let key = prefix + DIGITS[d];
      for (let j = 0; j < JITTER; j++) key += DIGITS[pick(1, BASE)]; // never a trailing '0'
      return key;
    }
    // No room at this position: copy a digit and go one deeper.
    if (lo >= 0) {
      prefix += DIGITS[lo];
      if (lo < hi) followB = false; // below b's digit: b no longer bounds the rest
    } else {
      // a is exhausted (or absent) and b's digit here is '0': follow b down.
      prefix += DIGITS[0];
    }
  }
}

/** `count` increasing keys after `a` (or from the start), e.g. for a whole imported list. */
export function keysAfter(a: string | null, count: number, random: () => number = Math.random): string[] {
  const keys: string[] = [];
  let prev = a;
  for (let i = 0; i < count; i++) {
    prev = keyBetween(prev, null, random);
    keys.push(prev);
  }
  return keys;
}
