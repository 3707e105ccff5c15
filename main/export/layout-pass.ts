// The table of contents' page numbers from a real layout. The export is written once with the
// quick estimate, LibreOffice lays it out (PDF), the headings' pages are read from the PDF's
// outline, and the document is written again with those numbers; the result is laid out once
// more to check that writing the numbers moved nothing (convergence). Without LibreOffice,
// docx's Word-like layout estimate fills them. Only estimated numbers ask Word to renumber on opening (w:updateFields).
//
// With the warm LibreOffice (./office/, issue 16) the layout is one load: the bridge reads the entries' pages
// from the layout and, where the estimate was wrong, writes the laid-out pages into the loaded document and
// reads again (that second layout is the check, of the very text the final .docx carries), so the
// document is exported twice and laid out once. Without Python's uno module it is the one-shot soffice
// below: a PDF per layout, the pages read from its outline.
import {
  exportDocxDetailed,
  type DocxExport,
  type ExportDocxOptions,
} from '../../shared/export/docx/export-docx';
import type { LayoutPages } from '../../shared/export/docx/page-numbers';
import type { StrategyFile } from '../../shared/format/schema';
import { convertDocxToPdf, findSoffice, LibreOfficeError } from './libreoffice';
import type { ExportPhase } from './office/office-port';
import { officeFor } from './office/shared-office';
import { withLaidOutPages } from './page-number-patch';
import type { Office, OfficeLayoutResult } from './office/warm-office';
import { TAGGED_PDF_FILTER } from './pdf/pdf-filter';
import { readPdfOutline, type PdfOutline } from './pdf-outline';
import { withoutFieldUpdate } from '../../shared/export/docx/field-update';

/**
 * 'auto': LibreOffice when installed, else 'estimate'. 'estimate': docx's Word-like layout
 * estimate (accurate, seconds on a very large document). 'quick': the rough estimate (milliseconds).
 */
export type PageNumberMode = 'auto' | 'libreoffice' | 'estimate' | 'quick';

export interface LayoutExportOptions extends Omit<ExportDocxOptions, 'layout'> {
  pageNumbers?: PageNumberMode;
  /** soffice to use (found on the host when absent). */
  soffice?: string;
  /** Layout passes at most (each is one LibreOffice conversion). */
  maxPasses?: number;
  /** The tagged PDF is wanted too: the layout conversions write it, and the verified one is kept (`pdf`). */
  pdf?: boolean;
  /** The warm LibreOffice to lay out with (this process's, ./office/shared-office.ts, when absent); null: the one-shot soffice. */
  office?: Office | null;
  /** The export's phases as they start (the app shows them in the export's toast). */
  onPhase?: (phase: ExportPhase) => void;
}

/** How LibreOffice was run: the warm process through UNO, or a fresh `soffice --convert-to` per layout. */
export type LayoutEngine = 'warm' | 'one-shot';

export interface LayoutExportResult extends DocxExport {
  /** LibreOffice conversions run. */
  passes: number;
  /** True when the last layout confirmed the numbers written (always false for an estimate). */
  verified: boolean;
  /** Why the estimate was used in 'auto' mode, if it was. */
  fallbackReason?: string;
  timings: { exportMs: number; layoutMs: number };
  /** With `pdf`: the tagged PDF of the very document in `bytes`, when the last layout verified its numbers. */
  pdf?: Uint8Array;
  /** Which LibreOffice laid it out (absent when none did). */
  engine?: LayoutEngine;
  /** Why the one-shot soffice was used although the warm one was tried. */
  engineNote?: string;
  /** With the warm LibreOffice: true when the first layout already confirmed the estimate (one layout). */
  agreedFirst?: boolean;
}

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Heading pages from a PDF outline, matched to the export's headings in order. LibreOffice puts
 * the heading number in front of the title ("2.1 Title"), so a title matches when it ends the entry.
 * A redline (`laidOut`) has heading paragraphs that are no heading of the new strategy: removed ones,
 * which LibreOffice (7.4) still lists in the outline, struck through, and renamed ones, listed with
 * their deleted words. They are matched in their place so that they take no other heading's entry
 * (a moved focus area has the same title twice), and only the pages of the others are kept.
 */
