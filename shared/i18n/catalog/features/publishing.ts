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
};
