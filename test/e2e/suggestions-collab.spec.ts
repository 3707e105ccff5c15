// Suggestions between two people in browser mode, through the Pejling server's sync room: Bo turns
// on "Foreslå ændringer" and rewrites a sentence of a focus area (a word replaced, a word deleted);
// Anna sees both in Bo's colour with underline / strike-through and a marker named "Forslag fra Bo
// Berg: …", accepts one from the popover at the text, undoes that with Ctrl+Z and accepts again,
// and rejects the other from the list of suggestions (undone with "Fortryd" and rejected again); Bo sees
// each decision live. Screenshots of the
// text with the popover and of the list.
import type { Page } from '@playwright/test';
import { createStrategyDoc, exportStrategy, StrategyModel } from '../../shared/model';
import { settle } from './a11y';
import { test, expect, createDocument, openAsUser } from './fixtures';
import { richText } from './fields';

const BODY = 'fa-data:body';

function strategyFile(): string {
  const doc = createStrategyDoc({ title: 'Digital strategi', organisation: 'Testkommune', period: { from: 2026, to: 2029 } });
  const model = new StrategyModel(doc);
  model.setRich('@vision', 'statement', 'Vi bruger data klogt.');
  const pe = model.add('perspective', { id: 'pe-borger', title: 'Borgeren' });
  model.add('focusArea', { id: 'fa-data', perspectiveId: pe, title: 'Data på tværs', body: 'Data deles sikkert mellem fagområderne. Borgerne skal kun give deres oplysninger én gang.' });
  return JSON.stringify(exportStrategy(doc), null, 2);
}