export function headingPagesFromOutline(outline: PdfOutline, headings: DocxExport['headings'], laidOut?: DocxExport['laidOut']): LayoutPages {
  const pages: number[] = [];
  let at = 0;
  const find = (title: string, from: number) => {
    let i = from;
    while (i < outline.entries.length && !normalise(outline.entries[i]?.title ?? '').endsWith(title)) i++;
    return i;
  };
  const paragraphs = laidOut ?? headings.map((heading) => ({ shown: heading.title, deleted: false }));
  let next = 0;
  for (const paragraph of paragraphs) {
    const heading = paragraph.deleted ? undefined : headings[next++];
    let i = find(normalise(paragraph.shown), at);
    // A renamed heading may be listed with its new title only.
    if (heading && i >= outline.entries.length) i = find(normalise(heading.title), at);
    const entry = outline.entries[i];
    if (paragraph.deleted) {
      // Not listed (another layout may leave removed text out): nothing to skip.
      if (entry) at = i + 1;
      continue;
    }
    if (!entry || entry.page < 1) {
      throw new Error(`the laid-out document has no heading '${heading?.title ?? paragraph.shown}' in its outline`);
    }
    pages.push(entry.page);
    at = i + 1;
  }
  if (pages.length !== headings.length) throw new Error(`matched ${pages.length} of ${headings.length} headings in the laid-out outline`);
  return { headingPages: pages, pageCount: outline.pageCount };
}

function samePages(result: DocxExport, layout: LayoutPages): boolean {
  return result.pageCount === layout.pageCount && layout.headingPages.every((page, i) => result.headings[i]?.page === page);
}

