// The Electron main process by behaviour, without the Electron runtime: the IPC handlers (derived from the host
// contract) driven through a fake ipcMain and fake webContents against a real host on a temporary data directory,
// the window options, the app:// protocol handler's CSP, and the navigation, new-window and permission handlers
// driven through fakes of app, session and webContents.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { FakeIpcMain, FakeWebContents } from './electron-fakes';
import { HOST_METHODS, METHOD_NAMES } from '../../../shared/host/contract';
import type { DocumentSummary } from '../../../shared/bridge';
import { createHost, type Host } from '../../../main/host/host';
import type { HostApi } from '../../../main/host/host-api';
import { registerIpcHandlers, type DialogsLike, type IpcHandlers } from '../../../main/electron/ipc-handlers';
import { DOC_CHANNEL, eventChannel, methodChannel } from '../../../main/electron/ipc-channels';
import { createAppProtocolHandler } from '../../../main/electron/app-protocol-handler';
import { externalOpener, installSecurity } from '../../../main/electron/security';
import { mainWindowOptions } from '../../../main/electron/window-options';
import { installApplicationMenu, type MenuActions } from '../../../main/electron/menu';
import { t } from '../../../shared/i18n/messages';
import { da } from '../../../shared/i18n/catalog/da';
import { en } from '../../../shared/i18n/catalog/en';

let dataDir: string;
let host: Host;
let ipcMain: FakeIpcMain;
let window: FakeWebContents;
let handlers: IpcHandlers;
const dialogs = { open: [] as string[], save: null as string | null, saveOptions: [] as unknown[], openOptions: [] as unknown[] };
const opened: string[] = [];
const external: string[] = [];

