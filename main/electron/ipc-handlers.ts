// Main-process side of the preload bridge, derived from the host contract (shared/host/contract.ts): one IPC handler
// per contract method, which checks the sender, validates the arguments and the host's result against the
// contract's schemas, and answers { ok, value } | { ok: false, error: { code, params, message } }. File methods
// get the native dialogs here: 'in' asks which file to open, 'out' asks where to save before the file is produced.
// Electron's objects come in as parameters (types only), so test/unit/foundation/electron-main.test.ts drives the
// handlers with fakes of ipcMain, webContents and the dialogs.
import type { IpcMainEvent, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import { mkdtemp, readFile as fsReadFile, rename as fsRename, stat as fsStat, writeFile as fsWriteFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import {
  FilePayloadSchema,
  HOST_EVENTS,
  HOST_METHODS,
  METHOD_NAMES,
  parseArgs,
  type EventName,
  type EventPayload,
  type FilePayload,
  type MethodName,
  type PageMethodName,
} from '../../shared/host/contract';
import type { DocumentConnector } from '../host/host';
import { t, type Lang, type MessageKey } from '../../shared/i18n/messages';
import { HostError, hostError, toHostError, type HostApi } from '../host/host-api';
import { isAppUrl } from './app-origin';
import { DOC_CHANNEL, eventChannel, methodChannel, type IpcResult } from './ipc-channels';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): void;
}

