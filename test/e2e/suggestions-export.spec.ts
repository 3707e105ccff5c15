// Issue 14, suggestions seen from the published side: a strategy read from a v3 file with pending
// suggestions (Bo Lind rewrites and adds words and suggests new titles, Carla Friis deletes a sentence,
// Anna Holm makes a word bold and suggests a new goal) shows each field with suggestions as a "Ventende forslag" finding in Tjek, the Disposition shows
// the published text, and the export menu's "Eksportér Word med forslag" downloads the Word document with
// them as tracked changes, which pandoc --track-changes=all reads back by their authors; the ordinary Word
// export has no pending insertion. Then in the app: Bo turns on "Foreslå ændringer" (Ctrl+Shift+E) and
// rewrites a sentence; Anna's export "med forslag" read back by pandoc shows Bo's pending suggestions by Bo.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect, createDocument, openAsUser } from './fixtures';
import { richText } from './fields';

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

/** Double-clicks a word of a rich-text field (the browser selects it, as a person's double-click would). */
async function doubleClickWord(page: Page, key: string, word: string): Promise<void> {
  const box = await page.evaluate(
    ([fieldKey, wanted]) => {
      const root = document.querySelector(`[data-field="${fieldKey}"] .ProseMirror`)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
      return null;
    },
    [key, word] as const,
  );
  if (!box) throw new Error(`"${word}" is not in ${key}`);
  await page.mouse.dblclick(box.x, box.y);
}

test('Bo suggests in the app; the export "med forslag" read back by pandoc shows his pending suggestions by him', async ({ browser, server }) => {
  test.setTimeout(240_000);
  const plain = JSON.parse(file) as Record<string, unknown>;
  // The same strategy without the file's own suggestions: what is pending at the end is what Bo typed.
  const start = { ...plain, formatVersion: 2, vision: { statement: 'Fjordby er en nærværende digital kommune for alle borgere.' } } as Record<string, unknown>;
  delete start.suggestions;
  delete start.fieldSuggestions;
  (start.perspectives as { focusAreas: { body: unknown }[] }[])[0]!.focusAreas[0]!.body = 'Borgerne skal kunne klare deres ærinder hurtigt på nettet.';
  const id = await createDocument(server.url, { from: 'json', text: JSON.stringify(start), fileName: 'fjordby.json' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/fa-selvbetjening`;
  const bo = await openAsUser(browser, url, { name: 'Bo Lind', color: '#b42318' }, { width: 1280, height: 860 });
  const anna = await openAsUser(browser, url, { name: 'Anna Holm', color: '#1f6feb' }, { width: 1280, height: 860 });
  const body = 'fa-selvbetjening:body';

  // Bo turns on suggestion mode and rewrites the sentence: a word replaced, words added at its end.
  await richText(bo, body).click();
  await bo.keyboard.press('Control+Shift+E');
  await doubleClickWord(bo, body, 'hurtigt');
  await bo.keyboard.type('enkelt');
  await richText(bo, body).press('End');
  await bo.keyboard.type(' Også om natten.');

  // Anna sees them arrive (the text keeps Bo's words as suggestions), then exports Word with suggestions.
  await expect(richText(anna, body).locator('ins')).toHaveCount(2, { timeout: 30_000 });
  await expect(richText(anna, body).locator('del')).toHaveCount(1);
  const download = await exportVia(anna, /Eksportér Word med forslag/);
  const changes = await trackedChanges(download);
  expect(changes).toEqual([
    'deletion by Bo Lind: hurtigt',
    'insertion by Bo Lind: enkelt',
    'insertion by Bo Lind: Også om natten.',
  ]);
  // The published Word document still has the text as it was.
  const published = await exportVia(anna, /^Word/);
  expect(await trackedChanges(published)).toEqual([]);
  const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', await published.path()], { encoding: 'utf8' });
  expect(text).toContain('ærinder hurtigt på nettet.');
  expect(text).not.toContain('natten');
});
