// Preload script: exposes the generic host IPC (shared/host/ipc.ts) as `window.pejling` through contextBridge: invoke a
// contract method by name, subscribe to a contract event, open a document channel. It knows no method by hand; the
// renderer derives the typed bridge from the contract (renderer/src/bridge/ipc-bridge.ts). It is the renderer's only
// way to the host. Runs sandboxed: bundled to one CommonJS file by scripts/build.js.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DocumentChannel } from '../../shared/bridge';
import type { EventName, MethodName } from '../../shared/host/contract';
import type { HostIpc, IpcResult } from '../../shared/host/ipc';
import { DOC_CHANNEL, eventChannel, methodChannel } from './ipc-channels';

// The preload does not load the contract's schemas (zod would be most of its bundle): it passes any plain name on,
// and the main process, which has one handler per contract method and validates every payload, refuses the rest.
// A plain name cannot reach another channel (the document channels are named differently).
const NAME = /^[A-Za-z]{1,64}$/;
import { ChannelListeners } from '../../shared/sync/channel-listeners';

function listen(channel: string, listener: (...args: unknown[]) => void): () => void {
  const handler = (_event: IpcRendererEvent, ...args: unknown[]) => listener(...args);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

let nextChannel = 1;

function connectDocument(documentId: string): DocumentChannel {
  const channelId = `c${nextChannel++}-${Date.now().toString(36)}`;
  const listeners = new ChannelListeners<'connecting' | 'open' | 'closed'>();
  let closed = false;
  const offMessage = listen(DOC_CHANNEL.message, (id, bytes) => {
    if (id === channelId && bytes instanceof Uint8Array) listeners.emitMessage(new Uint8Array(bytes));
  });
  const offStatus = listen(DOC_CHANNEL.status, (id, status) => {
    if (id !== channelId || (status !== 'connecting' && status !== 'open' && status !== 'closed')) return;
    listeners.emitStatus(status);
    if (status === 'closed') cleanup();
  });
  function cleanup() {
    closed = true;
    offMessage();
    offStatus();
  }
  ipcRenderer.send(DOC_CHANNEL.connect, channelId, documentId);
  return {
    send(message) {
      if (!closed) ipcRenderer.send(DOC_CHANNEL.message, channelId, message);
    },
    onMessage: listeners.onMessage,
    onStatus: listeners.onStatus,
    close() {
      if (closed) return;
      ipcRenderer.send(DOC_CHANNEL.close, channelId);
      cleanup();
    },
  };
}

const hostIpc: HostIpc = {
  async invoke(method, args) {
    if (typeof method !== 'string' || !NAME.test(method)) {
      return { ok: false, error: { code: 'unknown-method', params: { method: String(method) }, message: `unknown method: ${String(method)}` } };
    }
    try {
      return (await ipcRenderer.invoke(methodChannel(method as MethodName), ...(Array.isArray(args) ? args : []))) as IpcResult;
    } catch {
      // No handler: not a contract method.
      return { ok: false, error: { code: 'unknown-method', params: { method }, message: `unknown method: ${method}` } };
    }
  },
  subscribe(event, listener) {
    if (typeof event !== 'string' || !NAME.test(event)) return () => {};
    return listen(eventChannel(event as EventName), (payload) => listener(payload));
  },
  connectDocument,
};

contextBridge.exposeInMainWorld('pejling', hostIpc);
