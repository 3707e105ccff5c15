// Messages of one feature: the layout of the exported Word/PDF document (tables' captions for screen
// readers, headings that would repeat). Same ICU syntax as ../da.ts; the Danish object names the keys,
// the English one must have exactly the same. Keys start with the feature's prefix.

/** Danish. */
export const da = {
  'layout.table.planCaption': 'Initiativerne i {plan}',
  'layout.table.planDescription':
    'Ét initiativ pr. række med indsatsområde, ansvarlig, periode, status, business case og prioritet, i strategiens rækkefølge og efter prioritet.',
  'layout.table.focusAreaCaption': 'Initiativerne under {focusArea}',
  'layout.table.countsCaption': 'Antal initiativer pr. status',
  'layout.table.statusCaption': 'Status for initiativerne under {focusArea}',
  'layout.table.statusDescription': 'Ét initiativ pr. række med ansvarlig, status, seneste bemærkning og dens dato.',
  'layout.heading.inParent': '{title} – {parent}',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'layout.table.planCaption': 'The initiatives of {plan}',
  'layout.table.planDescription':
    'One initiative per row with focus area, owner, period, status, business case and priority, in the order of the strategy and by priority.',
  'layout.table.focusAreaCaption': 'The initiatives under {focusArea}',
  'layout.table.countsCaption': 'Number of initiatives by status',
  'layout.table.statusCaption': 'Status of the initiatives under {focusArea}',
  'layout.table.statusDescription': 'One initiative per row with owner, status, latest note and its date.',
  'layout.heading.inParent': '{title} – {parent}',
};
