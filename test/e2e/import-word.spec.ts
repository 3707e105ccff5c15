// "Importér Word…" as a user meets it: pick a .docx on the start screen, look at the preview of its outline,
// change the role of one level (a flat document whose chapters are really focus areas) and of one heading,
// create the strategy, and find the structure in the navigator. A file that is not a Word document is refused
// with a message in Danish. Screenshots go to docs/screenshots/import-*.png.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { expect, test } from './fixtures';
import { field } from './fields';

const shots = join(import.meta.dirname, '../../docs/screenshots');

/** A flat strategy: every chapter a "heading 1", the focus areas among them, goals under a bold label. */
async function flatStrategy(): Promise<Buffer> {
  const chapter = (title: string, text: string, goals: string[] = []) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
    new Paragraph({ children: [new TextRun(text)] }),
    ...(goals.length > 0 ? [new Paragraph({ children: [new TextRun({ text: 'Målsætninger', bold: true })] })] : []),
    ...goals.map((goal) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(goal)] })),
  ];
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Digital strategi 2025–2028')] }),
          new Paragraph({ children: [new TextRun('Lyngdal Kommune')] }),
          ...chapter('Indledning', 'Strategien samler kommunens planer for digitalisering i de næste fire år.'),
          ...chapter('Nem adgang til kommunen', 'Borgerne skal kunne klare deres ærinder digitalt, når det passer dem.', ['Alle ansøgninger kan sendes digitalt.']),
          ...chapter('Sikker drift', 'Systemerne skal være stabile og beskyttet mod angreb.', ['Beredskabet øves hvert år.', 'Ingen kritiske nedbrud over fire timer.']),
          ...chapter('Data der deles', 'Kommunens data bruges på tværs af forvaltningerne, når loven tillader det.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pejling-e2e-import-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a Word document becomes a strategy after its roles are confirmed in the preview', async ({ page, server, consoleErrors }) => {
  const docx = join(dir, 'lyngdal.docx');
  writeFileSync(docx, await flatStrategy());
  const notWord = join(dir, 'noter.docx');
  writeFileSync(notWord, 'bare nogle noter\n');
  await page.goto(server.url);

  // Not a Word document: refused in Danish, nothing created.
  let chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-word').click();
  await (await chooser).setFiles(notWord);
  const problems = page.getByTestId('file-problems');
  await expect(problems).toContainText('noter.docx er ikke et Word-dokument (.docx)');
  await problems.getByRole('button', { name: 'Luk' }).click();
  // The browser logs the refusal's HTTP status (422); that one is expected, any other console error is not.
  await expect.poll(() => consoleErrors.some((line) => line.includes('422'))).toBe(true);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((line) => !line.includes('status of 422')));

  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-word').click();
  await (await chooser).setFiles(docx);
  const preview = page.getByTestId('word-import');
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Importér lyngdal.docx' })).toBeVisible();
  // A flat document: the importer takes every chapter for a free section.
  await expect(field(preview, 'role.level-1')).toHaveValue('section');
  const report = preview.getByTestId('word-import-report');
  await expect(report).toContainText('Fri sektion "Nem adgang til kommunen"');

  // The user says level 1 is the focus areas, and "Indledning" stays a section.
  await field(preview, 'role.level-1').selectOption('focusArea');
  await field(preview, 'role.heading-0').selectOption('section');
  await expect(field(preview, 'role.level-1')).toHaveValue('');
  await expect(report).toContainText('Indsatsområde "Sikker drift": 2 målsætninger');
  await expect(report).toContainText('Fri sektion "Indledning"');
  mkdirSync(shots, { recursive: true });
  await preview.screenshot({ path: join(shots, 'import-preview.png') });

  await preview.getByTestId('word-import-create').click();
  const tree = page.getByRole('tree');
  await expect(tree).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'Indsatsområder', exact: true })).toBeVisible();
  for (const title of ['Nem adgang til kommunen', 'Sikker drift', 'Data der deles']) {
    await expect(tree.locator('[data-kind="focusArea"]').filter({ hasText: title })).toHaveCount(1);
  }
  await expect(tree.locator('[data-kind="perspective"]')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Titel', exact: true })).toHaveValue('Digital strategi 2025–2028');
  await page.screenshot({ path: join(shots, 'import-created.png') });
  expect(consoleErrors).toEqual([]);
});
