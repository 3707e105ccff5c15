// The render budget (issue 18): typing one character re-renders only the components that show what was typed, and
// the few that show state derived from it. Not a timing test: it counts renders, in a test build of the renderer
// with a render counter compiled in (`node scripts/build.js --render-counts`, see renderer/src/app/render-counts.ts),
// so a view-wide re-render per keystroke fails here even on a fast machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateLargeStrategy } from '../../bench/generate-large-strategy';
import { createDocument, expect, startServer, stopServer, test, type RunningServer } from './fixtures';
import { field, richText } from './fields';

const BUILD_DIR = join(process.cwd(), 'dist/renderer-render-counts');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the counting variant of the renderer when it is missing or older than its sources. */
function ensureCountingBuild(): void {
  const index = join(BUILD_DIR, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(...['renderer', 'shared'].map((dir) => newestMtime(join(process.cwd(), dir))), statSync('vite.config.ts').mtimeMs);
  if (built < sources) execFileSync(process.execPath, ['scripts/build.js', '--render-counts'], { stdio: 'inherit' });
}

/** The renders counted since the last reset, per component name. */
async function renders(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...window.__pejlingRenderCounts!.counts }));
}

/**
 * Waits until the keystroke's effects are over: the edit is saved and no component rendered for a while (which
 * also lets a debounced re-render, say a check run 300 ms after typing, show up in the counts). Bounded.
 */
async function settle(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-kind', 'saved');
  let before = JSON.stringify(await renders(page));
  for (let round = 0; round < 20; round++) {
    await page.waitForTimeout(400);
    const now = JSON.stringify(await renders(page));
    if (now === before) return;
    before = now;
  }
  throw new Error(`components kept rendering with nothing typed: ${before}`);
}

/** Types `text` with the counts reset just before, and returns which components rendered because of it. */
async function rendersOfTyping(page: Page, text: string): Promise<Record<string, number>> {
  await settle(page);
  await page.evaluate(() => window.__pejlingRenderCounts!.reset());
  await page.keyboard.type(text);
  await settle(page);
  return renders(page);
}

// Components that show the save state ("Gemmer…" / "Gemt"), which every keystroke changes.
const SAVE_STATE = ['LiveStatusBar', 'StatusBar'];
// The rich-text field's own components: its editor and the toolbar that shows the marks at the cursor.
const RICH_FIELD = ['RichTextEditor', 'RichToolbar', 'ToolbarButton', 'CommentButton', 'Icon', 'Fragment'];
// A focus area's title is shown by its own bound input (which follows its Y.Text without re-rendering) and by the
// navigator's row.
const TITLE_FIELD = ['BoundInput', 'Navigator'];
// A goal's text is shown by its own text area only (the navigator does not list goals).
const GOAL_FIELD = ['BoundTextArea'];

function unexpected(counts: Record<string, number>, allowed: string[]): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([name]) => !allowed.includes(name)));
}

let server: RunningServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  ensureCountingBuild();
  server = await startServer({ env: { PEJLING_RENDERER_DIR: BUILD_DIR } });
});
test.afterAll(async () => {
  await stopServer(server);
});

test('typing one character re-renders only the components that show it', async ({ page, consoleErrors }) => {
  const strategy = generateLargeStrategy({ perspectives: 10, focusAreas: 60, initiatives: 50, owners: 20 });
  const area = strategy.perspectives.flatMap((p) => p.focusAreas)[23]!;
  const id = await createDocument(server.url, { from: 'json', text: JSON.stringify(strategy), fileName: 'stor-strategi.json' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/${encodeURIComponent(area.id)}`);
  const body = richText(page, `${area.id}:body`);
  await expect(body).toBeVisible();
  await expect(page.getByRole('treeitem', { name: area.title, exact: true })).toBeVisible();
  expect(await page.evaluate(() => typeof window.__pejlingRenderCounts), 'the render counter is compiled into this build').toBe('object');

  // One character at the end of the focus area's body.
  await body.click();
  await page.keyboard.press('Control+End');
  const bodyRenders = await rendersOfTyping(page, 'x');
  await expect(body).toContainText('x');
  expect(unexpected(bodyRenders, [...RICH_FIELD, ...SAVE_STATE]), `rendered after one character in the body: ${JSON.stringify(bodyRenders)}`).toEqual({});
  expect(bodyRenders['StatusBar'], 'the save state shows the edit').toBeGreaterThan(0);

  // One character at the end of the title: the field and the navigator's row show it, nothing else re-renders.
  const title = field(page, 'title');
  await title.click();
  await page.keyboard.press('End');
  const titleRenders = await rendersOfTyping(page, 'y');
  await expect(title).toHaveValue(`${area.title}y`);
  await expect(page.getByRole('treeitem', { name: `${area.title}y`, exact: true })).toBeVisible();
  expect(unexpected(titleRenders, [...TITLE_FIELD, ...SAVE_STATE]), `rendered after one character in the title: ${JSON.stringify(titleRenders)}`).toEqual({});
  expect(titleRenders['Navigator'], 'the navigator shows the new title').toBeGreaterThan(0);

  // One character at the end of the focus area's first goal: only its own text area.
  const goal = field(page, 'goal.text').first();
  await goal.click();
  await page.keyboard.press('Control+End');
  const goalRenders = await rendersOfTyping(page, 'z');
  await expect(goal).toHaveValue(`${area.goals![0]!.text}z`);
  expect(unexpected(goalRenders, [...GOAL_FIELD, ...SAVE_STATE]), `rendered after one character in a goal: ${JSON.stringify(goalRenders)}`).toEqual({});
  expect(consoleErrors).toEqual([]);
});
