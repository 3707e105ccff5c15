// Messages of one feature: The PDF export, printing, and the warm LibreOffice.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
  'pdf.cli.needsOutput': "''pejling export'' kræver --docx OUT.docx eller --pdf OUT.pdf (eller begge)",
  'pdf.cli.notPdf': "--pdf skal være en .pdf-fil, ikke ''{out}''",
  'pdf.cli.noLibreOffice': 'PDF-eksporten kræver LibreOffice, som ikke blev fundet (installér LibreOffice, eller sæt PEJLING_SOFFICE til soffice-programmet); der er ikke skrevet nogen fil',
  'pdf.cli.tagged': 'tagget PDF/UA',
  'pdf.menu.export': 'Eksportér PDF',
  'pdf.menu.exportHint': 'Tilgængelig PDF til hjemmesiden (PDF/UA, bogmærker, kontrollerede sidetal)',
  'pdf.exporting': 'Laver PDF … LibreOffice sætter dokumentet op og kontrollerer sidetallene',
  'pdf.exported': 'PDF gemt: {target}',
  'pdf.dialog.filter': 'PDF-dokument',
  'pdf.printing': 'Gør dokumentet klar til udskrift (PDF) …',
  'pdf.menu.exportFile': 'Eksportér PDF…',
  'pdf.menu.print': 'Udskriv…',
  'host.error.pdf-needs-libreoffice': 'PDF-eksporten kræver LibreOffice, som ikke er installeret på denne maskine. Word-eksporten virker uden.',
  'pdf.cli.verbose':
    'LibreOffice: {engine, select, warm {den varme proces (UNO)} other {et nyt soffice pr. opsætning}}, {layouts, plural, one {# opsætning} other {# opsætninger}}; Word-eksport {exportMs} ms, LibreOffice {layoutMs} ms{note, select, other { ({note})} none {}}',
  'pdf.phase.writing': 'skriver Word-dokumentet',
  'pdf.phase.laying-out': 'LibreOffice sætter dokumentet op',
  'pdf.phase.checking': 'kontrollerer indholdsfortegnelsens sidetal',
  'pdf.phase.writing-pdf': 'skriver PDF-filen',
  'pdf.progress.pdf': 'Laver PDF … {phase}',
  'pdf.progress.docx': 'Eksporterer Word-dokumentet … {phase}',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'pdf.cli.needsOutput': "''pejling export'' needs --docx OUT.docx or --pdf OUT.pdf (or both)",
  'pdf.cli.notPdf': "--pdf must name a .pdf file, not ''{out}''",
  'pdf.cli.noLibreOffice': 'the PDF export needs LibreOffice, which was not found (install LibreOffice, or set PEJLING_SOFFICE to the soffice program); no file was written',
  'pdf.cli.tagged': 'tagged PDF/UA',
  'pdf.menu.export': 'Export PDF',
  'pdf.menu.exportHint': 'Accessible PDF for the website (PDF/UA, bookmarks, verified page numbers)',
  'pdf.exporting': 'Making the PDF … LibreOffice lays the document out and checks the page numbers',
  'pdf.exported': 'PDF saved: {target}',
  'pdf.dialog.filter': 'PDF document',
  'pdf.printing': 'Preparing the document for printing (PDF) …',
  'pdf.menu.exportFile': 'Export PDF…',
  'pdf.menu.print': 'Print…',
  'host.error.pdf-needs-libreoffice': 'The PDF export needs LibreOffice, which is not installed on this machine. The Word export works without it.',
  'pdf.cli.verbose':
    'LibreOffice: {engine, select, warm {the warm process (UNO)} other {a fresh soffice per layout}}, {layouts, plural, one {# layout} other {# layouts}}; Word export {exportMs} ms, LibreOffice {layoutMs} ms{note, select, other { ({note})} none {}}',
  'pdf.phase.writing': 'writing the Word document',
  'pdf.phase.laying-out': 'LibreOffice is laying the document out',
  'pdf.phase.checking': 'checking the page numbers of the contents',
  'pdf.phase.writing-pdf': 'writing the PDF file',
  'pdf.progress.pdf': 'Making the PDF … {phase}',
  'pdf.progress.docx': 'Exporting the Word document … {phase}',
};
