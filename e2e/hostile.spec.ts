/**
 * Hostile input and faults: whatever a reader pastes or a link carries, the page holds,
 * nothing runs unasked, nothing is lost, and the reader is told what happened.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { builtPages } from '../scripts/dist.mjs';
import { parsePolicy } from '../src/build/csp';
import { PLAYGROUND, editorText, pageAnswers, run, setCode, settled, snippet, watchDialogs } from './helpers';

/** The next run works, in the same snippet. */
async function nextRunWorks(root: Locator): Promise<void> {
  await setCode(root, 'show(tf.scalar(7));');
  await run(root);
  expect(await settled(root)).toBe('done');
  await expect(root.locator('[data-tensor]')).toContainText('7');
}

async function outputElements(root: Locator): Promise<number> {
  return root.locator('[data-output]').evaluate((el) => el.querySelectorAll('*').length);
}

/** The playground's original code, as the page carries it (its highlighted code's text). */
async function originalCode(page: Page, id = 'playground'): Promise<string> {
  const response = await page.request.get(page.url());
  const html = await response.text();
  return page.evaluate(
    ([source, snippet]) =>
      new DOMParser().parseFromString(source, 'text/html').querySelector(`[data-snippet="${snippet}"] [data-code] pre`)?.textContent ?? '',
    [html, id] as const,
  );
}

const shareData = (code: string) => deflateRawSync(Buffer.from(code, 'utf8')).toString('base64url');

test.describe('endless loops', () => {
  const LOOPS = {
    'while (true) {}': 'while (true) {}',
    'an endless await loop': 'while (true) {\n  await new Promise((resolve) => setTimeout(resolve, 0));\n}',
    'an endless microtask loop': 'while (true) await null;',
    'an endless tensor loop': 'while (true) {\n  tf.tidy(() => { tf.matMul(tf.ones([64, 64]), tf.ones([64, 64])); });\n}',
  };

  for (const [name, code] of Object.entries(LOOPS)) {
    test(`${name}: Stop ends it, the page answers meanwhile, the next run works`, async ({ page }) => {
      await page.goto(PLAYGROUND.en);
      const root = snippet(page);
      await setCode(root, code);
      await run(root);
      await expect(root).toHaveAttribute('data-state', 'running');
      await pageAnswers(page, root);
      await root.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect(root).toHaveAttribute('data-state', 'stopped');
      await expect(root.locator('[data-stopped="user"]')).toContainText('you ended the run');
      await nextRunWorks(root);
    });

    test(`${name}: the time limit ends it with a clear message`, async ({ page }) => {
      await page.goto(PLAYGROUND.fr);
      const root = snippet(page);
      await root.evaluate((el) => el.setAttribute('data-timeout', '1500'));
      await setCode(root, code);
      // No wait for "running" here: a busy machine may reach the 1.5 s limit before a check sees it
      // (the Stop test above checks that the page answers meanwhile).
      await run(root, 'fr');
      expect(await settled(root, 20_000)).toBe('stopped');
      await expect(root.locator('[data-stopped="timeout"]')).toContainText(/Arrêté après 1,5\s*s/);
      await setCode(root, 'show(tf.scalar(7));');
      await run(root, 'fr');
      expect(await settled(root)).toBe('done');
    });
  }
});

