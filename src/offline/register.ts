/**
 * Registers the offline service worker (src/offline/sw.js) once the page has loaded, so
 * it never competes with the page's own requests. The page loaded before any worker
 * controlled it, so it hands the worker the list of what it fetched, to be cached from
 * the browser's HTTP cache rather than downloaded again.
 */
function loadedUrls(): string[] {
  const page = location.origin + location.pathname;
  const assets = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${location.origin}/_astro/`));
  return [page, ...new Set(assets)];
}

async function register(): Promise<void> {
  await navigator.serviceWorker.register('/sw.js');
  if (navigator.serviceWorker.controller) return; // already controlled: the worker saw every request
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage({ type: 'cache-loaded', urls: loadedUrls() });
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  if (!import.meta.env.PROD) {
    // A worker left by a production build on this origin would cache the dev server's files.
    void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
    return;
  }
  const start = (): void => {
    register().catch(() => {
      // No worker (private mode, blocked): the site works as before, online only.
    });
  };
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
