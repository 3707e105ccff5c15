// Messages of one feature: Named versions, opening and restoring one, comparing two.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
  'versions.cli.none': '{file} har ingen gemte versioner',
  'versions.cli.header': 'Navn\tMilepæl\tForfatter\tTidspunkt',
  'versions.cli.count': '{count, plural, one {# version} other {# versioner}}',
  'versions.cli.unknown': "{file} har ingen version ved navn ''{name}''; versionerne er: {names}",
  'versions.cli.unknownNone': "{file} har ingen version ved navn ''{name}'': dokumentet har ingen gemte versioner",
  'versions.cli.notPejling': '{file}@{name}: kun et Pejling-dokument (.pejling) har versioner; {file} er en strategifil (JSON)',
  'versions.cli.unreadable': '{file}@{name} kan ikke læses: {reason}',
  'versions.cli.jsonHasNone': '{file} er en strategifil (JSON); kun et Pejling-dokument (.pejling) har versioner',
  'versions.cli.fileUnreadable': '{file} kan ikke læses: {reason}',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'versions.cli.none': '{file} has no saved versions',
  'versions.cli.header': 'Name\tMilestone\tAuthor\tTime',
  'versions.cli.count': '{count, plural, one {# version} other {# versions}}',
  'versions.cli.unknown': "{file} has no version named ''{name}''; the versions are: {names}",
  'versions.cli.unknownNone': "{file} has no version named ''{name}'': the document has no saved versions",
  'versions.cli.notPejling': '{file}@{name}: only a Pejling document (.pejling) has versions; {file} is a strategy file (JSON)',
  'versions.cli.unreadable': '{file}@{name} cannot be read: {reason}',
  'versions.cli.jsonHasNone': '{file} is a strategy file (JSON); only a Pejling document (.pejling) has versions',
  'versions.cli.fileUnreadable': '{file} cannot be read: {reason}',
};