test.describe('huge allocations', () => {
  test('tf.zeros([1e5, 1e5]) is a clear out-of-memory error, and the next run works', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'const big = tf.zeros([1e5, 1e5]);\nshow(big);');
    await run(root);
    expect(await settled(root)).toBe('error');
    await expect(root.locator('[data-error]')).toHaveAttribute('data-line', '1');
    await expect(root.locator('[data-error]')).toContainText('RangeError');
    await expect(root.locator('[data-out-of-memory]')).toContainText('Out of memory');
    await nextRunWorks(root);
  });

  test('a 1e8-element array: a typed one is shown capped, a plain one hits the limit, the tab survives', async ({ page }) => {
    let crashed = false;
    page.on('crash', () => (crashed = true));
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    // 400 MB of float32: allowed, and shown as a few values and a count.
    await setCode(root, 'const values = new Float32Array(1e8).fill(0.5);\nshow(tf.tensor(values, [1e4, 1e4]), "huge");');
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-tensor]')).toHaveAttribute('data-shape', '10000,10000');
    await expect(root.locator('[data-tensor] .out-more')).toContainText(/… [\d,]+ more values/);
    expect(await outputElements(root)).toBeLessThan(400);
    // A plain array of 1e8 numbers (and a tensor made from it) takes longer than the limit.
    await root.evaluate((el) => el.setAttribute('data-timeout', '2500'));
    await setCode(root, 'const values = new Array(1e8).fill(1);\nshow(tf.tensor(values));');
    await run(root);
    expect(await settled(root, 20_000)).toBe('stopped');
    await expect(root.locator('[data-stopped="timeout"]')).toBeVisible();
    // An array longer than JavaScript allows: the engine's own error, explained.
    await setCode(root, 'const values = new Array(2 ** 32);');
    await run(root);
    expect(await settled(root)).toBe('error');
    await expect(root.locator('[data-out-of-memory]')).toBeVisible();
    await nextRunWorks(root);
    expect(crashed).toBe(false);
  });

  test('a worker that dies mid-run is reported as such at once, not left to the time limit', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await root.evaluate((el) => el.setAttribute('data-timeout', '60000'));
    // close() ends the worker the way the browser would after running out of memory: no event, no answer.
    await setCode(root, 'console.log("before");\nclose();\nawait new Promise((resolve) => setTimeout(resolve, 100));\nshow("never");');
    await run(root);
    expect(await settled(root, 15_000)).toBe('error');
    await expect(root.locator('[data-stopped="lost"]')).toContainText('stopped unexpectedly');
    await expect(root.locator('[data-stopped="lost"]')).toContainText('out of memory');
    await expect(root.locator('[data-output]')).not.toContainText('never');
    await nextRunWorks(root);
  });
});

test.describe('output floods', () => {
  test('a million console.log lines: capped, counted, and the page stays fast', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'for (let i = 0; i < 1e6; i++) console.log("line", i);');
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-log]')).toHaveCount(500);
    await expect(root.locator('[data-dropped-logs]')).toHaveText('… 999,500 more lines not shown');
    expect(await outputElements(root)).toBeLessThan(1500);
    await pageAnswers(page);
  });

  test('show called 10,000 times: 200 shown, the rest counted; big results folded, not drawn', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'for (let i = 0; i < 1e4; i++) show(i);');
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-shown]')).toHaveCount(200);
    await expect(root.locator('[data-dropped-shows]')).toHaveText('… 9,800 more results not shown');

    await setCode(root, 'for (let i = 0; i < 1e4; i++) show(tf.fill([50, 50], i));');
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-dropped-shows]')).toHaveText('… 9,800 more results not shown');
    await expect(root.locator('[data-folded-note]')).toHaveCount(1);
    const folded = root.locator('[data-folded]');
    expect(await folded.count()).toBeGreaterThan(150);
    expect(await outputElements(root)).toBeLessThan(6000);
    await pageAnswers(page);
    // A folded result is drawn when opened.
    const last = folded.last();
    await last.locator('summary').click();
    await expect(last.locator('[data-tensor]')).toHaveAttribute('data-shape', '50,50');
    await expect(last.locator('[data-tensor] td[data-value]').first()).toHaveText('199');
  });

  test('a tensor of 1e6 values: a few cells and a count', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'show(tf.randomNormal([1000, 1000]), "million");\nconsole.log(tf.range(0, 1e6));');
    await run(root);
    expect(await settled(root)).toBe('done');
    const tensor = root.locator('[data-tensor]');
    await expect(tensor).toHaveAttribute('data-shape', '1000,1000');
    expect(await tensor.locator('td[data-value]').count()).toBeLessThanOrEqual(144);
    await expect(tensor.locator('.out-more')).toContainText(/… 999,\d{3} more values/);
    // console.log prints a tensor as tfjs does: summarised, not a million numbers.
    expect((await root.locator('[data-log]').textContent())!.length).toBeLessThan(500);
    expect(await outputElements(root)).toBeLessThan(400);
  });

  test('an endless flood is counted while it runs, and stopped by the limit', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await root.evaluate((el) => el.setAttribute('data-timeout', '3000'));
    await setCode(root, 'while (true) console.log("again");');
    await run(root);
    // The count arrives before the end: the worker reports it as it grows.
    await expect(root.locator('[data-dropped-logs]')).toContainText(/more lines not shown/);
    await pageAnswers(page);
    expect(await settled(root, 20_000)).toBe('stopped');
    expect(await outputElements(root)).toBeLessThan(1500);
  });
});

