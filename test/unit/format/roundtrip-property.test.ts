// Issue 11, "whatever Pejling writes, Pejling reads": random sequences of model operations, including
// the ones that break rules a person can break while editing (an initiative that ends before it starts,
// reversed periods, references to deleted items, empty titles), must always export to a file that
// `validate` accepts and that imports back to the same strategy. Issue 12 adds comment threads: on marked
// text, on fields and on whole items, replied to, edited, deleted, resolved, their text edited away.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkStrategy } from '../../../shared/check';
import { INITIATIVE_STATUSES, OWNER_KINDS, PLAN_KINDS, STRATEGY_STATUSES, type StrategyFile } from '../../../shared/format/schema';
import { formatProblem, parseStrategyText } from '../../../shared/format/validate';
import { Comments, CommentError, exportStrategy, importStrategy, StrategyModel, VISION_ID } from '../../../shared/model';
import { readFragment } from '../../../shared/model/yfragment';
import type { ItemKind, KindInput, KindPatch } from '../../../shared/model/types';

// ---- the one adapter to the model API ----------------------------------------------------------------
// Every call into shared/model goes through here, so a change of the model's API is a change in this
// block only.

type Kind = 'perspective' | 'focusArea' | 'goal' | 'owner' | 'plan' | 'initiative' | 'section' | 'principle';

interface Adapter {
  ids(kind: Kind): string[];
  setMeta(patch: Record<string, unknown>): void;
  setLabel(key: string, value: string | null): void;
  add(kind: Kind, fields: Record<string, unknown>): void;
  update(kind: Kind, id: string, fields: Record<string, unknown>): void;
  remove(kind: Kind, id: string): void;
  addStatusUpdate(id: string, update: { date: string; status: string; note?: string }): void;
  setRich(id: string, field: 'body' | 'intro' | 'description' | 'statement', markdown: string): void;
  /** A thread on an item, one of its fields, or a range (fractions of the field's size) of a rich field. */
  comment(target: { id: string; field?: string }, text: string, author: string, range?: [number, number]): void;
  hasText(id: string, field: string): boolean;
  threads(): { id: string; messages: { id: string; author: string }[]; status: 'open' | 'resolved' }[];
  reply(threadId: string, text: string, author: string): void;
  editMessage(threadId: string, messageId: string, text: string, author: string): void;
  deleteMessage(threadId: string, messageId: string, author: string): void;
  setStatus(threadId: string, status: 'open' | 'resolved', author: string): void;
}

/** The id of the vision's rich fields. */
const VISION = VISION_ID;

function adapter(doc: Y.Doc): Adapter {
  const model = new StrategyModel(doc);
  const comments = new Comments(model);
  const list: Record<Kind, () => { id: string; virtual?: true }[]> = {
    perspective: () => model.list('perspective'),
    focusArea: () => model.list('focusArea'),
    goal: () => model.list('focusArea').flatMap((f) => (f.virtual ? [] : model.list('goal', f.id))),
    owner: () => model.list('owner'),
    plan: () => model.list('actionPlan'),
    initiative: () => model.list('initiative'),
    section: () => model.list('section'),
    principle: () => model.list('principle'),
  };
  const kindOf: Record<Kind, ItemKind> = {
    perspective: 'perspective',
    focusArea: 'focusArea',
    goal: 'goal',
    owner: 'owner',
    plan: 'actionPlan',
    initiative: 'initiative',
    section: 'section',
    principle: 'principle',
  };
  return {
    ids: (kind) => list[kind]().filter((x) => !x.virtual).map((x) => x.id),
    setMeta: (patch) => model.updateMeta(patch),
    setLabel: (key, value) => model.updateLabels({ [key]: value }),
    add: (kind, fields) => void model.add(kindOf[kind], fields as unknown as KindInput[ItemKind]),
    update: (kind, id, fields) => model.update(kindOf[kind], id, fields as KindPatch[ItemKind]),
    remove: (_kind, id) => model.delete(id),
    addStatusUpdate: (id, u) => model.addStatusUpdate(id, u as Parameters<StrategyModel['addStatusUpdate']>[1]),
    setRich: (id, field, markdown) => model.setRich(id, field, markdown),
    comment: (target, text, author, range) => {
      let from: number | undefined;
      let to: number | undefined;
      if (range && target.field) {
        const size = readFragment(model.fragment(target.id, target.field as 'body')).content.size;
        [from, to] = [Math.floor(range[0] * size), Math.ceil(range[1] * size)];
      }
      refused(() =>
        comments.create({ target, text, author: { name: author }, ...(from !== undefined && to !== undefined && from < to ? { range: { from, to } } : {}) }),
      );
    },
    hasText: (id, field) => readFragment(model.fragment(id, field as 'body')).textContent.trim() !== '',
    threads: () => comments.list(),
    reply: (id, text, author) => refused(() => comments.reply(id, text, { name: author })),
    editMessage: (id, messageId, text, author) => refused(() => comments.editMessage(id, messageId, text, author)),
    deleteMessage: (id, messageId, author) => refused(() => comments.deleteMessage(id, messageId, author)),
    setStatus: (id, status, author) => (status === 'resolved' ? comments.resolve(id, { name: author }) : comments.reopen(id)),
  };
}

