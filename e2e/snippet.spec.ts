import { expect, test, type Page } from '@playwright/test';
import { strings } from '../src/i18n/translate';
import { PLAYGROUND, editorText, pageAnswers, run, setCode, settled, snippet, watchDialogs } from './helpers';

/** The note a reader sees when the editor's chunk does not arrive (and only that one). */
const EDITOR_FAILED = strings.en['snippet.editorFailed'];

test.describe('live snippets', () => {
  test('shows the code highlighted before any JavaScript, then runs a matMul', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await expect(root).toHaveAttribute('data-state', 'idle');
    await expect(root.locator('pre.astro-code')).toBeVisible();
    await setCode(root, 'show(tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5, 6], [7, 8]])), "product");');
    await run(root);
    expect(await settled(root)).toBe('done');
    const tensor = root.locator('[data-output] [data-tensor]');
    await expect(tensor).toHaveAttribute('data-shape', '2,2');
    await expect(tensor).toHaveAttribute('data-dtype', 'float32');
    for (const v of ['19', '22', '43', '50']) await expect(tensor).toContainText(v);
    await expect(root.locator('[data-output]')).toHaveAttribute('aria-live', 'polite');
  });

  test('a Run clicked at once runs the code shown, and the editor comes once the run has ended', async ({ page }) => {
    await page.goto('/en/');
    const root = snippet(page, 'overview-first');
    const code = await root
      .locator('pre')
      .first()
      .evaluate((pre) => pre.textContent ?? '');
    // What the page looked like when the run was said to be done.
    await root.evaluate((el) => {
      const w = window as unknown as { atDone?: { editor: boolean } };
      new MutationObserver(() => {
        if (el.getAttribute('data-state') === 'done') w.atDone ??= { editor: el.querySelector('.cm-content') !== null };
      }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
    });
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-output] [data-shown]').first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { atDone?: { editor: boolean } }).atDone)).toEqual({ editor: false });
    await expect(root.locator('.cm-content')).toBeVisible();
    expect(await editorText(root)).toBe(code);
    // The editor's chunk was asked for after tfjs had started in the worker, not in competition with it.
    const order = await page.evaluate(() => ({
      ready: performance.getEntriesByName('snippet:worker-ready')[0]?.startTime ?? NaN,
      editor: performance.getEntriesByType('resource').find((e) => /\/_astro\/editor\.[\w-]+\.js$/.test(e.name))?.startTime ?? NaN,
    }));
    expect(order.editor, JSON.stringify(order)).toBeGreaterThan(order.ready);
  });

  test('the await parser is not loaded before the output of a snippet that does not await', async ({ page, context }) => {
    // Each request for the parser's chunk reports the watched snippet's state at that moment (the
    // request waits meanwhile). Read without waiting: a request may come from a page being left.
    const states: string[] = [];
    const watched = 'overview-first';
    await context.route(/\/_astro\/acorn-[\w-]+\.js$/, async (route) => {
      const state = await page
        .evaluate((id) => document.querySelector(`[data-snippet="${id}"]`)?.getAttribute('data-state') ?? 'absent', watched)
        .catch(() => 'gone');
      states.push(state);
      await route.continue().catch(() => undefined);
    });
    await page.goto('/en/');
    const plain = snippet(page, watched);
    await run(plain);
    expect(await settled(plain)).toBe('done');
    expect(states, 'no parser for code without await, before its output').toEqual([]);
    expect(await workerMarks(page), 'the worker was not told to load it').not.toHaveProperty('worker-parser');
    await context.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('the await parser loads beside tfjs for a snippet that awaits', async ({ page }) => {
    await page.goto('/en/trainable-weights/');
    const awaiting = snippet(page, 'weights-layer');
    // The first intent decides what the first worker loads: make it this snippet's, from the
    // keyboard (a pointer on its way to Run may pass over another snippet as the page settles).
    await awaiting.locator('pre').focus();
    await run(awaiting);
    expect(await settled(awaiting)).toBe('done');
    // Told at its start, the run's worker asked for the parser while tfjs was still loading. Read
    // from the worker's own marks, in order on its clock: not from requests seen late under load.
    const marks = await workerMarks(page);
    expect(marks['worker-parser'], JSON.stringify(marks)).toBeGreaterThanOrEqual(marks['worker-entry']!);
    expect(marks['worker-parser'], JSON.stringify(marks)).toBeLessThan(marks['worker-loaded']!);
  });

  test('a Run whose island did not arrive says Failed, and once a later intent brings the island the snippet is ready again', async ({
    page,
    context,
  }) => {
    // Chromium fetches a failed chunk again on the next intent (Firefox and WebKit need a reload: e2e/engines).
    let online = false;
    await context.route(/\/_astro\/island\.[\w-]+\.js$/, (route) => (online ? route.continue() : route.abort('internetdisconnected')));
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    const state = root.locator('[data-status-state]');
    await run(root);
    expect(await settled(root)).toBe('error');
    await expect(state).toHaveText(strings.en['snippet.state.error']);
    await expect(root.getByRole('alert')).toHaveText(strings.en['snippet.islandFailed'], { useInnerText: true });
    online = true;
    await page.mouse.move(0, 0);
    await root.locator('pre').first().hover();
    await expect(root.locator('.cm-content')).toBeVisible();
    await expect(state).toHaveText(strings.en['snippet.state.idle']);
    await expect(root).toHaveAttribute('data-state', 'idle');
    await expect(root.getByRole('alert')).toBeHidden();
  });

  test('an editor that does not arrive says so, the code still runs, and the next intent brings it', async ({ page, context }) => {
    // The connection drops after the island came: its editor chunk fails (context.route also sees the service worker's fetches).
    const editorChunk = /\/_astro\/editor\.[\w-]+\.js$/;
    let refused = 0;
    let online = false;
    await context.route(editorChunk, (route) => {
      if (online) return route.continue();
      refused++;
      return route.abort('internetdisconnected');
    });
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    const pre = root.locator('pre').first();
    await pre.click();
    await expect(root.getByRole('alert')).toHaveText(EDITOR_FAILED, { useInnerText: true });
    expect(refused).toBeGreaterThan(0);
    await expect(root.locator('.cm-content')).toHaveCount(0);
    await pre.press('End');
    await pre.pressSequentially(' // typed meanwhile');
    await run(root);
    expect(await settled(root)).toBe('done');

    // The network is back: the next intent (or one the run's end made already) brings the editor.
    online = true;
    await root.locator('pre, .cm-content').first().click();
    await expect(root.locator('.cm-content')).toBeVisible();
    await expect(root.getByRole('alert')).toBeHidden();
    expect(await editorText(root)).toContain(' // typed meanwhile');
  });

  test('without its editor, typing into the static code is an edit: saved, marked, and Reset brings the highlighted original back', async ({
    page,
    context,
  }) => {
    await context.route(/\/_astro\/editor\.[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    const pre = root.locator('pre').first();
    const original = await pre.evaluate((el) => el.textContent ?? '');
    const highlighted = await pre.locator('span[class^="tk-"]').count();
    expect(highlighted, 'the build highlights the code').toBeGreaterThan(0);
    await pre.click();
    await expect(root.getByRole('alert')).toHaveText(EDITOR_FAILED, { useInnerText: true });
    await pre.press('End');
    await pre.pressSequentially(' // typed meanwhile');
    await expect(root.getByText('edited', { exact: true })).toBeVisible();
    // Saved like any edit: a reload shows it.
    await page.waitForTimeout(600);
    await page.reload();
    await expect(pre).toContainText('// typed meanwhile');

    await root.getByRole('button', { name: 'Reset' }).click();
    // No undo to offer without the editor, so none is promised.
    await expect(root.locator('[data-status-flash]')).toHaveText('Original code restored.');
    await expect.poll(() => pre.evaluate((el) => el.textContent)).toBe(original);
    await expect(root.getByText('edited', { exact: true })).toBeHidden();
    await page.waitForTimeout(600);
    await page.reload();
    await expect.poll(() => pre.evaluate((el) => el.textContent)).toBe(original);
    expect(await pre.locator('span[class^="tk-"]').count(), 'the original is highlighted again after a reload').toBe(highlighted);

    // Reset before any reload puts back the build's highlighted block itself.
    await pre.click();
    await expect(root.getByRole('alert')).toHaveText(EDITOR_FAILED, { useInnerText: true });
    await pre.press('End');
    await pre.pressSequentially(' // again');
    await root.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => pre.evaluate((el) => el.textContent)).toBe(original);
    expect(await pre.locator('span[class^="tk-"]').count()).toBe(highlighted);
  });

  test('a press whose release the page never saw (outside the window) holds the editor back only until that pointer moves', async ({
    page,
  }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    // A selection dragged out of the window: the page gets the press, not the release. Chromium's mouse is pointer 1.
    const pre = root.locator('pre').first();
    await pre.dispatchEvent('pointerdown', { pointerId: 1, button: 0, buttons: 1, isPrimary: true, pointerType: 'mouse' });
    // The editor's module is loaded: only the held pointer keeps it from replacing the static code.
    await page.waitForFunction(() => performance.getEntriesByName('snippet:editor-loaded').length > 0);
    const aFrameLater = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    await aFrameLater();
    await expect(root.locator('.cm-content'), 'no swap under a held pointer').toHaveCount(0);
    // Another pointer moving with no button pressed (a pen hovering) is not the held one letting go.
    await pre.dispatchEvent('pointermove', { pointerId: 2, button: -1, buttons: 0, isPrimary: false, pointerType: 'pen' });
    await aFrameLater();
    await expect(root.locator('.cm-content'), 'no swap when another pointer moves').toHaveCount(0);
    await page.mouse.move(5, 5);
    await expect(root.locator('.cm-content')).toBeVisible();
  });

  test('Ctrl+Enter runs from the editor', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'console.log("ran " + (6 * 7));');
    await page.keyboard.press('Control+Enter');
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-log]')).toHaveText(/ran 42/);
  });

  test('an edit survives a reload; Reset restores the original and undo brings the edit back', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    // The first click hydrates: the editor may replace the static code under the pointer.
    await root.locator('pre, .cm-content').first().click();
    await expect(root.locator('.cm-content')).toBeVisible();
    const original = await editorText(root);
    await setCode(root, '// my edit\nshow(1);');
    await expect(root.getByText(/edited/i).first()).toBeVisible();
    await page.waitForTimeout(800); // saves are debounced
    await page.reload();
    await root.locator('pre, .cm-content').first().click();
    await expect.poll(() => editorText(root)).toBe('// my edit\nshow(1);');
    await root.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => editorText(root)).toBe(original);
    await root.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => editorText(root)).toBe('// my edit\nshow(1);');
  });

  test('Stop ends an endless loop at once, the page keeps answering, the next run works', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'while (true) {}');
    await run(root);
    await expect(root).toHaveAttribute('data-state', 'running');
    // The loop runs in a worker: a click on the page is handled while it runs.
    await pageAnswers(page, root);
    await root.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(root).toHaveAttribute('data-state', 'stopped');
    await setCode(root, 'show(tf.scalar(3));');
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-tensor]')).toContainText('3');
  });

  test('the time limit stops runaway code with a clear message', async ({ page }) => {
    await page.goto(PLAYGROUND.fr);
    const root = snippet(page);
    await root.evaluate((el) => el.setAttribute('data-timeout', '1500'));
    await setCode(root, 'while (true) {}');
    await run(root, 'fr');
    expect(await settled(root, 15_000)).toBe('stopped');
    // One duration format: the same "1,5 s" the status line and the footer use.
    await expect(root.locator('[data-output]')).toContainText(/Arrêté après 1,5[\u00a0\u202f]s/);
  });

  test('syntax and runtime errors point at their line', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'const a = 1;\nconst b = (;\n');
    await run(root);
    expect(await settled(root)).toBe('error');
    await expect(root.locator('[data-error]')).toHaveAttribute('data-line', '2');
    await expect(root.locator('[data-error]')).toContainText('SyntaxError');
    // The editor marks that line too.
    await expect(root.locator('.cm-line.cm-error-line')).toHaveCount(1);
    await expect(root.locator('.cm-line.cm-error-line')).toHaveText('const b = (;');

    await setCode(root, 'const x = tf.tensor2d([[1, 2]]);\n\nconst y = tf.matMul(x, x);');
    await run(root);
    expect(await settled(root)).toBe('error');
    await expect(root.locator('[data-error]')).toHaveAttribute('data-line', '3');
    // tfjs' own message, as it is.
    await expect(root.locator('[data-error]')).toContainText(/inner shapes|must match/i);
  });

  test('a share link restores the code without running it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    const code = 'show(tf.tensor1d([4, 5, 6]), "shared");';
    await setCode(root, code);
    await root.getByRole('button', { name: 'Share', exact: true }).click();
    const href = await root.locator('a[data-share-url]').getAttribute('href');
    expect(href).toBeTruthy();

    const other = await context.newPage();
    await other.goto(new URL(href!, page.url()).href);
    const shared = snippet(other);
    await expect(shared).toBeInViewport();
    await expect.poll(() => shared.locator('.cm-content, pre').first().innerText()).toContain('tensor1d([4, 5, 6])');
    await expect(shared).toContainText(/link/i);
    await other.waitForTimeout(500);
    await expect(shared).toHaveAttribute('data-state', 'idle');
    // Nothing ran, and the output built for the original code is not shown for this one.
    await expect(shared.locator('[data-output]')).toBeHidden();
    await run(shared);
    expect(await settled(shared)).toBe('done');
    await expect(shared.locator('[data-output]:not([data-built]) [data-tensor]')).toHaveAttribute('data-shape', '3');
  });

  test('strings are shown as text, never as HTML', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'show(\'<img src=x onerror="alert(1)">\');\nconsole.log("<b>bold</b>");');
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-output]')).toContainText('<img src=x onerror="alert(1)">');
    await expect(root.locator('[data-output] img, [data-output] b')).toHaveCount(0);
    expect(dialogs()).toBe(0);
  });

  test('the leak counter counts a deliberate leak', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'tf.tensor([1, 2, 3]);\ntf.tidy(() => { tf.ones([2]).add(1); });');
    await run(root);
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-leaked-tensors]')).toHaveText('1');
  });

  test('weights tables show each weight and whether it is trainable', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(
      root,
      [
        'const dense = tf.layers.dense({ units: 3, inputShape: [2] });',
        'dense.apply(tf.zeros([1, 2]));',
        'const frozen = new Lambda({ fn: (x) => tf.mul(x, 2) });',
        'show(dense, "dense");',
        'show(frozen, "lambda");',
      ].join('\n'),
    );
    await run(root);
    expect(await settled(root)).toBe('done');
    const layers = root.locator('[data-output] [data-layer]');
    await expect(layers).toHaveCount(2);
    await expect(layers.nth(0).locator('[data-weight]')).toHaveCount(2);
    await expect(layers.nth(0).locator('[data-weight][data-shape="2,3"]')).toHaveAttribute('data-trainable', 'true');
    // A Lambda owns no weights: it says so, with no empty table.
    await expect(layers.nth(1).locator('[data-weights]')).toHaveCount(0);
    await expect(layers.nth(1).locator('[data-no-weights]')).toBeVisible();
  });

  test('model.fit streams its progress while it trains', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(
      root,
      [
        'const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });',
        'model.compile({ optimizer: "sgd", loss: "meanSquaredError" });',
        'const xs = tf.tensor2d([[0], [1], [2], [3]]);',
        'const ys = tf.tensor2d([[1], [3], [5], [7]]);',
        'await model.fit(xs, ys, { epochs: 30, verbose: 0 });',
        'show(model, "trained");',
      ].join('\n'),
    );
    await run(root);
    expect(await settled(root)).toBe('done');
    const progress = root.locator('[data-fit-progress]');
    await expect(progress).toContainText('30/30');
    await expect(progress.locator('svg polyline, svg path').first()).toBeVisible();
    // The model summary counts the dense layer's kernel and bias.
    await expect(root.locator('[data-weight]')).toHaveCount(2);
  });

  test('the wasm backend can be chosen, and the status says which backend ran', async ({ page }) => {
    await page.goto(PLAYGROUND.fr);
    const root = snippet(page);
    await setCode(root, 'show(tf.getBackend(), "backend");\nshow(tf.add(tf.tensor1d([1, 2]), 1));');
    await root.locator('select[data-backend]').selectOption('wasm');
    await run(root, 'fr');
    expect(await settled(root)).toBe('done');
    await expect(root.locator('[data-output]')).toContainText('wasm');
    // Named as the picker names it.
    await expect(root.locator('[data-status-run]')).toContainText('WebAssembly');
    await expect(root.locator('[data-tensor]').last()).toContainText('3');
    // The choice is remembered for the next page.
    await page.goto(PLAYGROUND.en);
    await expect(snippet(page).locator('select[data-backend]')).toHaveValue('wasm');
  });
});

