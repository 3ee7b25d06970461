/**
 * Tabs in Firefox through puppeteer-core over WebDriver BiDi (Playwright's own Firefox needs
 * its patched build). One browser per test worker; each tab in a fresh browser context, so
 * storage and service workers start empty, as for a new reader.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { centre, type PageFunction, type Tab } from './tab';

export function launchFirefox(executablePath: string): Promise<Browser> {
  return puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
}

export async function firefoxTab(browser: Browser, origin: string): Promise<{ tab: Tab; close(): Promise<void> }> {
  const context = await browser.createBrowserContext();
  const page: Page = await context.newPage();
  const tab: Tab = {
    engine: 'firefox',
    origin,
    async goto(path) {
      await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> {
      return page.evaluate(`(${fn.toString()})(...${JSON.stringify(args)})`) as Promise<R>;
    },
    async click(selector) {
      await centre(tab, selector);
      await page.locator(selector).click();
    },
    async clickAt(x, y) {
      await page.mouse.click(x, y);
    },
    async hover(selector) {
      await centre(tab, selector);
      await page.locator(selector).hover();
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async press(keys) {
      const parts = keys.split('+');
      const key = parts.pop()!;
      for (const modifier of parts) await page.keyboard.down(modifier as 'Control');
      await page.keyboard.press(key as 'Enter');
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier as 'Control');
    },
    async setViewport(width, height) {
      await page.setViewport({ width, height });
    },
  };
  return { tab, close: () => context.close() };
}
