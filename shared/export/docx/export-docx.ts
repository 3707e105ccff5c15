// Entry point of the Word export: a strategy (interchange format v1) and a house style in, the
// bytes of a .docx out. Pure: no Node, no DOM, so the host (main process, CLI, server) and the
// renderer can both run it.
import { Document, Packer } from 'docx';
import { stripIllegalCharacters } from '../../format/input-limits';
import type { StrategyFile } from '../../format/schema';
import type { HouseStyle, HouseStyleLogo } from '../house-style';
import { WordComments } from './comments';
import { createContext } from './context';
import type { LaidOutHeading, OutlineEntry } from './headings';
import { tocPageNumbers, type DocxLayoutEstimator, type EstimatorResult, type LayoutPages, type PageSource } from './page-numbers';
import { planSections } from './plan-part';
import { statusSections } from './status-part';
import { strategySections } from './strategy-part';
import { WordSuggestions } from './suggestions';
import { publishedStrategy } from '../published';
import { documentNumbering, documentStyles, styleMetrics } from './styles';

export type ExportPart = 'strategy' | 'status' | `plan:${string}`;

export interface ExportDocxOptions {
  part: ExportPart;
  style: HouseStyle;
  /** The house style's logo (bytes and pixel size); no logo when absent. */
  logo?: HouseStyleLogo;
  /** "Today" for dates the document shows when the strategy has none. */
  now?: Date;
  /** Status report: statuses as of this date (YYYY-MM-DD); the current statuses when absent. */
  asOf?: string;
  /**
   * Heading pages measured by a real layout of this very export (same strategy, part and style),
   * in document order. Without them the table of contents gets estimated numbers.
   */
  layout?: LayoutPages;
  /** The estimate used without `layout`: docx's Word-like layout (default) or the quick one. */
  estimate?: 'docx-layout' | 'quick';
  /**
   * A redline: the document of this strategy with its differences from `old` as Word tracked changes
   * (insertions and deletions by `author` at `date`, ISO 8601). The whole strategy only.
   */
  compare?: RedlineOptions;
  /** The consultation copy: the strategy's open comment threads as Word comments (none without). */
  comments?: boolean;
  /**
   * Whether Word updates the fields on opening (and asks the user every time): by default only where the
   * contents' page numbers are estimates, i.e. a part with contents written without a measured `layout`.
   */
  updateFields?: boolean;
  /**
   * "Med forslag": the pending suggestions as Word tracked changes by their authors (./suggestions.ts).
   * Without it the document is the published text, as if no pending suggestion existed.
   */
  suggestions?: boolean;
}

export interface RedlineOptions {
  old: StrategyFile;
  author: string;
  date: string;
}

export interface DocxExport {
  bytes: Uint8Array;
  /** Every heading of the document in order, with the page written into the table of contents. */
  headings: (OutlineEntry & { page: number })[];
  pageCount: number;
  /** Where the contents' page numbers came from: a measured layout, or which estimate. */
  pageSource: PageSource;
  /** Whether the document has a table of contents (only the strategy part has one). */
  hasContents: boolean;
  /** Milliseconds spent on the page numbers inside this export (the estimate, when one ran). */
  pageNumberMs: number;
  /** Why docx's layout estimate was not used although it was asked for (the quick one was), if so. */
  estimateFallback?: EstimateFallback;
  /**
   * A redline's heading paragraphs as a layout shows them (removed ones and old words included), in
   * order, for matching a layout's outline; absent for a normal export, whose headings are `headings`.
   */
  laidOut?: LaidOutHeading[];
  /** With `comments`: the open threads written as Word comments, and those on nothing this part shows. */
  comments?: { threads: number; unanchored: string[] };
  /** With `suggestions`: how many pending suggestions were written as tracked changes. */
  suggestions?: number;
}

/**
 * docx's layout estimate (docx/layout) lays out the running header on every page: its time grows with
 * the header's length times the number of pages, which itself grows with the header's length. Measured
 * on this machine with --page-numbers estimate: a 4 KB title 2.4 s, 8 KB 7.7 s, 16 KB 25.7 s, 32 KB 73 s;
 * a long body is linear (256 KB of text: 5 s). So the estimate is bounded: a header or footer text above
 * MAX_RUNNING_TEXT characters, or a strategy above MAX_ESTIMATE_JSON characters of JSON, gets the quick
 * estimate (linear, milliseconds) and the export says so.
 */
export const MAX_RUNNING_TEXT = 1000;
export const MAX_ESTIMATE_JSON = 8_000_000;

/** Why the quick estimate replaced docx's: a header/footer text of `length` characters, or `length` characters of JSON. */
export interface EstimateFallback {
  reason: 'long-running-text' | 'large-strategy';
  length: number;
  limit: number;
}

function docxLayoutRefusal(strategy: StrategyFile, json: string): EstimateFallback | undefined {
  const longest = Math.max(strategy.meta.title.length, strategy.meta.organisation.length);
  if (longest > MAX_RUNNING_TEXT) return { reason: 'long-running-text', length: longest, limit: MAX_RUNNING_TEXT };
  if (json.length > MAX_ESTIMATE_JSON) return { reason: 'large-strategy', length: json.length, limit: MAX_ESTIMATE_JSON };
  return undefined;
}

