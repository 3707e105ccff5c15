// The host bridge in browser mode: the local Pejling server's HTTP API plus one WebSocket per
// open document. Errors from the server are JSON `{ "error": "message" }` with a 4xx/5xx status.
import type {
  CreateDocumentRequest,
  DocumentChannel,
  DocumentSummary,
  ExportDocxOptions,
  HostBridge,
  HostInfo,
  RemoteSettings,
  SaveResult,
  TemplateSummary,
} from '../../../shared/bridge';
import { BridgeError } from './bridge-error';
import { t } from '../i18n/i18n';
import { fileNameFromDisposition, offerDownload, pickFile } from './file-picker';
import { openWebSocketChannel } from './websocket-document-channel';

/** Files "Åbn fil…" accepts. */
export const OPEN_FILE_ACCEPT = '.pejling,.json,application/json';

async function failure(response: Response): Promise<BridgeError> {
  let message = `${response.status} ${response.statusText}`.trim();
  let problems: string[] | undefined;
  try {
    const body = (await response.json()) as { error?: unknown; problems?: unknown };
    if (typeof body.error === 'string' && body.error.length > 0) message = body.error;
    if (Array.isArray(body.problems)) problems = body.problems.filter((p): p is string => typeof p === 'string');
  } catch {
    // not JSON: keep the status line
  }
  return new BridgeError(message, { status: response.status, ...(problems ? { problems } : {}) });
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new BridgeError(t('bridge.unreachable', { reason: error instanceof Error ? error.message : String(error) }));
  }
  if (!response.ok) throw await failure(response);
  return response;
}

async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await request(path, init);
  return (await response.json()) as T;
}

function postJson(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export function createBrowserBridge(): HostBridge {
  return {
    info: () => json<HostInfo>('/api/info'),
    listDocuments: () => json<DocumentSummary[]>('/api/documents'),
    listTemplates: () => json<TemplateSummary[]>('/api/templates'),
    createDocument: (req: CreateDocumentRequest) => json<DocumentSummary>('/api/documents', postJson(req)),
    async deleteDocument(id: string) {
      await request(doc(id), { method: 'DELETE' });
    },
    connectDocument(id: string): DocumentChannel {
      const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
      return openWebSocketChannel(`${scheme}//${location.host}/${encodeURIComponent(id)}?pejling=1`);
    },
    async openFile() {
      const file = await pickFile(OPEN_FILE_ACCEPT);
      if (!file) return null;
      return json<DocumentSummary>('/api/files/open', {
        method: 'POST',
        // Header values must be ISO-8859-1: encode the name; the server decodes it.
        headers: { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
        body: await file.arrayBuffer(),
      });
    },
    async saveDocumentAs(id: string, format: 'pejling' | 'json'): Promise<SaveResult> {
      const response = await request(`${doc(id)}/download?format=${format}`);
      const name = fileNameFromDisposition(response.headers.get('Content-Disposition'), `strategi.${format}`);
      offerDownload(await response.blob(), name);
      return { saved: true, target: name };
    },
    async exportDocx(id: string, options: ExportDocxOptions): Promise<SaveResult> {
      const response = await request(`${doc(id)}/export-docx`, postJson(options));
      const name = fileNameFromDisposition(response.headers.get('Content-Disposition'), 'strategi.docx');
      offerDownload(await response.blob(), name);
      return { saved: true, target: name };
    },
    setRemote: (id: string, remote: RemoteSettings | null) => json<DocumentSummary>(`${doc(id)}/remote`, postJson(remote)),
    async openExternal(url: string) {
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    // Browser mode has no application menu: the toolbar offers the same commands.
    onMenuCommand: () => () => {},
    // Browser mode opens files from the page itself; the server never pushes a document to open.
    onOpenDocument: () => () => {},
  };
}
