// The laid-out page numbers written into an exported .docx without exporting it again. After LibreOffice has
// laid the document out, the only thing that changes between the first export and the final one is the
// cached results of two kinds of fields: each table-of-contents entry's PAGEREF (its heading's page) and
// every NUMPAGES (the page count, in the footers), and the settings' request that Word update the fields on
// opening, which only estimated numbers make (shared/export/docx/field-update.ts). Exporting again re-runs
// the whole writer to change those digits: 1.4 s of the large strategy's export on a quiet machine, 6–9 s at load average 15 (measured: quick
// export 12.4 s, export with given pages 9.0 s there); rewriting the digits in the zip takes a fraction of
// it. test/integration/export-pdf-page-patch.test.ts checks that the result is the second export's XML (up
// to the counters docx numbers its bookmarks and drawings with, and the creation time).
import JSZip from 'jszip';
import type { DocxExport } from '../../shared/export/docx/export-docx';
import type { LayoutPages } from '../../shared/export/docx/page-numbers';

const PARTS = /^word\/(document|header\d*|footer\d*)\.xml$/;
const TOKENS = /<w:fldChar\b[^>]*\bw:fldCharType="(begin|separate|end)"[^>]*\/>|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|(<w:t\b[^>]*>)([^<]*)(<\/w:t>)/g;

interface Field {
  instruction: string;
  inResult: boolean;
  replaced: boolean;
}

/** One part's XML with the PAGEREF results taken from `pages` (in order, from `next`) and NUMPAGES = pageCount. */
function patchPart(xml: string, pages: number[], pageCount: number, next: { ref: number }): string {
  const stack: Field[] = [];
  return xml.replace(TOKENS, (whole, fldChar: string | undefined, instruction: string | undefined, open: string | undefined, text: string | undefined, close: string | undefined) => {
    if (fldChar === 'begin') stack.push({ instruction: '', inResult: false, replaced: false });
    else if (fldChar === 'separate') {
      const field = stack[stack.length - 1];
      if (field) field.inResult = true;
    } else if (fldChar === 'end') stack.pop();
    else if (instruction !== undefined) {
      const field = stack[stack.length - 1];
      if (field && !field.inResult) field.instruction += instruction;
    } else if (open !== undefined) {
      const field = stack[stack.length - 1];
      if (!field || !field.inResult || field.replaced) return whole;
      const kind = field.instruction.trim().split(/\s+/)[0];
      if (kind !== 'PAGEREF' && kind !== 'NUMPAGES') return whole;
      if (!/^\d+$/.test(text ?? '')) throw new Error(`a ${kind} field's result is not a number: '${text}'`);
      field.replaced = true;
      if (kind === 'NUMPAGES') return `${open}${pageCount}${close}`;
      const page = pages[next.ref++];
      if (page === undefined) throw new Error(`more PAGEREF fields than the ${pages.length} headings laid out`);
      return `${open}${page}${close}`;
    }
    return whole;
  });
}

/**
 * The export with the laid-out pages in its table of contents and page count (as `exportDocxDetailed` with
 * `layout` writes them); `updateFields` is the export's option of that name.
 */
export async function withLaidOutPages(result: DocxExport, layout: LayoutPages, options: { updateFields?: boolean } = {}): Promise<DocxExport> {
  if (layout.headingPages.length !== result.headings.length) {
    throw new Error(`${layout.headingPages.length} laid-out pages for ${result.headings.length} headings`);
  }
  const zip = await JSZip.loadAsync(result.bytes);
  const next = { ref: 0 };
  // document.xml first: its table of contents holds the PAGEREF fields, in the headings' order.
  const names = Object.keys(zip.files)
    .filter((name) => PARTS.test(name))
    .sort((a, b) => Number(b === 'word/document.xml') - Number(a === 'word/document.xml'));
  for (const name of names) {
    const xml = await zip.file(name)!.async('string');
    const patched = patchPart(xml, layout.headingPages, layout.pageCount, next);
    if (patched !== xml) zip.file(name, patched);
  }
  if (next.ref !== layout.headingPages.length) throw new Error(`found ${next.ref} PAGEREF fields for ${layout.headingPages.length} headings`);
  // Measured numbers: Word is not asked to update the fields, unless the export asked for it.
  const settings = zip.file('word/settings.xml');
  if (settings && options.updateFields !== true) {
    const xml = await settings.async('string');
    const without = xml.replace(/<w:updateFields\b[^>]*\/>/g, '');
    if (without !== xml) zip.file('word/settings.xml', without);
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return {
    ...result,
    bytes,
    headings: result.headings.map((heading, i) => ({ ...heading, page: layout.headingPages[i]! })),
    pageCount: layout.pageCount,
    pageSource: 'measured',
  };
}