/**
 * The strategy without characters XML cannot carry (U+FFFF, C0 controls, …): validation refuses them in
 * files, but a live document may still hold one, and a single one makes the .docx unreadable.
 */
function wordSafe(json: string): StrategyFile {
  return JSON.parse(json, (_key, value: unknown) => (typeof value === 'string' ? stripIllegalCharacters(value) : value)) as StrategyFile;
}

/** A problem with what was asked for (not with the program): shown to the user as is. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

export function parsePart(value: string): ExportPart {
  if (value === 'strategy' || value === 'status') return value;
  if (/^plan:.+/.test(value)) return value as ExportPart;
  throw new ExportError(`Unknown part '${value}': use strategy, status or plan:<id>`);
}

export async function exportDocxDetailed(input: StrategyFile, options: ExportDocxOptions): Promise<DocxExport> {
  const json = JSON.stringify(input);
  // Pending suggestions are Word tracked changes only when asked for; else the published text (issue 14).
  const strategy = options.suggestions ? wordSafe(json) : publishedStrategy(wordSafe(json));
  const part = parsePart(options.part);
  if (options.compare && part !== 'strategy') throw new ExportError(`A comparison (redline) is written of the whole strategy, not of the part '${part}'`);
  if (options.compare && options.suggestions) throw new ExportError('A redline compares the published texts: export the suggestions separately');
  const redline = options.compare ? { ...options.compare, old: publishedStrategy(wordSafe(JSON.stringify(options.compare.old))) } : undefined;
  if (options.compare && options.comments) throw new ExportError('A redline is written without comments: export the consultation copy with comments separately');
  const comments = options.comments ? new WordComments(strategy) : undefined;
  const ctx = createContext(strategy, options.style, options.logo, options.now ?? new Date(), redline);
  if (comments) ctx.comments = comments;
  const suggestions = options.suggestions ? new WordSuggestions(strategy, ctx.now, (text) => ctx.typo(text)) : undefined;
  if (suggestions) ctx.suggestions = suggestions;
  let title = strategy.meta.title;
  let sections;
  if (part === 'strategy') {
    sections = strategySections(ctx);
  } else if (part === 'status') {
    title = `${ctx.texts.statusReportTitle} – ${strategy.meta.title}`;
    sections = statusSections(ctx, options.asOf);
  } else {
    const id = part.slice('plan:'.length);
    const plan = ctx.index.plans.get(id);
    if (!plan) {
      const known = (strategy.actionPlans ?? []).map((p) => p.id);
      throw new ExportError(
        `No action plan with id '${id}'${known.length ? ` (the strategy has: ${known.join(', ')})` : ' (the strategy has no action plans)'}`,
      );
    }
    title = `${plan.title} – ${strategy.meta.title}`;
    sections = planSections(ctx, plan);
  }

  // docx/layout is big: loaded only when its estimate is wanted (and a part has a table of contents).
  const wantsDocxLayout = !options.layout && (options.estimate ?? 'docx-layout') === 'docx-layout' && part === 'strategy';
  const estimateFallback = wantsDocxLayout ? docxLayoutRefusal(strategy, json) : undefined;
  const source = options.layout
    ? { measured: options.layout }
    : wantsDocxLayout && !estimateFallback
      ? { docxLayout: (await import('docx/layout')).estimatePageNumbers as DocxLayoutEstimator }
      : 'quick';
  let written: EstimatorResult | undefined;
  const document = new Document({
    title,
    creator: strategy.meta.organisation,
    lastModifiedBy: strategy.meta.organisation,
    description: strategy.meta.subtitle ?? '',
    subject: strategy.meta.title,
    styles: documentStyles(options.style, ctx.lang),
    numbering: documentNumbering(options.style),
    // The cached values written below are what LibreOffice and other readers show. Word refreshes the
    // fields on opening only when asked to, and asks its user first; so only estimated numbers ask (./field-update.ts).
    ...((options.updateFields ?? (part === 'strategy' && !options.layout)) ? { features: { updateFields: true } } : {}),
    pageNumbers: tocPageNumbers(ctx.outline, styleMetrics(options.style), source, (result) => {
      written = result;
    }),
    sections,
    ...(comments ? { comments: { children: comments.definitions() } } : {}),
  });
  const bytes = await Packer.pack(document, 'uint8array');
  const result = written as EstimatorResult | undefined;
  const pages = result?.headingPages ?? [];
  return {
    bytes,
    headings: ctx.outline.entries.map((entry, i) => ({ ...entry, page: pages[i] ?? 0 })),
    pageCount: result?.pageCount ?? 0,
    pageSource: result?.source ?? 'quick',
    hasContents: pages.length > 0,
    pageNumberMs: Math.round(result?.ms ?? 0),
    ...(estimateFallback ? { estimateFallback } : {}),
    // A heading with tracked changes (a redline's, a suggestion's) shows more words than its title.
    ...(redline || suggestions ? { laidOut: ctx.outline.laidOut } : {}),
    ...(comments ? { comments: { threads: comments.threadsWritten(), unanchored: comments.unanchored() } } : {}),
    ...(suggestions ? { suggestions: suggestions.count() } : {}),
  };
}