test.describe('thrown values and late errors are reported', () => {
  const CASES: [string, string, RegExp][] = [
    ['throw 42;', 'runtime', /Thrown value[\s\S]*42/],
    ['throw null;', 'runtime', /Thrown value[\s\S]*null/],
    ['Promise.reject(new Error("rejected, unhandled"));', 'async', /rejected, unhandled/],
    ['Promise.reject(7);', 'async', /Thrown value[\s\S]*7/],
    ['setTimeout(() => {\n  throw new Error("in a timer");\n}, 50);', 'async', /in a timer/],
    ['setTimeout(() => {\n  throw null;\n}, 50);', 'async', /Thrown value[\s\S]*null/],
  ];
  for (const [code, origin, text] of CASES) {
    test(code.replace(/\n\s*/g, ' '), async ({ page }) => {
      await page.goto(PLAYGROUND.en);
      const root = snippet(page);
      await setCode(root, code);
      await run(root);
      // A late error turns a finished run into a failed one.
      await expect(root).toHaveAttribute('data-state', 'error');
      const error = root.locator('[data-error]');
      await expect(error).toHaveAttribute('data-origin', origin);
      await expect(error).toContainText(text);
      if (origin === 'async') await expect(error).toContainText('after the main code had finished');
    });
  }
});

test.describe('code from a link or a save never runs by itself', () => {
  /** Requests to this path prove that snippet code ran. */
  const MARK = '/__snippet-ran__';

  function watchRuns(page: Page): string[] {
    const seen: string[] = [];
    page.context().on('request', (request) => {
      if (request.url().includes(MARK)) seen.push(request.url());
    });
    return seen;
  }

  test('a saved edit is shown after a reload, not run, even when the reader hovers and focuses it', async ({ page }) => {
    const ran = watchRuns(page);
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    const code = `await fetch("${MARK}?saved");\nshow("ran");`;
    await setCode(root, code);
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lol-edit')).length)).toBe(1);
    await page.reload();
    await root.hover();
    await root.locator('pre, .cm-content').first().click();
    await expect.poll(() => editorText(root)).toBe(code);
    await page.waitForTimeout(1500);
    await expect(root).toHaveAttribute('data-state', 'idle');
    // Nothing ran, and the build's output (of the page's code, not this one) is not shown.
    await expect(root.locator('[data-output-items] > *:visible')).toHaveCount(0);
    expect(ran).toEqual([]);
    // The detector works: pressing Run does run it.
    await run(root);
    expect(await settled(root)).toBe('done');
    expect(ran.length).toBeGreaterThan(0);
    // Reset brings back the page's code and the output the build gave it.
    await root.locator('[data-action="reset"]').click();
    await expect(root.locator('[data-output][data-built] [data-output-items] > *').first()).toBeVisible();
    await expect.poll(() => editorText(root)).not.toBe(code);
  });

  test('a shared link is loaded, said to come from a link, and not run', async ({ page }) => {
    const ran = watchRuns(page);
    const code = `await fetch("${MARK}?shared");\nshow("ran");`;
    await page.goto(`${PLAYGROUND.en}#snippet=playground&code=${shareData(code)}`);
    const root = snippet(page);
    await expect.poll(() => editorText(root).catch(() => '')).toBe(code);
    await expect(root.locator('[data-note="shared"]')).toContainText('It has not run');
    await page.waitForTimeout(1500);
    await expect(root).toHaveAttribute('data-state', 'idle');
    // The build's output was the page's code's, not this code's: it is not shown beside it.
    await expect(root.locator('[data-output-items] > *:visible')).toHaveCount(0);
    expect(ran).toEqual([]);
  });

  const CRAFTED: [string, (page: Page) => string, RegExp][] = [
    ['oversized', () => `#snippet=playground&code=${'A'.repeat(200_000)}`, /too large/],
    ['not base64', () => '#snippet=playground&code=%%%not*base64', /damaged/],
    [
      'not compressed data',
      () => `#snippet=playground&code=${Buffer.from('just some bytes, not deflate').toString('base64url')}`,
      /damaged/,
    ],
    [
      'inflating past the limit',
      () => `#snippet=playground&code=${deflateRawSync(Buffer.alloc(5_000_000, 32)).toString('base64url')}`,
      /too large/,
    ],
    ['a snippet that is not on the page', () => `#snippet=state-lambda-nope&code=${shareData('show(1)')}`, /not on this page/],
    [
      'an id made of HTML',
      () => `#snippet=${encodeURIComponent('<img src=x onerror=alert(1)>')}&code=${shareData('show(1)')}`,
      /not on this page/,
    ],
  ];
  for (const [name, hash, message] of CRAFTED) {
    test(`a crafted link (${name}) says what is wrong and leaves the original code usable`, async ({ page }) => {
      const dialogs = watchDialogs(page);
      await page.goto(`${PLAYGROUND.en}${hash(page)}`);
      const original = await originalCode(page);
      const root = snippet(page);
      await expect(root.locator('[data-note="shared"]')).toContainText(message);
      await expect(root.locator('[data-note="shared"]')).toHaveAttribute('role', 'alert');
      await expect.poll(() => editorText(root)).toBe(original);
      await expect(page.locator('main img')).toHaveCount(0);
      await run(root);
      expect(await settled(root)).toBe('done');
      expect(dialogs()).toBe(0);
    });
  }

  test('a link whose code holds </script> and HTML loads it as text, runs nothing, breaks nothing', async ({ page }) => {
    const dialogs = watchDialogs(page);
    const code = 'const s = "</script><img src=x onerror=alert(1)><script>alert(2)</script>";\n// <b>bold?</b> <!-- -->\nshow(s);';
    await page.goto(`${PLAYGROUND.en}#snippet=playground&code=${shareData(code)}`);
    const root = snippet(page);
    await expect.poll(() => editorText(root).catch(() => '')).toBe(code);
    await expect(page.locator('main img, main b, .cm-content script')).toHaveCount(0);
    await expect(root).toHaveAttribute('data-state', 'idle');
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-output] [data-text]')).toHaveText('</script><img src=x onerror=alert(1)><script>alert(2)</script>');
    await expect(page.locator('main img')).toHaveCount(0);
    expect(dialogs()).toBe(0);
  });
});

