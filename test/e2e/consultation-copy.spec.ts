// Issue 12, the consultation round seen from the document: a strategy read from a v2 file with comment
// threads shows each open thread as an "Uløst kommentar" finding in Tjek (leading to the item it is on), and
// the export menu's "Høringsudgave med kommentarer" downloads the Word document with the open threads as
// Word comments, replies linked to their thread, while the ordinary Word export has none.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, createDocument } from './fixtures';
import type { Download, Page } from '@playwright/test';

const file = readFileSync(join(import.meta.dirname, '../fixtures/strategies/with-comments.json'), 'utf8');

/** One part of a downloaded .docx (zip), as text. */
async function part(download: Download, name: string): Promise<string> {
  return execFileSync('unzip', ['-p', await download.path(), name], { encoding: 'utf8' });
}

async function exportVia(page: Page, item: RegExp): Promise<Download> {
  await page.getByRole('button', { name: 'Eksportér' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: item }).click()]);
  return download;
}

test('open threads are Tjek findings, and the consultation copy carries them as Word comments', async ({ page, server, consoleErrors }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  const id = await createDocument(server.url, { from: 'json', text: file, fileName: 'høring.json' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/checks`);
  await expect(page.getByRole('tree')).toBeVisible();

  const findings = page.locator('.checks-item[data-code="unresolved-comments"]');
  await expect(findings).toHaveCount(4);
  expect(await findings.evaluateAll((items) => items.map((i) => i.getAttribute('data-id')))).toEqual(['vision', 'fa-1', 'fa-1', 'g-1']);
  await expect(findings.first()).toContainText('Uløst kommentar');
  // In document order: the focus area's title before its text.
  await expect(findings.nth(1)).toContainText('»Titlen bør nævne virksomheder.«');
  await expect(findings.nth(2)).toContainText('»Selvbetjening skal virke på mobilen.«');
  await expect(page.getByTestId('checks-summary')).toContainText('4 advarsler');
  await page.screenshot({ path: 'docs/screenshots/comments-checks.png' });

  // A finding leads to the item its thread is on.
  await findings.nth(2).click();
  await expect(page).toHaveURL(/\/edit\/fa-1/);

  // The export menu offers the consultation copy beside the published document.
  await page.getByRole('button', { name: 'Eksportér' }).click();
  await expect(page.getByRole('button', { name: /Høringsudgave med kommentarer/ })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/comments-export-menu.png' });
  await page.keyboard.press('Escape');

  const consultation = await exportVia(page, /Høringsudgave med kommentarer/);
  expect(consultation.suggestedFilename()).toMatch(/høringsudgave\.docx$/);
  const comments = await part(consultation, 'word/comments.xml');
  const authors = [...comments.matchAll(/w:author="([^"]+)"/g)].map((m) => m[1]).sort();
  expect(authors).toEqual(['Anna Holm', 'Anna Holm', 'Bo Lind', 'Carla Friis', 'Dorte Kjær']);
  expect(comments).not.toContain('Er KL med?');
  expect(await part(consultation, 'word/commentsExtended.xml')).toContain('w15:paraIdParent');

  const published = await exportVia(page, /^Word/);
  expect(execFileSync('unzip', ['-l', await published.path()], { encoding: 'utf8' })).not.toContain('word/comments.xml');
  expect(consultation.suggestedFilename()).not.toBe(published.suggestedFilename());
  expect(consultation.suggestedFilename()).toContain(published.suggestedFilename().replace(/\.docx$/, ''));
  void consoleErrors;
});
