#!/usr/bin/env node
// `npm start`: the desktop app when the Electron runtime is installed, otherwise browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime } from '../scripts/electron-runtime.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(script, args) {
  const result = spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const runtime = findElectronRuntime();
if ('path' in runtime) {
  run('scripts/build.js', []);
  const child = spawn(runtime.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`The Electron runtime is not installed here (${runtime.missing}), so Pejling starts in browser mode instead.`);
  // PEJLING_SKIP_BUILD: the caller (the test suite) has just built the renderer.
  if (!process.env.PEJLING_SKIP_BUILD) run('scripts/build.js', ['--renderer']);
  const port = (await portIsFree(4455)) ? '4455' : '0';
  const child = spawn(process.execPath, [join(root, 'bin/pejling.js'), 'server', '--port', port, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
