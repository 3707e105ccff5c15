// A Python that can `import uno`, for the warm LibreOffice's bridge. LibreOffice's Python binding is built
// for one interpreter: Debian's python3-uno for /usr/bin/python3 (a pyenv or venv python3 first on PATH does
// not have it), LibreOffice's own `program/python` on Windows and macOS. The answer is kept per soffice.
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import path from 'node:path';

const found = new Map<string, Promise<string | undefined>>();

function canImportUno(python: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(python, ['-c', 'import uno'], { timeout: 20_000, windowsHide: true }, (error) => resolve(!error));
  });
}

async function candidates(soffice: string): Promise<string[]> {
  const list: string[] = [];
  let program = path.dirname(soffice);
  try {
    program = path.dirname(await realpath(soffice));
  } catch {
    /* keep the given folder */
  }
  // /usr/bin/soffice is a link into /usr/lib/libreoffice/program; bundled LibreOffices ship python there.
  list.push(path.join(program, process.platform === 'win32' ? 'python.exe' : 'python'));
  if (process.platform !== 'win32') list.push('/usr/bin/python3');
  list.push(process.platform === 'win32' ? 'python' : 'python3');
  return list;
}

/**
 * The Python to run the bridge with: $PEJLING_PYTHON when set ("none": no warm LibreOffice, the one-shot
 * soffice is used), else the first candidate that imports uno. undefined when there is none.
 */
export function findUnoPython(soffice: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const configured = env.PEJLING_PYTHON;
  if (configured === 'none') return Promise.resolve(undefined);
  const key = `${configured ?? ''}\u0000${soffice}`;
  let answer = found.get(key);
  if (!answer) {
    answer = (async () => {
      const list = configured ? [configured] : await candidates(soffice);
      for (const python of list) if (await canImportUno(python)) return python;
      return undefined;
    })();
    found.set(key, answer);
  }
  return answer;
}
