// A file's quote anchors to its first occurrence in its field: the field's text is its textblocks joined by
// "\n"; the mark goes on the text nodes of that span only, split at its edges; a mark reads back as its span.
import { describe, expect, it } from 'vitest';
import { fieldText, markedQuotes, markQuote, withoutMarks, type JsonNode } from '../../../shared/format/quote-anchor';

const p = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]): JsonNode => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const doc = (...content: JsonNode[]): JsonNode => ({ type: 'doc', content });
const mark = (threadId: string) => ({ type: 'comment', attrs: { threadId } });

describe('quote anchors', () => {
  const field = doc(p(t('Vi vil '), t('styrke', 'strong'), t(' borgernes tillid.')), { type: 'paragraph' }, p(t('Tillid er alt'), { type: 'hard_break' }, t('ny linje')));

  it('the field text joins textblocks (an empty one too) and hard breaks with "\\n"', () => {
    expect(fieldText(field)).toBe('Vi vil styrke borgernes tillid.\n\nTillid er alt\nny linje');
  });

  it('marks the first occurrence, splitting text nodes at its edges and keeping their own marks', () => {
    const marked = markQuote(field, 'styrke borgernes', mark('a'))!;
    expect(marked.content![0]!.content).toEqual([
      t('Vi vil '),
      { type: 'text', text: 'styrke', marks: [{ type: 'strong' }, mark('a')] },
      { type: 'text', text: ' borgernes', marks: [mark('a')] },
      t(' tillid.'),
    ]);
    expect(markedQuotes(marked, 'comment', 'threadId')).toEqual(new Map([['a', 'styrke borgernes']]));
  });

  it('a quote occurring twice is anchored on the first; a quote across paragraphs and breaks reads back the same', () => {
    const twice = markQuote(doc(p(t('tal og tal'))), 'tal', mark('x'))!;
    expect(twice.content![0]!.content).toEqual([{ type: 'text', text: 'tal', marks: [mark('x')] }, t(' og tal')]);
    const across = markQuote(field, 'tillid.\n\nTillid er alt\nny', mark('y'))!;
    expect(markedQuotes(across, 'comment', 'threadId').get('y')).toBe('tillid.\n\nTillid er alt\nny');
    // Hard breaks carry no mark.
    expect(across.content![2]!.content![1]).toEqual({ type: 'hard_break' });
  });

  it('overlapping threads keep both marks; stripping them gives the field back', () => {
    const one = markQuote(field, 'borgernes tillid', mark('a'))!;
    const two = markQuote(one, 'tillid.', mark('b'))!;
    expect(markedQuotes(two, 'comment', 'threadId')).toEqual(new Map([['a', 'borgernes tillid'], ['b', 'tillid.']]));
    expect(withoutMarks(two, 'comment')).toEqual(field);
  });

  it('a quote the field does not hold, or an empty one, gives null', () => {
    expect(markQuote(field, 'mistillid', mark('a'))).toBeNull();
    expect(markQuote(field, '', mark('a'))).toBeNull();
  });

  it('a mark that begins or ends inside an emoji reads back as whole characters', () => {
    const half = doc(p(t('ja '), { type: 'text', text: '\ud83d', marks: [mark('e')] }, { type: 'text', text: '\ude00 tak', marks: [mark('e')] }));
    const split = doc(p({ type: 'text', text: 'ja \ud83d', marks: [mark('e')] }, t('\ude00 tak')));
    expect(markedQuotes(half, 'comment', 'threadId').get('e')).toBe('😀 tak');
    expect(markedQuotes(split, 'comment', 'threadId').get('e')).toBe('ja 😀');
  });
});
