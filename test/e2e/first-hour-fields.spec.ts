// Issue 19, the first hour in the editor's fields (browser mode, a real `pejling server`): goals wrap and grow
// with their text; keys typed right after "Tilføj målsætning" go into the new goal; and date fields show and
// accept Danish dates (dd.mm.åååå) in a browser whose own locale is American English, and say so at the field,
// keeping the text, when a date does not exist.
import { test, expect, createDocument, expectSaved } from './fixtures';
import { field } from './fields';

const GOAL =
  'Alle borgere og virksomheder kan betjene sig selv digitalt på de 20 mest brugte områder, og selvbetjeningen er så let, at mindst 80 procent vælger den frem for telefon og personligt fremmøde';

test('a long goal wraps and the field grows with it, keeping the text bound to the document', async ({ page, server, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/fa-digitale-losninger`);
  const goals = field(page, 'goal.text');
  await expect(goals.first()).toBeVisible();
  const count = await goals.count();
  await page.getByRole('button', { name: 'Tilføj målsætning' }).click();
  const goal = goals.nth(count);
  await expect(goal).toBeFocused();
  const oneLine = (await goal.boundingBox())!.height;
  await page.keyboard.type(GOAL);
  await expect(goal).toHaveValue(GOAL);
  // All of it is in sight: the field is as tall as its wrapped text, nothing scrolls inside it.
  const lineHeight = await goal.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  await expect.poll(async () => (await goal.boundingBox())!.height).toBeGreaterThanOrEqual(oneLine + lineHeight - 1);
  expect(await goal.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  const box = (await goal.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);

  // The text is the document's: another reader sees it whole.
  await expectSaved(page);
  const saved = await (await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}/download?format=json`)).json();
  const area = saved.perspectives.flatMap((p: { focusAreas: unknown[] }) => p.focusAreas).find((fa: { id: string }) => fa.id === 'fa-digitale-losninger');
  expect(area.goals.map((g: { text: string }) => g.text)).toContain(GOAL);
  expect(consoleErrors).toEqual([]);
});

test('keys typed right after "Tilføj målsætning" go into the new goal, not to the button', async ({ page, server, consoleErrors }) => {
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/fa-digitale-losninger`);
  const goals = field(page, 'goal.text');
  await expect(goals.first()).toBeVisible();
  const count = await goals.count();
  // Press the button with the keyboard and type at once, as a fast typist does: a space on the button
  // would add a second, empty goal.
  await page.getByRole('button', { name: 'Tilføj målsætning' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type(' Færre henvendelser i borgerservice');
  await expect(goals).toHaveCount(count + 1);
  await expect(goals.nth(count)).toHaveValue(' Færre henvendelser i borgerservice');
  await expect(goals.nth(count)).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('the new goal has the focus before the next key can arrive after a click on "Tilføj målsætning"', async ({ page, server, consoleErrors }) => {
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/fa-digitale-losninger`);
  await expect(field(page, 'goal.text').first()).toBeVisible();
  // A key pressed right after a click is handled in a later task than the click: whatever has the focus
  // then gets the key. Click, and read the focus in the very next task (as that key would find it).
  const focusedNext = await page.getByRole('button', { name: 'Tilføj målsætning' }).evaluate(
    (button: HTMLElement) =>
      new Promise<string>((resolve) => {
        button.click();
        setTimeout(() => resolve(document.activeElement?.closest('[data-goal]') ? 'the new goal' : (document.activeElement?.textContent ?? 'nothing')), 0);
      }),
  );
  expect(focusedNext).toBe('the new goal');
  expect(consoleErrors).toEqual([]);
});

test('date fields show and accept Danish dates in an English-locale browser, and refuse a date that does not exist', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  await context.addInitScript(() => localStorage.setItem('pejling.settings', JSON.stringify({ userName: 'Mette Holm', userColor: '#1f6feb', language: 'da' })));
  const page = await context.newPage();
  const id = await createDocument(server.url, { from: 'example', name: 'kk-2010-2014' });

  // The front page's date.
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`);
  const date = field(page, 'date');
  await expect(date).toBeVisible();
  await expect(date).toHaveAttribute('placeholder', 'dd.mm.åååå');
  await date.fill('2.6.2010');
  await date.press('Tab');
  await expect(date).toHaveValue('02.06.2010');
  await expectSaved(page);
  let saved = await (await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}/download?format=json`)).json();
  expect(saved.meta.date).toBe('2010-06-02');

  // A date that does not exist: said at the field, the text kept, nothing saved.
  await date.fill('30.02.2011');
  await date.press('Tab');
  await expect(date).toHaveValue('30.02.2011');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/Skriv en dato, der findes/);
  saved = await (await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}/download?format=json`)).json();
  expect(saved.meta.date).toBe('2010-06-02');

  // The status report's date and a status round's date are Danish too.
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/status`);
  await field(page, 'filter.asOf').fill('30.06.2012');
  await field(page, 'filter.asOf').press('Tab');
  await expect(page.getByTestId('status-report-date')).toContainText('Status pr. 30. juni 2012');
  await page.getByRole('button', { name: 'Vis status lige nu' }).click();
  await page.getByRole('button', { name: 'Ny statusrunde' }).click();
  const round = field(page, 'round.date');
  await expect(round).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
  await round.fill('31.11.2012');
  await page.getByRole('button', { name: /Gem statusrunde/ }).click();
  await expect(round).toHaveValue('31.11.2012');
  await expect(round).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Ny statusrunde' })).toHaveCount(0);
  await round.fill('30.11.2012');
  await page.getByRole('button', { name: /Gem statusrunde/ }).click();
  await expect(page.locator('.toast').last()).toContainText('Statusrunde 30. november 2012 gemt');
  await context.close();
});