/** Runs a comment change the model may refuse (a range without text, someone else's message): a refusal is no change. */
function refused(change: () => unknown): void {
  try {
    change();
  } catch (error) {
    if (!(error instanceof CommentError)) throw error;
  }
}

/** A new document as the app starts one: from the blank template. */
const blank = JSON.parse(readFileSync(join(import.meta.dirname, '../../../templates/strategies/blank.json'), 'utf8')) as StrategyFile;
const newDoc = (): Y.Doc => importStrategy(structuredClone(blank));

// ---- operations ---------------------------------------------------------------------------------------

/** Text a person can type: letters, digits, Danish letters, punctuation, emoji, line breaks and tabs. */
const text = fc.string({
  unit: fc.constantFrom(...'aæøåAÆØÅ z09.,;:-–"\'*_#[]()!?<>&/\\\n\t€😀'.split(/(?:)/u)),
  maxLength: 12,
});
/** A comment: text that is not blank (the model refuses an empty comment). */
const words = text.filter((s) => s.trim() !== '');
const author = fc.constantFrom('Anna Holm', 'Bo Lind', 'Carla Friis');
const year = fc.integer({ min: 1990, max: 2040 });
const month = fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const date = fc.date({ min: new Date('1995-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const period = fc.record({ from: year, to: year }); // reversed periods included on purpose
const pick = fc.nat(); // an index into whatever exists when the operation runs
const kinds: Kind[] = ['perspective', 'focusArea', 'goal', 'owner', 'plan', 'initiative', 'section', 'principle'];

type Op = (a: Adapter) => void;

const at = <T,>(items: T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

const ops: fc.Arbitrary<Op>[] = [
  fc.record({ title: text.filter((s) => s.trim() !== ''), organisation: text.filter((s) => s.trim() !== '') }).map((m) => (a: Adapter) => a.setMeta(m)),
  period.map((p) => (a: Adapter) => a.setMeta({ period: p })),
  fc.record({ date: fc.option(date), status: fc.option(fc.constantFrom(...STRATEGY_STATUSES)), subtitle: fc.option(text), language: fc.constantFrom('da', 'en') }).map(
    (m) => (a: Adapter) => a.setMeta(m),
  ),
  fc.tuple(fc.constantFrom('perspective', 'focusArea', 'focusAreas', 'principles'), fc.option(text)).map(([k, v]) => (a: Adapter) => a.setLabel(k, v)),
  fc.record({ title: text, hidden: fc.boolean() }).map((p) => (a: Adapter) => a.add('perspective', p)),
  fc.record({ title: text, n: pick }).map(({ title, n }) => (a: Adapter) => {
    const perspectiveId = at(a.ids('perspective'), n);
    if (perspectiveId) a.add('focusArea', { perspectiveId, title });
  }),
  fc.record({ text, n: pick }).map(({ text: t, n }) => (a: Adapter) => {
    const focusAreaId = at(a.ids('focusArea'), n);
    if (focusAreaId) a.add('goal', { focusAreaId, text: t });
  }),
  fc.record({ name: text, kind: fc.constantFrom(...OWNER_KINDS), n: fc.option(pick) }).map(({ name, kind, n }) => (a: Adapter) => {
    const parentId = n === null ? undefined : at(a.ids('owner'), n);
    a.add('owner', parentId ? { name, kind, parentId } : { name, kind });
  }),
  fc.record({ title: text, kind: fc.constantFrom(...PLAN_KINDS), period }).map((p) => (a: Adapter) => a.add('plan', p)),
  fc.record({ title: text, n: pick, start: fc.option(month), end: fc.option(month), status: fc.option(fc.constantFrom(...INITIATIVE_STATUSES)) }).map(
    ({ title, n, start, end, status }) =>
      (a: Adapter) => {
        const planId = at(a.ids('plan'), n);
        if (!planId) return;
        const focusAreaIds = a.ids('focusArea').slice(0, n % 3);
        a.add('initiative', { planId, title, focusAreaIds, ...(start ? { start } : {}), ...(end ? { end } : {}), ...(status ? { status } : {}) });
      },
  ),
  // The initiative's dates typed one after the other, in any order: the rule-breaking case of issue 11.
  fc.record({ n: pick, start: fc.option(month), end: fc.option(month) }).map(({ n, start, end }) => (a: Adapter) => {
    const id = at(a.ids('initiative'), n);
    if (id) a.update('initiative', id, { start, end });
  }),
  fc.record({ n: pick, o: pick, priority: fc.option(fc.integer({ min: -5, max: 100 })), amount: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true })) }).map(
    ({ n, o, priority, amount }) =>
      (a: Adapter) => {
        const id = at(a.ids('initiative'), n);
        if (!id) return;
        a.update('initiative', id, {
          ownerId: at(a.ids('owner'), o) ?? null,
          priority,
          budget: amount === null ? null : { amountDkk: Math.round(amount * 100) / 100 },
          supportsInitiativeIds: a.ids('initiative').filter((x) => x !== id).slice(0, o % 2),
          participantIds: a.ids('owner').slice(0, o % 3),
        });
      },
  ),
  fc.record({ n: pick, d: date, status: fc.constantFrom(...INITIATIVE_STATUSES), note: fc.option(text) }).map(({ n, d, status, note }) => (a: Adapter) => {
    const id = at(a.ids('initiative'), n);
    if (id) a.addStatusUpdate(id, note === null ? { date: d, status } : { date: d, status, note });
  }),
  fc.record({ n: pick, p: period, title: text }).map(({ n, p, title }) => (a: Adapter) => {
    const id = at(a.ids('plan'), n);
    if (id) a.update('plan', id, { period: p, title });
  }),
  fc.record({ title: text }).map((s) => (a: Adapter) => a.add('section', s)),
  fc.record({ title: text }).map((s) => (a: Adapter) => a.add('principle', s)),
  fc.record({ n: pick, k: fc.constantFrom(...kinds), title: text }).map(({ n, k, title }) => (a: Adapter) => {
    const id = at(a.ids(k), n);
    if (!id || k === 'plan' || k === 'initiative') return;
    a.update(k, id, k === 'goal' ? { text: title } : k === 'owner' ? { name: title } : { title });
  }),
  fc.record({ n: pick, k: fc.constantFrom(...kinds) }).map(({ n, k }) => (a: Adapter) => {
    const id = at(a.ids(k), n);
    if (id) a.remove(k, id);
  }),
  fc.record({ n: pick, body: text }).map(({ n, body }) => (a: Adapter) => {
    const id = at(a.ids('focusArea'), n);
    if (id) a.setRich(id, 'body', body);
  }),
  text.map((statement) => (a: Adapter) => a.setRich(VISION, 'statement', statement)),
  ...commentOps(),
];

/** Comment threads: on a range of a rich field (marked), on a plain field, on a whole item; and what follows. */
function commentOps(): fc.Arbitrary<Op>[] {
  const create = fc
    .record({
      on: fc.constantFrom('vision', 'vision', 'focusArea', 'focusArea', 'initiative', 'goal', 'plan'),
      n: pick,
      where: fc.constantFrom('range', 'range', 'field', 'item'),
      range: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([x, y]) => [x / 100, y / 100]),
      text: words,
      author,
      typed: words,
    })
    .map(({ on, n, where, range, text: t, author: who, typed }) => (a: Adapter) => {
      const id = on === 'vision' ? VISION : at(a.ids(on === 'plan' ? 'plan' : (on as Kind)), n);
      if (!id) return;
      const rich = { vision: 'statement', focusArea: 'body', initiative: 'description', goal: undefined, plan: 'intro' }[on];
      const plain = on === 'goal' ? 'text' : on === 'vision' ? 'body' : 'title';
      if (where === 'range' && rich) {
        // Someone types a text (when the field has none) and comments on part of it.
        if (!a.hasText(id, rich)) a.setRich(id, rich as 'body', `${typed} ${t}`);
        a.comment({ id, field: rich }, t, who, [Math.min(...range), Math.max(...range)]);
      } else if (where === 'field') a.comment({ id, field: plain }, t, who);
      else a.comment({ id }, t, who);
    });
  const reply = fc.record({ n: pick, text: words, author }).map(({ n, text: t, author: who }) => (a: Adapter) => {
    const thread = at(a.threads(), n);
    if (thread) a.reply(thread.id, t, who);
  });
  const change = fc.record({ n: pick, m: pick, text: words, edit: fc.boolean() }).map(({ n, m, text: t, edit }) => (a: Adapter) => {
    const thread = at(a.threads(), n);
    const message = thread && at(thread.messages, m);
    if (!thread || !message) return;
    if (edit) a.editMessage(thread.id, message.id, t, message.author);
    else a.deleteMessage(thread.id, message.id, message.author);
  });
  const status = fc.record({ n: pick, author }).map(({ n, author: who }) => (a: Adapter) => {
    const thread = at(a.threads(), n);
    if (thread) a.setStatus(thread.id, thread.status === 'open' ? 'resolved' : 'open', who);
  });
  // Threads are made more often than the rest is changed, so most programs hold several.
  return [create, create, create, create, reply, reply, change, status];
}

