// The laid-out page numbers written into the first export's zip (main/export/page-number-patch.ts) give the
// document that exporting again with those pages gives: every part's XML equal, up to the counters docx
// numbers bookmarks and drawings with (process-wide, so they differ between any two exports) and the
// creation time. For the examples, a redline (whose removed headings have no entry) and the large strategy.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportDocxDetailed, type ExportDocxOptions } from '../../shared/export/docx/export-docx';
import type { StrategyFile } from '../../shared/format/schema';
import { withLaidOutPages } from '../../main/export/page-number-patch';
import { loadHouseStyle } from '../../main/export/styles';
import { largeStrategy, readExample } from './export-helpers';

const NOW = new Date('2026-03-02T12:00:00Z');

const normalise = (xml: string) =>
  xml
    .replace(/_Toc\d+/g, '_Toc#')
    .replace(/(<wp:docPr\b[^>]*\bid=")\d+"/g, '$1#"')
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")\d+"/g, '$1#"')
    .replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*/g, '$1#');

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.file(name);
    if (file && /\.(xml|rels)$/.test(name)) out.set(name, normalise(await file.async('string')));
  }
  return out;
}

async function check(strategy: StrategyFile, extra: Partial<ExportDocxOptions> = {}): Promise<void> {
  const { style, logo } = await loadHouseStyle('kommune');
  const options = { part: 'strategy' as const, style, ...(logo ? { logo } : {}), now: NOW, ...extra };
  const first = await exportDocxDetailed(strategy, { ...options, estimate: 'quick' });
  // Pages unlike the estimate everywhere (and a page count with another number of digits).
  const layout = { headingPages: first.headings.map((h, i) => h.page + 1 + (i % 3)), pageCount: first.pageCount + 95 };
  const again = await exportDocxDetailed(strategy, { ...options, layout });
  const patched = await withLaidOutPages(first, layout);
  expect(patched.headings.map((h) => h.page)).toEqual(again.headings.map((h) => h.page));
  expect(patched.pageCount).toBe(again.pageCount);
  expect(patched.pageSource).toBe('measured');
  const want = await parts(again.bytes);
  const got = await parts(patched.bytes);
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [name, xml] of want) expect(got.get(name), name).toBe(xml);
  // …and it did change something: the first export's numbers are not the laid-out ones.
  expect((await parts(first.bytes)).get('word/document.xml')).not.toBe(want.get('word/document.xml'));
}

describe('page numbers written into the exported .docx', () => {
  it('equal a second export with the laid-out pages, for each example', { timeout: 120_000 }, async () => {
    for (const name of ['kk-2010-2014', 'odder-2006', 'brk-2010']) await check(await readExample(name));
  });

  it('equal it for a redline, whose removed headings have no entry', { timeout: 120_000 }, async () => {
    const old = await readExample('kk-2010-2014');
    const next = structuredClone(old);
    next.perspectives[0]!.focusAreas.splice(0, 1);
    next.perspectives[1]!.focusAreas[0]!.title += ' og data';
    await check(next, { compare: { old, author: 'Test', date: '2026-03-02T12:00:00Z' } });
  });

  it('equal it for the large strategy', { timeout: 300_000 }, async () => {
    await check(largeStrategy());
  });

  it('refuses pages that do not fit the headings', async () => {
    const { style } = await loadHouseStyle('neutral');
    const first = await exportDocxDetailed(await readExample('brk-2010'), { part: 'strategy', style, now: NOW, estimate: 'quick' });
    await expect(withLaidOutPages(first, { headingPages: [1, 2], pageCount: 3 })).rejects.toThrow(/laid-out pages for/);
  });
});
