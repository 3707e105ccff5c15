// Main-process side of the preload bridge: each HostBridge call is an IPC handler over the transport-independent
// HostApi, with native open/save dialogs where the desktop needs them. Handlers answer { ok, value } | { ok, error }.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { readFile, writeFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportDocxOptions, RemoteSettings, SaveResult, CreateDocumentRequest } from '../../shared/bridge';
import type { DocumentConnector } from '../host/host';
import type { FilePayload, HostApi } from '../host/host-api';
import { IPC } from './ipc-channels';
import { openExternalSafely, isAppUrl } from './security';

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

function handle<A extends unknown[], T>(channel: string, fn: (event: IpcMainInvokeEvent, ...args: A) => Promise<T> | T): void {
  ipcMain.handle(channel, async (event, ...args): Promise<Result<T>> => {
    // Only our own app pages may call the host.
    if (!isAppUrl(event.senderFrame?.url ?? '')) return { ok: false, error: 'Afvist: ukendt afsender.' };
    try {
      return { ok: true, value: await fn(event, ...(args as A)) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** Writes a file atomically: a crash never leaves a half-written export where the user asked for it. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

/**
 * Asks where to save first, then produces the file: an export that takes seconds (the Word layout pass) runs while
 * the user already knows where it goes, and a cancelled dialog costs nothing.
 */
async function saveWithDialog(
  event: IpcMainInvokeEvent,
  defaultName: string,
  filters: Electron.FileFilter[],
  produce: () => Promise<FilePayload>,
): Promise<SaveResult> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = { defaultPath: defaultName, filters };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return { saved: false };
  await writeAtomically(result.filePath, (await produce()).bytes);
  return { saved: true, target: result.filePath };
}

/** The document's title as a file name (the same cleaning the host applies to its payloads). */
async function defaultFileName(host: HostApi, id: string, extension: string): Promise<string> {
  const title = (await host.listDocuments()).find((d) => d.id === id)?.title || 'strategi';
  return `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim()}.${extension}`;
}

export function registerIpcHandlers(host: HostApi, connector: DocumentConnector, onFileOpened: (path: string) => void): void {
  handle(IPC.info, () => host.info());
  handle(IPC.listDocuments, () => host.listDocuments());
  handle(IPC.listTemplates, () => host.listTemplates());
  handle(IPC.createDocument, (_e, request: CreateDocumentRequest) => host.createDocument(request));
  handle(IPC.deleteDocument, (_e, id: string) => host.deleteDocument(id));
  handle(IPC.setRemote, (_e, id: string, remote: RemoteSettings | null) => host.setRemote(id, remote));
  handle(IPC.openExternal, (_e, url: string) => openExternalSafely(url));
  handle(IPC.openFile, async (event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      properties: ['openFile'],
      filters: [
        { name: 'Pejling-dokumenter og JSON', extensions: ['pejling', 'json'] },
        { name: 'Alle filer', extensions: ['*'] },
      ],
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    const summary = await host.importFile(basename(path), await readFile(path));
    onFileOpened(path);
    return summary;
  });
  handle(IPC.saveDocumentAs, async (event, id: string, format: 'pejling' | 'json') => {
    const filters =
      format === 'pejling' ? [{ name: 'Pejling-dokument', extensions: ['pejling'] }] : [{ name: 'JSON', extensions: ['json'] }];
    const result = await saveWithDialog(event, await defaultFileName(host, id, format), filters, () => host.serializeDocument(id, format));
    if (result.saved && result.target) onFileOpened(result.target);
    return result;
  });
  handle(IPC.exportDocx, async (event, id: string, options: ExportDocxOptions) =>
    saveWithDialog(event, await defaultFileName(host, id, 'docx'), [{ name: 'Word-dokument', extensions: ['docx'] }], () =>
      host.exportDocx(id, options),
    ),
  );

  // Document channels: y-protocols messages between a renderer's Y.Doc and the host's durable replica.
  const channels = new Map<string, { receive(bytes: Uint8Array): void; close(): void; sender: WebContents }>();
  ipcMain.on(IPC.docConnect, (event, channelId: string, documentId: string) => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return;
    const sender = event.sender;
    const connection = connector.connect(documentId, {
      send: (bytes) => {
        if (!sender.isDestroyed()) sender.send(IPC.docMessage, channelId, bytes);
      },
      close: () => {
        channels.delete(channelId);
        if (!sender.isDestroyed()) sender.send(IPC.docStatus, channelId, 'closed');
      },
    });
    channels.set(channelId, { ...connection, sender });
    sender.once('destroyed', () => channels.get(channelId)?.close());
    sender.send(IPC.docStatus, channelId, 'open');
  });
  ipcMain.on(IPC.docMessage, (event, channelId: string, bytes: Uint8Array) => {
    const channel = channels.get(channelId);
    if (channel && channel.sender === event.sender) channel.receive(new Uint8Array(bytes));
  });
  ipcMain.on(IPC.docClose, (event, channelId: string) => {
    const channel = channels.get(channelId);
    if (channel && channel.sender === event.sender) {
      channels.delete(channelId);
      channel.close();
    }
  });
}
