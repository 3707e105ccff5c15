// Messages of one feature: the first hour's polish (issue 19): date fields, the start screen's entries.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
  'firstHour.datePlaceholder': 'dd.mm.åååå',
  'firstHour.dateInvalid': 'Skriv en dato, der findes, som dd.mm.åååå, fx 15.12.2011.',
  'firstHour.dateRequired': 'Skriv datoen som dd.mm.åååå, fx 15.12.2011.',
  'firstHour.copyMark': '(kopi)',
  'firstHour.origin.example': 'Kopi af eksemplet, lavet {when}',
  'firstHour.origin.json': 'Importeret fra {source} {when}',
  'firstHour.origin.file': 'Åbnet fra filen {source} {when}',
  'firstHour.origin.template': 'Oprettet {when}',
  'firstHour.openBy': 'Åben hos {names}',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'firstHour.datePlaceholder': 'dd/mm/yyyy',
  'firstHour.dateInvalid': 'Enter a date that exists as dd/mm/yyyy, e.g. 15/12/2011.',
  'firstHour.dateRequired': 'Enter the date as dd/mm/yyyy, e.g. 15/12/2011.',
  'firstHour.copyMark': '(copy)',
  'firstHour.origin.example': 'Copy of the example, made {when}',
  'firstHour.origin.json': 'Imported from {source} {when}',
  'firstHour.origin.file': 'Opened from the file {source} {when}',
  'firstHour.origin.template': 'Created {when}',
  'firstHour.openBy': 'Open with {names}',
};
