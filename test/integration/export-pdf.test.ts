// The PDF export (`pejling export FILE --pdf OUT.pdf`) of the three example strategies, read back by poppler,
// which Pejling itself does not use: pdfinfo (tagged, title, pages), pdfinfo -struct-text (the tag tree and its
// headings), pdffonts (every font embedded), pdftohtml -xml (the outline = bookmarks, with their pages) and
// pdftotext -layout (the table of contents and the pages the headings are on). No PDF/UA validator installs
// on Debian here, so PDF/UA is checked by these parts of its structure. The document language (/Lang) is
// read from the document catalog: LibreOffice writes the catalog as a plain object, poppler prints no /Lang
// and qpdf is not installed, so the test reads the dictionary's bytes itself (and fails if it cannot find it).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../main/host/host';
import type { StrategyFile } from '../../shared/format/schema';
import { EXAMPLES, examplesDir, pdfPages, pejling, readExample, run, squash, tempDir } from './export-helpers';

interface Heading {
  /** "2.1 Title" as the reader shows it. */
  text: string;
  page: number;
}

/** The table of contents from pdftotext -layout: the lines "2.1 Title ....... 7" after "Indhold" (wrapped ones joined). */
function contentsOf(pages: string[]): { entries: Heading[]; endsOnPage: number } {
  const start = pages.findIndex((page) => /^\s*Indhold\s*$/m.test(page));
  expect(start, 'a page titled "Indhold"').toBeGreaterThanOrEqual(0);
  const entries: Heading[] = [];
  let carried = '';
  let index = start;
  for (; index < pages.length; index++) {
    let any = false;
    for (const raw of (pages[index] ?? '').split('\n')) {
      const line = raw.trim();
      if (line === '' || line === 'Indhold') continue;
      const whole = /^(\d+(?:\.\d+)*\s+.+?)\s*\.{2,}\s*(\d+)$/.exec(squash(`${carried} ${line}`));
      if (whole) {
        entries.push({ text: squash(whole[1] ?? ''), page: Number(whole[2]) });
        carried = '';
        any = true;
      } else if (carried !== '' || /^\d+(?:\.\d+)*\s+\S/.test(line)) {
        carried = squash(`${carried} ${line}`);
      }
    }
    if (!any && index > start) break;
  }
  return { entries, endsOnPage: index };
}

/** The outline (bookmarks) in reading order, flattened, as poppler's pdftohtml -xml lists it. */
async function bookmarksOf(pdf: string): Promise<Heading[]> {
  const result = await run('pdftohtml', ['-xml', '-i', '-q', '-stdout', pdf]);
  expect(result.code).toBe(0);
  const unescape = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return [...result.stdout.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({ page: Number(m[1]), text: squash(unescape(m[2] ?? '')) }));
}

/** Heading elements of the tag tree (pdfinfo -struct-text): their level and the text they hold. */
async function taggedHeadings(pdf: string): Promise<{ level: number; text: string }[]> {
  const result = await run('pdfinfo', ['-struct-text', pdf]);
  expect(result.code).toBe(0);
  const headings: { level: number; text: string }[] = [];
  let open: { level: number; parts: string[] } | undefined;
  const close = () => {
    if (open) headings.push({ level: open.level, text: squash(open.parts.join(' ')) });
    open = undefined;
  };
  for (const line of result.stdout.split('\n')) {
    const element = /^\s*(\w+) \((?:block|inline)\):/.exec(line);
    if (element) {
      close();
      const level = /^H(\d)$/.exec(element[1] ?? '');
      if (level) open = { level: Number(level[1]), parts: [] };
      continue;
    }
    const text = /^\s*"(.*)"\s*$/.exec(line);
    if (open && text) open.parts.push(text[1] ?? '');
  }
  close();
  return headings;
}

