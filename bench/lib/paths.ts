// Where things are: the repository root (this file is bench/lib/paths.ts), the results folder, and
// the shared editing trace next to the repository.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
export const RENDERER_DIST = join(REPO_ROOT, 'dist', 'renderer');

/** The automerge-paper trace lives in ../shared/data/editing-trace/ seen from the repository root. */
export const TRACE_FILE = join(REPO_ROOT, '..', 'shared', 'data', 'editing-trace', 'automerge-paper.json.gz');

export function requireFile(path: string, what: string, hint: string): string {
  if (!existsSync(path)) throw new Error(`${what} is missing: ${path} does not exist. ${hint}`);
  return path;
}
