// The service worker of browser mode (built by Vite to dist/renderer/sw.js, see service-worker-plugin.ts):
// keeps the app shell (index.html and the built assets) available when the local Pejling server cannot be
// reached, so that a reload while offline still opens the app (the document comes from IndexedDB).
//
// - install: caches every file of this build in a cache named after the build (precache list injected at
//   build time); activate: deletes the caches of older builds.
// - navigations: network first (a new build is picked up at once), the cached shell when offline.
// - built assets: cache first (their names carry a content hash).
// - never touches /api/ (the host's live answers) or WebSockets (a service worker never sees those).
//
// Runs in the service worker global scope: no DOM, no app code imported.

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}

interface ServiceWorkerScopeLike {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

declare const __PEJLING_SW_VERSION__: string;
declare const __PEJLING_PRECACHE__: string[];

const scope = self as unknown as ServiceWorkerScopeLike;
const CACHE_PREFIX = 'pejling-shell-';
const CACHE_NAME = `${CACHE_PREFIX}${__PEJLING_SW_VERSION__}`;
const scopeUrl = new URL(scope.registration.scope);
/** Absolute URLs of this build's files; the first is the shell (index.html at the scope root). */
const precache = __PEJLING_PRECACHE__.map((path) => new URL(path, scopeUrl).href);
const shellUrl = scopeUrl.href;

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // 'reload': straight from the server, never from the HTTP cache (which may hold an older index.html).
      await cache.addAll(precache.map((url) => new Request(url, { cache: 'reload' })));
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME).map((name) => caches.delete(name)));
      await scope.clients.claim();
    })(),
  );
});

function isOwnFile(url: URL): boolean {
  if (url.origin !== scopeUrl.origin || !url.pathname.startsWith(scopeUrl.pathname)) return false;
  const inside = url.pathname.slice(scopeUrl.pathname.length);
  return !inside.startsWith('api/') && inside !== 'healthz';
}

async function networkFirstShell(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(shellUrl, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(shellUrl);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.includes('/assets/')) await cache.put(request, response.clone());
  return response;
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!isOwnFile(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstShell(request));
    return;
  }
  if (precache.includes(url.href.split('?')[0]!) || url.pathname.includes('/assets/')) event.respondWith(cacheFirst(request));
});
