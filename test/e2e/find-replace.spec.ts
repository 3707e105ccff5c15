// Find and replace across the whole strategy, in browser mode against the Pejling server: the word
// "selvbetjening" stands in a focus area's title, a goal, a focus area's text and an initiative's
// title and description. Ctrl+F lists the hits by part with the field and a snippet; a result
// opens its part and selects the hit; Ctrl+H replaces all in one step, and "Fortryd" takes every
// replacement back at once. Screenshots of the panel.
import type { Page } from '@playwright/test';
import { settle } from './a11y';
import { test, expect, createDocument, openAsUser, toastTexts } from './fixtures';
import { field, richText } from './fields';

const strategy = {
  format: 'pejling-strategy',
  formatVersion: 2,
  meta: { title: 'Digital strategi for Lunde Kommune', organisation: 'Lunde Kommune', period: { from: 2026, to: 2029 }, language: 'da' },
  vision: { statement: 'Borgerne møder én kommune, uanset kanal.' },
  perspectives: [
    {
      id: 'pe-borger',
      title: 'Borgeren',
      focusAreas: [
        {
          id: 'fa-selv',
          title: 'Selvbetjening der virker',
          body: 'God selvbetjening sparer borgeren for ventetid. Vi måler selvbetjening hvert kvartal.',
          goals: [{ id: 'go-andel', text: 'Andelen af sager via selvbetjening stiger til 80 %' }],
        },
        { id: 'fa-data', title: 'Data på tværs', body: 'Data deles sikkert mellem fagområder.', goals: [] },
      ],
    },
  ],
  owners: [{ id: 'ow-it', name: 'IT-afdelingen', kind: 'unit' }],
  actionPlans: [
    {
      id: 'hp-1',
      title: 'Handlingsplan 2026–2027',
      kind: 'common',
      period: { from: 2026, to: 2027 },
      initiatives: [{ id: 'in-app', title: 'Ny app til selvbetjening', description: 'Appen samler selvbetjening ét sted.', focusAreaIds: ['fa-selv'], ownerId: 'ow-it' }],
    },
  ],
};

const panel = (page: Page) => page.getByTestId('find-panel');

/**
 * The search's count reads `expected`. When it does not, the failure also says what the page searched
 * and what it shows (its query and options, the part open, the navigator's rows), so that a run that
 * fails once can be told apart from one that found nothing in a document that has the word.
 */
async function expectCount(page: Page, expected: string): Promise<void> {
  try {
    await expect(page.getByTestId('find-count')).toHaveText(expected);
  } catch (error) {
    const state = await page.evaluate(() => ({
      query: document.querySelector<HTMLInputElement>('[data-field="find.query"]')?.value,
      options: [...document.querySelectorAll<HTMLInputElement>('.find-options input')].map((e) => e.checked),
      route: location.hash,
      title: document.querySelector<HTMLInputElement>('.edit-view [data-field="title"]')?.value,
      rows: [...document.querySelectorAll('[role="treeitem"]')].map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim()),
      status: document.querySelector('[data-testid="save-state"]')?.textContent,
    }));
    throw new Error(`${(error as Error).message}\nwhat the page shows: ${JSON.stringify(state)}`, { cause: error });
  }
}