/** /Lang of the document catalog (the /Type/Catalog dictionary as LibreOffice writes it). */
function catalogLanguage(pdf: Buffer): string | undefined {
  const text = pdf.toString('latin1');
  const catalogs = [...text.matchAll(/obj\s*<<(?:(?!endobj)[\s\S])*?\/Type\s*\/Catalog(?:(?!endobj)[\s\S])*?endobj/g)];
  expect(catalogs.length, 'one plain document catalog').toBe(1);
  return /\/Lang\s*\(([^)]*)\)/.exec(catalogs[0]?.[0] ?? '')?.[1];
}

async function pdfinfo(pdf: string): Promise<Record<string, string>> {
  const result = await run('pdfinfo', [pdf]);
  expect(result.code).toBe(0);
  return Object.fromEntries(result.stdout.split('\n').flatMap((line) => {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    return m ? [[m[1] ?? '', m[2] ?? '']] : [];
  }));
}

interface Exported {
  strategy: StrategyFile;
  dir: string;
  pdf: string;
  stdout: string;
  stderr: string;
  code: number;
  pages: string[];
}

const exported = new Map<string, Exported>();
let work: string;

async function exportPdf(name: string, input: string, extra: string[] = []): Promise<Exported> {
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  const pdf = path.join(dir, `${name}.pdf`);
  const result = await pejling(['export', input, '--pdf', pdf, ...extra]);
  return { strategy: JSON.parse(await readFile(input, 'utf8')) as StrategyFile, dir, pdf, ...result, pages: result.code === 0 ? await pdfPages(pdf) : [] };
}

