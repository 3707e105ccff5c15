// The application menu (Filer/File, Rediger/Edit, Vis/View, Hjælp/Help) in the UI language, from the catalog.
// Commands that concern the document are sent to the renderer, which owns the UI state; undo/redo keys are left to
// the editors (registerAccelerator: false) so that ProseMirror's undo, which undoes only this user's changes, handles
// them. Only Electron's types are imported here: main.ts hands the template to Menu.buildFromTemplate, and
// test/unit/foundation/electron-main.test.ts reads it as it is.
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../shared/bridge';
import { t, type Lang, type MessageKey } from '../../shared/i18n/messages';

export interface MenuActions {
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  openDocumentation(): void;
}

/** What the menu depends on besides the language: the platform, whether this is a packaged build, the version. */
export interface MenuEnvironment {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  version: string;
}

export function applicationMenuTemplate(actions: MenuActions, recent: readonly string[], lang: Lang, env: MenuEnvironment): MenuItemConstructorOptions[] {
  const label = (key: MessageKey, params?: Record<string, string>): string => t(lang, key, params);
  const command = (key: MessageKey, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: label(key),
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(cmd),
  });
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((path) => ({ label: basename(path), toolTip: path, click: () => actions.openRecent(path) })),
        { type: 'separator' as const },
        { label: label('menu.clearRecent'), click: () => actions.clearRecent() },
      ]
    : [{ label: label('menu.noRecent'), enabled: false }];

  return [
    ...(env.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: label('menu.file'),
      submenu: [
        command('menu.newDocument', 'new-document', 'CmdOrCtrl+N'),
        command('start.openFile', 'open-file', 'CmdOrCtrl+O'),
        { label: label('menu.recent'), submenu: recentItems },
        command('start.importJson', 'import-json', 'CmdOrCtrl+Shift+I'),
        command('wordImport.start', 'import-word'),
        { type: 'separator' },
        command('menu.saveAs', 'save-as', 'CmdOrCtrl+Shift+S'),
        command('menu.exportDocx', 'export-docx', 'CmdOrCtrl+E'),
        command('pdf.menu.exportFile', 'export-pdf'),
        command('pdf.menu.print', 'print', 'CmdOrCtrl+P'),
        command('menu.exportJson', 'export-json'),
        { type: 'separator' },
        command('menu.share', 'show-share'),
        command('menu.settings', 'show-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { label: label('menu.quit'), role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: label('menu.edit'),
      submenu: [
        { label: label('menu.undo'), accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.send('undo') },
        { label: label('menu.redo'), accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => actions.send('redo') },
        { label: label('suggestions.menuToggle'), accelerator: 'CmdOrCtrl+Shift+E', registerAccelerator: false, click: () => actions.send('toggle-suggestions') }, // the window handles the key itself
        { type: 'separator' },
        { label: label('menu.cut'), role: 'cut' },
        { label: label('menu.copy'), role: 'copy' },
        { label: label('menu.paste'), role: 'paste' },
        { label: label('menu.selectAll'), role: 'selectAll' },
        { type: 'separator' },
        { label: label('find.menu.find'), accelerator: 'CmdOrCtrl+F', registerAccelerator: false, click: () => actions.send('find') },
        { label: label('find.menu.replace'), accelerator: 'CmdOrCtrl+H', registerAccelerator: false, click: () => actions.send('replace') },
      ],
    },
    {
      label: label('menu.view'),
      submenu: [
        command('menu.startScreen', 'show-start', 'CmdOrCtrl+Shift+H'),
        command('menu.outline', 'show-outline', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        { label: label('menu.zoomIn'), role: 'zoomIn' },
        { label: label('menu.zoomOut'), role: 'zoomOut' },
        { label: label('menu.actualSize'), role: 'resetZoom' },
        { type: 'separator' },
        { label: label('menu.fullScreen'), role: 'togglefullscreen' },
        ...(env.isPackaged ? [] : [{ label: label('menu.devTools'), role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: label('menu.help'),
      submenu: [
        { label: label('menu.documentation'), click: () => actions.openDocumentation() },
        { label: label('menu.about', { version: env.version }), role: 'about' },
      ],
    },
  ];
}

/**
 * Keeps the application menu in the UI language: builds it now, and again whenever the host's UI language changes
 * (the renderer calls setUiLanguage at start and when the setting changes) or the recent list does (`refresh`).
 */
export function installApplicationMenu(options: {
  host: { uiLanguage(): Lang; onUiLanguage(listener: (lang: Lang) => void): () => void };
  actions: MenuActions;
  recent(): readonly string[];
  env: MenuEnvironment;
  /** Menu.setApplicationMenu(Menu.buildFromTemplate(template)) in the app; a recorder in tests. */
  apply(template: MenuItemConstructorOptions[]): void;
}): { refresh(): void; dispose(): void } {
  const refresh = () => options.apply(applicationMenuTemplate(options.actions, options.recent(), options.host.uiLanguage(), options.env));
  const off = options.host.onUiLanguage(refresh);
  refresh();
  return { refresh, dispose: off };
}