export async function exportDocxWithLayout(strategy: StrategyFile, options: LayoutExportOptions): Promise<LayoutExportResult> {
  const mode = options.pageNumbers ?? 'auto';
  const started = performance.now();
  options.onPhase?.('writing');
  const estimate = mode === 'quick' || mode === 'auto' || mode === 'libreoffice' ? 'quick' : 'docx-layout';
  let result = await exportDocxDetailed(strategy, { ...options, estimate });
  let exportMs = performance.now() - started;
  const done = (extra: Partial<LayoutExportResult>, layoutMs = 0): LayoutExportResult => ({
    ...result,
    passes: 0,
    verified: false,
    ...extra,
    timings: { exportMs: Math.round(exportMs), layoutMs: Math.round(layoutMs) },
  });
  // Only a table of contents needs page numbers from a layout; PAGE and NUMPAGES in the footers
  // are computed by every reader itself.
  if (mode === 'estimate' || mode === 'quick' || !result.hasContents) return done({});

  const withEstimate = async (fallbackReason: string, layoutMs: number, passes: number) => {
    const exportStart = performance.now();
    result = await exportDocxDetailed(strategy, { ...options, estimate: 'docx-layout' });
    exportMs += performance.now() - exportStart;
    return done({ passes, fallbackReason }, layoutMs);
  };

  const soffice = options.soffice ?? (await findSoffice());
  if (!soffice) {
    if (mode === 'libreoffice') throw new Error('LibreOffice (soffice) was not found; install it or use the page-number estimate');
    return withEstimate('LibreOffice is not installed', 0, 0);
  }

  const maxPasses = Math.max(1, options.maxPasses ?? 3);
  let engineNote: string | undefined;
  const office = options.office === undefined ? await officeFor(soffice) : (options.office ?? undefined);
  if (office) {
    const layoutStart = performance.now();
    try {
      const warm = await layoutWarm(strategy, options, result, office, maxPasses);
      exportMs += warm.exportMs;
      result = warm.result;
      const verified = warm.laid.verified === true;
      // Verified: the document need not ask Word to renumber on opening (docs/export.md, "Updating fields").
      if (verified) result = { ...result, bytes: await withoutFieldUpdate(result.bytes) };
      return done(
        {
          passes: warm.laid.passes,
          verified,
          engine: 'warm',
          agreedFirst: warm.laid.agreedFirst === true,
          ...(verified ? { pageSource: 'measured' as const } : {}),
          ...(verified && warm.laid.pdf ? { pdf: warm.laid.pdf } : {}),
        },
        warm.officeMs,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // A conversion that timed out would time out again in a fresh soffice: no second try.
      if (error instanceof LibreOfficeError && /did not finish within/.test(reason)) {
        if (mode === 'libreoffice') throw error;
        return withEstimate(`LibreOffice layout failed: ${reason}`, performance.now() - layoutStart, 0);
      }
      engineNote = `the warm LibreOffice failed (${reason}); used a one-shot soffice`;
    }
  }
  let passes = 0;
  let layoutMs = 0;
  const oneShot = { engine: 'one-shot' as const, ...(engineNote ? { engineNote } : {}) };
  options.onPhase?.('laying-out');
  try {
    while (passes < maxPasses) {
      const layoutStart = performance.now();
      const pdf = await convertDocxToPdf(result.bytes, soffice, undefined, options.pdf ? TAGGED_PDF_FILTER : undefined);
      const layout = headingPagesFromOutline(readPdfOutline(pdf), result.headings, result.laidOut);
      passes += 1;
      layoutMs += performance.now() - layoutStart;
      // The numbers written are where LibreOffice put the headings: done (when the estimate was
      // already right, its document is the measured one).
      // Verified: the document need not ask Word to renumber on opening (docs/export.md, "Updating fields").
      if (samePages(result, layout)) result = { ...result, bytes: await withoutFieldUpdate(result.bytes) };
      if (samePages(result, layout)) return done({ passes, verified: true, pageSource: 'measured', ...oneShot, ...(options.pdf ? { pdf } : {}) }, layoutMs);
      options.onPhase?.('checking');
      const exportStart = performance.now();
      const previous = result;
      result = await withLaidOutPages(previous, layout, options).catch(() => exportDocxDetailed(strategy, { ...options, layout }));
      exportMs += performance.now() - exportStart;
    }
    // Out of passes: the numbers are the last layout's, not confirmed by another one.
    return done({ passes, verified: false, ...oneShot }, layoutMs);
  } catch (error) {
    if (mode === 'libreoffice') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return withEstimate(`LibreOffice layout failed: ${reason}`, layoutMs, passes);
  }
}

/**
 * One load in the warm LibreOffice: the entries' pages as laid out (checked in place where the estimate was
 * wrong), then written into the .docx while LibreOffice writes the PDF. `exportMs` is the time of that
 * rewrite (it overlaps with the PDF's).
 */
async function layoutWarm(
  strategy: StrategyFile,
  options: LayoutExportOptions,
  first: DocxExport,
  office: Office,
  maxPasses: number,
): Promise<{ result: DocxExport; laid: OfficeLayoutResult; exportMs: number; officeMs: number }> {
  let second: Promise<{ result: DocxExport; ms: number }> | undefined;
  const rewrite = (layout: LayoutPages) => {
    if (!second) {
      const started = performance.now();
      // The laid-out digits written into the first export (./page-number-patch.ts); a full export again if that fails.
      second = withLaidOutPages(first, layout, options)
        .catch(() => exportDocxDetailed(strategy, { ...options, layout }))
        .then((result) => ({ result, ms: performance.now() - started }));
      second.catch(() => undefined);
    }
    return second;
  };
  const needsRewrite = (pages: number[], pageCount: number) => !samePages(first, { headingPages: pages, pageCount });
  const officeStart = performance.now();
  const laid = await office.layout(
    { docx: first.bytes, toc: true, maxPasses, ...(options.pdf ? { pdf: true } : {}) },
    {
      onPhase: (phase) => {
        if (phase !== 'restarting') options.onPhase?.(phase);
      },
      onPages: (layout) => {
        if (layout.headingPages && needsRewrite(layout.headingPages, layout.pageCount)) void rewrite({ headingPages: layout.headingPages, pageCount: layout.pageCount });
      },
    },
  );
  const officeMs = performance.now() - officeStart;
  const pages = laid.headingPages ?? [];
  const written = laid.writtenPages ?? [];
  // The entries LibreOffice read must be this export's headings, with the numbers this export wrote.
  if (pages.length !== first.headings.length || written.some((page, i) => first.headings[i]?.page !== page)) {
    throw new Error(`the table of contents as laid out (${pages.length} entries) does not match the export's ${first.headings.length} headings`);
  }
  if (!needsRewrite(pages, laid.pageCount)) {
    // The estimate was right: the same document, without asking Word to renumber (the numbers are measured now).
    const bytes = laid.verified && options.updateFields !== true ? await withoutFieldUpdate(first.bytes) : first.bytes;
    return { result: { ...first, bytes }, laid, exportMs: 0, officeMs };
  }
  const { result, ms } = await rewrite({ headingPages: pages, pageCount: laid.pageCount });
  return { result, laid, exportMs: ms, officeMs };
}
