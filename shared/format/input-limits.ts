// Limits on what an interchange file may hold beyond its schema (issue 20, "bad files"): characters that
// XML 1.0 cannot carry (a Word document is XML, so a title with U+FFFF made a .docx that LibreOffice cannot
// open), and nesting deeper than the readers can follow (20,000 quotes within quotes overflowed the call
// stack). One iterative pass over the parsed JSON, so neither a deep nor a long input can overflow it.
import { type Lang, pick } from './messages';
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
 * Problems with characters and nesting anywhere in the parsed JSON. `tooDeep` is true when the input
 * nests deeper than MAX_JSON_DEPTH: the caller must then not hand it to recursive code (the schema's
 * unknown-field walk, the rich-text readers).
 */
export function inputLimitProblems(root: unknown, lang: Lang): { problems: Problem[]; tooDeep: boolean } {
  const problems: Problem[] = [];
  let tooDeep = false;
  // Explicit stack of [value, pointer, depth]; pointers are built only for what is reported.
  const stack: [unknown, string, number][] = [[root, '', 0]];
  while (stack.length > 0) {
    const [value, pointer, depth] = stack.pop()!;
    if (typeof value === 'string') {
      const bad = findIllegalCharacter(value);
      if (bad) {
        problems.push({
          path: pointer,
          message: pick(lang, {
            da: `indeholder tegnet ${hex(bad.codePoint)} (tegn nr. ${bad.position}), som ikke må stå i tekst (et styretegn eller et ikke-tegn, som Word ikke kan gemme); fjern det`,
            en: `contains the character ${hex(bad.codePoint)} (character ${bad.position}), which text may not hold (a control character or non-character that Word cannot store); remove it`,
          }),
        });
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      if (!tooDeep) {
        // Name the field that holds the rich text, not a pointer hundreds of segments long.
        const at = pointer.indexOf('/content/');
        problems.push({
          path: at > 0 ? pointer.slice(0, at) : pointer.split('/').slice(0, 8).join('/'),
          message: pick(lang, {
            da: `teksten er indlejret for dybt (mere end ${MAX_RICH_NESTING} niveauer, fx citater i citater eller lister i lister); Pejling læser højst ${MAX_RICH_NESTING} niveauer`,
            en: `the text is nested too deeply (more than ${MAX_RICH_NESTING} levels, such as quotes within quotes or lists within lists); Pejling reads at most ${MAX_RICH_NESTING} levels`,
          }),
        });
      }
      tooDeep = true;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${pointer}/${i}`, depth + 1]);
    } else {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push([child, `${pointer}/${escapeSegment(key)}`, depth + 1]);
      }
    }
  }
  return { problems, tooDeep };
}
