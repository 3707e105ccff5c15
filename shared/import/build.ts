// From the outline (with the roles the user confirmed) to an interchange strategy: the content under each
// heading goes to the item its role makes, goals are read from the list after a "Målsætninger" label,
// principles and bearings from numbered lists, action-plan tables become plans and initiatives whose focus
// areas are linked by title and whose owners are created once per name. Nothing is dropped silently: text
// the roles give no place becomes a free section, and the report (./report.ts) says where everything went.
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type ActionPlan,
  type FocusArea,
  type Initiative,
  type Meta,
  type Owner,
  type Perspective,
  type PlanKind,
  type Section,
  type SectionPlacement,
  type Statement,
  type StrategyFile,
  type StrategyStatus,
} from '../format/schema';
import { planKindLabel, strategyStatusLabel, t, type Lang } from '../i18n';
import { PLAN_KINDS, STRATEGY_STATUSES, type CommentThread } from '../format/schema';
import { isDateTime } from '../format/dates';
import { paragraphText, type RawDocument, type RawParagraph, type RawRun, type RawTable } from './raw';
import type { ImportOutline, OutlineHeading } from './recognise';
import { isBearingsTitle, isGoalLabel, normaliseTitle, sameTitle } from './text';
import { isInitiativeTable, parsePeriod, readInitiativeTable, type TableInitiative } from './plan-table';
import { RichBuilder } from './rich';
import type { ImportReport, ReportEntry } from './report';

export interface BuildOptions {
  /** The file's name, used as the title when the cover has none. */
  fileName?: string;
  /** Today, for a strategy whose period the document does not name. */
  now?: Date;
  /** Language of the words the importer adds (a hidden perspective's title, "unknown organisation"). */
  lang?: Lang;
}

export interface ImportResult {
  strategy: StrategyFile;
  report: ImportReport;
}

type Target =
  | { kind: 'cover' }
  | { kind: 'ignore' }
  | { kind: 'about' }
  | { kind: 'section'; level: number; section: Section; rich: RichBuilder }
  | { kind: 'vision'; level: number; statement?: RichBuilder; body: RichBuilder }
  | { kind: 'principles'; level: number; list: Statement[]; bodies: RichBuilder[]; bearings: boolean; owner: 'vision' | PerspectiveDraft; intro: RichBuilder }
  | { kind: 'perspective'; level: number; perspective: PerspectiveDraft }
  | { kind: 'focusArea'; level: number; focusArea: FocusAreaDraft; goals: boolean }
  | { kind: 'actionPlans'; level: number; title: string; pending: RichBuilder; sectionId: string }
  | { kind: 'actionPlan'; level: number; plan: PlanDraft };

interface PerspectiveDraft {
  perspective: Omit<Perspective, 'focusAreas' | 'intro'>;
  intro: RichBuilder;
  focusAreas: FocusAreaDraft[];
}

interface FocusAreaDraft {
  focusArea: Omit<FocusArea, 'body'>;
  body: RichBuilder;
}

interface PlanDraft {
  id: string;
  title: string;
  kind?: PlanKind;
  period?: { from: number; to: number };
  owner?: string;
  parentTitle?: string;
  intro: RichBuilder;
  rows: { row: TableInitiative; focusArea?: FocusAreaDraft }[];
  summarySeen: boolean;
}

const LANGS: Lang[] = ['da', 'en'];

function yearsIn(text: string): { from: number; to: number } | undefined {
  const span = /((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2}|\d{2})(?!\d)/.exec(text);
  if (span?.[1] && span[2]) {
    const from = Number(span[1]);
    const to = span[2].length === 2 ? Math.floor(from / 100) * 100 + Number(span[2]) : Number(span[2]);
    if (to >= from && to - from <= 20) return { from, to };
  }
  const single = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(text);
  return single?.[1] ? { from: Number(single[1]), to: Number(single[1]) } : undefined;
}

/** "30. november 2006" / "30 November 2006" / "30-11-2006" / "2006-11-30" → ISO date. */
function parseDayText(text: string): string | undefined {
  const clean = text.toLowerCase().replace(/[\u00a0\s]+/g, ' ').trim();
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(clean);
  if (isoMatch) return clean;
  const numeric = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(clean);
  if (numeric?.[1] && numeric[2] && numeric[3]) return `${numeric[3]}-${numeric[2].padStart(2, '0')}-${numeric[1].padStart(2, '0')}`;
  const named = /^(\d{1,2})\.? ([a-zæøå]+)\.? (\d{4})$/.exec(clean);
  if (named?.[1] && named[2] && named[3]) {
    const month = parsePeriod(`${named[2]} ${named[3]}`).start;
    if (month) return `${month}-${named[1].padStart(2, '0')}`;
  }
  return undefined;
}

