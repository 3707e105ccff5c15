// Limits on what an interchange file may hold beyond its schema (issue 20, "bad files"): characters that
// XML 1.0 cannot carry (a Word document is XML, so a title with U+FFFF made a .docx that LibreOffice cannot
// open), and nesting deeper than the readers can follow (20,000 quotes within quotes overflowed the call
// stack). One iterative pass over the parsed JSON, so neither a deep nor a long input can overflow it.
import { t as message } from '../i18n/messages';
import type { Lang } from './messages';
import type { Problem } from './problem';

/**
 * How deeply rich text may nest (quotes in quotes, lists in lists): far beyond what a strategy needs
 * (Word's own outline stops at 9 levels), far below where the editor, the model and the Word export,
 * which all walk rich text recursively, run out of stack (about 2,000 levels in Node 20).
 */
export const MAX_RICH_NESTING = 100;
/** The deepest JSON a file may hold: the format's own structure (< 10) plus two levels per rich-text node. */
export const MAX_JSON_DEPTH = 16 + 2 * MAX_RICH_NESTING;

/** Characters XML 1.0 refuses in text: C0 controls but tab, line feed and carriage return; lone surrogates; non-characters. */
const ILLEGAL = (() => {
  const planes = Array.from({ length: 17 }, (_, p) => {
    const base = (p << 16) | 0xfffe;
    return `\\u{${base.toString(16)}}\\u{${(base + 1).toString(16)}}`;
  }).join('');
  return new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF\\uFDD0-\\uFDEF${planes}]`, 'u');
})();
const ILLEGAL_ALL = new RegExp(ILLEGAL.source, 'gu');

/** The first character of `text` that XML cannot carry, with its position (1-based, in characters). */
export function findIllegalCharacter(text: string): { codePoint: number; position: number } | undefined {
  const match = ILLEGAL.exec(text);
  if (!match) return undefined;
  return { codePoint: match[0].codePointAt(0) ?? 0, position: [...text.slice(0, match.index)].length + 1 };
}

/** `text` without the characters XML cannot carry (the Word export's last line of defence). */
export function stripIllegalCharacters(text: string): string {
  return ILLEGAL.test(text) ? text.replace(ILLEGAL_ALL, '') : text;
}

const hex = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
const escapeSegment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Problems with characters and nesting anywhere in the parsed JSON (`characters`: those with characters
 * only, which the checks report for a live document). `tooDeep` is true when the input
 * nests deeper than MAX_JSON_DEPTH: the caller must then not hand it to recursive code (the schema's
 * unknown-field walk, the rich-text readers).
 */
export function inputLimitProblems(root: unknown, lang: Lang): { problems: Problem[]; tooDeep: boolean; characters: Problem[] } {
  const problems: Problem[] = [];
  const characters: Problem[] = [];
  let tooDeep = false;
  // Explicit stack; each frame links to its parent, so a pointer is built only for what is reported.
  interface Frame {
    value: unknown;
    key: string;
    parent: Frame | null;
    depth: number;
  }
  const pointerOf = (frame: Frame): string => {
    const segments: string[] = [];
    for (let f: Frame | null = frame; f && f.parent; f = f.parent) segments.push(escapeSegment(f.key));
    return segments.length === 0 ? '' : `/${segments.reverse().join('/')}`;
  };
  const stack: Frame[] = [{ value: root, key: '', parent: null, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (typeof value === 'string') {
      if (!ILLEGAL.test(value)) continue;
      const bad = findIllegalCharacter(value)!;
      characters.push({
        path: pointerOf(frame),
        message: message(lang, 'format.illegalCharacter', { char: hex(bad.codePoint), position: bad.position }),
      });
      problems.push(characters[characters.length - 1]!);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      if (!tooDeep) {
        // Name the field that holds the rich text, not a pointer hundreds of segments long.
        const pointer = pointerOf(frame);
        const at = pointer.indexOf('/content/');
        problems.push({
          path: at > 0 ? pointer.slice(0, at) : pointer.split('/').slice(0, 8).join('/'),
          message: message(lang, 'format.tooDeep', { max: MAX_RICH_NESTING }),
        });
      }
      tooDeep = true;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: String(i), parent: frame, depth: depth + 1 });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ value: (value as Record<string, unknown>)[key], key, parent: frame, depth: depth + 1 });
      }
    }
  }
  return { problems, tooDeep, characters };
}
