/**
 * One browser tab, driven the same way in every engine: Chromium through Playwright, Firefox
 * through puppeteer-core (WebDriver BiDi), WebKitGTK through its classic WebDriver. The specs
 * of this folder use only this, so each runs as it is in all three.
 */
export type Engine = 'chromium' | 'firefox' | 'webkit';

/** A function run in the page: serialised, so it may use only its arguments and the page's globals. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R | Promise<R>;

export interface Tab {
  readonly engine: Engine;
  /** The site's origin, e.g. http://127.0.0.1:4322. */
  readonly origin: string;
  /** Opens a path of the site (or a full URL) and waits for the load event. */
  goto(pathOrUrl: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn(...args)` in the page and returns its (JSON) result. */
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>;
  /** A real click (trusted, with the pointer) in the middle of the first element `selector` matches. */
  click(selector: string): Promise<void>;
  /** A real click at a point of the viewport, whatever is there (a modal dialog's backdrop). */
  clickAt(x: number, y: number): Promise<void>;
  /** Moves the pointer (trusted) to the middle of the first element `selector` matches, and leaves it there. */
  hover(selector: string): Promise<void>;
  /** Types text into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** Presses a key, with modifiers held: 'Enter', 'Control+Enter', 'Escape', '/'. */
  press(keys: string): Promise<void>;
  /** The size of the page's viewport, in CSS pixels. */
  setViewport(width: number, height: number): Promise<void>;
}

/**
 * Brings the first element `selector` matches to the middle of the viewport, at once: drivers
 * scroll a target just into view, where the page's sticky header may cover it.
 */
export async function centre(tab: Pick<Tab, 'evaluate'>, selector: string): Promise<void> {
  const found = await tab.evaluate((sel: string) => {
    const el = document.querySelector(sel);
    el?.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    return el !== null;
  }, selector);
  if (!found) throw new Error(`no element matches ${selector}`);
}

/** Polls `fn` in the page until it returns a truthy value, and returns that value. */
export async function waitFor<A extends unknown[], R>(
  tab: Tab,
  fn: PageFunction<A, R>,
  args: A,
  { timeout = 15_000, message = 'condition' }: { timeout?: number; message?: string } = {},
): Promise<NonNullable<R>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await tab.evaluate(fn, ...args);
      if (value) return value;
      last = value;
    } catch (error) {
      // A navigation under way destroys the page the function ran in: ask the next one.
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() > end)
      throw new Error(`${tab.engine}: timed out after ${timeout} ms waiting for ${message} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
