// The warm LibreOffice (main/export/office/): one soffice driven through the UNO bridge converts document
// after document, reads the table of contents' pages from its layout and checks new numbers in place; it
// survives a killed soffice, a conversion that hangs ends cleanly, and no process stays behind. Its pages are
// compared with an independent layout: the one-shot `soffice --convert-to pdf` of the final .docx, whose PDF
// outline gives the headings' pages.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocxDetailed, type DocxExport } from '../../shared/export/docx/export-docx';
import type { StrategyFile } from '../../shared/format/schema';
import { headingPagesFromOutline } from '../../main/export/layout-pass';
import { convertDocxToPdf, findSoffice } from '../../main/export/libreoffice';
import { findUnoPython } from '../../main/export/office/find-python';
import { WarmOffice, type OfficePhase } from '../../main/export/office/warm-office';
import { readPdfOutline } from '../../main/export/pdf-outline';
import { loadHouseStyle } from '../../main/export/styles';
import { readExample, repoRoot } from './export-helpers';

const soffice = await findSoffice();
const python = soffice ? await findUnoPython(soffice) : undefined;
const NOW = new Date('2026-03-02T12:00:00Z');

/** Whether the process runs (a zombie, ended but not yet reaped by its parent, does not). */
function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return !existsSync('/proc/self');
  }
}

