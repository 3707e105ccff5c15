// Layout and typography of the Word export (issue 16), read in the .docx XML: each test here failed on
// the export before its fix. The PDF's geometry (LibreOffice's layout) is in export-layout-pdf.test.ts.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyFile } from '../../shared/format/schema';
import { docxPart, examplesDir, pejling, readExample, tempDir } from './export-helpers';
import { exportParts, paragraphsOf, textOf } from './export-layout-helpers';

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
    expect(body).toContain(`2.${NBSP}juni${NBSP}2010`);
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
