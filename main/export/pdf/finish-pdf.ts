// The PDF of an export: the layout pass keeps the tagged PDF of its verifying conversion (the very
// document whose table of contents it checked); where there was none (a part without a table of contents,
// the page numbers estimated, or the numbers not confirmed within the passes) the final .docx is
// converted once more with the same filter. A PDF needs LibreOffice: without it this is an error, never
// a PDF from some other renderer with other page breaks.
import { convertDocxToPdf, findSoffice } from '../libreoffice';
import type { LayoutExportResult } from '../layout-pass';
import { officeFor } from '../office/shared-office';
import { TAGGED_PDF_FILTER } from './pdf-filter';

export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

export async function finishPdf<R extends LayoutExportResult>(result: R, soffice?: string): Promise<R & { pdf: Uint8Array }> {
  if (result.pdf) return { ...result, pdf: result.pdf };
  const program = soffice ?? (await findSoffice());
  if (!program) throw new PdfUnavailableError('LibreOffice (soffice) was not found; the PDF export needs it');
  const office = await officeFor(program);
  if (office) {
    try {
      const laid = await office.layout({ docx: result.bytes, toc: false, pdf: true });
      if (laid.pdf) return { ...result, passes: result.passes + 1, pdf: laid.pdf };
    } catch {
      /* the one-shot soffice below */
    }
  }
  const pdf = await convertDocxToPdf(result.bytes, program, undefined, TAGGED_PDF_FILTER);
  return { ...result, passes: result.passes + 1, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
}
