// The rules of each item kind that its keys in ./layout.ts do not say: how a stored item reads as
// its view, what a new item stores from its input, and the patch fields that write several keys.
// Everything else (text vs plain vs id-list keys, parents, order) is generic in ./strategy-model.ts.
import * as Y from 'yjs';
import type { Rich, StatusUpdate } from '../format/schema';
import { INITIATIVE_ID_LISTS, STATUS_UPDATES, readIdList, writeIdList, type ItemMap } from './layout';
import { RECOVERED_FOCUS_AREA_ID, RECOVERED_PERSPECTIVE_ID, RECOVERED_PLAN_ID, VISION_ID } from './model-constants';
import { num, str, type Entry, type ItemIndex } from './items';
import { writeText } from './text-fields';
import type { InitiativeData, ItemKind, KindData, KindInput } from './types';

export interface NewItem {
  /** The parent the input names (parented kinds). */
  parent?: string;
  /** Stored keys and values (text keys become Y.Text; undefined is left out). */
  fields: Record<string, unknown>;
  rich?: Rich | undefined;
  /** Structure written after the fields (id lists, history). */
  after?: (item: ItemMap) => void;
}

export interface KindRules<K extends ItemKind> {
  read(items: ItemIndex, e: Entry): KindData[K];
  create(input: KindInput[K]): NewItem;
  /** Patch fields that write several stored keys. */
  compound?: Record<string, (item: ItemMap, value: unknown) => void>;
  /** Patch fields that cannot be removed: text ones become '', plain ones refuse null. */
  required?: readonly string[];
}

/** Sets `key` to `value`, or deletes it for undefined/null. */
export function setOrDelete(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined || value === null) {
    if (map.has(key)) map.delete(key);
  } else if (map.get(key) !== value) {
    map.set(key, value);
  }
}

function readStatusUpdates(item: ItemMap): StatusUpdate[] {
  const history = item.get(STATUS_UPDATES);
  if (!(history instanceof Y.Array)) return [];
  return (history.toArray() as Partial<StatusUpdate>[])
    .filter((u) => typeof u === 'object' && u !== null && typeof u.date === 'string' && typeof u.status === 'string')
    .map((u) => {
      const out: StatusUpdate = { date: u.date!, status: u.status! };
      if (typeof u.note === 'string') out.note = u.note;
      return out;
    });
}

function writeBusinessCase(item: ItemMap, value: InitiativeData['businessCase'] | null | undefined): void {
  setOrDelete(item, 'businessCaseStatus', value?.status);
  writeText(item, 'businessCaseBenefit', value?.benefit);
}

function writeBudget(item: ItemMap, value: InitiativeData['budget'] | null | undefined): void {
  setOrDelete(item, 'budgetAmountDkk', value?.amountDkk);
  writeText(item, 'budgetSource', value?.source);
}

function writePeriod(what: string) {
  return (item: ItemMap, value: unknown): void => {
    if (value === null) throw new Error(`${what}.period is required`);
    const period = value as { from: number; to: number };
    setOrDelete(item, 'periodFrom', period.from);
    setOrDelete(item, 'periodTo', period.to);
  };
}

const statement = (kind: 'principle' | 'bearing') => (items: ItemIndex, e: Entry) => ({
  id: e.id,
  kind,
  parentId: items.effectiveParent(kind, e.item) ?? VISION_ID,
  title: str(e.item, 'title') ?? '',
});

