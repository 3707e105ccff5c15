// The English UI tried as a new user would: switch the language in the settings, look at the start
// screen, import a broken file, import a good one, edit it, open the plan views, and hit an export
// error. Apart from the document's own content (written in English here), no Danish word of the
// catalog may appear in the visible text or in the titles, labels and placeholders. Screenshots go to
// docs/screenshots/en-*.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { da } from '../../shared/i18n/catalog/da';
import { en } from '../../shared/i18n/catalog/en';
import { expect, stopServer, test } from './fixtures';

const shots = join(import.meta.dirname, '../../docs/screenshots');

/**
 * Danish UI words: every Danish message (or the fixed text between its parameters) that no English
 * message contains, so a cognate ("Status", "Version", "Forum") is never taken for Danish.
 */
function danishPhrases(): string[] {
  const englishText = Object.values(en).join('\n').toLocaleLowerCase('en');
  const phrases = new Set<string>();
  for (const [key, value] of Object.entries(da) as [keyof typeof da, string][]) {
    if (value === en[key] || key.startsWith('template.') || key.startsWith('settings.language.')) continue;
    if (/\{\w+, (plural|select)/.test(value)) continue;
    for (const fragment of value.split(/\{\w+\}/)) {
      const phrase = fragment.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      if (phrase.length < 4 || !/\p{L}{3}/u.test(phrase)) continue;
      if (englishText.includes(phrase.toLocaleLowerCase('en'))) continue;
      phrases.add(phrase);
    }
  }
  return [...phrases];
}

const DANISH = danishPhrases();

/** The Danish phrases visible on the page or read out from its titles, labels and placeholders. */
async function danishOnPage(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[title],[aria-label],[placeholder],[alt]')].flatMap((el) =>
      ['title', 'aria-label', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.body.innerText, document.title, ...attributes].join('\n');
  });
  const letter = '\\p{L}';
  return DANISH.filter((phrase) => {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<!${letter})${escaped}(?!${letter})`, 'u').test(text);
  });
}

async function look(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `en-${name}.png`), fullPage: false });
  expect(await danishOnPage(page), `Danish UI words on the ${name} screen`).toEqual([]);
}

/** A small English strategy written for this test: its content is English, so any Danish is the UI's. */
const ENGLISH_STRATEGY = {
  format: 'pejling-strategy',
  formatVersion: 1,
  meta: { title: 'Digital Harbour Strategy', organisation: 'Harbour Town Council', period: { from: 2026, to: 2029 }, language: 'en', status: 'draft' },
  vision: { statement: 'Services that work the first time, for everyone.' },
  perspectives: [
    {
      id: 'p-residents',
      title: 'Residents',
      focusAreas: [
        { id: 'fa-self-service', title: 'Self-service', body: 'Forms that fill themselves in.' },
        { id: 'fa-paper', title: 'Paper post', body: 'Letters that still go by post.' },
      ],
    },
  ],
  owners: [
    { id: 'o-digital', name: 'Digital Team', kind: 'unit' },
    { id: 'o-ann', name: 'Ann Reed', kind: 'person', parentId: 'o-digital' },
  ],
  actionPlans: [
    {
      id: 'ap-2026',
      title: 'Action plan 2026–2027',
      kind: 'common',
      period: { from: 2026, to: 2027 },
      ownerId: 'o-digital',
      initiatives: [
        {
          id: 'i-forms',
          title: 'Smart forms',
          focusAreaIds: ['fa-self-service'],
          ownerId: 'o-ann',
          status: 'active',
          start: '2026-01',
          end: '2027-06',
          budget: { amountDkk: 1234.5 },
          statusUpdates: [{ date: '2026-11-20', status: 'delayed', note: 'Waiting for the new platform.' }],
        },
        { id: 'i-letters', title: 'Fewer letters', focusAreaIds: [], status: 'cancelled' },
      ],
    },
  ],
};

test('the English UI shows no Danish outside the document’s own content', async ({ page, server, consoleErrors }, testInfo) => {
  test.setTimeout(180_000);
  const files = testInfo.outputPath('files');
  mkdirSync(files, { recursive: true });
  const broken = join(files, 'broken-strategy.json');
  writeFileSync(broken, JSON.stringify({ ...ENGLISH_STRATEGY, actionPlans: [{ ...ENGLISH_STRATEGY.actionPlans[0], kind: 'yearly', initiatives: [{ id: 'i-x', title: 'X', focusAreaIds: [], start: '2026-13' }] }] }));
  const good = join(files, 'harbour-strategy.json');
  writeFileSync(good, JSON.stringify(ENGLISH_STRATEGY));
  // For "Open file…", which the host checks and words itself: a file that is not JSON at all, and a damaged .pejling.
  const notStrategy = join(files, 'meeting-notes.json');
  writeFileSync(notStrategy, JSON.stringify([{ agenda: 'budget' }]));
  const damaged = join(files, 'harbour.pejling');
  writeFileSync(damaged, Buffer.concat([Buffer.from('PEJLING\0', 'latin1'), Buffer.from([1, 0, 0, 0, 255, 255, 0, 0]), Buffer.alloc(40, 7)]));

  // A new user starts in Danish (the default) and switches to English in the settings.
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Create strategy' })).toBeVisible();
  await look(page, 'start');

  // An invalid import: the problems are explained in English, with their JSON paths.
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON…' }).click();
  await (await chooser).setFiles(broken);
  const problems = page.getByTestId('file-problems');
  await expect(problems).toContainText('“broken-strategy.json” could not be opened');
  await expect(problems).toContainText('/actionPlans/0/kind');
  await expect(problems).toContainText('must be one of');
  await expect(problems).toContainText('must be a month written YYYY-MM');
  await look(page, 'import-error');
  await problems.getByRole('button', { name: 'Close' }).click();

  // "Open file…" goes to the host, which words the problems in the UI language it was told.
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(broken);
  await expect(problems).toContainText('/actionPlans/0/kind: must be one of');
  await expect(problems).toContainText('/actionPlans/0/initiatives/0/start: must be a month written YYYY-MM');
  expect(await danishOnPage(page), 'Danish in the host’s problems').toEqual([]);
  await problems.getByRole('button', { name: 'Close' }).click();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(notStrategy);
  await expect(problems).toContainText('not a Pejling strategy file');
  expect(await danishOnPage(page), 'Danish in the host’s problems').toEqual([]);
  await problems.getByRole('button', { name: 'Close' }).click();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(damaged);
  await expect(problems).toContainText('harbour.pejling cannot be read: The file is damaged');
  await look(page, 'open-error');
  await problems.getByRole('button', { name: 'Close' }).click();

  // A good import opens the editor.
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON…' }).click();
  await (await chooser).setFiles(good);
  await expect(page.getByRole('tree')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Digital Harbour Strategy');
  await look(page, 'editor');

  // An initiative in the editor: status, months, owner.
  await page.getByRole('treeitem', { name: /Smart forms/ }).click();
  await expect(page.getByRole('combobox', { name: 'Status' }).first()).toBeVisible();
  await look(page, 'editor-initiative');

  // The plan views.
  for (const [view, name] of [
    ['Initiatives', 'plans-initiatives'],
    ['Coverage', 'plans-coverage'],
    ['By owner', 'plans-owner'],
    ['Checks', 'plans-checks'],
    ['Status', 'plans-status'],
  ] as const) {
    await page.getByRole('tab', { name: view, exact: true }).click();
    await expect(page.getByRole('tab', { name: view, exact: true })).toHaveAttribute('aria-selected', 'true');
    await page.waitForTimeout(300);
    await look(page, name);
  }
  // The same words as Word and `pejling check`: the amount, the period, the statuses.
  await page.getByRole('tab', { name: 'Initiatives', exact: true }).click();
  const panel = page.locator('#view-panel[data-view="initiatives"]');
  await expect(panel).toContainText('Jan\u00a02026–Jun\u00a02027');
  await expect(panel).toContainText('In progress');
  await expect(panel).toContainText('Cancelled');

  // An export error the host answers: the document was deleted from this computer meanwhile (by another window).
  const id = decodeURIComponent(/#\/doc\/([^/?]+)/.exec(page.url())?.[1] ?? '');
  expect(id).not.toBe('');
  const deleted = await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { 'X-Pejling-Request': '1' } });
  expect(deleted.status).toBe(200);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: /^Word document \(\.docx\)/ }).click();
  await expect(page.getByText('The export failed: The document does not exist (any more) on this computer.')).toBeVisible();
  expect(await danishOnPage(page), 'Danish in the export error').toEqual([]);
  await page.getByRole('button', { name: 'Close the notification' }).first().click();

  // An export error: Pejling on this computer has stopped.
  await stopServer(server, { keepData: true });
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: /^Word document \(\.docx\)/ }).click();
  await expect(page.getByText('The export failed: Could not reach the Pejling server')).toBeVisible({ timeout: 20_000 });
  await look(page, 'export-error');
  // The page logs the refused requests; those are the expected consequence of the stopped server.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|WebSocket/.test(e)));
});
