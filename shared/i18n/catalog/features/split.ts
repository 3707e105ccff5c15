// Messages of one feature: parts of the app loaded when first needed (a view's code, the import dialogs).
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.

/** Danish. */
export const da = {
  'split.loading': 'Henter visningen …',
  'split.loadingStart': 'Henter startsiden …',
  'split.failed': 'Visningen kunne ikke hentes. Er forbindelsen til serveren afbrudt?',
  'split.retry': 'Prøv igen',
};

/** English. */
export const en: Record<keyof typeof da, string> = {
  'split.loading': 'Loading the view …',
  'split.loadingStart': 'Loading the start screen …',
  'split.failed': 'The view could not be loaded. Is the connection to the server down?',
  'split.retry': 'Try again',
};