test('find lists hits by part and jumps to them; replace all is one step that Fortryd takes back', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const id = await createDocument(server.url, { from: 'json', fileName: 'lunde.json', text: JSON.stringify(strategy) });
  const anna = await openAsUser(browser, `${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`, { name: 'Anna Andersen', color: '#1f6feb' }, { width: 1440, height: 900 });
  const errors: string[] = [];
  anna.on('pageerror', (e) => errors.push(e.message));

  // Ctrl+F opens the search with the focus in it.
  await anna.locator('body').click();
  await anna.keyboard.press('Control+f');
  await expect(field(panel(anna), 'find.query')).toBeFocused();
  await anna.keyboard.type('selvbetjening');
  await expectCount(anna, '6 forekomster i 2 dele');
  const groups = panel(anna).locator('.find-group');
  await expect(groups.locator('.find-group-title')).toHaveText(['Selvbetjening der virker', 'Ny app til selvbetjening']);
  // each hit with its field and the hit marked in its sentence
  const first = groups.nth(0).locator('.find-hit');
  await expect(first.locator('.find-hit-field')).toHaveText(['Titel', 'Tekst', 'Tekst', 'Mål']);
  await expect(first.nth(3).locator('.find-hit-snippet')).toHaveText('Andelen af sager via selvbetjening stiger til 80 %');
  await expect(first.nth(3).locator('mark')).toHaveText('selvbetjening');
  // match case drops the title's "Selvbetjening"
  await field(panel(anna), 'find.matchCase').check();
  await expectCount(anna, '5 forekomster i 2 dele');
  await field(panel(anna), 'find.matchCase').uncheck();
  await settle(anna);
  await anna.screenshot({ path: 'docs/screenshots/find-results.png' });

  // A result opens its part and selects the hit: the goal's text in its focus area.
  await first.nth(3).locator('.find-hit-jump').click();
  const goal = anna.locator('[data-goal="go-andel"] textarea');
  await expect(goal).toBeFocused();
  expect(await goal.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('selvbetjening');
  // A hit in rich text: the editor gets the selection.
  await groups.nth(1).locator('.find-hit').nth(1).locator('.find-hit-jump').click();
  await expect(anna.locator('.edit-view[data-selected="in-app"]')).toBeVisible();
  await expect.poll(() => anna.evaluate(() => window.getSelection()?.toString())).toBe('selvbetjening');

  // Ctrl+H: replace all, in one step.
  await field(panel(anna), 'find.query').click();
  await anna.keyboard.press('Control+h');
  await field(panel(anna), 'find.replacement').fill('digital service');
  await settle(anna);
  await anna.screenshot({ path: 'docs/screenshots/find-replace.png' });
  await anna.getByTestId('find-replace-all').click();
  await expectCount(anna, 'Ingen forekomster');
  // (read from what the toasts showed: on a loaded machine the toast may be gone by the next step)
  await expect.poll(() => toastTexts(anna)).toContain('6 forekomster erstattet');
  await expect(field(anna, 'title')).toHaveValue('Ny app til digital service');
  await expect(richText(anna, 'in-app:description')).toHaveText('Appen samler digital service ét sted.');
  await anna.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/fa-selv`);
  await expect(field(anna, 'title')).toHaveValue('digital service der virker');
  await expect(richText(anna, 'fa-selv:body')).toHaveText('God digital service sparer borgeren for ventetid. Vi måler digital service hvert kvartal.');

  // Fortryd (Ctrl+Z outside a field, as for the navigator's operations) takes all six back at once.
  await anna.locator('.pane-title, .edit-view').first().click({ position: { x: 2, y: 2 } });
  await anna.keyboard.press('Control+z');
  await expect(field(anna, 'title')).toHaveValue('Selvbetjening der virker');
  await expect(anna.locator('[data-goal="go-andel"] textarea')).toHaveValue('Andelen af sager via selvbetjening stiger til 80 %');
  await expect(richText(anna, 'fa-selv:body')).toHaveText('God selvbetjening sparer borgeren for ventetid. Vi måler selvbetjening hvert kvartal.');
  await expectCount(anna, '6 forekomster i 2 dele');
  expect(errors).toEqual([]);
});

test('in suggestion mode, replace all writes suggestions by Bo in three items; Anna accepts them all in the review list', async ({ browser, server }) => {
  test.setTimeout(150_000);
  const id = await createDocument(server.url, { from: 'json', fileName: 'lunde.json', text: JSON.stringify(strategy) });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/fa-selv`;
  const anna = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' }, { width: 1440, height: 900 });
  const bo = await openAsUser(browser, url, { name: 'Bo Berg', color: '#b42318' }, { width: 1440, height: 900 });
  const errors: string[] = [];
  for (const page of [anna, bo]) page.on('pageerror', (e) => errors.push(e.message));

  // Bo has the strategy as stored before he searches.
  await expect(field(bo, 'title')).toHaveValue('Selvbetjening der virker');
  await expect(richText(bo, 'fa-selv:body')).toHaveText('God selvbetjening sparer borgeren for ventetid. Vi måler selvbetjening hvert kvartal.');
  // Bo: suggestion mode on, then Ctrl+H.
  await bo.locator('body').click();
  await bo.keyboard.press('Control+Shift+E');
  await expect(field(bo, 'title')).toHaveAttribute('data-suggesting', '');
  await bo.keyboard.press('Control+h');
  await field(panel(bo), 'find.query').fill('selvbetjening');
  await field(panel(bo), 'find.replacement').fill('digital service');
  await expectCount(bo, '6 forekomster i 2 dele');
  await expect(panel(bo).locator('.find-note')).toBeVisible();
  await settle(bo);
  await bo.screenshot({ path: 'docs/screenshots/find-replace-suggest.png' });
  await bo.getByTestId('find-replace-all').click();
  await expect.poll(() => toastTexts(bo)).toContain('6 erstatninger foreslået');

  // Anna: nothing is replaced, every replacement stands as Bo's suggestion.
  await expect(field(anna, 'title')).toHaveValue('Selvbetjening der virker');
  const titleSuggestion = anna.locator('[data-suggestions-for="fa-selv:title"] .field-suggestion');
  await expect(titleSuggestion.locator('.field-suggestion-author')).toHaveText('Forslag fra Bo Berg:');
  await expect(titleSuggestion.locator('.field-suggestion-text')).toHaveText('digital service der virker');
  await expect(anna.locator('[data-suggestions-for="go-andel:text"] .field-suggestion-text')).toHaveText('Andelen af sager via digital service stiger til 80 %');
  const body = richText(anna, 'fa-selv:body');
  await expect(body.locator('del[data-suggestion]')).toHaveText(['selvbetjening', 'selvbetjening']);
  await expect(body.locator('ins[data-suggestion]')).toHaveText(['digital service', 'digital service']);

  // Anna accepts them all from the review list: the suggestions in the text and those of the titles and goal.
  await anna.getByTestId('comments-toggle').click();
  await anna.getByTestId('review-tab-suggestions').click();
  await expect(anna.getByTestId('review-tab-suggestions')).toHaveText(/6/);
  const review = anna.getByTestId('field-suggestion-review');
  await expect(review.locator('.field-suggestion-card')).toHaveCount(3);
  await expect(review.locator('.field-suggestion-card').first()).toContainText('Bo Berg');
  await settle(anna);
  await anna.screenshot({ path: 'docs/screenshots/find-suggestions-review.png' });
  await anna.locator('[data-action="suggestions-accept-shown"]').click();
  await review.locator('[data-action="field-suggestions-accept-shown"]').click();
  await expect(review).toHaveCount(0);
  await expect(field(anna, 'title')).toHaveValue('digital service der virker');
  await expect(body).toHaveText('God digital service sparer borgeren for ventetid. Vi måler digital service hvert kvartal.');
  await expect(body.locator('del, ins')).toHaveCount(0);

  // Bo's search, still open, follows: no hits of the old word, six of the new one.
  await expectCount(bo, 'Ingen forekomster');
  await field(panel(bo), 'find.query').fill('digital service');
  await expectCount(bo, '6 forekomster i 2 dele');
  expect(errors).toEqual([]);
});

