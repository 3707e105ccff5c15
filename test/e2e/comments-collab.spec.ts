// Comments between two people in browser mode, through the Pejling server's sync room: Anna selects
// a sentence and comments on it; Bo sees the highlight (and its marker) and the thread beside the
// text, and replies; the navigator counts open threads; Anna resolves in the panel, whose filters put
// the thread where it belongs; Bo comments while offline and the thread reaches Anna once he is back.
// axe finds no serious violations with the panel open; screenshots of the thread and the panel.
import type { Page } from '@playwright/test';
import { seriousViolations, settle } from './a11y';
import { test, expect, createDocument, openAsUser, expectSaved } from './fixtures';
import { field, richText } from './fields';

const VISION = '@vision:statement';

/** Selects `text` inside the rich field as a user dragging over it would (a DOM selection the editor picks up). */
async function selectText(page: Page, fieldKey: string, text: string): Promise<void> {
  await richText(page, fieldKey).click();
  await page.evaluate(
    ([key, wanted]) => {
      // The editor's text nodes in order (highlights split the text into several), so a selection may span them.
      const root = document.querySelector(`[data-field="${key}"] .ProseMirror`)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('.comment-marker') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const all = nodes.map((n) => n.data).join('');
      const at = all.indexOf(wanted);
      if (at < 0) throw new Error(`"${wanted}" is not in ${key}`);
      const locate = (offset: number, end: boolean): [Text, number] => {
        let seen = 0;
        for (const n of nodes) {
          if (offset < seen + n.data.length || (end && offset === seen + n.data.length)) return [n, offset - seen];
          seen += n.data.length;
        }
        const last = nodes.at(-1)!;
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + wanted.length, true));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
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

  // Anna's panel: the thread with its quote.
  await anna.getByTestId('comments-toggle').click();
  const panel = anna.getByTestId('comments-panel');
  await expect(panel.locator('.comment-thread')).toHaveCount(1);
  await expect(panel.locator('.comment-quote')).toHaveText('Borgerne møder én kommune');
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
  await expectSaved(bo);
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

  await expectSaved(bo);
  await bo.context().close();
  // axe with the panel open (two threads, one resolved), once Bo has left: the presence avatar of
  // another person (collab/PresenceList, initials as visible text) is a label-in-name finding of its own.
  await expect(anna.locator('.presence-person')).toHaveCount(0);
  await panel.getByText('Alle', { exact: true }).click();
  await expect(panel.locator('.comment-thread')).toHaveCount(2);
  expect(await seriousViolations(anna)).toEqual([]);
  expect(errors).toEqual([]);
  await anna.context().close();
});

test('one person: the anchor survives cut and paste and undo; own messages edited and deleted; a thread on a whole part', async ({ browser, server }) => {
  test.setTimeout(90_000);
  const id = await createDocument(server.url, { from: 'template', name: 'blank', title: 'Egen strategi', organisation: 'Testkommune' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/vision`;
  const anna = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' }, { width: 1440, height: 900 });
  const errors: string[] = [];
  anna.on('pageerror', (e) => errors.push(e.message));
  const vision = richText(anna, VISION);
  await vision.click();
  await anna.keyboard.type('Første sætning. Anden sætning.');
  await selectText(anna, VISION, 'Første sætning.');
  await anna.keyboard.press('Control+Alt+M');
  await field(anna, 'comment.new').fill('Skal stå sidst');
  await field(anna, 'comment.new').press('Control+Enter');
  await expect(highlights(anna)).toHaveText('Første sætning.');

  // Cut the commented sentence and paste it at the end: the text and its thread move together.
  await selectText(anna, VISION, 'Første sætning. ');
  await anna.keyboard.press('Control+x');
  await expect(vision).toHaveText('Anden sætning.');
  await anna.keyboard.press('Control+End');
  await anna.keyboard.type(' ');
  await anna.keyboard.press('Control+v');
  await expect(vision).toContainText('Anden sætning. Første sætning.');
  await expect(highlights(anna)).toHaveText('Første sætning.');

  // Deleting the text orphans the thread (the panel keeps it with its quote); undo brings the anchor back.
  await anna.getByTestId('comments-toggle').click();
  const panel = anna.getByTestId('comments-panel');
  await selectText(anna, VISION, 'Første sætning.');
  await anna.keyboard.press('Delete');
  await expect(highlights(anna)).toHaveCount(0);
  await expect(panel.locator('.comment-thread.is-orphaned .comment-orphaned')).toHaveText('Den kommenterede tekst er slettet');
  await expect(panel.locator('.comment-thread .comment-quote')).toHaveText('Første sætning.');
  await anna.keyboard.press('Control+z');
  await expect(highlights(anna)).toHaveText('Første sætning.');
  await expect(panel.locator('.comment-thread.is-orphaned')).toHaveCount(0);

  // Her own message: edited (marked as such), then a reply deleted after confirming.
  // (the active thread shows expanded in the panel, with its reply box)
  const thread = panel.locator('.comment-thread');
  await field(thread, 'comment.reply').fill('Eller midt i?');
  await field(thread, 'comment.reply').press('Control+Enter');
  await expect(thread.locator('.comment-text')).toHaveText(['Skal stå sidst', 'Eller midt i?']);
  await thread.locator('.comment-message').first().getByRole('button', { name: 'Redigér' }).click();
  await field(thread, 'comment.edit').fill('Skal stå til sidst');
  await thread.getByRole('button', { name: 'Gem' }).click();
  await expect(thread.locator('.comment-message').first()).toContainText('(redigeret)');
  await thread.locator('.comment-message').nth(1).getByRole('button', { name: 'Slet' }).click();
  await expect(thread.getByRole('alert')).toHaveText('Slet din kommentar?');
  await thread.locator('.comment-message').nth(1).getByRole('button', { name: 'Slet' }).click();
  await expect(thread.locator('.comment-text')).toHaveText(['Skal stå til sidst']);

  // A thread on the whole vision, started from the panel, counted in the navigator.
  await panel.getByRole('button', { name: 'Kommentér Vision' }).click();
  await field(panel, 'comment.new').fill('Visionen er for lang');
  await panel.locator('.comment-new').getByRole('button', { name: 'Kommentér', exact: true }).click();
  await expect(panel.locator('.comment-thread')).toHaveCount(2);
  await expect(panel.locator('.comment-thread').nth(0).locator('.comment-on-item')).toHaveText('Vision');
  await expect(anna.getByRole('treeitem', { name: 'Vision' }).getByTestId('nav-comment-count')).toContainText('2 åbne kommentarer');
  await expect(anna.getByRole('treeitem', { name: 'Vision' })).toHaveAccessibleDescription('2 åbne kommentarer');
  expect(errors).toEqual([]);
  await anna.context().close();
});
