// Page numbers for the table of contents. docx fills the TOC field with one entry per heading
// (bookmark + hyperlink + PAGEREF field) and asks a "page number estimator" for the cached
// results of the PAGEREF and NUMPAGES fields. Ours answers from one of three sources:
//   'measured'    heading pages of a real layout of this same document, in document order (the
//                 host runs LibreOffice: main/export/layout-pass.ts);
//   'docx-layout' docx's own layout estimator (docx/layout), which follows Word's rules and font
//                 metrics: agrees with LibreOffice on our documents but takes seconds on big ones;
//   'quick'       our rough estimate (./layout-estimate.ts), milliseconds, within a page or a few.
// It also gives each entry its heading number (1.2), as Word writes it in the entry.
import type { BookmarkListNumber, IContext, PageNumberEstimator } from 'docx';
import type { HeadingOutline } from './headings';
import { estimateLayout } from './layout-estimate';
import type { StyleMetrics } from './styles';
import { attr, child, elements, toXmlTree, type XmlNode } from './xml-tree';

/** Pages of the document's headings, in document order, and its page count. */
export interface LayoutPages {
  headingPages: number[];
  pageCount: number;
}

export type PageSource = 'measured' | 'docx-layout' | 'quick';

/** docx/layout's estimator, loaded on demand (it is large). */
export type DocxLayoutEstimator = PageNumberEstimator;

const HEADING_STYLES = new Set(['Heading1', 'Heading2', 'Heading3']);

/** The TOC bookmarks docx put on the heading paragraphs, in document order. */
export function headingBookmarks(body: XmlNode | undefined): string[] {
  const names: string[] = [];
  for (const block of elements(body, 'w:p')) {
    const style = child(child(block, 'w:pPr'), 'w:pStyle');
    if (!HEADING_STYLES.has(String(attr(style, 'w:val')))) continue;
    const bookmark = elements(block, 'w:bookmarkStart').find((c) => String(attr(c, 'w:name')).startsWith('_Toc'));
    if (bookmark) names.push(String(attr(bookmark, 'w:name')));
  }
  return names;
}

/** Width of a heading number in twips as Word measures it for the entry's tab stop (12 pt text). */
function numberWidth(text: string): number {
  return [...text].reduce((width, ch) => width + (ch === '.' ? 60 : 132), 0);
}

export interface EstimatorResult {
  /** Empty when the document has no table of contents. */
  headingPages: number[];
  pageCount: number;
  source: PageSource;
  /** Time the page numbers took (the estimate, or matching the given layout). */
  ms: number;
}

/**
 * The estimator for one export. `given` pages come from a real layout of the same document;
 * without them the fast estimate runs. `done` receives what was written.
 */
export function tocPageNumbers(
  outline: HeadingOutline,
  metrics: Map<string, StyleMetrics>,
  source: { measured: LayoutPages } | { docxLayout: DocxLayoutEstimator } | 'quick',
  done: (result: EstimatorResult) => void,
): PageNumberEstimator {
  const checkedNames = (body: XmlNode | undefined) => {
    const names = headingBookmarks(body);
    // No table of contents (a plan or a status report): docx bookmarks no heading.
    if (names.length === 0) return names;
    if (names.length !== outline.entries.length) {
      throw new Error(`Table of contents: found ${names.length} heading bookmarks for ${outline.entries.length} headings`);
    }
    return names;
  };
  const estimator = (body: unknown, context: IContext) => {
    const started = performance.now();
    const tree = toXmlTree(body);
    const names = checkedNames(tree);
    let headingPages: number[];
    let pageCount: number | undefined;
    let kind: PageSource;
    if (typeof source === 'object' && 'measured' in source && names.length > 0) {
      if (source.measured.headingPages.length !== names.length) {
        throw new Error(`Layout has ${source.measured.headingPages.length} heading pages for ${names.length} headings`);
      }
      headingPages = source.measured.headingPages;
      pageCount = source.measured.pageCount;
      kind = 'measured';
    } else if (typeof source === 'object' && 'docxLayout' in source) {
      const estimate = source.docxLayout(body as never, context);
      headingPages = names.map((name) => Number(estimate.bookmarks.get(name)) || 1);
      pageCount = estimate.pageCount;
      kind = 'docx-layout';
    } else {
      const estimate = estimateLayout(tree, metrics);
      headingPages = names.map((name) => estimate.bookmarkPages.get(name) ?? 1);
      pageCount = estimate.pageCount;
      kind = 'quick';
    }
    done({ headingPages, pageCount: pageCount ?? 0, source: kind, ms: performance.now() - started });
    return {
      bookmarks: new Map(names.map((name, i) => [name, String(headingPages[i] ?? '')])),
      bookmarkPageNumbers: new Map(names.map((name, i) => [name, headingPages[i] ?? 1])),
      ...(pageCount ? { pageCount } : {}),
    };
  };
  const listNumbers = (body: unknown): ReadonlyMap<string, BookmarkListNumber> => {
    const names = checkedNames(toXmlTree(body));
    const map = new Map<string, BookmarkListNumber>();
    // One width per level (the widest number's), so "9" and "10" line their titles up.
    const widest = new Map<number, number>();
    for (const entry of outline.entries) widest.set(entry.level, Math.max(widest.get(entry.level) ?? 0, numberWidth(entry.number)));
    names.forEach((name, i) => {
      const entry = outline.entries[i];
      if (entry?.number) map.set(name, { text: entry.number, separator: 'tab', width: widest.get(entry.level) ?? numberWidth(entry.number) });
    });
    return map;
  };
  return Object.assign(estimator, { listNumbers }) as unknown as PageNumberEstimator;
}
