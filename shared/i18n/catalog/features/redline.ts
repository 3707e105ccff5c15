// Messages of one feature: The redline Word document: changes between two versions as tracked changes.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
};
