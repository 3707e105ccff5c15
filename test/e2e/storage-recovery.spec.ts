// A crash that tore the end of a document's log: on the next start the document opens with everything that was
// saved, the damaged tail is set aside, and the user is told what happened.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, stopServer, watchConsole } from './fixtures';

test('a torn log tail is repaired on open, and the user is told', async ({ page, request }) => {
  let server = await startServer();
  const created = await request.post(`${server.url}/api/documents`, { headers: { 'X-Pejling-Request': '1' }, data: { from: 'example', name: 'odder-2006' } });
  const { id, title } = (await created.json()) as { id: string; title: string };
  await stopServer(server, { keepData: true });

  // What a crash in the middle of a write leaves: a record header promising more bytes than follow.
  const log = join(server.dataDir, 'documents', id, 'updates.log');
  appendFileSync(log, Buffer.from([0xff, 0x00, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x01, 0x02]));

  server = await startServer({ dataDir: server.dataDir });
  try {
    const errors = watchConsole(page);
    await page.goto(`${server.url}/#/doc/${id}/edit`);
    await expect(page.getByText(/Pejling genoprettede dokumentet efter et nedbrud/)).toBeVisible();
    await expect(page.getByRole('treeitem', { name: /Fokusområder/ }).first()).toBeVisible();
    await expect(page.locator('header')).toContainText(title);
    // The damaged bytes are kept for support, next to the repaired log.
    expect(readdirSync(join(server.dataDir, 'documents', id)).some((f) => f.startsWith('updates.log.corrupt-'))).toBe(true);
    // The start screen says it too, on the document's line.
    await page.goto(`${server.url}/#/`);
    await expect(page.getByRole('note')).toContainText('genoprettede dokumentet');
    expect(errors).toEqual([]);
  } finally {
    await stopServer(server);
  }
});
