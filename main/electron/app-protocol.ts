// Serves the built renderer from dist/renderer under app://pejling/ with the app's Content-Security-Policy.
// A custom standard, secure scheme gives the renderer a real origin (unlike file://) that navigation checks can pin.
import { net, protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol-handler';

export { APP_ORIGIN } from './app-origin';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, (fileUrl) => net.fetch(fileUrl)));
}
