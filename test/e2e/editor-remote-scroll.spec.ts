// While a colleague writes above my caret, my caret stays in view (renderer/src/editor/remote-scroll.ts keeps it
// there once a frame, instead of ProseMirror measuring it after every remote change).
import type { Page } from '@playwright/test';
import { test, expect, createDocument, openAsUser } from './fixtures';
import { richText } from './fields';

/** Where the caret is, relative to the window: its top and bottom in CSS pixels, and the window's height. */
const caret = (page: Page) =>
  page.evaluate(() => {
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, height: window.innerHeight };
  });

test('text a colleague adds above my caret does not push the caret out of view', async ({ browser, server }) => {
  const id = await createDocument(server.url, { from: 'template', name: 'blank', title: 'Fælles strategi', organisation: 'Testkommune' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`;
  const viewport = { width: 1280, height: 720 };
  const anna = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' }, viewport);
  const bo = await openAsUser(browser, url, { name: 'Bo Berg', color: '#b42318' }, viewport);
  const errors: string[] = [];
  for (const page of [anna, bo]) page.on('pageerror', (e) => errors.push(e.message));

  // Anna writes two paragraphs and keeps her caret at the end of the second.
  const annaBody = richText(anna, '@vision:body');
  await annaBody.click();
  await anna.keyboard.type('Indledning.');
  await anna.keyboard.press('Enter');
  await anna.keyboard.type('Annas afsnit slutter her.');
  await expect(richText(bo, '@vision:body')).toContainText('Annas afsnit slutter her.');
  const before = await caret(anna);
  expect(before.bottom).toBeLessThan(before.height);

  // Bo adds 40 paragraphs above hers (at the start of the first), one change at a time, as typing sends them.
  const boBody = richText(bo, '@vision:body');
  await boBody.click();
  await bo.keyboard.press('Control+Home');
  for (let i = 1; i <= 40; i++) {
    await bo.keyboard.type(`Bos linje ${i}`);
    await bo.keyboard.press('Enter');
  }
  await expect(annaBody.locator('p')).toHaveCount(42);
  await expect(annaBody.locator('p').first()).toHaveText('Bos linje 1');

  // Anna's caret is still where she left it, in the text and in view (40 lines further down the page).
  await expect(annaBody).toBeFocused();
  await expect.poll(async () => anna.evaluate(() => window.getSelection()!.anchorNode?.textContent ?? '')).toBe('Annas afsnit slutter her.');
  const after = await caret(anna);
  expect(after.top).toBeGreaterThanOrEqual(0);
  expect(after.bottom).toBeLessThanOrEqual(after.height);
  expect(errors).toEqual([]);
});
