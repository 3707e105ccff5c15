// Comparing a saved version with now: after saving "Høringsudkast" and editing (text, a new focus area, a
// deleted initiative, a changed status), the comparison marks the inserted text in the editor, the added,
// changed and removed items in the navigator, the changed status in the initiatives table, and says it in
// the summary.
import { execFileSync } from 'node:child_process';
import { test, expect, createDocument, expectSaved } from './fixtures';
import { field, richText } from './fields';

const FOCUS_AREA = 'fa-digitale-losninger';
const PERSPECTIVE = 'Borgere, virksomheder og brugere';
const DELETED = 'i-ov-konsolidering';
const DELETED_TITLE = 'Konsolidering af servere og lagerplads';
const STATUS_CHANGED = 'i-selvbetjening';
const ADDED_TITLE = 'Kunstig intelligens i sagsbehandlingen';
const ADDED_TEXT = 'Vi måler tilfredsheden hvert år';

test('compare a version with now: marks in editor, navigator and plan table, and the summary', async ({ page, server, consoleErrors }) => {
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/${FOCUS_AREA}`);
  const tree = page.getByRole('tree');
  await expect(tree).toBeVisible();

  // save the version
  await page.locator('[data-action="open-versions"]').click();
  const dialog = page.getByTestId('versions-dialog');
  await field(dialog, 'version.name').fill('Høringsudkast');
  await field(dialog, 'version.milestone').selectOption('consultation');
  await dialog.locator('[data-action="save-version"]').click();
  await expect(dialog.locator('[data-version="Høringsudkast"]')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/versions-dialog.png' });
  await dialog.getByRole('button', { name: 'Luk' }).click();

  // edit: text at the end of the focus area's description
  const body = richText(page, `${FOCUS_AREA}:body`);
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(` ${ADDED_TEXT}.`);
  await expect(body).toContainText(ADDED_TEXT);
  // and a word replaced at its start ("Digitale" → "Moderne")
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.type('Moderne');
  await expect(body).toContainText('Moderne løsninger skal være');

  // a new focus area in the perspective
  const perspective = tree.getByRole('treeitem', { name: PERSPECTIVE, exact: true });
  await perspective.locator('.nav-row').first().hover();
  await page.getByRole('button', { name: `Tilføj til ${PERSPECTIVE}` }).click();
  const title = page.locator('.document-main').locator(field(page, 'title')).first();
  await title.fill(ADDED_TITLE);
  await expect(tree.getByRole('treeitem', { name: ADDED_TITLE })).toBeVisible();

  // a deleted initiative
  const doomed = tree.locator(`[data-key="${DELETED}"]`);
  await doomed.scrollIntoViewIfNeeded();
  await doomed.locator('.nav-row').first().hover();
  await doomed.getByRole('button', { name: `Slet ${DELETED_TITLE}` }).click();
  await expect(tree.locator(`[data-key="${DELETED}"]`)).toHaveCount(0);

  // a changed status in the initiatives table
  await page.getByRole('tab', { name: 'Initiativer' }).click();
  const row = page.locator(`tr[data-id="${STATUS_CHANGED}"]`);
  await row.scrollIntoViewIfNeeded();
  await field(row, 'status').selectOption('delayed');
  await expectSaved(page);
  await page.getByRole('tab', { name: 'Redigér' }).click();

  // compare the version with now
  await page.locator('[data-action="open-versions"]').click();
  await dialog.locator('[data-version="Høringsudkast"] [data-action="compare-now"]').click();
  const banner = page.getByTestId('version-banner');
  await expect(banner).toContainText("Ændringer fra 'Høringsudkast' til nu");
  await expect(page.getByTestId('compare-summary')).toHaveText('1 indsatsområde ændret, 1 tilføjet, 1 initiativ ændret, 1 fjernet');

  // navigator: the added, the changed and the removed item carry a word, not a colour alone
  await expect(tree.locator(`[data-key="${FOCUS_AREA}"] .cmp-badge`).first()).toHaveText('ændret');
  const added = tree.getByRole('treeitem', { name: ADDED_TITLE });
  await expect(added.locator('.cmp-badge').first()).toHaveText('tilføjet');
  const removed = tree.locator(`[data-key="${DELETED}"]`);
  await expect(removed).toHaveCount(1);
  await expect(removed.locator('.cmp-badge').first()).toHaveText('fjernet');
  await expect(removed).toHaveAccessibleDescription('fjernet');
  await expect(tree.locator(`[data-key="${STATUS_CHANGED}"] .cmp-badge`).first()).toHaveText('ændret');

  // the editor: the inserted words underlined in an <ins>, read-only
  await tree.locator(`[data-key="${FOCUS_AREA}"] .nav-row`).first().click();
  const compared = richText(page, `${FOCUS_AREA}:body`);
  await expect(compared.locator('ins.cmp-inserted', { hasText: ADDED_TEXT })).toHaveCount(1);
  await expect(compared).toHaveAttribute('contenteditable', 'false');
  await expect(compared.locator('ins.cmp-inserted').first()).toHaveCSS('text-decoration-line', 'underline');
  await expect(compared.locator('del.cmp-deleted').first()).toHaveText('Digitale');
  await expect(compared.locator('del.cmp-deleted').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(compared.locator('ins.cmp-inserted').first()).toHaveText('Moderne');
  await page.screenshot({ path: 'docs/screenshots/versions-compare.png' });

  // the removed initiative opens with its text struck through
  await removed.locator('.nav-row').first().click();
  await expect(page.locator('.document-main').locator(field(page, 'title')).first()).toHaveValue(DELETED_TITLE);

  // the plan table: the removed row and the changed status are marked
  await page.getByRole('tab', { name: 'Initiativer' }).click();
  await expect(page.getByTestId('version-banner')).toBeVisible();
  const removedRow = page.locator(`tr[data-id="${DELETED}"]`);
  await removedRow.scrollIntoViewIfNeeded();
  await expect(removedRow.locator('.cmp-badge')).toHaveText('fjernet');
  const changedRow = page.locator(`tr[data-id="${STATUS_CHANGED}"]`);
  await changedRow.scrollIntoViewIfNeeded();
  await expect(changedRow.locator('.cell-status .cmp-badge')).toHaveText('ændret');
  await expect(changedRow.locator('.cell-owner .cmp-badge')).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/versions-compare-plans.png' });

  // back to now: no marks, the edits are all there
  await banner.locator('[data-action="back-to-now"]').click();
  await expect(page.getByTestId('version-banner')).toHaveCount(0);
  await expect(page.locator('.cmp-badge')).toHaveCount(0);
  await expect(page.locator(`tr[data-id="${DELETED}"]`)).toHaveCount(0);

  // "Eksportér ændringer siden Høringsudkast": the Word redline, its changes as tracked changes
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér' }).click();
  await expect(page.locator('[data-action="export-changes"]')).toHaveText(/Eksportér ændringer siden Høringsudkast/);
  await page.screenshot({ path: 'docs/screenshots/versions-export-menu.png' });
  await page.locator('[data-action="export-changes"][data-version="Høringsudkast"]').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/ændringer siden Høringsudkast\.docx$/);
  const xml = execFileSync('unzip', ['-p', (await file.path())!, 'word/document.xml']).toString('utf8');
  const deleted = [...xml.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => m[1]).join('');
  const inserted = [...xml.matchAll(/<w:ins [^>]*>(.*?)<\/w:ins>/gs)].map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('');
  expect(deleted).toContain('Digitale');
  expect(deleted).toContain(DELETED_TITLE);
  expect(inserted).toContain('Moderne');
  expect(inserted).toContain(ADDED_TEXT);
  expect(inserted).toContain(ADDED_TITLE);
  expect(consoleErrors).toEqual([]);
});

test('compare two saved versions with each other', async ({ page, server, consoleErrors }) => {
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/${FOCUS_AREA}`);
  await expect(page.getByRole('tree')).toBeVisible();
  const dialog = page.getByTestId('versions-dialog');
  const save = async (name: string) => {
    await page.locator('[data-action="open-versions"]').click();
    await field(dialog, 'version.name').fill(name);
    await dialog.locator('[data-action="save-version"]').click();
    await expect(dialog.locator(`[data-version="${name}"]`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Luk' }).click();
  };
  await save('Udkast');
  const title = page.locator('.document-main').locator(field(page, 'title')).first();
  await title.fill('Digitale løsninger for alle');
  await expectSaved(page);
  await save('Høringsudkast');
  await title.fill('Endnu en overskrift');

  await page.locator('[data-action="open-versions"]').click();
  await field(dialog, 'compare.from').selectOption({ label: 'Udkast' });
  await field(dialog, 'compare.to').selectOption({ label: 'Høringsudkast' });
  await dialog.locator('[data-action="compare-two"]').click();
  await expect(page.getByTestId('version-banner')).toContainText("Ændringer fra 'Udkast' til 'Høringsudkast'");
  await expect(page.getByTestId('compare-summary')).toHaveText('1 indsatsområde ændret');
  // the newer version's title, marked as renamed; not the current one
  await expect(title).toHaveValue('Digitale løsninger for alle');
  await expect(page.getByRole('tree').locator(`[data-key="${FOCUS_AREA}"] .cmp-badge`).first()).toHaveText('omdøbt');
  expect(consoleErrors).toEqual([]);
});
