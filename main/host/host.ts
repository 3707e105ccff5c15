// The host behind the bridge, the same for the desktop (Electron main process) and browser mode (local server):
// durable local storage, the document rooms the renderer connects to, remote sync links, templates and export.
import { join } from 'node:path';
import * as Y from 'yjs';
import type {
  CreateDocumentRequest,
  DocumentSummary,
  ExportDocxOptions,
  HostInfo,
  RemoteSettings,
  TemplateSummary,
} from '../../shared/bridge';
import type { StrategyFile } from '../../shared/format/schema';
import type { Problem } from '../../shared/format/problem';
import type { RedlineOptions } from '../../shared/export/docx/export-docx';
import { formatProblem, parseStrategyText } from '../../shared/format/validate';
import { exportStrategy, getSchemaVersion, importStrategy, migrate, prepareLoadedDocument, readSummary, SCHEMA_VERSION } from '../../shared/model';
import { UnknownVersionError, copyVersions, listVersions, loadVersion } from '../../shared/model/versions';
import type { SyncState } from '../../shared/sync/sync-state';
import { exportStrategyDocument } from '../export/export-document';
import { listHouseStyles as listStyleNames, loadHouseStyle, UnknownStyleError } from '../export/styles';
import { openDocumentStore, type DocumentStore, type StoredOrigin, type StoredSummary } from '../storage';
import { recoveryNotice } from '../storage/messages';
import { t, type Lang } from '../../shared/i18n/messages';
import { decodePejlingFile, encodePejlingFile } from '../storage/pejling-file';
import type { DocumentPersistence, LoadedDocument } from '../storage/types';
import { RemoteLink, type RemoteLinkStatus } from '../sync/remote-link';
import { encodeRemoteState } from '../../shared/sync/protocol';
import { Rooms, type RoomConnection, type RoomHandle, type RoomsOptions, type Transport } from '../sync/room';
import { listTemplates, loadExample, loadTemplate, readStrategyBytes, StrategyInputError, templatesRoot } from './strategy-input';
import { documentNotFound, HostError, hostError, type FilePayload, type HostApi } from './host-api';
import { RemoteUrl, type EventName, type EventPayload } from '../../shared/host/contract';
import { safeFileName } from '../../shared/host/file-name';
import { readDocx, WordImportError } from '../import/read-docx';
import packageJson from '../../package.json' with { type: 'json' };

/** Electron IPC attaches renderer channels to rooms through this. */
export interface DocumentConnector {
  connect(documentId: string, transport: { send(bytes: Uint8Array): void; close(): void }): { receive(bytes: Uint8Array): void; close(): void };
}

export interface Host {
  api: HostApi;
  connector: DocumentConnector;
  rooms: Rooms;
  store: DocumentStore;
  /** Persistence for the sync server: the store, plus keeping document summaries current. */
  persistence: DocumentPersistence;
  close(): Promise<void>;
}

export interface HostOptions {
  dataDir: string;
  kind?: HostInfo['kind'];
  /** Logging and limits for the document rooms (the sync server passes its own). */
  rooms?: Omit<RoomsOptions, 'persistence'>;
  /** Wraps the persistence the rooms write through (a test knob of the server command). */
  wrapPersistence?: (persistence: DocumentPersistence) => DocumentPersistence;
}

const SUMMARY_DELAY_MS = 750;

/** The first five paths of ignored fields, and how many more there are. */
function listFields(lang: Lang, paths: string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  return paths.length > 5 ? t(lang, 'host.notice.moreFields', { shown, more: paths.length - 5 }) : shown;
}
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Changes of one document pushed within this window are sent once (typing changes the sync state often). */
const PUSH_DELAY_MS = 50;

