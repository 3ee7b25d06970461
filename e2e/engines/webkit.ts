/**
 * Tabs in WebKitGTK (the engine of Safari) through its classic WebDriver, WebKitWebDriver,
 * which starts MiniBrowser in automation mode. It takes one session at a time, and needs a
 * display: Xvfb makes one when the session has none. Each tab is a new session, whose
 * website data is ephemeral: storage and service workers start empty.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, By, Key, Origin, type WebDriver } from 'selenium-webdriver';
import { centre, type PageFunction, type Tab } from './tab';

export interface WebKitEngine {
  driver: string;
  browser: string;
  xvfb: string | null;
}

export interface WebKitService {
  url: string;
  stop(): Promise<void>;
}

/** How long a page may take to reach its load event once the driver has navigated. */
const LOAD_TIMEOUT_MS = 30_000;

/** How long a new session may take before the driver is started afresh (MiniBrowser sometimes never answers). */
const SESSION_TIMEOUT_MS = 20_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > end) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A display for the browser: the session's own, or a new Xvfb one. */
async function display(xvfb: string | null, children: ChildProcess[]): Promise<string> {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  if (!xvfb) throw new Error('WebKitGTK needs a display: install xvfb');
  for (let n = 90 + Math.floor(Math.random() * 100); n < 400; n++) {
    if (existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn(xvfb, [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    // Xvfb writes its lock file once it serves the display.
    for (let i = 0; i < 50 && child.exitCode === null && !existsSync(`/tmp/.X${n}-lock`); i++) await new Promise((r) => setTimeout(r, 50));
    if (child.exitCode === null) {
      children.push(child);
      return `:${n}`;
    }
  }
  throw new Error('no free X display for Xvfb');
}

/** Starts Xvfb if needed and WebKitWebDriver, for one test worker. */
export async function startWebKit(engine: WebKitEngine): Promise<WebKitService> {
  const children: ChildProcess[] = [];
  const env = { ...process.env, DISPLAY: await display(engine.xvfb, children) };
  const port = await freePort();
  children.push(spawn(engine.driver, [`--port=${port}`], { stdio: 'ignore', env }));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/status`, 10_000);
  return {
    url,
    stop() {
      for (const child of children.reverse()) child.kill();
      return Promise.resolve();
    },
  };
}

/** Maps 'Control', 'Shift', 'Enter' … to WebDriver key codes; other keys are characters. */
function key(name: string): string {
  const named: Record<string, string> = {
    Control: Key.CONTROL,
    Shift: Key.SHIFT,
    Alt: Key.ALT,
    Meta: Key.META,
    Enter: Key.ENTER,
    Escape: Key.ESCAPE,
    Tab: Key.TAB,
    Backspace: Key.BACK_SPACE,
    Delete: Key.DELETE,
    ArrowDown: Key.ARROW_DOWN,
    ArrowUp: Key.ARROW_UP,
    ArrowLeft: Key.ARROW_LEFT,
    ArrowRight: Key.ARROW_RIGHT,
  };
  return named[name] ?? name;
}

function newSession(service: WebKitService, engine: WebKitEngine): Promise<WebDriver> {
  const session = new Builder()
    .usingServer(service.url)
    .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: engine.browser, args: ['--automation'] } })
    .build();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no WebKit session within ${SESSION_TIMEOUT_MS} ms`)), SESSION_TIMEOUT_MS);
  });
  return Promise.race([session, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A new tab: a new session of the worker's driver, or, when that session does not come, of a
 * driver started afresh (`restart` replaces the worker's service).
 */
export async function webkitTab(
  service: WebKitService,
  engine: WebKitEngine,
  origin: string,
  restart: () => Promise<WebKitService>,
): Promise<{ tab: Tab; close(): Promise<void> }> {
  let driver: WebDriver;
  try {
    driver = await newSession(service, engine);
  } catch {
    driver = await newSession(await restart(), engine);
  }
  await driver.manage().setTimeouts({ script: 120_000, pageLoad: 60_000 });
  /**
   * WebKitWebDriver sometimes answers a navigation before the new page's load event (seen on CI
   * with readyState 'interactive': module scripts not yet run, so neither a saved edit shown nor
   * the search shortcut listening). The Tab's contract is the load event: wait for it.
   */
  const loaded = async (): Promise<void> => {
    const end = Date.now() + LOAD_TIMEOUT_MS;
    for (;;) {
      const done = await driver
        .executeScript<boolean>("return !window.__lolLeaving && document.readyState === 'complete';")
        .catch(() => false); // between two documents
      if (done) return;
      if (Date.now() > end) throw new Error(`webkit: the page did not finish loading within ${LOAD_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const tab: Tab = {
    engine: 'webkit',
    origin,
    async goto(path) {
      await driver.get(new URL(path, origin).href);
      await loaded();
    },
    async reload() {
      // Marks the page being left, so that its own readyState is not taken for the new one's.
      await driver.executeScript('window.__lolLeaving = true;');
      await driver.navigate().refresh();
      await loaded();
    },
    async evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> {
      const outcome = await driver.executeAsyncScript<{ ok: true; value: R } | { ok: false; error: string }>(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => (${fn.toString()})(...${JSON.stringify(args)}))
           .then((value) => done({ ok: true, value: value === undefined ? null : value }), (e) => done({ ok: false, error: String(e && e.stack || e) }));`,
      );
      if (!outcome.ok) throw new Error(`webkit: page function failed: ${outcome.error}`);
      return outcome.value;
    },
    async click(selector) {
      await centre(tab, selector);
      await driver.findElement(By.css(selector)).click();
    },
    async clickAt(x, y) {
      await driver.actions().move({ x, y, origin: Origin.VIEWPORT }).press().release().perform();
    },
    async hover(selector) {
      await centre(tab, selector);
      await driver
        .actions()
        .move({ origin: await driver.findElement(By.css(selector)) })
        .perform();
    },
    async type(text) {
      await driver.actions().sendKeys(text).perform();
    },
    async press(keys) {
      const parts = keys.split('+').map(key);
      const last = parts.pop()!;
      let actions = driver.actions();
      for (const modifier of parts) actions = actions.keyDown(modifier);
      actions = actions.sendKeys(last);
      for (const modifier of parts.reverse()) actions = actions.keyUp(modifier);
      await actions.perform();
    },
    async setViewport(width, height) {
      // WebDriver sizes the window; the page's viewport is smaller by the window's chrome.
      const rect = await driver.manage().window().getRect();
      const inner = await driver.executeScript<[number, number]>('return [innerWidth, innerHeight]');
      await driver
        .manage()
        .window()
        .setRect({ width: width + rect.width - inner[0], height: height + rect.height - inner[1] });
    },
  };
  return { tab, close: () => driver.quit() };
}
