// Shared constants of the Yjs layout.

/** Default transaction origin of model mutations; UndoManagers track it (`trackedOrigins`). */
export const LOCAL_ORIGIN = 'pejling:local';
/** Origin of `importStrategy`. */
export const IMPORT_ORIGIN = 'import';
/** Origin of `migrate`. */
export const MIGRATION_ORIGIN = 'pejling:migration';

/** Parent id of vision-level principles and bearings, and the id for the vision's rich text. */
export const VISION_ID = '@vision';

/** Stand-in containers for items whose parent was deleted concurrently (see ./strategy-model.ts). */
export const RECOVERED_PERSPECTIVE_ID = 'pejling-recovered-perspective';
export const RECOVERED_FOCUS_AREA_ID = 'pejling-recovered-focus-area';
export const RECOVERED_PLAN_ID = 'pejling-recovered-plan';
/** Origin of `createStrategyDoc`. */
export const INIT_ORIGIN = 'pejling:init';

/** Targets of `model.textField(id, key)` besides item ids: the meta fields and the labels. */
export const META_ID = '@meta';
export const LABELS_ID = '@labels';
