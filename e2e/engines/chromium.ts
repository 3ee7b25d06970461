/** A Tab on Playwright's Page, for Chromium. */
import type { Page } from '@playwright/test';
import type { PageFunction, Tab } from './tab';

export function playwrightTab(page: Page, origin: string): Tab {
  return {
    engine: 'chromium',
    origin,
    async goto(path) {
      await page.goto(new URL(path, origin).href);
    },
    async reload() {
      await page.reload();
    },
    evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> {
      // An expression, not a function: the page's CSP forbids the page itself to eval.
      return page.evaluate<R>(`(${fn.toString()})(...${JSON.stringify(args)})`);
    },
    async click(selector) {
      await page.locator(selector).first().click();
    },
    async clickAt(x, y) {
      await page.mouse.click(x, y);
    },
    async hover(selector) {
      await page.locator(selector).first().hover();
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async press(keys) {
      await page.keyboard.press(keys);
    },
    async setViewport(width, height) {
      await page.setViewportSize({ width, height });
    },
  };
}
