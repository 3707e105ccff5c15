// Electron main process of Pejling: one instance, one secure window, the Danish menu, and the host services
// (durable local storage, sync rooms, export) behind the preload bridge.
import { app, BrowserWindow, Menu, session, dialog, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { createHost, type Host } from '../host/host';
import { registerAppScheme, serveRenderer, APP_ORIGIN } from './app-protocol';
import { registerIpcHandlers, type IpcHandlers } from './ipc-handlers';
import { buildApplicationMenu } from './menu';
import { addRecentDocument, clearRecentDocuments, readRecentDocuments } from './recent-documents';
import { externalOpener, installSecurity } from './security';
import { mainWindowOptions } from './window-options';
import type { MenuCommand } from '../../shared/bridge';

// dist/electron/main.cjs → dist/renderer and dist/electron/preload.cjs
const distDir = join(__dirname, '..');
let mainWindow: BrowserWindow | null = null;
let host: Host | null = null;
let ipc: IpcHandlers | null = null;
const openExternalSafely = externalOpener(shell);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', (_event, argv) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const file = argv.find((arg) => /\.(pejling|json)$/i.test(arg));
    if (file) void openPath(file);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    void host?.close();
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Pejling kunne ikke starte', String(error));
    app.quit();
  });
}

function sendMenuCommand(command: MenuCommand): void {
  ipc?.push('menuCommand', command);
}

function refreshMenu(): void {
  Menu.setApplicationMenu(
    buildApplicationMenu(
      {
        send: sendMenuCommand,
        openRecent: (path) => void openPath(path),
        clearRecent: () => {
          clearRecentDocuments();
          refreshMenu();
        },
        openDocumentation: () => openExternalSafely('https://github.com/pejling/pejling#readme'),
      },
      readRecentDocuments(),
    ),
  );
}

function rememberFile(path: string): void {
  addRecentDocument(path);
  refreshMenu();
}

async function openPath(path: string): Promise<void> {
  if (!host) return;
  try {
    const { readFile } = await import('node:fs/promises');
    const { basename } = await import('node:path');
    const summary = await host.api.openFile({ fileName: basename(path), bytes: new Uint8Array(await readFile(path)) });
    rememberFile(path);
    ipc?.push('openDocument', summary.id);
  } catch (error) {
    dialog.showErrorBox('Filen kunne ikke åbnes', error instanceof Error ? error.message : String(error));
  }
}

async function start(): Promise<void> {
  installSecurity(app, session.defaultSession, openExternalSafely);
  host = await createHost({ dataDir: process.env.PEJLING_DATA_DIR ?? join(app.getPath('userData'), 'documents'), kind: 'electron' });
  serveRenderer(join(distDir, 'renderer'));
  ipc = registerIpcHandlers({
    ipcMain,
    host: host.api,
    connector: host.connector,
    dialogs: {
      showOpenDialog: (sender, options) => {
        const window = BrowserWindow.fromWebContents(sender);
        return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
      },
      showSaveDialog: (sender, options) => {
        const window = BrowserWindow.fromWebContents(sender);
        return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
      },
    },
    page: { openExternal: openExternalSafely },
    targets: () => (mainWindow ? [mainWindow.webContents] : []),
    onFileOpened: rememberFile,
  });
  refreshMenu();

  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // The renderer refuses to unload while edits are not yet on the sync server (beforeunload); in Electron that
  // would silently keep the window open, so ask the user instead.
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(mainWindow!, {
      type: 'warning',
      buttons: ['Luk alligevel', 'Bliv'],
      defaultId: 1,
      cancelId: 1,
      title: 'Ændringer er ikke synkroniseret',
      message: 'Nogle ændringer er endnu ikke nået frem til synkroniseringsserveren.',
      detail: 'De er gemt på denne computer og sendes, næste gang du åbner dokumentet med forbindelse til serveren.',
    });
    if (choice === 0) event.preventDefault();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  const file = process.argv.find((arg) => /\.(pejling|json)$/i.test(arg));
  if (file) await openPath(file);
}
