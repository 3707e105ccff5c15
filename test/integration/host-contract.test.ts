// The host contract through both of its transports, end to end: the renderer's desktop bridge (ipc-bridge over a
// fake preload and fake ipcMain into the real IPC handlers) and its browser bridge (over real HTTP and server-sent
// events into the real server routes), both against one real host on a temporary data directory. Every contract
// method has a case here (the table is typed over the contract, so a new method without one does not compile);
// each case must give the same answer through both transports, and its invalid payloads must be refused by both
// with the code 'invalid-argument'.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary, HostBridge } from '../../shared/bridge';
import { HOST_METHODS, METHOD_NAMES, type EventName, type MethodName } from '../../shared/host/contract';
import type { HostIpc } from '../../shared/host/ipc';
import { t } from '../../shared/i18n/messages';
import { createHost, type Host } from '../../main/host/host';
import { createHttpApi } from '../../main/host/http-api';
import { registerIpcHandlers, type IpcHandlers } from '../../main/electron/ipc-handlers';
import { eventChannel } from '../../main/electron/ipc-channels';
import { createPejlingServer, type PejlingServer } from '../../main/server/server';
import { createBrowserBridge, requestFor } from '../../renderer/src/bridge/browser-bridge';
import { BridgeError } from '../../renderer/src/bridge/bridge-error';
import { createIpcBridge } from '../../renderer/src/bridge/ipc-bridge';
import { FakeIpcMain, FakeWebContents } from '../unit/foundation/electron-fakes';
import { makeStrategyDocx } from '../fixtures/docx/make-docx';
import { solbjerg } from '../fixtures/docx/strategies';

let dataDir: string;
let host: Host;
let server: PejlingServer;
let handlers: IpcHandlers;
const ipcMain = new FakeIpcMain();
const window = new FakeWebContents();
/** What each transport did with files: the save dialog's answers and downloads, the file picker's offers. */
const io = { savePath: '', pick: null as File | null, downloads: [] as Array<{ name: string; bytes: Uint8Array }>, opened: [] as string[] };

/** A minimal EventSource over node:http for the browser bridge in Node (the page has the browser's). */
class NodeEventSource {
  private readonly listeners = new Map<string, Array<(event: { data: string }) => void>>();
  private readonly req;
  constructor(url: string) {
    this.req = request(url, { headers: { Accept: 'text/event-stream' } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) for (const listener of this.listeners.get(event) ?? []) listener({ data });
        }
      });
    });
    this.req.on('error', () => undefined);
    this.req.end();
  }
  addEventListener(name: string, listener: (event: { data: string }) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  close() {
    this.req.destroy();
  }
}

/** The preload's generic invoke/subscribe, as contextBridge would pass it: through the fake ipcMain, cloned. */
const fakePreload: HostIpc = {
  invoke: (method, args) => ipcMain.invoke(window, method as MethodName, args),
  subscribe(event, listener) {
    const channel = eventChannel(event as EventName);
    const previous = window.onSend;
    window.onSend = (sent, args) => {
      previous?.(sent, args);
      if (sent === channel) listener(args[0]);
    };
    return () => {
      window.onSend = previous;
    };
  },
  connectDocument: () => {
    throw new Error('not used here');
  },
};

let bridges: Record<'ipc' | 'http', HostBridge>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pejling-contract-'));
  host = await createHost({ dataDir });
  server = await createPejlingServer({ port: 0, rooms: host.rooms, persistence: host.persistence, httpHandler: createHttpApi(host.api) });
  handlers = registerIpcHandlers({
    ipcMain,
    host: host.api,
    connector: host.connector,
    dialogs: {
      showOpenDialog: async () => ({ canceled: false, filePaths: [io.savePath] }),
      showSaveDialog: async () => ({ canceled: false, filePath: io.savePath }),
    },
    page: { openExternal: (url) => io.opened.push(`ipc ${url}`) },
    targets: () => [window as unknown as WebContents],
    onFileOpened: () => undefined,
  });
  bridges = {
    ipc: createIpcBridge(fakePreload),
    http: createBrowserBridge({
      base: server.url,
      pickFile: async () => io.pick,
      offerDownload: (blob, name) => void blob.arrayBuffer().then((buffer) => io.downloads.push({ name, bytes: new Uint8Array(buffer) })),
      EventSource: NodeEventSource as unknown as typeof EventSource,
      openWindow: (url) => io.opened.push(`http ${url}`),
    }),
  };
});

