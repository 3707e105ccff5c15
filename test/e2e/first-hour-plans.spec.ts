// Issue 19, the first hour with action plans, on the København example (2010–2014, status rounds on
// 15 November 2011 and 15 November 2012) served by a real `pejling server`: the status report is dated by
// the round it reports (or the date the user picks), in the view and in Word; a new action plan gets years
// inside the strategy and the cursor in its title; long titles neither wrap the tabs nor hide without a
// tooltip; and an initiative's period reads the same in the Disposition, the plan table and Word.
import mammoth from 'mammoth';
import { test, expect } from './fixtures';
import { field } from './fields';
import type { Download, Page } from '@playwright/test';

async function openExample(page: Page, serverUrl: string, view: string): Promise<string> {
  await page.goto(serverUrl);
  const response = await page.request.post(`${serverUrl}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'example', name: 'kk-2010-2014' } });
  expect(response.ok()).toBe(true);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${serverUrl}/#/doc/${encodeURIComponent(id)}/${view}`);
  await expect(page.getByRole('tree')).toBeVisible();
  return id;
}

/** The text of a Word download, with no-break spaces as plain spaces. */
async function wordText(download: Promise<Download>): Promise<string> {
  const { value } = await mammoth.extractRawText({ path: await (await download).path() });
  return value.replace(/\u00a0/g, ' ');
}

test('the status report is dated as of its latest status round, or the date picked, in the view and in Word', async ({ page, server, consoleErrors }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await openExample(page, server.url, 'status');
  const subtitle = page.getByTestId('status-report-date');
  await expect(subtitle).toContainText('Status pr. 15. november 2012');
  await page.screenshot({ path: 'docs/screenshots/status-report.png' });

  let text = await wordText(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér statusrapport' }).click()]).then(([d]) => d));
  expect(text).toContain('Opgjort pr. 15. november 2012');
  expect(text).not.toContain(`Opgjort pr. ${new Date().getDate()}.`);

  // A date the user picks, written the Danish way: the view and Word follow it.
  await field(page, 'filter.asOf').fill('15.12.2011');
  await field(page, 'filter.asOf').press('Tab');
  await expect(subtitle).toContainText('Status pr. 15. december 2011');
  text = await wordText(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér statusrapport' }).click()]).then(([d]) => d));
  expect(text).toContain('Opgjort pr. 15. december 2011');
  expect(consoleErrors).toEqual([]);
});

test('a new action plan gets years inside the strategy period, and new plans and initiatives take the cursor in their title', async ({ page, server, consoleErrors }) => {
  const id = await openExample(page, server.url, 'edit/plans');
  await page.getByRole('button', { name: 'Tilføj handlingsplan' }).click();
  const title = page.getByTestId('item-title');
  await expect(title).toHaveValue('Handlingsplan 2013-2014');
  await expect(title).toBeFocused();
  await expect(field(page, 'periodFrom')).toHaveValue('2013');
  await expect(field(page, 'periodTo')).toHaveValue('2014');
  // Typing names it at once (the text is selected, so it replaces the default).
  await page.keyboard.type('Fælles it-handlingsplan 2013-2014');
  await expect(page.getByRole('treeitem', { name: 'Fælles it-handlingsplan 2013-2014' })).toBeVisible();

  // Tjek has nothing to say about the new plan's period.
  await page.getByRole('tab', { name: 'Tjek', exact: true }).click();
  await expect(page.locator('.plans-view')).toBeVisible();
  await expect(page.locator('.plans-view')).not.toContainText('uden for strategiens periode');

  // An initiative added to the plan: its title has the cursor too.
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/ap-faelles-2011-2012`);
  await page.getByRole('button', { name: 'Tilføj initiativ' }).click();
  await expect(page.getByTestId('item-title')).toHaveValue('Nyt initiativ');
  await expect(page.getByTestId('item-title')).toBeFocused();
  await page.keyboard.type('Digital tinglysning');
  await expect(page.getByTestId('item-title')).toHaveValue('Digital tinglysning');
  expect(consoleErrors).toEqual([]);
});

test('long titles: the view tabs stay on one line, the header truncates with the whole title as tooltip', async ({ page, server, consoleErrors }) => {
  const title = 'IT- og digitaliseringsstrategi for Københavns Kommune med særlig vægt på borgerrettet selvbetjening og tværgående arkitektur 2010-2014';
  await page.setViewportSize({ width: 1180, height: 800 });
  const response = await page.request.post(`${server.url}/api/documents`, {
    headers: { 'X-Pejling-Request': '1' },
    data: { from: 'template', name: 'kk', title, organisation: 'Københavns Kommune, Økonomiforvaltningen' },
  });
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit`);
  await expect(page.getByRole('tree')).toBeVisible();

  for (const name of ['Pr. ansvarlig', 'Disposition', 'Initiativer']) {
    const lines = await page.getByRole('tab', { name, exact: true }).evaluate((tab) => {
      const range = document.createRange();
      range.selectNodeContents(tab);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, `the tab "${name}" is on one line`).toBe(1);
  }
  const heading = page.locator('.doc-title');
  await expect(heading).toHaveAttribute('title', title);
  expect(await heading.evaluate((el) => el.scrollWidth > el.clientWidth), 'the header title is truncated').toBe(true);
  expect(consoleErrors).toEqual([]);
});

test("an initiative's period reads the same in the Disposition, the plan table and Word", async ({ page, server, consoleErrors }) => {
  const id = await openExample(page, server.url, 'outline');
  // Digital Post: January 2011 to June 2012.
  const expected = 'jan. 2011–jun. 2012';
  const outlineRow = page.locator('.outline-doc tr[data-key="i-digital-post"]');
  await expect(outlineRow.getByTestId('outline-period')).toHaveText(expected.replace(/ /g, '\u00a0'));

  await page.getByRole('tab', { name: 'Initiativer', exact: true }).click();
  await expect(page.locator('tr[data-id="i-digital-post"] .cell-period')).toHaveText(expected.replace(/ /g, '\u00a0'));

  const exported = await page.request.post(`${server.url}/api/documents/${encodeURIComponent(id)}/export-docx`, {
    headers: { 'X-Pejling-Request': '1' },
    data: { part: 'plan:ap-faelles-2011-2012' },
  });
  expect(exported.ok(), await exported.text()).toBe(true);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await exported.body()) });
  expect(value).toContain(expected.replace(/ /g, '\u00a0'));
  expect(consoleErrors).toEqual([]);
});
