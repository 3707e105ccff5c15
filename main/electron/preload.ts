// Preload script: exposes the typed HostBridge (shared/bridge.ts) as `window.pejling` through contextBridge.
// It is the renderer's only way to the host. Runs sandboxed: bundled to one CommonJS file by scripts/build.js.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DocumentChannel, HostBridge, MenuCommand } from '../../shared/bridge';
import { IPC } from './ipc-channels';
import { ChannelListeners } from '../../shared/sync/channel-listeners';

function subscribe<T extends unknown[]>(channel: string, listener: (...args: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, ...args: unknown[]) => listener(...(args as T));
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

/** Main-process handlers answer `{ ok, value }` or `{ ok: false, error }`, so errors reach the UI as clean messages. */
async function call<T>(channel: string, ...args: unknown[]): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as { ok: true; value: T } | { ok: false; error: string };
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

let nextChannel = 1;

function connectDocument(documentId: string): DocumentChannel {
  const channelId = `c${nextChannel++}-${Date.now().toString(36)}`;
  const listeners = new ChannelListeners<'connecting' | 'open' | 'closed'>();
  let closed = false;
  const offMessage = subscribe<[string, Uint8Array]>(IPC.docMessage, (id, bytes) => {
    if (id === channelId) listeners.emitMessage(new Uint8Array(bytes));
  });
  const offStatus = subscribe<[string, 'connecting' | 'open' | 'closed']>(IPC.docStatus, (id, status) => {
    if (id !== channelId) return;
    listeners.emitStatus(status);
    if (status === 'closed') cleanup();
  });
  function cleanup() {
    closed = true;
    offMessage();
    offStatus();
  }
  ipcRenderer.send(IPC.docConnect, channelId, documentId);
  return {
    send(message) {
      if (!closed) ipcRenderer.send(IPC.docMessage, channelId, message);
    },
    onMessage: listeners.onMessage,
    onStatus: listeners.onStatus,
    close() {
      if (closed) return;
      ipcRenderer.send(IPC.docClose, channelId);
      cleanup();
    },
  };
}

const bridge: HostBridge = {
  info: () => call(IPC.info),
  listDocuments: () => call(IPC.listDocuments),
  listTemplates: () => call(IPC.listTemplates),
  createDocument: (request) => call(IPC.createDocument, request),
  deleteDocument: (id) => call(IPC.deleteDocument, id),
  connectDocument,
  openFile: () => call(IPC.openFile),
  saveDocumentAs: (id, format) => call(IPC.saveDocumentAs, id, format),
  exportDocx: (id, options) => call(IPC.exportDocx, id, options),
  setRemote: (id, remote) => call(IPC.setRemote, id, remote),
  openExternal: (url) => call(IPC.openExternal, url),
  onMenuCommand: (listener) => subscribe<[MenuCommand]>(IPC.menu, listener),
  onOpenDocument: (listener) => subscribe<[string]>(IPC.openDocument, listener),
};

contextBridge.exposeInMainWorld('pejling', bridge);