afterAll(async () => {
  handlers.dispose();
  await server.close();
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Transport = 'ipc' | 'http';
interface Case {
  /** Calls the method through one bridge with valid arguments; answers what the caller would compare. */
  call(bridge: HostBridge, doc: DocumentSummary, transport: Transport): Promise<unknown>;
  /** Argument lists the contract refuses. */
  invalid: unknown[][];
}

const interchange = async (doc: DocumentSummary) => new Uint8Array((await host.api.saveDocumentAs(doc.id, 'json')).bytes);
const stable = (summary: DocumentSummary) => ({
  ...summary,
  id: '<id>',
  modified: '<modified>',
  ...(summary.created ? { created: '<created>' } : {}),
  // the two transports are given files of different names
  ...(summary.origin ? { origin: { ...summary.origin, source: '<source>' } } : {}),
});

/** One case per contract method; typed over MethodName, so a method added to the contract needs a case here. */
const CASES: { [M in MethodName]: Case } = {
  info: { call: (b) => b.info(), invalid: [] },
  listDocuments: { call: async (b, doc) => (await b.listDocuments()).some((d) => d.id === doc.id), invalid: [] },
  getDocument: { call: async (b, doc) => stable(await b.getDocument(doc.id)), invalid: [['../etc'], [42], []] },
  listTemplates: { call: (b) => b.listTemplates(), invalid: [] },
  listHouseStyles: { call: (b) => b.listHouseStyles(), invalid: [] },
  createDocument: {
    call: async (b) => stable(await b.createDocument({ from: 'template', name: 'blank', title: 'Ny', organisation: 'Testrup' })),
    invalid: [[null], [{ from: 'nowhere' }], [{ from: 'json', text: 5, fileName: 'x.json' }]],
  },
  deleteDocument: { call: async (b, doc) => ((await b.deleteDocument(doc.id)).deleted === doc.id ? 'deleted' : 'wrong'), invalid: [['-x'], [null]] },
  openFile: {
    async call(b, doc, transport) {
      const bytes = await interchange(doc);
      // The same file name through both transports: the summary's origin names it.
      await mkdir(join(dataDir, `open-${transport}`), { recursive: true });
      io.savePath = join(dataDir, `open-${transport}`, 'strategi.json');
      await writeFile(io.savePath, bytes);
      io.pick = new File([bytes], 'strategi.json');
      const summary = await b.openFile();
      return summary && { ...stable(summary), differs: summary.id !== doc.id };
    },
    invalid: [],
  },
  readWordDocument: {
    async call(b, _doc, transport) {
      const bytes = await makeStrategyDocx(solbjerg, { headings: 'danish', typedNumbers: true, perspectiveLevel: true, goalLabel: 'Målsætninger', columns: ['Initiativ', 'Indsatsområde', 'Ansvarlig', 'Periode', 'Status', 'Budget'], pageLines: 'footer' });
      io.savePath = join(dataDir, `import-${transport}.docx`);
      await writeFile(io.savePath, bytes);
      io.pick = new File([new Uint8Array(bytes)], `import-${transport}.docx`);
      const read = await b.readWordDocument();
      expect(read?.fileName).toBe(`import-${transport}.docx`);
      return read && { headings: read.document.blocks.filter((block) => block.kind === 'paragraph' && block.styleId?.startsWith('Overskrift')).length, tables: read.document.blocks.filter((block) => block.kind === 'table').length };
    },
    invalid: [],
  },
  saveDocumentAs: {
    async call(b, doc, transport) {
      io.savePath = join(dataDir, `saved-${transport}.json`);
      io.downloads.length = 0;
      const result = await b.saveDocumentAs(doc.id, 'json');
      expect(result.saved).toBe(true);
      await expect.poll(() => transport === 'ipc' || io.downloads.length > 0).toBe(true);
      const bytes = transport === 'ipc' ? await readFile(io.savePath) : io.downloads[0]!.bytes;
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    },
    invalid: [['ok-id', 'pdf'], ['../x', 'json']],
  },
  exportDocx: {
    async call(b, doc, transport) {
      io.savePath = join(dataDir, `export-${transport}.docx`);
      io.downloads.length = 0;
      const result = await b.exportDocx(doc.id, { part: 'status' });
      expect(result.saved).toBe(true);
      await expect.poll(() => transport === 'ipc' || io.downloads.length > 0).toBe(true);
      const bytes = transport === 'ipc' ? await readFile(io.savePath) : io.downloads[0]!.bytes;
      return Buffer.from(bytes.subarray(0, 2)).toString();
    },
    invalid: [['ok-id', {}], ['ok-id', { part: 'plan:' }], ['ok-id', null]],
  },
  setRemote: {
    call: async (b, doc) => stable(await b.setRemote(doc.id, null)),
    invalid: [['ok-id', { url: 'file:///etc/passwd', token: '' }], ['ok-id', { url: 'javascript:alert(1)', token: '' }], ['ok-id', 'https://x']],
  },
  setUiLanguage: {
    async call(b) {
      // The host's own words (an error's message) follow the UI language the renderer set.
      const refusal = () => b.getDocument('no-such-document').then(() => 'found', (e: unknown) => (e as Error).message);
      await b.setUiLanguage('en');
      const english = await refusal();
      await b.setUiLanguage('da');
      const danish = await refusal();
      expect(english).toBe(t('en', 'host.error.document-not-found'));
      expect(danish).toBe(t('da', 'host.error.document-not-found'));
      return { english, danish };
    },
    invalid: [['fr'], [42], []],
  },
  openExternal: {
    async call(b, _doc, transport) {
      io.opened.length = 0;
      await b.openExternal('https://pejling.dk/');
      return io.opened.map((entry) => entry.replace(transport, '<transport>'));
    },
    invalid: [[42]],
  },
};

describe('every contract method answers the same through the desktop and the browser transport', () => {
  for (const name of METHOD_NAMES) {
    it(name, async () => {
      const answers: Record<string, unknown> = {};
      for (const transport of ['ipc', 'http'] as const) {
        const doc = await host.api.createDocument({ from: 'template', name: 'blank', title: `Kontrakt ${name}` });
        answers[transport] = await CASES[name].call(bridges[transport], doc, transport);
      }
      expect(answers.ipc).toBeDefined();
      expect(answers.http).toEqual(answers.ipc);
    }, 60_000);
  }
});

describe('invalid payloads are refused by both transports', () => {
  for (const name of METHOD_NAMES) {
    const cases = CASES[name].invalid;
    if (cases.length === 0) continue;
    it(name, async () => {
      const doc = await host.api.createDocument({ from: 'template', name: 'blank' });
      for (const args of cases) {
        const withId = args.map((arg) => (arg === 'ok-id' ? doc.id : arg));
        for (const transport of ['ipc', 'http'] as const) {
          // The browser answers page methods itself; only what reaches the host is validated there.
          if (transport === 'http' && name === 'openExternal') continue;
          const call = (bridges[transport][name] as (...a: unknown[]) => Promise<unknown>)(...withId);
          const error = await call.then(
            () => null,
            (e: unknown) => e,
          );
          expect(error, `${transport} ${name}(${JSON.stringify(withId)})`).toBeInstanceOf(BridgeError);
          expect((error as BridgeError).code, `${transport} ${name}(${JSON.stringify(withId)}): ${(error as Error).message}`).toBe('invalid-argument');
          const route = HOST_METHODS[name].http;
          if (transport === 'http' && route) {
            // The same payload sent as the bridge would send it, without the bridge's own check: the server refuses it
            // too (400; a number where an id belongs arrives as text, and is then an unknown document: 404).
            const { path, init } = requestFor(route, HOST_METHODS[name].names, withId);
            const response = await fetch(`${server.url}${path}`, init);
            const body = (await response.json()) as { code?: string };
            expect(response.status, `raw ${name}(${JSON.stringify(withId)})`).toBeGreaterThanOrEqual(400);
            expect(response.status, `raw ${name}(${JSON.stringify(withId)})`).toBeLessThan(500);
            // Only text survives a path segment or a query parameter; a JSON body carries any value as it is.
            const inUrl = HOST_METHODS[name].names.filter((n) => route.verb !== 'POST' || route.path.includes(`:${n}`));
            const representable = withId.length === HOST_METHODS[name].names.length && inUrl.every((n) => typeof withId[HOST_METHODS[name].names.indexOf(n)] === 'string');
            if (representable) {
              expect(body.code, `raw ${name}(${JSON.stringify(withId)})`).toBe('invalid-argument');
            }
          }
        }
      }
      // Nothing was changed by the refused calls.
      expect((await host.api.getDocument(doc.id)).remote).toBeUndefined();
    });
  }
});

describe('what the host pushes reaches both transports', () => {
  it('documentChanged: a changed summary (remote switched off), then the deletion', async () => {
    const heard: Record<Transport, Array<{ id: string; summary: DocumentSummary | null }>> = { ipc: [], http: [] };
    const offs = (['ipc', 'http'] as const).map((t) => bridges[t].subscribe('documentChanged', (change) => heard[t].push(change)));
    // The event stream is open once the server has a listener for it.
    await new Promise((r) => setTimeout(r, 200));
    const doc = await host.api.createDocument({ from: 'template', name: 'blank' });
    await host.api.setRemote(doc.id, null);
    for (const transport of ['ipc', 'http'] as const) {
      await expect.poll(() => heard[transport].find((c) => c.id === doc.id)?.summary?.sync, { timeout: 5000 }).toEqual({ kind: 'local' });
    }
    await host.api.deleteDocument(doc.id);
    for (const transport of ['ipc', 'http'] as const) {
      await expect.poll(() => heard[transport].some((c) => c.id === doc.id && c.summary === null), { timeout: 5000 }).toBe(true);
    }
    const mine = (t: Transport) => heard[t].filter((c) => c.id === doc.id).map((c) => c.summary && { ...c.summary, modified: '<modified>', created: '<created>' });
    expect(mine('ipc')).toEqual([expect.objectContaining({ id: doc.id }), null]);
    expect(mine('http')).toEqual(mine('ipc'));
    for (const off of offs) off();
  });

  it('desktop-only events (menu commands) are carried by IPC and are a no-op subscription in the browser', () => {
    const heard: string[] = [];
    const offIpc = bridges.ipc.subscribe('menuCommand', (command) => heard.push(command));
    const offHttp = bridges.http.subscribe('menuCommand', (command) => heard.push(`http ${command}`));
    handlers.push('menuCommand', 'export-docx');
    expect(heard).toEqual(['export-docx']);
    offIpc();
    offHttp();
  });
});