/** The first worker's start, from the marks the page records (src/snippet/marks.ts): ms on the page's clock. */
function workerMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      ['worker-entry', 'worker-parser', 'worker-loaded', 'worker-ready'].flatMap((step) => {
        const entry = performance.getEntriesByName(`snippet:${step}`)[0];
        return entry ? [[step, entry.startTime]] : [];
      }),
    ),
  );
}

test.describe('on a phone', () => {
  // A phone's keyboard keeps its own model of the text (suggestions, capitals): the editor leaves
  // typed text to the browser and CodeMirror there (src/snippet/editor/typed-text.ts).
  test.use({
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
  });

  test('typed text is left to the browser and CodeMirror, and lands whole', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, '');
    // Whether each key's beforeinput was cancelled (the editor's own insertion) or let through.
    await page.evaluate(() => {
      const cancelled: boolean[] = [];
      Object.assign(window, { cancelled });
      document.addEventListener('beforeinput', (event) => setTimeout(() => cancelled.push(event.defaultPrevented)), true);
    });
    await page.keyboard.type("x = f('a');");
    await expect.poll(() => editorText(root)).toBe("x = f('a');");
    const cancelled = await page.evaluate(() => (window as unknown as { cancelled: boolean[] }).cancelled);
    expect(cancelled.length).toBeGreaterThan(5);
    expect(cancelled).not.toContain(true);
  });
});