test.describe('what a snippet can reach', () => {
  test('strings and object keys are always text, wherever they appear', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(
      root,
      [
        'show({ "<img src=x onerror=alert(1)>": "<b>bold</b>", nested: { "<i>key</i>": ["<script>alert(2)</script>"] } }, "<u>label</u>");',
        'console.log({ "<em>k</em>": 1 }, "<s>struck</s>");',
        'show(tf.tensor(["<img src=y onerror=alert(3)>", "<b>b</b>"]));',
        'throw new Error("<img src=z onerror=alert(4)>");',
      ].join('\n'),
    );
    await run(root);
    expect(await settled(root)).toBe('error');
    const output = root.locator('[data-output]');
    await expect(output.locator('img, b, i, u, em, s, script')).toHaveCount(0);
    for (const text of [
      '<img src=x onerror=alert(1)>',
      '"<b>bold</b>"',
      '<i>key</i>',
      '<u>label</u>',
      '<em>k</em>',
      '<s>struck</s>',
      '<img src=y onerror=alert(3)>',
      '<img src=z onerror=alert(4)>',
    ]) {
      await expect(output).toContainText(text);
    }
    expect(dialogs()).toBe(0);
  });

  test('no DOM, no cookies, no localStorage; other sites never reached, and the reader told why', async ({ page }) => {
    // Another site on another port (another origin), answering without CORS headers, as most sites do.
    const heard: { cookie: string | undefined; url: string | undefined }[] = [];
    const other = createServer((req, res) => {
      heard.push({ cookie: req.headers.cookie, url: req.url });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('secret of another site');
    });
    // A WebSocket opens with an upgrade request, which 'request' does not see.
    other.on('upgrade', (req, socket) => {
      heard.push({ cookie: req.headers.cookie, url: req.url });
      socket.destroy();
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const origin = `http://localhost:${(other.address() as AddressInfo).port}`;
    try {
      await page.goto(PLAYGROUND.en);
      await page.evaluate(() => {
        document.cookie = 'session=page-secret; path=/';
        localStorage.setItem('page-secret', 'kept by the page');
      });
      const root = snippet(page);
      await setCode(
        root,
        [
          'const reach = { document: typeof document, window: typeof window, localStorage: typeof localStorage, sessionStorage: typeof sessionStorage, cookieStore: typeof cookieStore, parent: typeof parent, caches: typeof caches, onSelf: typeof self.caches };',
          'reach.Worker = typeof Worker; reach.SharedWorker = typeof SharedWorker;',
          `try { const r = await fetch("${origin}/data", { credentials: "include" }); reach.otherSite = "read: " + (await r.text()); } catch (e) { reach.otherSite = "refused: " + e.name; }`,
          `try { importScripts("${origin}/x.js"); reach.importScripts = "loaded"; } catch (e) { reach.importScripts = "refused: " + e.name; }`,
          `try { await import("${origin}/module.js"); reach.otherModule = "loaded"; } catch (e) { reach.otherModule = "refused: " + e.name; }`,
          'try { await import("data:text/javascript,export default 1"); reach.dataModule = "loaded"; } catch (e) { reach.dataModule = "refused: " + e.name; }',
          `reach.socket = await new Promise((done) => { try { const ws = new WebSocket("${origin.replace('http', 'ws')}/socket"); ws.onopen = () => done("open"); ws.onerror = () => done("failed"); } catch (e) { done("refused: " + e.name); } });`,
          'reach.sameOrigin = (await fetch("/robots.txt")).ok;',
          'show(reach);',
        ].join('\n'),
      );
      await run(root);
      expect(await settled(root)).toBe('done');
      const leaf = (name: string) => root.locator('[data-json] .out-json-leaf', { hasText: new RegExp(`^${name}:`) });
      // Nor Cache Storage, where the offline service worker keeps the site's own code.
      // Nor nested workers, which would run under their own script's policy, not this one.
      for (const name of [
        'document',
        'window',
        'localStorage',
        'sessionStorage',
        'cookieStore',
        'parent',
        'caches',
        'onSelf',
        'Worker',
        'SharedWorker',
      ]) {
        await expect(leaf(name)).toContainText('"undefined"');
      }
      // The worker's own policy (dist/_headers) refuses other sites: nothing leaves the browser...
      await expect(leaf('otherSite')).toContainText('refused: TypeError');
      await expect(leaf('importScripts')).toContainText('refused: TypeError');
      await expect(leaf('otherModule')).toContainText('refused: TypeError');
      await expect(leaf('dataModule')).toContainText('refused: TypeError');
      await expect(leaf('sameOrigin')).toContainText('true');
      await expect(root.locator('[data-output]')).not.toContainText('secret');
      expect(heard).toEqual([]);
      // ...and the reader learns why, which "Failed to fetch" does not say.
      const blocked = root.locator('[data-blocked]');
      await expect(blocked.filter({ hasText: `(connect-src) refused ${origin}/data` })).toHaveCount(1);
      await expect(blocked.filter({ hasText: `refused ${origin}/module.js` })).toHaveCount(1);
      await expect(blocked.filter({ hasText: 'refused a data: URL' })).toHaveCount(1);
      await expect(blocked.filter({ hasText: `refused ${origin.replace('http', 'ws')}/socket` })).toHaveCount(1);
      await expect(leaf('socket')).not.toContainText('open');
      await expect(blocked.first()).toContainText('A snippet can only reach this site.');
      // A run that ends on the refused request: the reason comes first, then the error, then the footer.
      await setCode(root, `await fetch("${origin}/last");`);
      await run(root);
      expect(await settled(root)).toBe('error');
      const order = await root
        .locator('[data-output]')
        .evaluate((out) =>
          [...out.querySelectorAll('[data-blocked], [data-error], [data-done]')].map((el) => Object.keys((el as HTMLElement).dataset)[0]),
        );
      expect(order).toEqual(['blocked', 'error', 'done']);
    } finally {
      other.close();
    }
  });
});

test.describe('Content-Security-Policy', () => {
  const pages = builtPages();

  test('every built page carries the policy first in <head>, allowing only the site’s own scripts and workers', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const { file } of pages) {
      const html = readFileSync(file, 'utf8');
      const m = /<head>\s*<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html);
      expect(m, file).not.toBeNull();
      const policy = parsePolicy(m![1]!);
      expect(policy['default-src'], file).toEqual(["'self'"]);
      expect(
        policy['script-src']!.filter((s) => !s.startsWith("'sha256-")),
        file,
      ).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy['worker-src'], file).toEqual(["'self'"]);
      expect(policy['connect-src'], file).toEqual(["'self'"]);
      expect(policy['object-src'], file).toEqual(["'none'"]);
      expect(policy['base-uri'], file).toEqual(["'self'"]);
    }
  });

  test('no inline event handler and no javascript: URL in any built page', () => {
    for (const { file } of pages) {
      const html = readFileSync(file, 'utf8').replace(/<script\b[\s\S]*?<\/script>/g, '');
      const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
      const handlers = tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag));
      expect(handlers, file).toEqual([]);
      expect(html, file).not.toMatch(/(?:href|src|action)\s*=\s*["']?\s*javascript:/i);
    }
  });

  test('no violation while loading every page, searching, switching theme and running snippets', async ({ page }) => {
    test.setTimeout(180_000);
    const reported: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    // Violations in workers are not DOM events: the console reports them.
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) reported.push(`${page.url()} ${m.text()}`);
    });
    const violations = async () => {
      const found = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
      return [...found.map((v) => `${page.url()} ${v}`), ...reported];
    };
    for (const { path: url } of pages) {
      await page.goto(url);
      await page.waitForLoadState('load');
      expect(await violations(), url).toEqual([]);
    }
    await page.goto('/en/serialization/');
    await page.locator('[data-theme-toggle]').click();
    await page.keyboard.press('/');
    await page.keyboard.type('Lambda');
    await expect(page.locator('.search__option').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await page.goto(PLAYGROUND.fr);
    const root = snippet(page);
    await root.locator('select[data-backend]').selectOption('wasm');
    await setCode(root, 'show(tf.matMul(tf.ones([2, 2]), tf.ones([2, 2])));');
    await run(root, 'fr');
    expect(await settled(root)).toBe('done');
    await root.locator('select[data-backend]').selectOption('cpu');
    await run(root, 'fr');
    expect(await settled(root)).toBe('done');
    expect(await violations()).toEqual([]);
  });
});

