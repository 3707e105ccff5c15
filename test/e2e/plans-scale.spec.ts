// The plan views at scale and together: a strategy with 1,000 more initiatives stays quick in the
// initiatives table (only the rows in view are in the DOM), and two users editing different fields
// of the same initiative at the same time both keep their change. The status report's Word export
// (through the host bridge) holds the same data as the view.
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { test, expect, expectSaved } from './fixtures';
import { field } from './fields';
import type { Page } from '@playwright/test';

const EXAMPLE = JSON.parse(readFileSync('templates/examples/kk-2010-2014.json', 'utf8')) as {
  meta: { title: string };
  perspectives: { focusAreas: { id: string }[] }[];
  owners: { id: string }[];
  actionPlans: { id: string; title: string; kind: string; period: { from: number; to: number }; initiatives: unknown[] }[];
};

const STATUSES = ['planned', 'active', 'done', 'delayed', 'cancelled'] as const;

/** The København example plus a common plan with `count` generated initiatives. */
function bigStrategy(count: number): string {
  const file = structuredClone(EXAMPLE);
  const areas = file.perspectives.flatMap((p) => p.focusAreas.map((f) => f.id));
  const owners = file.owners.map((o) => o.id);
  file.meta.title = 'Stor strategi';
  file.actionPlans.push({
    id: 'ap-stor',
    title: 'Stor handlingsplan 2013-2014',
    kind: 'common',
    period: { from: 2013, to: 2014 },
    initiatives: Array.from({ length: count }, (_, i) => ({
      id: `i-stor-${i}`,
      title: `Initiativ ${String(i).padStart(4, '0')} om ${['selvbetjening', 'data', 'infrastruktur', 'kompetencer'][i % 4]}`,
      focusAreaIds: [areas[i % areas.length]],
      ownerId: owners[i % owners.length],
      status: STATUSES[i % STATUSES.length],
      priority: (i % 5) + 1,
      start: '2013-01',
      end: '2014-12',
      budget: { amountDkk: 5_000_000 + i * 10_000 },
    })),
  });
  return JSON.stringify(file);
}

async function createFromJson(page: Page, serverUrl: string, text: string): Promise<string> {
  const response = await page.request.post(`${serverUrl}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'json', text, fileName: 'stor.json' } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

test('1,000 initiatives: the table opens, filters, sorts and scrolls without delay', async ({ page, server, consoleErrors }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(server.url);
  const id = await createFromJson(page, server.url, bigStrategy(1000));
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit`);
  await expect(page.getByRole('tree')).toBeVisible();

  const timings: Record<string, number> = {};
  const time = async (name: string, run: () => Promise<void>) => {
    const start = Date.now();
    await run();
    timings[name] = Date.now() - start;
  };
  const count = page.getByTestId('initiatives-count');
  const rows = page.getByTestId('initiatives-table').locator('tbody tr[data-id]');

  await time('open table', async () => {
    await page.getByRole('tab', { name: 'Initiativer', exact: true }).click();
    await expect(count).toHaveText('1.022 initiativer i alle handlingsplaner');
    await expect(rows.first()).toBeVisible();
  });
  // Only the rows in view (plus a margin) are rendered.
  expect(await rows.count()).toBeLessThan(60);

  await time('filter by status', async () => {
    await field(page.getByRole('search'), 'filter.status').selectOption('delayed');
    await expect(count).toHaveText('Viser 201 af 1.022 initiativer');
  });
  await time('sort by budget', async () => {
    await page.getByRole('columnheader', { name: 'Budget' }).getByRole('button').click();
    await page.getByRole('columnheader', { name: 'Budget' }).getByRole('button').click();
    await expect(rows.first()).toContainText('Initiativ 0998');
  });
  await page.getByRole('button', { name: 'Nulstil filtre' }).click();
  await expect(count).toHaveText('1.022 initiativer i alle handlingsplaner');

  // Keyboard: End goes to the last row, which is scrolled into view and focused.
  await time('keyboard to the last row', async () => {
    await rows.first().focus();
    await page.keyboard.press('End');
    const last = page.getByTestId('initiatives-table').locator('tr[aria-rowindex="1023"]');
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport();
  });
  expect(await rows.count()).toBeLessThan(60);

  await time('type a search', async () => {
    await field(page.getByRole('search'), 'filter.text').fill('0500');
    await expect(count).toHaveText('Viser 1 af 1.022 initiativer');
  });

  // An inline change on a large document.
  await time('inline status change', async () => {
    const status = field(page.locator('tr[data-id="i-stor-500"]'), 'status');
    await status.selectOption('done');
    await expect(status).toHaveValue('done');
  });
  console.log(`plans table with 1,022 initiatives (ms): ${JSON.stringify(timings)}`);
  test.info().annotations.push({ type: 'timings (ms)', description: JSON.stringify(timings) });
  // The timings are printed for the record; budgets live in the bench (npm run bench), since a timed test fails on a loaded machine.
  expect(consoleErrors).toEqual([]);
});

