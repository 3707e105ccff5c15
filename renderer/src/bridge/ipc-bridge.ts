// The host bridge on the desktop, derived from the host contract over the preload's generic invoke/subscribe
// (shared/host/ipc.ts): one function per contract method, nothing written out by hand.
import type { HostBridge } from '../../../shared/bridge';
import { isHostErrorData, METHOD_NAMES } from '../../../shared/host/contract';
import type { HostIpc } from '../../../shared/host/ipc';
import { BridgeError } from './bridge-error';

export function createIpcBridge(ipc: HostIpc): HostBridge {
  const calls = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      async (...args: unknown[]) => {
        const result = await ipc.invoke(name, args);
        if (result.ok) return result.value;
        const error = isHostErrorData(result.error) ? result.error : { code: 'unknown', params: {}, message: String(result.error) };
        throw new BridgeError(error.message, { code: error.code, params: error.params });
      },
    ]),
  );
  return {
    ...(calls as unknown as Omit<HostBridge, 'connectDocument' | 'subscribe'>),
    connectDocument: (id) => ipc.connectDocument(id),
    subscribe: (event, listener) => ipc.subscribe(event, listener as (payload: unknown) => void),
  };
}
