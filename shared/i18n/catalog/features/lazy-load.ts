// Messages of one feature: parts of the app loaded when first needed (a view's code, the import dialogs).
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.

/** Danish. */
export const da = {
  'lazy.loading': 'Henter visningen …',
  'lazy.loadingStart': 'Henter startsiden …',
  'lazy.failed': 'Visningen kunne ikke hentes. Er forbindelsen til serveren afbrudt?',
  'lazy.retry': 'Prøv igen',
  'lazy.reloadNeeded': 'Visningen kunne stadig ikke hentes. Browseren henter den først igen, når appen er genindlæst.',
  'lazy.reload': 'Genindlæs appen',
};

/** English. */
export const en: Record<keyof typeof da, string> = {
  'lazy.loading': 'Loading the view …',
  'lazy.loadingStart': 'Loading the start screen …',
  'lazy.failed': 'The view could not be loaded. Is the connection to the server down?',
  'lazy.retry': 'Try again',
  'lazy.reloadNeeded': 'The view still could not be loaded. The browser fetches it again only once the app is reloaded.',
  'lazy.reload': 'Reload the app',
};
