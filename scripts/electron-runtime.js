// Finds the Electron runtime WITHOUT triggering its download: the `electron` npm package (v41, the newest on Node 20)
// downloads its binary in its install script, which package.json's allowScripts denies because it fails on machines
// without network access (`node node_modules/electron/install.js` runs it by hand). We only look.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {{ path: string } | { missing: string }} */
export function findElectronRuntime() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (override) {
    const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
    const candidate = join(override, name);
    if (existsSync(candidate)) return { path: candidate };
    return { missing: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist` };
  }
  if (!existsSync(packageDir)) return { missing: 'the electron package is not installed (run npm ci)' };
  if (!existsSync(pathFile)) return { missing: 'the Electron runtime binary has not been downloaded (node_modules/electron/path.txt is missing)' };
  const candidate = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(candidate)) return { missing: `the Electron runtime binary is missing (${candidate})` };
  return { path: candidate };
}
