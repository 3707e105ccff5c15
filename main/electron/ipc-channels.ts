// IPC channel names between the preload bridge and the main process, derived from the host contract: one channel per
// method (invoke) and per pushed event (send), plus the binary document channels.
import type { EventName, MethodName } from '../../shared/host/contract';

export const methodChannel = (method: MethodName): string => `pejling:call:${method}`;
export const eventChannel = (event: EventName): string => `pejling:event:${event}`;

export const DOC_CHANNEL = {
  /** renderer → main: (channelId, documentId) */
  connect: 'pejling:doc-connect',
  /** both ways: (channelId, bytes) */
  message: 'pejling:doc-message',
  /** renderer → main: (channelId) */
  close: 'pejling:doc-close',
  /** main → renderer: (channelId, status) */
  status: 'pejling:doc-status',
} as const;

export type { IpcResult } from '../../shared/host/ipc';
