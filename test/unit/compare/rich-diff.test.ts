// The word-level rich-text diff: the merged text read as the old side gives the old text exactly, read
// as the new side the new text exactly (what "reject all" and "accept all" of the Word redline rest
// on), for hand-picked edits and for random ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRich, sideOf, type DiffNode } from '../../../shared/compare/rich-diff';
import { diffSequences, mergeByKey } from '../../../shared/compare/sequence';
import { richToJson } from '../../../shared/export/rich-json';

const texts = (doc: DiffNode, change: 'inserted' | 'deleted'): string[] => {
  const out: string[] = [];
  const walk = (node: DiffNode, inherited: boolean) => {
    const inside = inherited || node.change === change;
    if (node.type === 'text' && inside) out.push(node.text ?? '');
    for (const child of node.content ?? []) walk(child, inside);
  };
  walk(doc, false);
  return out;
};

describe('diffRich', () => {
  it('marks the changed words of a paragraph and leaves the rest', () => {
    const diff = diffRich('Borgerne skal kunne **betjene sig selv** døgnet rundt.', 'Borgerne skal altid kunne **betjene sig selv** hele døgnet.');
    expect(texts(diff.doc, 'inserted')).toEqual(['altid ', 'hele døgnet']);
    expect(texts(diff.doc, 'deleted')).toEqual(['døgnet rundt']);
    // the bold words are kept, and kept bold
    expect(diff.doc.content![0]!.content!.find((n) => n.text === 'betjene sig selv')).toMatchObject({ marks: [{ type: 'strong' }] });
    expect(diff.doc.content![0]!.content!.find((n) => n.text === 'betjene sig selv')?.change).toBeUndefined();
    expect(diff.doc.content).toHaveLength(1);
    expect(sideOf(diff.doc, 'new')).toEqual(richToJson('Borgerne skal altid kunne **betjene sig selv** hele døgnet.'));
    expect(sideOf(diff.doc, 'old')).toEqual(richToJson('Borgerne skal kunne **betjene sig selv** døgnet rundt.'));
  });

  it('inserts and deletes whole paragraphs and list items, and replaces a rewritten paragraph whole', () => {
    const before = 'Første afsnit.\n\nAndet afsnit om data.\n\n- punkt et\n- punkt to';
    const after = 'Første afsnit.\n\nHelt anden tekst uden fælles ord nogen steder.\n\n- punkt et\n- punkt tre\n- punkt fire\n\nEt nyt afsnit.';
    const diff = diffRich(before, after);
    const blocks = diff.doc.content!;
    expect(blocks[0]!.change).toBeUndefined();
    expect(blocks[1]).toMatchObject({ change: 'deleted' });
    expect(blocks[2]).toMatchObject({ change: 'inserted' });
    expect(blocks.at(-1)).toMatchObject({ change: 'inserted', type: 'paragraph' });
    expect(sideOf(diff.doc, 'new')).toEqual(richToJson(after));
    expect(sideOf(diff.doc, 'old')).toEqual(richToJson(before));
  });

  it('handles an empty side', () => {
    const added = diffRich(undefined, 'Ny tekst her.');
    expect(added.insertedWords).toBe(3);
    expect(added.doc.content?.[0]?.change).toBe('inserted');
    const removed = diffRich('Gammel tekst.', '');
    expect(removed.deletedWords).toBe(2);
    expect(sideOf(removed.doc, 'new')).toEqual({ type: 'doc' });
  });

  it('gives back both sides exactly for random edits of Markdown', () => {
    const word = fc.constantFrom('data', 'borger', 'kommune', 'sikker', 'it', 'løsning', '**fælles**', '*ny*', 'drift,', 'mål.');
    const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    const block = fc.oneof(paragraph, paragraph.map((p) => `- ${p}`), paragraph.map((p) => `## ${p}`));
    const doc = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n'));
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const diff = diffRich(a, b);
        expect(sideOf(diff.doc, 'old')).toEqual(richToJson(a));
        expect(sideOf(diff.doc, 'new')).toEqual(richToJson(b));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sequences', () => {
  it('diffs keys and merges two orders of ids', () => {
    expect(diffSequences(['a', 'b', 'c'], ['a', 'c', 'd']).map((r) => [r.op, r.length])).toEqual([
      ['equal', 1],
      ['delete', 1],
      ['equal', 1],
      ['insert', 1],
    ]);
    const merged = mergeByKey(['a', 'b', 'c'], ['c', 'a', 'b'], (id) => id);
    expect(merged.map((e) => `${e.in}:${e.in === 'new' ? e.new : e.old}`)).toEqual(['new:c', 'both:a', 'both:b', 'old:c']);
  });
});