function register(api: HostApi = host.api) {
  ipcMain = new FakeIpcMain();
  window = new FakeWebContents();
  const fakeDialogs: DialogsLike = {
    showOpenDialog: async (_sender, options) => {
      dialogs.openOptions.push(options);
      return { canceled: dialogs.open.length === 0, filePaths: dialogs.open };
    },
    showSaveDialog: async (_sender, options) => {
      dialogs.saveOptions.push(options);
      return dialogs.save ? { canceled: false, filePath: dialogs.save } : { canceled: true };
    },
  };
  handlers = registerIpcHandlers({
    ipcMain,
    host: api,
    connector: host.connector,
    dialogs: fakeDialogs,
    page: { openExternal: (url) => external.push(url) },
    targets: () => [window as unknown as WebContents],
    onFileOpened: (path) => opened.push(path),
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pejling-electron-main-'));
  host = await createHost({ dataDir, kind: 'electron' });
  dialogs.open = [];
  dialogs.save = null;
  dialogs.saveOptions = [];
  dialogs.openOptions = [];
  opened.length = 0;
  external.length = 0;
  register();
});

afterEach(async () => {
  handlers.dispose();
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function created(): Promise<DocumentSummary> {
  const result = await ipcMain.invoke(window, 'createDocument', [{ from: 'template', name: 'blank', title: 'Strategi: 2027/2030' }]);
  expect(result.ok).toBe(true);
  return (result as { value: DocumentSummary }).value;
}

describe('IPC handlers (derived from the host contract)', () => {
  it('register exactly one handler per contract method', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(methodChannel).sort());
  });

  it('refuse a sender that is not the app page, before the host is asked', async () => {
    const result = await ipcMain.invoke(window, 'createDocument', [{ from: 'template', name: 'blank' }], 'https://evil.example/');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-sender' } });
    expect(await host.api.listDocuments()).toEqual([]);
  });

  it('validate arguments: a null request, an unknown kind, a bad id and extra arguments are refused with code and place', async () => {
    expect(await ipcMain.invoke(window, 'createDocument', [null])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', params: { method: 'createDocument', argument: 'request' } },
    });
    expect(await ipcMain.invoke(window, 'createDocument', [{ from: 'nowhere' }])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await ipcMain.invoke(window, 'deleteDocument', ['../../etc'])).toMatchObject({ ok: false, error: { code: 'invalid-argument', params: { argument: 'id' } } });
    expect(await ipcMain.invoke(window, 'listDocuments', ['surplus'])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const doc = await created();
    expect(await ipcMain.invoke(window, 'exportDocx', [doc.id, {}])).toMatchObject({ ok: false, error: { params: { argument: 'options', path: '/part' } } });
    expect(await ipcMain.invoke(window, 'setRemote', [doc.id, { url: 'file:///etc/passwd', token: '' }])).toMatchObject({ ok: false, error: { params: { path: '/url' } } });
    expect((await host.api.listDocuments()).map((d) => d.id)).toEqual([doc.id]);
  });

  it('answer host errors as code + params + message: an unknown document, an unknown plan', async () => {
    expect(await ipcMain.invoke(window, 'getDocument', ['findes-ikke'])).toMatchObject({
      ok: false,
      error: { code: 'document-not-found', params: { id: 'findes-ikke' }, message: t('da', 'host.error.document-not-found') },
    });
  });

  it('validate the host result too: a host answering the wrong shape is an internal error, not passed on', async () => {
    const broken = { ...host.api, listDocuments: async () => [{ id: 42 }] } as unknown as HostApi;
    handlers.dispose();
    register(broken);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await ipcMain.invoke(window, 'listDocuments', [])).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('save as: asks where with the cleaned title as the suggestion, then writes the file there (or nothing when cancelled)', async () => {
    const doc = await created();
    expect(await ipcMain.invoke(window, 'saveDocumentAs', [doc.id, 'json'])).toEqual({ ok: true, value: { saved: false } });
    expect(dialogs.saveOptions[0]).toMatchObject({ defaultPath: 'Strategi 2027 2030.json', filters: [{ extensions: ['json'] }] });
    dialogs.save = join(dataDir, 'gemt.json');
    expect(await ipcMain.invoke(window, 'saveDocumentAs', [doc.id, 'json'])).toEqual({ ok: true, value: { saved: true, target: dialogs.save } });
    const saved = JSON.parse(await readFile(dialogs.save, 'utf8')) as { meta: { title: string } };
    expect(saved.meta.title).toBe('Strategi: 2027/2030');
    expect(opened).toEqual([dialogs.save]);
  });

  it('open file: imports the picked file as a new document, remembers it, and answers null when cancelled', async () => {
    expect(await ipcMain.invoke(window, 'openFile', [])).toEqual({ ok: true, value: null });
    const doc = await created();
    dialogs.save = join(dataDir, 'kopi.pejling');
    await ipcMain.invoke(window, 'saveDocumentAs', [doc.id, 'pejling']);
    dialogs.open = [dialogs.save];
    const result = await ipcMain.invoke(window, 'openFile', []);
    expect(result).toMatchObject({ ok: true, value: { title: 'Strategi: 2027/2030' } });
    expect((result as { value: DocumentSummary }).value.id).not.toBe(doc.id);
    expect(opened.at(-1)).toBe(dialogs.save);
  });

  it('open external goes to the desktop opener, not the host', async () => {
    expect(await ipcMain.invoke(window, 'openExternal', ['https://pejling.dk/'])).toEqual({ ok: true, value: null });
    expect(external).toEqual(['https://pejling.dk/']);
  });

  it('push documentChanged to the window when the host changes a document, and refuse events that break the contract', async () => {
    const doc = await created();
    await ipcMain.invoke(window, 'deleteDocument', [doc.id]);
    expect(window.sentOn(eventChannel('documentChanged'))).toContainEqual([{ id: doc.id, summary: null }]);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    handlers.push('menuCommand', 'format-disk' as never);
    expect(window.sentOn(eventChannel('menuCommand'))).toEqual([]);
    spy.mockRestore();
    handlers.push('menuCommand', 'save-as');
    expect(window.sentOn(eventChannel('menuCommand'))).toEqual([['save-as']]);
  });

  it('document channels: open for the app page, ignore other senders and other windows', async () => {
    const doc = await created();
    ipcMain.send(window, DOC_CHANNEL.connect, ['c1', doc.id]);
    expect(window.sentOn(DOC_CHANNEL.status)).toEqual([['c1', 'open']]);
    const other = new FakeWebContents();
    ipcMain.send(other, DOC_CHANNEL.connect, ['c2', doc.id], 'https://evil.example/');
    expect(other.sent).toEqual([]);
    // Another window may not close or write into this window's channel.
    ipcMain.send(other, DOC_CHANNEL.close, ['c1']);
    ipcMain.send(window, DOC_CHANNEL.close, ['c1']);
    expect(window.sentOn(DOC_CHANNEL.status)).toEqual([['c1', 'open']]);
  });
});

describe('the UI language reaches the host: menu, dialogs and the host\'s own words follow it', () => {
  type Item = { label?: string; submenu?: Item[]; click?: () => void; enabled?: boolean };
  const labels = (items: Item[]): string[] => items.flatMap((item) => [...(item.label ? [item.label] : []), ...labels(item.submenu ?? [])]);
  /** Danish catalog texts that the English catalog does not share (so "JSON" or "Pejling" are not taken for Danish). */
  const danishOnly = new Set(Object.entries(da).filter(([key, value]) => en[key as keyof typeof en] !== value).map(([, value]) => value));
  const BROKEN = JSON.stringify({ format: 'pejling-strategy', formatVersion: 1, meta: { title: 'Broken', organisation: 'Harbour', period: { from: 2026, to: 2029 } }, actionPlans: [{ id: 'ap', title: 'Plan', kind: 'yearly', period: { from: 2026, to: 2027 }, initiatives: [] }] });

  it('rebuilds the menu in English after the renderer calls setUiLanguage, and its items still send their commands', async () => {
    const built: Item[][] = [];
    const sent: string[] = [];
    const actions: MenuActions = { send: (command) => sent.push(command), openRecent: () => undefined, clearRecent: () => undefined, openDocumentation: () => undefined };
    const menu = installApplicationMenu({ host: host.api, actions, recent: () => [], env: { platform: 'linux', isPackaged: false, version: '9.9.9' }, apply: (template) => built.push(template as Item[]) });
    try {
      expect(built.at(-1)!.map((item) => item.label)).toEqual(['Filer', 'Rediger', 'Vis', 'Hjælp']);
      expect(await ipcMain.invoke(window, 'setUiLanguage', ['en'])).toEqual({ ok: true, value: null });
      const english = built.at(-1)!;
      expect(english.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
      expect(labels(english)).toEqual(expect.arrayContaining(['Open file…', 'Import JSON…', 'Export to Word…', 'No recent documents', 'About Pejling 9.9.9']));
      expect(labels(english).filter((label) => danishOnly.has(label))).toEqual([]);
      english[0]!.submenu!.find((item) => item.label === 'Save as…')!.click!();
      expect(sent).toEqual(['save-as']);
      // Back to Danish: rebuilt again; a language that is not one of Pejling's is refused at the boundary.
      await ipcMain.invoke(window, 'setUiLanguage', ['da']);
      expect(built.at(-1)!.map((item) => item.label)).toEqual(['Filer', 'Rediger', 'Vis', 'Hjælp']);
      expect(await ipcMain.invoke(window, 'setUiLanguage', ['de'])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(host.api.uiLanguage()).toBe('da');
    } finally {
      menu.dispose();
    }
  });

  it('words the open and save dialogs and a refused file in the UI language', async () => {
    const broken = join(dataDir, 'broken.json');
    await writeFile(broken, BROKEN);
    dialogs.open = [broken];
    const danish = await ipcMain.invoke(window, 'openFile', []);
    expect(danish).toMatchObject({ ok: false, error: { code: 'invalid-file', params: { problems: expect.stringContaining('skal være en af') } } });

    await ipcMain.invoke(window, 'setUiLanguage', ['en']);
    const english = await ipcMain.invoke(window, 'openFile', []);
    expect(english).toMatchObject({ ok: false, error: { code: 'invalid-file', message: expect.stringContaining('broken.json cannot be opened'), params: { problems: expect.stringContaining('/actionPlans/0/kind: must be one of') } } });
    const { problems } = (english as unknown as { error: { params: { problems: string } } }).error.params;
    expect([...danishOnly].filter((text) => text.length > 3 && problems.includes(text))).toEqual([]);
    expect(dialogs.openOptions.at(-1)).toMatchObject({ filters: [{ name: 'Pejling documents and JSON' }, { name: 'All files' }] });

    const doc = await created();
    await ipcMain.invoke(window, 'exportDocx', [doc.id, { part: 'strategy' }]);
    expect(dialogs.saveOptions.at(-1)).toMatchObject({ filters: [{ name: 'Word document', extensions: ['docx'] }] });
    dialogs.save = join(dataDir, 'plan.docx');
    expect(await ipcMain.invoke(window, 'exportDocx', [doc.id, { part: 'plan:gone' }])).toMatchObject({
      ok: false,
      error: { code: 'plan-not-found', message: 'The action plan “gone” does not exist in the document.' },
    });
  });

  it('names an exported file in the document\'s language, whatever the UI language', async () => {
    const english = JSON.parse(BROKEN) as Record<string, unknown> & { actionPlans: Array<{ kind: string }>; meta: Record<string, unknown> };
    english.actionPlans[0]!.kind = 'common';
    english.meta.language = 'en';
    Object.assign(english, { vision: { statement: 'Better services.' }, perspectives: [] });
    const doc = await host.api.createDocument({ from: 'json', text: JSON.stringify(english), fileName: 'harbour.json' });
    await ipcMain.invoke(window, 'exportDocx', [doc.id, { part: 'status' }]);
    expect(dialogs.saveOptions.at(-1)).toMatchObject({ defaultPath: 'Broken - status report.docx' });
    const danish = await created();
    await ipcMain.invoke(window, 'setUiLanguage', ['en']);
    await ipcMain.invoke(window, 'exportDocx', [danish.id, { part: 'status' }]);
    expect(dialogs.saveOptions.at(-1)).toMatchObject({ defaultPath: 'Strategi 2027 2030 - statusrapport.docx' });
  });

  it('words a document\'s notice anew when the language changes', async () => {
    const odd = join(dataDir, 'other-tool.json');
    const strategy = JSON.parse(BROKEN) as Record<string, unknown> & { actionPlans: Array<{ kind: string }>; meta: Record<string, unknown> };
    strategy.actionPlans[0]!.kind = 'common';
    strategy.meta.colour = 'teal';
    Object.assign(strategy, { vision: { statement: 'Better services.' }, perspectives: [] });
    await writeFile(odd, JSON.stringify(strategy));
    dialogs.open = [odd];
    const opened = await ipcMain.invoke(window, 'openFile', []);
    expect(opened).toMatchObject({ ok: true, value: { notice: 'other-tool.json blev åbnet, men 1 ukendt felt blev ignoreret: /meta/colour.' } });
    const id = (opened as { value: DocumentSummary }).value.id;
    await ipcMain.invoke(window, 'setUiLanguage', ['en']);
    expect(await ipcMain.invoke(window, 'getDocument', [id])).toMatchObject({ ok: true, value: { notice: 'other-tool.json was opened, but 1 unknown field was ignored: /meta/colour.' } });
  });
});

describe('window and content security', () => {
  it('isolates the renderer: contextIsolation, sandbox, no nodeIntegration, web security on, no webview', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences ?? {};
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('serves the app with a strict CSP and nosniff, index.html for routes, and nothing outside the renderer folder', async () => {
    const root = join(dataDir, 'renderer');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'index.html'), '<title>Pejling</title>');
    await writeFile(join(dataDir, 'hemmelig.txt'), 'må ikke serveres');
    const fetchFile = async (fileUrl: string) => {
      const bytes = await readFile(fileURLToPath(fileUrl));
      return new Response(bytes, { status: 200 });
    };
    const handler = createAppProtocolHandler(root, fetchFile);
    const index = await handler(new Request('app://pejling/index.html'));
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('ws:');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await handler(new Request('app://pejling/dokument/abc'))).text()).toContain('<title>Pejling</title>');
    for (const path of ['app://pejling/..%2fhemmelig.txt', 'app://pejling/%2e%2e/hemmelig.txt', 'app://other/index.html', 'app://pejling/%E0%A4%A']) {
      const reply = await handler(new Request(path));
      expect(await reply.text(), path).not.toContain('må ikke serveres');
      expect(reply.headers.get('content-security-policy'), path).toBe(csp);
    }
  });

  it('denies every permission request, check and device request', () => {
    const session = {
      request: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
      check: null as null | (() => boolean),
      device: null as null | (() => boolean),
      setPermissionRequestHandler(h: typeof this.request) {
        this.request = h;
      },
      setPermissionCheckHandler(h: typeof this.check) {
        this.check = h;
      },
      setDevicePermissionHandler(h: typeof this.device) {
        this.device = h;
      },
    };
    const app = new FakeWebContents();
    installSecurity(app as never, session as never, () => undefined);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.check!()).toBe(false);
    expect(session.device!()).toBe(false);
  });

  it('keeps every web contents in the app: navigation, redirects, webviews and new windows refused; web links to the browser', () => {
    const app = new FakeWebContents();
    const sent: string[] = [];
    const session = { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} };
    installSecurity(app as never, session as never, externalOpener({ openExternal: async (url: string) => void sent.push(url) }));
    const contents = new FakeWebContents();
    app.emit('web-contents-created', contents);

    expect(contents.emit('will-navigate', 'app://pejling/index.html#/dokument/x').prevented).toBe(false);
    expect(contents.emit('will-navigate', 'https://example.org/').prevented).toBe(true);
    expect(contents.emit('will-navigate', 'file:///etc/passwd').prevented).toBe(true);
    expect(contents.emit('will-navigate', 'app://pejling.evil/').prevented).toBe(true);
    expect(contents.emit('will-redirect', 'https://example.org/').prevented).toBe(true);
    expect(contents.emit('will-attach-webview').prevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://pejling.dk/hjaelp' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // Only web links reached the system browser: the refused navigation and the new-window link.
    expect(sent).toEqual(['https://example.org/', 'https://pejling.dk/hjaelp']);
  });
});

it('every contract method has a desktop handler and a file rule the IPC side knows', () => {
  for (const name of METHOD_NAMES) expect([undefined, 'in', 'out']).toContain((HOST_METHODS[name] as { file?: string }).file);
});