/** Waits (bounded) until none of the processes runs. */
async function gone(pids: (number | undefined)[], withinMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (pids.some(alive)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

async function exportOf(strategy: StrategyFile, wrongBy = 0): Promise<DocxExport> {
  const { style, logo } = await loadHouseStyle('kommune');
  const quick = await exportDocxDetailed(strategy, { part: 'strategy', style, ...(logo ? { logo } : {}), now: NOW, estimate: 'quick' });
  if (wrongBy === 0) return quick;
  // The same document with page numbers that are all wrong: the bridge must find and correct every one.
  const layout = { headingPages: quick.headings.map((h) => h.page + wrongBy), pageCount: quick.pageCount };
  return exportDocxDetailed(strategy, { part: 'strategy', style, ...(logo ? { logo } : {}), now: NOW, layout });
}

/** The headings' pages in a fresh one-shot layout of the .docx (its PDF outline). */
async function freshPages(result: DocxExport): Promise<number[]> {
  const pdf = await convertDocxToPdf(result.bytes, soffice!);
  return headingPagesFromOutline(readPdfOutline(pdf), result.headings).headingPages;
}

describe.skipIf(!soffice || !python)('the warm LibreOffice', () => {
  let office: WarmOffice;
  beforeAll(() => {
    office = new WarmOffice({ soffice: soffice!, python: python! });
  });
  afterAll(async () => {
    await office?.stop();
  });

  it('lays out two documents in a row in one soffice, and its pages are those of a fresh layout', { timeout: 300_000 }, async () => {
    const kk = await readExample('kk-2010-2014');
    const wrong = await exportOf(kk, 1);
    const phases: OfficePhase[] = [];
    const first = await office.layout({ docx: wrong.bytes, toc: true, pdf: true }, { onPhase: (phase) => phases.push(phase) });
    const { soffice: firstSoffice } = office.processIds();
    expect(firstSoffice).toBeDefined();
    expect(first.writtenPages).toEqual(wrong.headings.map((h) => h.page));
    expect(first.agreedFirst).toBe(false);
    // python3-uno brings the loader that runs the check inside soffice.
    expect(first.checkedInSoffice).toBe(true);
    expect(first.verified).toBe(true);
    expect(first.passes).toBeGreaterThanOrEqual(2);
    expect(phases).toEqual(['laying-out', 'checking', 'writing-pdf']);
    expect(Buffer.from(first.pdf!.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    // The final .docx carries the pages the bridge found; laid out afresh, every heading is where it says.
    const { style, logo } = await loadHouseStyle('kommune');
    const final = await exportDocxDetailed(kk, { part: 'strategy', style, ...(logo ? { logo } : {}), now: NOW, layout: { headingPages: first.headingPages!, pageCount: first.pageCount } });
    expect(await freshPages(final)).toEqual(first.headingPages);
    // …and the PDF the bridge wrote from the checked layout has the same outline.
    expect(headingPagesFromOutline(readPdfOutline(Buffer.from(first.pdf!)), final.headings).headingPages).toEqual(first.headingPages);

    const odder = await exportOf(await readExample('odder-2006'));
    const second = await office.layout({ docx: odder.bytes, toc: true });
    expect(second.headingPages).toHaveLength(odder.headings.length);
    expect(second.pdf).toBeUndefined();
    expect(office.processIds().soffice).toBe(firstSoffice);
    expect(office.bridgeStarts).toBe(1);
    if (second.agreedFirst) expect(second.headingPages).toEqual(odder.headings.map((h) => h.page));
  });

  it('starts soffice again when it was killed, between conversions and during one', { timeout: 300_000 }, async () => {
    const brk = await exportOf(await readExample('brk-2010'));
    const before = await office.layout({ docx: brk.bytes, toc: true });
    const killed = office.processIds().soffice!;
    process.kill(-killed, 'SIGKILL');
    expect(await gone([killed])).toBe(true);
    const after = await office.layout({ docx: brk.bytes, toc: true });
    expect(after.headingPages).toEqual(before.headingPages);
    const restarted = office.processIds().soffice;
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(killed);

    // Killed during a conversion (while it checks the contents' pages, which lasts long enough for the kill to
    // land in it; killed from the 'pages' event instead, a small PDF was sometimes written before the kill came):
    // the bridge starts it again and lays the document out once more.
    const phases: OfficePhase[] = [];
    const during = await office.layout(
      { docx: brk.bytes, toc: true, pdf: true },
      {
        onPhase: (phase) => {
          phases.push(phase);
          if (phase === 'checking' && !phases.includes('restarting')) process.kill(-restarted!, 'SIGKILL');
        },
      },
    );
    expect(phases).toContain('restarting');
    expect(during.headingPages).toEqual(before.headingPages);
    expect(Buffer.from(during.pdf!.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(alive(restarted)).toBe(false);
  });

  it('ends a conversion that takes too long, with both processes, and converts the next one', { timeout: 300_000 }, async () => {
    const kk = await exportOf(await readExample('kk-2010-2014'));
    await office.start();
    const { bridge, soffice: running } = office.processIds();
    await expect(office.layout({ docx: kk.bytes, toc: true, pdf: true, timeoutMs: 50 })).rejects.toThrow(/did not finish within/);
    expect(await gone([bridge, running])).toBe(true);
    const next = await office.layout({ docx: kk.bytes, toc: true });
    expect(next.headingPages).toHaveLength(kk.headings.length);
    expect(office.processIds().bridge).not.toBe(bridge);
  });

  it('says what is wrong with a document it cannot lay out, and keeps working', { timeout: 120_000 }, async () => {
    await expect(office.layout({ docx: new TextEncoder().encode('not a word document'), toc: true })).rejects.toThrow(/LibreOffice could not/);
    const brk = await exportOf(await readExample('brk-2010'));
    expect((await office.layout({ docx: brk.bytes, toc: true })).headingPages).toHaveLength(brk.headings.length);
  });

  it('leaves no process behind: on stop, when the process using it exits, and when that process is killed', { timeout: 300_000 }, async () => {
    await office.start();
    const ids = office.processIds();
    await office.stop();
    expect(await gone([ids.bridge, ids.soffice], 0)).toBe(true);

    for (const ending of ['exit', 'kill'] as const) {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'office-child-process.ts'), ending], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      const line = out.trim().split('\n').find((l) => l.startsWith('{'));
      expect(line, `the child's output: ${out}`).toBeDefined();
      const pids = JSON.parse(line!) as { bridge: number; soffice: number; pages: number };
      expect(pids.pages).toBeGreaterThan(0);
      if (ending === 'exit') expect(code).toBe(0);
      // Exit: the exit hook ends both at once; killed: the bridge notices its parent is gone.
      expect(await gone([pids.bridge, pids.soffice]), `${ending}: bridge and soffice ended`).toBe(true);
    }
  });
});