test.describe('storage failures', () => {
  const BROKEN = {
    'storage disabled (private mode, blocked cookies)': () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    },
    'quota exceeded': () => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  };
  for (const [name, breakStorage] of Object.entries(BROKEN)) {
    test(`${name}: editing and running still work, and the reader is told once`, async ({ page }) => {
      await page.addInitScript(breakStorage);
      await page.goto(PLAYGROUND.en);
      const root = snippet(page);
      await setCode(root, 'show(tf.scalar(1));');
      const note = root.locator('[data-note="storage"]');
      await expect(note).toContainText('cannot be saved');
      await page.keyboard.type('\nshow(tf.scalar(2));');
      await page.waitForTimeout(800); // more debounced saves fail: still one note
      await expect(note).toHaveCount(1);
      await expect.poll(() => editorText(root)).toBe('show(tf.scalar(1));\nshow(tf.scalar(2));');
      await run(root);
      expect(await settled(root)).toBe('done');
      await expect(root.locator('[data-tensor]')).toHaveCount(2);
      // Dismissed, it stays dismissed: the reader was told.
      await note.getByRole('button', { name: 'Dismiss' }).click();
      await root.locator('.cm-content').click();
      await page.keyboard.type(' // more');
      await page.waitForTimeout(800);
      await expect(note).toHaveCount(0);
    });
  }
});