const program = fc.array(fc.oneof(...ops), { minLength: 1, maxLength: 40 });
/** Programs of the consultation round: mostly comment threads, on items and text the program makes. */
const commenting = fc.array(fc.oneof(...ops, ...commentOps(), ...commentOps()), { minLength: 10, maxLength: 50 });

/**
 * The file with its threads in id order. A quote anchors at its first occurrence in its field, so a thread
 * made on a later occurrence of the same words moves to the first on import, and with it its place among
 * the field's threads (the file lists them in document order); what each thread holds does not change.
 */
function byId(file: StrategyFile): StrategyFile {
  return file.comments ? { ...file, comments: [...file.comments].sort((x, y) => (x.id < y.id ? -1 : 1)) } : file;
}

describe('export → validate → import gives the same strategy (property, issue 11)', () => {
  it('for any sequence of model operations, including rule-breaking ones', () => {
    fc.assert(
      fc.property(program, (steps) => {
        const doc = newDoc();
        const a = adapter(doc);
        for (const step of steps) step(a);
        const exported = exportStrategy(doc);
        const json = JSON.stringify(exported, null, 2);
        const validated = parseStrategyText(json);
        if (!validated.ok) throw new Error(`the export was refused:\n${validated.problems.map(formatProblem).join('\n')}`);
        expect(validated.warnings).toEqual([]);
        expect(validated.strategy).toEqual(JSON.parse(json));
        expect(() => checkStrategy(validated.strategy)).not.toThrow();
        const again = exportStrategy(importStrategy(validated.strategy));
        expect(byId(again)).toEqual(byId(exported));
        // Once read from a file, every thread sits on the first occurrence of its quote: a fixed point.
        expect(exportStrategy(importStrategy(again))).toEqual(again);
      }),
      { numRuns: 150 },
    );
  });

  it('with comment threads: on marked text, fields and items, replied to, edited, deleted, resolved', () => {
    const seen = { threads: 0, quotes: 0, replies: 0, resolved: 0, edited: 0 };
    fc.assert(
      fc.property(commenting, (steps) => {
        const doc = newDoc();
        const a = adapter(doc);
        for (const step of steps) step(a);
        const exported = exportStrategy(doc);
        const validated = parseStrategyText(JSON.stringify(exported));
        if (!validated.ok) throw new Error(`the export was refused:\n${validated.problems.map(formatProblem).join('\n')}`);
        expect(validated.warnings).toEqual([]);
        for (const thread of exported.comments ?? []) {
          seen.threads++;
          if (thread.target.quote) seen.quotes++;
          if (thread.messages.length > 1) seen.replies++;
          if (thread.status === 'resolved') seen.resolved++;
          if (thread.messages.some((m) => m.edited)) seen.edited++;
        }
        const again = exportStrategy(importStrategy(validated.strategy));
        expect(byId(again)).toEqual(byId(exported));
        expect(exportStrategy(importStrategy(again))).toEqual(again);
      }),
      { numRuns: 100 },
    );
    // The runs did exercise what they claim: in five runs 128-171 threads, 62-79 quoted, 61-71 with replies,
    // 23-34 resolved, 19-25 with an edited message.
    expect(seen.threads).toBeGreaterThan(60);
    for (const n of [seen.quotes, seen.replies, seen.resolved, seen.edited]) expect(n).toBeGreaterThan(8);
  });

  it('also after two replicas edit at once and merge (how a reversed period or a dangling reference arises)', () => {
    fc.assert(
      fc.property(program, program, (left, right) => {
        const a = newDoc();
        const b = new Y.Doc();
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        for (const step of left) step(adapter(a));
        for (const step of right) step(adapter(b));
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
        const exported = exportStrategy(a);
        const validated = parseStrategyText(JSON.stringify(exported));
        if (!validated.ok) throw new Error(`the merged export was refused:\n${validated.problems.map(formatProblem).join('\n')}`);
        expect(byId(exportStrategy(importStrategy(validated.strategy)))).toEqual(byId(exported));
      }),
      { numRuns: 60 },
    );
  });

  it('the case of issue 11: end 2011-04, start 2012-01 exports, validates and is a check finding', () => {
    const doc = newDoc();
    const a = adapter(doc);
    a.setMeta({ period: { from: 2010, to: 2014 } });
    a.add('perspective', { title: 'Borgerne', hidden: false });
    a.add('focusArea', { perspectiveId: a.ids('perspective')[0], title: 'Selvbetjening' });
    a.add('plan', { title: 'Handlingsplan 2011-2012', kind: 'common', period: { from: 2011, to: 2012 } });
    a.add('initiative', { planId: a.ids('plan')[0], title: 'Digital post', focusAreaIds: a.ids('focusArea') });
    const id = a.ids('initiative')[0]!;
    a.update('initiative', id, { end: '2011-04' });
    a.update('initiative', id, { start: '2012-01' });
    const validated = parseStrategyText(JSON.stringify(exportStrategy(doc)));
    if (!validated.ok) throw new Error(validated.problems.map(formatProblem).join('\n'));
    expect(checkStrategy(validated.strategy).filter((f) => f.code === 'initiative-end-before-start').map((f) => f.id)).toEqual([id]);
  });
});
