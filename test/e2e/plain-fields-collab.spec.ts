// Two people typing in the same title, goal and owner name at the same moment: both keep what they
// typed, on both screens and after a reload (typed fields are collaborative text, not last-writer-wins).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, createDocument, openAsUser, expectSaved } from './fixtures';

const strategyText = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/schema1/strategy.json'), 'utf8');

/** Puts the caret at the end of the field, then both people type at once, key by key. */
async function typeTogether(fields: [Locator, Locator], texts: [string, string]): Promise<void> {
  for (const field of fields) {
    await field.click();
    await field.press('End');
  }
  await Promise.all(fields.map((field, i) => field.pressSequentially(texts[i]!, { delay: 40 })));
}

async function expectBoth(pages: Page[], field: (page: Page) => Locator, parts: string[]): Promise<string> {
  for (const page of pages) {
    for (const part of parts) await expect(field(page)).toHaveValue(new RegExp(escape(part)));
  }
  const values = await Promise.all(pages.map((page) => field(page).inputValue()));
  expect(values[1]).toBe(values[0]);
  return values[0]!;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('two users type into the same title, goal and owner name at once: both texts stay, also after a reload', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const id = await createDocument(server.url, { from: 'json', fileName: 'havbjerg.json', text: strategyText });
  const base = `${server.url}/#/doc/${encodeURIComponent(id)}/edit`;
  const anna = await openAsUser(browser, `${base}/in-mitid`, { name: 'Anna Andersen', color: '#1f6feb' });
  const bo = await openAsUser(browser, `${base}/in-mitid`, { name: 'Bo Berg', color: '#b42318' });
  const errors: string[] = [];
  for (const page of [anna, bo]) page.on('pageerror', (e) => errors.push(e.message));
  const pages = [anna, bo];

  // An initiative's title.
  const title = (page: Page) => page.getByRole('textbox', { name: 'Titel', exact: true });
  await typeTogether([title(anna), title(bo)], [' fase 1', ' (Anna og Bo)']);
  const titleValue = await expectBoth(pages, title, ['MitID-login på alle selvbetjeningsløsninger', ' fase 1', ' (Anna og Bo)']);
  expect(titleValue).toHaveLength('MitID-login på alle selvbetjeningsløsninger fase 1 (Anna og Bo)'.length);

  // A goal of a focus area: one types at the start, the other at the end.
  for (const page of pages) await page.goto(`${base}/fa-selvbetjening`);
  const goal = (page: Page) => page.getByRole('textbox', { name: 'Målsætning 1', exact: true });
  await goal(anna).click();
  await goal(anna).press('Home');
  await goal(bo).click();
  await goal(bo).press('End');
  await Promise.all([goal(anna).pressSequentially('Senest 2027: ', { delay: 40 }), goal(bo).pressSequentially(' i alle kanaler', { delay: 40 })]);
  const goalValue = await expectBoth(pages, goal, ['Senest 2027: ', ' i alle kanaler']);
  expect(goalValue).toBe('Senest 2027: Tilfredsheden med selvbetjening stiger til 4,2 af 5 i alle kanaler');

  // An owner's name in the register.
  for (const page of pages) await page.goto(`${base}/owners`);
  const owner = (page: Page) => page.getByRole('textbox', { name: 'Navn på ansvarlig 2', exact: true });
  await expect(owner(anna)).toHaveValue('Borgerservice og Digitalisering');
  await typeTogether([owner(anna), owner(bo)], [' Nord', ' & Syd']);
  const ownerValue = await expectBoth(pages, owner, ['Borgerservice og Digitalisering', ' Nord', ' & Syd']);

  await expectSaved(anna);
  await expectSaved(bo);

  // After a reload both screens read the same merged texts from the server.
  for (const page of pages) {
    await page.reload();
    await expect(owner(page)).toHaveValue(ownerValue);
    await page.goto(`${base}/fa-selvbetjening`);
    await expect(goal(page)).toHaveValue(goalValue);
    await page.goto(`${base}/in-mitid`);
    await expect(title(page)).toHaveValue(titleValue);
  }
  expect(errors).toEqual([]);
  await anna.context().close();
  await bo.context().close();
});

test('a remote edit in front of the caret moves the caret with the text', async ({ browser, server }) => {
  const id = await createDocument(server.url, { from: 'json', fileName: 'havbjerg.json', text: strategyText });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`;
  const anna = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' });
  const bo = await openAsUser(browser, url, { name: 'Bo Berg', color: '#b42318' });
  const field = (page: Page) => page.getByRole('textbox', { name: 'Organisation', exact: true });
  await field(anna).click();
  await field(anna).press('End'); // after "Havbjerg Kommune"
  await field(bo).click();
  await field(bo).press('Home');
  await field(bo).pressSequentially('Nye ');
  await expect(field(anna)).toHaveValue('Nye Havbjerg Kommune');
  // Anna keeps typing where she was: at the end, not in the middle of Bo's word.
  await anna.keyboard.type('s borgere');
  await expect(field(bo)).toHaveValue('Nye Havbjerg Kommunes borgere');
  await expect(field(anna)).toHaveValue('Nye Havbjerg Kommunes borgere');
  await anna.context().close();
  await bo.context().close();
});
