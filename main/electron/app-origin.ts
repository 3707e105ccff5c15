// The origin the renderer is served from (app-protocol.ts) and the one every IPC sender and navigation is checked
// against. Its own module, free of Electron imports, so the security handlers can be tested without the runtime.
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://pejling';

/**
 * Whether a URL is one of the app's own pages. Compared by scheme and host, not `URL.origin`: outside Electron (where
 * app: is not registered as a standard scheme) the origin of any app: URL is "null".
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'pejling' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}
