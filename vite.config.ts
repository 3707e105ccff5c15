// Build of the renderer: one web app used inside Electron (loaded from a custom protocol / file,
// hence the relative base) and in browser mode (served by `pejling server`).
//
// `npm run dev`-style work: `npx vite` serves renderer/ with hot reload and proxies the HTTP API
// and the document WebSockets to a running `pejling server` (PEJLING_SERVER, default
// http://127.0.0.1:4455).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { serviceWorkerPlugin } from './renderer/src/collab/service-worker-plugin.js';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));
const devTarget = process.env.PEJLING_SERVER ?? 'http://127.0.0.1:4455';

export default defineConfig({
  root,
  base: './',
  // Preact through the automatic JSX runtime (Vite 8 transforms with oxc).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { __PEJLING_RENDER_COUNTS__: JSON.stringify(process.env.PEJLING_RENDER_COUNTS === '1') }, // perf18: render-budget test build
  // Browser mode's offline app shell (dist/renderer/sw.js).
  plugins: [serviceWorkerPlugin(fileURLToPath(new URL('./renderer/src/collab/service-worker.ts', import.meta.url)), ['favicon.svg'])],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // Rolldown warns when plugin callbacks take "significant time"; on a busy machine (2 cores shared with a test
    // run) the CSS transform crosses its threshold and `npm start` printed a profiling notice meant for plugin authors.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: devTarget, changeOrigin: true },
      // Document channels: ws://host/<documentId>?pejling=1 (Vite's own HMR socket has no query).
      '^/[^/?]+\\?pejling=1': { target: devTarget, ws: true, changeOrigin: true },
    },
  },
});
