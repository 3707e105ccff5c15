// Messages of one feature: the document's structure — forewords without number, the Disposition,
// manual page breaks and footnotes in rich text.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
  'structure.foreword': 'Forord (uden nummer)',
  'structure.forewordHint': 'Overskriften får intet kapitelnummer i dokumentet, men står stadig i indholdsfortegnelsen; næste kapitel bliver nummer 1.',
  'structure.footnote': 'Fodnote',
  'structure.footnoteText': 'Fodnotens tekst',
  'structure.pageBreak': 'Sideskift',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'structure.foreword': 'Foreword (unnumbered)',
  'structure.forewordHint': 'The heading gets no chapter number in the document but is still listed in the table of contents; the next chapter becomes number 1.',
  'structure.footnote': 'Footnote',
  'structure.footnoteText': 'Text of the footnote',
  'structure.pageBreak': 'Page break',
};
