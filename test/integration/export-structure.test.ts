// The Disposition and the Word document list the same chapters with the same numbers: the three
// examples exported with the real CLI, the entries of the .docx's table of contents (number, title,
// level, as written in the file) compared with the Disposition's entries, built from the live
// document exactly as the view builds them; and LibreOffice's layout of the file shows each heading
// with that number (Word's list numbering, which our code does not write as text), the foreword without one.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrategyModel, importStrategy } from '../../shared/model';
import { modelDisposition } from '../../renderer/src/outline/disposition';
import { EXAMPLES, docxPart, examplesDir, libreOfficePdf, pdfPages, pejling, readExample, run, squash, tempDir } from './export-helpers';

interface Entry {
  level: number;
  number: string;
  title: string;
}

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The cached entries of the TOC field: each TOCn paragraph's text split at its tabs (number, title, page). */
function tocOfDocx(xml: string): Entry[] {
  const entries: Entry[] = [];
  for (const [paragraph] of xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)) {
    const style = /<w:pStyle w:val="TOC(\d)"\/>/.exec(paragraph);
    if (!style) continue;
    const link = /<w:hyperlink[^>]*>(.*)<\/w:hyperlink>/s.exec(paragraph)?.[1] ?? '';
    // The PAGEREF field's cached result is the page; drop the field, keep text and tabs in order.
    const body = link.replace(/<w:fldChar w:fldCharType="begin"\/>.*?<w:fldChar w:fldCharType="end"\/>/gs, '');
    const pieces = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : decode(m[1] ?? '')));
    const cells = pieces.join('').split('\t').filter((cell, i, all) => i < all.length - 1 || cell !== '');
    const [number, title] = cells.length >= 2 ? [cells[0] ?? '', cells[1] ?? ''] : ['', cells[0] ?? ''];
    entries.push({ level: Number(style[1]), number, title: squash(title) });
  }
  return entries;
}

/** Whether each page of a PDF is landscape (pdfinfo's page sizes), index 0 = page 1. */
async function landscapePages(pdf: string, count: number): Promise<boolean[]> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(count), pdf]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => Number(m[1]) > Number(m[2]));
}

const exported = new Map<string, { toc: Entry[]; disposition: Entry[]; pages: string[]; landscape: boolean[] }>();
let work: string;

beforeAll(async () => {
  work = await tempDir('structure');
  for (const name of EXAMPLES) {
    const docx = path.join(work, `${name}.docx`);
    const result = await pejling(['export', path.join(examplesDir, `${name}.json`), '--docx', docx]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const model = new StrategyModel(importStrategy(await readExample(name)));
    const disposition = modelDisposition(model).map(({ level, number, title }) => ({ level, number, title: squash(title) }));
    // A copy laid out on its own, so what is checked is the file, not the exporter's layout pass.
    const copy = path.join(work, 'read', `${name}.docx`);
    await mkdir(path.dirname(copy), { recursive: true });
    await copyFile(docx, copy);
    const pdf = await libreOfficePdf(copy);
    const pages = await pdfPages(pdf);
    exported.set(name, { toc: tocOfDocx(await docxPart(docx, 'word/document.xml')), disposition, pages, landscape: await landscapePages(pdf, pages.length) });
  }
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(EXAMPLES)('the structure of %s', (name) => {
  const get = () => {
    const value = exported.get(name);
    if (!value) throw new Error(`${name} was not exported`);
    return value;
  };

  it('has the same chapters, numbers and levels in the Disposition as in the Word table of contents', () => {
    const { toc, disposition } = get();
    expect(toc.length).toBeGreaterThan(8);
    expect(disposition).toEqual(toc);
  });

  it('shows each heading with its number in the laid-out document, an unnumbered one without', () => {
    const { toc, pages } = get();
    // Body pages: after the last page that still lists contents entries' dotted leaders.
    const firstBody = pages.findIndex((page, i) => i > 1 && !/\.{5,}\s*\d+\s*$/m.test(page));
    const body = pages.slice(firstBody).map((page) => page.split('\n').map((line) => squash(line)));
    for (const entry of toc) {
      const line = entry.number ? `${entry.number} ${entry.title}` : entry.title;
      const found = body.some((lines) => lines.some((l) => l === line || l.startsWith(`${line} `) || (l.length > 20 && line.startsWith(l))));
      expect(found, `a body line "${line}"`).toBe(true);
      if (!entry.number) {
        const numbered = body.some((lines) => lines.some((l) => new RegExp(`^\\d+(\\.\\d+)* ${entry.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).test(l)));
        expect(numbered, `"${entry.title}" shown with a number`).toBe(false);
      }
    }
  });
});

describe.each(EXAMPLES)('the pages of %s (house style with chapterPageBreak "auto")', (name) => {
  const get = () => exported.get(name)!;
  const lines = (page: string) => page.split('\n').map(squash).filter((line) => line !== '');

  it('has no footer on the cover; every other page says "Side N af M"', () => {
    const { pages } = get();
    expect(pages[0]).not.toMatch(/Side \d+ af \d+/);
    pages.slice(1).forEach((page, i) => expect(page, `page ${i + 2}`).toMatch(new RegExp(`Side ${i + 2} af ${pages.length}`)));
  });

  it('leaves no nearly empty page (under 6 lines) before a chapter, except where the orientation changes', () => {
    const { pages, toc, landscape } = get();
    const chapters = new Set(toc.filter((e) => e.level === 1).map((e) => (e.number ? `${e.number} ${e.title}` : e.title)));
    // The body: from the first page after the contents.
    const firstBody = pages.findIndex((page, i) => i > 1 && !/\.{5,}\s*\d+\s*$/m.test(page));
    expect(firstBody).toBeGreaterThan(1);
    const short: string[] = [];
    for (let i = firstBody; i < pages.length - 1; i++) {
      // Without the running header (first line) and the footer (last line).
      const text = lines(pages[i] ?? '').slice(1, -1);
      const next = lines(pages[i + 1] ?? '').slice(1, -1);
      const startsChapter = chapters.has(next[0] ?? '');
      if (startsChapter && text.length < 6 && landscape[i] === landscape[i + 1]) short.push(`page ${i + 1} (${text.length} lines) before "${next[0]}"`);
    }
    expect(short).toEqual([]);
  });
});

describe('København', () => {
  it('opens with an unnumbered foreword, in the contents, the next chapter numbered 1; perspectives after the vision; no owners chapter; "Om strategien" last', () => {
    const { toc } = exported.get('kk-2010-2014')!;
    const chapters = toc.filter((e) => e.level === 1);
    expect(chapters[0]).toEqual({ level: 1, number: '', title: 'Få bedre forbindelse' });
    expect(chapters[1]).toEqual({ level: 1, number: '1', title: 'Strategiens udgangspunkt og gyldighed' });
    expect(chapters[2]).toEqual({ level: 1, number: '2', title: 'Vision' });
    expect(chapters.slice(3, 8).map((c) => c.number)).toEqual(['3', '4', '5', '6', '7']);
    expect(chapters.map((c) => c.title)).not.toContain('Ansvarlige');
    expect(chapters.at(-1)?.title).toBe('Om strategien');
  });
});
