// Suggested titles and goals between two people, in browser mode through the Pejling server: Bo
// turns on suggestion mode (Ctrl+Shift+E) and types a new title for a focus area and a new goal
// text; the title and goal stay as they are for both, and Anna sees each suggestion under its field
// with Bo's name. She accepts the title (both see it) and rejects the goal; "Fortryd" takes the
// acceptance back, suggestion included. Screenshots of both windows.
import type { Page } from '@playwright/test';
import { settle } from './a11y';
import { test, expect, createDocument, openAsUser } from './fixtures';
import { field } from './fields';

const strategy = {
  format: 'pejling-strategy',
  formatVersion: 2,
  meta: { title: 'IT-strategi for Vesthavn Kommune', organisation: 'Vesthavn Kommune', period: { from: 2026, to: 2029 }, language: 'da' },
  vision: { statement: 'Vi gør det enkelt at være borger og ansat.' },
  perspectives: [
    {
      id: 'pe-drift',
      title: 'Drift',
      focusAreas: [
        {
          id: 'fa-sikker',
          title: 'Sikker drift',
          body: 'Systemerne skal være oppe, også når noget går galt.',
          goals: [{ id: 'go-oppetid', text: 'Oppetid på 99,5 % for kritiske systemer' }],
        },
      ],
    },
  ],
};

const suggestions = (page: Page, key: string) => page.locator(`[data-suggestions-for="${key}"] .field-suggestion`);

