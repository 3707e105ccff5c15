// 10. Comments (issue 12): opening the large strategy with 500 comment threads against opening it without.
// The same large strategy twice in browser mode (the real server and the built renderer, as
// ./open-strategy.ts measures it): once as it is, once with 500 threads (80 % on quoted text in the focus
// areas' bodies, marked in the text by the import; 20 % on titles and whole items; one to three messages
// each; a few resolved). Both are opened cold, alternately, at the same focus area, which holds threads of
// its own, so the editor draws their highlights; timed until the editor is interactive (the navigator with
// its counts, the text, a typed character in ProseMirror's document). Budget: ≤ 1.2 × without threads.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommentThread, StrategyFile } from '../../shared/format/schema';
import { formatProblem } from '../../shared/format/validate';
import { validateStrategyFile } from '../../shared/format/validate';
import { importStrategy } from '../../shared/model';
import type { Problem } from '../../shared/format/problem';
import { generateLargeStrategy } from '../generate-large-strategy';
import { createDocument, ensureRenderer, startBrowserModeServer } from '../lib/browser-mode';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import type { OpenTiming } from '../lib/page-probes';
import { median } from '../lib/stats';
import { coldOpen, focusAreaWatch } from './open-strategy';

const GROUP = '10 Comments';
const THREADS = 500;
const WATCHED = 57;
const AUTHORS = ['Anna Holm', 'Bo Lind', 'Carla Friis', 'Dorte Kjær', 'Erik Sand'];
const REMARKS = [
  'Kan vi nå det i perioden?',
  'Her mangler et mål, der kan måles.',
  'Hvem har ansvaret for dette?',
  'Forslag: skriv det kortere.',
  'Er økonomien på plads?',
  'Enig.',
];

/** The large strategy with `count` threads, spread over its focus areas (every area gets some, the watched one too). */
export function withThreads(strategy: StrategyFile, count: number): StrategyFile {
  const areas = strategy.perspectives.flatMap((p) => p.focusAreas);
  const comments: CommentThread[] = [];
  for (let n = 0; n < count; n++) {
    // Every fifth thread on the watched area, the others round the areas.
    const area = n % 5 === 0 ? areas[WATCHED]! : areas[n % areas.length]!;
    const date = new Date(Date.UTC(2026, 2, 1 + (n % 28), 8 + (n % 9), n % 60)).toISOString();
    const messages = Array.from({ length: 1 + (n % 3) }, (_, k) => ({
      id: `bench-m-${n}-${k}`,
      author: AUTHORS[(n + k) % AUTHORS.length]!,
      date,
      text: REMARKS[(n + k) % REMARKS.length]!,
    }));
    const status = n % 7 === 0 ? 'resolved' : 'open';
    if (n % 5 === 4) {
      comments.push({ id: `bench-t-${n}`, target: { id: area.id, field: 'title' }, status, messages });
      continue;
    }
    // A sentence of one of the body's paragraphs, as the editor shows it (without the Markdown markers).
    const paragraphs = (typeof area.body === 'string' ? area.body : '').split('\n\n').map((p) => p.replace(/\*\*/g, ''));
    const paragraph = paragraphs[n % paragraphs.length]!;
    const sentences = paragraph.split(/(?<=\.) /).filter((s) => s.length > 10);
    const quote = sentences[n % sentences.length]!;
    comments.push({ id: `bench-t-${n}`, target: { id: area.id, field: 'body', quote }, status, messages });
  }
  return { ...strategy, formatVersion: 2, comments };
}

export async function measureCommentsOpen(ctx: BenchContext): Promise<Figure[]> {
  await ensureRenderer(ctx);
  const plain = generateLargeStrategy();
  const commented = withThreads(plain, THREADS);
  // The file is valid and every quote is found (else the measurement would open fewer marks than it says).
  const valid = validateStrategyFile(commented);
  if (!valid.ok) throw new Error(`the commented strategy is not valid: ${valid.problems.map(formatProblem).slice(0, 3).join('; ')}`);
  const notes: Problem[] = [];
  importStrategy(valid.strategy, undefined, { notes, lang: 'en' });
  if (notes.length > 0) throw new Error(`${notes.length} quotes were not found, e.g. ${formatProblem(notes[0]!)}`);
  const watch = focusAreaWatch(plain, WATCHED);

  const dataDir = await mkdtemp(join(tmpdir(), 'pejling-bench-comments-'));
  const server = await startBrowserModeServer(ctx, dataDir);
  const browser = await ctx.browser();
  try {
    const route = (id: string) => `${server.url}/#/doc/${encodeURIComponent(id)}/edit/${encodeURIComponent(watch.focusAreaId)}`;
    const withoutUrl = route(await createDocument(server, plain, 'uden-kommentarer.json'));
    const withUrl = route(await createDocument(server, commented, 'med-kommentarer.json'));
    const runs = ctx.quick ? 3 : 5;
    const without: OpenTiming[] = [];
    const withComments: OpenTiming[] = [];
    // Alternately, so that a slow moment of the machine falls on both.
    for (let run = 0; run < runs; run++) {
      without.push(await coldOpen(browser, withoutUrl, watch));
      withComments.push(await coldOpen(browser, withUrl, watch));
    }
    ctx.log(`  open without threads: ${without.map((t) => Math.round(t.interactiveMs)).join(', ')} ms; with ${THREADS}: ${withComments.map((t) => Math.round(t.interactiveMs)).join(', ')} ms`);
    const open = commented.comments!.filter((c) => c.status === 'open').length;
    return [
      figure({
        id: 'comments.open.cold',
        group: GROUP,
        title: `Open the large strategy with ${THREADS} comment threads (page load, median)`,
        value: median(withComments.map((t) => t.interactiveMs)),
        unit: 'ms',
        baseline: { label: 'the same strategy without threads (median)', value: median(without.map((t) => t.interactiveMs)), unit: 'ms' },
        budget: { text: '≤ 1.2 × without threads', maxRatio: 1.2 },
        details: {
          threads: THREADS,
          openThreads: open,
          quoted: commented.comments!.filter((c) => c.target.quote).length,
          onWatchedFocusArea: commented.comments!.filter((c) => c.target.id === watch.focusAreaId).length,
          withMs: withComments.map((t) => Math.round(t.interactiveMs)),
          withoutMs: without.map((t) => Math.round(t.interactiveMs)),
        },
      }),
    ];
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
