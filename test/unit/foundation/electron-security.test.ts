// Asserts the Electron window's security settings from the very objects the app uses, and the CSP it serves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../main/security/content-security-policy';
import { mainWindowOptions, SECURE_WEB_PREFERENCES } from '../../../main/electron/window-options';

describe('Electron window security', () => {
  it('isolates the renderer: contextIsolation, sandbox, no nodeIntegration, web security on', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences ?? {};
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('serves a strict Content-Security-Policy: scripts only from the app, no objects, no framing', () => {
    const csp = contentSecurityPolicy({ allowWebSocket: false });
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('ws:');
  });

  it('refuses navigation, new windows and permissions in the main process', () => {
    // The handlers are Electron API calls that need the runtime; the wiring is checked in the source the app runs
    // (the Electron end-to-end test exercises it where the runtime exists).
    const security = readFileSync('main/electron/security.ts', 'utf8');
    expect(security).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(security).toMatch(/will-navigate[\s\S]*preventDefault/);
    expect(security).toMatch(/setWindowOpenHandler[\s\S]*action: 'deny'/);
    const main = readFileSync('main/electron/main.ts', 'utf8');
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
    expect(main).toMatch(/hardenSession\(session\.defaultSession\)/);
    expect(main).toMatch(/web-contents-created[\s\S]*hardenWebContents/);
  });
});