beforeAll(async () => {
  work = await tempDir('pdf');
  for (const name of EXAMPLES) exported.set(name, await exportPdf(name, path.join(examplesDir, `${name}.json`)));
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(EXAMPLES)('PDF of %s', (name) => {
  const get = () => {
    const value = exported.get(name);
    if (!value) throw new Error(`${name} was not exported`);
    return value;
  };

  it('is written alone, atomically, and the command says it is tagged with verified page numbers', async () => {
    const { dir, stdout, stderr, code } = get();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await readdir(dir)).toEqual([`${name}.pdf`]);
    expect(stdout).toMatch(/^Skrev .+\.pdf \(tagget PDF\/UA; \d+ sider; husstil \w+; indholdsfortegnelsens sidetal fra LibreOffice, kontrolleret\)\n$/);
  });

  it('is tagged, carries the strategy title and Danish as its language, and embeds every font', async () => {
    const { pdf, strategy, pages } = get();
    const info = await pdfinfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(strategy.meta.title);
    expect(info.Author).toBe(strategy.meta.organisation);
    expect(Number(info.Pages)).toBe(pages.length);
    expect((await run('pdfinfo', ['-meta', pdf])).stdout).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(catalogLanguage(await readFile(pdf))).toBe('da-DK');
    const fonts = (await run('pdffonts', [pdf])).stdout.split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe('yes');
  });

  it('has bookmarks that are the headings of the table of contents, on the pages it names', async () => {
    const { pdf, pages } = get();
    const { entries, endsOnPage } = contentsOf(pages);
    expect(entries.length).toBeGreaterThan(10);
    const bookmarks = await bookmarksOf(pdf);
    // Every TOC entry is a bookmark with the same number, title and page (the outline also holds
    // deeper headings than the contents' three levels, so it may have more).
    let from = 0;
    for (const entry of entries) {
      const at = bookmarks.findIndex((bookmark, i) => i >= from && bookmark.text === entry.text);
      expect(at, `bookmark "${entry.text}"`).toBeGreaterThanOrEqual(0);
      expect(bookmarks[at]?.page, `page of bookmark "${entry.text}"`).toBe(entry.page);
      from = at + 1;
    }
    // And the page the contents names is the first page after the contents where the heading is printed.
    for (const entry of entries) {
      const at = pages.findIndex((page, i) => i >= endsOnPage && squash(page).includes(entry.text));
      expect(at + 1, `page of "${entry.text}"`).toBe(entry.page);
    }
  });

  it('has a tag tree whose heading elements are the document headings, level by level', async () => {
    const { pdf, pages } = get();
    const { entries } = contentsOf(pages);
    const headings = await taggedHeadings(pdf);
    for (const entry of entries) {
      const level = (/^(\d+(?:\.\d+)*)/.exec(entry.text)?.[1] ?? '').split('.').length;
      expect(headings, `tagged heading "${entry.text}"`).toContainEqual({ level, text: entry.text });
    }
  });
});

describe('PDF export, other cases', () => {
  it('writes English text as en-GB', async () => {
    const strategy = await readExample('brk-2010');
    const input = path.join(work, 'brk-en.json');
    await writeFile(input, JSON.stringify({ ...strategy, meta: { ...strategy.meta, language: 'en' } }));
    const result = await exportPdf('brk-en', input, ['--page-numbers', 'quick']);
    expect(result.code).toBe(0);
    expect(catalogLanguage(await readFile(result.pdf))).toBe('en-GB');
  }, 180_000);

  it('writes the Word file and the PDF in one run, with the same page count', async () => {
    const dir = path.join(work, 'both');
    await mkdir(dir);
    const result = await pejling(['export', path.join(examplesDir, 'odder-2006.json'), '--docx', path.join(dir, 'o.docx'), '--pdf', path.join(dir, 'o.pdf')]);
    expect(result.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['o.docx', 'o.pdf']);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const count = (line: string) => /(\d+) sider/.exec(line)?.[1];
    expect(count(lines[0] ?? '')).toBe(count(lines[1] ?? ''));
    expect(Number((await pdfinfo(path.join(dir, 'o.pdf'))).Pages)).toBe(Number(count(lines[1] ?? '')));
  }, 180_000);

  it('refuses bad input with one line, a non-zero exit and no file', async () => {
    const dir = path.join(work, 'bad');
    await mkdir(dir);
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{"meta": {"title": 3}}');
    const target = path.join(dir, 'out.pdf');
    const cases: [string[], number, RegExp, NodeJS.ProcessEnv?][] = [
      [['export', broken, '--pdf', target], 1, /broken\.json/],
      [['export', path.join(examplesDir, 'odder-2006.json'), '--pdf', path.join(dir, 'out.txt')], 2, /--pdf skal være en \.pdf-fil/],
      [['export', path.join(examplesDir, 'odder-2006.json')], 2, /--docx OUT\.docx eller --pdf OUT\.pdf/],
      [['export', path.join(examplesDir, 'odder-2006.json'), '--pdf', target], 1, /PDF-eksporten kræver LibreOffice/, { PEJLING_SOFFICE: 'none' }],
    ];
    for (const [args, code, text, env] of cases) {
      const result = await pejling(args, env ? { env } : {});
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(text);
      expect(await readdir(dir)).toEqual(['broken.json']);
    }
  }, 180_000);

  it('is what the app’s host gives for format "pdf" (a .pdf file named after the strategy), and a coded error without LibreOffice', async () => {
    const dataDir = path.join(work, 'host-data');
    const host = await createHost({ dataDir });
    const previous = process.env.PEJLING_SOFFICE;
    try {
      const doc = await host.api.createDocument({ from: 'example', name: 'brk-2010' });
      const file = await host.api.exportDocx(doc.id, { part: 'strategy', format: 'pdf' });
      expect(file.mimeType).toBe('application/pdf');
      expect(file.fileName).toBe('Digitaliseringsstrategi.pdf');
      expect(await host.api.fileNameFor('exportDocx', doc.id, { part: 'strategy', format: 'pdf' })).toBe(file.fileName);
      const pdf = path.join(work, 'host.pdf');
      await writeFile(pdf, file.bytes);
      const info = await pdfinfo(pdf);
      expect(info.Tagged).toBe('yes');
      expect(info.Title).toBe('Digitaliseringsstrategi');
      process.env.PEJLING_SOFFICE = 'none';
      await expect(host.api.exportDocx(doc.id, { part: 'strategy', format: 'pdf' })).rejects.toMatchObject({ code: 'pdf-needs-libreoffice' });
    } finally {
      if (previous === undefined) delete process.env.PEJLING_SOFFICE;
      else process.env.PEJLING_SOFFICE = previous;
      await host.close();
    }
  }, 240_000);
});
