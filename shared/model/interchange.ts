// The interchange format (shared/format/schema.ts; v2 written, v1 and v2 read) ⇄ a strategy Y.Doc.
//
// Export writes keys in the order of the format's description and leaves out absent optional
// fields: no undefined values, no empty optional lists, no empty optional rich text. Rich text is
// Markdown when that is exact, else ProseMirror JSON, so export → import → export is stable.
//
// Comment threads (./comments.ts) travel as `comments`. A text anchor (the editor's `comment` mark) is
// written as the thread's `quote`: the text the mark covers, not the mark, so rich text in a file never
// holds comment marks. Reading a file puts the mark on the first occurrence of the quote in its field
// (docs/format.md); a quote the field does not hold gives a thread without a mark that keeps its
// quote (the panel shows it as orphaned), and a note says so.
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
  type CommentThread,
  type CommentMessage,
} from '../format/schema';
import { COMMENT_FIELDS, VISION_TARGET } from '../format/comment-rules';
import { isDateTime } from '../format/dates';
import { stripIllegalCharacters } from '../format/input-limits';
import type { Problem } from '../format/problem';
import { markedQuotes, markQuote, withoutMarks, type JsonNode } from '../format/quote-anchor';
import { t as message, type Lang } from '../i18n/messages';
import { checkRich, proseMirrorToRich, richToProseMirror } from '../richtext/rich';
import { COMMENT_MARK } from '../richtext/schema';
import { Comments, type CommentThread as LiveThread } from './comments';
import { exportHints, writeHints } from './hints';
import { exportImages, importImages } from './images';
import { attachSuggestions, importSuggestions } from './suggestions-interchange';
import { IMPORT_ORIGIN, RECOVERED_FOCUS_AREA_ID, VISION_ID } from './model-constants';
import { SCHEMA_VERSION, SCHEMA_VERSION_KEY, getSchemaVersion, hasNothingButMeta, isEmptyDocument } from './document';
import { COLLECTIONS, STATUS_UPDATES, collection, metaMap } from './layout';
import { StrategyModel } from './strategy-model';
import type { InitiativeData, ItemKind, RichField } from './types';

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

export interface ImportOptions {
  /** Receives what the import could not take over exactly (a quote its field does not hold), as path: reason. */
  notes?: Problem[];
  /** Language of the notes. */
  lang?: Lang;
}

/**
 * Builds the strategy into `doc` (a new Y.Doc by default) in one transaction with origin 'import'.
 * `doc` must be empty, or hold only the schema version (createStrategyDoc()). Assumes a
 * schema-valid file (see shared/format/validate.ts); throws ImportError for rich text that does
 * not fit the editor schema, duplicate ids and reserved ids, before anything is written.
 */
export function importStrategy(input: StrategyFile, doc: Y.Doc = new Y.Doc(), options: ImportOptions = {}): Y.Doc {
  const onlyVersion = metaMap(doc).size === 1 && getSchemaVersion(doc) !== undefined;
  if (!isEmptyDocument(doc) && !(onlyVersion && hasNothingButMeta(doc))) {
    throw new ImportError('/', 'a strategy can only be imported into an empty document');
  }
  checkFile(input);
  // The file's threads: their anchors become marks in a copy of the rich fields, before anything is written.
  const { file, threads } = anchorThreads(input, options);
  const model = new StrategyModel(doc, { origin: IMPORT_ORIGIN });
  doc.transact(() => {
    metaMap(doc).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION);
    if (file.images) importImages(doc, file.images, IMPORT_ORIGIN); // before meta.logo and the image nodes that name them
    model.updateMeta(file.meta);
    if (file.labels) model.updateLabels(file.labels);
    for (const section of file.sections ?? []) {
      model.add('section', { id: section.id, title: section.title, body: section.body, placement: section.placement, ...(section.unnumbered ? { unnumbered: true } : {}) });
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
    const comments = new Comments(model, { origin: IMPORT_ORIGIN });
    for (const thread of threads) comments.restore(thread, IMPORT_ORIGIN);
    if (file.hints) writeHints(doc, file.hints, IMPORT_ORIGIN);
    importSuggestions(model, file); // version 3: who made each pending suggestion, suggested titles and goals
  }, IMPORT_ORIGIN);
  return doc;
}

