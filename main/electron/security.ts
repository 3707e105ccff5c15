// Electron hardening: no navigation or new windows outside the app, external web links to the system browser,
// every permission request denied, no <webview>. Takes Electron's objects as parameters (types only), so
// test/unit/foundation/electron-main.test.ts drives these handlers with fakes of app, session and webContents.
import type { App, Session, Shell, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Opens only web and mail links in the system browser; file:, javascript:, custom schemes and garbage are dropped. */
export function externalOpener(shell: Pick<Shell, 'openExternal'>): (url: string) => void {
  return (url) => {
    if (isExternalWebLink(url)) void shell.openExternal(url).catch(() => undefined);
  };
}

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;
type WebContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function hardenWebContents(contents: WebContentsLike, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      openExternal(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

/** The app-wide wiring main.ts runs before any window exists: every web contents hardened, the session locked. */
export function installSecurity(app: Pick<App, 'on'>, session: SessionLike, openExternal: (url: string) => void): void {
  hardenSession(session);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
}