test('a hit in a comment opens its thread in the comments panel, also a resolved one the filter hid', async ({ browser, server }) => {
  const withComments = {
    ...strategy,
    formatVersion: 2,
    comments: [
      {
        id: 'th-open',
        target: { id: 'fa-selv', field: 'body', quote: 'ventetid' },
        messages: [{ id: 'm-1', author: 'Carla Clausen', date: '2026-11-02T09:00:00Z', text: 'Hvor lang er ventetiden i dag?' }],
      },
      {
        id: 'th-done',
        target: { id: 'fa-data', field: 'body', quote: 'sikkert' },
        status: 'resolved',
        resolvedBy: 'Anna Andersen',
        resolvedAt: '2026-11-04T10:00:00Z',
        messages: [
          { id: 'm-2', author: 'Carla Clausen', date: '2026-11-03T09:00:00Z', text: 'Skriv hellere om tryghed for borgerne.' },
          { id: 'm-3', author: 'Anna Andersen', date: '2026-11-04T09:30:00Z', text: 'Enig, rettet.' },
        ],
      },
    ],
  };
  const id = await createDocument(server.url, { from: 'json', fileName: 'lunde-kommentarer.json', text: JSON.stringify(withComments) });
  const anna = await openAsUser(browser, `${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`, { name: 'Anna Andersen', color: '#1f6feb' }, { width: 1440, height: 900 });
  const errors: string[] = [];
  anna.on('pageerror', (e) => errors.push(e.message));

  await anna.locator('body').click();
  await anna.keyboard.press('Control+f');
  await anna.keyboard.type('tryghed');
  await expectCount(anna, '1 forekomst i 1 del');
  const hit = panel(anna).locator('.find-hit');
  await expect(hit.locator('.find-hit-field')).toHaveText('Kommentar');
  await hit.locator('.find-hit-jump').click();

  // The thread's part opens, the comments panel opens on its thread (resolved, so the "Åbne" filter gave way).
  await expect(anna.locator('.edit-view[data-selected="fa-data"]')).toBeVisible();
  const comments = anna.getByTestId('comments-panel');
  await expect(comments).toBeVisible();
  const thread = comments.locator('.comment-thread[data-thread="th-done"]');
  await expect(thread).toHaveClass(/is-active/);
  await expect(thread).toBeInViewport();
  await expect(thread.locator('.comment-message')).toHaveText([/Skriv hellere om tryghed/, /Enig, rettet/]);

  // A hit in an open thread of another part: that part and that thread.
  await field(panel(anna), 'find.query').fill('ventetiden');
  await expect(hit.locator('mark')).toHaveText('ventetiden');
  await hit.locator('.find-hit-jump').click();
  await expect(anna.locator('.edit-view[data-selected="fa-selv"]')).toBeVisible();
  await expect(comments.locator('.comment-thread[data-thread="th-open"]')).toHaveClass(/is-active/);
  // The search stays open beside the comments panel, not over its threads.
  const findBox = (await panel(anna).boundingBox())!;
  const commentsBox = (await comments.boundingBox())!;
  expect(findBox.x + findBox.width).toBeLessThanOrEqual(commentsBox.x);
  await settle(anna);
  await anna.screenshot({ path: 'docs/screenshots/find-comment-hit.png' });
  expect(errors).toEqual([]);
});
