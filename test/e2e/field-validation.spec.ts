// No silent reverts: a field that cannot take what was typed keeps the text, marks itself invalid
// (aria-invalid, a visible reason linked with aria-describedby) and saves nothing until corrected.
// A second person watching the same field proves that nothing was saved.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, createDocument, openAsUser, expectSaved } from './fixtures';

const strategyText = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/schema1/strategy.json'), 'utf8');

/** Types `text` in place of the field's value and leaves the field (Tab), as a person would. */
async function replaceText(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('Control+a');
  if (text === '') await field.press('Delete');
  else await field.pressSequentially(text);
  await field.press('Tab');
}

/** The field shows `typed`, is marked invalid, and says `reason` in the element aria-describedby names. */
async function expectRefused(page: Page, field: Locator, typed: string, reason: RegExp): Promise<void> {
  await expect(field).toHaveValue(typed);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(reason);
  const describedBy = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const errors = page.locator('[data-field-error]').filter({ hasText: reason });
  const ids = await errors.evaluateAll((nodes) => nodes.map((n) => n.id));
  const shown = ids.filter((id) => describedBy.includes(id));
  expect(shown).toHaveLength(1);
  await expect(page.locator(`[id="${shown[0]}"]`)).toBeVisible();
}

async function expectAccepted(field: Locator): Promise<void> {
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}

test.describe('fields that cannot take what was typed', () => {
  let anna: Page;
  let bo: Page;
  let base: string;

  test.beforeEach(async ({ browser, server }) => {
    const id = await createDocument(server.url, { from: 'json', fileName: 'havbjerg.json', text: strategyText });
    base = `${server.url}/#/doc/${encodeURIComponent(id)}/edit`;
    anna = await openAsUser(browser, `${base}/in-mitid`, { name: 'Anna Andersen', color: '#1f6feb' });
    bo = await openAsUser(browser, `${base}/in-mitid`, { name: 'Bo Berg', color: '#b42318' });
  });

  test.afterEach(async () => {
    await anna.context().close();
    await bo.context().close();
  });

  test('the budget "ca. 3 mio." stays, says why, saves nothing; corrected, it is saved', async () => {
    const budget = (page: Page) => page.getByRole('textbox', { name: 'Budget (kr.)' });
    await expect(budget(anna)).toHaveValue(/^850\.000\skr\.$/);
    await replaceText(budget(anna), 'ca. 3 mio.');
    await expectRefused(anna, budget(anna), 'ca. 3 mio.', /Skriv et beløb i kroner/);
    // still there after a moment and after other edits in the document
    await anna.waitForTimeout(600);
    await expect(budget(anna)).toHaveValue('ca. 3 mio.');
    await expect(budget(bo)).toHaveValue(/^850\.000\skr\.$/);
    await expectSaved(anna);
    await bo.reload();
    await expect(budget(bo)).toHaveValue(/^850\.000\skr\.$/);

    await replaceText(budget(anna), '3 mio.');
    await expectAccepted(budget(anna));
    await expect(anna.locator('[data-field-error]')).toHaveCount(0);
    await expect(budget(bo)).toHaveValue(/^3\.000\.000\skr\.$/);
  });

  test('priority, start and end month of an initiative', async () => {
    const priority = (page: Page) => page.getByRole('textbox', { name: 'Prioritet' });
    await replaceText(priority(anna), 'høj');
    await expectRefused(anna, priority(anna), 'høj', /helt tal/);
    await expect(priority(bo)).toHaveValue('1');

    for (const [name, before] of [
      ['Start', '2025-03'],
      ['Slut', '2026-06'],
    ] as const) {
      const field = (page: Page) => page.getByRole('textbox', { name, exact: false }).first();
      await replaceText(field(anna), '2026-13');
      await expectRefused(anna, field(anna), '2026-13', /ÅÅÅÅ-MM/);
      await expect(field(bo)).toHaveValue(before);
      await replaceText(field(anna), '2026-09');
      await expectAccepted(field(anna));
      await expect(field(bo)).toHaveValue('2026-09');
    }
  });

  test('the strategy title, organisation and period on the front page', async () => {
    for (const page of [anna, bo]) await page.goto(`${base}/meta`);
    const title = (page: Page) => page.getByRole('textbox', { name: 'Titel', exact: true });
    await replaceText(title(anna), '');
    await expectRefused(anna, title(anna), '', /Feltet skal udfyldes/);
    await expect(title(bo)).toHaveValue('Digital strategi for Havbjerg Kommune 2025–2028');
    await replaceText(title(anna), 'Ny titel');
    await expectAccepted(title(anna));
    await expect(title(bo)).toHaveValue('Ny titel');

    const organisation = (page: Page) => page.getByRole('textbox', { name: 'Organisation', exact: true });
    await replaceText(organisation(anna), '   ');
    await expectRefused(anna, organisation(anna), '   ', /Feltet skal udfyldes/);
    await expect(organisation(bo)).toHaveValue('Havbjerg Kommune');

    const from = (page: Page) => page.getByRole('textbox', { name: 'Periode fra (år)' });
    await replaceText(from(anna), 'tyve');
    await expectRefused(anna, from(anna), 'tyve', /årstal mellem 1900 og 2200/);
    await expect(from(bo)).toHaveValue('2025');
    const to = (page: Page) => page.getByRole('textbox', { name: 'Periode til (år)' });
    await replaceText(to(anna), '20288');
    await expectRefused(anna, to(anna), '20288', /årstal/);
    await expect(to(bo)).toHaveValue('2028');
  });

  test("an action plan's period and an owner's name", async () => {
    for (const page of [anna, bo]) await page.goto(`${base}/hp-2025`);
    const from = (page: Page) => page.getByRole('textbox', { name: 'Periode fra (år)' });
    await replaceText(from(anna), '2o25');
    await expectRefused(anna, from(anna), '2o25', /årstal/);
    await expect(from(bo)).toHaveValue('2025');

    for (const page of [anna, bo]) await page.goto(`${base}/owners`);
    const name = (page: Page) => page.getByRole('textbox', { name: 'Navn på ansvarlig 1', exact: true });
    await replaceText(name(anna), '');
    await expectRefused(anna, name(anna), '', /Feltet skal udfyldes/);
    await expect(name(bo)).toHaveValue('Direktionen');
  });
});
