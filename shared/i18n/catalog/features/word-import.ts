// Messages of one feature: Importing a strategy from Word (.docx): the preview and the import report.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
  'host.error.word-import': '{problem}',
  'wordImport.untitled': 'Importeret strategi',
  'wordImport.unknownOrganisation': 'Organisation (ukendt)',
  'wordImport.report.vision': 'Vision: med {principles, plural, =0 {ingen principper} one {# princip} other {# principper}} og {bearings, plural, =0 {ingen pejlemærker} one {# pejlemærke} other {# pejlemærker}}',
  'wordImport.report.noVision': 'Ingen vision fundet: visionen er tom (giv en overskrift rollen "vision" for at hente den)',
  'wordImport.report.perspective': 'Perspektiv "{title}": {count, plural, =0 {ingen indsatsområder} one {# indsatsområde} other {# indsatsområder}}',
  'wordImport.report.hiddenPerspective': 'Uden perspektivniveau ("{title}"): {count, plural, =0 {ingen indsatsområder} one {# indsatsområde} other {# indsatsområder}}',
  'wordImport.report.focusArea': '  Indsatsområde "{title}": {goals, plural, =0 {ingen målsætninger} one {# målsætning} other {# målsætninger}}',
  'wordImport.report.section': 'Fri sektion "{title}" ({placement, select, beforeVision {før visionen} afterVision {efter visionen} afterPerspectives {efter perspektiverne} other {til sidst}})',
  'wordImport.report.plan': 'Handlingsplan "{title}": {count, plural, =0 {ingen initiativer} one {# initiativ} other {# initiativer}}',
  'wordImport.report.owners': '{count, plural, one {# ansvarlig} other {# ansvarlige}} oprettet: {names}',
  'wordImport.report.unmatchedFocusArea': 'Bemærk: initiativet "{initiative}" nævner indsatsområdet "{text}", som ikke findes i dokumentet',
  'wordImport.report.ignored': '{count, plural, one {# overskrift} other {# overskrifter}} udeladt med deres tekst: {titles}',
  'wordImport.report.setAside': 'Lagt til side: {cover} linjer forside, {toc} linjer indholdsfortegnelse, {page} sidehoved-/sidefodslinjer, {about} linjer "Om strategien" (brugt som dokumentets oplysninger)',
  'wordImport.error.not-docx': '{file} er ikke et Word-dokument (.docx)',
  'wordImport.error.truncated': '{file} er beskadiget eller ufuldstændig (Word-filen slutter for tidligt)',
  'wordImport.error.encrypted': '{file} er beskyttet med adgangskode; åbn den i Word, fjern adgangskoden og importér igen',
  'wordImport.error.legacy-doc': '{file} er et gammelt Word 97–2003-dokument (.doc); gem det som .docx i Word og importér det',
  'wordImport.error.empty': '{file} er tom',
  'wordImport.error.too-large': '{file} er for stor til at blive importeret',
  'wordImport.error.invalid': 'Importen af {file} gav ikke en gyldig strategi: {problem}',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'host.error.word-import': '{problem}',
  'wordImport.untitled': 'Imported strategy',
  'wordImport.unknownOrganisation': 'Organisation (unknown)',
  'wordImport.report.vision': 'Vision: with {principles, plural, =0 {no principles} one {# principle} other {# principles}} and {bearings, plural, =0 {no bearings} one {# bearing} other {# bearings}}',
  'wordImport.report.noVision': 'No vision found: the vision is empty (give a heading the role "vision" to take it in)',
  'wordImport.report.perspective': 'Perspective "{title}": {count, plural, =0 {no focus areas} one {# focus area} other {# focus areas}}',
  'wordImport.report.hiddenPerspective': 'Without a perspective level ("{title}"): {count, plural, =0 {no focus areas} one {# focus area} other {# focus areas}}',
  'wordImport.report.focusArea': '  Focus area "{title}": {goals, plural, =0 {no goals} one {# goal} other {# goals}}',
  'wordImport.report.section': 'Free section "{title}" ({placement, select, beforeVision {before the vision} afterVision {after the vision} afterPerspectives {after the perspectives} other {at the end}})',
  'wordImport.report.plan': 'Action plan "{title}": {count, plural, =0 {no initiatives} one {# initiative} other {# initiatives}}',
  'wordImport.report.owners': '{count, plural, one {# owner} other {# owners}} created: {names}',
  'wordImport.report.unmatchedFocusArea': 'Note: the initiative "{initiative}" names the focus area "{text}", which the document does not have',
  'wordImport.report.ignored': '{count, plural, one {# heading} other {# headings}} left out with their text: {titles}',
  'wordImport.report.setAside': 'Set aside: {cover} cover lines, {toc} table-of-contents lines, {page} page header/footer lines, {about} "About the strategy" lines (used as the document\'s details)',
  'wordImport.error.not-docx': '{file} is not a Word document (.docx)',
  'wordImport.error.truncated': '{file} is damaged or incomplete (the Word file ends too early)',
  'wordImport.error.encrypted': '{file} is password-protected; open it in Word, remove the password and import it again',
  'wordImport.error.legacy-doc': '{file} is an old Word 97–2003 document (.doc); save it as .docx in Word and import that',
  'wordImport.error.empty': '{file} is empty',
  'wordImport.error.too-large': '{file} is too large to import',
  'wordImport.error.invalid': 'Importing {file} did not give a valid strategy: {problem}',
};
