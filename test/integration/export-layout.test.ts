// Layout and typography of the Word export (issue 16), read in the .docx XML: each test here failed on
// the export before its fix. The PDF's geometry (LibreOffice's layout) is in export-layout-pdf.test.ts.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../shared/format/schema';
import { docxPart, examplesDir, pejling, readExample, tempDir } from './export-helpers';
import { loadHouseStyle } from '../../main/export/styles';
import { textWidthPt } from '../../shared/export/text-width';
import { exportParts, paragraphsOf, tablesOf, textOf } from './export-layout-helpers';

const NBSP = '\u00a0';

describe('periods, ranges and amounts', () => {
  it('writes every range with an en dash (headings and the running header too) and keeps months, dates and amounts together', async () => {
    const kk = await readExample('kk-2010-2014');
    const strategy: StrategyFile = structuredClone(kk);
    strategy.vision.body = 'Projektet løber fra mar. 2011 til dec. 2012, koster 1.200.000 kr. i 2011-2012 og 3 mio. kr. i alt - og det er vedtaget 2. juni 2010.';
    const parts = await exportParts(strategy);
    const paragraphs = paragraphsOf(parts.document);

    // Plan titles ("Overgangshandlingsplan 2009-2010") are headings: the heading and the header use en dashes.
    const headings = paragraphs.filter((p) => /^Heading[123]$/.test(p.style ?? '')).map((p) => p.text);
    expect(headings).toContain('Overgangshandlingsplan 2009–2010');
    expect(headings.filter((h) => /\d{4}-\d{4}/.test(h))).toEqual([]);
    expect(parts.headers.map(textOf).join(' ')).toContain('IT-strategi i Københavns Kommune 2010–2014');
    expect(parts.headers.map(textOf).join(' ')).not.toMatch(/\d{4}-\d{4}/);

    const body = paragraphs.find((p) => p.text.startsWith('Projektet løber'))?.text ?? '';
    expect(body).toContain(`mar.${NBSP}2011`);
    expect(body).toContain(`dec.${NBSP}2012`);
    expect(body).toContain(`1.200.000${NBSP}kr.`);
    expect(body).toContain(`3${NBSP}mio.${NBSP}kr.`);
    expect(body).toContain('2011–2012');
    expect(body).toContain('i alt – og');
    // A date in full is written as the app writes it (shared/i18n/format.ts).
    expect(body).toContain('2. juni 2010');
    // Plan table periods come from the formatting module: one month never parts from its year.
    const periods = paragraphs.map((p) => p.text).filter((text) => /^(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\./.test(text));
    expect(periods.length).toBeGreaterThan(5);
    for (const period of periods) expect(period).toMatch(/^\p{L}+\.\u00a0\d{4}(–\p{L}+\.\u00a0\d{4})?$/u);
  });

  it('leaves dates, codes and hyphenated words alone', async () => {
    const strategy: StrategyFile = structuredClone(await readExample('brk-2010'));
    strategy.vision.body = 'Frist 2010-06-02, sag 12-3, it-handlingsplan, ISO 27001-2013 og BRK-2010.';
    const body = paragraphsOf((await exportParts(strategy, { style: 'neutral' })).document).find((p) => p.text.startsWith('Frist'))?.text;
    expect(body).toBe('Frist 2010-06-02, sag 12-3, it-handlingsplan, ISO 27001-2013 og BRK-2010.');
  });
});

describe('asking Word to update fields', () => {
  let work: string;
  beforeAll(async () => {
    work = await tempDir('layout-fields');
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('does not ask when LibreOffice verified the page numbers, and asks when they are estimates', async () => {
    const file = path.join(examplesDir, 'brk-2010.json');
    const verified = path.join(work, 'verified.docx');
    const result = await pejling(['export', file, '--docx', verified]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('kontrolleret');
    expect(await docxPart(verified, 'word/settings.xml')).not.toContain('w:updateFields');

    const estimated = path.join(work, 'estimated.docx');
    const withoutOffice = await pejling(['export', file, '--docx', estimated], { env: { PEJLING_SOFFICE: 'none' } });
    expect(withoutOffice.code, withoutOffice.stderr).toBe(0);
    expect(await docxPart(estimated, 'word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);

    // A part without a table of contents has no page numbers to estimate: PAGE/NUMPAGES are Word's own.
    const status = path.join(work, 'status.docx');
    expect((await pejling(['export', file, '--docx', status, '--part', 'status'])).code).toBe(0);
    expect(await docxPart(status, 'word/settings.xml')).not.toContain('w:updateFields');
  });
});

describe('emphasis inside emphasised boxes', () => {
  it('sets emphasis upright inside the italic vision statement and quotes, and italic elsewhere', async () => {
    const strategy: StrategyFile = structuredClone(await readExample('kk-2010-2014'));
    strategy.vision.statement = 'Kommunen er *digital først* for alle.\n\n> Et citat med *vægt* i.';
    strategy.vision.body = 'Almindelig tekst med *fremhævet* ord.';
    const paragraphs = paragraphsOf((await exportParts(strategy)).document);
    const runOf = (text: string) => {
      const paragraph = paragraphs.find((p) => p.text.includes(text));
      const run = [...(paragraph?.xml ?? '').matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0]).find((xml) => textOf(xml) === text);
      return { style: paragraph?.style, run: run ?? '' };
    };
    const statement = runOf('digital først');
    expect(statement.style).toBe('VisionStatement');
    expect(statement.run).toMatch(/<w:i w:val="(?:false|0|off)"\/>/);
    const quote = runOf('vægt');
    expect(quote.style).toBe('Quote');
    expect(quote.run).toMatch(/<w:i w:val="(?:false|0|off)"\/>/);
    const body = runOf('fremhævet');
    expect(body.style).toBe('Normal');
    expect(body.run).toMatch(/<w:i(?: w:val="(?:true|1|on)")?\/>/);
  });
});

describe('principles', () => {
  it('keeps each principle’s description inside its numbered list item: one list of five items, not five lists', async () => {
    const kk = await readExample('kk-2010-2014');
    const paragraphs = paragraphsOf((await exportParts(kk)).document);
    const start = paragraphs.findIndex((p) => p.style === 'Heading2' && p.text === 'Principper');
    const end = paragraphs.findIndex((p, i) => i > start && /^Heading[123]$/.test(p.style ?? ''));
    const items = paragraphs.slice(start + 1, end);
    const principles = kk.vision.principles ?? [];
    expect(principles.length).toBe(5);
    expect(items.length).toBe(principles.length);
    expect(new Set(items.map((p) => p.numId)).size).toBe(1);
    expect(items[0]?.numId).toBeDefined();
    principles.forEach((principle, i) => {
      const body = typeof principle.body === 'string' ? principle.body : '';
      expect(items[i]?.text.startsWith(principle.title)).toBe(true);
      expect(items[i]?.text).toContain(body.trim().split(/\s+/).slice(0, 4).join(' '));
      // The title and the description are on lines of their own.
      expect(items[i]?.xml).toContain('<w:br/>');
    });
  });
});

const gridOf = (table: string) => [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
const rowsOf = (table: string) => [...table.matchAll(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/gs)].map((m) => m[0]);
const cellsOf = (row: string) => [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((m) => textOf(m[0]));

describe('tables', () => {
  it('give every table a caption and a description for screen readers (w:tblCaption, w:tblDescription)', async () => {
    const kk = await readExample('kk-2010-2014');
    for (const part of ['strategy', 'status', `plan:${kk.actionPlans?.[1]?.id ?? ''}`] as const) {
      const tables = tablesOf((await exportParts(kk, { part })).document);
      expect(tables.length, part).toBeGreaterThan(0);
      for (const table of tables) expect(table, part).toMatch(/<w:tblCaption w:val="[^"]+"\/>/);
    }
    const plans = tablesOf((await exportParts(kk)).document).filter((table) => table.includes('w:tblDescription'));
    expect(plans.map((table) => /<w:tblCaption w:val="([^"]+)"/.exec(table)?.[1])).toEqual(
      (kk.actionPlans ?? []).map((plan) => `Initiativerne i ${plan.title.replace(/(\d{4})-(\d{4})/, '$1–$2')}`),
    );
  });

  it('order a plan’s initiatives by the strategy’s order, then by priority, and show the priority', async () => {
    const kk = await readExample('kk-2010-2014');
    const table = tablesOf((await exportParts(kk)).document)[0] ?? '';
    const rows = rowsOf(table).map(cellsOf);
    const header = rows[0] ?? [];
    const data = rows.filter((cells) => cells.length === header.length).slice(1);
    // Overgangshandlingsplan: "Styring af it-udviklingen" (priorities 1, 2, 3), then "Drift og udvikling" (1),
    // each priority under the initiative's title.
    expect(data.map((cells) => [cells[0]?.slice(0, 25), /Prioritet: (\d+)/.exec(cells[0] ?? '')?.[1]])).toEqual([
      ['Første udgave af styrings', '1'],
      ['Fælles skabelon for busin', '2'],
      ['Overblik over systemer og', '3'],
      ['Konsolidering af servere ', '1'],
    ]);
  });

  it('write no group row that only repeats a chapter’s title (a strategy without visible perspectives)', async () => {
    const brk = await readExample('brk-2010');
    const table = tablesOf((await exportParts(brk, { style: 'neutral' })).document)[0] ?? '';
    const rows = rowsOf(table);
    expect(rows.length).toBe(1 + (brk.actionPlans?.[0]?.initiatives.length ?? 0));
    expect(rows.some((row) => row.includes('w:gridSpan'))).toBe(false);
    // With perspectives, the group rows stay.
    const kkTable = tablesOf((await exportParts(await readExample('kk-2010-2014'))).document)[0] ?? '';
    expect(rowsOf(kkTable).filter((row) => row.includes('w:gridSpan')).map(textOf)).toEqual(['Styring af it-udviklingen', 'Drift og udvikling af it-platformen']);
  });

  it('size the status report’s columns to their content: "Gennemført" and "Økonomiforvaltningen" fit, and the columns line up', async () => {
    const kk = await readExample('kk-2010-2014');
    const { style } = await loadHouseStyle('kommune');
    const tables = tablesOf((await exportParts(kk, { part: 'status' })).document).slice(1);
    expect(tables.length).toBeGreaterThan(5);
    const grids = tables.map(gridOf);
    // Every focus area's table has the same columns.
    for (const grid of grids) expect(grid).toEqual(grids[0]);
    const [initiative, owner, status] = grids[0] ?? [];
    // What a cell needs: its text in the table font plus the cell's margins (90 twips each side).
    const needs = (text: string) => textWidthPt(text, style.fonts.body, style.sizes.small) * 20 + 180;
    expect(owner).toBeGreaterThanOrEqual(needs('Økonomiforvaltningen'));
    expect(status).toBeGreaterThanOrEqual(needs('Gennemført'));
    // …and no more than a little over it: the status column is not near-empty.
    expect(status).toBeLessThan(needs('Gennemført') * 1.3);
    expect(initiative).toBeGreaterThan(owner ?? 0);
  });
});

describe('headings', () => {
  it('tells Odder’s three "Arkitekturprincipper" apart in the contents and the headings, by their chapter', async () => {
    const odder = await readExample('odder-2006');
    const paragraphs = paragraphsOf((await exportParts(odder, { style: 'neutral' })).document);
    const toc = paragraphs.filter((p) => /^TOC[123]$/.test(p.style ?? '')).map((p) => p.text.replace(/^[\d.]+\s*/, '').replace(/\d+$/, ''));
    expect(toc.length).toBeGreaterThan(15);
    expect(toc.filter((title, i) => toc.indexOf(title) !== i)).toEqual([]);
    const principles = paragraphs.filter((p) => p.style === 'Heading2' && p.text.startsWith('Arkitekturprincipper')).map((p) => p.text);
    expect(principles).toEqual(odder.perspectives.filter((p) => (p.principles ?? []).length > 0).map((p) => `Arkitekturprincipper – ${p.title}`));
  });

  it('makes "Målsætninger" a real heading below its focus area, kept out of the contents', async () => {
    const kk = await readExample('kk-2010-2014');
    const parts = await exportParts(kk);
    const paragraphs = paragraphsOf(parts.document);
    const goals = paragraphs.filter((p) => p.text === 'Målsætninger');
    expect(goals.length).toBe(kk.perspectives.flatMap((p) => p.focusAreas).filter((fa) => (fa.goals ?? []).length > 0).length);
    for (const paragraph of goals) expect(paragraph.style).toBe('GoalsHeading');
    // Its style carries outline level 3 (w:outlineLvl 2): one below the focus areas (Heading 2, level 1).
    const style = /<w:style [^>]*w:styleId="GoalsHeading".*?<\/w:style>/s.exec(parts.styles)?.[0] ?? '';
    expect(style).toContain('<w:outlineLvl w:val="2"/>');
    expect(paragraphs.filter((p) => /^TOC\d$/.test(p.style ?? '') && p.text.includes('Målsætninger'))).toEqual([]);
  });
});

describe('the contact details', () => {
  it('are given once: not again in "Om strategien" when a section of the strategy gives them', async () => {
    const kk = await readExample('kk-2010-2014');
    const contact = kk.meta.contact ?? '';
    const text = paragraphsOf((await exportParts(kk)).document).map((p) => p.text);
    // (Who prepared it, the same unit here, is another fact and stays: "Udarbejdet af: …".)
    expect(text.filter((line) => line.includes(contact) && !line.startsWith('Udarbejdet af:'))).toEqual([expect.stringContaining('Spørgsmål om det it-strategiske arbejde')]);
    expect(text.some((line) => line.startsWith('Kontakt:'))).toBe(false);
    // Without such a section the contact stays in "Om strategien".
    const without: StrategyFile = { ...structuredClone(kk), sections: (kk.sections ?? []).filter((s) => s.id !== 's-kontakt') };
    const text2 = paragraphsOf((await exportParts(without)).document).map((p) => p.text);
    expect(text2).toContain(`Kontakt: ${contact}`);
  });
});
