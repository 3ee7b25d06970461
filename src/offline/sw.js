/*
 * The site's service worker, served at /sw.js by src/pages/sw.js.ts, which writes the
 * build's version below. What the reader opens is cached as it is fetched; nothing is
 * downloaded ahead, so a first visit costs no extra bytes.
 *
 * - /_astro/*: names carry a content hash, so a cached copy is never stale: cache first.
 *   This covers the page scripts and styles, the snippet worker, tfjs and its .wasm files
 *   (the worker's own requests come here too: a worker started by a controlled page is controlled).
 * - Pages and everything else (Pagefind's index, icons): network first, so a reader online
 *   always gets the current page; the cached copy answers offline or when the network stalls.
 * - A new build has a new version: its cache starts empty and, once it takes over
 *   (when no tab runs the old one any more), the old version's cache is deleted.
 */
const VERSION = '__BUILD_VERSION__';
const PREFIX = 'lambda-or-layer-';
const CACHE = PREFIX + VERSION;
/** After this long without an answer, a cached page is shown rather than a blank tab. */
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', () => {
  // Nothing to precache: see above.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      // No navigation preload: with it, Firefox shows its network error page for a visited page
      // reloaded offline, before this worker can answer from the cache (workbox#3134). Turned
      // off explicitly, since an earlier version of this worker turned it on.
      await self.registration.navigationPreload?.disable();
      // Control the page that registered us, so the tfjs it fetches next is cached.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === '/sw.js') return;
  event.respondWith(url.pathname.startsWith('/_astro/') ? cacheFirst(event) : networkFirst(event, url));
});

/** The page that registered the worker loaded before it was controlled: it sends what it fetched. */
self.addEventListener('message', (event) => {
  const { data } = event;
  if (data?.type !== 'cache-loaded' || !Array.isArray(data.urls)) return;
  event.waitUntil(cacheLoaded(data.urls.filter((u) => typeof u === 'string')));
});

async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

/** Pages and Pagefind files are stored without their query (Pagefind adds a timestamp to some). */
function storageKey(url) {
  return url.origin + url.pathname;
}

async function networkFirst(event, url) {
  const cache = await caches.open(CACHE);
  const key = storageKey(url);
  const network = (async () => {
    const response = await fetch(event.request);
    if (response.ok && response.type === 'basic') event.waitUntil(cache.put(key, response.clone()));
    return response;
  })();
  // Keeps the worker alive to store a response that arrives after a cached copy was shown.
  event.waitUntil(
    network.then(
      () => undefined,
      () => undefined,
    ),
  );
  const timedOut = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, 'timeout'));
  try {
    const first = await Promise.race([network, timedOut]);
    if (first !== 'timeout') return first;
    return (await cache.match(key, { ignoreVary: true })) ?? (await network);
  } catch {
    return (await cache.match(key, { ignoreVary: true })) ?? Response.error();
  }
}

async function cacheLoaded(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls.map(async (href) => {
      const url = new URL(href, self.location.origin);
      if (url.origin !== self.location.origin) return;
      const key = url.pathname.startsWith('/_astro/') ? url.href : storageKey(url);
      if (await cache.match(key, { ignoreVary: true })) return;
      try {
        // Just downloaded by the page: the HTTP cache has it, even a page served with no-cache.
        const response = await fetch(url.href, { cache: 'force-cache' });
        if (response.ok) await cache.put(key, response);
      } catch {
        // Offline already: it will be cached on the next visit.
      }
    }),
  );
}
