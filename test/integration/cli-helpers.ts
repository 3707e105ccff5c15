// Runs the real `pejling` command line as a child process (node bin/pejling.js …).
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function pejling(args: string[], cwd = repoRoot): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'bin/pejling.js'), ...args],
      { cwd, env: { ...process.env, PEJLING_DEBUG: '' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** A Node stack trace line ("    at fn (file:1:2)"). */
export const STACK_LINE = /^\s+at .+[:(]/m;
