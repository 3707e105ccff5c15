// What the host (Electron main process or the local server in browser mode) offers the renderer, independent of
// transport: the contract's methods (shared/host/contract.ts) as the host implements them, plus the events it
// pushes. Electron derives its IPC handlers from the contract (main/electron/ipc-handlers.ts), browser mode its
// HTTP routes (main/host/http-api.ts). Files come and go as bytes here; dialogs and downloads belong to the transports.
import type { EventName, EventPayload, FileOutMethodName, HostErrorData, HostImplementation, MethodArgs, PageMethodName } from '../../shared/host/contract';
import { errorText, type HostErrorCode } from '../../shared/host/errors';
import type { Lang } from '../../shared/i18n/messages';
import { StorageError } from '../storage/types';

export type { FilePayload } from '../../shared/host/contract';

export type HostApi = Omit<HostImplementation, PageMethodName> & {
  /** The UI language the renderer last set (setUiLanguage; Danish until then): dialogs, menus and host texts use it. */
  uiLanguage(): Lang;
  /** Listens to changes of the UI language (the desktop rebuilds its menu); returns the unsubscribe. */
  onUiLanguage(listener: (lang: Lang) => void): () => void;
  /** Listens to what the host pushes on its own (documentChanged); returns the unsubscribe. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The file name a save or export of this document gets (the save dialog's suggestion; the same as the payload's). */
  fileNameFor<M extends FileOutMethodName>(method: M, ...args: MethodArgs<M>): Promise<string>;
};

/**
 * An error meant for the user: a stable `code` with its `params` (whoever shows it translates the code) and, until
 * the message catalog does that, a message; `status` is the HTTP status in browser mode.
 */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly params: Record<string, string | number>,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'HostError';
  }

  static from(data: HostErrorData, status = 400): HostError {
    return new HostError(data.code as HostErrorCode, data.params, data.message, status);
  }

  toData(): HostErrorData {
    return { code: this.code, params: this.params, message: this.message };
  }
}

/** A HostError whose message is its code worded by the catalog in `lang` (the host's UI language). */
export function hostError(code: HostErrorCode, params: Record<string, string | number>, status: number, lang: Lang): HostError {
  return new HostError(code, params, errorText(lang, code, params) ?? code, status);
}

export function documentNotFound(id: string, lang: Lang = 'da'): HostError {
  return hostError('document-not-found', { id }, 404, lang);
}

/**
 * Any error as it may cross the boundary: host errors as they are, the storage's refusals with their code, and
 * everything else as 'internal' (500) without its internal message (which the transport logs instead).
 */
export function toHostError(error: unknown, lang: Lang = 'da'): HostError {
  if (error instanceof HostError) return error;
  if (error instanceof StorageError) {
    if (error.code === 'not-found') return hostError('document-not-found', {}, 404, lang);
    if (error.code === 'invalid-id') return hostError('invalid-document-id', {}, 400, lang);
    if (error.code === 'exists') return hostError('document-exists', {}, 409, lang);
    if (error.code === 'locked') return hostError('document-locked', {}, 409, lang);
    if (error.code === 'invalid-input' || error.code === 'not-pejling-file' || error.code === 'damaged' || error.code === 'newer-version' || error.code === 'name-taken') {
      return hostError(`storage-${error.code}`, {}, 400, lang);
    }
    // The disk refused a write: the user must hear that, not "an internal error".
    if (error.code === 'disk-full' || error.code === 'write-failed') return hostError(`storage-${error.code}`, {}, 507, lang);
  }
  return hostError('internal', {}, 500, lang);
}
