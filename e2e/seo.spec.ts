/** What finds the guide from outside: the sitemap, robots.txt, link previews and the web app manifest. */
import { expect, test } from '@playwright/test';
import { pageFiles } from '../src/collection/files';
import { LANGS } from '../src/i18n/locales';
import { pagePath } from '../src/i18n/paths';

/** Page keys, from the content files: content/<lang>/<key>.mdx. */
const pageKeys = (lang: (typeof LANGS)[number]) => pageFiles(lang).map((f) => f.replace(/\.mdx$/, ''));

test.describe('discovery', () => {
  test('the sitemap lists every page in both languages, each with its alternates', async ({ request }) => {
    const index = await (await request.get('/sitemap-index.xml')).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(sitemaps.length).toBeGreaterThan(0);
    const entries = new Map<string, Map<string, string>>();
    for (const path of sitemaps) {
      const xml = await (await request.get(path)).text();
      for (const [, url] of xml.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
        const loc = new URL(/<loc>([^<]+)<\/loc>/.exec(url!)![1]!).pathname;
        const links = new Map(
          [...url!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, new URL(m[2]!).pathname]),
        );
        entries.set(loc, links);
      }
    }
    const keys = pageKeys(LANGS[0]);
    for (const lang of LANGS) expect(pageKeys(lang)).toEqual(keys);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const key of keys) {
      for (const lang of LANGS) {
        const links = entries.get(pagePath(lang, key));
        expect(links, `${pagePath(lang, key)} in the sitemap`).toBeDefined();
        for (const other of LANGS) expect(links!.get(other), pagePath(lang, key)).toBe(pagePath(other, key));
        expect(links!.get('x-default'), pagePath(lang, key)).toBe('/');
      }
    }
    expect([...entries.keys()].filter((p) => p.includes('404'))).toEqual([]);
    // Pages and the language chooser only: no images, manifests or scripts.
    expect([...entries.keys()].sort()).toEqual(['/', ...LANGS.flatMap((lang) => keys.map((key) => pagePath(lang, key)))].sort());
  });

  test('robots.txt points at the sitemap', async ({ request }) => {
    const response = await request.get('/robots.txt');
    expect(response.status()).toBe(200);
    const sitemap = /^Sitemap: (\S+)$/m.exec(await response.text())?.[1];
    expect(sitemap).toMatch(/^https?:\/\/.+\/sitemap-index\.xml$/);
    expect((await request.get(new URL(sitemap!).pathname)).status()).toBe(200);
  });

  test('a page has link-preview metadata and its own social image, a PNG of 1200x630', async ({ page, request }) => {
    await page.goto('/fr/serialization/');
    const meta = (property: string) => page.locator(`meta[property="${property}"], meta[name="${property}"]`).first();
    await expect(meta('og:title')).toHaveAttribute('content', (await page.locator('h1').textContent())!.trim());
    await expect(meta('og:description')).toHaveAttribute('content', /.{40,}/);
    await expect(meta('og:locale')).toHaveAttribute('content', 'fr_FR');
    await expect(meta('og:locale:alternate')).toHaveAttribute('content', 'en_US');
    await expect(meta('og:url')).toHaveAttribute('content', /^https?:\/\/.+\/fr\/serialization\/$/);
    await expect(meta('twitter:card')).toHaveAttribute('content', 'summary_large_image');
    const image = (await meta('og:image').getAttribute('content'))!;
    expect(image).toMatch(/^https?:\/\/[^/]+\/og\/fr\/serialization\.png$/);
    expect(await meta('twitter:image').getAttribute('content')).toBe(image);

    const png = await request.get(new URL(image).pathname);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const bytes = await png.body();
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
    // Each page has its own card: the English one is a different image.
    const english = await request.get('/og/en/serialization.png');
    expect(english.status()).toBe(200);
    expect(Buffer.compare(await english.body(), bytes)).not.toBe(0);
  });

  test('the web app manifest names the site in the page language and its icons exist', async ({ page, request }) => {
    for (const lang of LANGS) {
      await page.goto(pagePath(lang, 'index'));
      const href = (await page.locator('link[rel=manifest]').getAttribute('href'))!;
      const manifest = (await (await request.get(href)).json()) as {
        name: string;
        start_url: string;
        lang: string;
        icons: { src: string; type: string; sizes: string }[];
      };
      expect(manifest.name).toBe(lang === 'en' ? 'Lambda or Layer?' : 'Lambda ou Layer\u202f?');
      expect(manifest.start_url).toBe(`/${lang}/`);
      expect(manifest.lang).toBe(lang);
      const sizes = manifest.icons.map((icon) => icon.sizes);
      expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
      for (const icon of manifest.icons) {
        const response = await request.get(icon.src);
        expect(response.status(), icon.src).toBe(200);
        expect(response.headers()['content-type'], icon.src).toBe(icon.type);
      }
    }
    await expect(page.locator('link[rel=icon][type="image/svg+xml"]')).toHaveAttribute('href', '/favicon.svg');
    expect((await request.get('/favicon.ico')).status()).toBe(200);
  });
});
