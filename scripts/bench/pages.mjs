// First load of every page: bytes by kind (gzip, as served), requests, LCP and TBT, and whether
// anything of tfjs or the editor came without the reader asking.
const kind = (url, type) =>
  type === 'document'
    ? 'html'
    : type === 'stylesheet'
      ? 'css'
      : type === 'script' || /\.m?js(\?|$)/.test(url)
        ? 'js'
        : type === 'font'
          ? 'fonts'
          : 'other';

/** Chunks that only intent may fetch: the editor island and the worker with tfjs. */
const ON_INTENT = /\/_astro\/(?:island|assist|session|worker|tfjs|acorn|dist)[.-][^/]*\.js$/;

export async function measurePage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__perf = { lcp: 0, longTasks: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__perf.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__perf.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const bytes = { html: 0, css: 0, js: 0, fonts: 0, other: 0 };
  const requests = [];
  page.on('requestfinished', (request) => requests.push(request));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  for (const request of requests) {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) bytes[kind(request.url(), request.resourceType())] += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  const perf = await page.evaluate(() => /** @type {any} */ (window).__perf);
  await context.close();
  return {
    path: new URL(url).pathname,
    ...bytes,
    total: Object.values(bytes).reduce((a, b) => a + b, 0),
    requests: requests.length,
    lcpMs: Math.round(perf.lcp),
    tbtMs: Math.round(perf.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)),
    unasked: requests
      .map((r) => r.url())
      .filter((u) => ON_INTENT.test(u))
      .map((u) => u.split('/').pop()),
  };
}
