// Look-ups over a strategy by id, shared by the Word exporter and the status report, and the one
// disposition (chapters, headings and their numbers) of the Word document and the app's Disposition view.
import type { ActionPlan, FocusArea, Initiative, Labels, Meta, Owner, Perspective, Rich, SectionPlacement, StrategyFile } from '../format/schema';
import { t } from '../i18n/messages';
import { richToJson, type PmNode } from './rich-json';
import { exportTexts, structureWords } from './texts';
import { formatDate, formatYears, strategyStatusLabel, typeset, type ExportLanguage } from './typography';

export interface FocusAreaPlace {
  focusArea: FocusArea;
  perspective: Perspective;
  /** Position of the perspective in the strategy, and of the focus area in the strategy overall. */
  perspectiveIndex: number;
  order: number;
}

export class StrategyIndex {
  readonly focusAreas = new Map<string, FocusAreaPlace>();
  readonly owners = new Map<string, Owner>();
  readonly plans = new Map<string, ActionPlan>();
  readonly initiatives = new Map<string, { initiative: Initiative; plan: ActionPlan }>();

  constructor(readonly strategy: StrategyFile) {
    let order = 0;
    strategy.perspectives.forEach((perspective, perspectiveIndex) => {
      for (const focusArea of perspective.focusAreas) {
        this.focusAreas.set(focusArea.id, { focusArea, perspective, perspectiveIndex, order: order++ });
      }
    });
    for (const owner of strategy.owners ?? []) this.owners.set(owner.id, owner);
    for (const plan of strategy.actionPlans ?? []) {
      this.plans.set(plan.id, plan);
      for (const initiative of plan.initiatives) this.initiatives.set(initiative.id, { initiative, plan });
    }
  }

  /** An owner's name with the unit it belongs to: "Jens Holm (Økonomiforvaltningen)". */
  ownerLabel(ownerId: string | undefined): string {
    if (!ownerId) return '';
    const owner = this.owners.get(ownerId);
    if (!owner) return '';
    const parent = owner.parentId ? this.owners.get(owner.parentId) : undefined;
    return parent && owner.kind === 'person' ? `${owner.name} (${parent.name})` : owner.name;
  }

  /** The focus areas an initiative serves that exist, in the strategy's order. */
  focusAreasOf(initiative: Initiative): FocusAreaPlace[] {
    return initiative.focusAreaIds
      .map((id) => this.focusAreas.get(id))
      .filter((place): place is FocusAreaPlace => place !== undefined)
      .sort((a, b) => a.order - b.order);
  }

  /** Where an initiative is listed when grouped: under the first focus area it serves. */
  homeOf(initiative: Initiative): FocusAreaPlace | undefined {
    return this.focusAreasOf(initiative)[0];
  }
}

// ---- The disposition: the strategy's headings as the Word document writes them -------------------
//
// One list of the strategy's chapters and their sub-headings, in order, with the numbers Word shows
// (1, 4.2, …): the Word export writes its chapters in this order (strategy-part.ts: chapterOrder) and
// the Disposition view (renderer/src/outline) shows these entries, so a section reference taken from
// the app is the one in the published document. test/integration/export-structure.test.ts compares
// the entries with the table of contents of the .docx; test/unit/structure/disposition.test.ts with
// the export's own outline on generated strategies.

/** Where a free section stands when the file says nothing (docs/format.md: `end`). */
export function placementOf(section: { placement?: SectionPlacement | undefined }): SectionPlacement {
  return section.placement ?? 'end';
}

/** Whether "Om strategien" is written: someone prepared, commissioned or can be contacted about it. */
export function aboutShown(meta: { preparedBy?: string | undefined; commissionedBy?: string | undefined; contact?: string | undefined }): boolean {
  return !!(meta.preparedBy || meta.commissionedBy || meta.contact);
}

/** The rows of "Om strategien" that have a value, in the document's language, as Word lists them. */
export function aboutFacts(meta: Meta): { label: string; value: string }[] {
  const lang: ExportLanguage = meta.language === 'en' ? 'en' : 'da';
  const texts = exportTexts(lang);
  const rows: [string, string | undefined][] = [
    [texts.preparedBy, meta.preparedBy],
    [texts.commissionedBy, meta.commissionedBy],
    [texts.contact, meta.contact],
    [texts.period, formatYears(meta.period)],
    [texts.version, meta.version],
    [texts.date, meta.date ? formatDate(meta.date, lang) : undefined],
    [texts.status, meta.status ? strategyStatusLabel(meta.status, lang) : undefined],
  ];
  return rows.filter((row): row is [string, string] => !!row[1] && row[1].trim() !== '').map(([label, value]) => ({ label, value }));
}