test('Bo suggests a focus area title and a goal; Anna sees both with his name, accepts one, rejects the other; undo of the accept', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const id = await createDocument(server.url, { from: 'json', fileName: 'vesthavn.json', text: JSON.stringify(strategy) });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/fa-sikker`;
  const anna = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' }, { width: 1280, height: 860 });
  const bo = await openAsUser(browser, url, { name: 'Bo Berg', color: '#b42318' }, { width: 1280, height: 860 });
  const errors: string[] = [];
  for (const page of [anna, bo]) page.on('pageerror', (e) => errors.push(e.message));
  const title = (page: Page) => field(page, 'title');
  const goal = (page: Page) => page.locator('[data-goal="go-oppetid"] textarea');

  // Bo turns suggestion mode on: the title's input now edits his suggestion (a dashed frame says so).
  await title(bo).click();
  await bo.keyboard.press('Control+Shift+E');
  await expect(title(bo)).toHaveAttribute('data-suggesting', '');
  await title(bo).press('End');
  await title(bo).pressSequentially(' og beredskab', { delay: 30 });
  await goal(bo).click();
  await goal(bo).press('End');
  await goal(bo).pressSequentially(' i åbningstiden', { delay: 30 });

  // Bo sees his own suggestions; the fields themselves are unchanged for Anna.
  await expect(suggestions(bo, 'fa-sikker:title')).toHaveText(['Dit forslag:Sikker drift og beredskabAcceptérAfvisGældende tekst: Sikker drift']);
  await expect(suggestions(anna, 'fa-sikker:title')).toHaveCount(1);
  await expect(suggestions(anna, 'fa-sikker:title').locator('.field-suggestion-author')).toHaveText('Forslag fra Bo Berg:');
  await expect(suggestions(anna, 'fa-sikker:title').locator('.field-suggestion-text')).toHaveText('Sikker drift og beredskab');
  await expect(suggestions(anna, 'go-oppetid:text').locator('.field-suggestion-text')).toHaveText('Oppetid på 99,5 % for kritiske systemer i åbningstiden');
  await expect(title(anna)).toHaveValue('Sikker drift');
  await expect(goal(anna)).toHaveValue('Oppetid på 99,5 % for kritiske systemer');
  await expect(anna.getByRole('treeitem', { name: /Sikker drift/ })).toBeVisible();
  await settle(anna);
  await anna.locator('.editor-form').screenshot({ path: 'docs/screenshots/suggestions-title.png' });
  await settle(bo);
  await bo.locator('.editor-form').screenshot({ path: 'docs/screenshots/suggestions-title-author.png' });

  // Anna accepts the title: it changes for both, and the suggestion is gone.
  await suggestions(anna, 'fa-sikker:title').locator('[data-action="accept"]').click();
  await expect(title(anna)).toHaveValue('Sikker drift og beredskab');
  await expect(suggestions(anna, 'fa-sikker:title')).toHaveCount(0);
  await expect(suggestions(bo, 'fa-sikker:title')).toHaveCount(0);
  await expect(bo.getByRole('treeitem', { name: /Sikker drift og beredskab/ })).toBeVisible();
  // Bo, still in suggestion mode, sees the accepted title in his input.
  await expect(title(bo)).toHaveValue('Sikker drift og beredskab');

  // Anna rejects the goal text: the goal stays, the suggestion goes for both.
  await suggestions(anna, 'go-oppetid:text').locator('[data-action="reject"]').click();
  await expect(suggestions(bo, 'go-oppetid:text')).toHaveCount(0);
  await expect(goal(anna)).toHaveValue('Oppetid på 99,5 % for kritiske systemer');
  await expect(goal(bo)).toHaveValue('Oppetid på 99,5 % for kritiske systemer');

  // Ctrl+Z outside a field takes the rejection back, then the acceptance: the old title and Bo's suggestion return.
  await anna.locator('.pane-title, .editor-form').first().click({ position: { x: 2, y: 2 } });
  await anna.keyboard.press('Control+z');
  await expect(suggestions(anna, 'go-oppetid:text')).toHaveCount(1);
  await anna.keyboard.press('Control+z');
  await expect(title(anna)).toHaveValue('Sikker drift');
  await expect(title(bo)).toHaveValue('Sikker drift og beredskab'); // his input shows his suggestion again
  await expect(suggestions(anna, 'fa-sikker:title').locator('.field-suggestion-text')).toHaveText('Sikker drift og beredskab');
  await expect(bo.getByRole('treeitem', { name: 'Sikker drift', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test("an initiative's benefit and financing are suggested like titles; accepted, they are the initiative's", async ({ browser, server }) => {
  test.setTimeout(120_000);
  const withPlan = {
    ...strategy,
    owners: [{ id: 'ow-it', name: 'IT-afdelingen', kind: 'unit' }],
    actionPlans: [
      {
        id: 'hp-1',
        title: 'Handlingsplan 2026–2027',
        kind: 'common',
        period: { from: 2026, to: 2027 },
        initiatives: [{ id: 'in-backup', title: 'Ny backupløsning', focusAreaIds: ['fa-sikker'], ownerId: 'ow-it', budget: { amountDkk: 400000 } }],
      },
    ],
  };
  const id = await createDocument(server.url, { from: 'json', fileName: 'vesthavn-plan.json', text: JSON.stringify(withPlan) });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/in-backup`;
  const anna = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' }, { width: 1280, height: 860 });
  const bo = await openAsUser(browser, url, { name: 'Bo Berg', color: '#b42318' }, { width: 1280, height: 860 });
  const errors: string[] = [];
  for (const page of [anna, bo]) page.on('pageerror', (e) => errors.push(e.message));
  const benefit = (page: Page) => page.locator('input[data-field="businessCase.benefit"]');
  const source = (page: Page) => page.locator('[data-field="budgetSource"] input');

  // Bo, in suggestion mode, writes a benefit and where the money comes from: both are his suggestions.
  await benefit(bo).click();
  await bo.keyboard.press('Control+Shift+E');
  await expect(benefit(bo)).toHaveAttribute('data-suggesting', '');
  await benefit(bo).pressSequentially('Færre nedbrud', { delay: 20 });
  await source(bo).click();
  await source(bo).pressSequentially('Driftsbudgettet', { delay: 20 });
  await expect(suggestions(anna, 'in-backup:businessCaseBenefit').locator('.field-suggestion-text')).toHaveText('Færre nedbrud');
  await expect(suggestions(anna, 'in-backup:budgetSource').locator('.field-suggestion-text')).toHaveText('Driftsbudgettet');
  await expect(benefit(anna)).toHaveValue('');
  await expect(source(anna)).toHaveValue('');

  // Anna accepts both: the fields hold the text for both of them, and the strategy carries it.
  await suggestions(anna, 'in-backup:businessCaseBenefit').getByRole('button', { name: /Acceptér/ }).click();
  await suggestions(anna, 'in-backup:budgetSource').getByRole('button', { name: /Acceptér/ }).click();
  await expect(benefit(anna)).toHaveValue('Færre nedbrud');
  await expect(source(anna)).toHaveValue('Driftsbudgettet');
  await expect(benefit(bo)).toHaveValue('Færre nedbrud');
  // A benefit written before a business-case status was chosen reads as status "Ingen".
  await expect(anna.locator('select[data-field="businessCase.status"]')).toHaveValue('none');
  await expect
    .poll(async () => {
      const saved = (await (await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}/download?format=json`)).json()) as { actionPlans: { initiatives: { businessCase?: unknown; budget?: unknown }[] }[] };
      const initiative = saved.actionPlans[0]!.initiatives[0]!;
      return { businessCase: initiative.businessCase, budget: initiative.budget };
    })
    .toEqual({ businessCase: { status: 'none', benefit: 'Færre nedbrud' }, budget: { amountDkk: 400000, source: 'Driftsbudgettet' } });
  expect(errors).toEqual([]);
});
