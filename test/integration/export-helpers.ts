// Helpers of the Word export tests: the real CLI, LibreOffice with a fresh profile per run,
// poppler, pandoc and mammoth as independent readers, and a large generated strategy.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StrategyFile } from '../../shared/format/schema';

export const repoRoot = path.join(import.meta.dirname, '../..');
export const examplesDir = path.join(repoRoot, 'templates/examples');
export const EXAMPLES = ['kk-2010-2014', 'odder-2006', 'brk-2010'] as const;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program; resolves with its exit code and output (never rejects on a non-zero exit). */
export function run(program: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, timeout: options.timeoutMs ?? 180_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** The real `pejling` command line. */
export function pejling(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return run(process.execPath, [path.join(repoRoot, 'bin/pejling.js'), ...args], { ...options, env: { PEJLING_DEBUG: '', ...options.env } });
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `pejling-test-${prefix}-`));
}

/** LibreOffice (headless, its own fresh profile) converts a .docx to PDF next to it; returns the PDF path. */
export async function libreOfficePdf(docx: string): Promise<string> {
  const profile = await tempDir('lo-profile');
  try {
    const outDir = path.dirname(docx);
    const result = await run('soffice', [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      docx,
    ]);
    if (result.code !== 0) throw new Error(`soffice failed (${result.code}): ${result.stderr}`);
    return path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF (pdftotext -layout), index 0 = page 1. */
export async function pdfPages(pdf: string): Promise<string[]> {
  const result = await run('pdftotext', ['-layout', pdf, '-']);
  if (result.code !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  const pages = result.stdout.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** One file of a .docx (zip) as text. */
export async function docxPart(docx: string, part: string): Promise<string> {
  const result = await run('unzip', ['-p', docx, part]);
  if (result.code !== 0) throw new Error(`unzip ${part} failed: ${result.stderr}`);
  return result.stdout;
}

/** Headings in order as mammoth converts them to HTML: [level, text]. */
export async function mammothHeadings(docx: string): Promise<[number, string][]> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.convertToHtml({ buffer: await readFile(docx) });
  return [...value.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map((m) => [Number(m[1]), decodeHtml(stripTags(m[2] ?? ''))]);
}

const stripTags = (html: string) => html.replace(/<[^>]+>/g, '');
const decodeHtml = (text: string) =>
  text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();

/** Whitespace collapsed, for comparing text across readers. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function readExample(name: string): Promise<StrategyFile> {
  return JSON.parse(await readFile(path.join(examplesDir, `${name}.json`), 'utf8')) as StrategyFile;
}

// ---- a large strategy, generated ------------------------------------------------------------------

/** A small deterministic random generator (mulberry32), so the large strategy is the same each run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'borger virksomhed medarbejder forvaltning løsning data proces service kanal selvbetjening sagsbehandling ' +
  'arkitektur platform drift sikkerhed styring gevinst investering projekt portefølje kompetence dialog ' +
  'digital fælles effektiv sammenhængende tilgængelig ensartet åben målrettet tværgående lokal ' +
  'understøtter forbedrer samler udvikler prioriterer dokumenterer måler deler genbruger afklarer'
).split(' ');

export interface LargeStrategySize {
  perspectives: number;
  focusAreasPerPerspective: number;
  paragraphsPerFocusArea: number;
  initiatives: number;
  owners: number;
  plans: number;
}

export const LARGE: LargeStrategySize = { perspectives: 12, focusAreasPerPerspective: 10, paragraphsPerFocusArea: 3, initiatives: 1000, owners: 150, plans: 4 };

/** A strategy of the given size with Danish-looking generated text. */
export function largeStrategy(size: LargeStrategySize = LARGE, seed = 7): StrategyFile {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(next() * (max - min + 1));
    const words = Array.from({ length: n }, () => pick(WORDS));
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: 4 + Math.floor(next() * 3) }, () => sentence(8, 16)).join(' ');
  const title = (min: number, max: number) => sentence(min, max).slice(0, -1);

  const units = Array.from({ length: 10 }, (_, i) => ({ id: `unit-${i + 1}`, name: `${title(1, 2)}forvaltningen ${i + 1}`, kind: 'unit' as const }));
  const people = Array.from({ length: size.owners - units.length }, (_, i) => ({
    id: `person-${i + 1}`,
    name: `Medarbejder ${i + 1} ${pick(['Hansen', 'Jensen', 'Nielsen', 'Sørensen', 'Mølgaard', 'Østergaard'])}`,
    kind: 'person' as const,
    parentId: pick(units).id,
  }));
  const owners = [...units, ...people];

  const focusAreaIds: string[] = [];
  const perspectives = Array.from({ length: size.perspectives }, (_, p) => ({
    id: `p${p + 1}`,
    title: `Perspektiv ${p + 1}: ${title(2, 5)}`,
    intro: paragraph(),
    focusAreas: Array.from({ length: size.focusAreasPerPerspective }, (_, f) => {
      const id = `p${p + 1}-fa${f + 1}`;
      focusAreaIds.push(id);
      return {
        id,
        title: `Indsatsområde ${p + 1}.${f + 1}: ${title(2, 6)}`,
        body: Array.from({ length: size.paragraphsPerFocusArea }, paragraph).join('\n\n'),
        goals: [
          { id: `${id}-g1`, text: sentence(6, 12) },
          { id: `${id}-g2`, text: sentence(6, 12) },
        ],
      };
    }),
  }));

  const statuses = ['planned', 'active', 'done', 'delayed', 'cancelled'] as const;
  const perPlan = Math.ceil(size.initiatives / size.plans);
  const actionPlans = Array.from({ length: size.plans }, (_, k) => {
    const from = 2011 + 2 * k;
    return {
      id: `plan-${k + 1}`,
      title: `Handlingsplan ${from}-${from + 1}`,
      kind: k === 0 ? ('common' as const) : ('local' as const),
      period: { from, to: from + 1 },
      ownerId: pick(units).id,
      intro: paragraph(),
      initiatives: Array.from({ length: Math.min(perPlan, size.initiatives - k * perPlan) }, (_, i) => {
        const month = 1 + Math.floor(next() * 12);
        return {
          id: `plan-${k + 1}-i${i + 1}`,
          title: title(3, 7),
          description: sentence(10, 25),
          focusAreaIds: next() < 0.3 ? [pick(focusAreaIds), pick(focusAreaIds)] : [pick(focusAreaIds)],
          ownerId: pick(owners).id,
          participantIds: next() < 0.5 ? [pick(owners).id] : [],
          start: `${from}-${String(month).padStart(2, '0')}`,
          end: `${from + 1}-${String(month).padStart(2, '0')}`,
          status: pick(statuses),
          businessCase: { status: pick(['none', 'draft', 'approved'] as const) },
          budget: { amountDkk: Math.round(next() * 5_000_000) },
          statusUpdates: [{ date: `${from + 1}-06-15`, status: pick(statuses), note: sentence(5, 12) }],
        };
      }),
    };
  });

  return {
    format: 'pejling-strategy',
    formatVersion: 1,
    meta: { title: 'Digitaliseringsstrategi for Storby Kommune 2011-2018', organisation: 'Storby Kommune', period: { from: 2011, to: 2018 }, status: 'draft', version: '0.9', date: '2011-03-01' },
    vision: { statement: sentence(15, 25), body: paragraph(), principles: [1, 2, 3, 4, 5].map((n) => ({ id: `vp${n}`, title: title(3, 6), body: sentence(10, 20) })) },
    perspectives,
    owners,
    actionPlans,
  };
}

/**
 * pandoc's plain text of a .docx body: without the table of contents (which follows NEW in a redline whatever is
 * rejected: its numbered entries, and the entries of unnumbered sections such as a foreword, by their titles),
 * table borders, and the empty list items or rows pandoc leaves where it removed a whole tracked paragraph or row.
 */
export function pandocBodyText(lines: readonly string[], unnumbered: readonly string[]): string {
  const start = lines.findIndex((line) => line.trim() === 'Indhold');
  if (start < 0) throw new Error('pandoc\'s text has no table of contents ("Indhold")');
  let end = start + 1;
  const entry = (line: string) => line === '' || /^\d+(\.\d+)*\s+\S/.test(line) || unnumbered.some((title) => line.startsWith(title));
  while (end < lines.length && entry(lines[end]!.trim())) end++;
  return squash(
    [...lines.slice(0, start), ...lines.slice(end)]
      // pandoc numbers list items itself, counting the empty ones: the markers are its, not the document's text
      .map((line) => line.replace(/^(\s*)(?:\d+\.|-)\s{2,}/, '$1'))
      .filter((line) => !/^[\s|+=:-]*$/.test(line))
      .map((line) => line.replace(/\|/g, ' '))
      .join('\n'),
  );
}

/** The titles of a strategy's unnumbered sections (they stand in the table of contents without a number). */
export function unnumberedTitles(strategy: StrategyFile): string[] {
  return (strategy.sections ?? []).filter((section) => section.unnumbered).map((section) => section.title);
}
