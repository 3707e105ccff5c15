// The host bridge: the one typed interface through which the renderer reaches its host.
// Desktop: implemented by the Electron preload (contextBridge + IPC).
// Browser mode: implemented in the renderer over HTTP/WebSocket to the local Pejling server.
import type { SyncState } from './sync/sync-state';

export type HostKind = 'electron' | 'browser';

export interface HostInfo {
  kind: HostKind;
  version: string;
  /** Where documents are stored on this machine (shown in settings). */
  dataDir: string;
}

export interface DocumentSummary {
  /** Local document id (also the sync document name). */
  id: string;
  title: string;
  organisation: string;
  /** ISO timestamp of the last durable change. */
  modified: string;
  /** Remote sync server this document is connected to, if any. */
  remote?: { url: string; role?: 'editor' | 'viewer' } | undefined;
  sync: SyncState;
  /** Something the user should know about this document, e.g. that it was repaired after a crash. */
  notice?: string | undefined;
}

export interface TemplateSummary {
  /** 'kk' | 'odder' | 'brk' | 'blank' for templates; the example's name for examples. */
  name: string;
  kind: 'template' | 'example';
  title: string;
  organisation: string;
  description: string;
}

export type CreateDocumentRequest =
  | { from: 'template'; name: string; title?: string; organisation?: string }
  | { from: 'example'; name: string }
  /** An interchange JSON file's text, as the user picked it. */
  | { from: 'json'; text: string; fileName: string };

export interface SaveResult {
  /** False when the user cancelled the dialog. */
  saved: boolean;
  /** File name or path written (desktop) or offered for download (browser). */
  target?: string;
}

export interface ExportDocxOptions {
  part: 'strategy' | 'status' | `plan:${string}`;
  /** House style name; the document's own style when absent. */
  style?: string;
}

/** Menu commands the desktop menu sends to the renderer (browser mode has a toolbar instead). */
export type MenuCommand =
  | 'new-document'
  | 'open-file'
  | 'import-json'
  | 'save-as'
  | 'export-docx'
  | 'export-json'
  | 'show-start'
  | 'show-outline'
  | 'show-settings'
  | 'show-share'
  | 'undo'
  | 'redo';

/** A binary channel carrying y-protocols messages (see shared/sync/protocol.ts) for one document. */
export interface DocumentChannel {
  send(message: Uint8Array): void;
  onMessage(listener: (message: Uint8Array) => void): () => void;
  onStatus(listener: (status: 'connecting' | 'open' | 'closed') => void): () => void;
  close(): void;
}

export interface RemoteSettings {
  url: string;
  token: string;
}

export interface HostBridge {
  info(): Promise<HostInfo>;
  listDocuments(): Promise<DocumentSummary[]>;
  listTemplates(): Promise<TemplateSummary[]>;
  createDocument(request: CreateDocumentRequest): Promise<DocumentSummary>;
  deleteDocument(id: string): Promise<void>;
  /** Opens the live channel to the host's durable replica of a document. */
  connectDocument(id: string): DocumentChannel;
  /** "Åbn fil…": a .pejling document or an interchange .json file; null when cancelled. */
  openFile(): Promise<DocumentSummary | null>;
  /** "Gem som…": a portable .pejling file, or the interchange JSON. */
  saveDocumentAs(id: string, format: 'pejling' | 'json'): Promise<SaveResult>;
  exportDocx(id: string, options: ExportDocxOptions): Promise<SaveResult>;
  /** Connects a document to a sync server, or disconnects it (null). */
  setRemote(id: string, remote: RemoteSettings | null): Promise<DocumentSummary>;
  openExternal(url: string): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The host opened a document on its own (a file double-clicked, dropped on the app icon, or from the recent list). */
  onOpenDocument(listener: (documentId: string) => void): () => void;
}
