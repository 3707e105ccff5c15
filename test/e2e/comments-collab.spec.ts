// Comments between two people in browser mode, through the Pejling server's sync room: Anna selects
// a sentence and comments on it; Bo sees the highlight (and its marker) and the thread beside the
// text, and replies; the navigator counts open threads; Anna resolves in the panel, whose filters put
// the thread where it belongs; Bo comments while offline and the thread reaches Anna once he is back.
// axe finds no serious violations with the panel open; screenshots of the thread and the panel.
import type { Page } from '@playwright/test';
import { seriousViolations, settle } from './a11y';
import { test, expect, createDocument, openAsUser } from './fixtures';
import { field, richText } from './fields';

const VISION = '@vision:statement';

/** Selects `text` inside the rich field as a user dragging over it would (a DOM selection the editor picks up). */
async function selectText(page: Page, fieldKey: string, text: string): Promise<void> {
  await richText(page, fieldKey).click();
  await page.evaluate(
    ([key, wanted]) => {
      const root = document.querySelector(`[data-field="${key}"] .ProseMirror`)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in ${key}`);
    },
    [fieldKey, text] as const,
  );
  await settle(page);
}

const highlights = (page: Page) => page.locator(`[data-field="${VISION}"] mark.comment-highlight`);

test('Anna comments, Bo sees and replies, Anna resolves; filters; Bo comments offline; a11y', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const id = await createDocument(server.url, { from: 'template', name: 'blank', title: 'Fælles strategi', organisation: 'Testkommune' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`;
  const anna = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' }, { width: 1440, height: 900 });
  const bo = await openAsUser(browser, url, { name: 'Bo Berg', color: '#b42318' }, { width: 1440, height: 900 });
  const errors: string[] = [];
  for (const page of [anna, bo]) page.on('pageerror', (e) => errors.push(e.message));

  await richText(anna, VISION).click();
  await anna.keyboard.type('Vi bruger data klogt. Borgerne møder én kommune, uanset kanal.');
  await expect(richText(bo, VISION)).toContainText('uanset kanal.');

  // Anna selects a sentence and comments from the toolbar.
  await selectText(anna, VISION, 'Borgerne møder én kommune');
  await anna.locator(`[data-field="${VISION}"] [data-action="comment"]`).click();
  const newComment = field(anna, 'comment.new');
  await expect(newComment).toBeFocused();
  await expect(anna.locator('.comment-new .comment-quote')).toHaveText('Borgerne møder én kommune');
  await newComment.fill('Hvad betyder »én kommune« for borgeren?');
  await anna.locator('.comment-new').getByRole('button', { name: 'Kommentér', exact: true }).click();
  await expect(highlights(anna)).toHaveText('Borgerne møder én kommune');
  const annaAside = anna.locator(`[data-field="${VISION}"] .comment-aside .comment-thread`);
  await expect(annaAside).toContainText('Anna Andersen');

  // Bo sees the highlight (tint, underline and a named marker, not colour alone) and opens the thread beside the text.
  await expect(highlights(bo)).toHaveText('Borgerne møder én kommune');
  await expect(bo.locator(`[data-field="${VISION}"] .comment-marker`)).toHaveAttribute('aria-label', 'Kommenteret tekst (1 kommentar)');
  await expect(bo.getByRole('treeitem', { name: 'Vision' }).getByTestId('nav-comment-count')).toContainText('1 åben kommentar');
  await highlights(bo).click();
  const boAside = bo.locator(`[data-field="${VISION}"] .comment-aside .comment-thread`);
  await expect(boAside).toContainText('Hvad betyder »én kommune« for borgeren?');
  await expect(boAside.locator('.comment-author')).toHaveText('Anna Andersen');
  // Danish date and time: "1. december 2026 kl. 17.45"
  await expect(boAside.locator('.comment-time')).toHaveText(/^\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}$/);
  await field(boAside, 'comment.reply').fill('At man ikke skal kende vores organisation for at få hjælp.');
  await boAside.getByRole('button', { name: 'Send svar' }).click();
  await expect(annaAside).toContainText('At man ikke skal kende vores organisation for at få hjælp.');
  await expect(annaAside.locator('.comment-author')).toHaveText(['Anna Andersen', 'Bo Berg']);
  await settle(anna);
  await anna.locator(`[data-field="${VISION}"]`).screenshot({ path: 'docs/screenshots/comments-thread.png' });

  // Anna's panel: the thread with its quote; axe finds nothing serious.
  await anna.getByTestId('comments-toggle').click();
  const panel = anna.getByTestId('comments-panel');
  await expect(panel.locator('.comment-thread')).toHaveCount(1);
  await expect(panel.locator('.comment-quote')).toHaveText('Borgerne møder én kommune');
  expect(await seriousViolations(anna)).toEqual([]);
  await settle(anna);
  await anna.screenshot({ path: 'docs/screenshots/comments-panel.png' });

  // Anna resolves it in the panel: gone from "Åbne" and from the text, found under "Løste", in both windows.
  await panel.locator('.comment-thread [data-action="resolve"]').click();
  await expect(panel.locator('.comment-thread')).toHaveCount(0);
  await expect(panel.locator('.comments-empty')).toHaveText('Ingen kommentarer her.');
  await expect(highlights(bo)).toHaveCount(0);
  await expect(bo.getByRole('treeitem', { name: 'Vision' }).getByTestId('nav-comment-count')).toHaveCount(0);
  await panel.getByText('Løste', { exact: true }).click();
  await expect(panel.locator('.comment-thread')).toHaveCount(1);
  await expect(panel.locator('.comment-resolved-by')).toHaveText('Løst af Anna Andersen');
  // "Mine" on Bo's side: the thread he replied to, once "Alle" includes resolved ones.
  await bo.getByTestId('comments-toggle').click();
  const boPanel = bo.getByTestId('comments-panel');
  await expect(boPanel.locator('.comment-thread')).toHaveCount(0);
  await boPanel.getByText('Alle', { exact: true }).click();
  await boPanel.getByText('Mine', { exact: true }).click();
  await expect(boPanel.locator('.comment-thread')).toHaveCount(1);

  // Bo goes offline and comments another sentence; it reaches Anna after he reconnects.
  await bo.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(bo.getByTestId('save-state')).toHaveText('Gemt');
  await bo.context().setOffline(true);
  await expect(bo.getByTestId('save-state')).toHaveText('Offline', { timeout: 8_000 });
  await selectText(bo, VISION, 'Vi bruger data klogt.');
  await bo.keyboard.press('Control+Alt+M');
  await field(bo, 'comment.new').fill('Hvilke data? Det bør stå her.');
  await field(bo, 'comment.new').press('Control+Enter');
  await expect(highlights(bo)).toHaveText('Vi bruger data klogt.');
  await expect(bo.getByTestId('save-state')).toHaveAttribute('data-kind', 'offline-stored');
  await panel.getByText('Åbne', { exact: true }).click();
  await expect(panel.locator('.comment-thread')).toHaveCount(0);
  await bo.context().setOffline(false);
  await expect(highlights(anna)).toHaveText('Vi bruger data klogt.', { timeout: 15_000 });
  await expect(panel.locator('.comment-thread')).toHaveCount(1);
  await expect(panel.locator('.comment-thread')).toContainText('Hvilke data? Det bør stå her.');

  // "Gå til teksten" selects the anchor in the editor.
  await panel.getByRole('button', { name: 'Gå til teksten' }).click();
  await expect.poll(() => anna.evaluate(() => window.getSelection()?.toString())).toBe('Vi bruger data klogt.');

  await expect(bo.getByTestId('save-state')).toHaveText('Gemt');
  expect(errors).toEqual([]);
  await anna.context().close();
  await bo.context().close();
});
