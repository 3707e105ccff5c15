// The Danish application menu (Filer, Rediger, Vis, Hjælp). Commands that concern the document are sent to the
// renderer, which owns the UI state; undo/redo keys are left to the editors (registerAccelerator: false) so that
// ProseMirror's undo, which undoes only this user's changes, handles them.
import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../shared/bridge';

export interface MenuActions {
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  openDocumentation(): void;
}

export function buildApplicationMenu(actions: MenuActions, recent: string[]): Menu {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(cmd),
  });
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((path) => ({ label: basename(path), toolTip: path, click: () => actions.openRecent(path) })),
        { type: 'separator' as const },
        { label: 'Ryd listen', click: () => actions.clearRecent() },
      ]
    : [{ label: 'Ingen seneste dokumenter', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Filer',
      submenu: [
        command('Ny strategi…', 'new-document', 'CmdOrCtrl+N'),
        command('Åbn fil…', 'open-file', 'CmdOrCtrl+O'),
        { label: 'Seneste dokumenter', submenu: recentItems },
        command('Importér JSON…', 'import-json', 'CmdOrCtrl+Shift+I'),
        command('Importér Word…', 'import-word'),
        { type: 'separator' },
        command('Gem som…', 'save-as', 'CmdOrCtrl+Shift+S'),
        command('Eksportér til Word…', 'export-docx', 'CmdOrCtrl+E'),
        command('Eksportér JSON…', 'export-json'),
        { type: 'separator' },
        command('Del / Samarbejd…', 'show-share'),
        command('Indstillinger…', 'show-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { label: 'Afslut', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: 'Rediger',
      submenu: [
        { label: 'Fortryd', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.send('undo') },
        { label: 'Annullér fortryd', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => actions.send('redo') },
        { type: 'separator' },
        { label: 'Klip', role: 'cut' },
        { label: 'Kopiér', role: 'copy' },
        { label: 'Sæt ind', role: 'paste' },
        { label: 'Markér alt', role: 'selectAll' },
      ],
    },
    {
      label: 'Vis',
      submenu: [
        command('Startside', 'show-start', 'CmdOrCtrl+Shift+H'),
        command('Disposition', 'show-outline', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        { label: 'Zoom ind', role: 'zoomIn' },
        { label: 'Zoom ud', role: 'zoomOut' },
        { label: 'Faktisk størrelse', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Fuld skærm', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: 'Udviklerværktøjer', role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Hjælp',
      submenu: [
        { label: 'Dokumentation', click: () => actions.openDocumentation() },
        { label: `Om Pejling ${app.getVersion()}`, role: 'about' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
