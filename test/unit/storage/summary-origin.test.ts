// Issue 19: the document list tells copies and imports apart, so summary.json keeps where a document came from
// and the strategy's years and status; a malformed value is refused on write and left out on read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applySummaryPatch, encodeSummary, readSummary } from '../../../main/storage/summary-file';
import type { StoredSummary, SummaryPatch } from '../../../main/storage/types';

const dir = mkdtempSync(join(tmpdir(), 'pejling-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base: StoredSummary = { id: 'd1', title: 'IT-strategi', organisation: 'Københavns Kommune', created: '2026-12-01T10:00:00.000Z', modified: '2026-12-01T10:00:00.000Z' };

describe('summary.json: origin, period and status', () => {
  it('round-trips through the file', async () => {
    const summary = applySummaryPatch(base, { origin: { kind: 'json', source: 'strategi.json' }, period: { from: 2010, to: 2014 }, status: 'adopted' }, base.modified);
    const path = join(dir, 'a.json');
    writeFileSync(path, encodeSummary(summary));
    expect(await readSummary('d1', path, base.created)).toEqual({ ...base, origin: { kind: 'json', source: 'strategi.json' }, period: { from: 2010, to: 2014 }, status: 'adopted' });
  });
  it('removes the status with null', () => {
    expect(applySummaryPatch({ ...base, status: 'draft' }, { status: null }, base.modified).status).toBeUndefined();
  });
  it('refuses a malformed origin or period, saying which', () => {
    expect(() => applySummaryPatch(base, { origin: { kind: 'copy', source: 'x' } } as unknown as SummaryPatch, base.modified)).toThrow(/origin must be/);
    expect(() => applySummaryPatch(base, { period: { from: '2010', to: 2014 } } as unknown as SummaryPatch, base.modified)).toThrow(/period must be/);
  });
  it('leaves out what a hand-edited file got wrong, and keeps the rest', async () => {
    const path = join(dir, 'b.json');
    writeFileSync(path, JSON.stringify({ summaryVersion: 1, title: 'T', organisation: 'O', created: base.created, modified: base.modified, origin: { kind: 7 }, period: 'always' }));
    expect(await readSummary('d1', path, base.created)).toEqual({ ...base, title: 'T', organisation: 'O' });
  });
});