export async function createHost(options: HostOptions): Promise<Host> {
  const store = await openDocumentStore({ dataDir: options.dataDir });
  /** The UI language the renderer set (setUiLanguage): notices, error messages and the desktop's menu and dialogs. */
  let uiLanguage: Lang = 'da';
  const languageListeners = new Set<(lang: Lang) => void>();
  /**
   * Notices per document (a torn log tail repaired after a crash, unknown fields ignored on import), shown in the
   * document list; kept as what to say, so they are worded in the UI language of the moment they are shown.
   */
  const notices = new Map<string, (lang: Lang) => string>();
  const summaryTimers = new Map<string, NodeJS.Timeout>();
  const remoteLinks = new Map<string, { link: RemoteLink; handle: RoomHandle; status: SyncState }>();

  // Title and organisation live in the document; the list's copy is refreshed shortly after changes.
  /** The list's title and organisation as last read or written, so typing does not reread summary.json each time. */
  const listedSummaries = new Map<string, { title: string; organisation: string; period?: { from: number; to: number }; status?: string }>();

  // documentChanged: what the host pushes to the renderer instead of being polled for the list.
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const pushTimers = new Map<string, NodeJS.Timeout>();
  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) {
      try {
        (listener as (p: EventPayload<E>) => void)(payload);
      } catch (error) {
        console.error(JSON.stringify({ event: 'host-listener-error', message: error instanceof Error ? error.message : String(error) }));
      }
    }
  }
  function pushChanged(id: string): void {
    if (pushTimers.has(id) || (listeners.get('documentChanged')?.size ?? 0) === 0) return;
    pushTimers.set(
      id,
      setTimeout(() => {
        pushTimers.delete(id);
        void store
          .getSummary(id)
          // Gone meanwhile: deleteDocument has said so itself.
          .then((summary) => emit('documentChanged', { id, summary: toSummary(summary) }))
          .catch(() => undefined);
      }, PUSH_DELAY_MS),
    );
  }
  /** Deletes in flight, so that a second DELETE of the same document waits for the first and then hears 404. */
  const deleting = new Map<string, Promise<void>>();

  async function refreshSummary(id: string): Promise<void> {
    summaryTimers.delete(id);
    const handle = await rooms.acquire(id).catch(() => null);
    if (!handle) return;
    try {
      const { title, organisation, period, status } = readSummary(handle.doc);
      const listed = listedSummaries.get(id) ?? (await store.getSummary(id));
      const samePeriod = listed.period?.from === period?.from && listed.period?.to === period?.to;
      const changed = listed.title !== title || listed.organisation !== organisation || !samePeriod || listed.status !== status;
      if (changed) await store.updateSummary(id, { title, organisation, ...(period ? { period } : {}), status: status ?? null });
      listedSummaries.set(id, { title, organisation, ...(period ? { period } : {}), ...(status ? { status } : {}) });
      if (changed) pushChanged(id);
    } finally {
      handle.release();
    }
  }

  const basePersistence: DocumentPersistence = {
    async load(name): Promise<LoadedDocument> {
      const loaded = await store.load(name);
      const report = loaded.recovery;
      if (report) notices.set(name, (lang) => recoveryNotice(report, lang));
      return loaded;
    },
    async append(name, update) {
      await store.append(name, update);
      if (!summaryTimers.has(name)) {
        summaryTimers.set(name, setTimeout(() => void refreshSummary(name).catch(() => undefined), SUMMARY_DELAY_MS));
      }
    },
    flush: () => store.flush(),
    release: (name) => store.release(name),
    close: () => store.close(),
  };
  const persistence = options.wrapPersistence ? options.wrapPersistence(basePersistence) : basePersistence;
  // Who has a document open is part of its summary: the start screen hears it come and go.
  const rooms: Rooms = new Rooms({ ...options.rooms, persistence, prepare: prepareLoadedDocument, onPresence: (name) => pushChanged(name) });

  function syncStateOf(id: string, summary: StoredSummary): SyncState {
    const remote = remoteLinks.get(id);
    if (remote) return remote.status;
    return summary.remote ? { kind: 'offline', pending: 0 } : { kind: 'local' };
  }

  function toSummary(summary: StoredSummary): DocumentSummary {
    const notice = notices.get(summary.id)?.(uiLanguage);
    return {
      id: summary.id,
      title: summary.title,
      organisation: summary.organisation,
      modified: summary.modified,
      ...(summary.remote ? { remote: { url: summary.remote.url, ...(summary.remote.role ? { role: summary.remote.role } : {}) } } : {}),
      sync: syncStateOf(summary.id, summary),
      ...(notice ? { notice } : {}),
      created: summary.created,
      ...(summary.origin ? { origin: summary.origin } : {}),
      ...(summary.period ? { period: summary.period } : {}),
      ...(summary.status ? { status: summary.status } : {}),
      openBy: rooms.presentNames(summary.id),
    };
  }

  async function startRemote(id: string, remote: { url: string; token?: string | undefined }): Promise<void> {
    stopRemote(id);
    const handle = await rooms.acquire(id);
    const link = new RemoteLink({ url: remote.url, ...(remote.token ? { token: remote.token } : {}), documentName: id, doc: handle.doc, awareness: handle.awareness });
    const entry = { link, handle, status: { kind: 'connecting', pending: 0 } as SyncState };
    // The renderer's connections to this document hear the link's state live (protocol message 102).
    const announce = (status: RemoteLinkStatus) =>
      rooms.announce(id, encodeRemoteState({ state: status.state, url: remote.url, ...(status.role ? { role: status.role } : {}), ...(status.error ? { error: status.error } : {}) }), { sticky: true });
    announce(link.status);
    link.onChange((status) => {
      entry.status = status.state;
      announce(status);
      pushChanged(id);
      if (status.role) void store.updateSummary(id, { remote: { url: remote.url, ...(remote.token ? { token: remote.token } : {}), role: status.role } }).catch(() => undefined);
    });
    remoteLinks.set(id, entry);
  }

  function stopRemote(id: string): void {
    const entry = remoteLinks.get(id);
    if (!entry) return;
    remoteLinks.delete(id);
    entry.link.destroy();
    entry.handle.release();
    rooms.announce(id, encodeRemoteState({ state: { kind: 'local' } }), { sticky: false });
  }

  async function createFromStrategy(strategy: StrategyFile, origin?: StoredOrigin, versionsFrom?: Y.Doc, notes?: Problem[]): Promise<DocumentSummary> {
    const doc = importStrategy(strategy, undefined, notes ? { notes } : {});
    try {
      if (versionsFrom) copyVersions(versionsFrom, doc); // a .pejling file's named versions come along
      const summary = await store.create(undefined, Y.encodeStateAsUpdate(doc), {
        title: strategy.meta.title,
        organisation: strategy.meta.organisation,
        ...(origin ? { origin } : {}),
        period: strategy.meta.period,
        ...(strategy.meta.status ? { status: strategy.meta.status } : {}),
      });
      return toSummary(summary);
    } finally {
      doc.destroy();
    }
  }

  /** Runs `fn` on the live document (the room's replica, loaded if needed). */
  async function withDocument<T>(id: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    if (!(await store.exists(id))) throw documentNotFound(id, uiLanguage);
    const handle = await rooms.acquire(id);
    try {
      return await fn(handle.doc);
    } finally {
      handle.release();
    }
  }

  function strategyOf(doc: Y.Doc): StrategyFile {
    if (getSchemaVersion(doc) === SCHEMA_VERSION) return exportStrategy(doc);
    // An older layout is migrated on a copy: exporting must not rewrite the document people are editing.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    migrate(copy);
    const strategy = exportStrategy(copy);
    copy.destroy();
    return strategy;
  }

  /** The document of a .pejling file when it holds named versions (to copy them into the new document); else null. */
  function pejlingVersions(bytes: Uint8Array, fileName: string): Y.Doc | null {
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, decodePejlingFile(bytes, fileName).update);
      return listVersions(doc).length > 0 ? doc : null;
    } catch {
      return null; // not a .pejling file (JSON), or one readStrategyBytes already read: nothing to copy
    }
  }

  /** A named version's content (shared/model/versions.ts); an unknown one is 'version-not-found'. */
  function versionStrategyOf(doc: Y.Doc, version: string): StrategyFile {
    let copy: Y.Doc;
    try {
      copy = loadVersion(doc, version);
    } catch (error) {
      if (error instanceof UnknownVersionError) throw hostError('version-not-found', { name: version }, 404, uiLanguage);
      throw error;
    }
    try {
      return strategyOf(copy);
    } finally {
      copy.destroy();
    }
  }

  function exportSuffix(strategy: StrategyFile, part: ExportDocxOptions['part'], compare?: ExportDocxOptions['compare']): string {
    // The file is the document's: its name is in the document's language, as its contents are.
    const lang = strategy.meta.language ?? 'da';
    if (part === 'strategy') return compare ? ` - ${t(lang, 'redline.fileName.changesSince', { name: compare.name })}` : '';
    if (part === 'status') return ` - ${t(lang, 'host.fileName.statusReport')}`;
    return ` - ${strategy.actionPlans?.find((p) => `plan:${p.id}` === part)?.title ?? t(lang, 'host.fileName.actionPlan')}`;
  }

  /**
   * The redline of an export request: the old content (interchange JSON text, or a named version of the
   * same document), validated; by whom (the request's author, else the document's "prepared by", else its
   * organisation), now.
   */
  async function redlineOf(id: string, strategy: StrategyFile, exportOptions: ExportDocxOptions): Promise<RedlineOptions | undefined> {
    const compare = exportOptions.compare;
    if (!compare) return undefined;
    if (exportOptions.part !== 'strategy' || exportOptions.comments || exportOptions.suggestions) {
      const reason = exportOptions.comments ? 'comments' : exportOptions.suggestions ? 'suggestions' : 'part';
      throw hostError('invalid-argument', { method: 'exportDocx', argument: 'options', path: '/compare', reason }, 400, uiLanguage);
    }
    let old: StrategyFile;
    if (compare.version !== undefined) {
      const version = compare.version;
      old = await withDocument(id, (doc) => versionStrategyOf(doc, version));
    } else {
      const parsed = parseStrategyText(compare.oldJson ?? '', uiLanguage);
      if (!parsed.ok) throw hostError('invalid-file', { name: compare.name, problems: parsed.problems.map(formatProblem).join('\n') }, 400, uiLanguage);
      old = parsed.strategy;
    }
    return { old, author: compare.author ?? (strategy.meta.preparedBy?.trim() || strategy.meta.organisation), date: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
  }

  const api: HostApi = {
    info: () => ({ kind: options.kind ?? 'browser', version: packageJson.version, dataDir: store.dataDir }),
    setUiLanguage(lang) {
      if (lang === uiLanguage) return null;
      uiLanguage = lang;
      for (const listener of languageListeners) listener(lang);
      // The list's notices are worded anew.
      for (const id of notices.keys()) pushChanged(id);
      return null;
    },
    uiLanguage: () => uiLanguage,
    onUiLanguage(listener) {
      languageListeners.add(listener);
      return () => languageListeners.delete(listener);
    },
    listDocuments: async () => (await store.list()).map(toSummary),
    async getDocument(id) {
      if (!(await store.exists(id))) throw documentNotFound(id, uiLanguage);
      return toSummary(await store.getSummary(id));
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    async fileNameFor(method, ...args) {
      if (method === 'saveDocumentAs') {
        const [id, format] = args as [string, 'pejling' | 'json'];
        return withDocument(id, (doc) => safeFileName(readSummary(doc).title, format));
      }
      const [id, exportOptions] = args as [string, ExportDocxOptions];
      const strategy = await withDocument(id, (doc) => (exportOptions.version ? versionStrategyOf(doc, exportOptions.version) : strategyOf(doc)));
      const consultation = exportOptions.comments ? ` - ${t(strategy.meta.language ?? 'da', 'host.fileName.consultation')}` : '';
      const suggested = exportOptions.suggestions && exportOptions.format !== 'pdf' ? ` - ${t(strategy.meta.language ?? 'da', 'suggestionsExport.fileName')}` : '';
      return safeFileName(`${strategy.meta.title}${exportSuffix(strategy, exportOptions.part, exportOptions.compare)}${consultation}${suggested}`, exportOptions.format ?? 'docx');
    },
    listTemplates: (): Promise<TemplateSummary[]> => listTemplates(),
    async listHouseStyles() {
      // The styles that load; one that does not is not offered (exporting with it names its problems).
      const dir = join(templatesRoot(), 'styles');
      const out: { name: string; label: string; description?: string }[] = [];
      for (const name of await listStyleNames(dir)) {
        const loaded = await loadHouseStyle(name, dir).catch(() => undefined);
        if (loaded) out.push({ name, label: loaded.style.label, ...(loaded.style.description ? { description: loaded.style.description } : {}) });
      }
      return out;
    },
    async createDocument(request: CreateDocumentRequest) {
      switch (request.from) {
        case 'template': {
          const strategy = await loadTemplate(request.name, uiLanguage).catch((error: unknown) => {
            throw new HostError('template-not-found', { name: request.name }, error instanceof Error ? error.message : String(error), 404);
          });
          if (request.title?.trim()) strategy.meta.title = request.title.trim();
          if (request.organisation?.trim()) strategy.meta.organisation = request.organisation.trim();
          return createFromStrategy(strategy, { kind: 'template', source: request.name });
        }
        case 'example': {
          const strategy = await loadExample(request.name, uiLanguage).catch((error: unknown) => {
            throw new HostError('example-not-found', { name: request.name }, error instanceof Error ? error.message : String(error), 404);
          });
          return createFromStrategy(strategy, { kind: 'example', source: strategy.meta.title });
        }
        case 'json':
          return api.openFile({ fileName: request.fileName, bytes: new TextEncoder().encode(request.text) });
        default:
          throw hostError('invalid-argument', { method: 'createDocument', argument: 'request', path: '/from', reason: 'unknown' }, 400, uiLanguage);
      }
    },
    async deleteDocument(id) {
      const pending = deleting.get(id);
      if (pending) await pending.catch(() => undefined);
      if (!(await store.exists(id))) throw documentNotFound(id, uiLanguage);
      const run = (async () => {
        clearTimeout(pushTimers.get(id));
        pushTimers.delete(id);
        stopRemote(id);
        await store.delete(id);
        notices.delete(id);
        listedSummaries.delete(id);
      })();
      deleting.set(id, run);
      try {
        await run;
      } finally {
        if (deleting.get(id) === run) deleting.delete(id);
      }
      emit('documentChanged', { id, summary: null });
      return { deleted: id };
    },
    async openFile({ fileName, bytes }) {
      // The problems are worded in the UI language: the user reads them in the app (issue 17).
      const lang = uiLanguage;
      let result;
      try {
        result = readStrategyBytes(bytes, fileName, lang);
      } catch (error) {
        const reason = error instanceof StrategyInputError ? error.reason : error instanceof Error ? error.message : String(error);
        throw hostError('file-unreadable', { fileName, reason }, 400, lang);
      }
      if (!result.ok) {
        const problems = result.problems.map(formatProblem);
        throw hostError('invalid-file', { name: fileName, problems: problems.join('\n') }, 400, lang);
      }
      // Comment threads whose quote is not in their field (kept on the field without a mark): the user hears of them.
      const quoteNotes: Problem[] = [];
      const summary = await createFromStrategy(result.strategy, { kind: /\.pejling$/i.test(fileName) ? 'file' : 'json', source: fileName }, pejlingVersions(bytes, fileName) ?? undefined, quoteNotes);
      if (result.warnings.length === 0 && quoteNotes.length === 0) return summary;
      // Fields the format does not know were not kept: the user hears where they were.
      const paths = result.warnings.map((w) => w.path);
      const unknownNotice = (noticeLang: Lang) => (paths.length === 0 ? [] : [t(noticeLang, 'host.notice.unknownFields', { name: fileName, count: paths.length, fields: listFields(noticeLang, paths) })]);
      const quoteNotice = (noticeLang: Lang) => (quoteNotes.length === 0 ? [] : [t(noticeLang, 'comments.import.notice', { name: fileName, count: quoteNotes.length })]);
      const notice = (noticeLang: Lang) => [...unknownNotice(noticeLang), ...quoteNotice(noticeLang)].join(' ');
      notices.set(summary.id, notice);
      return { ...summary, notice: notice(lang) };
    },
    async readWordDocument({ fileName, bytes }) {
      try {
        return { fileName, document: await readDocx(bytes) };
      } catch (error) {
        if (error instanceof WordImportError) throw hostError('word-import', { reason: error.reason, file: fileName }, 422, uiLanguage);
        throw error;
      }
    },
    async saveDocumentAs(id, format): Promise<FilePayload> {
      return withDocument(id, (doc) => {
        const { title, organisation } = readSummary(doc);
        if (format === 'json') {
          const text = `${JSON.stringify(strategyOf(doc), null, 2)}\n`;
          return { fileName: safeFileName(title, 'json'), mimeType: 'application/json', bytes: new TextEncoder().encode(text) };
        }
        const bytes = encodePejlingFile({
          header: { title, organisation, schemaVersion: SCHEMA_VERSION, savedAt: new Date().toISOString(), appVersion: packageJson.version, sourceId: id },
          update: Y.encodeStateAsUpdate(doc),
        });
        return { fileName: safeFileName(title, 'pejling'), mimeType: 'application/x-pejling', bytes };
      });
    },
    async exportDocx(id, exportOptions: ExportDocxOptions): Promise<FilePayload> {
      const strategy = await withDocument(id, (doc) => (exportOptions.version ? versionStrategyOf(doc, exportOptions.version) : strategyOf(doc)));
      const part = exportOptions.part;
      if (part.startsWith('plan:') && !strategy.actionPlans?.some((p) => `plan:${p.id}` === part)) {
        throw hostError('plan-not-found', { plan: part.slice(5) }, 404, uiLanguage);
      }
      const compare = await redlineOf(id, strategy, exportOptions);
      const result = await exportStrategyDocument(strategy, {
        part,
        ...(compare ? { compare } : {}),
        ...(exportOptions.style ? { style: exportOptions.style } : {}),
        ...(exportOptions.asOf && part === 'status' ? { asOf: exportOptions.asOf } : {}),
        ...(exportOptions.comments ? { comments: true } : {}),
        ...(exportOptions.suggestions && exportOptions.format !== 'pdf' ? { suggestions: true } : {}),
        ...(exportOptions.format === 'pdf' ? { pdf: true } : {}),
        stylesDir: join(templatesRoot(), 'styles'),
      }, (phase) => emit('exportProgress', { id, phase })).catch((error: unknown) => {
        if (error instanceof Error && error.name === 'PdfUnavailableError') throw hostError('pdf-needs-libreoffice', {}, 503, uiLanguage);
        throw error instanceof UnknownStyleError ? hostError('unknown-style', { style: exportOptions.style ?? '' }, 400, uiLanguage) : error;
      });
      const consultation = exportOptions.comments ? ` - ${t(strategy.meta.language ?? 'da', 'host.fileName.consultation')}` : '';
      const suggested = exportOptions.suggestions && exportOptions.format !== 'pdf' ? ` - ${t(strategy.meta.language ?? 'da', 'suggestionsExport.fileName')}` : '';
      const name = `${strategy.meta.title}${exportSuffix(strategy, part, exportOptions.compare)}${consultation}${suggested}`;
      if (exportOptions.format === 'pdf' && result.pdf) return { fileName: safeFileName(name, 'pdf'), mimeType: 'application/pdf', bytes: result.pdf };
      return { fileName: safeFileName(name, 'docx'), mimeType: DOCX_MIME, bytes: result.bytes };
    },
    async setRemote(id, remote: RemoteSettings | null) {
      if (!(await store.exists(id))) throw documentNotFound(id, uiLanguage);
      if (remote) {
        if (!RemoteUrl.safeParse(remote.url).success) {
          throw hostError('invalid-remote-url', { url: remote.url }, 400, uiLanguage);
        }
        const summary = await store.updateSummary(id, { remote: { url: remote.url, ...(remote.token ? { token: remote.token } : {}) } });
        await startRemote(id, remote);
        pushChanged(id);
        return toSummary(summary);
      }
      stopRemote(id);
      const summary = toSummary(await store.updateSummary(id, { remote: null }));
      pushChanged(id);
      return summary;
    },
  };

  const connector: DocumentConnector = {
    connect(documentId, transport) {
      const roomTransport: Transport = { send: (bytes) => transport.send(bytes), close: () => transport.close() };
      let connection: RoomConnection | null = null;
      try {
        connection = rooms.connect(documentId, roomTransport, { role: 'editor', pejling: true, peer: 'desktop' });
      } catch {
        transport.close();
      }
      return {
        receive: (bytes) => connection?.receive(bytes),
        close: () => connection?.transportClosed(),
      };
    },
  };

  // Documents connected to a server keep syncing in the background.
  for (const summary of await store.list()) {
    if (summary.remote) await startRemote(summary.id, summary.remote).catch(() => undefined);
  }

  return {
    api,
    connector,
    rooms,
    store,
    persistence,
    async close() {
      for (const id of [...remoteLinks.keys()]) stopRemote(id);
      for (const timer of pushTimers.values()) clearTimeout(timer);
      pushTimers.clear();
      listeners.clear();
      for (const [id, timer] of summaryTimers) {
        clearTimeout(timer);
        await refreshSummary(id).catch(() => undefined);
      }
      await rooms.close();
      await store.close();
    },
  };
}
