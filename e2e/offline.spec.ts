/** Reading offline: a page visited once, and its snippets, work with the network cut. */
import { expect, test } from '@playwright/test';
import { run, settled, snippet } from './helpers';

test.describe('offline', () => {
  test('a page visited once loads and runs its snippet with the network cut', async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto('/en/');
    // The service worker takes control of the page it was registered from.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });
    const root = snippet(page, 'overview-first');
    await root.scrollIntoViewIfNeeded();
    await root.hover(); // tfjs and the worker are fetched on intent
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-output]')).not.toBeEmpty();

    await context.setOffline(true);
    // The network is really cut, for the service worker too: what was never fetched fails.
    expect(
      await page.evaluate(() =>
        fetch('/robots.txt').then(
          (r) => r.status,
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    const assets: { path: string; fromCache: boolean }[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/_astro/')) assets.push({ path, fromCache: r.fromServiceWorker() });
    });
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.locator('h1')).toBeVisible();
    const again = snippet(page, 'overview-first');
    await again.hover();
    await run(again);
    expect(await settled(again)).toBe('done');
    await expect(again.locator('[data-output]')).not.toBeEmpty();
    await expect(again.locator('[data-output] [data-error]')).toHaveCount(0);
    // Styles, scripts, the snippet worker and the tfjs chunks it imports: all from the worker's cache.
    expect(assets.filter((a) => a.path.endsWith('.js')).length).toBeGreaterThan(4);
    expect(assets.filter((a) => !a.fromCache)).toEqual([]);
    await context.setOffline(false);
  });

  test('the service worker is versioned by the build and drops other versions’ caches', async ({ page, request }) => {
    const source = await (await request.get('/sw.js')).text();
    const version = /const VERSION = "([0-9a-f]{12})"/.exec(source)?.[1];
    expect(version, 'sw.js carries the build version').toBeTruthy();
    // A cache left by an earlier deploy (robots.txt registers no worker, so none is active yet).
    await page.goto('/robots.txt');
    await page.evaluate(() => caches.open('lambda-or-layer-000000000000').then((c) => c.put('/en/state/', new Response('old page'))));
    await page.goto('/en/state/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`lambda-or-layer-${version}`]);
  });
});
