/**
 * Finding the guide and reading it anywhere: search, sitemap, robots.txt, link previews,
 * the web app manifest, and pages and snippets that work offline once visited.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, settled, snippet } from './helpers';

const LANGS = ['en', 'fr'] as const;

/** A word of the French serialization page that no other French page or snippet uses. */
const FRENCH_ONLY_WORD = 'imbriquée';

/** Page keys, from the content files: content/<lang>/<key>.mdx. */
function pageKeys(lang: string): string[] {
  return readdirSync(join('content', lang)).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, '')).sort();
}

const pathOf = (lang: string, key: string) => (key === 'index' ? `/${lang}/` : `/${lang}/${key}/`);

/**
 * The id of the section of content/fr/serialization.mdx the word is in, after checking that
 * the word is there and nowhere else a French reader could find it (other pages, snippets):
 * if an edit of the content breaks that, the test says so instead of failing obscurely.
 */
function sectionOfFrenchOnlyWord(): string {
  const elsewhere = [
    ...pageKeys('fr').filter((k) => k !== 'serialization').map((k) => join('content/fr', `${k}.mdx`)),
    ...readdirSync('content/snippets').map((f) => join('content/snippets', f)),
  ].filter((file) => readFileSync(file, 'utf8').toLowerCase().includes(FRENCH_ONLY_WORD));
  expect(elsewhere, `"${FRENCH_ONLY_WORD}" must appear only in content/fr/serialization.mdx: pick another word`).toEqual([]);
  const source = readFileSync('content/fr/serialization.mdx', 'utf8');
  const at = source.toLowerCase().indexOf(FRENCH_ONLY_WORD);
  expect(at, `"${FRENCH_ONLY_WORD}" is no longer in content/fr/serialization.mdx: pick another word`).toBeGreaterThan(0);
  const headings = [...source.slice(0, at).matchAll(/^#{2,3} .*\[#([a-z0-9-]+)\]\s*$/gm)];
  const id = headings.at(-1)?.[1];
  expect(id, `"${FRENCH_ONLY_WORD}" must be under a heading`).toBeTruthy();
  return id!;
}

function searchDialog(page: Page) {
  const dialog = page.locator('dialog[data-search]');
  return { dialog, input: dialog.getByRole('combobox'), options: dialog.getByRole('option') };
}

async function search(page: Page, query: string) {
  const { input, options } = searchDialog(page);
  await input.fill(query);
  await expect(options.first()).toBeVisible();
  return options;
}

test.describe('search', () => {
  test('a word only the French serialization page has is found, and its result lands on the section', async ({ page }) => {
    const id = sectionOfFrenchOnlyWord();
    await page.goto('/fr/');
    await page.keyboard.press('/');
    const { dialog, input } = searchDialog(page);
    await expect(dialog).toBeVisible();
    await expect(input).toBeFocused();
    await page.keyboard.type(FRENCH_ONLY_WORD);
    const options = dialog.getByRole('option');
    await expect(options.first()).toHaveAttribute('href', `/fr/serialization/#${id}`);
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(options.first().locator('mark').first()).toHaveText(new RegExp(FRENCH_ONLY_WORD, 'i'));
    // Every result is that page: the word is nowhere else.
    for (const href of await options.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) {
      expect(href).toMatch(/^\/fr\/serialization\//);
    }
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/fr/serialization/#${id}$`));
    await expect(dialog).toBeHidden();
    const heading = page.locator(`article [id="${id}"]`);
    await expect(heading).toBeInViewport();
    // Below the sticky header, not under it.
    const headerBottom = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().bottom);
    await expect.poll(() => heading.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThanOrEqual(headerBottom - 1);
  });

  test('results stay in the language of the page', async ({ page }) => {
    for (const lang of LANGS) {
      await page.goto(pathOf(lang, 'state'));
      await page.keyboard.press('/');
      const options = await search(page, 'Lambda');
      const hrefs = await options.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(1);
      for (const href of hrefs) expect(href.startsWith(`/${lang}/`), href).toBe(true);
    }
    // And the French-only word is not found from an English page.
    await page.goto('/en/');
    await page.keyboard.press('/');
    const { dialog, input } = searchDialog(page);
    await input.fill(FRENCH_ONLY_WORD);
    await expect(dialog.locator('[data-search-status]')).toHaveText(`No results for “${FRENCH_ONLY_WORD}”.`);
    await expect(dialog.getByRole('option')).toHaveCount(0);
  });

  test('opens with the button, / and Ctrl+K, is keyboard driven, and gives focus back', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto('/en/serialization/');
    await page.waitForLoadState('networkidle');
    // Nothing of search is downloaded before the reader asks for it.
    expect(requested.filter((p) => p.startsWith('/pagefind/') || /\/dialog\.[\w-]+\.js$/.test(p))).toEqual([]);

    const button = page.getByRole('button', { name: 'Search', exact: true });
    const { dialog, input } = searchDialog(page);
    await button.click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName('Search the guide');
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expect.poll(() => requested.some((p) => p === '/pagefind/pagefind.js')).toBe(true);

    await page.locator('h1').click(); // focus back on the page, away from the button
    await page.keyboard.press('Control+k');
    await expect(dialog).toBeVisible();
    await expect(input).toBeFocused();
    const options = await search(page, 'layer');
    expect(await options.count()).toBeGreaterThan(2);
    const first = options.nth(0);
    const second = options.nth(1);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await expect(first).toHaveAttribute('aria-selected', 'false');
    await expect(input).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
    await page.keyboard.press('ArrowUp');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp'); // wraps to the last result
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(dialog).toBeVisible();
    await expect(input).toHaveValue('layer'); // the last search is still there, selected to retype
    await page.keyboard.press('Escape');
  });

  test('can be widened to both languages: the other language’s pages come marked, after the reader’s own', async ({ page }) => {
    const id = sectionOfFrenchOnlyWord();
    await page.goto('/en/state/');
    await page.keyboard.press('/');
    const { dialog, input } = searchDialog(page);
    const status = dialog.locator('[data-search-status]');
    const scope = dialog.getByRole('checkbox', { name: 'Also search the French pages' });
    await expect(scope).not.toBeChecked(); // the page's language by default
    await input.fill(FRENCH_ONLY_WORD);
    await expect(status).toHaveText(`No results for “${FRENCH_ONLY_WORD}”.`);

    await scope.click();
    await expect(input).toBeFocused(); // a click on the box sends the reader back to typing
    await expect(input).toHaveAccessibleName('Search the English and French pages');
    const options = dialog.getByRole('option');
    await expect(status).toHaveText('1 page found');
    await expect(options.first()).toHaveAttribute('href', `/fr/serialization/#${id}`);
    await expect(options.first()).toHaveAttribute('hreflang', 'fr');
    await expect(options.first()).toHaveAccessibleName(/\(in French\)$/);
    await expect(options.first().locator('.search__section')).toHaveAttribute('lang', 'fr');
    const group = dialog.getByRole('group').first();
    await expect(group).toHaveAccessibleName('Configuration et sérialisation (in French)');
    await expect(group.locator('.search__lang')).toHaveText('FR');

    // A word both languages use: the reader's own pages first, unmarked; then the French ones.
    await input.fill('Lambda');
    await expect(status).toHaveText(/^\d+ pages found$/);
    await expect.poll(() => options.evaluateAll((els) => els.some((e) => e.getAttribute('href')?.startsWith('/fr/')))).toBe(true);
    // Every page counted is listed, the other language's included.
    const counted = Number(/\d+/.exec((await status.textContent()) ?? '')?.[0]);
    expect(counted).toBeGreaterThan(10);
    await expect(dialog.getByRole('group')).toHaveCount(counted);
    const hrefs = await options.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs[0]).toMatch(/^\/en\//);
    await expect(options.first()).not.toHaveAttribute('hreflang', /./);
    await expect(options.first()).toHaveAccessibleName(/^(?!.*\(in French\))/);

    // Following a French result from an English page lands on the French section.
    await input.fill(FRENCH_ONLY_WORD);
    await expect(options).toHaveCount(1);
    await expect(options.first()).toHaveAttribute('href', `/fr/serialization/#${id}`);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/fr/serialization/#${id}$`));
    await expect(page.locator(`article [id="${id}"]`)).toBeInViewport();

    // The choice is kept: the French page's search covers both languages too, in French words.
    await page.keyboard.press('/');
    const fr = searchDialog(page);
    const frScope = fr.dialog.getByRole('checkbox', { name: 'Chercher aussi dans les pages en anglais' });
    await expect(frScope).toBeChecked();
    await expect(fr.input).toHaveAccessibleName('Rechercher dans les pages en français et en anglais');
    await fr.input.fill('Lambda');
    await expect.poll(() => fr.options.evaluateAll((els) => els.some((e) => e.getAttribute('hreflang') === 'en'))).toBe(true);
    expect(await fr.options.first().getAttribute('href')).toMatch(/^\/fr\//);
    await expect(fr.dialog.locator('[hreflang="en"]').first()).toHaveAccessibleName(/\(en anglais\)$/);

    // Unticked from the keyboard: back to French pages only, and focus stays on the box.
    await frScope.focus();
    await page.keyboard.press('Space');
    await expect(frScope).not.toBeChecked();
    await expect(frScope).toBeFocused();
    await expect(fr.input).toHaveAccessibleName('Rechercher dans les pages en français');
    await expect.poll(() => fr.options.evaluateAll((els) => els.length > 0 && els.every((e) => e.getAttribute('href')?.startsWith('/fr/')))).toBe(true);
    await page.reload();
    await page.keyboard.press('/');
    await expect(frScope).not.toBeChecked();
  });

  test('speaks the page language', async ({ page }) => {
    await page.goto('/fr/state/');
    const button = page.getByRole('button', { name: 'Rechercher', exact: true });
    await button.click();
    const { dialog, input } = searchDialog(page);
    await expect(dialog).toHaveAccessibleName('Rechercher dans le guide');
    await expect(input).toHaveAccessibleName('Rechercher dans les pages en français');
    await input.fill('sérialisation');
    await expect(dialog.locator('[data-search-status]')).toHaveText(/^\d+ pages? trouvées?$/);
    await expect(dialog.getByRole('group').first()).toHaveAccessibleName(/\S/);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
});

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
        const links = new Map([...url!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, new URL(m[2]!).pathname]));
        entries.set(loc, links);
      }
    }
    const keys = pageKeys('en');
    expect(pageKeys('fr')).toEqual(keys);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const key of keys) {
      for (const lang of LANGS) {
        const links = entries.get(pathOf(lang, key));
        expect(links, `${pathOf(lang, key)} in the sitemap`).toBeDefined();
        expect(links!.get('en'), pathOf(lang, key)).toBe(pathOf('en', key));
        expect(links!.get('fr'), pathOf(lang, key)).toBe(pathOf('fr', key));
        expect(links!.get('x-default'), pathOf(lang, key)).toBe('/');
      }
    }
    expect([...entries.keys()].filter((p) => p.includes('404'))).toEqual([]);
    // Pages and the language chooser only: no images, manifests or scripts.
    expect([...entries.keys()].sort()).toEqual(['/', ...LANGS.flatMap((lang) => keys.map((key) => pathOf(lang, key)))].sort());
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
      await page.goto(pathOf(lang, 'index'));
      const href = (await page.locator('link[rel=manifest]').getAttribute('href'))!;
      const manifest = await (await request.get(href)).json();
      expect(manifest.name).toBe(lang === 'en' ? 'Lambda or Layer?' : 'Lambda ou Layer\u202f?');
      expect(manifest.start_url).toBe(`/${lang}/`);
      expect(manifest.lang).toBe(lang);
      const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
      expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
      for (const icon of manifest.icons as { src: string; type: string }[]) {
        const response = await request.get(icon.src);
        expect(response.status(), icon.src).toBe(200);
        expect(response.headers()['content-type'], icon.src).toBe(icon.type);
      }
    }
    await expect(page.locator('link[rel=icon][type="image/svg+xml"]')).toHaveAttribute('href', '/favicon.svg');
    expect((await request.get('/favicon.ico')).status()).toBe(200);
  });
});

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
    expect(await page.evaluate(() => fetch('/robots.txt').then((r) => r.status, () => 'failed'))).toBe('failed');
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
