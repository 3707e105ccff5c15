// What the host (Electron main process or the local server in browser mode) offers the renderer, independent of
// transport: the contract's methods (shared/host/contract.ts) as the host implements them, plus the events it
// pushes. Electron derives its IPC handlers from the contract (main/electron/ipc-handlers.ts), browser mode its
// HTTP routes (main/host/http-api.ts). Files come and go as bytes here; dialogs and downloads belong to the transports.
import type { EventName, EventPayload, FileOutMethodName, HostErrorData, HostImplementation, MethodArgs, PageMethodName } from '../../shared/host/contract';
import { StorageError } from '../storage/types';

export type { FilePayload } from '../../shared/host/contract';

export type HostApi = Omit<HostImplementation, PageMethodName> & {
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
    readonly code: string,
    readonly params: Record<string, string | number>,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'HostError';
  }

  static from(data: HostErrorData, status = 400): HostError {
    return new HostError(data.code, data.params, data.message, status);
  }

  toData(): HostErrorData {
    return { code: this.code, params: this.params, message: this.message };
  }
}

export function documentNotFound(id: string): HostError {
  return new HostError('document-not-found', { id }, `Dokumentet '${id}' findes ikke.`, 404);
}

/**
 * Any error as it may cross the boundary: host errors as they are, the storage's refusals with their code, and
 * everything else as 'internal' (500) without its internal message (which the transport logs instead).
 */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  if (error instanceof StorageError) {
    if (error.code === 'not-found') return new HostError('document-not-found', {}, error.message, 404);
    if (error.code === 'invalid-id') return new HostError('invalid-document-id', {}, error.message, 400);
    if (error.code === 'exists') return new HostError('document-exists', {}, error.message, 409);
    if (error.code === 'locked') return new HostError('document-locked', {}, error.message, 409);
    if (error.code === 'invalid-input' || error.code === 'not-pejling-file' || error.code === 'damaged' || error.code === 'newer-version') {
      return new HostError(`storage-${error.code}`, {}, error.message, 400);
    }
  }
  return new HostError('internal', {}, 'Der skete en intern fejl i Pejling; se loggen.', 500);
}
