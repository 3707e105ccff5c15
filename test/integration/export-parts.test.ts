// The other parts (one action plan, the status report), the house styles, the language switch,
// and what the CLI does with bad input: one line, a non-zero exit, and no file.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIATIVE_STATUSES, type StrategyFile } from '../../shared/format/schema';
import { buildStatusReport } from '../../shared/report/status-report';
import { initiativeStatusLabel } from '../../shared/export/typography';
import { StrategyIndex } from '../../shared/export/strategy-index';
import { docxPart, examplesDir, libreOfficePdf, mammothHeadings, pdfPages, pejling, readExample, run, squash, tempDir } from './export-helpers';

let work: string;
let kk: StrategyFile;
const KK = path.join(examplesDir, 'kk-2010-2014.json');

beforeAll(async () => {
  work = await tempDir('parts');
  kk = await readExample('kk-2010-2014');
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function pandocText(docx: string): Promise<string> {
  const result = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docx]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return squash(result.stdout);
}

describe('one action plan as a document of its own', () => {
  it('exports plan:<id> on landscape pages, grouped by perspective and focus area, with every initiative and owner', async () => {
    const plan = kk.actionPlans?.find((p) => p.id === 'ap-faelles-2011-2012');
    if (!plan) throw new Error('the example lost its common plan');
    const out = path.join(work, 'plan.docx');
    const result = await pejling(['export', KK, '--docx', out, '--part', `plan:${plan.id}`, '--style', 'neutral']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const document = await docxPart(out, 'word/document.xml');
    expect(document).toContain('w:orient="landscape"');
    expect(document).not.toContain('w:orient="portrait"');

    const text = await pandocText(out);
    // The export writes the title's year range with an en dash ("2011–2012").
    expect(text).toContain(squash(plan.title.replace(/(\d{4})-(\d{4})/, '$1–$2')));
    const index = new StrategyIndex(kk);
    for (const initiative of plan.initiatives) {
      expect(text).toContain(squash(initiative.title));
      if (initiative.ownerId) expect(text).toContain(squash(index.owners.get(initiative.ownerId)?.name ?? '?'));
    }
    // Perspectives are level 1, focus areas level 2, in the strategy's order.
    const headings = await mammothHeadings(out);
    const served = new Set(plan.initiatives.map((i) => index.homeOf(i)?.focusArea.id));
    const expected = kk.perspectives.flatMap((p) => {
      const areas = p.focusAreas.filter((fa) => served.has(fa.id));
      return areas.length === 0 ? [] : [[1, p.title], ...areas.map((fa) => [2, fa.title])];
    });
    expect(headings).toEqual(expected);
    // Only the strategy has a table of contents.
    expect(document).not.toContain('TOC \\');
  });
});

describe('the status report', () => {
  it('counts the statuses as of a date and lists each initiative with its latest note', async () => {
    const asOf = '2011-12-31';
    const out = path.join(work, 'status.docx');
    const result = await pejling(['export', KK, '--docx', out, '--part', 'status', '--as-of', asOf]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = buildStatusReport(kk, { asOf });
    expect(report.total).toBeGreaterThan(5);

    // LibreOffice's layout of the overview table: "Status  Antal" rows with the counts.
    const pdf = await libreOfficePdf(out);
    const pages = await pdfPages(pdf);
    const first = pages[0] ?? '';
    expect(squash(first)).toContain('Opgjort pr. 31. december 2011');
    for (const status of INITIATIVE_STATUSES) {
      expect(first).toMatch(new RegExp(`^\\s*${initiativeStatusLabel(status)}\\s+${report.counts[status]}\\s*$`, 'm'));
    }
    expect(first).toMatch(new RegExp(`^\\s*I alt\\s+${report.total}\\s*$`, 'm'));

    const text = await pandocText(out);
    for (const group of report.groups) {
      for (const area of group.focusAreas) {
        for (const entry of area.initiatives) {
          expect(text).toContain(squash(entry.initiative.title));
          if (entry.note) expect(text).toContain(squash(entry.note.replace(/"([^"]*)"/g, '„$1“')));
        }
      }
    }
    // Every page says "Side X af Y".
    pages.forEach((page, i) => expect(squash(page)).toContain(`Side ${i + 1} af ${pages.length}`));
  });
});

describe('house styles and language', () => {
  it('the kommune style has its logo on the cover and in the header; neutral has no header logo', async () => {
    const kommune = path.join(work, 'kommune.docx');
    const neutral = path.join(work, 'neutral.docx');
    const brk = path.join(examplesDir, 'brk-2010.json');
    for (const [style, out] of [['kommune', kommune], ['neutral', neutral]]) {
      const result = await pejling(['export', brk, '--docx', out as string, '--style', style as string, '--page-numbers', 'quick']);
      expect(result.code).toBe(0);
    }
    const headerLogos = async (file: string) => {
      const listing = await run('unzip', ['-Z1', file]);
      const headers = listing.stdout.split('\n').filter((name) => /^word\/header\d*\.xml$/.test(name));
      const parts = await Promise.all(headers.map((header) => docxPart(file, header)));
      return parts.filter((xml) => xml.includes('<w:drawing>')).length;
    };
    expect(await headerLogos(kommune)).toBeGreaterThan(0);
    expect(await headerLogos(neutral)).toBe(0);
    const kommuneStyles = await docxPart(kommune, 'word/styles.xml');
    const neutralStyles = await docxPart(neutral, 'word/styles.xml');
    expect(kommuneStyles).toContain('w:ascii="Arial"');
    expect(neutralStyles).toContain('w:ascii="Calibri"');
    expect(kommuneStyles).toContain('00506E');
  });

  it('an English strategy gets en-GB, English words and "Page X of Y"', async () => {
    const strategy = await readExample('brk-2010');
    strategy.meta.language = 'en';
    const file = path.join(work, 'brk-en.json');
    await writeFile(file, JSON.stringify(strategy));
    const out = path.join(work, 'brk-en.docx');
    const result = await pejling(['export', file, '--docx', out, '--page-numbers', 'quick', '--lang', 'en']);
    expect(result.stdout).toMatch(/^Wrote /);
    expect(result.code).toBe(0);
    expect(await docxPart(out, 'word/styles.xml')).toContain('<w:lang w:val="en-GB"/>');
    const text = await pandocText(out);
    expect(text).toContain('Contents');
    expect(text).toContain('2 June 2010');
    const listing = await run('unzip', ['-Z1', out]);
    const footers = await Promise.all(listing.stdout.split('\n').filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => docxPart(out, n)));
    expect(footers.join('')).toContain('Page ');
    expect(footers.join('')).toContain(' of ');
  });

  it('writes Danish dates, amounts, statuses and quotes', async () => {
    const strategy = await readExample('brk-2010');
    const focusArea = strategy.perspectives[0]?.focusAreas[0];
    const initiative = strategy.actionPlans?.[0]?.initiatives[0];
    if (!focusArea || !initiative) throw new Error('the BRK example lost its first focus area or initiative');
    focusArea.body = 'Borgerne skal opleve "én indgang" til kommunen.';
    initiative.budget = { amountDkk: 1500000, source: 'anlægsbudgettet' };
    initiative.status = 'delayed';
    const file = path.join(work, 'brk-typo.json');
    await writeFile(file, JSON.stringify(strategy));
    const out = path.join(work, 'brk-typo.docx');
    expect((await pejling(['export', file, '--docx', out, '--page-numbers', 'quick'])).code).toBe(0);
    const text = await pandocText(out);
    expect(text).toContain('„én indgang“');
    expect(text).toMatch(/1\.500\.000\s+kr\. \(anlægsbudgettet\)/); // a no-break space before kr.
    expect(text).toContain('2. juni 2010');
    expect(text).toContain('Forsinket');
    expect(text).toContain('Bornholms Regionskommune');
  });
});

describe('without LibreOffice', () => {
  it("fills the contents with docx's layout estimate, and LibreOffice agrees with its numbers", async () => {
    const out = path.join(work, 'no-lo.docx');
    const result = await pejling(['export', path.join(examplesDir, 'odder-2006.json'), '--docx', out], { env: { PEJLING_SOFFICE: 'none' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('anslået (docx-layout)');
    expect(result.stderr).toContain('uden LibreOffice');
    const pages = await pdfPages(await libreOfficePdf(out));
    const toc = pages[1] ?? '';
    const entries = [...toc.matchAll(/^\s*(\d+(?:\.\d+)*)\s+(.+?)\.{2,}(\d+)\s*$/gm)].map((m) => ({ heading: squash(`${m[1]} ${m[2]}`), page: Number(m[3]) }));
    expect(entries.length).toBeGreaterThan(10);
    for (const { heading, page } of entries) {
      const at = pages.findIndex((text, i) => i > 1 && squash(text).includes(heading));
      expect(at + 1, heading).toBe(page);
    }
  });
});

describe('bad input', () => {
  async function expectNothingWritten(args: string[], message: RegExp, code = 1) {
    const dir = await tempDir('bad');
    try {
      const out = path.join(dir, 'out.docx');
      const result = await pejling(['export', ...args.map((a) => (a === 'OUT' ? out : a))]);
      expect(result.code).toBe(code);
      expect(result.stdout).toBe('');
      // One line, and no stack trace.
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('refuses an invalid strategy file', async () => {
    const file = path.join(work, 'invalid.json');
    const strategy = await readExample('brk-2010');
    (strategy.actionPlans?.[0]?.initiatives[0] as { status: string }).status = 'halfway';
    delete (strategy.meta as { title?: string }).title;
    await writeFile(file, JSON.stringify(strategy));
    await expectNothingWritten([file, '--docx', 'OUT'], /invalid\.json er ikke en gyldig strategifil: \/.+ \(og 1 problem mere/);
  });

  it('refuses a file that is not JSON', async () => {
    const file = path.join(work, 'broken.json');
    await writeFile(file, '{ "format": "pejling-strategy", ');
    await expectNothingWritten([file, '--docx', 'OUT'], /broken\.json er ikke en gyldig strategifil/);
  });

  it('refuses an unknown style and names the known ones', async () => {
    await expectNothingWritten([KK, '--docx', 'OUT', '--style', 'festlig'], /ukendt husstil 'festlig'; kendte husstile: kommune, neutral/);
  });

  it('refuses an unknown plan id and lists the plans', async () => {
    await expectNothingWritten([KK, '--docx', 'OUT', '--part', 'plan:ap-9999'], /ukendt handlingsplan 'ap-9999'; strategiens handlingsplaner: ap-overgang-2009-2010, /);
  });

  it('refuses an unknown part, a missing --docx and a bad date', async () => {
    await expectNothingWritten([KK, '--docx', 'OUT', '--part', 'appendix'], /ukendt del 'appendix': brug strategy, status eller plan:<id>/, 2);
    await expectNothingWritten([KK], /kræver --docx/, 2);
    await expectNothingWritten([KK, '--docx', 'OUT', '--part', 'status', '--as-of', '31-12-2011'], /--as-of skal være en dato/, 2);
  });

  it('leaves an existing file untouched when the export fails, and replaces it when it succeeds', async () => {
    const out = path.join(work, 'existing.docx');
    await writeFile(out, 'the previous version');
    const failed = await pejling(['export', KK, '--docx', out, '--style', 'festlig']);
    expect(failed.code).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('the previous version');
    const ok = await pejling(['export', KK, '--docx', out, '--part', 'status']);
    expect(ok.code).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
    expect((await readdir(work)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