export interface DialogsLike {
  showOpenDialog(sender: WebContents, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(sender: WebContents, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  host: HostApi;
  connector: DocumentConnector;
  dialogs: DialogsLike;
  /** The methods browser mode answers in the page; the desktop answers them in the main process. */
  page: Pick<HostApi & Record<PageMethodName, (...args: never[]) => unknown>, PageMethodName> & { openExternal(url: string): void };
  /** The renderers that hear pushed events (the app window's webContents). */
  targets(): WebContents[];
  /** A file the user opened or saved (the recent list). */
  onFileOpened(path: string): void;
  /** Largest file "Open file…" reads (default 64 MiB, as browser mode's upload). */
  maxFileBytes?: number;
  /**
   * "Udskriv" (exportDocx with print): the PDF is written to a temporary folder and handed to this, the OS's PDF
   * viewer (shell.openPath), where the user prints it: Electron's webContents.print prints a page, not a PDF
   * (its PDF viewer is a plugin print() does not reach), and the OS viewer has the printer dialog the user knows.
   */
  printFile?(path: string): Promise<string>;
}

/** Writes a file atomically: a crash never leaves a half-written export where the user asked for it. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await fsWriteFile(tmp, bytes);
  await fsRename(tmp, path);
}

/** The save dialog's filter per extension, named in the UI language. */
const FILE_FILTERS: Record<string, { name: MessageKey; extensions: string[] }> = {
  pejling: { name: 'dialog.filter.pejling', extensions: ['pejling'] },
  json: { name: 'dialog.filter.json', extensions: ['json'] },
  docx: { name: 'dialog.filter.docx', extensions: ['docx'] },
  pdf: { name: 'pdf.dialog.filter', extensions: ['pdf'] },
};

function failure(error: HostError): IpcResult {
  return { ok: false, error: error.toData() };
}

export interface IpcHandlers {
  /** Pushes an event to the app's renderers, checked against the contract. */
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Stops forwarding the host's events. */
  dispose(): void;
}

export function registerIpcHandlers(options: IpcOptions): IpcHandlers {
  const { ipcMain, host, dialogs } = options;
  const maxFileBytes = options.maxFileBytes ?? 64 * 1024 * 1024;
  /** The dialogs and the errors speak the UI language the renderer set on the host. */
  const lang = (): Lang => host.uiLanguage();

  async function openWithDialog(sender: WebContents, name: MethodName = 'openFile'): Promise<unknown> {
    const accept = (HOST_METHODS[name] as { accept?: readonly string[] }).accept;
    const result = await dialogs.showOpenDialog(sender, {
      properties: ['openFile'],
      filters: [
        accept
          ? { name: accept.map((ext) => { const filter = FILE_FILTERS[ext]; return filter ? t(lang(), filter.name) : ext; }).join(', '), extensions: [...accept] }
          : { name: t(lang(), 'dialog.filter.openable'), extensions: ['pejling', 'json'] },
        { name: t(lang(), 'dialog.filter.all'), extensions: ['*'] },
      ],
    });
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    const { size } = await fsStat(path);
    if (size > maxFileBytes) {
      throw hostError('too-large', { name: basename(path), limit: Math.round(maxFileBytes / 1024 / 1024) }, 413, lang());
    }
    const file = { fileName: basename(path), bytes: new Uint8Array(await fsReadFile(path)) };
    if (name === 'readWordDocument') return host.readWordDocument(file);
    const summary = await host.openFile(file);
    options.onFileOpened(path);
    return summary;
  }

  /** Asks where to save first, then produces the file: a slow export runs while the user already knows where it goes. */
  async function saveWithDialog(sender: WebContents, name: 'saveDocumentAs' | 'exportDocx', args: unknown[]): Promise<unknown> {
    const call = () => (host[name] as (...a: unknown[]) => Promise<FilePayload>)(...args);
    const suggested = await (host.fileNameFor as (m: string, ...a: unknown[]) => Promise<string>)(name, ...args);
    const filter = FILE_FILTERS[extname(suggested).slice(1)];
    const filters = filter ? [{ name: t(lang(), filter.name), extensions: filter.extensions }] : undefined;
    const result = await dialogs.showSaveDialog(sender, { defaultPath: suggested, ...(filters ? { filters } : {}) });
    if (result.canceled || !result.filePath) return { saved: false };
    const file = FilePayloadSchema.safeParse(await call());
    if (!file.success) throw hostError('internal', {}, 500, lang());
    await writeAtomically(result.filePath, file.data.bytes);
    if (name === 'saveDocumentAs') options.onFileOpened(result.filePath);
    return { saved: true, target: result.filePath };
  }

  async function printPdfFile(printFile: (path: string) => Promise<string>, args: unknown[]): Promise<unknown> {
    const file = FilePayloadSchema.safeParse(await (host.exportDocx as (...a: unknown[]) => Promise<FilePayload>)(...args));
    if (!file.success) throw hostError('internal', {}, 500, lang());
    const target = join(await mkdtemp(join(tmpdir(), 'pejling-print-')), file.data.fileName);
    await writeAtomically(target, file.data.bytes);
    const failed = await printFile(target);
    if (failed) throw hostError('internal', {}, 500, lang());
    return { saved: true, target };
  }

  async function invoke(name: MethodName, event: IpcMainInvokeEvent, rawArgs: unknown[]): Promise<unknown> {
    const spec = HOST_METHODS[name];
    const parsed = parseArgs(name, rawArgs);
    if (!parsed.ok) throw HostError.from(parsed.error, 400);
    if (spec.file === 'in') return openWithDialog(event.sender, name);
    if (name === 'exportDocx' && options.printFile && (parsed.value as [string, { print?: boolean }])[1].print === true) return printPdfFile(options.printFile, parsed.value);
    if (spec.file === 'out') return saveWithDialog(event.sender, name as 'saveDocumentAs' | 'exportDocx', parsed.value);
    if (name === 'openExternal') {
      options.page.openExternal(parsed.value[0] as string);
      return null;
    }
    return (host[name as Exclude<MethodName, PageMethodName>] as (...args: unknown[]) => unknown)(...parsed.value);
  }

  for (const name of METHOD_NAMES) {
    const spec = HOST_METHODS[name];
    ipcMain.handle(methodChannel(name), async (event, ...args): Promise<IpcResult> => {
      // Only our own app pages may call the host.
      if (!isAppUrl(event.senderFrame?.url ?? '')) return failure(hostError('unknown-sender', {}, 403, lang()));
      try {
        const value = await invoke(name, event, args);
        // File methods answer what the dialog did (or null when cancelled); the rest answer the contract's result.
        if (spec.file === 'out' || (spec.file === 'in' && value === null)) return { ok: true, value };
        const checked = spec.result.safeParse(value);
        if (!checked.success) {
          console.error(JSON.stringify({ event: 'ipc-bad-result', method: name, issue: checked.error.issues[0]?.message }));
          return failure(hostError('internal', {}, 500, lang()));
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        const refused = toHostError(error, lang());
        if (refused.status >= 500) console.error(JSON.stringify({ event: 'ipc-error', method: name, message: error instanceof Error ? error.message : String(error) }));
        return failure(refused);
      }
    });
  }

  function push<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = HOST_EVENTS[event].payload.safeParse(payload);
    if (!checked.success) {
      console.error(JSON.stringify({ event: 'ipc-bad-event', name: event, issue: checked.error.issues[0]?.message }));
      return;
    }
    for (const target of options.targets()) {
      if (!target.isDestroyed()) target.send(eventChannel(event), checked.data);
    }
  }
  const offChanged = host.on('documentChanged', (payload) => push('documentChanged', payload));
  const offProgress = host.on('exportProgress', (payload) => push('exportProgress', payload));
  const offHost = () => {
    offChanged();
    offProgress();
  };

  // Document channels: y-protocols messages between a renderer's Y.Doc and the host's durable replica.
  const channels = new Map<string, { receive(bytes: Uint8Array): void; close(): void; sender: WebContents }>();
  ipcMain.on(DOC_CHANNEL.connect, (event, channelId, documentId) => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return;
    if (typeof channelId !== 'string' || typeof documentId !== 'string' || channels.has(channelId)) return;
    const sender = event.sender;
    let closed = false;
    const connection = options.connector.connect(documentId, {
      send: (bytes) => {
        if (!sender.isDestroyed()) sender.send(DOC_CHANNEL.message, channelId, bytes);
      },
      close: () => {
        closed = true;
        channels.delete(channelId);
        if (!sender.isDestroyed()) sender.send(DOC_CHANNEL.status, channelId, 'closed');
      },
    });
    // The host may refuse the document at once (it closed the transport inside connect).
    if (closed) return;
    channels.set(channelId, { ...connection, sender });
    sender.once('destroyed', () => channels.get(channelId)?.close());
    sender.send(DOC_CHANNEL.status, channelId, 'open');
  });
  ipcMain.on(DOC_CHANNEL.message, (event, channelId, bytes) => {
    const channel = typeof channelId === 'string' ? channels.get(channelId) : undefined;
    if (channel && channel.sender === event.sender && bytes instanceof Uint8Array) channel.receive(new Uint8Array(bytes));
  });
  ipcMain.on(DOC_CHANNEL.close, (event, channelId) => {
    const channel = typeof channelId === 'string' ? channels.get(channelId) : undefined;
    if (channel && channel.sender === event.sender) {
      channels.delete(channelId as string);
      channel.close();
    }
  });

  return { push, dispose: offHost };
}