test('two users change different fields of the same initiative at once: both changes stay', async ({ browser, server }) => {
  const a = await browser.newPage();
  const b = await browser.newPage();
  await a.goto(server.url);
  const response = await a.request.post(`${server.url}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'example', name: 'kk-2010-2014' } });
  const { id } = (await response.json()) as { id: string };
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/initiatives`;
  await Promise.all([a.goto(url), b.goto(url)]);
  for (const page of [a, b]) {
    await field(page.getByRole('search'), 'filter.text').fill('porteføljestyring');
    await expect(page.getByTestId('initiatives-count')).toHaveText('Viser 1 af 22 initiativer');
  }
  const status = (page: Page) => field(page.locator('tr[data-id="i-portefolje"]'), 'status');
  const owner = (page: Page) => field(page.locator('tr[data-id="i-portefolje"]'), 'ownerId');
  // At the same time: A changes the status, B the owner.
  await Promise.all([status(a).selectOption('delayed'), owner(b).selectOption('o-sit')]);
  for (const page of [a, b]) {
    await expect(status(page)).toHaveValue('delayed');
    await expect(owner(page)).toHaveValue('o-sit');
  }
  // And a status round by A arrives at B as a whole, history and all.
  await a.getByRole('tab', { name: 'Status', exact: true }).click();
  await a.getByRole('button', { name: 'Ny statusrunde' }).click();
  await field(a, 'round.date').fill('2012-12-01');
  await field(a.locator('tr[data-id="i-portefolje"]'), 'round.note').fill('Styregruppe nedsat');
  await a.getByRole('button', { name: /Gem statusrunde/ }).click();
  await b.getByRole('tab', { name: 'Redigér', exact: true }).click();
  await b.getByRole('treeitem', { name: 'Porteføljestyring af større it-projekter' }).click();
  await expect(b.getByRole('list', { name: 'Statushistorik' }).locator('li').first()).toContainText('Styregruppe nedsat');
  await a.close();
  await b.close();
});

test('"Eksportér statusrapport" downloads the Word status report with the same data as the view', async ({ page, server, consoleErrors }) => {
  await page.goto(server.url);
  const response = await page.request.post(`${server.url}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'example', name: 'kk-2010-2014' } });
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/status`);
  await expect(page.getByTestId('status-counts')).toBeVisible();
  // Record a note that only this round knows.
  await page.getByRole('button', { name: 'Ny statusrunde' }).click();
  await field(page, 'round.date').fill('2012-12-03');
  await field(page.locator('tr[data-id="i-itil"]'), 'round.note').fill('Problemhåndtering indført i alle driftsteams');
  await page.getByRole('button', { name: /Gem statusrunde/ }).click();
  await expect(page.locator('.status-table tr', { hasText: 'ITIL-processer' })).toContainText('Problemhåndtering indført');
  await expectSaved(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér statusrapport' }).click();
  const file = await (await download).path();
  const { value: text } = await mammoth.extractRawText({ path: file });
  expect(text).toContain('Problemhåndtering indført i alle driftsteams');
  expect(text).toContain('ITIL-processer i it-driften');
  expect(consoleErrors).toEqual([]);
});