function strategyStatusOf(text: string): StrategyStatus | undefined {
  const clean = text.toLowerCase().trim();
  return STRATEGY_STATUSES.find((status) => LANGS.some((lang) => strategyStatusLabel(status, lang).toLowerCase() === clean));
}

function planKindOf(text: string): PlanKind | undefined {
  const clean = text.toLowerCase().trim();
  return PLAN_KINDS.find((kind) => LANGS.some((lang) => planKindLabel(kind, lang).toLowerCase() === clean));
}

/** Owner kinds guessed from the name: a forum meets, a person holds a post, everything else is a unit. */
function ownerKindOf(name: string): Owner['kind'] {
  const text = name.toLowerCase();
  if (/udvalg|forum|gruppe|direktion|råd\b|bestyrelse|kreds|korps|styregruppe|board|committee|group/.test(text)) return 'forum';
  if (/chef\b|chef,|chef |ejer\b|ejer |direktør|leder\b|koordinator|konsulent|manager|officer|owner/.test(text)) return 'person';
  return 'unit';
}

class Ids {
  private readonly counts = new Map<string, number>();
  next(prefix: string): string {
    const n = (this.counts.get(prefix) ?? 0) + 1;
    this.counts.set(prefix, n);
    return `${prefix}-${n}`;
  }
}

export function buildStrategy(raw: RawDocument, outline: ImportOutline, options: BuildOptions = {}): ImportResult {
  return new Builder(raw, outline, options).build();
}

class Builder {
  private readonly ids = new Ids();
  private readonly lang: Lang;
  private readonly entries: ReportEntry[] = [];
  private readonly headingAt = new Map<number, OutlineHeading>();
  private stack: Target[] = [{ kind: 'cover' }];
  private readonly sections: { section: Section; rich: RichBuilder }[] = [];
  private readonly perspectives: PerspectiveDraft[] = [];
  private readonly plans: PlanDraft[] = [];
  private vision: { statement?: RichBuilder; body: RichBuilder; principles: Statement[]; bearings: Statement[]; title?: string } = { body: new RichBuilder(), principles: [], bearings: [] };
  private visionSeen = false;
  private plansSeen = false;
  private readonly cover: { title?: string; subtitles: string[]; organisation?: string; lines: string[] } = { subtitles: [], lines: [] };
  private readonly meta: Partial<Meta> = {};
  private readonly setAside = { cover: 0, toc: 0, page: 0, about: 0 };
  private readonly ignored: string[] = [];

  constructor(
    private readonly raw: RawDocument,
    private readonly outline: ImportOutline,
    private readonly options: BuildOptions,
  ) {
    this.lang = options.lang ?? 'da';
    for (const heading of outline.headings) this.headingAt.set(heading.block, heading);
  }

  private get top(): Target {
    return this.stack[this.stack.length - 1]!;
  }

  build(): ImportResult {
    this.raw.blocks.forEach((block, index) => {
      this.place = undefined;
      this.readBlock(block, index);
      if (this.place) this.places.set(index, this.place);
    });
    return this.finish();
  }

  private readBlock(block: RawDocument['blocks'][number], index: number): void {
    {
      const cls = this.outline.classes[index];
      if (cls === 'empty') return;
      if (cls === 'toc') return void this.setAside.toc++;
      if (cls === 'page') return void this.setAside.page++;
      const heading = this.headingAt.get(index);
      if (heading) return this.openHeading(heading);
      if (block.kind === 'table') return this.table(block);
      this.paragraph(block, cls === 'cover' && this.top.kind === 'cover');
    }
  }

  /** The field of a target that running text goes to. */
  private bodyPlace(target: Target): { id: string; field?: string } | undefined {
    switch (target.kind) {
      case 'section':
        return { id: target.section.id, field: 'body' };
      case 'vision':
        return { id: 'vision', field: 'body' };
      case 'perspective':
        return { id: target.perspective.perspective.id, field: 'intro' };
      case 'focusArea':
        return { id: target.focusArea.focusArea.id, field: 'body' };
      case 'actionPlan':
        return { id: target.plan.id, field: 'intro' };
      case 'actionPlans':
        return { id: target.sectionId, field: 'body' };
      case 'principles': {
        const last = target.list[target.list.length - 1];
        if (last && this.statementBodies.get(last) === target.bodies[target.bodies.length - 1]) return { id: last.id, field: 'body' };
        return target.owner === 'vision' ? { id: 'vision', field: 'body' } : { id: target.owner.perspective.id, field: 'intro' };
      }
      default:
        return undefined;
    }
  }

