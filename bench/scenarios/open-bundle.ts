// The open scenario's bundle figure (issue 18, "opening"): the JavaScript a page load fetches and parses before the
// document's first paint, read from the build (dist/renderer/index.html's entry script and its modulepreload links,
// i.e. the entry's static imports), against all of the app's JavaScript. The views not on screen, the start screen
// and the import paths are chunks of their own, fetched when shown (renderer/src/doc/lazy-view.tsx).
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { figure, type Figure } from '../lib/figures';

/** The JS files index.html loads at once (script src and modulepreload href), relative to dist/renderer. */
export function firstLoadScripts(indexHtml: string): string[] {
  const files = new Set<string>();
  for (const match of indexHtml.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = match[0];
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if ((isScript || isPreload) && url) files.add(url.replace(/^\.\//, ''));
  }
  return [...files];
}

export async function firstBundleFigure(distDir: string, group: string): Promise<Figure> {
  const first = firstLoadScripts(await readFile(join(distDir, 'index.html'), 'utf8'));
  if (first.length === 0) throw new Error(`${join(distDir, 'index.html')} loads no module script`);
  const sizeOf = async (file: string) => (await stat(join(distDir, file))).size;
  const firstBytes = (await Promise.all(first.map(sizeOf))).reduce((a, b) => a + b, 0);
  const all = (await readdir(join(distDir, 'assets'))).filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`);
  const allBytes = (await Promise.all(all.map(sizeOf))).reduce((a, b) => a + b, 0);
  return figure({
    id: 'open.first-bundle',
    group,
    title: 'JavaScript fetched and parsed before the document’s first paint (build, first load)',
    value: firstBytes / 1024,
    unit: 'KiB',
    baseline: { label: 'all of the app’s JavaScript', value: allBytes / 1024, unit: 'KiB' },
    details: { firstLoad: first, chunks: all.length },
  });
}
