// Whether Word updates the document's fields when it opens it (w:updateFields in word/settings.xml).
// Word then asks the user every time ("This document contains fields that may refer to other files…"), so
// the export asks for it only where its page numbers are estimates; a document whose numbers a
// LibreOffice layout has confirmed opens without the question (docs/export.md, "Updating fields").
import JSZip from 'jszip';

const SETTINGS = 'word/settings.xml';
const UPDATE_FIELDS = /<w:updateFields(?:\s[^>]*)?\/>/;

/**
 * The same .docx without the request to update fields: for a document written with estimated numbers that
 * a layout then confirmed (the estimate was right), so it need not be written again.
 */
export async function withoutFieldUpdate(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const settings = await zip.file(SETTINGS)?.async('string');
  if (settings === undefined || !UPDATE_FIELDS.test(settings)) return bytes;
  zip.file(SETTINGS, settings.replace(new RegExp(UPDATE_FIELDS.source, 'g'), ''));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