// ---- comment threads ----------------------------------------------------------------------------------

/**
 * The file's field names that the live model names otherwise (a thread on an initiative's budget is on
 * `budgetAmountDkk` in the model); every other field has the same name in both.
 */
const MODEL_FIELD: Record<string, string> = { period: 'periodFrom', businessCase: 'businessCaseStatus', budget: 'budgetAmountDkk' };
const FILE_FIELD: Record<string, string> = {
  periodFrom: 'period',
  periodTo: 'period',
  businessCaseStatus: 'businessCase',
  businessCaseBenefit: 'businessCase',
  budgetAmountDkk: 'budget',
  budgetSource: 'budget',
};

/** The rich-text fields of the file, as "id\0field" → the object holding it. */
function richHolders(file: StrategyFile): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const put = (id: string, holder: object, key: string): void => {
    out.set(`${id}\u0000${key}`, holder as Record<string, unknown>);
  };
  put(VISION_TARGET, file.vision, 'statement');
  put(VISION_TARGET, file.vision, 'body');
  for (const s of file.sections ?? []) put(s.id, s, 'body');
  for (const s of [...(file.vision.principles ?? []), ...(file.vision.bearings ?? [])]) put(s.id, s, 'body');
  for (const p of file.perspectives) {
    put(p.id, p, 'intro');
    for (const s of p.principles ?? []) put(s.id, s, 'body');
    for (const f of p.focusAreas) put(f.id, f, 'body');
  }
  for (const plan of file.actionPlans ?? []) {
    put(plan.id, plan, 'intro');
    for (const i of plan.initiatives) put(i.id, i, 'description');
  }
  return out;
}

const asJson = (rich: Rich): JsonNode => richToProseMirror(rich).toJSON() as JsonNode;

/**
 * A copy of the file whose rich fields carry the threads' marks (and no others: comment marks in a file's
 * rich text are not anchors), and the threads as the model restores them.
 */
function anchorThreads(input: StrategyFile, options: ImportOptions): { file: StrategyFile; threads: Parameters<Comments['restore']>[0][] } {
  const lang = options.lang ?? 'da';
  const file = structuredClone(input);
  const holders = richHolders(file);
  const docs = new Map<string, JsonNode>();
  for (const [key, holder] of holders) {
    const field = key.slice(key.indexOf('\u0000') + 1);
    const value = holder[field] as Rich | undefined;
    if (typeof value === 'object' && JSON.stringify(value).includes(`"${COMMENT_MARK}"`)) docs.set(key, withoutMarks(asJson(value), COMMENT_MARK));
  }
  const threads = (file.comments ?? []).map((thread, i) => {
    const { id: targetId, field: fileField, quote = '' } = thread.target;
    const key = `${targetId}\u0000${fileField ?? ''}`;
    const holder = fileField === undefined ? undefined : holders.get(key);
    if (holder && quote !== '') {
      const rich = holder[fileField!] as Rich | undefined;
      const current = docs.get(key) ?? (rich === undefined ? undefined : asJson(rich));
      const marked = current && markQuote(current, quote, { type: COMMENT_MARK, attrs: { threadId: thread.id } });
      if (marked) docs.set(key, marked);
      else options.notes?.push({ path: `/comments/${i}/target/quote`, message: message(lang, 'comments.import.quoteMissing', { quote }) });
    }
    const field = fileField === undefined ? undefined : (MODEL_FIELD[fileField] ?? fileField);
    return {
      id: thread.id,
      target: { id: targetId === VISION_TARGET ? VISION_ID : targetId, ...(field === undefined || !modelHasField(file, targetId, field) ? {} : { field }) },
      quote,
      status: thread.status ?? 'open',
      ...(thread.resolvedBy !== undefined ? { resolvedBy: thread.resolvedBy } : {}),
      ...(thread.resolvedAt !== undefined ? { resolvedAt: thread.resolvedAt } : {}),
      messages: thread.messages.map((m) => ({ id: m.id, author: m.author, date: m.date, text: m.text.trim(), ...(m.edited !== undefined ? { edited: m.edited } : {}) })),
    };
  });
  for (const [key, doc] of docs) {
    const field = key.slice(key.indexOf('\u0000') + 1);
    holders.get(key)![field] = doc as Rich;
  }
  return { file, threads };
}

