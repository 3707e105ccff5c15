// Rules of the interchange format that the zod schema cannot express: unique ids across the whole file
// (comment threads and their messages included), dates that exist, comment targets that name an item
// and one of its fields (./comment-rules.ts). They run on the raw input (not only on schema-valid data), so a file with several kinds
// of mistakes gets all of them listed at once.
//
// Only what no Pejling can write is refused here. Rules a person can break while editing (a period that runs
// backwards, an initiative that ends before it starts, a plan outside the strategy's period) are check
// findings in shared/check, so a document's own export always validates ("whatever Pejling writes, Pejling
// reads", issue 11).
import { commentProblems, declaredCommentIds, type ItemKindName } from './comment-rules';
import { DATE_SHAPE, isDate } from './dates';
import { imageProblems } from './image-rules';
import { suggestionProblems } from './suggestion-rules';
import { childPointer } from './json-pointer';
import { t as message } from '../i18n/messages';
import type { Lang } from './messages';
import type { Problem } from './problem';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** An id declared in a file: the pointer of its id field, the id, and the kind of what it names. */
type Declared = [pointer: string, id: string, kind: ItemKindName | 'comment'];

/** Every place an id is declared in a file (items, comment threads and their messages). */
function declaredIds(root: Obj): Declared[] {
  const out: Declared[] = [];
  const take = (pointer: string, item: unknown, kind: ItemKindName): void => {
    if (isObj(item) && typeof item.id === 'string' && item.id !== '') out.push([childPointer(pointer, 'id'), item.id, kind]);
  };
  arr(root.sections).forEach((s, i) => take(`/sections/${i}`, s, 'section'));
  if (isObj(root.vision)) {
    const vision = root.vision;
    arr(vision.principles).forEach((s, i) => take(`/vision/principles/${i}`, s, 'principle'));
    arr(vision.bearings).forEach((s, i) => take(`/vision/bearings/${i}`, s, 'bearing'));
  }
  arr(root.perspectives).forEach((p, i) => {
    const base = `/perspectives/${i}`;
    take(base, p, 'perspective');
    if (!isObj(p)) return;
    arr(p.principles).forEach((s, j) => take(`${base}/principles/${j}`, s, 'principle'));
    arr(p.focusAreas).forEach((f, j) => {
      take(`${base}/focusAreas/${j}`, f, 'focusArea');
      if (isObj(f)) arr(f.goals).forEach((g, k) => take(`${base}/focusAreas/${j}/goals/${k}`, g, 'goal'));
    });
  });
  arr(root.owners).forEach((o, i) => take(`/owners/${i}`, o, 'owner'));
  arr(root.actionPlans).forEach((plan, i) => {
    take(`/actionPlans/${i}`, plan, 'actionPlan');
    if (isObj(plan)) arr(plan.initiatives).forEach((it, j) => take(`/actionPlans/${i}/initiatives/${j}`, it, 'initiative'));
  });
  for (const [pointer, id] of declaredCommentIds(root)) out.push([pointer, id, 'comment']);
  return out;
}

function duplicateIds(declared: readonly Declared[], lang: Lang): Problem[] {
  const first = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [pointer, id] of declared) {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, pointer);
      continue;
    }
    problems.push({
      path: pointer,
      message: message(lang, 'format.duplicateId', { id: JSON.stringify(id), earlier }),
    });
  }
  return problems;
}

/** A date that matches YYYY-MM-DD but does not exist, such as 2010-02-30. */
function impossibleDate(value: unknown, pointer: string, lang: Lang): Problem[] {
  // A value without the shape is the schema's problem; here only shaped dates that do not exist.
  if (typeof value !== 'string' || !DATE_SHAPE.test(value) || isDate(value)) return [];
  return [
    {
      path: pointer,
      message: message(lang, 'format.impossibleDate', { value }),
    },
  ];
}

/** Problems beyond the schema; `root` is the parsed JSON (any shape). */
export function extraRuleProblems(root: unknown, lang: Lang): Problem[] {
  if (!isObj(root)) return [];
  const declared = declaredIds(root);
  const problems: Problem[] = [...duplicateIds(declared, lang)];
  if (isObj(root.meta)) problems.push(...impossibleDate(root.meta.date, '/meta/date', lang));
  arr(root.actionPlans).forEach((plan, i) => {
    if (!isObj(plan)) return;
    arr(plan.initiatives).forEach((initiative, j) => {
      const pointer = `/actionPlans/${i}/initiatives/${j}`;
      if (isObj(initiative)) {
        arr(initiative.statusUpdates).forEach((u, k) => {
          if (isObj(u)) problems.push(...impossibleDate(u.date, `${pointer}/statusUpdates/${k}/date`, lang));
        });
      }
    });
  });
  const items = new Map<string, ItemKindName>();
  for (const [, id, kind] of declared) if (kind !== 'comment' && !items.has(id)) items.set(id, kind);
  problems.push(...commentProblems(root, items, lang));
  problems.push(...imageProblems(root, lang)); // pictures: bytes, types, references (issue 16)
  problems.push(...suggestionProblems(root, items, lang));
  return problems;
}