export const KIND_RULES: { [K in ItemKind]: KindRules<K> } = {
  section: {
    read: (_items, e) => {
      const placement = str(e.item, 'placement') as KindData['section']['placement'] | undefined;
      return { id: e.id, title: str(e.item, 'title') ?? '', ...(placement !== undefined ? { placement } : {}), ...(e.item.get('unnumbered') === true ? { unnumbered: true } : {}) };
    },
    create: (input) => ({ fields: { title: input.title, placement: input.placement, unnumbered: input.unnumbered }, rich: input.body }),
    required: ['title'],
  },
  principle: {
    read: statement('principle'),
    create: (input) => ({ parent: input.parentId ?? VISION_ID, fields: { title: input.title }, rich: input.body }),
    required: ['title'],
  },
  bearing: {
    read: statement('bearing'),
    create: (input) => ({ parent: VISION_ID, fields: { title: input.title }, rich: input.body }),
    required: ['title'],
  },
  perspective: {
    read: (_items, e) => ({ id: e.id, title: str(e.item, 'title') ?? '', hidden: e.item.get('hidden') === true }),
    create: (input) => ({ fields: { title: input.title, hidden: input.hidden }, rich: input.intro }),
    required: ['title'],
  },
  focusArea: {
    read: (items, e) => ({
      id: e.id,
      perspectiveId: items.effectiveParent('focusArea', e.item) ?? RECOVERED_PERSPECTIVE_ID,
      title: str(e.item, 'title') ?? '',
    }),
    create: (input) => ({ parent: input.perspectiveId, fields: { title: input.title }, rich: input.body }),
    required: ['title'],
  },
  goal: {
    read: (items, e) => ({ id: e.id, focusAreaId: items.effectiveParent('goal', e.item) ?? RECOVERED_FOCUS_AREA_ID, text: str(e.item, 'text') ?? '' }),
    create: (input) => ({ parent: input.focusAreaId, fields: { text: input.text } }),
    required: ['text'],
  },
  owner: {
    read: (_items, e) => {
      const out: KindData['owner'] = { id: e.id, name: str(e.item, 'name') ?? '', kind: (str(e.item, 'kind') ?? 'unit') as KindData['owner']['kind'] };
      const parentId = str(e.item, 'parentId');
      if (parentId !== undefined) out.parentId = parentId;
      const email = str(e.item, 'email');
      if (email !== undefined) out.email = email;
      return out;
    },
    create: (input) => ({ fields: { name: input.name, kind: input.kind, parentId: input.parentId, email: input.email } }),
    required: ['name', 'kind'],
  },
  actionPlan: {
    read: (_items, e) => {
      const out: KindData['actionPlan'] = {
        id: e.id,
        title: str(e.item, 'title') ?? '',
        kind: (str(e.item, 'kind') ?? 'common') as KindData['actionPlan']['kind'],
        period: { from: num(e.item, 'periodFrom') ?? 0, to: num(e.item, 'periodTo') ?? 0 },
      };
      const ownerId = str(e.item, 'ownerId');
      if (ownerId !== undefined) out.ownerId = ownerId;
      const parentPlanId = str(e.item, 'parentPlanId');
      if (parentPlanId !== undefined) out.parentPlanId = parentPlanId;
      return out;
    },
    create: (input) => ({
      fields: {
        title: input.title,
        kind: input.kind,
        periodFrom: input.period.from,
        periodTo: input.period.to,
        ownerId: input.ownerId,
        parentPlanId: input.parentPlanId,
      },
      rich: input.intro,
    }),
    compound: { period: writePeriod('actionPlan') },
    required: ['title', 'kind'],
  },
  initiative: {
    read: (items, e) => {
      const item = e.item;
      const out: InitiativeData = {
        id: e.id,
        planId: items.effectiveParent('initiative', item) ?? RECOVERED_PLAN_ID,
        title: str(item, 'title') ?? '',
        focusAreaIds: readIdList(item, 'focusAreaIds'),
        participantIds: readIdList(item, 'participantIds'),
        supportsInitiativeIds: readIdList(item, 'supportsInitiativeIds'),
        statusUpdates: readStatusUpdates(item),
      };
      const ownerId = str(item, 'ownerId');
      if (ownerId !== undefined) out.ownerId = ownerId;
      const start = str(item, 'start');
      if (start !== undefined) out.start = start;
      const end = str(item, 'end');
      if (end !== undefined) out.end = end;
      const status = str(item, 'status');
      if (status !== undefined) out.status = status as InitiativeData['status'];
      const priority = num(item, 'priority');
      if (priority !== undefined) out.priority = priority;
      const bcStatus = str(item, 'businessCaseStatus');
      const benefit = str(item, 'businessCaseBenefit');
      // A benefit typed before any business-case status was chosen is a business case with status "none".
      if (bcStatus !== undefined || benefit) {
        out.businessCase = { status: (bcStatus ?? 'none') as NonNullable<InitiativeData['businessCase']>['status'] };
        if (benefit !== undefined) out.businessCase.benefit = benefit;
      }
      const amount = num(item, 'budgetAmountDkk');
      if (amount !== undefined) {
        out.budget = { amountDkk: amount };
        const source = str(item, 'budgetSource');
        if (source !== undefined) out.budget.source = source;
      }
      return out;
    },
    create: (input) => ({
      parent: input.planId,
      fields: { title: input.title, ownerId: input.ownerId, start: input.start, end: input.end, status: input.status, priority: input.priority },
      rich: input.description,
      after: (item) => {
        for (const key of INITIATIVE_ID_LISTS) writeIdList(item, key, input[key] ?? []);
        item.set(STATUS_UPDATES, new Y.Array<StatusUpdate>());
        writeBusinessCase(item, input.businessCase);
        writeBudget(item, input.budget);
      },
    }),
    compound: {
      businessCase: (item, value) => writeBusinessCase(item, value as InitiativeData['businessCase'] | null),
      budget: (item, value) => writeBudget(item, value as InitiativeData['budget'] | null),
    },
    required: ['title'],
  },
};
