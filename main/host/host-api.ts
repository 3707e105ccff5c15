// What the host (Electron main process or the local server in browser mode) offers the renderer, independent of
// transport: Electron wraps it in IPC handlers (main/electron/ipc-handlers.ts), browser mode in HTTP routes
// (main/host/http-api.ts). Files come and go as bytes here; dialogs and downloads belong to the transports.
import type {
  CreateDocumentRequest,
  DocumentSummary,
  ExportDocxOptions,
  HostInfo,
  RemoteSettings,
  TemplateSummary,
} from '../../shared/bridge';

export interface FilePayload {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface HostApi {
  info(): HostInfo;
  listDocuments(): Promise<DocumentSummary[]>;
  listTemplates(): Promise<TemplateSummary[]>;
  createDocument(request: CreateDocumentRequest): Promise<DocumentSummary>;
  deleteDocument(id: string): Promise<void>;
  /** Imports a .pejling document or an interchange .json file as a new local document. */
  importFile(fileName: string, bytes: Uint8Array): Promise<DocumentSummary>;
  /** The document as a portable .pejling file or as interchange JSON. */
  serializeDocument(id: string, format: 'pejling' | 'json'): Promise<FilePayload>;
  exportDocx(id: string, options: ExportDocxOptions): Promise<FilePayload>;
  setRemote(id: string, remote: RemoteSettings | null): Promise<DocumentSummary>;
}

/** An error whose message is meant for the user (shown as is); `status` is the HTTP status in browser mode. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
