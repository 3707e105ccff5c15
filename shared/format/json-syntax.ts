// Locates the first syntax error in a JSON text, independently of the JavaScript engine: the wording and
// position info of JSON.parse errors differ between Node, Chromium and Electron, and a user needs a line
// and column (and a plain statement when the file was cut short). Only called after JSON.parse has failed.
//
// The parsing is jsonc-parser's (VS Code's JSON parser, strict: no comments, no trailing commas); this
// module only turns its first error into one of the reasons below, which the messages in ./validate.ts
// name. jsonc-parser's parser is recursive: past a few thousand levels of nesting it overflows the call
// stack, and such a text is reported as 'too-deep' (Pejling reads far less nesting anyway, see
// ./input-limits.ts).
import { createScanner, type JSONVisitor, printParseErrorCode, visit } from 'jsonc-parser';

// jsonc-parser's SyntaxKind values (a const enum, which isolatedModules cannot read from its .d.ts).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

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
  | 'trailing-data' // more text after the complete value
  | 'too-deep'; // nested deeper than the parser follows

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

const WORD = /[A-Za-z_$][\w$]*/y;
/** The longest run of characters that can occur in a number. */
const NUMBER_RUN = /[0-9+\-.eE]+/y;
const LITERALS = ['true', 'false', 'null'];

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

interface FirstError {
  code: string;
  offset: number;
  length: number;
  /** End of the last complete number before the error, and where it started (for "01", "1.5.2"). */
  lastNumber?: { start: number; end: number };
}

function firstError(text: string): FirstError | null | 'too-deep' {
  let found: FirstError | null = null;
  let lastNumber: { start: number; end: number } | undefined;
  const visitor: JSONVisitor = {
    onLiteralValue: (value: unknown, offset: number, length: number) => {
      if (!found && typeof value === 'number') lastNumber = { start: offset, end: offset + length };
    },
    onError: (code, offset: number, length: number) => {
      if (!found) found = { code: printParseErrorCode(code), offset, length, ...(lastNumber ? { lastNumber } : {}) };
    },
  };
  try {
    visit(text, visitor, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    if (error instanceof RangeError) return 'too-deep';
    throw error;
  }
  return found;
}

/** Returns the first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const at = (reason: JsonSyntaxReason, offset: number, extra: Partial<JsonSyntaxError> = {}): JsonSyntaxError => ({
    reason,
    offset,
    ...lineColumn(text, offset),
    ...extra,
  });
  if (text.trim() === '') return at('empty', 0);
  const error = firstError(text);
  if (error === 'too-deep') return at('too-deep', 0);
  if (error === null) return null;
  const { code, offset, length } = error;
  const open = openAt(text, offset);
  const end = offset + length;
  const token = text.slice(offset, end);
  const truncated = (insideString = false): JsonSyntaxError => at('truncated', text.length, { openContainers: open.length, insideString });
  const foundAt = (i: number): string => {
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    return word ? word[0] : String.fromCodePoint(text.codePointAt(i) ?? 0);
  };
  const previousSignificant = (): string | undefined => {
    for (let j = offset - 1; j >= 0; j--) {
      const ch = text[j];
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return ch;
    }
    return undefined;
  };
  const numberFrom = (i: number): string => {
    NUMBER_RUN.lastIndex = i;
    return NUMBER_RUN.exec(text)?.[0] ?? text[i] ?? '';
  };
  // A number run on into what follows ("01", "1.5.2", "1-2"): the whole run is the bad number.
  if (error.lastNumber && error.lastNumber.end === offset && /^[0-9+\-.eE]/.test(text[offset] ?? '')) {
    return at('bad-number', error.lastNumber.start, { found: numberFrom(error.lastNumber.start) });
  }

  switch (code) {
    case 'UnexpectedEndOfString': {
      // The string's token ends at the end of the text (cut short) or at a raw line break.
      if (end >= text.length) return truncated(true);
      return at('control-character', end, { found: text[end] });
    }
    case 'InvalidUnicode':
      if (end >= text.length) return truncated(true);
      return badEscape();
    case 'InvalidEscapeCharacter':
      return badEscape();
    case 'InvalidCharacter': {
      const i = [...token].findIndex((ch) => ch.charCodeAt(0) < 32);
      const pos = offset + (i < 0 ? 0 : i);
      return at('control-character', pos, { found: text[pos] });
    }
    case 'UnexpectedEndOfNumber':
    case 'InvalidNumberFormat':
      return end >= text.length ? truncated() : at('bad-number', offset, { found: numberFrom(offset) });
    case 'EndOfFileExpected':
      return at('trailing-data', offset, { expected: 'end', found: foundAt(offset) });
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return at('unexpected', offset, { expected: expectedIn(open), found: foundAt(offset) });
    default:
      break;
  }
  // The text ended where something was expected.
  if (offset >= text.length) return truncated();
  const ch = text[offset] ?? '';
  if (ch === "'") return at('single-quotes', offset, { found: ch });
  if ((ch === '}' || ch === ']') && previousSignificant() === ',') return at('trailing-comma', offset, { found: ch });
  if (code === 'InvalidSymbol') {
    const word = foundAt(offset);
    // A literal or number cut short by the end of the text ("tru", "-").
    if (end >= text.length && (LITERALS.some((l) => l.startsWith(word)) || token === '-')) return truncated();
    if (word === 'NaN' || word === 'Infinity' || /^[+\-.]/.test(token)) return at('bad-number', offset, { found: /^[+\-.]/.test(token) ? numberFrom(offset) : word });
    const inObject = open[open.length - 1] === 'object';
    const wantsKey = inObject && /[{,]/.test(previousSignificant() ?? '');
    if (wantsKey && /^[A-Za-z_$]/.test(word)) return at('unquoted-key', offset, { found: word });
    return at('unexpected', offset, { expected: wantsKey ? 'key' : 'value', found: word });
  }
  const expected: JsonExpectation =
    code === 'PropertyNameExpected'
      ? 'key'
      : code === 'ColonExpected'
        ? 'colon'
        : code === 'CommaExpected' || code === 'CloseBraceExpected' || code === 'CloseBracketExpected'
          ? expectedIn(open)
          : 'value';
  const word = foundAt(offset);
  if (expected === 'key' && /^[A-Za-z_$]/.test(word)) return at('unquoted-key', offset, { found: word });
  return at('unexpected', offset, { expected, found: word });

  function badEscape(): JsonSyntaxError {
    const bad = /\\(?:u(?![0-9a-fA-F]{4})|[^"\\/bfnrtu])/.exec(token);
    const pos = offset + (bad?.index ?? 0);
    return at('bad-escape', pos, { found: text.slice(pos, pos + 2) });
  }
}

/** The objects and lists open at `offset` (innermost last), counted over jsonc-parser's scanner (iterative). */
function openAt(text: string, offset: number): ('object' | 'array')[] {
  const open: ('object' | 'array')[] = [];
  const scanner = createScanner(text, true);
  for (let kind = scanner.scan(); kind !== EOF && scanner.getTokenOffset() < offset; kind = scanner.scan()) {
    if (kind === OPEN_BRACE) open.push('object');
    else if (kind === OPEN_BRACKET) open.push('array');
    else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) open.pop();
  }
  return open;
}

function expectedIn(open: ('object' | 'array')[]): JsonExpectation {
  const top = open[open.length - 1];
  return top === 'object' ? 'comma-or-object-end' : top === 'array' ? 'comma-or-list-end' : 'end';
}
