// Issue 16, guidance is guidance (browser mode, a real `pejling server`): a new document from the kk template
// shows the template's guidance as the faint placeholder of its empty fields (rich text, goals, the subtitle),
// typing replaces it and the document holds only what was typed; the cover editor chooses the house style; a document made from the template as it was
// before hints (guidance stored as content) gets `template-text` findings in Tjek, and "Eksportér → Word" asks
// first, naming the fields: "Annullér" exports nothing, "Eksportér alligevel" downloads the document.
// Screenshots: docs/screenshots/publishing-hints.png, docs/screenshots/publishing-export-confirm.png.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, createDocument } from './fixtures';
import { field, richText } from './fields';

const kk = JSON.parse(readFileSync(join(import.meta.dirname, '../../templates/strategies/kk.json'), 'utf8')) as { hints: Record<string, Record<string, string>> };
const oldKk = readFileSync(join(import.meta.dirname, '../fixtures/templates-2026/kk.json'), 'utf8');

test('a new document from a template shows its guidance as placeholders; typing replaces them and only the typed text is content', async ({ page, server, consoleErrors }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  const id = await createDocument(server.url, { from: 'template', name: 'kk', title: 'It-strategi 2027-2030', organisation: 'Testrup Kommune' });
  const base = `${server.url}/#/doc/${encodeURIComponent(id)}`;

  await page.goto(`${base}/edit/vision`);
  const statement = richText(page, '@vision:statement');
  await expect(statement).toBeVisible();
  // The hint is the empty paragraph's placeholder, not text in the editor.
  await expect(statement.locator('p.is-empty')).toHaveAttribute('data-placeholder', kk.hints['vision']!['statement']!);
  await expect(statement).toHaveText('');
  await page.screenshot({ path: 'docs/screenshots/publishing-hints.png' });

  await statement.click();
  await page.keyboard.type('Testrup er en digital kommune, der er let at komme i kontakt med.');
  await expect(statement).toHaveText('Testrup er en digital kommune, der er let at komme i kontakt med.');
  await expect(statement.locator('.is-empty')).toHaveCount(0);

  // A goal's hint is the textarea's placeholder.
  await page.goto(`${base}/edit/fa-digitale-losninger`);
  const goal = field(page, 'goal.text').first();
  await expect(goal).toHaveAttribute('placeholder', kk.hints['g-digitale-losninger-1']!['text']!);
  await expect(goal).toHaveValue('');
  await goal.fill('70 % af henvendelserne sker digitalt i 2029.');

  // The cover's subtitle.
  await page.goto(`${base}/edit/meta`);
  await expect(field(page, 'subtitle')).toHaveAttribute('placeholder', 'Skriv en kort undertitel eller et slogan');
  await expect(field(page, 'subtitle')).toHaveValue('');
  // The house style is chosen here: the bundled styles are offered, the template's kommune is chosen; pick neutral.
  const style = field(page, 'style');
  await expect(style).toBeEnabled();
  await expect(style).toHaveValue('kommune');
  expect(await style.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).sort())).toEqual(['kommune', 'neutral']);
  await style.selectOption('neutral');
  await page.screenshot({ path: 'docs/screenshots/publishing-cover-style.png' });

  // The document's JSON holds the typed text as content and the guidance only as hints.
  await expect
    .poll(async () => {
      const response = await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}/download?format=json`);
      const file = (await response.json()) as { vision: { statement: string }; perspectives: { focusAreas: { goals?: { text: string }[] }[] }[]; hints: Record<string, Record<string, string>> };
      return { statement: file.vision.statement, goal: file.perspectives[0]?.focusAreas[0]?.goals?.[0]?.text, hint: file.hints['vision']?.['statement'], style: (file as unknown as { meta: { style?: string } }).meta.style };
    })
    .toEqual({
      statement: 'Testrup er en digital kommune, der er let at komme i kontakt med.',
      goal: '70 % af henvendelserne sker digitalt i 2029.',
      hint: kk.hints['vision']!['statement']!,
      style: 'neutral',
    });
  // Nothing asks before exporting: no field holds guidance.
  await page.getByRole('button', { name: 'Eksportér' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Word/ }).click()]);
  await expect(page.getByTestId('publish-confirm')).toHaveCount(0);
  const text = execFileSync('unzip', ['-p', await download.path(), 'word/document.xml'], { encoding: 'utf8' });
  expect(text).toContain('Testrup er en digital kommune');
  expect(text).not.toContain('Hjælpetekst');
  expect(text).not.toContain('Skriv en målsætning');
  expect(consoleErrors).toEqual([]);
});

test('a document with the old guidance as content gets template-text findings, and the Word export asks first', async ({ page, server, consoleErrors }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  const id = await createDocument(server.url, { from: 'json', text: oldKk, fileName: 'gammel-kk.json' });
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/checks`);
  const findings = page.locator('.checks-item[data-code="template-text"]');
  await expect(findings).toHaveCount(45);
  await expect(findings.first()).toContainText('Skabelonens hjælpetekst');
  await expect(findings.first()).toContainText('Undertitlen på forsiden');

  await page.getByRole('button', { name: 'Eksportér' }).click();
  await page.getByRole('button', { name: /^Word/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Dokumentet indeholder stadig hjælpetekst' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('45 felter indeholder stadig skabelonens hjælpetekst');
  await expect(dialog.locator('li')).toHaveCount(5);
  await expect(dialog).toContainText('… og 40 felter mere');
  await page.screenshot({ path: 'docs/screenshots/publishing-export-confirm.png' });

  // Cancel: nothing is exported.
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Annullér' }).click();
  await expect(dialog).toHaveCount(0);

  // Fix one field in the editor: the finding goes; export anyway: the document is downloaded.
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/edit/meta`);
  await field(page, 'subtitle').fill('Digitalt og tæt på');
  await page.goto(`${server.url}/#/doc/${encodeURIComponent(id)}/checks`);
  await expect(findings).toHaveCount(44);
  await page.getByRole('button', { name: 'Eksportér' }).click();
  await page.getByRole('button', { name: /^Word/ }).click();
  await expect(dialog).toContainText('44 felter');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Eksportér alligevel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  expect(downloads).toBe(1);
  expect(consoleErrors).toEqual([]);
});
