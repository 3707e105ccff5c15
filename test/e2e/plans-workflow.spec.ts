// Action plans and the yearly follow-up in browser mode, on the København example served by a real
// `pejling server`: filter initiatives by owner (and "Mine"), change a status inline, record a
// status round, watch the coverage matrix mark a focus area that lost its only initiative, follow a
// finding to its editor, and remove an owner who still owns initiatives.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { field } from './fields';
import type { Page } from '@playwright/test';

async function openExample(page: Page, serverUrl: string, view = 'initiatives'): Promise<string> {
  await page.goto(serverUrl);
  const response = await page.request.post(`${serverUrl}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'example', name: 'kk-2010-2014' } });
  expect(response.ok()).toBe(true);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${serverUrl}/#/doc/${encodeURIComponent(id)}/${view}`);
  await expect(page.getByRole('tree')).toBeVisible();
  return id;
}

const table = (page: Page) => page.getByTestId('initiatives-table');
const rowTitles = (page: Page) => table(page).locator('tbody tr[data-id] .plans-row-title').allInnerTexts();
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
/** A field of one row of the initiatives table (or of the status round's table). */
const rowField = (page: Page, id: string, key: string) => page.locator(`tr[data-id="${id}"]`).locator(`[data-field="${key}"]`);

test('filter by owner and "Mine", change a status inline, and open the initiative from its row', async ({ page, server, consoleErrors }) => {
  await openExample(page, server.url);
  await expect(page.getByTestId('initiatives-count')).toHaveText('22 initiativer i alle handlingsplaner');

  // Filter by an owner.
  const ownerFilter = field(page.getByRole('search'), 'filter.owner');
  await ownerFilter.selectOption('o-buf-itchef');
  await expect.poll(() => rowTitles(page)).toEqual(['Digital kommunikation mellem skole, institution og forældre', 'Nøgletal for skoler og dagtilbud']);
  await expect(page.getByTestId('initiatives-count')).toHaveText('Viser 2 af 22 initiativer');

  // "Mine" asks who the user is, once per document, and remembers it across a reload.
  await ownerFilter.selectOption('me');
  await expect(table(page).locator('tbody tr[data-id]')).toHaveCount(0);
  await field(page, 'me').selectOption('o-sit');
  await expect.poll(() => rowTitles(page)).toEqual([
    'Første udgave af styringsmodel for it',
    'Fælles skabelon for business case og projektmodel',
    'Fælles værktøj til procesbeskrivelse og workflow',
    'Fælles krav og indkøb med KL og andre kommuner',
  ]);
  await page.reload();
  await expect(table(page)).toBeVisible();
  await field(page.getByRole('search'), 'filter.owner').selectOption('me');
  await expect(field(page, 'me')).toHaveCount(0);
  await expect(table(page).locator('tbody tr[data-id]')).toHaveCount(4);
  await page.getByRole('button', { name: 'Nulstil filtre' }).click();
  await expect(page.getByTestId('initiatives-count')).toHaveText('22 initiativer i alle handlingsplaner');

  // Sort by status (life order), then change one status inline with the keyboard.
  await page.getByRole('columnheader', { name: 'Status' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Status' })).toHaveAttribute('aria-sort', 'ascending');
  const status = rowField(page, 'i-buf-nogletal', 'status');
  await expect(status).toHaveAccessibleName('Status for Nøgletal for skoler og dagtilbud');
  await expect(status).toHaveValue('active');
  await status.focus();
  await status.selectOption('delayed');
  await expect(status).toHaveValue('delayed');
  await expect(page.getByTestId('announcer')).toContainText('status er nu Forsinket');

  // Rows are keyboard reachable: arrows move, Enter opens the editor with the title focused.
  const row = table(page).locator('tr[data-id="i-buf-nogletal"]');
  await row.click({ position: { x: 30, y: 10 } });
  await expect(tab(page, 'Redigér')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.edit-view .input-title')).toHaveValue('Nøgletal for skoler og dagtilbud');
  await expect(page.locator('.edit-view .input-title')).toBeFocused();
  await expect(field(page.locator('.edit-view'), 'status')).toHaveValue('delayed');

  await tab(page, 'Initiativer').click();
  const first = table(page).locator('tbody tr[data-id]').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const second = table(page).locator('tbody tr[data-id]').nth(1);
  await expect(second).toBeFocused();
  const secondTitle = await second.locator('.plans-row-title').innerText();
  await page.keyboard.press('Enter');
  await expect(page.locator('.edit-view .input-title')).toHaveValue(secondTitle);

  // The status change is durable: after a reload the table still shows it.
  await page.reload();
  await tab(page, 'Initiativer').click();
  await field(page.getByRole('search'), 'filter.text').fill('nøgletal');
  await expect(page.getByTestId('initiatives-count')).toHaveText('Viser 1 af 22 initiativer');
  await expect(rowField(page, 'i-buf-nogletal', 'status')).toHaveValue('delayed');
  expect(consoleErrors).toEqual([]);
});

test('a status round keeps the history, and the report counts per status', async ({ page, server, consoleErrors }) => {
  await openExample(page, server.url, 'status');
  const counts = page.getByTestId('status-counts');
  await expect(counts.locator('[data-status="done"] .status-count-number')).toHaveText('9');
  await expect(counts.locator('[data-status="active"] .status-count-number')).toHaveText('10');

  await page.getByRole('button', { name: 'Ny statusrunde' }).click();
  await field(page, 'round.date').fill('2012-11-30');
  await rowField(page, 'i-buf-foraeldrekommunikation', 'round.status').selectOption('done');
  await rowField(page, 'i-buf-foraeldrekommunikation', 'round.note').fill('Forældreintra på alle skoler');
  await rowField(page, 'i-egne-sager', 'round.status').selectOption('active');
  // Finished initiatives are out of the round unless included.
  await expect(rowField(page, 'i-digital-post', 'round.included')).not.toBeChecked();
  const save = page.getByRole('button', { name: /Gem statusrunde \(\d+\)/ });
  const included = Number((await save.innerText()).match(/\((\d+)\)/)![1]);
  expect(included).toBe(12);
  await save.click();
  await expect(page.locator('.toast').last()).toContainText(`Statusrunde 30. november 2012 gemt for ${included} initiativer`);

  // Back on the report: one more done, one delayed less (egne sager is active again).
  await expect(counts.locator('[data-status="done"] .status-count-number')).toHaveText('10');
  await expect(counts.locator('[data-status="delayed"] .status-count-number')).toHaveText('0');
  const row = page.locator('.status-table tr', { hasText: 'Digital kommunikation mellem skole' });
  await expect(row).toContainText('Gennemført');
  await expect(row).toContainText('Forældreintra på alle skoler');

  // As of an earlier date the report shows the earlier status.
  await field(page, 'filter.asOf').fill('2012-06-30');
  await expect(counts.locator('[data-status="done"] .status-count-number')).not.toHaveText('10');
  await expect(page.locator('.status-table tr', { hasText: 'Digital kommunikation mellem skole' })).not.toContainText('Forældreintra');
  await page.getByRole('button', { name: 'Vis status lige nu' }).click();

  // The initiative's history: the new update first, the earlier one kept.
  await row.getByRole('button', { name: /Digital kommunikation mellem skole/ }).click();
  const history = page.getByRole('list', { name: 'Statushistorik' });
  await expect(history.locator('li').first()).toContainText('30. november 2012');
  await expect(history.locator('li').first()).toContainText('Forældreintra på alle skoler');
  await expect(history.locator('li')).toHaveCount(2);
  expect(consoleErrors).toEqual([]);
});

test('coverage marks a focus area that lost its only initiative, and its finding leads to its editor', async ({ page, server, consoleErrors }) => {
  await openExample(page, server.url, 'coverage');
  await expect(page.getByTestId('coverage-summary')).toHaveText('Alle 13 strategiske indsatsområder har initiativer');
  const area = page.locator('tr[data-focus-area="fa-adgang-til-sager"]');
  await expect(area).not.toContainText('Ingen initiativer');

  // Delete the only initiative of "Elektronisk adgang til sager" from the navigator.
  await page.getByRole('treeitem', { name: 'Borgerens indsigt i egne sager' }).click();
  await page.getByRole('treeitem', { name: 'Borgerens indsigt i egne sager' }).press('Delete');
  await expect(page.getByRole('treeitem', { name: 'Borgerens indsigt i egne sager' })).toHaveCount(0);

  await tab(page, 'Dækning').click();
  await expect(area).toContainText('Ingen initiativer');
  await expect(area).toHaveClass(/is-uncovered/);
  await expect(page.getByTestId('coverage-summary')).toHaveText('1 af 13 strategiske indsatsområder har ingen initiativer');

  // Move another focus area's only initiative elsewhere: it is marked too.
  await tab(page, 'Redigér').click();
  await page.getByRole('treeitem', { name: 'Analyse: den attraktive digitale arbejdsplads' }).click();
  await field(page, 'focusAreaIds.fa-attraktive-arbejdspladser').uncheck();
  await field(page, 'focusAreaIds.fa-kompetencer').check();
  await tab(page, 'Dækning').click();
  await expect(page.locator('tr[data-focus-area="fa-attraktive-arbejdspladser"]')).toContainText('Ingen initiativer');
  await expect(page.getByTestId('coverage-summary')).toHaveText('2 af 13 strategiske indsatsområder har ingen initiativer');

  // The checks report it live; activating the finding opens the focus area with its title focused.
  await tab(page, 'Tjek').click();
  const finding = page.locator('.checks-item[data-code="focus-area-without-initiative"][data-id="fa-adgang-til-sager"]');
  await expect(finding).toContainText('Elektronisk adgang til sager');
  await finding.focus();
  await page.keyboard.press('Enter');
  await expect(tab(page, 'Redigér')).toHaveAttribute('aria-selected', 'true');
  const title = page.locator('.edit-view[data-selected="fa-adgang-til-sager"] .input-title');
  await expect(title).toHaveValue('Elektronisk adgang til sager');
  await expect(title).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('removing an owner asks what to do; "leave missing" shows it and the finding leads to the owner field; undo restores', async ({ page, server, consoleErrors }) => {
  await openExample(page, server.url, 'edit');
  await page.getByRole('treeitem', { name: 'Ansvarlige' }).click();
  const row = page.locator('tr[data-owner-id="o-sit"]');
  await row.getByRole('button', { name: 'Slet Strategisk IT' }).click();
  const panel = page.getByRole('group', { name: 'Slet Strategisk IT?' });
  await expect(panel).toBeFocused();
  await expect(panel).toContainText('4 initiativer');
  await field(panel, 'remove.leave').check();
  await panel.getByRole('button', { name: 'Slet Strategisk IT' }).click();
  await expect(page.locator('tr[data-owner-id="o-sit"]')).toHaveCount(0);
  await expect(page.getByTestId('owners-missing')).toContainText('Mangler ansvarlig (4)');

  // The table shows the four as missing; the checks report errors that lead to the owner field.
  await tab(page, 'Initiativer').click();
  await field(page.getByRole('search'), 'filter.owner').selectOption('none');
  await expect(table(page).locator('tbody tr[data-id]')).toHaveCount(4);
  await expect(rowField(page, 'i-workflow', 'ownerId')).toHaveValue('o-sit');
  await expect(rowField(page, 'i-workflow', 'ownerId').locator('option:checked')).toHaveText('Mangler ansvarlig');
  await tab(page, 'Tjek').click();
  await expect(page.getByTestId('checks-summary')).toContainText('6 fejl');
  await page.locator('.checks-item[data-code="dangling-reference"][data-id="i-workflow"]').click();
  const owner = field(page.locator('.edit-view[data-selected="i-workflow"]'), 'ownerId');
  await expect(owner).toBeFocused();
  await expect(owner.locator('option:checked')).toHaveText('Mangler ansvarlig');

  // Undo (the navigator's undo) brings the owner and every reference back.
  await page.getByRole('button', { name: 'Fortryd i indholdet', exact: true }).click();
  await tab(page, 'Tjek').click();
  await expect(page.getByTestId('checks-summary')).not.toContainText('fejl');

  // Reassigning passes everything to the other owner.
  await tab(page, 'Redigér').click();
  await page.getByRole('treeitem', { name: 'Ansvarlige' }).click();
  await page.locator('tr[data-owner-id="o-sit"]').getByRole('button', { name: 'Slet Strategisk IT' }).click();
  const panel2 = page.getByRole('group', { name: 'Slet Strategisk IT?' });
  await field(panel2, 'remove.reassignTo').selectOption('o-ks-drift');
  await panel2.getByRole('button', { name: 'Slet Strategisk IT' }).click();
  await expect(page.locator('.toast', { hasText: 'alt er overdraget til It-drift, Koncernservice' })).toBeVisible();
  await tab(page, 'Pr. ansvarlig').click();
  await field(page, 'filter.owner').selectOption('o-ks-drift');
  await expect(page.getByRole('region', { name: 'Initiativer som ansvarlig' }).locator('.owner-initiative')).toHaveCount(6);
  expect(consoleErrors).toEqual([]);
});

test('a local initiative supporting a deleted common initiative is a finding that leads to the broken link', async ({ page, server, consoleErrors }) => {
  // A file where the common initiative "Digital post" is gone but BUF's initiative still names it.
  const file = JSON.parse(readFileSync('templates/examples/kk-2010-2014.json', 'utf8')) as {
    actionPlans: { id: string; initiatives: { id: string }[] }[];
  };
  const common = file.actionPlans.find((p) => p.id === 'ap-faelles-2011-2012')!;
  common.initiatives = common.initiatives.filter((i) => i.id !== 'i-digital-post');
  await page.goto(server.url);
  const response = await page.request.post(`${server.url}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'json', text: JSON.stringify(file), fileName: 'kk.json' } });
  expect(response.ok(), await response.text()).toBe(true);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/checks`);

  await expect(page.getByTestId('checks-summary')).toContainText('1 fejl');
  const finding = page.locator('.checks-item[data-code="dangling-reference"]');
  await expect(finding).toContainText('Digital kommunikation mellem skole, institution og forældre');
  await finding.click();
  // The initiative's editor, with the broken link's remove button focused.
  const pane = page.locator('.edit-view[data-selected="i-buf-foraeldrekommunikation"]');
  await expect(pane.locator('.input-title')).toHaveValue('Digital kommunikation mellem skole, institution og forældre');
  const remove = pane.getByRole('button', { name: 'Fjern Slettet initiativ' });
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(remove).toHaveCount(0);
  await tab(page, 'Tjek').click();
  await expect(page.getByTestId('checks-summary')).not.toContainText('fejl');
  expect(consoleErrors).toEqual([]);
});

test('the plan views follow the examples\' own levels: Odder (fokusområder) and Bornholm (no perspective level)', async ({ page, server, consoleErrors }) => {
  for (const [name, focusAreas, initiatives] of [
    ['odder-2006', 9, 9],
    ['brk-2010', 4, 8],
  ] as const) {
    await page.goto(server.url);
    const response = await page.request.post(`${server.url}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'example', name } });
    const { id } = (await response.json()) as { id: string };
    await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/coverage`);
    await expect(page.getByTestId('coverage-table').locator('tr[data-focus-area]')).toHaveCount(focusAreas);
    // Bornholm has no perspective level: no group rows, and no perspective filter in the table.
    await expect(page.locator('.coverage-group')).toHaveCount(name === 'brk-2010' ? 0 : 3);
    await tab(page, 'Initiativer').click();
    await expect(page.getByTestId('initiatives-count')).toHaveText(`${initiatives} initiativer i alle handlingsplaner`);
    // Its label is the document's own word for the level (Odder: "Fokusområde").
    await expect(field(page.getByRole('search'), 'filter.perspectiveId')).toHaveCount(name === 'odder-2006' ? 1 : 0);
    if (name === 'odder-2006') await expect(field(page.getByRole('search'), 'filter.perspectiveId')).toHaveAccessibleName('Fokusområde');
    await tab(page, 'Status').click();
    await expect(page.getByTestId('status-counts')).toBeVisible();
    await expect(page.locator('.plans-subtitle')).toContainText(name === 'odder-2006' ? 'fokusområde og indsatsområde' : 'grupperet efter indsatsområde');
    await tab(page, 'Tjek').click();
    await expect(page.getByTestId('checks-summary')).toBeVisible();
    await tab(page, 'Pr. ansvarlig').click();
    await expect(page.locator('.owner-card')).toBeVisible();
  }
  expect(consoleErrors).toEqual([]);
});

test('in English the plan views speak English', async ({ page, server, consoleErrors }) => {
  await page.addInitScript(() => localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Anna', userColor: '#1f6feb', language: 'en' })));
  await openExample(page, server.url);
  await expect(page.getByTestId('initiatives-count')).toHaveText('22 initiatives in all action plans');
  await expect(page.getByRole('tab', { name: 'Coverage', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Checks', exact: true }).click();
  await expect(page.getByTestId('checks-summary')).toHaveText('No findings');
  await page.getByRole('tab', { name: 'Status', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Export status report' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
