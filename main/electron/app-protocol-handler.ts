// The app:// handler behind app-protocol.ts, free of Electron imports so it runs (and is tested) without the runtime.
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../security/content-security-policy';

/**
 * The app:// handler: files under `rendererDir` only, index.html for client-side routes, the CSP and nosniff on
 * every answer. `fetchFile` is Electron's net.fetch in the app (a test passes one that reads the file).
 */
export function createAppProtocolHandler(rendererDir: string, fetchFile: (fileUrl: string) => Promise<Response>): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir + sep);
  const csp = contentSecurityPolicy({ allowWebSocket: false });
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'pejling') return withHeaders(new Response('Not found', { status: 404 }), csp);
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      return withHeaders(new Response('Bad request', { status: 400 }), csp);
    }
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return withHeaders(new Response('Forbidden', { status: 403 }), csp);
    const response = await fetchFile(pathToFileURL(file).toString()).catch(() => null);
    if (!response || !response.ok) {
      // Single-page app: unknown paths get index.html.
      const index = await fetchFile(pathToFileURL(join(root, 'index.html')).toString());
      return withHeaders(index, csp);
    }
    return withHeaders(response, csp);
  };
}

function withHeaders(response: Response, csp: string): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', csp);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}
