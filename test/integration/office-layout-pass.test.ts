// The export's layout pass through the warm LibreOffice and through the one-shot soffice (the fallback without
// python3-uno): the same verified page numbers, the warm PDF's outline agreeing with them, the phases reported
// in order, and the CLI saying which one ran (--verbose), nothing more on stdout.
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocxWithLayout } from '../../main/export/layout-pass';
import { findSoffice } from '../../main/export/libreoffice';
import { findUnoPython } from '../../main/export/office/find-python';
import type { ExportPhase } from '../../main/export/office/office-port';
import { stopSharedOffices } from '../../main/export/office/shared-office';
import { readPdfOutline } from '../../main/export/pdf-outline';
import { loadHouseStyle } from '../../main/export/styles';
import { examplesDir, pejling, readExample, tempDir } from './export-helpers';
import path from 'node:path';
import { rm } from 'node:fs/promises';

const soffice = await findSoffice();
const python = soffice ? await findUnoPython(soffice) : undefined;
const NOW = new Date('2026-03-02T12:00:00Z');

describe.skipIf(!soffice || !python)('the layout pass with the warm LibreOffice', () => {
  afterAll(async () => {
    await stopSharedOffices();
  });

  it('verifies the same page numbers as the one-shot soffice, and its PDF has them', { timeout: 300_000 }, async () => {
    const { style, logo } = await loadHouseStyle('kommune');
    for (const name of ['odder-2006', 'kk-2010-2014']) {
      const strategy = await readExample(name);
      const base = { part: 'strategy' as const, style, ...(logo ? { logo } : {}), now: NOW, pageNumbers: 'libreoffice' as const };
      const phases: ExportPhase[] = [];
      const warm = await exportDocxWithLayout(strategy, { ...base, pdf: true, onPhase: (phase) => phases.push(phase) });
      const oneShot = await exportDocxWithLayout(strategy, { ...base, office: null });
      expect(warm.engine, name).toBe('warm');
      expect(oneShot.engine, name).toBe('one-shot');
      expect(warm.verified && oneShot.verified, name).toBe(true);
      expect(warm.pageSource).toBe('measured');
      expect(warm.headings.map((h) => h.page), name).toEqual(oneShot.headings.map((h) => h.page));
      expect(warm.pageCount).toBe(oneShot.pageCount);
      expect(phases).toEqual(['writing', 'laying-out', 'checking', 'writing-pdf']);
      const outline = readPdfOutline(Buffer.from(warm.pdf!));
      expect(outline.pageCount).toBe(warm.pageCount);
      const tocPages = warm.headings.map((h) => h.page);
      // Every heading is a bookmark on the page its entry names.
      let at = 0;
      for (const [i, heading] of warm.headings.entries()) {
        while (at < outline.entries.length && !outline.entries[at]!.title.endsWith(heading.title)) at++;
        expect(outline.entries[at]?.page, `${name}: ${heading.title}`).toBe(tocPages[i]);
        at++;
      }
    }
  });

  it('tells on stderr with --verbose which LibreOffice ran, and falls back to the one-shot soffice without python3-uno', { timeout: 300_000 }, async () => {
    const dir = await tempDir('office-cli');
    try {
      const input = path.join(examplesDir, 'brk-2010.json');
      const warm = await pejling(['export', input, '--docx', path.join(dir, 'warm.docx'), '--verbose', '--lang', 'en']);
      expect(warm.code, warm.stderr).toBe(0);
      expect(warm.stderr).toMatch(/LibreOffice: the warm process \(UNO\), [12] layouts?;/);
      expect(warm.stdout.trim().split('\n')).toHaveLength(1);
      const plain = await pejling(['export', input, '--docx', path.join(dir, 'plain.docx'), '--lang', 'en']);
      expect(plain.stderr).toBe('');
      const fallback = await pejling(['export', input, '--docx', path.join(dir, 'fallback.docx'), '--verbose', '--lang', 'en'], { env: { PEJLING_PYTHON: 'none' } });
      expect(fallback.code, fallback.stderr).toBe(0);
      expect(fallback.stderr).toMatch(/LibreOffice: a fresh soffice per layout, [12] layouts?;/);
      expect(fallback.stdout).toBe(warm.stdout.replace('warm.docx', 'fallback.docx'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
