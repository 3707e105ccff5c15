// A fast, rough page-layout estimate of an exported document, used for the table of contents'
// page numbers when no real layout engine (LibreOffice) is at hand. It walks the formatted body
// once: paragraphs become lines from average character widths, tables become rows whose height
// is their tallest cell, page breaks, sections, "keep with next" and repeated header rows are
// followed. It is deliberately simple: linear in the document's size (milliseconds for hundreds
// of pages) and usually within a page of LibreOffice's layout; docs/export.md has the figures.
import type { StyleMetrics } from './styles';
import { emAt, emTable } from '../text-width';
import { attr, child, elements, numberAttr, onOff, textOf, type XmlNode } from './xml-tree';

const childOf = child;
const attrOf = attr;

/**
 * Height of a single-spaced line as a multiple of the font size: the font's ascent, descent and line gap as
 * LibreOffice adds them (Liberation Sans 0.905 + 0.212 + 0.033; measured in its PDF: 14.5 pt lines of
 * 10.5 pt Arial at 1.2 spacing, where ascent and descent alone gave 14.1 and drifted a page in 40).
 */
const LINE_HEIGHT: Record<string, number> = {
  calibri: 1.22,
  carlito: 1.22,
  arial: 1.15,
  'liberation sans': 1.15,
  'times new roman': 1.15,
  'liberation serif': 1.15,
  cambria: 1.17,
};

const lineHeight = (font: string) => LINE_HEIGHT[font.toLowerCase()] ?? 1.2;
/**
 * LibreOffice keeps a line on the page when its foot is a little below the bottom margin (measured in its PDF:
 * odder-2006's "Første skridt …" ends 1.0 pt below it and stays on page 7; kk-2010-2014 likewise). Without this
 * the estimate moved such a line, and every heading after it, a page on.
 */
const PAGE_FOOT_SLACK_PT = 2;
/** Widow and orphan control: lines kept together at a page break. */
const WIDOW_LINES = 2;
/** Word's default tab stop (w:defaultTabStop 720 twips), for a tab with no stop of its own. */
const DEFAULT_TAB_PT = 36;

interface Geometry {
  widthPt: number;
  heightPt: number;
}

export interface LayoutEstimate {
  /** Page (1-based, as printed) of each bookmark, by name. */
  bookmarkPages: Map<string, number>;
  pageCount: number;
}

interface Measured {
  heightPt: number;
  lines: number;
  /** Drawings and borders: the part of the height that is no line of text. */
  drawingsPt: number;
  beforePt: number;
  afterPt: number;
  firstLinePt: number;
  pageBreakBefore: boolean;
  keepNext: boolean;
  keepLines: boolean;
  /** Hard page breaks inside the paragraph (w:br w:type="page"). */
  pageBreaks: number;
  bookmarks: string[];
}

