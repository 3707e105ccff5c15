// 14. Typing in suggestion mode (issue 14): the large strategy in browser mode (the real server and the
// built renderer), one focus area's text; the same keystrokes typed with "Foreslå ændringer" off and on,
// alternating in rounds in the same page, so both see the same document, page and machine load.
// Measured per keystroke: keydown → next frame (and → frame painted). Budget: p95 with suggestion mode
// ≤ 1.5 × p95 without. Checked after: the suggested text is in the editor as insertions, the plain text
// is not.
import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLargeStrategy } from '../generate-large-strategy';
import { newContext } from '../lib/browser';
import { cdpSession, profileTop, type ProfileEntry } from '../lib/cdp';
import { RENDERER_DIST } from '../lib/paths';
import { sourceMapResolver } from '../lib/source-map';
import { createDocument, ensureRenderer, startBrowserModeServer } from '../lib/browser-mode';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/figures';
import { installOpenWatcher, installTypingProbe, typingSamples, type OpenTiming } from '../lib/page-probes';
import { percentile, withTimeout } from '../lib/stats';
import { focusAreaWatch } from './open-strategy';

const GROUP = '15 Suggestions';
const PLAIN = 'Kommunen vil styrke den digitale service for borgerne. ';
const SUGGESTED = 'Forvaltningen foreslår en fælles indgang for alle. ';

async function typeRound(page: Page, text: string): Promise<{ frame: number[]; painted: number[] }> {
  const before = await page.evaluate(typingSamples);
  const from = { frame: before.frame.length, painted: before.painted.length };
  for (const char of text) {
    await page.keyboard.type(char);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(200);
  const after = await page.evaluate(typingSamples);
  return { frame: after.frame.slice(from.frame), painted: after.painted.slice(from.painted) };
}

async function setMode(page: Page, toggle: string, on: boolean): Promise<void> {
  if ((await page.getAttribute(toggle, 'aria-pressed')) !== String(on)) await page.keyboard.press('Control+Shift+E');
  if ((await page.getAttribute(toggle, 'aria-pressed')) !== String(on)) throw new Error(`suggestion mode did not turn ${on ? 'on' : 'off'}`);
}

export async function measureTypingSuggestions(ctx: BenchContext): Promise<Figure[]> {
  await ensureRenderer(ctx);
  const large = generateLargeStrategy();
  const watch = focusAreaWatch(large, 57);
  const dataDir = await mkdtemp(join(tmpdir(), 'pejling-bench-suggest-'));
  const server = await startBrowserModeServer(ctx, dataDir);
  const browser = await ctx.browser();
  const rounds = ctx.quick ? 2 : 4;
  const plain = { frame: [] as number[], painted: [] as number[] };
  const suggesting = { frame: [] as number[], painted: [] as number[] };
  let profile: ProfileEntry[] = [];
  try {
    const id = await createDocument(server, large, 'stor-strategi.json');
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.addInitScript(installOpenWatcher, watch);
      await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/${encodeURIComponent(watch.focusAreaId)}`);
      await withTimeout(
        page.evaluate(() => (window as unknown as { __benchOpenResult: Promise<OpenTiming> }).__benchOpenResult),
        60_000,
        'opening the large strategy',
      );
      const field = `[data-field="${watch.focusAreaId}:body"]`;
      const editor = `${field} .ProseMirror`;
      const toggle = `${field} [data-action="suggest-mode"]`;
      await page.click(editor);
      await page.keyboard.press('Control+End');
      await page.evaluate(installTypingProbe);
      for (let round = 0; round < rounds; round++) {
        await setMode(page, toggle, false);
        const a = await typeRound(page, PLAIN);
        plain.frame.push(...a.frame);
        plain.painted.push(...a.painted);
        await setMode(page, toggle, true);
        const b = await typeRound(page, SUGGESTED);
        suggesting.frame.push(...b.frame);
        suggesting.painted.push(...b.painted);
      }
      // Where a keystroke in suggestion mode spends its time: a few more keys under the CPU profiler (not timed).
      const session = await cdpSession(page);
      profile = (
        await profileTop(
          session,
          async () => {
            for (const char of 'Og mere forslag her.') {
              await page.keyboard.type(char);
              await page.waitForTimeout(30);
            }
          },
          { resolve: sourceMapResolver(RENDERER_DIST) },
        )
      ).top;
      await setMode(page, toggle, false);
      const inserted = await page.$$eval(`${editor} ins[data-suggestion]`, (els) => els.map((e) => e.textContent ?? '').join(''));
      if (!inserted.includes(SUGGESTED.trim())) throw new Error('the suggested text is not in the editor as an insertion');
      if (inserted.includes(PLAIN.trim())) throw new Error('text typed with suggestion mode off became a suggestion');
    } finally {
      await context.close();
    }
    ctx.log(`  typing p95: ${Math.round(percentile(plain.frame, 95))} ms plain, ${Math.round(percentile(suggesting.frame, 95))} ms suggesting`);
    return (['frame', 'painted'] as const).flatMap((kind) =>
      [50, 95].map((p) =>
        figure({
          id: `suggestions.typing.${kind}.p${p}`,
          group: GROUP,
          title: `Typing in suggestion mode, large strategy: keydown → ${kind === 'frame' ? 'next frame' : 'frame painted'}, p${p}`,
          value: percentile(suggesting[kind], p),
          unit: 'ms',
          baseline: { label: `same keystrokes, suggestion mode off, p${p}`, value: percentile(plain[kind], p), unit: 'ms' },
          ...(kind === 'frame' && p === 95 ? { budget: { text: '≤ 1.5 × without suggestion mode', maxRatio: 1.5 } } : {}),
          ...(kind === 'frame' && p === 50 ? { details: { keystrokes: suggesting.frame.length, plainKeystrokes: plain.frame.length, focusArea: watch.focusAreaId, cpuProfileTop: profile } } : {}),
        }),
      ),
    );
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
