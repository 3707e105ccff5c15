// LibreOffice on the host, used headless as a layout engine: a .docx in, its PDF out. Each
// conversion runs with a fresh user profile in a temporary folder, so it never collides with a
// LibreOffice the user has open (or another conversion), and leaves nothing behind.
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/snap/bin/libreoffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The soffice program: $PEJLING_SOFFICE when set ("none" turns LibreOffice off), else the first
 * soffice/libreoffice on PATH, else a usual install location. undefined when there is none.
 */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const configured = env.PEJLING_SOFFICE;
  if (configured !== undefined && configured !== '') {
    if (configured === 'none') return undefined;
    return (await isExecutable(configured)) ? configured : undefined;
  }
  const names = process.platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const file = path.join(dir, name);
      if (await isExecutable(file)) return file;
    }
  }
  for (const file of CANDIDATES) if (await isExecutable(file)) return file;
  return undefined;
}

export class LibreOfficeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibreOfficeError';
  }
}

// One conversion at a time in this process: LibreOffice is heavy, and the machine is shared.
let queue: Promise<unknown> = Promise.resolve();

/** Converts .docx bytes to PDF bytes with LibreOffice (headless); `filter` is --convert-to's argument (./pdf/pdf-filter.ts). */
export function convertDocxToPdf(docx: Uint8Array, soffice: string, timeoutMs = 120_000, filter = 'pdf'): Promise<Buffer> {
  const run = queue.then(() => convert(docx, soffice, timeoutMs, filter));
  queue = run.catch(() => undefined);
  return run;
}

async function convert(docx: Uint8Array, soffice: string, timeoutMs: number, filter: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pejling-layout-'));
  try {
    const input = path.join(dir, 'document.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--nolockcheck', '--convert-to', filter, '--outdir', dir, input];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(soffice, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-2000);
      });
      const timer = setTimeout(() => {
        // soffice starts soffice.bin as a child: end the whole process group.
        try {
          if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
          else child.kill('SIGKILL');
        } catch {
          /* already gone */
        }
        reject(new LibreOfficeError(`LibreOffice did not finish within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new LibreOfficeError(`LibreOffice could not be started (${soffice}): ${error.message}`));
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new LibreOfficeError(`LibreOffice exited with code ${code}: ${stderr.trim().split('\n').pop() ?? ''}`));
      });
    });
    try {
      return await readFile(path.join(dir, 'document.pdf'));
    } catch {
      throw new LibreOfficeError('LibreOffice wrote no PDF');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
