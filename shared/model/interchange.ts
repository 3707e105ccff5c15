// Interchange format v1 (shared/format/schema.ts) ⇄ a strategy Y.Doc.
//
// Export writes keys in the order of the format's description and leaves out absent optional
// fields: no undefined values, no empty optional lists, no empty optional rich text. Rich text is
// Markdown when that is exact, else ProseMirror JSON, so export → import → export is stable.
import * as Y from 'yjs';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type ActionPlan,
  type FocusArea,
  type Initiative,
  type Perspective,
  type Rich,
  type Section,
  type Statement,
  type StrategyFile,
} from '../format/schema';
import { checkRich } from '../richtext/rich';
import { IMPORT_ORIGIN, RECOVERED_FOCUS_AREA_ID, VISION_ID } from './model-constants';
import { SCHEMA_VERSION, SCHEMA_VERSION_KEY, getSchemaVersion, hasNothingButMeta, isEmptyDocument } from './document';
import { STATUS_UPDATES, collection, metaMap } from './layout';
import { StrategyModel } from './strategy-model';
import type { InitiativeData } from './types';

/** A file the model cannot take in; the message starts with the JSON path of the problem. */
export class ImportError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ImportError';
  }
}

// ---- import ---------------------------------------------------------------------------------------------

/**
 * Builds the strategy into `doc` (a new Y.Doc by default) in one transaction with origin 'import'.
 * `doc` must be empty, or hold only the schema version (createStrategyDoc()). Assumes a
 * schema-valid file (see shared/format/validate.ts); throws ImportError for rich text that does
 * not fit the editor schema, duplicate ids and reserved ids, before anything is written.
 */
export function importStrategy(file: StrategyFile, doc: Y.Doc = new Y.Doc()): Y.Doc {
  const onlyVersion = metaMap(doc).size === 1 && getSchemaVersion(doc) !== undefined;
  if (!isEmptyDocument(doc) && !(onlyVersion && hasNothingButMeta(doc))) {
    throw new ImportError('/', 'a strategy can only be imported into an empty document');
  }
  checkFile(file);
  const model = new StrategyModel(doc, { origin: IMPORT_ORIGIN });
  doc.transact(() => {
    metaMap(doc).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION);
    model.updateMeta(file.meta);
    if (file.labels) model.updateLabels(file.labels);
    for (const section of file.sections ?? []) {
      model.add('section', { id: section.id, title: section.title, body: section.body, placement: section.placement });
    }
    model.setRich(VISION_ID, 'statement', file.vision.statement);
    model.setRich(VISION_ID, 'body', file.vision.body ?? null);
    for (const p of file.vision.principles ?? []) model.add('principle', { id: p.id, title: p.title, body: p.body, parentId: VISION_ID });
    for (const b of file.vision.bearings ?? []) model.add('bearing', { id: b.id, title: b.title, body: b.body });
    for (const perspective of file.perspectives) {
      model.add('perspective', { id: perspective.id, title: perspective.title, hidden: perspective.hidden, intro: perspective.intro });
      for (const p of perspective.principles ?? []) {
        model.add('principle', { id: p.id, title: p.title, body: p.body, parentId: perspective.id });
      }
      for (const fa of perspective.focusAreas) {
        model.add('focusArea', { id: fa.id, perspectiveId: perspective.id, title: fa.title, body: fa.body });
        for (const goal of fa.goals ?? []) model.add('goal', { id: goal.id, focusAreaId: fa.id, text: goal.text });
      }
    }
    for (const owner of file.owners ?? []) model.add('owner', owner);
    for (const plan of file.actionPlans ?? []) {
      model.add('actionPlan', {
        id: plan.id,
        title: plan.title,
        kind: plan.kind,
        period: plan.period,
        ownerId: plan.ownerId,
        parentPlanId: plan.parentPlanId,
        intro: plan.intro,
      });
      for (const initiative of plan.initiatives) {
        const { statusUpdates, ...rest } = initiative;
        model.add('initiative', { ...rest, planId: plan.id });
        if (statusUpdates && statusUpdates.length > 0) {
          const history = collection(doc, 'initiative').get(initiative.id)!.get(STATUS_UPDATES) as Y.Array<unknown>;
          history.push(statusUpdates.map((u) => (u.note === undefined ? { date: u.date, status: u.status } : { ...u })));
        }
      }
    }
  }, IMPORT_ORIGIN);
  return doc;
}

