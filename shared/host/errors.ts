// The error codes that cross the host boundary, in one list: every place that throws a HostError (main/host,
// main/electron), the preload and the renderer's bridges use a code from here, and the compiler refuses any other.
// Each code is worded by the catalog: `host.error.<code>`, or `storage.error.<code>` for a storage refusal passed
// on as `storage-<code>`. test/unit/i18n/error-codes.test.ts checks that both catalogs word every code (and the
// type below already fails the typecheck on a code without a Danish entry).
import { isMessageKey, t, type Lang, type MessageKey, type MessageParams } from '../i18n/messages';

/** Codes the host, the Electron side, the HTTP side and the bridges answer with. */
export const HOST_ERROR_CODES = [
  // the bridges
  'unreachable',
  'unknown-method',
  // any transport
  'internal',
  'invalid-argument',
  // the Electron side
  'unknown-sender',
  // the HTTP side
  'invalid-encoding',
  'body-too-deep',
  'body-missing',
  'bad-json',
  'file-name-missing',
  'method-not-allowed',
  'unknown-route',
  'request-header-missing',
  'cross-origin',
  // the host's methods
  'document-not-found',
  'invalid-document-id',
  'document-exists',
  'document-locked',
  'template-not-found',
  'example-not-found',
  'file-unreadable',
  'invalid-file',
  'too-large',
  'plan-not-found',
  'version-not-found',
  'word-import',
  'unknown-style',
  'pdf-needs-libreoffice',
  'invalid-remote-url',
  'word-import',
] as const;

/** Storage refusals the host passes on as `storage-<code>` (main/host/host-api.ts toHostError). */
export const STORAGE_ERROR_CODES = ['invalid-input', 'not-pejling-file', 'damaged', 'newer-version', 'disk-full', 'write-failed', 'name-taken'] as const;

export type HostErrorCode = (typeof HOST_ERROR_CODES)[number] | `storage-${(typeof STORAGE_ERROR_CODES)[number]}`;

// Compile-time: every code has its Danish entry (the English catalog has the same keys as the Danish one).
type Unworded = Exclude<`host.error.${(typeof HOST_ERROR_CODES)[number]}` | `storage.error.${(typeof STORAGE_ERROR_CODES)[number]}`, MessageKey>;
const everyCodeWorded: [Unworded] extends [never] ? true : Unworded = true;
void everyCodeWorded;

/** Every code, for tests and for checking a code that arrived from elsewhere. */
export const ALL_HOST_ERROR_CODES: readonly HostErrorCode[] = [...HOST_ERROR_CODES, ...STORAGE_ERROR_CODES.map((code) => `storage-${code}` as const)];

/** The catalog key that words an error code, or undefined for a code Pejling does not know. */
export function errorKey(code: string): MessageKey | undefined {
  const key = code.startsWith('storage-') ? `storage.error.${code.slice('storage-'.length)}` : `host.error.${code}`;
  return isMessageKey(key) ? key : undefined;
}

/** An error code with its parameters, in a language; undefined when the code is unknown or a parameter is missing. */
export function errorText(lang: Lang, code: string, params: MessageParams = {}): string | undefined {
  const key = errorKey(code);
  if (!key) return undefined;
  try {
    return t(lang, key, params);
  } catch {
    return undefined;
  }
}
