// What the Electron preload exposes to the page as `window.pejling`: a generic invoke/subscribe over the contract's
// method and event names, plus the binary document channels. The renderer builds the typed HostBridge from it
// (renderer/src/bridge/ipc-bridge.ts); the main process answers each name (main/electron/ipc-handlers.ts).
import type { DocumentChannel } from '../bridge';
import type { HostErrorData } from './contract';

/** What an IPC call answers: the value, or the error as code + params + message. */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: HostErrorData };

export interface HostIpc {
  invoke(method: string, args: unknown[]): Promise<IpcResult>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  connectDocument(id: string): DocumentChannel;
}
