// Messages of one feature: The redline Word document: changes between two versions as tracked changes.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.
// Keys start with the feature's prefix so that they never collide with another part's.

/** Danish. */
export const da = {
  'redline.summary.none': 'Ingen ændringer',
  'redline.summary.changed': '{what} ændret',
  'redline.summary.added': '{what} tilføjet',
  'redline.summary.removed': '{what} fjernet',
  'redline.summary.moved': '{what} flyttet',
  'redline.summary.meta': '{count, plural, one {# oplysning om strategien ændret} other {# oplysninger om strategien ændret}}',
  'redline.summary.vision': 'visionens tekst ændret',
  'redline.summary.labels': '{count, plural, one {# betegnelse ændret} other {# betegnelser ændret}}',
  'redline.kind.section': '{count, plural, one {# afsnit} other {# afsnit}}',
  'redline.kind.principle': '{count, plural, one {# princip} other {# principper}}',
  'redline.kind.bearing': '{count, plural, one {# pejlemærke} other {# pejlemærker}}',
  'redline.kind.perspective': '{count, plural, one {# perspektiv} other {# perspektiver}}',
  'redline.kind.focusArea': '{count, plural, one {# indsatsområde} other {# indsatsområder}}',
  'redline.kind.goal': '{count, plural, one {# målsætning} other {# målsætninger}}',
  'redline.kind.plan': '{count, plural, one {# handlingsplan} other {# handlingsplaner}}',
  'redline.kind.initiative': '{count, plural, one {# initiativ} other {# initiativer}}',
  'redline.kind.owner': '{count, plural, one {# ansvarlig} other {# ansvarlige}}',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'redline.summary.none': 'No changes',
  'redline.summary.changed': '{what} changed',
  'redline.summary.added': '{what} added',
  'redline.summary.removed': '{what} removed',
  'redline.summary.moved': '{what} moved',
  'redline.summary.meta': '{count, plural, one {# detail of the strategy changed} other {# details of the strategy changed}}',
  'redline.summary.vision': 'the vision text changed',
  'redline.summary.labels': '{count, plural, one {# label changed} other {# labels changed}}',
  'redline.kind.section': '{count, plural, one {# section} other {# sections}}',
  'redline.kind.principle': '{count, plural, one {# principle} other {# principles}}',
  'redline.kind.bearing': '{count, plural, one {# bearing} other {# bearings}}',
  'redline.kind.perspective': '{count, plural, one {# perspective} other {# perspectives}}',
  'redline.kind.focusArea': '{count, plural, one {# focus area} other {# focus areas}}',
  'redline.kind.goal': '{count, plural, one {# goal} other {# goals}}',
  'redline.kind.plan': '{count, plural, one {# action plan} other {# action plans}}',
  'redline.kind.initiative': '{count, plural, one {# initiative} other {# initiatives}}',
  'redline.kind.owner': '{count, plural, one {# owner} other {# owners}}',
};