/** The structure the disposition needs: a StrategyFile has it; the app builds it from the live document. */
export interface OutlineSource {
  meta: { preparedBy?: string | undefined; commissionedBy?: string | undefined; contact?: string | undefined; language?: string | undefined };
  labels?: Labels | undefined;
  sections?: readonly { id: string; title: string; placement?: SectionPlacement | undefined; unnumbered?: boolean | undefined; body?: Rich | undefined }[] | undefined;
  vision: { statement?: Rich | undefined; body?: Rich | undefined; principles?: readonly unknown[] | undefined; bearings?: readonly unknown[] | undefined };
  perspectives: readonly {
    id: string;
    title: string;
    hidden?: boolean | undefined;
    intro?: Rich | undefined;
    principles?: readonly unknown[] | undefined;
    focusAreas: readonly { id: string; title: string; body?: Rich | undefined }[];
  }[];
  actionPlans?: readonly { id: string; title: string; intro?: Rich | undefined }[] | undefined;
}

type SourceSection = NonNullable<OutlineSource['sections']>[number];

/** The chapters of the strategy part in the order the document has them. */
type Chapter =
  | { kind: 'section'; section: SourceSection }
  | { kind: 'vision' }
  | { kind: 'perspectives' }
  | { kind: 'actionPlans' }
  | { kind: 'about' };

/** The order of the chapters: free sections around the vision and perspectives, then plans, end sections, "Om strategien". */
function chapterOrder(source: OutlineSource): Chapter[] {
  const at = (placement: SectionPlacement): Chapter[] =>
    (source.sections ?? []).filter((s) => placementOf(s) === placement).map((section) => ({ kind: 'section', section }));
  return [
    ...at('beforeVision'),
    { kind: 'vision' },
    ...at('afterVision'),
    { kind: 'perspectives' },
    ...at('afterPerspectives'),
    ...((source.actionPlans ?? []).length > 0 ? [{ kind: 'actionPlans' } as const] : []),
    ...at('end'),
    ...(aboutShown(source.meta) ? [{ kind: 'about' } as const] : []),
  ];
}

export type DispositionKind =
  | 'section'
  | 'vision'
  | 'principles'
  | 'bearings'
  | 'perspective'
  | 'focusAreas'
  | 'focusArea'
  | 'actionPlans'
  | 'actionPlan'
  | 'about'
  | 'richHeading';

export interface DispositionEntry {
  kind: DispositionKind;
  /** The item the heading belongs to (its own id; for a heading inside rich text, the item whose text it is). */
  itemId?: string;
  /** For a heading inside rich text: the field, and its place among the field's outline headings. */
  field?: string;
  index?: number;
  level: 1 | 2 | 3;
  /** "4.2" as Word numbers it; '' when the house style numbers no headings, or for an unnumbered foreword. */
  number: string;
  /** The heading's text as the document shows it (typographic quotes; "(uden titel)" for an empty one). */
  title: string;
}

export interface DispositionOptions {
  /** Whether the house style numbers headings (headings.numbered). */
  numbered: boolean;
}

/** The plain text of a ProseMirror node. */
function nodeText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hard_break') return '\n';
  return (node.content ?? []).map(nodeText).join('');
}

/**
 * The headings of a rich text that are headings of the document, as ./docx/rich.ts writes them: the
 * distinct levels the text uses ranked below `baseLevel`, headings at the top or in block quotes (not in
 * lists or tables), down to level 3 (deeper ones are bold lead-ins), empty ones left out.
 */
