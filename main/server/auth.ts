// The server's token file (`--auth FILE`):
//   { "tokens": [ { "token": "…", "role": "editor" | "commenter" | "viewer", "documents": ["*"] | ["name", …] } ] }
// A token grants its role on the listed documents ("*" = every document): editors read and write, commenters
// read and change only comments (enforced by the room, ../sync/commenter-check.ts), viewers only read.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isValidDocumentId } from '../storage/document-id';
import type { ConnectionRole } from '../../shared/sync/protocol';

export interface TokenGrant {
  role: ConnectionRole;
  /** null = every document. */
  documents: ReadonlySet<string> | null;
}

export interface AuthConfig {
  /** Keyed by the SHA-256 of the token, so lookups compare digests, not secrets. */
  readonly grants: ReadonlyMap<string, TokenGrant>;
}

export type AuthDecision =
  | { ok: true; role: ConnectionRole }
  | { ok: false; status: 401 | 403; reason: string };

/** A problem in the auth file; the message names the file and the JSON path. */
export class AuthFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthFileError';
  }
}

/** The roles a token can grant, in the order the error message lists them. */
const ROLES = ['editor', 'commenter', 'viewer'] as const satisfies readonly ConnectionRole[];

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function loadAuthFile(path: string): Promise<AuthConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AuthFileError(
      code === 'ENOENT' ? `auth file ${path} does not exist` : `auth file ${path} cannot be read (${code ?? String(error)})`,
    );
  }
  return parseAuthConfig(text, path);
}

/** Parses and validates the auth file's text; every problem is listed as `JSON-path: reason`. */
export function parseAuthConfig(text: string, source = 'auth file'): AuthConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AuthFileError(`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const problems: string[] = [];
  const grants = new Map<string, TokenGrant>();
  const seen = new Set<string>();
  const tokens = (value as { tokens?: unknown } | null)?.tokens;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('/: must be an object with a "tokens" array');
  } else if (!Array.isArray(tokens)) {
    problems.push('/tokens: must be an array');
  } else if (tokens.length === 0) {
    problems.push('/tokens: must list at least one token');
  } else {
    tokens.forEach((entry: unknown, index) => {
      const at = `/tokens/${index}`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        problems.push(`${at}: must be an object with token, role and documents`);
        return;
      }
      const { token, role, documents } = entry as Record<string, unknown>;
      let ok = true;
      if (typeof token !== 'string' || token.trim() === '') {
        problems.push(`${at}/token: must be a non-empty string`);
        ok = false;
      } else if (seen.has(digest(token))) {
        problems.push(`${at}/token: the same token is listed twice`);
        ok = false;
      } else {
        seen.add(digest(token));
      }
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
        problems.push(`${at}/role: must be one of ${ROLES.join(', ')}${role === undefined ? ' (missing)' : ` (is ${JSON.stringify(role)})`}`);
        ok = false;
      }
      let allowed: Set<string> | null = null;
      if (!Array.isArray(documents) || documents.length === 0) {
        problems.push(`${at}/documents: must be ["*"] or a non-empty list of document names`);
        ok = false;
      } else if (!(documents.length === 1 && documents[0] === '*')) {
        allowed = new Set();
        documents.forEach((name: unknown, i) => {
          if (name === '*') {
            problems.push(`${at}/documents/${i}: "*" must stand alone`);
            ok = false;
          } else if (!isValidDocumentId(name)) {
            problems.push(`${at}/documents/${i}: not a valid document name (letters, digits, ".", "_", "-"; 1-128 characters)`);
            ok = false;
          } else {
            allowed?.add(name);
          }
        });
      }
      if (ok) grants.set(digest(token as string), { role: role as ConnectionRole, documents: allowed });
    });
  }
  if (problems.length > 0) throw new AuthFileError(`${source} is invalid:\n  ${problems.join('\n  ')}`);
  return { grants };
}

/** Decides whether `token` may open `document`. */
export function authorize(config: AuthConfig, token: string | null, document: string): AuthDecision {
  if (!token) return { ok: false, status: 401, reason: 'a token is required' };
  // Looked up by digest: timing differences reveal at most something about a hash, never the token.
  const grant = config.grants.get(digest(token));
  if (!grant) return { ok: false, status: 401, reason: 'unknown token' };
  if (grant.documents !== null && !grant.documents.has(document)) {
    return { ok: false, status: 403, reason: 'token not valid for this document' };
  }
  return { ok: true, role: grant.role };
}
