// Messages of one feature: Roles on the sync server (editor, commenter, viewer) and the share dialog.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
  'sharing.role.commenter': 'Kommentator – du kan læse og kommentere, men ikke ændre teksten',
  'sharing.roles.heading': 'Adgangsnøglen afgør, hvad du kan:',
  'sharing.roles.editor': 'Redaktør: skriver i strategien og kommenterer.',
  'sharing.roles.commenter': 'Kommentator: læser og kommenterer (fx i høringen), ændrer ikke teksten.',
  'sharing.roles.viewer': 'Læser: kan kun læse.',
  'sharing.editRefused': 'Serveren tog ikke imod en ændring: med kommentatoradgang kan du kun kommentere.',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'sharing.role.commenter': 'Commenter – you can read and comment, but not change the text',
  'sharing.roles.heading': 'The access token decides what you can do:',
  'sharing.roles.editor': 'Editor: writes in the strategy and comments.',
  'sharing.roles.commenter': 'Commenter: reads and comments (e.g. during the consultation), does not change the text.',
  'sharing.roles.viewer': 'Viewer: can only read.',
  'sharing.editRefused': 'The server did not accept a change: with commenter access you can only comment.',
};
