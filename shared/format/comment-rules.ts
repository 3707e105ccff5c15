// Rules of the comment threads (interchange format v2) beyond their schema: a thread's target names an
// item of the file (or "vision") and a field that kind of item has; dates and times exist; only a
// version 2 file holds threads. Like ./extra-rules.ts they run on the raw input, so every mistake of a
// file is listed at once, each with its JSON pointer.
import { t as message, type MessageKey } from '../i18n/messages';
import { isDateTime, DATE_TIME_SHAPE } from './dates';
import type { Lang } from './messages';
import type { Problem } from './problem';
import {
  actionPlanSchema,
  focusAreaSchema,
  goalSchema,
  initiativeSchema,
  ownerSchema,
  perspectiveSchema,
  sectionSchema,
  statementSchema,
  visionSchema,
} from './schema';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The kinds of item a file declares, named as the model names them. */
export type ItemKindName = 'section' | 'principle' | 'bearing' | 'perspective' | 'focusArea' | 'goal' | 'owner' | 'actionPlan' | 'initiative';

/** The target id that means the vision (it has no id of its own in a file). */
export const VISION_TARGET = 'vision';

/** Lists of child items are not fields one comments on: a thread goes on the child itself. */
const CHILD_LISTS = new Set(['id', 'goals', 'principles', 'bearings', 'focusAreas', 'initiatives']);
const fieldsOf = (shape: Record<string, unknown>): readonly string[] => Object.keys(shape).filter((key) => !CHILD_LISTS.has(key));

/**
 * The fields a thread may name per kind: the item's own keys in the file (from the schema, so the two never
 * disagree), without its id and its lists of child items.
 */
export const COMMENT_FIELDS: Readonly<Record<ItemKindName | 'vision', readonly string[]>> = {
  vision: fieldsOf(visionSchema.shape),
  section: fieldsOf(sectionSchema.shape),
  principle: fieldsOf(statementSchema.shape),
  bearing: fieldsOf(statementSchema.shape),
  perspective: fieldsOf(perspectiveSchema.shape),
  focusArea: fieldsOf(focusAreaSchema.shape),
  goal: fieldsOf(goalSchema.shape),
  owner: fieldsOf(ownerSchema.shape),
  actionPlan: fieldsOf(actionPlanSchema.shape),
  initiative: fieldsOf(initiativeSchema.shape),
};

const KIND_ARTICLE: Record<ItemKindName, MessageKey> = {
  section: 'kind.article.section',
  principle: 'kind.article.principle',
  bearing: 'kind.article.bearing',
  perspective: 'kind.article.perspective',
  focusArea: 'kind.article.focusArea',
  goal: 'kind.article.goal',
  owner: 'kind.article.owner',
  actionPlan: 'kind.article.actionPlan',
  initiative: 'kind.article.initiative',
};

/** The ids of the comment threads and of their messages, as [pointer of the id field, id]. */
export function declaredCommentIds(root: Obj): [string, string][] {
  const out: [string, string][] = [];
  arr(root.comments).forEach((thread, i) => {
    if (!isObj(thread)) return;
    if (typeof thread.id === 'string' && thread.id !== '') out.push([`/comments/${i}/id`, thread.id]);
    arr(thread.messages).forEach((m, j) => {
      if (isObj(m) && typeof m.id === 'string' && m.id !== '') out.push([`/comments/${i}/messages/${j}/id`, m.id]);
    });
  });
  return out;
}

/** Problems of the threads; `items` maps each item id of the file to its kind. */
export function commentProblems(root: Obj, items: ReadonlyMap<string, ItemKindName>, lang: Lang): Problem[] {
  if (!('comments' in root)) return [];
  const problems: Problem[] = [];
  if (root.formatVersion === 1) {
    problems.push({ path: '/comments', message: message(lang, 'comments.format.needsVersion2') });
  }
  arr(root.comments).forEach((thread, i) => {
    if (!isObj(thread)) return;
    const at = `/comments/${i}`;
    if (isObj(thread.target)) problems.push(...targetProblems(thread.target, `${at}/target`, items, lang));
    const resolvedAt = thread.resolvedAt;
    if (typeof resolvedAt === 'string' && DATE_TIME_SHAPE.test(resolvedAt) && !isDateTime(resolvedAt)) {
      problems.push({ path: `${at}/resolvedAt`, message: message(lang, 'comments.format.impossibleMoment', { value: resolvedAt }) });
    }
    arr(thread.messages).forEach((m, j) => {
      if (!isObj(m)) return;
      for (const key of ['date', 'edited'] as const) {
        const value = m[key];
        // A value without the shape is the schema's problem; here only shaped moments whose day does not exist.
        if (typeof value === 'string' && DATE_TIME_SHAPE.test(value) && !isDateTime(value)) {
          problems.push({ path: `${at}/messages/${j}/${key}`, message: message(lang, 'comments.format.impossibleMoment', { value }) });
        }
      }
    });
  });
  return problems;
}

function targetProblems(target: Obj, at: string, items: ReadonlyMap<string, ItemKindName>, lang: Lang): Problem[] {
  const { id, field } = target;
  if (typeof id !== 'string' || id === '') return []; // the schema says what is wrong with it
  const kind = id === VISION_TARGET ? 'vision' : items.get(id);
  if (kind === undefined) {
    return [{ path: `${at}/id`, message: message(lang, 'comments.format.targetMissing', { id: JSON.stringify(id), vision: VISION_TARGET }) }];
  }
  if (typeof field !== 'string' || field === '') return [];
  const fields = COMMENT_FIELDS[kind];
  if (fields.includes(field)) return [];
  const what = kind === 'vision' ? message(lang, 'comments.format.theVision') : message(lang, KIND_ARTICLE[kind]);
  return [
    {
      path: `${at}/field`,
      message: message(lang, 'comments.format.fieldUnknown', { what, id: JSON.stringify(id), field: JSON.stringify(field), fields: fields.join(', ') }),
    },
  ];
}
