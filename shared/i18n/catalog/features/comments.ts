// Messages of one feature: Comments and the consultation round (threads, the comments panel, Word comments).
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
  // Interchange format v2, Word comments and the check (helper cmtio's half):
  'comments.format.needsVersion2': 'kommentartråde kræver "formatVersion": 2',
  'comments.format.targetMissing': 'peger ikke på noget element: {id} (brug id\'et på et element i filen, eller "{vision}")',
  'comments.format.theVision': 'visionen',
  'comments.format.fieldUnknown': '{what} ({id}) har intet felt {field}; dets felter er {fields}',
  'comments.format.dateTimeForm': 'skal være dato og klokkeslæt efter ISO 8601 med tidszone, fx 2026-03-02T14:05:00+01:00 eller 2026-03-02T13:05:00Z (fandt {value})',
  'comments.format.impossibleMoment': '{value} er ikke et tidspunkt, der findes (dagen findes ikke)',
  'comments.import.quoteMissing': 'det citerede »{quote}« findes ikke i feltet; tråden står på feltet i stedet',
  'comments.import.fieldNotRich': 'feltet {field} har ingen formateret tekst at markere; tråden står på feltet',
  'comments.export.fieldUnknown': 'tråden {id} står på feltet {field}, som formatet ikke kender; den er skrevet på elementet',
  'comments.check.unresolved': 'En kommentartråd om {where} er ikke løst: »{text}« ({author}).',
  'comments.check.unresolvedQuote': 'En kommentartråd om »{quote}« i {where} er ikke løst: »{text}« ({author}).',
  'comments.check.noText': '(ingen tekst)',
  'comments.word.unanchored': '{count, plural, one {# åben kommentartråd} other {# åbne kommentartråde}} står på noget, som denne del af dokumentet ikke viser, og er ikke med: {ids}',
  'comments.menu.consultation': 'Høringsudgave med kommentarer',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  // Interchange format v2, Word comments and the check (helper cmtio's half):
  'comments.format.needsVersion2': 'comment threads need "formatVersion": 2',
  'comments.format.targetMissing': 'names no item: {id} (use the id of an item in the file, or "{vision}")',
  'comments.format.theVision': 'the vision',
  'comments.format.fieldUnknown': '{what} ({id}) has no field {field}; its fields are {fields}',
  'comments.format.dateTimeForm': 'must be a date and time in ISO 8601 with a time zone, e.g. 2026-03-02T14:05:00+01:00 or 2026-03-02T13:05:00Z (found {value})',
  'comments.format.impossibleMoment': '{value} is not a moment that exists (the day does not exist)',
  'comments.import.quoteMissing': 'the quoted "{quote}" is not in the field; the thread is on the field instead',
  'comments.import.fieldNotRich': 'the field {field} has no formatted text to mark; the thread is on the field',
  'comments.export.fieldUnknown': 'the thread {id} is on the field {field}, which the format does not know; it is written on the item',
  'comments.check.unresolved': 'A comment thread on {where} is not resolved: "{text}" ({author}).',
  'comments.check.unresolvedQuote': 'A comment thread on "{quote}" in {where} is not resolved: "{text}" ({author}).',
  'comments.check.noText': '(no text)',
  'comments.word.unanchored': '{count, plural, one {# open comment thread is} other {# open comment threads are}} on something this part of the document does not show, and left out: {ids}',
  'comments.menu.consultation': 'Consultation copy with comments',
} as const satisfies Record<string, string>;