/** Rich text, ids: everything that could stop the import half-way is checked first. */
function checkFile(file: StrategyFile): void {
  const seen = new Map<string, string>();
  const id = (value: string, path: string): void => {
    if (value === VISION_ID) throw new ImportError(path, `the id "${VISION_ID}" is reserved`);
    const first = seen.get(value);
    if (first !== undefined) throw new ImportError(path, `duplicate id "${value}" (also at ${first})`);
    seen.set(value, path);
  };
  const rich = (value: Rich | undefined, path: string): void => {
    if (value === undefined) return;
    const problem = checkRich(value)[0];
    if (problem) throw new ImportError(`${path}${problem.path}`, problem.reason);
  };
  const statements = (list: Statement[] | undefined, path: string): void => {
    list?.forEach((s, i) => {
      id(s.id, `${path}/${i}/id`);
      rich(s.body, `${path}/${i}/body`);
    });
  };
  file.sections?.forEach((s, i) => {
    id(s.id, `/sections/${i}/id`);
    rich(s.body, `/sections/${i}/body`);
  });
  rich(file.vision.statement, '/vision/statement');
  rich(file.vision.body, '/vision/body');
  statements(file.vision.principles, '/vision/principles');
  statements(file.vision.bearings, '/vision/bearings');
  file.perspectives.forEach((p, i) => {
    const at = `/perspectives/${i}`;
    id(p.id, `${at}/id`);
    rich(p.intro, `${at}/intro`);
    statements(p.principles, `${at}/principles`);
    p.focusAreas.forEach((fa, j) => {
      id(fa.id, `${at}/focusAreas/${j}/id`);
      rich(fa.body, `${at}/focusAreas/${j}/body`);
      fa.goals?.forEach((g, k) => id(g.id, `${at}/focusAreas/${j}/goals/${k}/id`));
    });
  });
  file.owners?.forEach((o, i) => id(o.id, `/owners/${i}/id`));
  file.actionPlans?.forEach((plan, i) => {
    const at = `/actionPlans/${i}`;
    id(plan.id, `${at}/id`);
    rich(plan.intro, `${at}/intro`);
    plan.initiatives.forEach((initiative, j) => {
      id(initiative.id, `${at}/initiatives/${j}/id`);
      rich(initiative.description, `${at}/initiatives/${j}/description`);
    });
  });
}

// ---- export -----------------------------------------------------------------------------------------------

/** The strategy as an interchange v1 file (items whose parent was deleted concurrently are included under stand-ins). */
export function exportStrategy(doc: Y.Doc): StrategyFile {
  const model = new StrategyModel(doc);
  const file: StrategyFile = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    meta: model.getMeta(),
  } as StrategyFile;

  const labels = model.getLabels();
  if (Object.keys(labels).length > 0) file.labels = labels;

  const sections: Section[] = model.list('section').map((s) => {
    const out: Section = { id: s.id, title: s.title, body: model.getRich(s.id, 'body') ?? '' };
    if (s.placement !== undefined) out.placement = s.placement;
    return out;
  });
  if (sections.length > 0) file.sections = sections;

  const statement = (s: { id: string; title: string }): Statement => {
    const out: Statement = { id: s.id, title: s.title };
    const body = model.getRich(s.id, 'body');
    if (body !== undefined) out.body = body;
    return out;
  };
  file.vision = { statement: model.getRich(VISION_ID, 'statement') ?? '' };
  const visionBody = model.getRich(VISION_ID, 'body');
  if (visionBody !== undefined) file.vision.body = visionBody;
  const visionPrinciples = model.list('principle', VISION_ID).map(statement);
  if (visionPrinciples.length > 0) file.vision.principles = visionPrinciples;
  const bearings = model.list('bearing').map(statement);
  if (bearings.length > 0) file.vision.bearings = bearings;

  file.perspectives = model.list('perspective').map((p) => {
    const out: Perspective = { id: p.id, title: p.title } as Perspective;
    if (p.hidden) out.hidden = true;
    if (!p.virtual) {
      const intro = model.getRich(p.id, 'intro');
      if (intro !== undefined) out.intro = intro;
      const principles = model.list('principle', p.id).map(statement);
      if (principles.length > 0) out.principles = principles;
    }
    out.focusAreas = model.list('focusArea', p.id).map((fa) => {
      const body = fa.virtual ? '' : (model.getRich(fa.id, 'body') ?? '');
      const area: FocusArea = { id: fa.id, title: fa.title, body };
      const goals = model.list('goal', fa.virtual ? RECOVERED_FOCUS_AREA_ID : fa.id).map((g) => ({ id: g.id, text: g.text }));
      if (goals.length > 0) area.goals = goals;
      return area;
    });
    return out;
  });

  const owners = model.list('owner');
  if (owners.length > 0) file.owners = owners;

  const plans: ActionPlan[] = model.list('actionPlan').map((plan) => {
    const out = { id: plan.id, title: plan.title, kind: plan.kind, period: { from: plan.period.from, to: plan.period.to } } as ActionPlan;
    if (plan.ownerId !== undefined) out.ownerId = plan.ownerId;
    if (plan.parentPlanId !== undefined) out.parentPlanId = plan.parentPlanId;
    if (!plan.virtual) {
      const intro = model.getRich(plan.id, 'intro');
      if (intro !== undefined) out.intro = intro;
    }
    out.initiatives = model.list('initiative', plan.id).map((i) => exportInitiative(model, i));
    return out;
  });
  if (plans.length > 0) file.actionPlans = plans;
  return file;
}

function exportInitiative(model: StrategyModel, i: InitiativeData): Initiative {
  const out = { id: i.id, title: i.title } as Initiative;
  const description = model.getRich(i.id, 'description');
  if (description !== undefined) out.description = description;
  out.focusAreaIds = i.focusAreaIds;
  if (i.ownerId !== undefined) out.ownerId = i.ownerId;
  if (i.participantIds.length > 0) out.participantIds = i.participantIds;
  if (i.start !== undefined) out.start = i.start;
  if (i.end !== undefined) out.end = i.end;
  if (i.status !== undefined) out.status = i.status;
  if (i.priority !== undefined) out.priority = i.priority;
  if (i.businessCase !== undefined) out.businessCase = i.businessCase;
  if (i.budget !== undefined) out.budget = i.budget;
  if (i.supportsInitiativeIds.length > 0) out.supportsInitiativeIds = i.supportsInitiativeIds;
  if (i.statusUpdates.length > 0) out.statusUpdates = i.statusUpdates;
  return out;
}
