// Electron main process of Pejling: one instance, one secure window, the menu and dialogs in the UI language (which
// the renderer tells the host through setUiLanguage), and the host services (durable local storage, sync rooms,
// export) behind the preload bridge.
import { app, BrowserWindow, Menu, session, dialog, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { createHost, type Host } from '../host/host';
import { registerAppScheme, serveRenderer, APP_ORIGIN } from './app-protocol';
import { registerIpcHandlers, type IpcHandlers } from './ipc-handlers';
import { installApplicationMenu } from './menu';
import { addRecentDocument, clearRecentDocuments, readRecentDocuments } from './recent-documents';
import { externalOpener, installSecurity } from './security';
import { mainWindowOptions } from './window-options';
import type { MenuCommand } from '../../shared/bridge';
import { errorText } from '../../shared/host/errors';
import { t, type Lang } from '../../shared/i18n/messages';
import { toHostError } from '../host/host-api';

// dist/electron/main.cjs → dist/renderer and dist/electron/preload.cjs
const distDir = join(__dirname, '..');
let mainWindow: BrowserWindow | null = null;
let host: Host | null = null;
let ipc: IpcHandlers | null = null;
let menu: { refresh(): void } | null = null;

/** The UI language the renderer last told the host (Danish, the default setting, until then). */
function uiLanguage(): Lang {
  return host?.api.uiLanguage() ?? 'da';
}
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
    dialog.showErrorBox(t(uiLanguage(), 'dialog.startFailed'), String(error));
    app.quit();
  });
}

function sendMenuCommand(command: MenuCommand): void {
  ipc?.push('menuCommand', command);
}

function refreshMenu(): void {
  menu?.refresh();
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
    const refused = toHostError(error, uiLanguage());
    dialog.showErrorBox(t(uiLanguage(), 'start.fileRefused'), errorText(uiLanguage(), refused.code, refused.params) ?? refused.message);
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
    printFile: (path) => shell.openPath(path),
  });
  menu = installApplicationMenu({
    host: host.api,
    actions: {
      send: sendMenuCommand,
      openRecent: (path) => void openPath(path),
      clearRecent: () => {
        clearRecentDocuments();
        refreshMenu();
      },
      openDocumentation: () => openExternalSafely('https://github.com/pejling/pejling#readme'),
    },
    recent: readRecentDocuments,
    env: { platform: process.platform, isPackaged: app.isPackaged, version: app.getVersion() },
    apply: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  });

  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // The renderer refuses to unload while edits are not yet on the sync server (beforeunload); in Electron that
  // would silently keep the window open, so ask the user instead.
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    const lang = uiLanguage();
    const choice = dialog.showMessageBoxSync(mainWindow!, {
      type: 'warning',
      buttons: [t(lang, 'dialog.unsynced.closeAnyway'), t(lang, 'dialog.unsynced.stay')],
      defaultId: 1,
      cancelId: 1,
      title: t(lang, 'dialog.unsynced.title'),
      message: t(lang, 'dialog.unsynced.message'),
      detail: t(lang, 'dialog.unsynced.detail'),
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