export function richOutlineHeadings(rich: Rich | undefined, baseLevel: number): { level: number; text: string }[] {
  if (rich === undefined) return [];
  // Cheap for the common case: Markdown without a "#" line has no heading.
  if (typeof rich === 'string' && !/^[\s>]*#/m.test(rich)) return [];
  const nodes = richToJson(rich).content ?? [];
  const levels = new Set<number>();
  const walk = (list: PmNode[]) => {
    for (const node of list) {
      if (node.type === 'heading') levels.add(Number(node.attrs?.level ?? 1));
      else if (node.content && node.type !== 'paragraph') walk(node.content);
    }
  };
  walk(nodes);
  const ranks = new Map([...levels].sort((a, b) => a - b).map((level, rank) => [level, rank + 1]));
  const out: { level: number; text: string }[] = [];
  const blocks = (list: PmNode[]) => {
    for (const node of list) {
      if (node.type === 'blockquote') blocks(node.content ?? []);
      if (node.type !== 'heading' || nodeText(node).trim() === '') continue;
      const level = baseLevel + (ranks.get(Number(node.attrs?.level ?? 1)) ?? 1);
      if (level <= 3) out.push({ level, text: nodeText(node) });
    }
  };
  blocks(nodes);
  return out;
}

/**
 * The numbers of a heading outline as Word counts them: a level never skips one (a level 3 straight
 * after a level 1 is a level 2, as ./docx/headings.ts clamps it), and the headings of an unnumbered
 * chapter (a foreword) have no number and do not count.
 */
export class OutlineNumbers {
  private readonly counters = [0, 0, 0];
  private current = 0;
  private unnumberedChapter = false;

  constructor(private readonly numbered: boolean) {}

  /** The level the last heading was at (0 before any). */
  get level(): number {
    return this.current;
  }

  next(requested: 1 | 2 | 3, unnumbered = false): { level: 1 | 2 | 3; number: string; unnumbered: boolean } {
    const level = Math.min(requested, this.current + 1) as 1 | 2 | 3;
    this.current = level;
    if (level === 1) this.unnumberedChapter = unnumbered;
    if (unnumbered || this.unnumberedChapter) return { level, number: '', unnumbered: true };
    const index = level - 1;
    this.counters[index] = (this.counters[index] ?? 0) + 1;
    for (let i = index + 1; i < this.counters.length; i++) this.counters[i] = 0;
    return { level, number: this.numbered ? this.counters.slice(0, level).join('.') : '', unnumbered: false };
  }
}

/** The strategy's headings in document order with their numbers, exactly as the Word export writes them. */
export function strategyDisposition(source: OutlineSource, options: DispositionOptions): DispositionEntry[] {
  const lang: ExportLanguage = source.meta.language === 'en' ? 'en' : 'da';
  const texts = exportTexts(lang);
  const words = structureWords(source.labels, texts);
  const untitled = t(lang, 'export.untitledHeading');
  const numbers = new OutlineNumbers(options.numbered);
  const out: DispositionEntry[] = [];
  const heading = (kind: DispositionKind, requested: 1 | 2 | 3, title: string, extra: Partial<DispositionEntry> = {}, unnumbered = false) => {
    const { level, number } = numbers.next(requested, unnumbered);
    const text = title.trim() === '' ? untitled : title.trim();
    out.push({ kind, level, number, title: text, ...extra });
  };
  const typo = (text: string) => typeset(text, lang);
  const principleLists = [source.vision.principles, ...source.perspectives.map((p) => p.principles)].filter((list) => (list?.length ?? 0) > 0).length;
  const rich = (itemId: string, field: string, value: Rich | undefined, baseLevel: number) => {
    richOutlineHeadings(value, baseLevel).forEach((h, index) => heading('richHeading', h.level as 1 | 2 | 3, typo(h.text), { itemId, field, index }));
  };

  for (const chapter of chapterOrder(source)) {
    switch (chapter.kind) {
      case 'section': {
        const s = chapter.section;
        heading('section', 1, typo(s.title), { itemId: s.id }, s.unnumbered === true);
        rich(s.id, 'body', s.body, 1);
        break;
      }
      case 'vision': {
        const v = source.vision;
        heading('vision', 1, texts.vision);
        rich('vision', 'statement', v.statement, 1);
        rich('vision', 'body', v.body, 1);
        if ((v.principles?.length ?? 0) > 0) heading('principles', 2, words.principles);
        if ((v.bearings?.length ?? 0) > 0) heading('bearings', 2, words.bearings);
        break;
      }
      case 'perspectives': {
        let previousHidden = false;
        for (const p of source.perspectives) {
          if (!p.hidden) heading('perspective', 1, typo(p.title), { itemId: p.id });
          else if (!previousHidden) heading('focusAreas', 1, words.focusAreas, { itemId: p.id });
          previousHidden = p.hidden === true;
          rich(p.id, 'intro', p.intro, 1);
          // Several lists of principles name their chapter too, as ./docx/headings.ts principlesHeading does.
          const label = principleLists > 1 ? t(lang, 'layout.heading.inParent', { title: words.principles, parent: typo(p.title) }) : words.principles;
          if ((p.principles?.length ?? 0) > 0) heading('principles', 2, label, { itemId: p.id });
          for (const fa of p.focusAreas) {
            heading('focusArea', 2, typo(fa.title), { itemId: fa.id });
            rich(fa.id, 'body', fa.body, 2);
          }
        }
        break;
      }
      case 'actionPlans':
        heading('actionPlans', 1, texts.actionPlans);
        for (const plan of source.actionPlans ?? []) {
          heading('actionPlan', 2, typo(plan.title), { itemId: plan.id });
          rich(plan.id, 'intro', plan.intro, 2);
        }
        break;
      case 'about':
        heading('about', 1, texts.aboutDocument);
        break;
    }
  }
  return out;
}