/** Whether the live model has the field a file's thread names (a file field such as statusUpdates it has not). */
function modelHasField(file: StrategyFile, id: string, field: string): boolean {
  if (id === VISION_TARGET) return COMMENT_FIELDS.vision.includes(field);
  const kind = kindInFile(file, id);
  if (!kind) return false;
  const spec = COLLECTIONS[kind];
  return [spec.rich?.field, ...spec.text, ...spec.plain, ...(spec.idLists ?? [])].includes(field);
}

function kindInFile(file: StrategyFile, id: string): ItemKind | undefined {
  if (file.sections?.some((s) => s.id === id)) return 'section';
  if (file.vision.principles?.some((s) => s.id === id)) return 'principle';
  if (file.vision.bearings?.some((s) => s.id === id)) return 'bearing';
  for (const p of file.perspectives) {
    if (p.id === id) return 'perspective';
    if (p.principles?.some((s) => s.id === id)) return 'principle';
    for (const f of p.focusAreas) {
      if (f.id === id) return 'focusArea';
      if (f.goals?.some((g) => g.id === id)) return 'goal';
    }
  }
  if (file.owners?.some((o) => o.id === id)) return 'owner';
  for (const plan of file.actionPlans ?? []) {
    if (plan.id === id) return 'actionPlan';
    if (plan.initiatives.some((i) => i.id === id)) return 'initiative';
  }
  return undefined;
}

