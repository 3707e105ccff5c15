// The one way the renderer reaches its host: the Electron preload's `window.pejling` when present,
// otherwise the browser bridge over the local Pejling server. Both are derived from the host contract.
import type { HostBridge } from '../../../shared/bridge';
import type { HostIpc } from '../../../shared/host/ipc';
import { createBrowserBridge } from './browser-bridge';
import { createIpcBridge } from './ipc-bridge';

declare global {
  interface Window {
    pejling?: HostIpc;
  }
}

let bridge: HostBridge | undefined;

export function getBridge(): HostBridge {
  bridge ??= window.pejling ? createIpcBridge(window.pejling) : createBrowserBridge();
  return bridge;
}
