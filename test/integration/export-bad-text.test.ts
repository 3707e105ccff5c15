// Issue 20 item 12: a live document (exported without validation, as the host does) that holds a character
// XML cannot carry still makes a .docx whose XML is well-formed: the Word export drops such characters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadHouseStyle } from '../../main/export/styles';
import { exportDocxDetailed } from '../../shared/export/docx/export-docx';
import { findIllegalCharacter } from '../../shared/format/input-limits';
import type { StrategyFile } from '../../shared/format/schema';
import { repoRoot } from './export-helpers';

describe('Word export and characters XML cannot carry', () => {
  it('drops U+FFFF, U+FFFE and C0 controls; every XML part stays well-formed', async () => {
    const strategy = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/strategies/minimal.json'), 'utf8')) as StrategyFile;
    strategy.meta.title = 'Strategi\uffff 2025\ufffe';
    strategy.vision.statement = 'Borgerne\u0001 møder én kommune\u001b.';
    const { style } = await loadHouseStyle('neutral');
    const { bytes } = await exportDocxDetailed(strategy, { part: 'strategy', style, estimate: 'quick' });
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((name) => name.endsWith('.xml'));
    expect(parts).toContain('word/document.xml');
    for (const name of parts) {
      const xml = await zip.file(name)!.async('string');
      expect(findIllegalCharacter(xml), name).toBeUndefined();
    }
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toContain('Strategi 2025');
    expect(document).toContain('Borgerne møder én kommune.');
    const { DOMParser } = await import('@xmldom/xmldom');
    const errors: string[] = [];
    new DOMParser({ errorHandler: { error: (message: string) => void errors.push(message), fatalError: (message: string) => void errors.push(message) } }).parseFromString(document, 'text/xml');
    expect(errors).toEqual([]);
  });
});