  // ---- headings ----

  /** The structural item a subheading at `level` belongs to, or undefined when it starts a new item. */
  private enclosing(level: number): Target | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const target = this.stack[i]!;
      if ('level' in target && target.level < level) return target;
    }
    return undefined;
  }

  private closeTo(level: number): void {
    // Pop every target at this level or deeper.
    while (this.stack.length > 1) {
      const top = this.top;
      if ('level' in top && top.level >= level) this.stack.pop();
      else if (top.kind === 'ignore' || top.kind === 'about' || top.kind === 'cover') this.stack.pop();
      else break;
    }
  }

  private perspectiveAbove(): PerspectiveDraft | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const target = this.stack[i]!;
      if (target.kind === 'perspective') return target.perspective;
    }
    return undefined;
  }

  private openHeading(heading: OutlineHeading): void {
    const { level, title, role } = heading;
    if (role === 'section') {
      const parent = this.enclosing(level);
      const ignoredAbove = this.stack.some((target) => target.kind === 'ignore');
      if (parent && !ignoredAbove && parent.kind !== 'actionPlans') {
        // A subheading inside the text of the item above it.
        this.closeTo(level);
        const rich = this.richOf(this.top);
        if (rich) {
          rich.heading(level - ('level' in this.top ? this.top.level : 0), title);
          this.place = this.bodyPlace(this.top);
          return;
        }
      }
    }
    this.closeTo(level);
    switch (role) {
      case 'ignore':
        this.ignored.push(title);
        this.stack.push({ kind: 'ignore' });
        return;
      case 'about':
        this.stack.push({ kind: 'about' });
        return;
      case 'vision':
        this.visionSeen = true;
        this.vision.title = title;
        this.stack.push({ kind: 'vision', level, body: this.vision.body });
        this.place = { id: 'vision' };
        return;
      case 'principles': {
        const perspective = this.perspectiveAbove();
        const owner = perspective ?? 'vision';
        const bearings = owner === 'vision' && isBearingsTitle(title);
        this.stack.push({ kind: 'principles', level, list: bearings ? this.vision.bearings : owner === 'vision' ? this.vision.principles : (perspective!.perspective.principles ??= []), bodies: [], bearings, owner, intro: owner === 'vision' ? this.vision.body : perspective!.intro });
        if (owner === 'vision' && bearings) this.labels.bearings ??= title;
        else this.labels.principles ??= title;
        return;
      }
      case 'perspective':
      case 'focusAreas': {
        const draft: PerspectiveDraft = {
          perspective: { id: this.ids.next('pe'), title, ...(role === 'focusAreas' ? { hidden: true } : {}) },
          intro: new RichBuilder(),
          focusAreas: [],
        };
        if (role === 'focusAreas') this.labels.focusAreas ??= title;
        this.perspectives.push(draft);
        this.stack.push({ kind: 'perspective', level, perspective: draft });
        this.place = { id: draft.perspective.id, field: 'title' };
        return;
      }
      case 'focusArea': {
        let perspective = this.perspectiveAbove();
        if (!perspective) {
          // A focus area with no perspective above it: the strategy has no perspective level.
          const last = this.perspectives[this.perspectives.length - 1];
          perspective = last?.perspective.hidden && this.lastFocusAreaWasHidden ? last : undefined;
          if (!perspective) {
            perspective = { perspective: { id: this.ids.next('pe'), title: t(this.lang, 'label.focusAreas'), hidden: true }, intro: new RichBuilder(), focusAreas: [] };
            this.perspectives.push(perspective);
          }
        }
        this.lastFocusAreaWasHidden = perspective.perspective.hidden === true;
        const draft: FocusAreaDraft = { focusArea: { id: this.ids.next('fa'), title, goals: [] }, body: new RichBuilder() };
        perspective.focusAreas.push(draft);
        this.stack.push({ kind: 'focusArea', level, focusArea: draft, goals: false });
        this.place = { id: draft.focusArea.id, field: 'title' };
        return;
      }
      case 'actionPlans': {
        // Text under the chapter itself (before its first plan) is kept as a free section of that title.
        const pending = new RichBuilder();
        this.chapterTexts.push({ id: this.ids.next('sec'), title, placement: this.placement(), rich: pending });
        this.plansSeen = true;
        this.stack.push({ kind: 'actionPlans', level, title, pending, sectionId: this.chapterTexts[this.chapterTexts.length - 1]!.id });
        return;
      }
      case 'actionPlan': {
        this.plansSeen = true;
        const plan: PlanDraft = { id: this.ids.next('plan'), title, intro: new RichBuilder(), rows: [], summarySeen: false };
        this.place = { id: plan.id, field: 'title' };
        const years = yearsIn(title);
        if (years) plan.period = years;
        this.plans.push(plan);
        this.stack.push({ kind: 'actionPlan', level, plan });
        return;
      }
      case 'section':
        this.openSection(level, title);
    }
  }

  private lastFocusAreaWasHidden = false;
  /** Where the block being read went (item id and field), for the Word comments on it. */
  private place: { id: string; field?: string } | undefined;
  private readonly places = new Map<number, { id: string; field?: string }>();
  private readonly chapterTexts: { id: string; title: string; placement: SectionPlacement; rich: RichBuilder }[] = [];
  private readonly labels: NonNullable<StrategyFile['labels']> = {};

  private placement(): SectionPlacement {
    if (this.plansSeen) return 'end';
    if (this.perspectives.length > 0) return 'afterPerspectives';
    if (this.visionSeen) return 'afterVision';
    return 'beforeVision';
  }

  private openSection(level: number, title: string): Target {
    const section: Section = { id: this.ids.next('sec'), title, body: '', placement: this.placement() };
    const rich = new RichBuilder();
    this.sections.push({ section, rich });
    const target: Target = { kind: 'section', level, section, rich };
    this.stack.push(target);
    this.place = { id: section.id, field: 'title' };
    return target;
  }

  // ---- content ----

  private richOf(target: Target): RichBuilder | undefined {
    switch (target.kind) {
      case 'section':
        return target.rich;
      case 'vision':
        return target.body;
      case 'perspective':
        return target.perspective.intro;
      case 'focusArea':
        return target.focusArea.body;
      case 'actionPlan':
        return target.plan.intro;
      case 'actionPlans':
        return target.pending;
      case 'principles': {
        const body = target.bodies[target.bodies.length - 1];
        return body ?? target.intro;
      }
      default:
        return undefined;
    }
  }

  private paragraph(paragraph: RawParagraph, cover: boolean): void {
    const text = paragraphText(paragraph).replace(/\s+/g, ' ').trim();
    const target = this.top;
    if (cover || target.kind === 'cover') return this.coverLine(paragraph, text);
    switch (target.kind) {
      case 'ignore':
        return;
      case 'about':
        return this.aboutLine(text);
      case 'vision': {
        if (!this.vision.statement && (/vision/i.test(paragraph.styleName ?? '') || target.body.isEmpty)) {
          this.vision.statement = new RichBuilder();
          this.vision.statement.paragraph(paragraph);
          this.place = { id: 'vision', field: 'statement' };
          return;
        }
        target.body.paragraph(paragraph);
        this.place = { id: 'vision', field: 'body' };
        return;
      }
      case 'principles':
        return this.principleLine(target, paragraph, text);
      case 'focusArea': {
        if (isGoalLabel(text) && !paragraph.list) {
          target.goals = true;
          return;
        }
        if (target.goals && paragraph.list) {
          const goal = { id: this.ids.next('g'), text };
          target.focusArea.focusArea.goals!.push(goal);
          this.place = { id: goal.id, field: 'text' };
          return;
        }
        target.goals = false;
        target.focusArea.body.paragraph(paragraph);
        this.place = this.bodyPlace(target);
        return;
      }
      case 'actionPlan': {
        this.place = { id: target.plan.id };
        if (!target.plan.summarySeen && target.plan.rows.length === 0 && this.planSummary(target.plan, text)) return;
        target.plan.intro.paragraph(paragraph);
        this.place = this.bodyPlace(target);
        return;
      }
      default:
        this.richOf(target)?.paragraph(paragraph);
        this.place = this.bodyPlace(target);
    }
  }

  private coverLine(paragraph: RawParagraph, text: string): void {
    const style = `${paragraph.styleName ?? ''} ${paragraph.styleId ?? ''}`.toLowerCase();
    this.setAside.cover++;
    if (/(^|\s)(title|titel)(\s|$)/.test(style) && !this.cover.title) this.cover.title = text;
    else if (/subtitle|undertitel/.test(style)) this.cover.subtitles.push(text);
    else if (/organisation|organization/.test(style) && !this.cover.organisation) this.cover.organisation = text;
    else this.cover.lines.push(text);
    if (/covermeta|cover meta/.test(style)) this.coverMeta(text);
  }

  /** "Version November 2006 · 30. november 2006 · Vedtaget" (the export's cover line). */
  private coverMeta(text: string): void {
    for (const part of text.split(/\s*·\s*/)) {
      const version = /^version\s+(.+)$/i.exec(part);
      if (version?.[1]) this.meta.version ??= version[1];
      else if (parseDayText(part)) this.meta.date ??= parseDayText(part)!;
      else if (strategyStatusOf(part)) this.meta.status ??= strategyStatusOf(part)!;
    }
  }

  private aboutLine(text: string): void {
    const match = /^([^:]{2,40}):\s*(.+)$/.exec(text);
    this.setAside.about++;
    if (!match?.[1] || !match[2]) return;
    const label = match[1].toLowerCase().trim();
    const value = match[2].trim();
    const is = (...keys: Parameters<typeof t>[1][]) => keys.some((key) => LANGS.some((lang) => t(lang, key).toLowerCase() === label));
    if (is('meta.preparedBy')) this.meta.preparedBy = value;
    else if (is('meta.commissionedBy') || /bestilt af|på bestilling/.test(label)) this.meta.commissionedBy = value;
    else if (is('meta.contact')) this.meta.contact = value;
    else if (is('export.version')) this.meta.version = value;
    else if (is('export.date')) {
      const date = parseDayText(value);
      if (date) this.meta.date = date;
    } else if (is('meta.status')) {
      const status = strategyStatusOf(value);
      if (status) this.meta.status = status;
    }
  }

  private principleLine(target: Extract<Target, { kind: 'principles' }>, paragraph: RawParagraph, text: string): void {
    const boldPrefix = leadingBold(paragraph.runs);
    if (paragraph.list || (boldPrefix && boldPrefix.length >= 2)) {
      // "1. **Title** rest of the text" or "**Title.** Text": the bold part is the title, the rest its text.
      const title = (paragraph.list ? (boldPrefix ?? text) : boldPrefix!).replace(/[.:]\s*$/, '').trim();
      const rest = text.slice(text.indexOf(boldPrefix ?? text) + (boldPrefix ?? text).length).replace(/^[\s.:–-]+/, '');
      const body = new RichBuilder();
      if (rest !== '') body.runs([{ text: rest }]);
      const statement: Statement = { id: this.ids.next(target.bearings ? 'b' : 'pr'), title };
      target.list.push(statement);
      target.bodies.push(body);
      this.statementBodies.set(statement, body);
      this.place = { id: statement.id, field: 'title' };
      return;
    }
    const body = target.bodies[target.bodies.length - 1];
    if (body) body.paragraph(paragraph);
    else target.intro.paragraph(paragraph);
    this.place = this.bodyPlace(target);
  }

  private planSummary(plan: PlanDraft, text: string): boolean {
    const parts = text.split(/\s*·\s*/);
    if (parts.length < 2) return false;
    let known = 0;
    for (const part of parts) {
      const kind = planKindOf(part);
      const years = /^\d{4}(\s*[–-]\s*\d{4})?$/.test(part) ? yearsIn(part) : undefined;
      const owner = LANGS.map((lang) => new RegExp(`^${t(lang, 'kind.owner')}\\s*:\\s*(.+)$`, 'i').exec(part)?.[1]).find(Boolean);
      const parent = LANGS.map((lang) => new RegExp(`^${t(lang, 'export.supports')}\\s*:\\s*(.+)$`, 'i').exec(part)?.[1]).find(Boolean);
      if (kind) plan.kind = kind;
      else if (years) plan.period = years;
      else if (owner) plan.owner = owner;
      else if (parent) plan.parentTitle = parent;
      else continue;
      known++;
    }
    plan.summarySeen = known >= 2;
    return plan.summarySeen;
  }

  private table(table: RawTable): void {
    const target = this.top;
    if (isInitiativeTable(table)) {
      let plan: PlanDraft | undefined;
      for (let i = this.stack.length - 1; i >= 0 && !plan; i--) {
        const t2 = this.stack[i]!;
        if (t2.kind === 'actionPlan') plan = t2.plan;
      }
      if (!plan) {
        // An initiative table outside any plan: a plan of its own, named after the heading above it.
        const heading = [...this.outline.headings].reverse().find((h) => h.block < this.raw.blocks.indexOf(table));
        plan = { id: this.ids.next('plan'), title: heading?.title ?? t(this.lang, 'export.actionPlans'), intro: new RichBuilder(), rows: [], summarySeen: false };
        const years = heading ? yearsIn(heading.title) : undefined;
        if (years) plan.period = years;
        this.plans.push(plan);
      }
      const focusArea = [...this.stack].reverse().find((s): s is Extract<Target, { kind: 'focusArea' }> => s.kind === 'focusArea')?.focusArea;
      for (const row of readInitiativeTable(table)) plan.rows.push({ row, ...(focusArea ? { focusArea } : {}) });
      this.place = { id: plan.id };
      return;
    }
    if (target.kind === 'cover') {
      this.setAside.cover++;
      return;
    }
    if (target.kind === 'ignore' || target.kind === 'about') return;
    this.richOf(target)?.table(table);
    this.place = this.bodyPlace(target);
  }

  // ---- the result ----

  private finish(): ImportResult {
    const owners = new OwnerRegistry(this.ids);
    const focusAreaIndex = this.perspectives.flatMap((p) => p.focusAreas);
    const plans: ActionPlan[] = [];
    const initiativeTitles = new Map<string, string>();
    const supportsLater: { initiative: Initiative; titles: string[] }[] = [];
    // Owner names first, so that participants with a comma in their name ("It-chef, BUF") can be recognised.
    for (const plan of this.plans) for (const { row } of plan.rows) if (row.owner) owners.remember(row.owner);
    for (const plan of this.plans) {
      const initiatives: Initiative[] = [];
      for (const { row, focusArea } of plan.rows) {
        const focusAreaIds: string[] = [];
        for (const text of row.focusAreas) {
          const matches = matchFocusAreas(text, focusAreaIndex);
          if (matches.length === 0) this.entries.push({ kind: 'unmatchedFocusArea', initiative: row.title, text });
          for (const match of matches) if (!focusAreaIds.includes(match.focusArea.id)) focusAreaIds.push(match.focusArea.id);
        }
        if (focusAreaIds.length === 0 && focusArea) focusAreaIds.push(focusArea.focusArea.id);
        if (focusAreaIds.length === 0 && row.group) {
          const byGroup = matchFocusAreas(row.group, focusAreaIndex);
          if (byGroup[0]) focusAreaIds.push(byGroup[0].focusArea.id);
        }
        const description = new RichBuilder();
        for (const paragraph of row.description) description.paragraph(paragraph);
        const participantIds = row.participants.flatMap((text) => owners.splitNames(text)).map((name) => owners.idOf(name));
        const initiative: Initiative = {
          id: this.ids.next('in'),
          title: row.title,
          focusAreaIds,
          ...(description.isEmpty ? {} : { description: description.rich() }),
          ...(row.owner ? { ownerId: owners.idOf(row.owner) } : {}),
          ...(participantIds.length > 0 ? { participantIds: [...new Set(participantIds)] } : {}),
          ...(row.start ? { start: row.start } : {}),
          ...(row.end ? { end: row.end } : {}),
          ...(row.status ? { status: row.status } : {}),
          ...(row.businessCase ? { businessCase: row.businessCase } : {}),
          ...(row.budget ? { budget: row.budget } : {}),
        };
        if (row.start && row.end && row.start > row.end) delete initiative.end;
        initiatives.push(initiative);
        initiativeTitles.set(normaliseTitle(row.title), initiative.id);
        if (row.supports.length > 0) supportsLater.push({ initiative, titles: row.supports });
      }
      const period = plan.period ?? yearsOfInitiatives(initiatives) ?? undefined;
      plans.push({
        id: plan.id,
        title: plan.title,
        kind: plan.kind ?? (/lokal|local/i.test(plan.title) ? 'local' : /overgang|transition/i.test(plan.title) ? 'transition' : 'common'),
        period: period ?? { from: 0, to: 0 },
        ...(plan.owner ? { ownerId: owners.idOf(plan.owner) } : {}),
        ...(plan.intro.isEmpty ? {} : { intro: plan.intro.rich() }),
        initiatives,
      });
      this.entries.push({ kind: 'plan', title: plan.title, initiatives: initiatives.length });
    }
    for (const { initiative, titles } of supportsLater) {
      const ids = titles.map((title) => initiativeTitles.get(normaliseTitle(title))).filter((id): id is string => !!id && id !== initiative.id);
      if (ids.length > 0) initiative.supportsInitiativeIds = ids;
    }
    this.plans.forEach((draft, i) => {
      if (!draft.parentTitle) return;
      const parent = plans.find((plan) => sameTitle(plan.title, draft.parentTitle!));
      if (parent && parent !== plans[i]) plans[i]!.parentPlanId = parent.id;
    });

    const period = this.strategyPeriod(plans);
    for (const plan of plans) if (plan.period.from === 0) plan.period = { ...period };

    const perspectives: Perspective[] = this.perspectives.map((draft) => {
      this.entries.push({ kind: 'perspective', title: draft.perspective.title, hidden: draft.perspective.hidden === true, focusAreas: draft.focusAreas.length });
      const focusAreas = draft.focusAreas.map(({ focusArea, body }) => {
        const goals = focusArea.goals ?? [];
        const area: FocusArea = { id: focusArea.id, title: focusArea.title, body: body.rich(), ...(goals.length > 0 ? { goals } : {}) };
        this.entries.push({ kind: 'focusArea', title: focusArea.title, perspective: draft.perspective.title, goals: goals.length });
        return area;
      });
      return {
        ...draft.perspective,
        ...(draft.intro.isEmpty ? {} : { intro: draft.intro.rich() }),
        ...(draft.perspective.principles ? { principles: this.withBodies(draft.perspective.principles) } : {}),
        focusAreas,
      };
    });
    for (const chapter of this.chapterTexts) {
      if (!chapter.rich.isEmpty) this.sections.push({ section: { id: chapter.id, title: chapter.title, body: '', placement: chapter.placement }, rich: chapter.rich });
    }
    const sections = this.sections.map(({ section, rich }) => {
      this.entries.push({ kind: 'section', title: section.title, placement: section.placement ?? 'end' });
      return { ...section, body: rich.rich() };
    });

    const comments = this.commentThreads();
    if (!this.visionSeen) this.entries.push({ kind: 'noVision' });
    else this.entries.push({ kind: 'vision', principles: this.vision.principles.length, bearings: this.vision.bearings.length });
    const ownerList = owners.list();
    if (ownerList.length > 0) this.entries.push({ kind: 'owners', count: ownerList.length, names: ownerList.map((o) => o.name) });
    if (this.ignored.length > 0) this.entries.push({ kind: 'ignored', titles: this.ignored });
    const { cover, toc, page, about } = this.setAside;
    if (cover + toc + page + about > 0) this.entries.push({ kind: 'setAside', cover, toc, page, about });

    const meta: Meta = {
      title: this.cover.title ?? this.cover.lines[0] ?? this.options.fileName?.replace(/\.docx$/i, '') ?? t(this.lang, 'wordImport.untitled'),
      organisation: this.organisation(),
      period,
      ...(this.cover.subtitles.find((s) => !/^\s*\d{4}\s*[–-]\s*\d{4}\s*$/.test(s)) ? { subtitle: this.cover.subtitles.find((s) => !/^\s*\d{4}\s*[–-]\s*\d{4}\s*$/.test(s))! } : {}),
      ...this.meta,
      language: this.lang,
    };
    const vision: StrategyFile['vision'] = {
      statement: this.vision.statement ? this.vision.statement.rich() : '',
      ...(this.vision.body.isEmpty ? {} : { body: this.vision.body.rich() }),
      ...(this.vision.principles.length > 0 ? { principles: this.withBodies(this.vision.principles) } : {}),
      ...(this.vision.bearings.length > 0 ? { bearings: this.withBodies(this.vision.bearings) } : {}),
    };
    const strategy: StrategyFile = {
      format: FORMAT_NAME,
      formatVersion: FORMAT_VERSION,
      meta,
      ...(Object.keys(this.labels).length > 0 ? { labels: this.labels } : {}),
      ...(sections.length > 0 ? { sections } : {}),
      vision,
      perspectives,
      ...(ownerList.length > 0 ? { owners: ownerList } : {}),
      ...(plans.length > 0 ? { actionPlans: plans } : {}),
      ...(comments.length > 0 ? { comments } : {}),
    };
    return { strategy, report: { entries: this.entries } };
  }

  /**
   * Word comments as comment threads on the item (and field) their text went to, on the commented text when
   * that is in the paragraph; a comment on a part that was set aside or ignored is counted in the report.
   */
  private commentThreads(): CommentThread[] {
    const threads: CommentThread[] = [];
    let unplaced = 0;
    const now = (this.options.now ?? new Date()).toISOString();
    // In document order (the format keeps threads so), not in the order of Word's comments part.
    for (const comment of [...this.raw.comments].sort((a, b) => a.block - b.block)) {
      const place = this.places.get(comment.block);
      if (!place || comment.text === '') {
        unplaced++;
        continue;
      }
      const block = this.raw.blocks[comment.block];
      const own = block?.kind === 'paragraph' ? paragraphText(block) : '';
      const quote = comment.quote && place.field && own.includes(comment.quote) ? comment.quote : undefined;
      const id = this.ids.next('cm');
      threads.push({
        id,
        target: { id: place.id, ...(place.field ? { field: place.field } : {}), ...(quote ? { quote } : {}) },
        messages: [{ id: `${id}-1`, author: comment.author || t(this.lang, 'wordImport.unknownAuthor'), date: comment.date && isDateTime(comment.date) ? comment.date : now, text: comment.text }],
      });
    }
    if (this.raw.comments.length > 0) this.entries.push({ kind: 'comments', placed: threads.length, unplaced });
    return threads;
  }

  /** Statements with the text collected under each. */
  private withBodies(statements: Statement[]): Statement[] {
    return statements.map((statement) => {
      const body = this.statementBodies.get(statement);
      return body && !body.isEmpty ? { ...statement, body: body.rich() } : statement;
    });
  }

  private readonly statementBodies = new Map<Statement, RichBuilder>();

  private organisation(): string {
    if (this.cover.organisation) return this.cover.organisation;
    const texts = [this.cover.title ?? '', ...this.cover.subtitles, ...this.cover.lines];
    for (const text of texts) {
      const match = /((?:[A-ZÆØÅ][\p{L}-]+[ -])+(?:Regions)?[Kk]ommune|Region [A-ZÆØÅ][\p{L}]+)/u.exec(text);
      if (match?.[1]) return match[1].trim();
    }
    return t(this.lang, 'wordImport.unknownOrganisation');
  }

  private strategyPeriod(plans: ActionPlan[]): { from: number; to: number } {
    for (const text of [...this.cover.subtitles, this.cover.title ?? '', ...this.cover.lines]) {
      const years = yearsIn(text);
      if (years && years.to > years.from) return years;
    }
    const known = plans.filter((plan) => plan.period.from > 0);
    if (known.length > 0) return { from: Math.min(...known.map((p) => p.period.from)), to: Math.max(...known.map((p) => p.period.to)) };
    const year = (this.options.now ?? new Date()).getUTCFullYear();
    return { from: year, to: year + 3 };
  }

}

