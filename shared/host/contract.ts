// The host contract: every method the renderer can call on its host, and every event the host pushes, in one
// table with zod schemas for the arguments and results. Both transports are derived from it, never written out:
// - desktop: the preload exposes a generic invoke/subscribe (main/electron/preload.ts); the main process
//   registers one IPC handler per entry (main/electron/ipc-handlers.ts), the renderer's bridge is built from the
//   table (renderer/src/bridge/ipc-bridge.ts);
// - browser mode: the server's routes are built from each entry's `http` (main/host/http-api.ts), the browser
//   bridge from the same entries (renderer/src/bridge/browser-bridge.ts).
// The receiving side of each transport validates arguments with these schemas (bad input is refused with the
// code 'invalid-argument' and the path of the problem) and the host's result before it leaves the host.
// Adding a host method is one entry here plus its implementation in main/host/host.ts; the compiler then asks for
// nothing else, and test/integration/host-contract.test.ts drives it through both transports.
import { z } from 'zod';
import type { SyncState } from '../sync/sync-state';
import { rawDocumentSchema } from '../import/raw';

// ---- values crossing the boundary ----

/** The storage's alphabet for document ids (main/storage/document-id.ts refines it further, e.g. reserved names). */
const DocumentId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'a document id is 1–128 letters A–Z, digits, ".", "_" or "-", starting with a letter or digit');

const SyncStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  z.object({ kind: z.literal('offline'), pending: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('connecting'), pending: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('syncing'), pending: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('synced') }),
]);
// The schema and shared/sync/sync-state.ts must describe the same values (compile-time check both ways).
const syncStateMatches: [SyncState, z.infer<typeof SyncStateSchema>] extends [z.infer<typeof SyncStateSchema>, SyncState] ? true : never = true;
void syncStateMatches;

export const HostInfoSchema = z.object({
  kind: z.enum(['electron', 'browser']),
  version: z.string(),
  /** Where documents are stored on this machine (shown in settings). */
  dataDir: z.string(),
});

const RemoteRole = z.enum(['editor', 'commenter', 'viewer']);

export const DocumentSummarySchema = z.object({
  /** Local document id (also the sync document name). */
  id: DocumentId,
  title: z.string(),
  organisation: z.string(),
  /** ISO timestamp of the last durable change. */
  modified: z.string(),
  /** Remote sync server this document is connected to, if any. */
  remote: z.object({ url: z.string(), role: RemoteRole.optional() }).optional(),
  sync: SyncStateSchema,
  /** Something the user should know about this document, e.g. that it was repaired after a crash. */
  notice: z.string().optional(),
  /** ISO timestamp of when this copy was made (created, imported or opened from a file). */
  created: z.string().optional(),
  /** Where it came from: a copy of an example, an imported interchange file, a .pejling file (its name), a template. */
  origin: z.object({ kind: z.enum(['template', 'example', 'json', 'file']), source: z.string() }).optional(),
  /** The strategy's years and status (draft, consultation, adopted). */
  period: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  status: z.string().optional(),
  /** Names of the people who have the document open right now. */
  openBy: z.array(z.string()).optional(),
});

/** A house style the export can use (templates/styles/<name>.json that loads), for the cover editor's choice. */
export const HouseStyleSummarySchema = z.object({ name: z.string(), label: z.string(), description: z.string().optional() });

export const TemplateSummarySchema = z.object({
  /** 'kk' | 'odder' | 'brk' | 'blank' for templates; the example's name for examples. */
  name: z.string(),
  kind: z.enum(['template', 'example']),
  title: z.string(),
  organisation: z.string(),
  description: z.string(),
});

const TemplateName = z.string().min(1).max(100);

export const CreateDocumentRequestSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('template'), name: TemplateName, title: z.string().max(10_000).optional(), organisation: z.string().max(10_000).optional() }),
  z.object({ from: z.literal('example'), name: TemplateName }),
  /** An interchange JSON file's text, as the user picked it. */
  z.object({ from: z.literal('json'), text: z.string(), fileName: z.string().min(1).max(1000) }),
]);

export const SaveResultSchema = z.object({
  /** False when the user cancelled the dialog. */
  saved: z.boolean(),
  /** File name or path written (desktop) or offered for download (browser). */
  target: z.string().optional(),
});