/** A moment as the format writes it: ISO 8601 with its zone (a value the model holds otherwise is normalised). */
function moment(value: string | undefined): string | undefined {
  if (value === undefined || isDateTime(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The rich value without comment marks: Markdown again when that is exact. */
function publishable(rich: Rich | undefined): Rich | undefined {
  if (rich === undefined || typeof rich === 'string' || !JSON.stringify(rich).includes(`"${COMMENT_MARK}"`)) return rich;
  return proseMirrorToRich(richToProseMirror(withoutMarks(rich as JsonNode, COMMENT_MARK) as Rich));
}

/** The live threads as the file holds them, in document order; `marked` gives each rich field's marks as quotes. */
function exportThreads(model: StrategyModel, quotesOf: (id: string, field: string) => Map<string, string>): CommentThread[] {
  const out: CommentThread[] = [];
  for (const live of new Comments(model).list()) {
    const thread = exportThread(model, live, quotesOf);
    if (thread) out.push(thread);
  }
  return out;
}

function exportThread(model: StrategyModel, live: LiveThread, quotesOf: (id: string, field: string) => Map<string, string>): CommentThread | undefined {
  const { id: targetId, field: liveField } = live.target;
  // A thread whose item was deleted cannot name it in a file (its target would name nothing).
  if (targetId !== VISION_ID && model.kindOf(targetId) === undefined) return undefined;
  const id = targetId === VISION_ID ? VISION_TARGET : targetId;
  const field = liveField === undefined ? undefined : (FILE_FIELD[liveField] ?? liveField);
  const kind = targetId === VISION_ID ? 'vision' : model.kindOf(targetId)!;
  const known = field !== undefined && COMMENT_FIELDS[kind].includes(field);
  // The marked text as it is now; the quote it was made on when its text is gone (orphaned).
  const marked = live.anchor === 'text' && liveField !== undefined ? quotesOf(targetId, liveField).get(live.id) : undefined;
  // The stored quote was cut from the text by editor positions: a half character in it is dropped.
  const quote = marked ?? stripIllegalCharacters(live.quote);
  const messages: CommentMessage[] = [];
  for (const m of live.messages) {
    const date = moment(m.date) ?? moment(live.created);
    if (date === undefined || m.text.trim() === '') continue;
    const edited = moment(m.edited);
    messages.push({ id: m.id, author: m.author, date, text: m.text, ...(edited !== undefined ? { edited } : {}) });
  }
  if (messages.length === 0) return undefined;
  const thread: CommentThread = {
    id: live.id,
    target: { id, ...(known ? { field } : {}), ...(quote !== '' ? { quote } : {}) },
    status: live.status,
  } as CommentThread;
  if (live.resolvedBy !== undefined) thread.resolvedBy = live.resolvedBy;
  const resolvedAt = moment(live.resolvedAt);
  if (resolvedAt !== undefined) thread.resolvedAt = resolvedAt;
  thread.messages = messages;
  return thread;
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

/** The strategy as an interchange file, format v2 (items whose parent was deleted concurrently are included under stand-ins). */
export function exportStrategy(doc: Y.Doc): StrategyFile {
  const model = new StrategyModel(doc);
  // Each rich field read once; a field with comment marks gives its threads' quotes and is written without them.
  const fields = new Map<string, Rich | undefined>();
  const raw = (id: string, field: RichField): Rich | undefined => {
    const key = `${id}\u0000${field}`;
    if (!fields.has(key)) fields.set(key, model.getRich(id, field));
    return fields.get(key);
  };
  const read = (id: string, field: RichField): Rich | undefined => publishable(raw(id, field));
  const quotesOf = (id: string, field: string): Map<string, string> => {
    const value = COMMENT_FIELDS.vision.includes(field) || field === 'intro' || field === 'description' ? raw(id, field as RichField) : undefined;
    return typeof value === 'object' ? markedQuotes(value as JsonNode, COMMENT_MARK, 'threadId') : new Map();
  };
  const file: StrategyFile = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    meta: model.getMeta(),
  } as StrategyFile;

  const labels = model.getLabels();
  if (Object.keys(labels).length > 0) file.labels = labels;

  const sections: Section[] = model.list('section').map((s) => {
    const out: Section = { id: s.id, title: s.title, body: read(s.id, 'body') ?? '' };
    if (s.placement !== undefined) out.placement = s.placement;
    if (s.unnumbered) out.unnumbered = true;
    return out;
  });
  if (sections.length > 0) file.sections = sections;

  const statement = (s: { id: string; title: string }): Statement => {
    const out: Statement = { id: s.id, title: s.title };
    const body = read(s.id, 'body');
    if (body !== undefined) out.body = body;
    return out;
  };
  file.vision = { statement: read(VISION_ID, 'statement') ?? '' };
  const visionBody = read(VISION_ID, 'body');
  if (visionBody !== undefined) file.vision.body = visionBody;
  const visionPrinciples = model.list('principle', VISION_ID).map(statement);
  if (visionPrinciples.length > 0) file.vision.principles = visionPrinciples;
  const bearings = model.list('bearing').map(statement);
  if (bearings.length > 0) file.vision.bearings = bearings;

  file.perspectives = model.list('perspective').map((p) => {
    const out: Perspective = { id: p.id, title: p.title } as Perspective;
    if (p.hidden) out.hidden = true;
    if (!p.virtual) {
      const intro = read(p.id, 'intro');
      if (intro !== undefined) out.intro = intro;
      const principles = model.list('principle', p.id).map(statement);
      if (principles.length > 0) out.principles = principles;
    }
    out.focusAreas = model.list('focusArea', p.id).map((fa) => {
      const body = fa.virtual ? '' : (read(fa.id, 'body') ?? '');
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
      const intro = read(plan.id, 'intro');
      if (intro !== undefined) out.intro = intro;
    }
    out.initiatives = model.list('initiative', plan.id).map((i) => exportInitiative(model, i, read));
    return out;
  });
  if (plans.length > 0) file.actionPlans = plans;
  const comments = exportThreads(model, quotesOf);
  if (comments.length > 0) file.comments = comments;
  attachSuggestions(model, file); // version 3 when the rich text holds pending suggestions
  const hints = exportHints(doc, (id) => model.kindOf(id) !== undefined);
  if (hints) file.hints = hints;
  const images = exportImages(doc, file);
  if (images) file.images = images;
  return file;
}

function exportInitiative(model: StrategyModel, i: InitiativeData, read: (id: string, field: RichField) => Rich | undefined): Initiative {
  const out = { id: i.id, title: i.title } as Initiative;
  const description = read(i.id, 'description');
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
