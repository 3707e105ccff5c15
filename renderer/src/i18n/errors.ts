// Errors as the user reads them, in the UI language. The host answers with a stable code and its
// parameters beside its own message; the code is looked up in the catalog (host.error.<code>,
// storage.error.<code> for the storage's refusals: shared/host/errors.ts), and the message is the fallback
// for a code the catalog does not know. Components show errors through these, never through error.message.
import { errorKey } from '../../../shared/host/errors';
import { errorMessage as hostMessage, errorProblems as hostProblems } from '../bridge/bridge-error';
import { t } from './i18n';

interface Coded {
  code?: unknown;
  params?: unknown;
}

const catalogKey = errorKey;

function paramsOf(error: Coded): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (error.params && typeof error.params === 'object') {
    for (const [name, value] of Object.entries(error.params)) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return params;
}

/** The text of an error in the UI language: its code's catalog message, else its own message. */
export function errorMessage(error: unknown): string {
  const coded = (error ?? {}) as Coded;
  const key = typeof coded.code === 'string' ? catalogKey(coded.code) : undefined;
  if (key) {
    try {
      return t(key, paramsOf(coded));
    } catch {
      // a parameter the message needs is missing: the host's own message is still better than nothing
    }
  }
  return hostMessage(error);
}

/** The problems to list for an error (e.g. a refused file): one line each, without the host's heading. */
export function errorProblems(error: unknown): string[] {
  const coded = (error ?? {}) as Coded;
  const problems = paramsOf(coded).problems;
  if (coded.code === 'invalid-file' && typeof problems === 'string') return problems.split('\n').filter((line) => line.trim() !== '');
  if (typeof coded.code === 'string' && catalogKey(coded.code)) return [errorMessage(error)];
  return hostProblems(error);
}
