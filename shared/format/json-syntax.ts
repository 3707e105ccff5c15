// Locates the first syntax error in a JSON text, independently of the JavaScript engine: the wording and
// position info of JSON.parse errors differ between Node, Chromium and Electron, and a user needs a line
// and column (and a plain statement when the file was cut short). Only called after JSON.parse has failed.
// Iterative (explicit stack), so deeply nested input cannot overflow the call stack.

export type JsonSyntaxReason =
  | 'empty' // nothing but whitespace
  | 'truncated' // the text ends while a value, string, object or list is still open
  | 'unexpected' // a character that cannot stand here
  | 'trailing-comma' // "," directly before "}" or "]"
  | 'unquoted-key' // an object key without double quotes
  | 'single-quotes' // 'text' instead of "text"
  | 'control-character' // a raw line break or tab inside a string
  | 'bad-escape' // a backslash sequence JSON does not know
  | 'bad-number' // 01, 1., .5, +1, NaN, Infinity
  | 'trailing-data'; // more text after the complete value

/** What the parser expected where it failed: used to phrase the message. */
export type JsonExpectation = 'value' | 'key' | 'colon' | 'comma-or-object-end' | 'comma-or-list-end' | 'end';

export interface JsonSyntaxError {
  reason: JsonSyntaxReason;
  expected?: JsonExpectation;
  /** The offending character or word, as found in the text (absent at the end of the text). */
  found?: string;
  offset: number;
  /** 1-based line and column of `offset`. */
  line: number;
  column: number;
  /** For 'truncated': how many objects/lists were still open, and whether the text ended inside a string. */
  openContainers?: number;
  insideString?: boolean;
}

type Mode = 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'afterValue';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** The longest run of characters that can occur in a number; compared with NUMBER to judge it. */
const NUMBER_RUN = /[0-9+\-.eE]+/y;
/** Texts that are a number or can be completed to one ("-", "1.", "2e-"). */
const NUMBER_PREFIX = /^-?(?:(?:0|[1-9]\d*)(?:\.|\.\d+(?:[eE][+-]?\d*)?|[eE][+-]?\d*)?)?$/;
const WORD = /[A-Za-z_$][\w$]*/y;

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Returns the first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: ('object' | 'array')[] = [];
  let i = 0;
  let mode: Mode = 'value';

  const fail = (reason: JsonSyntaxReason, at: number, extra: Partial<JsonSyntaxError> = {}): JsonSyntaxError => ({
    reason,
    offset: at,
    ...lineColumn(text, at),
    ...extra,
  });
  const truncated = (insideString = false): JsonSyntaxError =>
    fail('truncated', text.length, { openContainers: stack.length, insideString });
  const foundAt = (at: number): string => {
    WORD.lastIndex = at;
    const word = WORD.exec(text);
    return word ? word[0] : String.fromCodePoint(text.codePointAt(at) ?? 0);
  };
  const skipWhitespace = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const previousSignificant = (): string | undefined => {
    for (let j = i - 1; j >= 0; j--) {
      const ch = text[j];
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return ch;
    }
    return undefined;
  };
  /** Scans a string starting at the opening quote; returns an error or null. */
  const scanString = (): JsonSyntaxError | null => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c === 92) {
        const next = text[i + 1];
        if (next === undefined) return truncated(true);
        if ('"\\/bfnrt'.includes(next)) {
          i += 2;
          continue;
        }
        if (next === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            i += 6;
            continue;
          }
          if (i + 2 + hex.length >= text.length && /^[0-9a-fA-F]*$/.test(hex)) return truncated(true);
        }
        return fail('bad-escape', i, { found: text.slice(i, i + 2) });
      }
      if (c < 32) return fail('control-character', i, { found: text[i] });
      i++;
    }
    return truncated(true);
  };

  for (;;) {
    skipWhitespace();
    if (mode === 'value' || mode === 'valueOrEnd') {
      if (i >= text.length) return stack.length === 0 && text.trim() === '' ? fail('empty', 0) : truncated();
      const ch = text[i] as string;
      if (mode === 'valueOrEnd' && ch === ']') {
        stack.pop();
        i++;
        mode = 'afterValue';
        continue;
      }
      if (ch === '{') {
        stack.push('object');
        i++;
        mode = 'keyOrEnd';
      } else if (ch === '[') {
        stack.push('array');
        i++;
        mode = 'valueOrEnd';
      } else if (ch === '"') {
        const error = scanString();
        if (error) return error;
        mode = 'afterValue';
      } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
        NUMBER_RUN.lastIndex = i;
        const run = NUMBER_RUN.exec(text)?.[0] ?? ch;
        NUMBER.lastIndex = i;
        if (NUMBER.exec(text)?.[0] !== run) {
          // Not a complete number: cut short if the text ends while it could still become one.
          return i + run.length >= text.length && NUMBER_PREFIX.test(run) ? truncated() : fail('bad-number', i, { found: run });
        }
        i += run.length;
        mode = 'afterValue';
      } else if (ch === "'") {
        return fail('single-quotes', i, { found: ch });
      } else if ((ch === ']' || ch === '}') && previousSignificant() === ',') {
        return fail('trailing-comma', i, { found: ch });
      } else if (ch === '+' || ch === '.') {
        return fail('bad-number', i, { found: ch });
      } else {
        const word = foundAt(i);
        const literal = ['true', 'false', 'null'].find((l) => l.startsWith(word) || word === l);
        if (word === 'true' || word === 'false' || word === 'null') {
          i += word.length;
          mode = 'afterValue';
        } else if (literal && i + word.length >= text.length) {
          return truncated();
        } else if (word === 'NaN' || word === 'Infinity') {
          return fail('bad-number', i, { found: word });
        } else {
          return fail('unexpected', i, { expected: 'value', found: word });
        }
      }
      continue;
    }
    if (mode === 'keyOrEnd' || mode === 'key') {
      if (i >= text.length) return truncated();
      const ch = text[i] as string;
      if (ch === '}') {
        if (mode === 'key') return fail('trailing-comma', i, { found: ch });
        stack.pop();
        i++;
        mode = 'afterValue';
        continue;
      }
      if (ch === "'") return fail('single-quotes', i, { found: ch });
      if (ch !== '"') {
        const word = foundAt(i);
        return /^[A-Za-z_$]/.test(word)
          ? fail('unquoted-key', i, { found: word })
          : fail('unexpected', i, { expected: 'key', found: word });
      }
      const error = scanString();
      if (error) return error;
      skipWhitespace();
      if (i >= text.length) return truncated();
      if (text[i] !== ':') return fail('unexpected', i, { expected: 'colon', found: foundAt(i) });
      i++;
      mode = 'value';
      continue;
    }
    // afterValue
    const top = stack[stack.length - 1];
    if (top === undefined) {
      return i >= text.length ? null : fail('trailing-data', i, { expected: 'end', found: foundAt(i) });
    }
    if (i >= text.length) return truncated();
    const ch = text[i] as string;
    if (ch === ',') {
      i++;
      mode = top === 'object' ? 'key' : 'value';
    } else if ((top === 'object' && ch === '}') || (top === 'array' && ch === ']')) {
      stack.pop();
      i++;
    } else {
      return fail('unexpected', i, {
        expected: top === 'object' ? 'comma-or-object-end' : 'comma-or-list-end',
        found: foundAt(i),
      });
    }
  }
}
