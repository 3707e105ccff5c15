// The Word export itself, on the calling thread: resolves the house style (the request's, else the
// document's meta.style, else the fallback), loads it, and exports with the table of contents' page
// numbers from LibreOffice when it is installed (see ./layout-pass.ts). The host and the CLI call
// ./export-document.ts, which runs this in a worker thread (./export-worker.ts) so the event loop
// stays free; this module is what the worker runs.
import type { ExportPart, RedlineOptions } from '../../shared/export/docx/export-docx';
import type { StrategyFile } from '../../shared/format/schema';
import { exportDocxWithLayout, type LayoutExportResult, type PageNumberMode } from './layout-pass';
import type { ExportPhase } from './office/office-port';
import { finishPdf } from './pdf/finish-pdf';
import { DEFAULT_STYLES_DIR, FALLBACK_STYLE, listHouseStyles, loadHouseStyle } from './styles';

export interface ExportRequest {
  part: ExportPart;
  /** House style name; the document's own (meta.style) when absent. */
  style?: string;
  /** Status report date (YYYY-MM-DD). */
  asOf?: string;
  pageNumbers?: PageNumberMode;
  stylesDir?: string;
  now?: Date;
  /** A redline: the strategy's differences from `compare.old` as tracked changes (whole strategy only). */
  compare?: RedlineOptions;
  /** The consultation copy: open comment threads as Word comments. */
  comments?: boolean;
  /** "Med forslag": pending suggestions as Word tracked changes (else the published text). */
  suggestions?: boolean;
  /** Also the tagged PDF (result.pdf) of the same document, laid out by LibreOffice (./pdf/finish-pdf.ts). */
  pdf?: boolean;
}

export interface ExportResult extends LayoutExportResult {
  styleName: string;
  /** The document's own house style when it is not installed here (and the fallback was used). */
  missingDocumentStyle?: string;
}

export async function exportStrategyDocumentInProcess(strategy: StrategyFile, request: ExportRequest, onPhase?: (phase: ExportPhase) => void): Promise<ExportResult> {
  const dir = request.stylesDir ?? DEFAULT_STYLES_DIR;
  let missingDocumentStyle: string | undefined;
  let styleName = request.style ?? strategy.meta.style ?? FALLBACK_STYLE;
  if (request.style === undefined && strategy.meta.style !== undefined) {
    // The document's own choice may name a style this installation lacks: fall back, and say so.
    const known = await listHouseStyles(dir);
    if (!known.includes(strategy.meta.style)) {
      missingDocumentStyle = strategy.meta.style;
      styleName = FALLBACK_STYLE;
    }
  }
  const { style, logo } = await loadHouseStyle(styleName, dir);
  const result = await exportDocxWithLayout(strategy, {
    part: request.part,
    style,
    ...(logo ? { logo } : {}),
    ...(request.asOf ? { asOf: request.asOf } : {}),
    ...(request.now ? { now: request.now } : {}),
    ...(request.compare ? { compare: request.compare } : {}),
    pageNumbers: request.pageNumbers ?? 'auto',
    ...(request.comments ? { comments: true } : {}),
    ...(request.suggestions ? { suggestions: true } : {}),
    ...(request.pdf ? { pdf: true } : {}),
    ...(onPhase ? { onPhase } : {}),
  });
  if (request.pdf && !result.pdf) onPhase?.('writing-pdf');
  if (request.pdf) return { ...(await finishPdf(result)), styleName, ...(missingDocumentStyle ? { missingDocumentStyle } : {}) };
  return { ...result, styleName, ...(missingDocumentStyle ? { missingDocumentStyle } : {}) };
}