export function estimateLayout(body: XmlNode | undefined, metrics: Map<string, StyleMetrics>): LayoutEstimate {
  const normal: StyleMetrics = metrics.get('Normal') ?? {
    fontPt: 11, font: 'Calibri', bold: false, line: 1.15, beforePt: 0, afterPt: 8, indentLeftTw: 0, pageBreakBefore: false, keepNext: false, keepLines: false, borderPt: 0,
  };

  // Sections, in order: a paragraph's sectPr ends its section; the body's own sectPr is the last.
  const geometries: Geometry[] = [];
  const geometryOf = (sectPr: XmlNode | undefined): Geometry => {
    const size = childOf(sectPr, 'w:pgSz');
    const margin = childOf(sectPr, 'w:pgMar');
    const w = numberAttr(size, 'w:w') ?? 11906;
    const h = numberAttr(size, 'w:h') ?? 16838;
    const top = numberAttr(margin, 'w:top') ?? 1440;
    const bottom = numberAttr(margin, 'w:bottom') ?? 1440;
    const left = numberAttr(margin, 'w:left') ?? 1440;
    const right = numberAttr(margin, 'w:right') ?? 1440;
    return { widthPt: (w - left - right) / 20, heightPt: (h - top - bottom) / 20 + PAGE_FOOT_SLACK_PT };
  };
  for (const block of elements(body)) {
    if (block.name === 'w:p') {
      const sectPr = childOf(childOf(block, 'w:pPr'), 'w:sectPr');
      if (sectPr) geometries.push(geometryOf(sectPr));
    } else if (block.name === 'w:sectPr') geometries.push(geometryOf(block));
  }
  if (geometries.length === 0) geometries.push({ widthPt: 451, heightPt: 698 });

  let sectionIndex = 0;
  let geometry = geometries[0] as Geometry;
  let page = 1;
  let used = 0;
  /** Space after the last paragraph placed, already in `used`: the next one's space before overlaps it. */
  let lastAfter = 0;
  const bookmarkPages = new Map<string, number>();

  const newPage = () => {
    page += 1;
    used = 0;
    lastAfter = 0;
  };

  const measure = (paragraph: XmlNode | undefined, widthPt: number): Measured => {
    const properties = childOf(paragraph, 'w:pPr');
    const styleId = String(attrOf(childOf(properties, 'w:pStyle'), 'w:val') ?? 'Normal');
    const m = metrics.get(styleId) ?? normal;
    const spacing = childOf(properties, 'w:spacing');
    const indent = childOf(properties, 'w:ind');
    const beforePt = numberAttr(spacing, 'w:before') !== undefined ? (numberAttr(spacing, 'w:before') as number) / 20 : m.beforePt;
    const afterPt = numberAttr(spacing, 'w:after') !== undefined ? (numberAttr(spacing, 'w:after') as number) / 20 : m.afterPt;
    const line = numberAttr(spacing, 'w:line') !== undefined ? (numberAttr(spacing, 'w:line') as number) / 240 : m.line;
    const numbered = childOf(properties, 'w:numPr') !== undefined;
    const indentTw = (numberAttr(indent, 'w:left') ?? m.indentLeftTw) + (numbered ? 360 : 0);

    const availablePt = Math.max(40, widthPt - indentTw / 20);
    const tabStops = elements(childOf(properties, 'w:tabs'), 'w:tab').map((tab) => ({
      pt: (numberAttr(tab, 'w:pos') ?? 0) / 20 - indentTw / 20,
      right: attrOf(tab, 'w:val') === 'right' || attrOf(tab, 'w:val') === 'end',
    }));
    // The line breaking: greedy, at spaces and after hyphens, with each run's own font size and weight.
    let fontPt = m.fontPt;
    let lines = 1;
    let x = 0; // the line so far, up to the last break opportunity
    let word = 0; // the word being read (no break in it yet)
    const endWord = () => {
      if (x > 0 && x + word > availablePt) {
        lines += 1;
        x = 0;
      }
      // A word wider than the line is broken where it must.
      while (word > availablePt) {
        lines += 1;
        word -= availablePt;
      }
      x += word;
      word = 0;
    };
    const addText = (text: string, runFont: string, runPt: number, runBold: boolean) => {
      // The glyph advances of the fonts LibreOffice sets (../font-metrics.ts): one average width per font was
      // up to a line off per paragraph, which added up to pages (docs/export.md, "The quick estimate").
      const ems = emTable(runFont, runBold);
      for (let i = 0; i < text.length; i++) {
        const advance = emAt(ems, text, i) * runPt;
        const code = text.charCodeAt(i);
        if (code === 0x20) {
          endWord();
          x += advance; // a space at the end of a line hangs in the margin: no wrap for it
        } else if (code === 0x2d || code === 0x2013 || code === 0x2014) {
          word += advance;
          endWord();
        } else word += advance;
      }
    };
    let pageBreaks = 0;
    let drawingsPt = 0;
    const bookmarks: string[] = [];
    const walk = (element: XmlNode | string, run: { font: string; pt: number; bold: boolean }) => {
      if (typeof element === 'string') return;
      switch (element.name) {
        case 'w:pPr':
        case 'w:rPr':
        case 'w:instrText':
          return;
        case 'w:bookmarkStart': {
          const bookmark = attrOf(element, 'w:name');
          if (bookmark !== undefined) bookmarks.push(String(bookmark));
          return;
        }
        case 'w:r': {
          const rPr = childOf(element, 'w:rPr');
          const size = numberAttr(childOf(rPr, 'w:sz'), 'w:val');
          const ascii = attrOf(childOf(rPr, 'w:rFonts'), 'w:ascii');
          const own = {
            font: ascii === undefined ? run.font : String(ascii),
            pt: size === undefined ? run.pt : size / 2,
            bold: onOff(rPr, 'w:b') ?? run.bold,
          };
          // A line is as tall as its largest text: the paragraph's largest run stands for all its lines.
          fontPt = Math.max(fontPt, own.pt);
          for (const inner of element.children) walk(inner, own);
          return;
        }
        case 'w:t':
          addText(textOf(element), run.font, run.pt, run.bold);
          return;
        case 'w:tab': {
          endWord();
          const stop = tabStops.find((candidate) => candidate.pt > x + 0.5);
          // A right tab (the contents' page numbers) puts what follows against the stop: it fits when the text before does.
          if (stop?.right) x += run.pt * 0.3;
          else x = stop ? stop.pt : (Math.floor(x / DEFAULT_TAB_PT) + 1) * DEFAULT_TAB_PT;
          return;
        }
        case 'w:br': {
          const type = attrOf(element, 'w:type');
          if (type === 'page') pageBreaks += 1;
          else {
            endWord();
            lines += 1;
            x = 0;
          }
          return;
        }
        case 'wp:extent': {
          const cy = numberAttr(element, 'cy');
          if (cy) drawingsPt += cy / 12700;
          return;
        }
        default:
          for (const inner of element.children) walk(inner, run);
      }
    };
    const paragraphRun = { font: m.font, pt: m.fontPt, bold: m.bold };
    for (const inner of paragraph?.children ?? []) walk(inner, paragraphRun);
    endWord();

    const lineHeightPt = fontPt * lineHeight(m.font) * line;
    return {
      heightPt: lines * lineHeightPt + drawingsPt + m.borderPt,
      lines,
      drawingsPt: drawingsPt + m.borderPt,
      beforePt,
      afterPt,
      firstLinePt: lineHeightPt,
      pageBreakBefore: onOff(properties, 'w:pageBreakBefore') ?? m.pageBreakBefore,
      keepNext: onOff(properties, 'w:keepNext') ?? m.keepNext,
      keepLines: onOff(properties, 'w:keepLines') ?? m.keepLines,
      pageBreaks,
      bookmarks,
    };
  };

  const bodyLinePt = normal.fontPt * lineHeight(normal.font) * normal.line;

  /**
   * Lines a paragraph needs at the foot of a page to start there: LibreOffice keeps two lines together on
   * either side of a break in our documents (measured: a heading moves to the next page when only it and one
   * line of what follows fit), so a paragraph of up to three lines moves whole.
   */
  const orphanLines = (lines: number) => (lines <= 2 * WIDOW_LINES - 1 ? lines : WIDOW_LINES);

  // Paragraphs are measured once: the keep-with-next chains below look ahead at the ones that follow.
  const measured = new Map<XmlNode, Measured>();
  const measureBlock = (paragraph: XmlNode) => {
    let m = measured.get(paragraph);
    if (!m) measured.set(paragraph, (m = measure(paragraph, geometry.widthPt)));
    return m;
  };

  /**
   * Height a keep-with-next paragraph needs below it on its page: the chain of keep-with-next paragraphs that
   * follow it (a chapter heading and the section heading under it) and the first line of the paragraph after
   * them (LibreOffice keeps a heading with the start of what follows; without widow control one line is enough).
   */
  const keptWithNext = (blocks: XmlNode[], from: number, afterPt: number): number => {
    let pt = 0;
    let lastAfterPt = afterPt;
    for (let i = from; i < blocks.length && i < from + 8; i++) {
      const block = blocks[i] as XmlNode;
      if (block.name !== 'w:p') return pt + 2 * bodyLinePt + 10; // a table: its first row, roughly
      const next = measureBlock(block);
      if (next.pageBreakBefore) return pt;
      const firstLinePt = orphanLines(next.lines) * next.firstLinePt;
      const gap = Math.max(0, next.beforePt - lastAfterPt);
      if (!next.keepNext) return pt + gap + (next.keepLines ? next.heightPt : next.drawingsPt + firstLinePt);
      pt += gap + next.heightPt + next.afterPt;
      lastAfterPt = next.afterPt;
    }
    return pt;
  };

  const placeParagraph = (blocks: XmlNode[], index: number) => {
    const paragraph = blocks[index] as XmlNode;
    const p = measureBlock(paragraph);
    if (p.pageBreakBefore && used > 0) newPage();
    // Between two paragraphs LibreOffice leaves the larger of the first's space after and the second's space
    // before, not their sum (measured with pdftotext -bbox: a list item's 4 pt after and a heading's 18 pt
    // before leave 18 pt); the space after is in `used` already.
    const beforeOf = () => (used === 0 ? 0 : Math.max(0, p.beforePt - lastAfter));
    // Keep with next: the paragraph moves when it and the start of what follows do not fit.
    const needed = beforeOf() + p.heightPt + (p.keepNext ? p.afterPt + keptWithNext(blocks, index + 1, p.afterPt) : 0);
    if (used > 0 && used + needed > geometry.heightPt && needed <= geometry.heightPt) newPage();
    // A paragraph kept in one piece, or whose first line does not fit, starts on the next page.
    const keptPt = p.keepLines ? p.heightPt : p.drawingsPt + orphanLines(p.lines) * p.firstLinePt;
    if (used > 0 && used + beforeOf() + keptPt > geometry.heightPt && keptPt <= geometry.heightPt) newPage();
    for (const name of p.bookmarks) if (!bookmarkPages.has(name)) bookmarkPages.set(name, page);
    used += beforeOf() + p.drawingsPt;
    // A paragraph taller than what is left flows on to the next pages, line by line (LibreOffice breaks
    // between lines, never inside one).
    let lines = p.lines;
    while (lines > 0 && used + lines * p.firstLinePt > geometry.heightPt + 0.01) {
      let fit = Math.max(0, Math.floor((geometry.heightPt - used + 0.01) / p.firstLinePt));
      // Widow and orphan control: two lines at least on either side of the break.
      fit = Math.min(fit, lines - WIDOW_LINES);
      if (fit < WIDOW_LINES) fit = 0;
      lines -= fit;
      newPage();
      if (fit === 0 && used === 0) break; // a line taller than a page: placed anyway
    }
    used += lines * p.firstLinePt + p.afterPt;
    lastAfter = p.afterPt;
    for (let i = 0; i < p.pageBreaks; i++) newPage();
  };

  const placeTable = (table: XmlNode) => {
    const grid = elements(childOf(table, 'w:tblGrid'), 'w:gridCol').map((c) => (numberAttr(c, 'w:w') ?? 0) / 20);
    const rows = elements(table, 'w:tr');
    const cellMargins = childOf(childOf(table, 'w:tblPr'), 'w:tblCellMar');
    let headerPt = 0;
    let inHeader = true;
    for (const row of rows) {
      const rowProperties = childOf(row, 'w:trPr');
      const isHeader = inHeader && onOff(rowProperties, 'w:tblHeader') === true;
      if (!isHeader) inHeader = false;
      const cantSplit = onOff(rowProperties, 'w:cantSplit') === true;
      let column = 0;
      let rowPt = 0;
      const rowBookmarks: string[] = [];
      for (const cell of elements(row, 'w:tc')) {
        const cellProperties = childOf(cell, 'w:tcPr');
        const span = numberAttr(childOf(cellProperties, 'w:gridSpan'), 'w:val') ?? 1;
        const gridWidth = grid.slice(column, column + span).reduce((a, b) => a + b, 0);
        const widthPt = (numberAttr(childOf(cellProperties, 'w:tcW'), 'w:w') ?? gridWidth * 20) / 20 || gridWidth || 100;
        column += span;
        // The cell's margins and a hairline border; in LibreOffice's layout (pdftotext -bbox) a row is its
        // margins, 0.5 pt and its paragraphs with every space after, the last one's too (a one-line 9 pt
        // Calibri row with 2.5 pt margins: 16.5 pt).
        const margins = childOf(cellProperties, 'w:tcMar') ?? cellMargins;
        const marginPt = (edge: string) => (numberAttr(childOf(margins, edge), 'w:w') ?? 0) / 20;
        let cellPt = marginPt('w:top') + marginPt('w:bottom') + 0.5;
        const innerPt = widthPt - (childOf(margins, 'w:left') || childOf(margins, 'w:right') ? marginPt('w:left') + marginPt('w:right') : 9);
        let previousAfter = 0;
        elements(cell, 'w:p').forEach((paragraph, i) => {
          const p = measure(paragraph, innerPt);
          cellPt += (i === 0 ? 0 : Math.max(0, p.beforePt - previousAfter)) + p.heightPt + p.afterPt;
          previousAfter = p.afterPt;
          rowBookmarks.push(...p.bookmarks);
        });
        rowPt = Math.max(rowPt, cellPt);
      }
      if (isHeader) headerPt += rowPt;
      const firstParagraph = childOf(childOf(row, 'w:tc'), 'w:p');
      const keepNext = !isHeader && onOff(childOf(firstParagraph, 'w:pPr'), 'w:keepNext') === true;
      const needed = rowPt + (keepNext ? 2 * bodyLinePt + 10 : 0);
      if (used > 0 && used + needed > geometry.heightPt) {
        const remaining = geometry.heightPt - used;
        if (cantSplit || keepNext || isHeader || remaining < 3 * bodyLinePt) {
          newPage();
          if (!isHeader) used += headerPt;
        } else {
          for (const name of rowBookmarks) if (!bookmarkPages.has(name)) bookmarkPages.set(name, page);
          let rest = rowPt - remaining;
          newPage();
          used += headerPt;
          while (used + rest > geometry.heightPt) {
            rest -= geometry.heightPt - used;
            newPage();
            used += headerPt;
          }
          used += rest;
          continue;
        }
      }
      for (const name of rowBookmarks) if (!bookmarkPages.has(name)) bookmarkPages.set(name, page);
      used += rowPt;
    }
    used += 4; // the paragraph spacing Word leaves after a table is the next paragraph's
    lastAfter = 0;
  };

  // The body's blocks in order, content controls (the table of contents) opened.
  const blocks: XmlNode[] = [];
  const collect = (block: XmlNode) => {
    if (block.name === 'w:sdt' || block.name === 'w:sdtContent' || block.name === 'w:customXml') {
      for (const inner of elements(block)) collect(inner);
    } else if (block.name === 'w:p' || block.name === 'w:tbl') blocks.push(block);
  };
  for (const block of elements(body)) collect(block);
  blocks.forEach((block, index) => {
    if (block.name === 'w:tbl') {
      placeTable(block);
      return;
    }
    placeParagraph(blocks, index);
    if (childOf(childOf(block, 'w:pPr'), 'w:sectPr')) {
      sectionIndex += 1;
      geometry = geometries[sectionIndex] ?? geometry;
      newPage();
    }
  });

  // A section break paragraph that ends the document adds no page of its own.
  return { bookmarkPages, pageCount: used === 0 && page > 1 ? page - 1 : page };
}
