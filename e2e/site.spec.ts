import { expect, test } from '@playwright/test';
import { TOKEN } from '../src/markdown/code-tokens';

test.describe('reading experience', () => {
  test('both languages render with lang, alternates and canonical', async ({ page }) => {
    for (const [lang, other] of [
      ['en', 'fr'],
      ['fr', 'en'],
    ] as const) {
      await page.goto(`/${lang}/serialization/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1')).not.toBeEmpty();
      await expect(page.locator(`link[rel=alternate][hreflang=${other}]`)).toHaveAttribute('href', new RegExp(`/${other}/serialization/$`));
      await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', new RegExp(`/${lang}/serialization/$`));
      // The sidebar is driven by the collection: every page, in order, current one marked.
      const items = page.locator('.sidebar li a');
      expect(await items.count()).toBeGreaterThanOrEqual(10);
      await expect(page.locator('.sidebar a[aria-current=page]')).toHaveAttribute('href', `/${lang}/serialization/`);
    }
  });

  test('French and English pages have different text but the same section ids', async ({ page }) => {
    await page.goto('/en/serialization/');
    const enIds = await page.locator('article h2[id], article h3[id]').evaluateAll((els) => els.map((e) => e.id));
    const enTitle = await page.locator('h1').textContent();
    await page.goto('/fr/serialization/');
    const frIds = await page.locator('article h2[id], article h3[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(frIds).toEqual(enIds);
    expect(enIds).toContain('get-config');
    expect(await page.locator('h1').textContent()).not.toEqual(enTitle);
  });

  test('a deep link lands on its heading, below the sticky header', async ({ page }) => {
    await page.goto('/fr/serialization/#get-config');
    const heading = page.locator('#get-config');
    await expect(heading).toBeInViewport();
    const headerBottom = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().bottom);
    // At once, not scrolled down from the top: two frames apart, the heading has not moved.
    const tops = await heading.evaluate(async (e) => {
      const first = e.getBoundingClientRect().top;
      await new Promise((r) => setTimeout(r, 150));
      return [first, e.getBoundingClientRect().top];
    });
    expect(tops[1]).toBe(tops[0]);
    expect(tops[0]).toBeGreaterThanOrEqual(headerBottom - 1);
    expect(tops[0]).toBeLessThan(headerBottom + 80);
    // Each heading has a visible anchor to copy.
    await expect(heading.locator('a.heading__anchor')).toHaveAttribute('href', '#get-config');
  });

  test('the language switch keeps the page and the section', async ({ page }) => {
    await page.goto('/en/serialization/#get-config');
    const link = page.locator('a[data-lang-switch]');
    await expect(link).toHaveAttribute('hreflang', 'fr');
    await link.click();
    await expect(page).toHaveURL(/\/fr\/serialization\/#get-config$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('#get-config')).toBeInViewport();
    // And back, after moving to another section through the table of contents.
    const second = page.locator('.toc a').nth(1);
    const hash = await second.getAttribute('href');
    await second.click();
    await page.locator('a[data-lang-switch]').click();
    await expect(page).toHaveURL(new RegExp(`/en/serialization/${hash}$`));
  });

  test('the language switch keeps the section the reader scrolled to, with no link followed', async ({ page }) => {
    await page.goto('/en/serialization/');
    await page.evaluate(() => {
      const heading = document.getElementById('saving-a-lambda')!;
      scrollTo({ top: heading.getBoundingClientRect().top + scrollY - 100, behavior: 'instant' });
      // Further down, into the section: still the one being read.
      scrollBy({ top: 300, behavior: 'instant' });
    });
    await page.locator('a[data-lang-switch]').click();
    await expect(page).toHaveURL(/\/fr\/serialization\/#saving-a-lambda$/);
    await expect(page.locator('#saving-a-lambda')).toBeInViewport();
    // At the top of a page, the switch opens the other page at its top.
    await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    await page.evaluate(() => history.replaceState(null, '', location.pathname));
    await page.locator('a[data-lang-switch]').click();
    await expect(page).toHaveURL(/\/en\/serialization\/$/);
  });

  test('the theme toggle follows the system, then remembers the choice without a flash', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/en/');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const darkBg = await bg();
    expect(darkBg).not.toBe('rgb(255, 255, 255)');
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle).toHaveAccessibleName('Dark theme'); // the theme in use, the system's
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await expect(toggle).toHaveAccessibleName('Light theme');
    // On the next page the choice is applied before the body is even parsed (so before any
    // paint), and the first paint has the page's colours (the stylesheet blocks rendering).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { __themeAtBody: string }).__themeAtBody = document.documentElement.dataset.theme ?? 'none';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/fr/state/', { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-paint').length > 0, null, { polling: 'raf' });
    expect(await page.evaluate(() => (window as unknown as { __themeAtBody?: string }).__themeAtBody)).toBe('light');
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await expect(page.locator('[data-theme-toggle]')).toHaveAccessibleName('Thème clair');
    await context.close();
  });

  test('a phone-width screen has no horizontal scroll, down to 320 px (also a 1280 px screen zoomed to 400 %)', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const path of ['/', '/en/', '/fr/serialization/', '/en/shapes/', '/fr/playground/']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      // The root page, which only offers the languages, has no header tools.
      if (path !== '/') await expect(page.locator('[data-theme-toggle]'), path).toBeInViewport({ ratio: 1 });
    }
    await context.close();
  });

  test('a phone opens a page at its content: menu and table of contents folded until asked for', async ({ browser }) => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await phone.newPage();
    await page.goto('/fr/shapes/');
    const menu = page.locator('.sidebar__menu');
    const toc = page.locator('.toc details');
    await expect(menu).not.toHaveAttribute('open');
    await expect(toc).not.toHaveAttribute('open');
    await expect(page.locator('h1')).toBeInViewport();
    await expect(page.locator('.prose p').first()).toBeInViewport();
    await page.getByText('Menu', { exact: true }).click();
    await expect(page.getByRole('link', { name: 'Bac à sable' })).toBeVisible();
    await page.getByText('Sur cette page', { exact: true }).click();
    await expect(page.locator('.toc a').first()).toBeVisible();
    // Grown to a wide screen, both are shown beside the content.
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.reload();
    await expect(menu).toHaveAttribute('open');
    await expect(toc).toHaveAttribute('open');
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(menu).not.toHaveAttribute('open');
    await phone.close();
    // Without JavaScript nothing can fold them back open: they stay open.
    const noJs = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto('/fr/shapes/');
    await expect(plain.getByRole('link', { name: 'Bac à sable' })).toBeVisible();
    await noJs.close();
  });

  test('the root lets the reader choose a language, without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: /Français/ }).click();
    await expect(page).toHaveURL(/\/fr\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await context.close();
  });

  test('a page does not shift as it loads; without JavaScript it has no dead search button', async ({ browser, page }) => {
    await page.addInitScript(() => {
      (window as unknown as { __shifts: string[] }).__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
          const nodes = entry.sources?.map((s) => (s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : '?')) ?? [];
          (window as unknown as { __shifts: string[] }).__shifts.push(`${entry.value.toFixed(4)} ${nodes.join(',')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // A slow CPU makes the browser paint the page while it is still parsing it (as a phone does):
    // what appears part by part must not push what is already there.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.goto('/fr/serialization/#get-config');
    await page.waitForLoadState('networkidle');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect(page.getByRole('button', { name: 'Rechercher', exact: true })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts)).toEqual([]);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto('/fr/serialization/');
    await expect(noJs.locator('[data-search-open]')).toBeHidden();
    await expect(noJs.locator('a[data-lang-switch]')).toBeVisible();
    await context.close();
  });

  test('the root suggests the browser language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('.chooser__list li').first()).toHaveAttribute('lang', 'fr');
    await expect(page.locator('.chooser--suggested')).toHaveAttribute('href', '/fr/');
    await context.close();
  });

  test('a missing page answers 404 in its language', async ({ page }) => {
    const fr = await page.goto('/fr/nope/');
    expect(fr?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page introuvable');
    const en = await page.goto('/en/nope/');
    expect(en?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
  });

  test('code blocks are highlighted at build time and follow the theme', async ({ page }) => {
    await page.goto('/en/serialization/');
    const python = page.locator('pre[data-language=python]').first();
    await expect(python).toBeVisible();
    const keyword = python.locator(`.${TOKEN.keyword}`).first();
    await expect(keyword).toHaveText(/^(import|class|def|from|return)$/);
    const colours = () =>
      Promise.all([python.evaluate((e) => getComputedStyle(e).backgroundColor), keyword.evaluate((e) => getComputedStyle(e).color)]);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    const [lightBg, lightKeyword] = await colours();
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    const [darkBg, darkKeyword] = await colours();
    expect(darkBg).not.toBe(lightBg);
    expect(darkKeyword).not.toBe(lightKeyword);
    // Keywords stand out from plain code text.
    expect(darkKeyword).not.toBe(await python.evaluate((e) => getComputedStyle(e).color));
    await expect(page.locator('[data-copy-code]').first()).toBeVisible();
  });
});
