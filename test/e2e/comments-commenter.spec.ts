// Commenter mode: a document on the local Pejling server is linked (through "Del") to a second
// `pejling server` with an auth file. With a commenter token the window is read-only for the
// strategy (fields, editors, navigator) but "Kommentér" works: the thread and its mark reach the
// remote server, which an editor (a stock y-websocket client here) sees, while typing into the text
// changes nothing there. With a viewer token nobody may comment.
import type { Page } from '@playwright/test';
import type * as Y from 'yjs';
import { seriousViolations, settle } from './a11y';
import { test, expect, createDocument, openAsUser, startAuthServer } from './fixtures';
import { field, richText } from './fields';
import { stockClient } from '../integration/server-helpers';
import { readFragment } from '../../shared/model/yfragment';
import { anchorsInFragment } from '../../shared/model/comments';

const TOKENS = { editor: 'strategienheden-7c1e', commenter: 'it-chefforum-4d2a', viewer: 'udvalget-9b0f' };
const VISION = '@vision:statement';

let remote: Awaited<ReturnType<typeof startAuthServer>>;

test.beforeAll(async () => {
  remote = await startAuthServer([
    { token: TOKENS.editor, role: 'editor' },
    { token: TOKENS.commenter, role: 'commenter' },
    { token: TOKENS.viewer, role: 'viewer' },
  ]);
});

test.afterAll(async () => {
  await remote.stop();
});

async function connect(page: Page, token: string, first: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Del', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Del og samarbejd' });
  if (first) await dialog.getByRole('textbox', { name: 'Serveradresse' }).fill(remote.url);
  else await dialog.getByRole('button', { name: 'Skift server' }).click();
  await dialog.locator('input[type="password"]').fill(token);
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(dialog.getByTestId('share-state')).toHaveText('Synkroniseret');
  await dialog.getByRole('button', { name: 'Luk' }).click();
}

test('a commenter comments but cannot change the text; a viewer cannot comment', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const id = await createDocument(server.url, { from: 'template', name: 'blank', title: 'Høringsudkast', organisation: 'Testkommune' });
  const page = await openAsUser(browser, `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`, { name: 'Carl Carlsen', color: '#067647' }, { width: 1440, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const vision = richText(page, VISION);
  await vision.click();
  await page.keyboard.type('Vi deler data sikkert. Borgeren mødes af én kommune.');
  await connect(page, TOKENS.editor, true);

  // An editor on the remote server sees the strategy.
  const editor = stockClient(remote.url.replace(/^http/, 'ws'), id, { token: TOKENS.editor });
  const editorVision = () => readFragment(editor.doc.getXmlFragment('visionStatement')).textContent;
  await expect.poll(editorVision, { timeout: 15_000 }).toBe('Vi deler data sikkert. Borgeren mødes af én kommune.');

  // As a commenter: read-only everywhere, with its own banner and only "Kommentér" on the text.
  await connect(page, TOKENS.commenter, false);
  await expect(page.getByTestId('commenter-banner')).toHaveText('Du kan kommentere, men ikke ændre teksten.');
  await expect(vision).toHaveAttribute('contenteditable', 'false');
  const toolbar = page.getByRole('toolbar', { name: 'Formatering: Vision' });
  await expect(toolbar.getByRole('button')).toHaveCount(1);
  await expect(toolbar.getByRole('button', { name: 'Kommentér' })).toBeVisible();
  await expect(page.getByRole('tree').getByRole('button', { name: /^Tilføj/ })).toHaveCount(0);

  // Typing changes nothing.
  await vision.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Ændret af kommentator.');
  await expect(vision).toHaveText('Vi deler data sikkert. Borgeren mødes af én kommune.');

  // Selecting and commenting works, and reaches the editor on the remote server with its anchor.
  await vision.evaluate((root) => {
    const text = root.querySelector('p')!.firstChild!;
    const at = text.textContent!.indexOf('Vi deler data sikkert.');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'Vi deler data sikkert.'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await settle(page);
  await toolbar.getByRole('button', { name: 'Kommentér' }).click();
  await field(page, 'comment.new').fill('Hvilke data, og hvem deler vi med?');
  await page.locator('.comment-new').getByRole('button', { name: 'Kommentér', exact: true }).click();
  await expect(page.locator(`[data-field="${VISION}"] mark.comment-highlight`)).toHaveText('Vi deler data sikkert.');
  await expect
    .poll(() => [...anchorsInFragment(editor.doc.getXmlFragment('visionStatement')).values()].map((a) => a.text), { timeout: 15_000 })
    .toEqual(['Vi deler data sikkert.']);
  const threads = editor.doc.getMap<Y.Map<unknown>>('comments');
  expect([...threads.values()].map((t) => t.get('author'))).toEqual(['Carl Carlsen']);
  expect(editorVision()).toBe('Vi deler data sikkert. Borgeren mødes af én kommune.');
  // The commenter replies and resolves too.
  const aside = page.locator(`[data-field="${VISION}"] .comment-aside .comment-thread`);
  await field(aside, 'comment.reply').fill('Især sundhedsdata.');
  await aside.getByRole('button', { name: 'Send svar' }).click();
  await expect.poll(() => ([...threads.values()][0]!.get('messages') as Y.Array<unknown>).length, { timeout: 15_000 }).toBe(2);
  // From the keyboard (a commenter's text has no caret): "Kommentér" without a selection is on the whole field.
  await page.getByRole('toolbar', { name: 'Formatering: Uddybning af visionen' }).getByRole('button', { name: 'Kommentér' }).focus();
  await page.keyboard.press('Enter');
  await expect(field(page, 'comment.new')).toBeFocused();
  await page.keyboard.type('Uddybningen mangler helt.');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => [...threads.values()].map((t) => t.get('target')), { timeout: 15_000 }).toEqual([
    { id: '@vision', field: 'statement' },
    { id: '@vision', field: 'body' },
  ]);
  await page.getByTestId('comments-toggle').click();
  expect(await seriousViolations(page)).toEqual([]);
  await settle(page);
  await page.screenshot({ path: 'docs/screenshots/comments-commenter.png' });

  // A viewer: no "Kommentér" anywhere, no reply box, no resolve.
  await connect(page, TOKENS.viewer, false);
  await expect(page.getByTestId('readonly-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kommentér' })).toHaveCount(0);
  const panel = page.getByTestId('comments-panel');
  await expect(panel.locator('.comment-thread')).toHaveCount(2);
  await expect(panel.locator('[data-field="comment.reply"]')).toHaveCount(0);
  await expect(panel.locator('[data-action="resolve"]')).toHaveCount(0);
  await vision.click();
  await page.keyboard.press('Control+Alt+M');
  await expect(page.locator('[data-field="comment.new"]')).toHaveCount(0);

  editor.destroy();
  expect(errors).toEqual([]);
  await page.context().close();
});
