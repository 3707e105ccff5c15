// Helpers of the layout tests (issue 16): the exporter run in process on a strategy, its XML parts read
// back with JSZip, and the paragraphs of document.xml as plain records a test can look through.
import JSZip from 'jszip';
import type { StrategyFile } from '../../shared/format/schema';
import { exportDocxDetailed, type ExportPart } from '../../shared/export/docx/export-docx';
import { loadHouseStyle } from '../../main/export/styles';
import { run } from './export-helpers';

export interface DocxParts {
  document: string;
  headers: string[];
  settings: string;
  numbering: string;
  styles: string;
}

/** The strategy exported in process (quick page estimate), and the XML parts tests read. */
export async function exportParts(strategy: StrategyFile, options: { part?: ExportPart; style?: string } = {}): Promise<DocxParts> {
  const { style, logo } = await loadHouseStyle(options.style ?? 'kommune');
  const result = await exportDocxDetailed(strategy, { part: options.part ?? 'strategy', style, ...(logo ? { logo } : {}), estimate: 'quick', now: new Date('2012-11-15T12:00:00Z') });
  const zip = await JSZip.loadAsync(result.bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headerNames = Object.keys(zip.files).filter((name) => /^word\/header\d+\.xml$/.test(name));
  return {
    document: await text('word/document.xml'),
    headers: await Promise.all(headerNames.map(text)),
    settings: await text('word/settings.xml'),
    numbering: await text('word/numbering.xml'),
    styles: await text('word/styles.xml'),
  };
}

const unescape = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of an XML fragment's w:t elements, joined. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');
}

export interface XmlParagraph {
  xml: string;
  style: string | undefined;
  text: string;
  numId: string | undefined;
}

/** Every paragraph of the document body (table cells included), in order. */
export function paragraphsOf(document: string): XmlParagraph[] {
  return [...document.matchAll(/<w:p(?:\s[^>]*)?>.*?<\/w:p>/gs)].map((m) => {
    const xml = m[0];
    return {
      xml,
      style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1],
      text: textOf(xml),
      numId: /<w:numId w:val="([^"]+)"/.exec(xml)?.[1],
    };
  });
}

/** The tables of the document body (not nested), as XML. */
export function tablesOf(document: string): string[] {
  return [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
}

export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The words of each page (index 0 = page 1) by line, as poppler's `pdftotext -bbox-layout` places them. */
export async function pdfLines(pdf: string): Promise<PdfWord[][][]> {
  const result = await run('pdftotext', ['-bbox-layout', pdf, '-']);
  if (result.code !== 0) throw new Error(`pdftotext -bbox-layout failed: ${result.stderr}`);
  const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...result.stdout.matchAll(/<page[^>]*>(.*?)<\/page>/gs)].map((page) =>
    [...(page[1] ?? '').matchAll(/<line[^>]*>(.*?)<\/line>/gs)].map((line) =>
      [...(line[1] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: decode(m[5] ?? ''),
      })),
    ),
  );
}