function leadingBold(runs: RawRun[]): string | undefined {
  const first = runs.find((run) => run.text.trim() !== '');
  if (!first?.bold) return undefined;
  let text = '';
  for (const run of runs) {
    if (run.text.trim() === '' && text === '') continue;
    if (!run.bold) break;
    text += run.text;
  }
  return text.trim() || undefined;
}

function yearsOfInitiatives(initiatives: Initiative[]): { from: number; to: number } | undefined {
  const years = initiatives.flatMap((i) => [i.start, i.end]).filter((m): m is string => !!m).map((m) => Number(m.slice(0, 4)));
  return years.length > 0 ? { from: Math.min(...years), to: Math.max(...years) } : undefined;
}

function matchFocusAreas(text: string, focusAreas: FocusAreaDraft[]): FocusAreaDraft[] {
  const whole = focusAreas.filter((fa) => sameTitle(fa.focusArea.title, text));
  if (whole.length > 0) return whole.slice(0, 1);
  // "Digital service; Selvbetjening" or "Digital service, Selvbetjening": the parts one by one.
  const parts = text.split(/\s*[;,/]\s*|\s+og\s+/).filter((part) => part.trim() !== '');
  if (parts.length < 2) return [];
  return parts.flatMap((part) => focusAreas.filter((fa) => sameTitle(fa.focusArea.title, part)).slice(0, 1));
}

