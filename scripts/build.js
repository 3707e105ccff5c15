#!/usr/bin/env node
// Builds the app: the renderer with Vite (dist/renderer, used by Electron and by browser mode) and the Electron main
// process + preload with esbuild (dist/electron/*.cjs). `--renderer` or `--electron` builds one of them.
import { build as esbuild } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const all = !args.includes('--renderer') && !args.includes('--electron') && !args.includes('--render-counts');

// The render-budget test's variant of the renderer (test/e2e/render-budget.spec.ts): a render counter compiled in
// (PEJLING_RENDER_COUNTS=1 → __PEJLING_RENDER_COUNTS__), unminified so component names survive, in its own folder.
if (args.includes('--render-counts')) {
  const vite = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--minify', 'false', '--outDir', join(root, 'dist/renderer-render-counts')],
    { cwd: root, stdio: 'inherit', env: { ...process.env, PEJLING_RENDER_COUNTS: '1' } },
  );
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}

if (all || args.includes('--renderer')) {
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}

if (all || args.includes('--electron')) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'fs-native-extensions'],
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  // Node-side modules locate templates/ with import.meta.url; in the CommonJS bundle it is derived from __filename
  // (dist/electron/main.cjs, so '../../templates/' still lands on templates/, in the repository and in app.asar).
  await esbuild({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    define: { 'import.meta.url': '__pejlingModuleUrl' },
    banner: { js: "const __pejlingModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  // The Word export's worker thread (main/export/export-document.ts looks for it next to main.cjs).
  await esbuild({ ...common, entryPoints: ['main/export/export-worker.ts'], outfile: 'dist/electron/export-worker.cjs', define: { 'import.meta.url': '__pejlingModuleUrl' }, banner: { js: "const __pejlingModuleUrl = require('node:url').pathToFileURL(__filename).href;" } });
  // Sandboxed preloads may only require('electron'): everything else is bundled in.
  await esbuild({ ...common, platform: 'browser', entryPoints: ['main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
}
