// How long a reader waits for a snippet's result, timed inside the page from the click event to
// the final `data-state` (a MutationObserver, not polling), in a fresh browser context each time:
// the first Run clicked at once, after resting the pointer on the snippet, the second Run, and the
// naive page doing the same work. Also the steps of the first Run, from the performance marks the
// site sets (src/snippet/marks.ts).

/** How long after the first Run's output the second Run is clicked. */
const SECOND_RUN_AFTER_MS = 300;

/** Installs, before the click, what records the click's time and the final state's. */
function watch(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) throw new Error(`nothing matches ${sel}`);
    const w = /** @type {any} */ (window);
    w.__run = { click: null, done: null };
    // Each Run's own click: a previous run's values must not count.
    document.addEventListener('click', (e) => (w.__run.click ??= e.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (root.getAttribute('data-state') === 'done' && w.__run.click !== null) {
        w.__run.done = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-state'] });
  }, selector);
}

async function waited(page) {
  await page.waitForFunction(() => /** @type {any} */ (window).__run.done !== null, null, { timeout: 60_000 });
  const { click, done } = await page.evaluate(() => /** @type {any} */ (window).__run);
  return done - click;
}

/**
 * A page in a fresh context, throttled like a mid-range phone when `throttle` > 1 (Chromium's CPU
 * emulation), as a reader has it while reading: loaded, and the site's one-time offline setup (its
 * service worker caching what the page loaded) finished.
 */
async function open(browser, url, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url, { waitUntil: 'networkidle' });
  // The site registers its service worker once loaded; the naive page has none.
  const registered = await page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    return Boolean(await navigator.serviceWorker?.getRegistration());
  });
  if (registered) {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1000);
  }
  return { context, page };
}

/** The steps of the first Run, in ms from the click (the marks of src/snippet/marks.ts). */
async function steps(page) {
  const { click, marks, done } = await page.evaluate(() => ({
    click: /** @type {any} */ (window).__run.click,
    done: /** @type {any} */ (window).__run.done,
    // The first of each: later ones are the next spare worker's.
    marks: Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .reverse()
        .map((m) => [m.name.replace('snippet:', ''), m.startTime]),
    ),
  }));
  const at = (name) => (marks[name] ?? NaN) - click;
  return {
    island: at('island') - Math.max(0, at('intent')),
    workerStart: at('worker-entry') - at('worker-spawn'),
    tfjsLoad: at('worker-loaded') - at('worker-entry'),
    tfjsInit: at('worker-ready') - at('worker-loaded'),
    waitBeforeRun: at('run-start') - Math.max(at('worker-ready'), at('island')),
    run: at('run-done') - at('run-start'),
    render: done - click - at('run-done'),
  };
}

/** First Run (clicked at once, or after `hoverMs` on the snippet), then a second Run; medians of `runs`. */
export async function measureSite(browser, { url, id, runs, hoverMs, throttle }) {
  const first = [];
  const second = [];
  const breakdown = [];
  const selector = `[data-snippet="${id}"]`;
  for (let i = 0; i < runs; i++) {
    const { context, page } = await open(browser, url, throttle);
    const root = page.locator(selector);
    await root.scrollIntoViewIfNeeded();
    if (hoverMs > 0) {
      await root.hover();
      await page.waitForTimeout(hoverMs);
    }
    await watch(page, selector);
    await root.locator('[data-action="run"]').click();
    first.push(await waited(page));
    if (hoverMs === 0) breakdown.push(await steps(page));
    // The reader glances at the output, then runs again.
    await page.waitForTimeout(SECOND_RUN_AFTER_MS);
    await watch(page, selector);
    await root.locator('[data-action="run"]').click();
    second.push(await waited(page));
    await context.close();
  }
  return { first, second, breakdown };
}

/** The naive page: tf.min.js by a script tag on click, the layer on the main thread. */
export async function measureNaive(browser, { url, runs, throttle }) {
  const times = [];
  let backend = '';
  for (let i = 0; i < runs; i++) {
    const { context, page } = await open(browser, url, throttle);
    await watch(page, '#out');
    await page.locator('#run').click();
    times.push(await waited(page));
    backend = (await page.locator('#out').textContent())?.split(' on ').pop() ?? '';
    await context.close();
  }
  return { times, backend };
}
