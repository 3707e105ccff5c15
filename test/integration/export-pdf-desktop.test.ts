// "Udskriv" on the desktop, through the real IPC handlers (fake ipcMain and webContents, a real host and real
// LibreOffice): exportDocx with print asks for no save dialog, writes the tagged PDF to a temporary folder and
// hands that file to the OS's PDF viewer (printFile, shell.openPath in the app); poppler reads the file handed over.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerIpcHandlers, type IpcHandlers } from '../../main/electron/ipc-handlers';
import { applicationMenuTemplate } from '../../main/electron/menu';
import { createHost, type Host } from '../../main/host/host';
import type { DocumentSummary } from '../../shared/bridge';
import { FakeIpcMain, FakeWebContents } from '../unit/foundation/electron-fakes';
import { run } from './export-helpers';

let dataDir: string;
let host: Host;
let handlers: IpcHandlers;
const ipcMain = new FakeIpcMain();
const window = new FakeWebContents();
const saveDialogs: unknown[] = [];
const handedToViewer: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pejling-print-desktop-'));
  host = await createHost({ dataDir, kind: 'electron' });
  handlers = registerIpcHandlers({
    ipcMain,
    host: host.api,
    connector: host.connector,
    dialogs: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async (_sender, options) => {
        saveDialogs.push(options);
        return { canceled: true };
      },
    },
    page: { openExternal: () => undefined },
    targets: () => [window as unknown as WebContents],
    onFileOpened: () => undefined,
    printFile: async (path) => {
      handedToViewer.push(path);
      return '';
    },
  });
});

afterAll(async () => {
  handlers?.dispose();
  await host?.close();
  for (const file of handedToViewer) await rm(join(file, '..'), { recursive: true, force: true });
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('prints the tagged PDF through the OS viewer, without a save dialog', async () => {
  const created = await ipcMain.invoke(window, 'createDocument', [{ from: 'example', name: 'odder-2006' }]);
  const doc = (created as { value: DocumentSummary }).value;
  const result = await ipcMain.invoke(window, 'exportDocx', [doc.id, { part: 'strategy', format: 'pdf', print: true }]);
  expect(result).toMatchObject({ ok: true, value: { saved: true } });
  expect(saveDialogs).toEqual([]);
  expect(handedToViewer).toHaveLength(1);
  const [file] = handedToViewer;
  expect(file).toMatch(/pejling-print-.*IT-strategi\.pdf$/);
  expect((await stat(file!)).size).toBeGreaterThan(10_000);
  const info = await run('pdfinfo', [file!]);
  expect(info.stdout).toMatch(/^Tagged:\s+yes$/m);
  expect(info.stdout).toMatch(/^Title:\s+IT-strategi$/m);

  // Without print the same request is the save dialog, as before.
  await ipcMain.invoke(window, 'exportDocx', [doc.id, { part: 'strategy', format: 'pdf' }]);
  expect(saveDialogs).toHaveLength(1);
  expect(handedToViewer).toHaveLength(1);
}, 240_000);

it('the desktop menu has "Eksportér PDF…" and "Udskriv…" (Ctrl+P), sending their commands to the document screen', () => {
  const sent: string[] = [];
  const actions = { send: (command: string) => sent.push(command), openRecent: () => undefined, clearRecent: () => undefined, openDocumentation: () => undefined };
  const items = applicationMenuTemplate(actions, [], 'da', { platform: 'linux', isPackaged: false, version: '0.0.0' }).flatMap((menu) =>
    Array.isArray(menu.submenu) ? menu.submenu : [],
  );
  const print = items.find((item) => item.label === 'Udskriv…');
  const pdf = items.find((item) => item.label === 'Eksportér PDF…');
  expect(print?.accelerator).toBe('CmdOrCtrl+P');
  (print?.click as (() => void) | undefined)?.();
  (pdf?.click as (() => void) | undefined)?.();
  expect(sent).toEqual(['print', 'export-pdf']);
});
