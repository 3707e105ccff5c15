// The BrowserWindow options of the Pejling window. Kept in a module of their own so the test suite can assert the
// security settings from the very object the app uses (test/unit/foundation/electron-security.test.ts).
import type { BrowserWindowConstructorOptions } from 'electron';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: true,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    title: 'Pejling',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  };
}
