/**
 * `test` for the specs that run in every engine: it gives each test a fresh `tab` in the
 * project's engine (chromium, firefox or webkit; see playwright.config.ts). The browser, or
 * WebKit's driver, is started once per test worker.
 */
import { chromium, test as base, type Browser as PlaywrightBrowser } from '@playwright/test';
import type { Browser as PuppeteerBrowser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findEngines } from '../../scripts/engines.mjs';
import { playwrightTab } from './chromium';
import { firefoxTab, launchFirefox } from './firefox';
import type { Engine, Tab } from './tab';
import { startWebKit, webkitTab, type WebKitEngine, type WebKitService } from './webkit';

type Driver =
  | { engine: 'chromium'; browser: PlaywrightBrowser }
  | { engine: 'firefox'; browser: PuppeteerBrowser }
  | { engine: 'webkit'; service: WebKitService; found: WebKitEngine; restart(): Promise<WebKitService> };

export const test = base.extend<{ tab: Tab }, { driver: Driver }>({
  driver: [
    // Playwright reads the fixtures a fixture needs from its first parameter: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const engine = workerInfo.project.name as Engine;
      const found = await findEngines();
      if (engine === 'firefox' && found.firefox) {
        const browser = await launchFirefox(found.firefox.executablePath);
        await use({ engine, browser });
        await browser.close();
      } else if (engine === 'webkit' && found.webkit) {
        const webkit = found.webkit;
        const driver: Driver = {
          engine,
          found: webkit,
          service: await startWebKit(webkit),
          async restart() {
            await this.service.stop();
            this.service = await startWebKit(webkit);
            return this.service;
          },
        };
        await use(driver);
        await driver.service.stop();
      } else if (engine === 'chromium' && found.chromium) {
        const browser = await chromium.launch({ executablePath: found.chromium.executablePath, args: CHROMIUM_ARGS });
        await use({ engine, browser });
        await browser.close();
      } else {
        throw new Error(`No ${engine} on this machine (node scripts/engines.mjs says what to install).`);
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  tab: async ({ driver, baseURL }, use) => {
    const origin = baseURL!;
    if (driver.engine === 'chromium') {
      const context = await driver.browser.newContext({ viewport: { width: 1280, height: 900 } });
      await use(playwrightTab(await context.newPage(), origin));
      await context.close();
      return;
    }
    const opened =
      driver.engine === 'firefox'
        ? await firefoxTab(driver.browser, origin)
        : await webkitTab(driver.service, driver.found, origin, () => driver.restart());
    try {
      await use(opened.tab);
    } finally {
      await opened.close().catch(() => undefined);
    }
  },
});

export { expect } from '@playwright/test';
