// The one way the renderer reaches its host: the Electron preload's `window.pejling` when present,
// otherwise the browser bridge over the local Pejling server.
import type { HostBridge } from '../../../shared/bridge';
import { createBrowserBridge } from './browser-bridge';

declare global {
  interface Window {
    pejling?: HostBridge;
  }
}

let bridge: HostBridge | undefined;

export function getBridge(): HostBridge {
  bridge ??= window.pejling ?? createBrowserBridge();
  return bridge;
}
