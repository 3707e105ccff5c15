import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumn } from '../../../shared/format/json-syntax';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// Valid JSON texts of objects and arrays, pretty or compact.
const jsonTexts = fc
  .tuple(fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())), fc.constantFrom(undefined, 2, '\t'))
  .map(([value, indent]) => JSON.stringify(value, null, indent));

describe('findJsonSyntaxError', () => {
  it('finds nothing in valid JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => findJsonSyntaxError(JSON.stringify(value)) === null));
  });

  it('agrees with JSON.parse on valid JSON with one character removed, replaced or inserted', () => {
    const edit = fc.tuple(jsonTexts, fc.nat(), fc.constantFrom('del', 'ins', 'rep'), fc.constantFrom(...'{}[]",:0-.e tfn\\\n\''.split('')));
    fc.assert(
      fc.property(edit, ([text, at, kind, ch]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        const edited =
          kind === 'del' ? text.slice(0, i) + text.slice(i + 1) : kind === 'ins' ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i) + ch + text.slice(i + 1);
        expect(findJsonSyntaxError(edited) === null).toBe(parses(edited));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports every cut-short object or list as truncated, at the end of the text', () => {
    fc.assert(
      fc.property(jsonTexts, fc.nat(), (text, at) => {
        const cut = text.slice(0, at % text.length);
        fc.pre(cut.trim() !== '');
        const error = findJsonSyntaxError(cut);
        expect(error?.reason).toBe('truncated');
        expect(error?.offset).toBe(cut.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives 1-based line and column', () => {
    expect(lineColumn('ab\ncd\n', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(findJsonSyntaxError('{\n  "a": [\n    1,,\n  ]\n}')).toMatchObject({ reason: 'unexpected', line: 3, column: 7, expected: 'value' });
  });

  it('names the right reason for each kind of mistake (jsonc-parser errors mapped)', () => {
    const reasons = (text: string) => findJsonSyntaxError(text)?.reason;
    expect(reasons('[1,]')).toBe('trailing-comma');
    expect(reasons('{"a": NaN}')).toBe('bad-number');
    expect(reasons('[1.5.2]')).toBe('bad-number');
    expect(reasons('[1] // note')).toBe('unexpected');
    expect(reasons('\u000b[1]')).toBe('unexpected');
    expect(findJsonSyntaxError('{"a": tru')).toMatchObject({ reason: 'truncated', openContainers: 1 });
    expect(findJsonSyntaxError('["ab')).toMatchObject({ reason: 'truncated', insideString: true });
    expect(findJsonSyntaxError('{"a": "x\u0001"}')).toMatchObject({ reason: 'control-character', column: 9 });
  });

  it('survives very deep nesting: the parser (jsonc-parser) is recursive, so such a text is "too deep"', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toMatchObject({ reason: 'too-deep', line: 1, column: 1 });
    expect(findJsonSyntaxError('['.repeat(1_000))).toMatchObject({ reason: 'truncated', openContainers: 1_000 });
  });
});
