// Messages of one feature: Publishing: guidance placeholders, logo, house style, images, layout options.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
  // The template-text finding (shared/check/template-text.ts)
  'publishing.check.templateText': '{field} {where} er stadig skabelonens hjælpetekst: »{text}«. Skriv jeres egen tekst, eller slet den.',
  'publishing.field.subtitle': 'Undertitlen',
  'publishing.field.statement': 'Visionsteksten',
  'publishing.field.body': 'Teksten',
  'publishing.field.intro': 'Indledningen',
  'publishing.field.text': 'Målsætningen',
  'publishing.field.description': 'Beskrivelsen',
  'publishing.where.meta': 'på forsiden',
  'publishing.where.vision': 'i visionen',
  'publishing.where.item': 'i {item}',
  // The export's confirm step (renderer/src/doc/ExportMenu.tsx)
  'publishing.confirm.title': 'Dokumentet indeholder stadig hjælpetekst',
  'publishing.confirm.intro':
    '{count, plural, one {# felt indeholder} other {# felter indeholder}} stadig skabelonens hjælpetekst, som vil stå i det udgivne dokument:',
  'publishing.confirm.more': '… og {count, plural, one {# felt mere} other {# felter mere}}. Se dem alle under Tjek.',
  'publishing.confirm.export': 'Eksportér alligevel',
  'publishing.confirm.cancel': 'Annullér',
  // The house style choice (renderer/src/views/edit/HouseStyleField.tsx)
  'publishing.style.label': 'Husstil i Word',
  'publishing.style.missing': '{name} (ikke installeret her)',
  // The cover's own logo (renderer/src/views/edit/LogoField.tsx)
  'publishing.logo.label': 'Logo på forsiden',
  'publishing.logo.none': 'Intet eget logo. Uden et logo viser forsiden kun husstilens mærke som pynt: det præsenteres ikke som jeres logo.',
  'publishing.logo.current': 'Alternativ tekst: {alt}',
  'publishing.logo.choose': 'Vælg logo',
  'publishing.logo.change': 'Skift logo',
  'publishing.logo.remove': 'Fjern logo',
  'publishing.logo.save': 'Gem logo',
  'publishing.logo.cancel': 'Annullér',
  'publishing.logo.file': 'Logofil (PNG, SVG eller JPEG, højst {limit, number} MB)',
  'publishing.logo.alt': 'Alternativ tekst til logoet',
  'publishing.logo.altHint': 'Skal udfyldes: den læses op for dem, der ikke kan se logoet, i Word og i PDF.',
  'publishing.logo.organisation': 'Kommunen',
  'publishing.logo.saved': 'Logoet er gemt på forsiden.',
  'publishing.logo.removed': 'Logoet er fjernet fra forsiden.',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'publishing.check.templateText': '{field} {where} is still the template’s guidance: “{text}”. Write your own text, or delete it.',
  'publishing.field.subtitle': 'The subtitle',
  'publishing.field.statement': 'The vision statement',
  'publishing.field.body': 'The text',
  'publishing.field.intro': 'The introduction',
  'publishing.field.text': 'The goal',
  'publishing.field.description': 'The description',
  'publishing.where.meta': 'on the cover',
  'publishing.where.vision': 'of the vision',
  'publishing.where.item': 'of {item}',
  'publishing.confirm.title': 'The document still contains guidance text',
  'publishing.confirm.intro':
    '{count, plural, one {# field still holds} other {# fields still hold}} the template’s guidance, which will appear in the published document:',
  'publishing.confirm.more': '… and {count, plural, one {# more field} other {# more fields}}. See them all under Checks.',
  'publishing.confirm.export': 'Export anyway',
  'publishing.confirm.cancel': 'Cancel',
  'publishing.style.label': 'Word house style',
  'publishing.style.missing': '{name} (not installed here)',
  'publishing.logo.label': 'Logo on the cover',
  'publishing.logo.none': 'No logo of your own. Without one the cover shows only the house style’s mark as decoration: it is not presented as your logo.',
  'publishing.logo.current': 'Alternative text: {alt}',
  'publishing.logo.choose': 'Choose logo',
  'publishing.logo.change': 'Change logo',
  'publishing.logo.remove': 'Remove logo',
  'publishing.logo.save': 'Save logo',
  'publishing.logo.cancel': 'Cancel',
  'publishing.logo.file': 'Logo file (PNG, SVG or JPEG, at most {limit, number} MB)',
  'publishing.logo.alt': 'Alternative text of the logo',
  'publishing.logo.altHint': 'Required: it is read aloud to those who cannot see the logo, in Word and in the PDF.',
  'publishing.logo.organisation': 'The municipality',
  'publishing.logo.saved': 'The logo is saved on the cover.',
  'publishing.logo.removed': 'The logo was removed from the cover.',
};
