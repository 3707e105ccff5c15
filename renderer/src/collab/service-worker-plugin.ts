// Vite plugin (used by vite.config.ts) that builds collab/service-worker.ts as dist/renderer/sw.js and
// injects the build's file list and a version derived from it: any change to the app changes sw.js, so
// browsers install the new worker, which caches the new files and deletes the old cache.
import type { Plugin } from 'vite';

const SW_FILE = 'sw.js';

/** A short, stable hash of a string (FNV-1a, 32 bit), for the cache version. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * `entry`: path of the service worker source. `publicFiles`: files of the public/ folder to cache too
 * (they are copied, not bundled, so the plugin cannot see them).
 */
export function serviceWorkerPlugin(entry: string, publicFiles: string[] = []): Plugin {
  return {
    name: 'pejling-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: entry, fileName: SW_FILE });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SW_FILE];
      if (!worker || worker.type !== 'chunk') {
        this.error(`the service worker ${SW_FILE} is missing from the bundle`);
        return;
      }
      // Every output file, the lazily imported chunks too (the views, the start screen, the comparison: issue 18), so
      // that offline every view still opens (test/e2e/offline-views.spec.ts).
      const files = Object.keys(bundle)
        .filter((name) => name !== SW_FILE && !name.endsWith('.map'))
        .sort();
      // The scope root first: it is the shell navigations fall back to.
      const precache = ['./', ...files.filter((name) => name !== 'index.html').map((name) => `./${name}`), ...publicFiles.map((name) => `./${name}`)];
      const version = hash(files.join('\n'));
      const replaced = worker.code
        .replace(/__PEJLING_PRECACHE__/g, JSON.stringify(precache))
        .replace(/__PEJLING_SW_VERSION__/g, JSON.stringify(version));
      if (replaced.includes('__PEJLING_')) this.error('service worker placeholders were not all replaced');
      worker.code = replaced;
    },
  };
}
