// Issue 16, structure (browser mode, a real `pejling server`): the Disposition shows the Word document's
// chapters with its numbers — København's foreword without a number, the vision 2, each perspective a
// chapter of its own (3–7) with its focus areas numbered under it, no owners chapter, "Om strategien"
// last — the same list the index gives the Word export; unticking "Forord (uden nummer)" in the section's
// form numbers the foreword 1 and moves every number after it, live.
// Screenshot: docs/screenshots/outline-disposition.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { strategyDisposition } from '../../shared/export/strategy-index';
import type { StrategyFile } from '../../shared/format/schema';
import { test, expect, createDocument } from './fixtures';
import { field } from './fields';

const kk = JSON.parse(readFileSync(join(import.meta.dirname, '../../templates/examples/kk-2010-2014.json'), 'utf8')) as StrategyFile;

/** The Disposition's headings in order, "number title" (the number left out where there is none). */
async function shownHeadings(page: Page): Promise<string[]> {
  const headings = page.locator('.outline-doc .outline-part > .outline-heading, .outline-doc .rich-heading');
  return (await headings.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

const asShown = (entries: { number: string; title: string }[]) => entries.map((e) => (e.number ? `${e.number} ${e.title}` : e.title));

test('the Disposition lists the Word document\'s chapters and numbers; the foreword switch renumbers them', async ({ page, server, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1360, height: 900 });
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  const base = `${server.url}/#/doc/${encodeURIComponent(id)}`;
  await page.goto(`${base}/outline`);
  await expect(page.locator('.outline-doc')).toBeVisible({ timeout: 30_000 });

  const expected = asShown(strategyDisposition(kk, { numbered: true }));
  await expect.poll(() => shownHeadings(page), { timeout: 30_000 }).toEqual(expected);
  const shown = await shownHeadings(page);
  // What a reader checks against the printed København strategy.
  expect(shown[0]).toBe('Få bedre forbindelse');
  expect(shown[1]).toBe('1 Strategiens udgangspunkt og gyldighed');
  expect(shown[2]).toBe('2 Vision');
  expect(shown).toContain('3 Borgere, virksomheder og brugere');
  expect(shown).toContain('3.1 Attraktive digitale løsninger til alle');
  expect(shown).toContain('7 Drift og udvikling af it-platformen');
  expect(shown.some((text) => /Ansvarlige$/.test(text))).toBe(false);
  expect(shown.at(-1)).toMatch(/^\d+ Om strategien$/);
  await expect(page.locator('.outline-part[data-kind="about"]')).toContainText('Strategisk IT, Koncernservice');
  await page.locator('.outline-part[data-key="s-forord"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/outline-disposition.png' });

  // Untick the foreword: it becomes chapter 1, everything after it moves one up.
  await page.goto(`${base}/edit/s-forord`);
  const foreword = field(page, 'unnumbered');
  await expect(foreword).toBeChecked({ timeout: 30_000 });
  await foreword.uncheck();
  await page.getByRole('tab', { name: 'Disposition' }).click();
  const renumbered = asShown(strategyDisposition({ ...kk, sections: kk.sections?.map((s) => ({ ...s, unnumbered: false })) }, { numbered: true }));
  await expect.poll(() => shownHeadings(page), { timeout: 30_000 }).toEqual(renumbered);
  expect(renumbered.slice(0, 3)).toEqual(['1 Få bedre forbindelse', '2 Strategiens udgangspunkt og gyldighed', '3 Vision']);
  expect(consoleErrors).toEqual([]);
});