/** Owners by name, created once each; "Navn (Enhed)" is a person in a unit. */
class OwnerRegistry {
  private readonly byName = new Map<string, Owner>();
  private readonly known = new Set<string>();
  constructor(private readonly ids: Ids) {}

  remember(name: string): void {
    this.known.add(name.trim().toLowerCase());
  }

  /** "A, B, It-chef, BUF" → names, keeping together the parts that form a known owner's name. */
  splitNames(text: string): string[] {
    const parts = text.split(/\s*,\s*/).filter(Boolean);
    const out: string[] = [];
    for (let i = 0; i < parts.length; ) {
      let taken = 1;
      for (let n = parts.length - i; n > 1; n--) {
        if (this.known.has(parts.slice(i, i + n).join(', ').toLowerCase())) {
          taken = n;
          break;
        }
      }
      out.push(parts.slice(i, i + taken).join(', '));
      i += taken;
    }
    return out;
  }

  idOf(label: string): string {
    const text = label.replace(/\s+/g, ' ').trim();
    const inUnit = /^(.+?) \(([^()]+)\)$/.exec(text);
    if (inUnit?.[1] && inUnit[2]) {
      const parent = this.ensure(inUnit[2], 'unit');
      const person = this.ensure(inUnit[1], 'person');
      person.parentId ??= parent.id;
      return person.id;
    }
    return this.ensure(text).id;
  }

  private ensure(name: string, kind?: Owner['kind']): Owner {
    const key = name.trim().toLowerCase();
    let owner = this.byName.get(key);
    if (!owner) {
      owner = { id: this.ids.next('o'), name: name.trim(), kind: kind ?? ownerKindOf(name) };
      this.byName.set(key, owner);
    }
    return owner;
  }

  list(): Owner[] {
    return [...this.byName.values()];
  }
}