const SaveFormat = z.enum(['pejling', 'json']);

export const ExportDocxOptionsSchema = z.object({
  part: z.union([z.literal('strategy'), z.literal('status'), z.templateLiteral(['plan:', z.string().min(1)])]),
  /** House style name; the document's own style when absent. */
  style: z.string().min(1).max(100).optional(),
  /** The status report's date (YYYY-MM-DD); absent: as of the latest status round. */
  asOf: z.iso.date().optional(),
  /** A named version's id (shared/model/versions.ts): its content is exported instead of the current one. */
  version: z.string().min(1).max(200).optional(),
  /**
   * Redline ("Eksportér ændringer siden <version>", whole strategy only): the older content, as interchange JSON
   * text or as a named version's id of this document, its name (in the file name), and who the changes are by.
   */
  compare: z
    .object({ name: z.string().min(1).max(1000), author: z.string().min(1).max(1000).optional(), oldJson: z.string().min(1).optional(), version: z.string().min(1).max(200).optional() })
    .refine((c) => (c.oldJson === undefined) !== (c.version === undefined), 'compare takes either oldJson or version')
    .optional(),
  /** The consultation copy (høringsudgave): the open comment threads as Word comments. */
  comments: z.boolean().optional(),
  /** "Med forslag" (Word only): the pending suggestions as Word tracked changes; without it the published text. */
  suggestions: z.boolean().optional(),
  /** 'pdf': the tagged PDF/UA of the same document (LibreOffice lays it out; an error without it). Default 'docx'. */
  format: z.enum(['docx', 'pdf']).optional(),
  /** "Udskriv": the transport prints the file instead of saving it (browser: a hidden frame with the PDF). */
  print: z.boolean().optional(),
});

/** A sync server address: http(s) or ws(s) only (a file: or javascript: URL is refused here, not deep in the link). */
export const RemoteUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'a sync server address starts with https:// (or http://, ws://, wss://)');

export const RemoteSettingsSchema = z.object({ url: RemoteUrl, token: z.string().max(10_000) });

/** Menu commands the desktop menu sends to the renderer (browser mode has a toolbar instead). */
export const MenuCommandSchema = z.enum([
  'new-document',
  'open-file',
  'import-json',
  'import-word',
  'save-as',
  'export-docx',
  'export-pdf',
  'print',
  'export-json',
  'show-start',
  'show-outline',
  'show-settings',
  'show-share',
  'toggle-suggestions', // Redigér › Foreslå ændringer (Ctrl+Shift+E): suggestion mode (renderer/src/suggestions)
  'undo',
  'redo',
  'find', // find and replace (issue 14): renderer/src/find
  'replace',
]);

