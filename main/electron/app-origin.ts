// The origin the renderer is served from (app-protocol.ts) and the one every IPC sender and navigation is checked
// against. Its own module, free of Electron imports, so the security handlers can be tested without the runtime.
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://pejling';

export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}