/** Selects `text` in the rich field as a user dragging over it would (a DOM selection the editor picks up). */
async function selectText(page: Page, fieldKey: string, text: string): Promise<void> {
  await richText(page, fieldKey).click();
  await page.evaluate(
    ([key, wanted]) => {
      const root = document.querySelector(`[data-field="${key}"] .ProseMirror`)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
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

const inserted = (page: Page) => page.locator(`[data-field="${BODY}"] ins[data-suggestion]`);
const deleted = (page: Page) => page.locator(`[data-field="${BODY}"] del[data-suggestion]`);
const markers = (page: Page) => page.locator(`[data-field="${BODY}"] .suggestion-marker`);
/** The field's text as a reader sees it with suggestions: [+inserted+], [-deleted-]. */
const shown = (page: Page) =>
  page.evaluate((key) => {
    const root = document.querySelector(`[data-field="${key}"] .ProseMirror`)!;
    // Text without the editor's markers and other people's carets (widgets, not text).
    const text = (node: Node): string => {
      let out = '';
      for (const child of Array.from(node.childNodes)) {
        if (child instanceof HTMLElement && (child.classList.contains('suggestion-marker') || child.classList.contains('remote-caret'))) continue;
        if (child instanceof HTMLElement && child.tagName === 'INS') out += `[+${text(child)}+]`;
        else if (child instanceof HTMLElement && child.tagName === 'DEL') out += `[-${text(child)}-]`;
        else if (child.nodeType === Node.TEXT_NODE) out += child.textContent;
        else out += text(child);
      }
      return out;
    };
    const out = text(root);
    return out;
  }, BODY);

test('Bo suggests, Anna sees it with his name, accepts one (undo works) and rejects the other', async ({ browser, server }) => {
  test.setTimeout(180_000);
  const id = await createDocument(server.url, { from: 'json', text: strategyFile(), fileName: 'forslag.json' });
  const url = `${server.url}/#/doc/${encodeURIComponent(id)}/edit/fa-data`;
  const anna = await openAsUser(browser, url, { name: 'Anna Andersen', color: '#1f6feb' }, { width: 1440, height: 900 });
  const bo = await openAsUser(browser, url, { name: 'Bo Berg', color: '#b42318' }, { width: 1440, height: 900 });
  const errors: string[] = [];
  for (const page of [anna, bo]) page.on('pageerror', (e) => errors.push(e.message));
  await expect(richText(anna, BODY)).toContainText('Data deles sikkert');
  await expect(richText(bo, BODY)).toContainText('Data deles sikkert');

  // Bo turns suggestion mode on (the toolbar of the field) and rewrites the first sentence.
  await richText(bo, BODY).click();
  const toggle = bo.locator(`[data-field="${BODY}"] [data-action="suggest-mode"]`);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await selectText(bo, BODY, 'sikkert');
  await bo.keyboard.type('trygt');
  await selectText(bo, BODY, 'kun ');
  await bo.keyboard.press('Backspace');
  await expect.poll(() => shown(bo)).toBe('Data deles [-sikkert-][+trygt+] mellem fagområderne. Borgerne skal [-kun -]give deres oplysninger én gang.');

  // Anna sees both, in Bo's colour, with the non-colour cues and his name.
  await expect.poll(() => shown(anna)).toBe('Data deles [-sikkert-][+trygt+] mellem fagområderne. Borgerne skal [-kun -]give deres oplysninger én gang.');
  await expect(markers(anna)).toHaveCount(2);
  await expect(markers(anna).first()).toHaveAttribute('aria-label', 'Forslag fra Bo Berg: erstat »sikkert« med »trygt«');
  await expect(markers(anna).nth(1)).toHaveAttribute('aria-label', 'Forslag fra Bo Berg: slet »kun«');
  const insStyle = await inserted(anna).first().evaluate((el) => {
    const style = getComputedStyle(el.querySelector('.suggestion-text') ?? el);
    return { line: style.textDecorationLine, color: style.textDecorationColor };
  });
  expect(insStyle.line).toContain('underline');
  expect(insStyle.color).toBe('rgb(180, 35, 24)'); // Bo's colour
  expect(await deleted(anna).first().evaluate((el) => getComputedStyle(el.querySelector('.suggestion-text') ?? el).textDecorationLine)).toContain('line-through');

  // Anna clicks the suggested word: the popover names Bo; she accepts.
  await inserted(anna).first().click();
  const popover = anna.locator(`[data-field="${BODY}"] [data-testid="suggestion-popover"]`);
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('Bo Berg');
  await expect(popover).toContainText('erstat »sikkert« med »trygt«');
  await settle(anna);
  // The field with the popover below the text (it lies over what follows the field).
  const fieldBox = (await anna.locator(`[data-field="${BODY}"]`).boundingBox())!;
  const popBox = (await popover.boundingBox())!;
  await anna.screenshot({ path: 'docs/screenshots/suggestions-text.png', clip: { x: fieldBox.x - 8, y: fieldBox.y - 8, width: fieldBox.width + 16, height: Math.max(fieldBox.y + fieldBox.height, popBox.y + popBox.height) - fieldBox.y + 16 } });
  await popover.locator('[data-action="suggestion-accept"]').click();
  const accepted = 'Data deles trygt mellem fagområderne. Borgerne skal [-kun -]give deres oplysninger én gang.';
  await expect.poll(() => shown(anna)).toBe(accepted);
  await expect.poll(() => shown(bo)).toBe(accepted);

  // Undo of the accept (Ctrl+Z in the text, where the caret went back): the suggestion is pending again, for both.
  await expect(richText(anna, BODY)).toBeFocused();
  await anna.keyboard.press('Control+z');
  const pending = 'Data deles [-sikkert-][+trygt+] mellem fagområderne. Borgerne skal [-kun -]give deres oplysninger én gang.';
  await expect.poll(() => shown(anna)).toBe(pending);
  await expect.poll(() => shown(bo)).toBe(pending);
  // Accept once more, now from the keyboard: Tab from the text reaches the popover.
  await inserted(anna).first().click();
  await expect(popover).toBeVisible();
  await anna.keyboard.press('Tab');
  await expect(popover.locator('[data-action="suggestion-accept"]')).toBeFocused();
  await anna.keyboard.press('Enter');
  await expect.poll(() => shown(bo)).toBe(accepted);

  // The list beside the comments: the remaining suggestion, by Bo; Anna rejects it there.
  await anna.getByTestId('comments-toggle').click();
  await anna.getByTestId('review-tab-suggestions').click();
  const panel = anna.getByTestId('suggestions-panel');
  const cards = panel.getByTestId('suggestion-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Bo Berg');
  await expect(cards.first()).toContainText('slet »kun«');
  await expect(cards.first()).toContainText('Data på tværs');
  await settle(anna);
  await anna.screenshot({ path: 'docs/screenshots/suggestions-panel.png' });
  await cards.first().locator('[data-action="suggestion-reject"]').click();
  const final = 'Data deles trygt mellem fagområderne. Borgerne skal kun give deres oplysninger én gang.';
  await expect.poll(() => shown(anna)).toBe(final);
  await expect.poll(() => shown(bo)).toBe(final);
  await expect(cards).toHaveCount(0);
  // A decision in the list is undoable too ("Fortryd"), and then made again.
  await panel.locator('[data-action="suggestions-undo"]').click();
  await expect.poll(() => shown(bo)).toBe(accepted);
  await expect(cards).toHaveCount(1);
  await cards.first().locator('[data-action="suggestion-reject"]').click();
  await expect.poll(() => shown(anna)).toBe(final);
  await expect.poll(() => shown(bo)).toBe(final);
  await expect(cards).toHaveCount(0);
  await expect(markers(bo)).toHaveCount(0);
  expect(errors).toEqual([]);
});