/** A file produced by the host (a save or an export): the transports turn it into a save dialog or a download. */
export const FilePayloadSchema = z.object({ fileName: z.string().min(1), mimeType: z.string().min(1), bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes') });
export type FilePayload = z.infer<typeof FilePayloadSchema>;

/** A file the user picked (desktop: the open dialog; browser: the file input), as the host receives it. */
export interface FileInput {
  fileName: string;
  bytes: Uint8Array;
}
export const FileNameSchema = z.string().min(1).max(1000);

// ---- the table ----

type Verb = 'GET' | 'POST' | 'DELETE';

export interface HttpRoute {
  verb: Verb;
  /** `:name` segments take the argument of that name; GET/DELETE take the others from the query, POST from the body. */
  path: string;
  /** Status of a successful answer (200 unless given). */
  status?: number;
}

interface MethodSpec {
  /** Argument names, in call order (the HTTP side binds path segments and query parameters by name). */
  names: readonly string[];
  args: z.ZodTuple;
  result: z.ZodType;
  /**
   * 'in': the user picks a file (the renderer calls it without arguments; the host receives a FileInput).
   * 'out': the host produces a file (the renderer receives a SaveResult; the transport saves or downloads it).
   */
  file?: 'in' | 'out';
  /** 'in' only: the file extensions the picker offers (default: .pejling and .json). */
  accept?: readonly string[];
  /** The browser-mode route; null when the browser bridge answers it in the page itself. */
  http: HttpRoute | null;
}

function method<
  const N extends readonly string[],
  A extends z.ZodTuple,
  R extends z.ZodType,
  const H extends HttpRoute | null,
  const F extends 'in' | 'out' | undefined = undefined,
>(spec: { names: N; args: A; result: R; file?: F; accept?: readonly string[]; http: H }) {
  return spec as typeof spec & MethodSpec & { file: F; http: H };
}

const none = z.tuple([]);

export const HOST_METHODS = {
  info: method({ names: [], args: none, result: HostInfoSchema, http: { verb: 'GET', path: '/api/info' } }),
  listDocuments: method({ names: [], args: none, result: z.array(DocumentSummarySchema), http: { verb: 'GET', path: '/api/documents' } }),
  getDocument: method({ names: ['id'], args: z.tuple([DocumentId]), result: DocumentSummarySchema, http: { verb: 'GET', path: '/api/documents/:id' } }),
  listTemplates: method({ names: [], args: none, result: z.array(TemplateSummarySchema), http: { verb: 'GET', path: '/api/templates' } }),
  listHouseStyles: method({ names: [], args: none, result: z.array(HouseStyleSummarySchema), http: { verb: 'GET', path: '/api/styles' } }),
  createDocument: method({
    names: ['request'],
    args: z.tuple([CreateDocumentRequestSchema]),
    result: DocumentSummarySchema,
    http: { verb: 'POST', path: '/api/documents', status: 201 },
  }),
  deleteDocument: method({
    names: ['id'],
    args: z.tuple([DocumentId]),
    result: z.object({ deleted: DocumentId }),
    http: { verb: 'DELETE', path: '/api/documents/:id' },
  }),
  /** "Åbn fil…": a .pejling document or an interchange .json file, imported as a new document; null when cancelled. */
  openFile: method({ names: [], args: none, result: DocumentSummarySchema, file: 'in', http: { verb: 'POST', path: '/api/files/open', status: 201 } }),
  /** "Importér Word…": a .docx read as paragraphs, styles, lists and tables (nothing is stored); null when cancelled. */
  readWordDocument: method({
    names: [],
    args: none,
    result: z.object({ fileName: z.string(), document: rawDocumentSchema }),
    file: 'in',
    accept: ['docx'],
    http: { verb: 'POST', path: '/api/files/read-word' },
  }),
  /** "Gem som…": a portable .pejling file, or the interchange JSON. */
  saveDocumentAs: method({
    names: ['id', 'format'],
    args: z.tuple([DocumentId, SaveFormat]),
    result: FilePayloadSchema,
    file: 'out',
    http: { verb: 'GET', path: '/api/documents/:id/download' },
  }),
  exportDocx: method({
    names: ['id', 'options'],
    args: z.tuple([DocumentId, ExportDocxOptionsSchema]),
    result: FilePayloadSchema,
    file: 'out',
    http: { verb: 'POST', path: '/api/documents/:id/export-docx' },
  }),
  /** Connects a document to a sync server, or disconnects it (null). */
  setRemote: method({
    names: ['id', 'remote'],
    args: z.tuple([DocumentId, RemoteSettingsSchema.nullable()]),
    result: DocumentSummarySchema,
    http: { verb: 'POST', path: '/api/documents/:id/remote' },
  }),
  /** The UI language, set by the renderer at start and when the setting changes: menus, dialogs and host texts follow it. */
  setUiLanguage: method({ names: ['language'], args: z.tuple([z.enum(['da', 'en'])]), result: z.null(), http: { verb: 'POST', path: '/api/ui-language' } }),
  /** Opens a web link in the system browser (browser mode: a new tab, answered in the page). */
  openExternal: method({ names: ['url'], args: z.tuple([z.string().max(10_000)]), result: z.null(), http: null }),
} as const;

/** Events the host pushes to the renderer; `http` says whether browser mode carries them (as server-sent events). */
export const HOST_EVENTS = {
  /** A document's summary changed (title, remote, sync state, notice); `summary` null: it was deleted. */
  documentChanged: { payload: z.object({ id: DocumentId, summary: DocumentSummarySchema.nullable() }), http: true },
  /** A desktop menu command. */
  menuCommand: { payload: MenuCommandSchema, http: false },
  /** The host opened a document on its own (a file double-clicked, dropped on the app icon, or from the recent list). */
  openDocument: { payload: DocumentId, http: false },
  /** An export of the document entered a phase (writing the .docx, LibreOffice laying it out, checking the contents' page numbers, writing the PDF). */
  exportProgress: { payload: z.object({ id: DocumentId, phase: z.enum(['writing', 'laying-out', 'checking', 'writing-pdf']) }), http: true },
} as const;

/** Path of browser mode's event stream (text/event-stream). */
export const HTTP_EVENTS_PATH = '/api/events';
/**
 * Header every state-changing HTTP call must carry. A page on another site cannot send it without a CORS preflight,
 * which the host never grants, so a cross-site form or `fetch` can never create, change or delete a document.
 */
export const REQUEST_HEADER = 'X-Pejling-Request';

type HostMethods = typeof HOST_METHODS;
export type MethodName = keyof HostMethods;
export type EventName = keyof typeof HOST_EVENTS;
export type MethodArgs<M extends MethodName> = z.infer<HostMethods[M]['args']>;
type MethodResult<M extends MethodName> = z.infer<HostMethods[M]['result']>;
export type EventPayload<E extends EventName> = z.infer<(typeof HOST_EVENTS)[E]['payload']>;
export const METHOD_NAMES = Object.keys(HOST_METHODS) as MethodName[];
export const EVENT_NAMES = Object.keys(HOST_EVENTS) as EventName[];

/** Methods that produce a file (a save dialog on the desktop, a download in browser mode). */
export type FileOutMethodName = { [M in MethodName]: HostMethods[M]['file'] extends 'out' ? M : never }[MethodName];

/** Methods whose browser-mode answer comes from the page itself. */
export type PageMethodName = { [M in MethodName]: HostMethods[M]['http'] extends null ? M : never }[MethodName];

/** What the host implements for each entry (main/host/host.ts, plus the desktop's page-side methods in main/electron). */
export type HostImplementation = {
  [M in MethodName]: HostMethods[M]['file'] extends 'in'
    ? (file: FileInput) => Promise<MethodResult<M>>
    : (...args: MethodArgs<M>) => Promise<MethodResult<M>> | MethodResult<M>;
};

/** What the renderer calls: file inputs come from a picker, file outputs are saved or downloaded by the transport. */
export type HostCalls = {
  [M in MethodName]: HostMethods[M]['file'] extends 'in'
    ? () => Promise<MethodResult<M> | null>
    : HostMethods[M]['file'] extends 'out'
      ? (...args: MethodArgs<M>) => Promise<z.infer<typeof SaveResultSchema>>
      : (...args: MethodArgs<M>) => Promise<MethodResult<M>>;
};

// ---- errors ----

/**
 * An error crossing the boundary: a stable code (one of HOST_ERROR_CODES, shared/host/errors.ts), its parameters, and
 * a message in the host's UI language (the fallback for a code the receiver's catalog does not know).
 */
export interface HostErrorData {
  code: string;
  params: Record<string, string | number>;
  message: string;
}

/** Describes a zod failure as a boundary error: which argument, where inside it, and what was wrong. */
function invalidArgument(methodName: string, names: readonly string[], error: z.ZodError): HostErrorData {
  const issue = error.issues[0];
  const [index, ...rest] = issue?.path ?? [];
  const argument = typeof index === 'number' ? (names[index] ?? `#${index}`) : 'arguments';
  const where = rest.length > 0 ? `/${rest.map(String).join('/')}` : '';
  const reason = issue?.message ?? 'invalid';
  return {
    code: 'invalid-argument',
    params: { method: methodName, argument, path: where, reason },
    message: `${methodName}: ${argument}${where}: ${reason}`,
  };
}

export function parseArgs<M extends MethodName>(name: M, args: unknown): { ok: true; value: MethodArgs<M> } | { ok: false; error: HostErrorData } {
  const spec = HOST_METHODS[name] as MethodSpec;
  const parsed = spec.args.safeParse(args);
  if (parsed.success) return { ok: true, value: parsed.data as MethodArgs<M> };
  return { ok: false, error: invalidArgument(name, spec.names, parsed.error) };
}

export function isHostErrorData(value: unknown): value is HostErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && typeof v.params === 'object' && v.params !== null;
}
