// Public API of the strategy model: one Y.Doc per strategy, a typed API over it, schema
// versioning, and import/export of interchange format v1.
//
//   const doc = createStrategyDoc({ title, organisation, period });   // or importStrategy(file)
//   const model = new StrategyModel(doc);
//   const paId = model.add('actionPlan', { title: 'Handlingsplan 2025-26', kind: 'common', period });
//   const inId = model.add('initiative', { planId: paId, title: 'Fælles login', focusAreaIds: [faId] });
//   model.update('initiative', inId, { title: 'Fælles MitID-login' });   // text fields: minimal changes
//   model.move(inId, { parentId: otherPlanId, index: 0 });   // one field change
//   model.list('initiative', paId); model.get('initiative', inId); model.delete(inId);
//   model.textField(inId, 'title');        // what an input binds to (Y.Text since schema 2)
//   model.fragment(inId, 'description');   // Y.XmlFragment to bind with y-prosemirror's ySyncPlugin
//   exportStrategy(doc);                   // StrategyFile (interchange v1)
//
// Deleting a parent deletes what belongs to it (idsDeletedWith(id) tells what, beforehand). Items
// another replica added to or moved into that parent at the same time are not lost: they are read
// under stand-in containers (RECOVERED_* ids, `virtual: true` in the views) until moved.
//
// Every mutation is one `doc.transact(fn, origin)`; origin defaults to LOCAL_ORIGIN, so an
// UndoManager with `trackedOrigins: new Set([LOCAL_ORIGIN, ySyncPluginKey])` undoes local changes only.
export * from './model-constants';
export type * from './types';
export { StrategyModel } from './strategy-model';
export {
  SCHEMA_VERSION,
  createStrategyDoc,
  getSchemaVersion,
  migrate,
  readSummary,
  SchemaVersionError,
  type MigrationStep,
} from './document';
export { importStrategy, exportStrategy, ImportError } from './interchange';
/** Typed text fields (Y.Text since schema version 2): minimal diffs and the input binding. */
export { diffText, mapPosition, type TextChange } from './text-fields';
export { TextFieldHandle } from './text-binding';
export { textFieldsToYText, hasPlainTextFields, prepareLoadedDocument } from './document';
/** Comment threads (issue 12): the `comments` root, anchors as `comment` marks. */
export { Comments, CommentError, anchorsInFragment, findQuote } from './comments';
/** A template's guidance (issue 16): shown in empty fields, never content. */
export { readHint } from './hints';
