// Messages of one feature: pending suggestions in the interchange format, in `pejling check` and in the
// Word export ("Eksportér Word med forslag"). Same ICU syntax as ../da.ts; the Danish object names the keys,
// the English one must have exactly the same. Keys start with the feature's prefix.

/** Danish. */
export const da = {
  'suggestionsExport.format.needsVersion3': 'forslag kræver "formatVersion": {version}',
  'suggestionsExport.format.markNeedsId': 'et forslag ({type}) skal have et id',
  'suggestionsExport.format.duplicate': 'forslaget {id} står her igen (første gang ved {earlier}); et forslags id bruges kun én gang',
  'suggestionsExport.format.markUnknown':
    '{versioned, select, yes {forslaget {id} ({type}) står ikke i /suggestions, der siger hvem der har foreslået det og hvornår} other {forslaget {id} ({type}) kræver "formatVersion": 3 og en post i /suggestions med forfatter og tidspunkt}}',
  'suggestionsExport.check.pending': '{field} {where} har {count, plural, one {# ventende forslag} other {# ventende forslag}} fra {authors}.',
  'suggestionsExport.format.targetMissing': 'peger ikke på noget element: {id} (brug id\'et på et element i filen, eller "{meta}" for forsidens felter)',
  'suggestionsExport.format.fieldUnknown': '{id} har intet tekstfelt {field}, der kan foreslås ny tekst til; dets tekstfelter er {fields}',
  'suggestionsExport.check.unknownAuthor': 'en ukendt forfatter',
  'suggestionsExport.field.title': 'Titlen',
  'suggestionsExport.field.organisation': 'Organisationen',
  'suggestionsExport.field.version': 'Versionen',
  'suggestionsExport.field.preparedBy': 'Feltet »Udarbejdet af«',
  'suggestionsExport.field.commissionedBy': 'Feltet »Bestilt af«',
  'suggestionsExport.field.contact': 'Kontakten',
  'suggestionsExport.field.name': 'Navnet',
  'suggestionsExport.field.email': 'E-mailadressen',
  'suggestionsExport.field.businessCaseBenefit': 'Gevinsten',
  'suggestionsExport.field.budgetSource': 'Finansieringen',
  // The finding's label in Tjek (renderer/src/plans/ChecksView.tsx reads the `plans.code.` keys).
  'plans.code.pending-suggestions': 'Ventende forslag',
  'suggestionsExport.menu.docx': 'Eksportér Word med forslag',
  'suggestionsExport.menu.docxHint': 'Ventende forslag som sporede ændringer, der kan accepteres eller afvises i Word',
  'suggestionsExport.fileName': 'med forslag',
  'suggestionsExport.cli.notWithCompare': '--suggestions kan ikke bruges sammen med --compare-with: en sammenligning viser den offentliggjorte tekst',
  'suggestionsExport.cli.notWithPdf': '--suggestions gælder kun Word-dokumentet: en PDF viser altid teksten uden ventende forslag',
  'suggestionsExport.cli.written': 'Skrev {count, plural, one {# ventende forslag} other {# ventende forslag}} som sporede ændringer',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'suggestionsExport.format.needsVersion3': 'suggestions need "formatVersion": {version}',
  'suggestionsExport.format.markNeedsId': 'a suggestion ({type}) needs an id',
  'suggestionsExport.format.duplicate': 'the suggestion {id} is here again (first at {earlier}); a suggestion\'s id is used once',
  'suggestionsExport.format.markUnknown':
    '{versioned, select, yes {the suggestion {id} ({type}) is not in /suggestions, which says who suggested it and when} other {the suggestion {id} ({type}) needs "formatVersion": 3 and an entry in /suggestions with its author and time}}',
  'suggestionsExport.check.pending': '{field} {where} has {count, plural, one {# pending suggestion} other {# pending suggestions}} by {authors}.',
  'suggestionsExport.format.targetMissing': 'names no item: {id} (use the id of an item in the file, or "{meta}" for the cover\'s fields)',
  'suggestionsExport.format.fieldUnknown': '{id} has no text field {field} to suggest a new text for; its text fields are {fields}',
  'suggestionsExport.check.unknownAuthor': 'an unknown author',
  'suggestionsExport.field.title': 'The title',
  'suggestionsExport.field.organisation': 'The organisation',
  'suggestionsExport.field.version': 'The version',
  'suggestionsExport.field.preparedBy': 'The field "Prepared by"',
  'suggestionsExport.field.commissionedBy': 'The field "Commissioned by"',
  'suggestionsExport.field.contact': 'The contact',
  'suggestionsExport.field.name': 'The name',
  'suggestionsExport.field.email': 'The email address',
  'suggestionsExport.field.businessCaseBenefit': 'The benefit',
  'suggestionsExport.field.budgetSource': 'The funding',
  'plans.code.pending-suggestions': 'Pending suggestions',
  'suggestionsExport.menu.docx': 'Export Word with suggestions',
  'suggestionsExport.menu.docxHint': 'Pending suggestions as tracked changes that can be accepted or rejected in Word',
  'suggestionsExport.fileName': 'with suggestions',
  'suggestionsExport.cli.notWithCompare': '--suggestions cannot be used with --compare-with: a comparison shows the published text',
  'suggestionsExport.cli.notWithPdf': '--suggestions applies to the Word document only: a PDF always shows the text without pending suggestions',
  'suggestionsExport.cli.written': 'Wrote {count, plural, one {# pending suggestion} other {# pending suggestions}} as tracked changes',
};
