// Layout of the exported documents as LibreOffice lays them out (issue 16): the examples through the real
// CLI to PDF, read back with poppler (`pdftotext -bbox-layout`: every word with its box). Each test here
// failed on the export before its fix; the .docx XML checks are in export-layout.test.ts.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesDir, pejling, tempDir } from './export-helpers';
import { pdfLines, type PdfWord } from './export-layout-helpers';

let work: string;
const pdfs = new Map<string, PdfWord[][][]>();

async function exportPdf(name: string, file: string, args: string[] = []): Promise<void> {
  const out = path.join(work, `${name}.pdf`);
  const result = await pejling(['export', file, '--pdf', out, ...args]);
  if (result.code !== 0) throw new Error(`export of ${name} failed: ${result.stderr}`);
  pdfs.set(name, await pdfLines(out));
}

const pagesOf = (name: string): PdfWord[][][] => {
  const pages = pdfs.get(name);
  if (!pages) throw new Error(`${name} was not exported`);
  return pages;
};

beforeAll(async () => {
  work = await tempDir('layout-pdf');
  const example = (name: string) => path.join(examplesDir, `${name}.json`);
  for (const name of ['kk-2010-2014', 'odder-2006']) await exportPdf(name, example(name));
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('heading numbers', () => {
  it.each(['kk-2010-2014', 'odder-2006'])('%s: the gap after the number is the same for every heading (1 and 10, 3 and 3.1)', (name) => {
    const pages = pagesOf(name);
    // Body pages only (page 2 is the contents, whose tab stops line the titles up on purpose).
    const gaps: { heading: string; em: number }[] = [];
    for (const page of pages.slice(2)) {
      for (const line of page) {
        const [number, first] = line;
        if (!number || !first || !/^\d+(\.\d+){0,2}$/.test(number.text)) continue;
        const size = number.yMax - number.yMin;
        // Headings are set larger than the body (a numbered list item "1." does not match the pattern).
        if (size < 14) continue;
        gaps.push({ heading: `${number.text} ${first.text}`, em: (first.xMin - number.xMax) / size });
      }
    }
    expect(gaps.length).toBeGreaterThan(10);
    const ems = gaps.map((gap) => gap.em);
    const spread = Math.max(...ems) - Math.min(...ems);
    expect(spread, JSON.stringify(gaps)).toBeLessThan(0.06);
  });
});
