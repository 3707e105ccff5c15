// The filter soffice is given for a publishable PDF: LibreOffice's writer_pdf_Export with tagging and
// PDF/UA (issue 16: webtilgængelighedsloven asks for accessible PDFs). The options are the filter's own
// property names, passed as JSON (soffice 7.4+ reads `pdf:writer_pdf_Export:{…}` on --convert-to).
// With PDFUACompliance LibreOffice also writes the document language (/Lang from the text's language,
// da-DK or en-GB in our .docx), DisplayDocTitle (the viewer shows the title, from the core properties)
// and embeds every font, the standard 14 included. Tagging does not change the layout: the outline's
// pages of a tagged conversion are the ones the layout pass verifies the table of contents against.
const options = {
  UseTaggedPDF: { type: 'boolean', value: 'true' },
  PDFUACompliance: { type: 'boolean', value: 'true' },
  ExportBookmarks: { type: 'boolean', value: 'true' },
  EmbedStandardFonts: { type: 'boolean', value: 'true' },
  // Headings down to level 3 open in the bookmark pane, as in the table of contents.
  OpenBookmarkLevels: { type: 'long', value: '3' },
} as const;

export const TAGGED_PDF_FILTER = `pdf:writer_pdf_Export:${JSON.stringify(options)}`;

/** The same options as plain values, the filter data the warm LibreOffice's UNO bridge gives the filter (../office/warm-office.ts). */
export const TAGGED_PDF_OPTIONS: Record<string, boolean | number> = Object.fromEntries(
  Object.entries(options).map(([name, option]) => [name, option.type === 'boolean' ? option.value === 'true' : Number(option.value)]),
);
