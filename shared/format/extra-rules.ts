// Rules of interchange format v1 that the zod schema cannot express: unique ids across the whole file,
// dates that exist. They run on the raw input (not only on schema-valid data), so a file with several kinds
// of mistakes gets all of them listed at once.
//
// Only what no Pejling can write is refused here. Rules a person can break while editing (a period that runs
// backwards, an initiative that ends before it starts, a plan outside the strategy's period) are check
// findings in shared/check, so a document's own export always validates ("whatever Pejling writes, Pejling
// reads", issue 11).
import { DATE_SHAPE, isDate } from './dates';
import { childPointer } from './json-pointer';
import { t as message } from '../i18n/messages';
import type { Lang } from './messages';
import type { Problem } from './problem';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every place an id is declared in a v1 file, as [pointer of the id field, id]. */
function declaredIds(root: Obj): [string, string][] {
  const out: [string, string][] = [];
  const take = (pointer: string, item: unknown): void => {
    if (isObj(item) && typeof item.id === 'string' && item.id !== '') out.push([childPointer(pointer, 'id'), item.id]);
  };
  arr(root.sections).forEach((s, i) => take(`/sections/${i}`, s));
  if (isObj(root.vision)) {
    const vision = root.vision;
    arr(vision.principles).forEach((s, i) => take(`/vision/principles/${i}`, s));
    arr(vision.bearings).forEach((s, i) => take(`/vision/bearings/${i}`, s));
  }
  arr(root.perspectives).forEach((p, i) => {
    const base = `/perspectives/${i}`;
    take(base, p);
    if (!isObj(p)) return;
    arr(p.principles).forEach((s, j) => take(`${base}/principles/${j}`, s));
    arr(p.focusAreas).forEach((f, j) => {
      take(`${base}/focusAreas/${j}`, f);
      if (isObj(f)) arr(f.goals).forEach((g, k) => take(`${base}/focusAreas/${j}/goals/${k}`, g));
    });
  });
  arr(root.owners).forEach((o, i) => take(`/owners/${i}`, o));
  arr(root.actionPlans).forEach((plan, i) => {
    take(`/actionPlans/${i}`, plan);
    if (isObj(plan)) arr(plan.initiatives).forEach((it, j) => take(`/actionPlans/${i}/initiatives/${j}`, it));
  });
  return out;
}

function duplicateIds(root: Obj, lang: Lang): Problem[] {
  const first = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [pointer, id] of declaredIds(root)) {
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
  const problems: Problem[] = [...duplicateIds(root, lang)];
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
  return problems;
}
