// Two people in one document (two browser contexts = two users with their own settings): text typed
// by one appears for the other without reload, structure changes too, and undo undoes only one's own.
import { test, expect, createDocument, openAsUser, expectSaved } from './fixtures';
import { richText } from './fields';

test('two pages: typing appears in the other; undo undoes only my own text', async ({ browser, server }) => {
  const id = await createDocument(server.url, { from: 'template', name: 'blank', title: 'Fælles strategi', organisation: 'Testkommune' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`;
  const anna = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' });
  const bo = await openAsUser(browser, url, { name: 'Bo Berg', color: '#b42318' });
  const errors: string[] = [];
  for (const page of [anna, bo]) page.on('pageerror', (e) => errors.push(e.message));

  const annaVision = richText(anna, '@vision:statement');
  const boVision = richText(bo, '@vision:statement');

  await annaVision.click();
  await anna.keyboard.type('Annas sætning.');
  await expect(boVision).toContainText('Annas sætning.');

  await boVision.click();
  await bo.keyboard.press('Control+End');
  await bo.keyboard.press('Enter');
  await bo.keyboard.type('Bos sætning.');
  await expect(annaVision).toContainText('Bos sætning.');

  // Presence: each sees the other in the status bar and in the navigator.
  await expect(anna.locator('.status-presence')).toHaveAttribute('aria-label', /Bo Berg/);
  await expect(bo.getByRole('treeitem', { name: 'Vision' })).toContainText('Her: Anna Andersen');

  // Anna undoes: her text goes, Bo's stays — in both windows.
  await annaVision.click();
  await anna.keyboard.press('Control+z');
  await expect(annaVision).not.toContainText('Annas sætning.');
  await expect(annaVision).toContainText('Bos sætning.');
  await expect(boVision).not.toContainText('Annas sætning.');
  await expect(boVision).toContainText('Bos sætning.');

  // A structural change by Bo shows up in Anna's navigator without reload.
  await bo.getByRole('treeitem', { name: 'Perspektiver' }).locator(':scope > .nav-row').click();
  await bo.getByRole('button', { name: 'Tilføj perspektiv' }).click();
  await expect(bo.getByTestId('item-title')).toBeFocused();
  await bo.keyboard.type('Bos perspektiv');
  await bo.keyboard.press('Enter');
  await expect(anna.getByRole('treeitem', { name: 'Bos perspektiv' })).toBeVisible();
  // …and Anna's navigator undo does not remove it (it is not hers).
  await anna.getByRole('treeitem', { name: 'Vision' }).focus();
  await anna.keyboard.press('Control+z');
  await expect(anna.getByTestId('announcer')).toHaveText('Intet at fortryde');
  await expect(anna.getByRole('treeitem', { name: 'Bos perspektiv' })).toBeVisible();

  // Bo reads the outline while Anna writes: the outline follows without reload.
  await bo.getByRole('tab', { name: 'Disposition' }).click();
  await annaVision.click();
  await anna.keyboard.press('Control+End');
  await anna.keyboard.type(' Sidste ord.');
  await expect(bo.locator('.outline-vision-statement')).toContainText('Sidste ord.');
  await expect(bo.locator('.outline-doc')).toContainText('Bos perspektiv');

  await expectSaved(anna);
  await expectSaved(bo);
  expect(errors).toEqual([]);
  await anna.context().close();
  await bo.context().close();
});
