// Issue 14, suggestions seen from the published side: a strategy read from a v3 file with pending
// suggestions (Bo Lind rewrites and adds words and suggests new titles, Carla Friis deletes a sentence,
// Anna Holm makes a word bold and suggests a new goal) shows each field with suggestions as a "Ventende forslag" finding in Tjek, the Disposition shows
// the published text, and the export menu's "Eksportér Word med forslag" downloads the Word document with
// them as tracked changes, which pandoc --track-changes=all reads back by their authors; the ordinary Word
// export has no pending insertion.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect, createDocument } from './fixtures';

const file = readFileSync(join(import.meta.dirname, '../fixtures/strategies/with-suggestions.json'), 'utf8');

async function exportVia(page: Page, item: RegExp): Promise<Download> {
  await page.getByRole('button', { name: 'Eksportér' }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: item }).click()]);
  return download;
}

/** pandoc's HTML of a downloaded .docx with every tracked change shown as a span with its author. */
async function trackedChanges(download: Download): Promise<string[]> {
  const html = execFileSync('pandoc', ['-f', 'docx', '-t', 'html', '--wrap=none', '--track-changes=all', await download.path()], { encoding: 'utf8' });
  return [...html.matchAll(/<span class="(insertion|deletion)" data-author="([^"]*)"[^>]*>([^<]*)<\/span>/g)].map((m) => `${m[1]} by ${m[2]}: ${m[3]}`);
}

test('pending suggestions are Tjek findings, the published text leaves them out, and Word "med forslag" carries them by their authors', async ({ page, server, consoleErrors }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1360, height: 860 });
  const id = await createDocument(server.url, { from: 'json', text: file, fileName: 'forslag.json' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/checks`);
  await expect(page.getByRole('tree')).toBeVisible();

  const findings = page.locator('.checks-item[data-code="pending-suggestions"]');
  await expect(findings).toHaveCount(5);
  expect(await findings.evaluateAll((items) => items.map((i) => i.getAttribute('data-id')))).toEqual(['vision', 'fa-selvbetjening', 'fa-selvbetjening', 'g-selvbetjening-1', 'i-mitid']);
  await expect(findings.first()).toContainText('Ventende forslag');
  await expect(findings.nth(1)).toContainText('3 ventende forslag fra Bo Lind og Carla Friis');
  await page.screenshot({ path: 'docs/screenshots/suggestions-export-checks.png' });

  // The Disposition shows the published text: Bo's words are not there until someone accepts them.
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/outline`);
  const outline = page.locator('.outline-doc');
  await expect(outline).toContainText('Borgerne skal kunne klare deres ærinder hurtigt på nettet.');
  await expect(outline).toContainText('Papirblanketter udfases.');
  await expect(outline).not.toContainText('enkelt og trygt');

  // The export menu offers Word with suggestions beside the published document.
  await page.getByRole('button', { name: 'Eksportér' }).click();
  await expect(page.getByRole('button', { name: /Eksportér Word med forslag/ })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/suggestions-export-menu.png' });
  await page.keyboard.press('Escape');

  const withSuggestions = await exportVia(page, /Eksportér Word med forslag/);
  expect(withSuggestions.suggestedFilename()).toMatch(/ - med forslag\.docx$/);
  expect(await trackedChanges(withSuggestions)).toEqual([
    'deletion by Bo Lind: Selvbetjening',
    'insertion by Bo Lind: Selvbetjening på borgernes præmisser',
    'deletion by Bo Lind: hurtigt',
    'insertion by Bo Lind: enkelt og trygt',
    'insertion by Bo Lind: og offentliggør resultatet',
    'deletion by Carla Friis: Papirblanketter udfases.',
    'deletion by Anna Holm: Ni ud af ti ansøgninger er digitale i 2028.',
    'insertion by Anna Holm: Ni ud af ti ansøgninger er digitale i 2027.',
    'deletion by Bo Lind: Selvbetjening med MitID',
    'insertion by Bo Lind: Selvbetjening med MitID og digital fuldmagt',
  ]);

  const published = await exportVia(page, /^Word/);
  expect(await trackedChanges(published)).toEqual([]);
  const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', await published.path()], { encoding: 'utf8' });
  expect(text).toContain('ærinder hurtigt på nettet');
  expect(text).not.toContain('enkelt og trygt');
  expect(withSuggestions.suggestedFilename()).toContain(published.suggestedFilename().replace(/\.docx$/, ''));
  expect(consoleErrors).toEqual([]);
});