test.describe('two tabs', () => {
  test('the last save wins, and the other tab is told instead of being silently overwritten', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(PLAYGROUND.en);
    await b.goto(PLAYGROUND.en);
    const inA = snippet(a);
    const inB = snippet(b);
    const key = () => a.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('lol-edit')) ?? '');

    await setCode(inA, '// from tab A\nshow(1);');
    await expect.poll(key).not.toBe('');
    const k = await key();
    await expect.poll(() => a.evaluate((name) => localStorage.getItem(name), k)).toBe('// from tab A\nshow(1);');

    await setCode(inB, '// from tab B\nshow(2);');
    await expect.poll(() => a.evaluate((name) => localStorage.getItem(name), k)).toBe('// from tab B\nshow(2);');
    // A is told; its own code is still on screen, untouched.
    const told = inA.locator('[data-note="other-tab"]');
    await expect(told).toContainText('edited in another tab');
    expect(await editorText(inA)).toBe('// from tab A\nshow(1);');

    // "Keep this one" saves A's version: now B is told.
    await told.getByRole('button', { name: 'Keep this one' }).click();
    await expect.poll(() => a.evaluate((name) => localStorage.getItem(name), k)).toBe('// from tab A\nshow(1);');
    const toldB = inB.locator('[data-note="other-tab"]');
    await expect(toldB).toContainText('edited in another tab');
    // "Load that version" brings A's code into B.
    await toldB.getByRole('button', { name: 'Load that version' }).click();
    await expect.poll(() => editorText(inB)).toBe('// from tab A\nshow(1);');
  });
});
