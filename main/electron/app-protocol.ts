// Serves the built renderer from dist/renderer under app://pejling/ with the app's Content-Security-Policy.
// A custom standard, secure scheme gives the renderer a real origin (unlike file://) that navigation checks can pin.
import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../security/content-security-policy';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://pejling';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir + sep);
  const csp = contentSecurityPolicy({ allowWebSocket: false });
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'pejling') return new Response('Not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (!response || !response.ok) {
      // Single-page app: unknown paths get index.html.
      const index = await net.fetch(pathToFileURL(join(root, 'index.html')).toString());
      return withHeaders(index, csp);
    }
    return withHeaders(response, csp);
  });
}

function withHeaders(response: Response, csp: string): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', csp);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}
