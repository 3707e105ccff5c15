// The document a comparison shows (renderer/src/versions/merged-strategy.ts): the newer strategy with the
// removed items back in their old places, and marks whose ranges cover exactly the inserted and deleted text.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../../shared/format/schema';
import { StrategyModel, exportStrategy, importStrategy } from '../../../shared/model';
import { richToProseMirror } from '../../../shared/richtext/rich';
import { applyMergedComparison, mergeComparison } from '../../../renderer/src/versions/merged-strategy';

async function example(): Promise<StrategyFile> {
  return JSON.parse(await readFile(new URL('../../../templates/examples/kk-2010-2014.json', import.meta.url), 'utf8')) as StrategyFile;
}

describe('the merged document of a comparison', () => {
  it('puts removed items back where they were, marks every kind of change, and its text ranges hold the changed words', async () => {
    const oldFile = await example();
    const doc = importStrategy(oldFile);
    const m = new StrategyModel(doc);
    const body = String(oldFile.perspectives[0]!.focusAreas[0]!.body);
    m.setRich('fa-digitale-losninger', 'body', body.replace('så lette og sikre', 'så enkle og sikre').replace('førstevalg.', 'førstevalg for alle.'));
    m.add('focusArea', { id: 'fa-ny', perspectiveId: 'p-borgere', title: 'Kunstig intelligens', body: 'Vi afprøver AI.' }, { index: 1 });
    m.delete('i-ov-konsolidering');
    m.update('initiative', 'i-selvbetjening', { status: 'delayed' });
    // a perspective removed, its focus area kept under another one
    m.move('fa-infrastruktur', { parentId: 'p-styring' });
    m.delete('p-drift');
    m.update('focusArea', 'fa-adgang-til-sager', { title: 'Adgang til egne sager' });
    const newFile = exportStrategy(doc);

    const { file, marks, comparison } = mergeComparison(oldFile, newFile);
    expect(comparison.summary.identical).toBe(false);
    // it imports (valid rich text, no duplicate ids)
    const merged = new StrategyModel(importStrategy(file));

    // removed items are back in their old places, only once; the moved focus area stays where it went
    const overgang = merged.list('initiative', 'ap-overgang-2009-2010').map((i) => i.id);
    const oldOvergang = oldFile.actionPlans![0]!.initiatives.map((i) => i.id);
    expect(overgang).toEqual(oldOvergang);
    expect(merged.list('perspective').map((p) => p.id)).toEqual(oldFile.perspectives.map((p) => p.id));
    expect(merged.list('focusArea', 'p-drift')).toEqual([]);
    expect(merged.list('focusArea', 'p-styring').map((f) => f.id)).toContain('fa-infrastruktur');
    expect(merged.list('focusArea', 'p-borgere').map((f) => f.id)[1]).toBe('fa-ny');

    // the newer document turned into the comparison's through the model API reads as the merged file
    const turned = importStrategy(newFile);
    applyMergedComparison(new StrategyModel(turned), { file, marks, comparison });
    expect(exportStrategy(turned)).toEqual(exportStrategy(merged.doc));

    // item marks
    expect(marks.items.get('i-ov-konsolidering')).toMatchObject({ change: 'removed' });
    expect(marks.items.get('p-drift')).toMatchObject({ change: 'removed' });
    expect(marks.items.get('fa-ny')).toMatchObject({ change: 'added' });
    expect(marks.items.get('fa-infrastruktur')).toMatchObject({ change: 'changed', moved: true });
    expect(marks.items.get('fa-adgang-til-sager')).toMatchObject({ change: 'changed', renamed: true });
    expect([...marks.items.get('i-selvbetjening')!.fields]).toEqual(['status']);
    expect(marks.items.get('fa-digitale-losninger')).toMatchObject({ change: 'changed', text: true });
    expect(marks.items.has('fa-elektronisk-dialog')).toBe(false);

    // text ranges: in the merged document they cover exactly the changed words
    const textOf = (id: string, field: string) => {
      const pm = richToProseMirror(merged.getRich(id, field as 'body')!);
      return (marks.texts.get(`${id}:${field}`) ?? []).map((r) => `${r.change}:${pm.textBetween(r.from, r.to, '\n')}`);
    };
    expect(textOf('fa-digitale-losninger', 'body')).toEqual(['deleted:lette', 'inserted:enkle', 'inserted: for alle']);
    // an added item's text is all inserted, a removed one's all deleted
    expect(textOf('fa-ny', 'body')).toEqual(['inserted:Vi afprøver AI.']);
    const removedBody = textOf('i-ov-konsolidering', 'description');
    expect(removedBody.length).toBeGreaterThan(0);
    expect(removedBody.every((r) => r.startsWith('deleted:'))).toBe(true);
  });

  it('two equal strategies give no marks and the same document', async () => {
    const file = await example();
    const { file: merged, marks, comparison } = mergeComparison(file, structuredClone(file));
    expect(comparison.summary.identical).toBe(true);
    expect(marks.items.size).toBe(0);
    expect(marks.texts.size).toBe(0);
    expect(exportStrategy(importStrategy(merged))).toEqual(exportStrategy(importStrategy(file)));
  });
});
