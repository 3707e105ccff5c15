// The host bridge: the one typed interface through which the renderer reaches its host. Its methods and events are
// derived from the host contract (shared/host/contract.ts); the types here are the contract's, by name.
// Desktop: the Electron preload's generic invoke/subscribe (renderer/src/bridge/ipc-bridge.ts).
// Browser mode: HTTP, server-sent events and WebSocket to the local Pejling server (renderer/src/bridge/browser-bridge.ts).
import type { z } from 'zod';
import type {
  CreateDocumentRequestSchema,
  DocumentSummarySchema,
  EventName,
  EventPayload,
  ExportDocxOptionsSchema,
  HostCalls,
  HostInfoSchema,
  MenuCommandSchema,
  RemoteSettingsSchema,
  SaveResultSchema,
  TemplateSummarySchema,
} from './host/contract';

export type HostInfo = z.infer<typeof HostInfoSchema>;
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequestSchema>;
export type SaveResult = z.infer<typeof SaveResultSchema>;
export type ExportDocxOptions = z.infer<typeof ExportDocxOptionsSchema>;
export type RemoteSettings = z.infer<typeof RemoteSettingsSchema>;
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** A binary channel carrying y-protocols messages (see shared/sync/protocol.ts) for one document. */
export interface DocumentChannel {
  send(message: Uint8Array): void;
  onMessage(listener: (message: Uint8Array) => void): () => void;
  onStatus(listener: (status: 'connecting' | 'open' | 'closed') => void): () => void;
  close(): void;
}

export interface HostBridge extends HostCalls {
  /** Opens the live channel to the host's durable replica of a document. */
  connectDocument(id: string): DocumentChannel;
  /** Listens to what the host pushes (see HOST_EVENTS); returns the unsubscribe. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
