/**
 * What a reader does with a snippet, in each engine: edit and run from the keyboard, stop an
 * endless loop, keep an edit across a reload and reset it, open a share link without running
 * it, share (the link reaches the clipboard), see an error's line, search, read offline, work
 * on while the editor cannot load, pick the wasm backend, and read a weights table on a phone.
 */
import type { AddressInfo } from 'node:net';
import { strings } from '../../src/i18n/translate';
import { createSiteServer } from '../../scripts/serve.mjs';
import { expect, test } from './fixtures';
import { clickCode, clickRun, codeOf, hydrated, loadFailedNote, outputOf, settled, shareLink } from './snippet';
import { waitFor, type Tab } from './tab';

const PLAYGROUND = '/en/playground/';
const ID = 'playground';

/** Puts `code` in the playground's editor by typing, as a reader would (one line: no auto-indent). */
async function typeCode(tab: Tab, code: string): Promise<void> {
  await clickCode(tab, ID);
  await hydrated(tab, ID);
  await tab.click(`[data-snippet="${ID}"] .cm-content`);
  await tab.press('Control+a');
  await tab.press('Delete');
  await tab.type(code);
  await waitFor(
    tab,
    (id: string, text: string) => document.querySelector(`[data-snippet="${id}"] .cm-content`)?.textContent === text,
    [ID, code],
    {
      message: 'the typed code',
    },
  );
}

test('an edit runs with Ctrl+Enter', async ({ tab }) => {
  await tab.goto(PLAYGROUND);
  await typeCode(tab, 'show(tf.scalar(6 * 7), "answer");');
  await tab.press('Control+Enter');
  expect(await settled(tab, ID)).toBe('done');
  const seen = await outputOf(tab, ID);
  expect(seen.tensors).toHaveLength(1);
  expect(seen.tensors[0]!.values.join(' ')).toContain('42');
});

test('what tfjs prints goes to the output, and every console method works', async ({ tab }) => {
  await tab.goto(PLAYGROUND);
  await typeCode(tab, 'tf.tensor([1, 2, 3]).print(); console.table([7]); console.count();');
  await tab.press('Control+Enter');
  expect(await settled(tab, ID)).toBe('done');
  const seen = await outputOf(tab, ID);
  expect(seen.errors).toEqual([]);
  expect(seen.logs.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(['Tensor [1, 2, 3]', '[7]', 'default: 1']);
});

test('Stop ends an endless loop at once, and the page answers meanwhile', async ({ tab }) => {
  await tab.goto(PLAYGROUND);
  await typeCode(tab, 'while (true) {}');
  await clickRun(tab, ID);
  await waitFor(tab, (id: string) => document.querySelector<HTMLElement>(`[data-snippet="${id}"]`)?.dataset.state === 'running', [ID]);
  // The loop runs in a worker: the page answers while it runs (a frozen page would answer only
  // once the run had ended).
  expect(await tab.evaluate((id: string) => document.querySelector<HTMLElement>(`[data-snippet="${id}"]`)?.dataset.state, ID)).toBe(
    'running',
  );
  await tab.click(`[data-snippet="${ID}"] [data-action="stop"]`);
  expect(await settled(tab, ID, 5000)).toBe('stopped');
});

test('an edit is kept across a reload, and Reset brings the original back', async ({ tab }) => {
  await tab.goto(PLAYGROUND);
  const original = await codeOf(tab, ID);
  await typeCode(tab, 'show("mine");');
  // Saves are debounced: wait for the whole edit to be kept.
  await waitFor(
    tab,
    () => Object.keys(localStorage).some((k) => k.startsWith('lol-edit:') && localStorage.getItem(k) === 'show("mine");'),
    [],
    {
      message: 'the edit to be saved',
    },
  );
  // WebKit hands localStorage writes to its storage process asynchronously: a reload within
  // milliseconds of the write (on a loaded CI machine) sometimes reads the store without it. A
  // reader takes longer than this to reload.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await tab.reload();
  // The saved edit shows before the editor is loaded, and stays once it is.
  const saved = await tab.evaluate(() => JSON.stringify({ ...localStorage, readyState: document.readyState }));
  expect(await codeOf(tab, ID), `after the reload: ${saved}`).toBe('show("mine");');
  await clickCode(tab, ID);
  await hydrated(tab, ID);
  expect(await codeOf(tab, ID)).toBe('show("mine");');
  await tab.click(`[data-snippet="${ID}"] [data-action="reset"]`);
  await waitFor(
    tab,
    (id: string, text: string) => {
      const lines = document.querySelectorAll(`[data-snippet="${id}"] .cm-content .cm-line`);
      return Array.from(lines, (l) => l.textContent).join('\n') === text;
    },
    [ID, original],
    { message: 'the original code' },
  );
});

test('a share link shows its code and does not run it', async ({ tab }) => {
  await tab.goto(shareLink(PLAYGROUND, ID, 'show(tf.tensor1d([4, 5, 6]), "shared");'));
  await waitFor(
    tab,
    (id: string) => document.querySelector(`[data-snippet="${id}"] .cm-content`)?.textContent?.includes('tensor1d([4, 5, 6])'),
    [ID],
    {
      message: 'the shared code in the editor',
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect((await outputOf(tab, ID)).state).toBe('idle');
  // Nothing ran, and the output built for the original code is not shown for this one.
  expect(
    await tab.evaluate((id: string) => document.querySelector<HTMLElement>(`[data-snippet="${id}"] [data-output]`)!.checkVisibility(), ID),
  ).toBe(false);
  await clickRun(tab, ID);
  expect(await settled(tab, ID)).toBe('done');
  expect((await outputOf(tab, ID)).tensors.map((t) => t.shape)).toEqual(['3']);
});

test('Share copies the link to the clipboard, from the click itself', async ({ tab }) => {
  await tab.goto(PLAYGROUND);
  await typeCode(tab, 'show(1);');
  await tab.click(`[data-snippet="${ID}"] [data-action="share"]`);
  const note = await waitFor(tab, (id: string) => document.querySelector(`[data-snippet="${id}"] [data-notes]`)?.textContent ?? '', [ID], {
    message: 'the share note',
  });
  // Not the fallback that only shows the link.
  expect(note).toContain(strings.en['snippet.shareCopied'].replace(/:$/, ''));
});

test('errors point at their line: a tfjs error, and one raised inside fit after an await', async ({ tab }) => {
  const cases = [
    { code: 'const x = tf.tensor2d([[1, 2]]);\n\nconst y = tf.matMul(x, x);', line: 3 },
    {
      code: [
        'const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });',
        "m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });",
        'const x = tf.ones([4, 3]);',
        'await m.fit(x, tf.ones([4, 1]), { epochs: 2, callbacks: { onEpochEnd: () => x.dispose() } });',
      ].join('\n'),
      line: 4,
    },
  ];
  for (const { code, line } of cases) {
    await tab.goto(shareLink(PLAYGROUND, ID, code));
    await hydrated(tab, ID);
    await clickRun(tab, ID);
    expect(await settled(tab, ID)).toBe('error');
    const seen = await outputOf(tab, ID);
    expect(seen.errors[0]?.line, `${tab.engine}: ${JSON.stringify(seen.errors)}`).toBe(String(line));
    expect(seen.markedLines).toEqual([line]);
  }
});

test('the wasm backend runs when chosen', async ({ tab }) => {
  await tab.goto(shareLink(PLAYGROUND, ID, 'show(tf.getBackend(), "backend");\nshow(tf.add(tf.tensor1d([1, 2]), 1));'));
  await hydrated(tab, ID);
  await tab.evaluate((id: string) => {
    const select = document.querySelector<HTMLSelectElement>(`[data-snippet="${id}"] select[data-backend]`)!;
    select.value = 'wasm';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, ID);
  await clickRun(tab, ID);
  expect(await settled(tab, ID)).toBe('done');
  const seen = await outputOf(tab, ID);
  expect(seen.errors).toEqual([]);
  expect(
    await tab.evaluate((id: string) => document.querySelector(`[data-snippet="${id}"] [data-output]`)?.textContent ?? '', ID),
  ).toContain('wasm');
  expect(seen.tensors[0]?.values.join(' ')).toMatch(/2\D+3/);
});

test('search opens from the keyboard, closes with a click outside it, finds a section and takes the reader there', async ({ tab }) => {
  await tab.goto('/en/');
  await tab.press('/');
  await waitFor(tab, () => document.querySelector('dialog[data-search]')?.hasAttribute('open'), [], { message: 'the search dialog' });
  // Results mean the dialog's code has arrived (the first opening brings it).
  await tab.type('get_config');
  await waitFor(tab, () => document.querySelectorAll('dialog[data-search] [role="option"]').length > 0, [], { message: 'search results' });
  await tab.clickAt(8, (await tab.evaluate(() => innerHeight)) - 8);
  await waitFor(tab, () => !document.querySelector('dialog[data-search]')?.hasAttribute('open'), [], { message: 'the dialog closed' });
  await tab.press('/');
  await waitFor(tab, () => document.querySelector('dialog[data-search]')?.hasAttribute('open'), [], { message: 'the search dialog' });
  // The query is selected on opening: typing replaces it.
  await tab.type('get_config');
  await waitFor(tab, () => document.querySelectorAll('dialog[data-search] [role="option"]').length > 0, [], { message: 'search results' });
  await tab.press('Enter');
  const landed = await waitFor(tab, () => (location.hash.length > 1 ? location.pathname + location.hash : ''), [], {
    message: 'the section',
  });
  expect(landed).toMatch(/^\/en\/[\w-]+\/#[\w-]+$/);
  await waitFor(
    tab,
    () => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      const top = target?.getBoundingClientRect().top ?? -1;
      return document.readyState === 'complete' && top >= 0 && top < innerHeight;
    },
    [],
    { message: 'the section in view' },
  );
});

/**
 * Whether a reload fetches again a chunk that failed. WebKitGTK 2.50 sometimes answers the
 * reload's request with the same failure, once or twice in a row, without asking the server
 * (a dropped connection or a 503 alike); Chromium and Firefox always ask again.
 */
function reloadRefetches(tab: Tab): boolean {
  if (tab.engine !== 'webkit') return true;
  test
    .info()
    .annotations.push({ type: 'not checked', description: 'the reload after a failed chunk (WebKit may answer it with the failure)' });
  return false;
}

/** A server of the site for one test alone (its own origin, so its storage and service worker too). */
async function ownServer(options?: Parameters<typeof createSiteServer>[0]): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createSiteServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

test('a page visited once reloads and runs its snippet with the server gone', async ({ tab }) => {
  test.setTimeout(120_000);
  const server = await ownServer();
  const { origin } = server;
  try {
    await tab.goto(`${origin}/en/`);
    await waitFor(tab, () => navigator.serviceWorker?.controller !== null, [], { timeout: 20_000, message: 'the service worker' });
    await clickRun(tab, 'overview-first');
    expect(await settled(tab, 'overview-first')).toBe('done');
  } finally {
    await server.close();
  }
  expect(
    await tab.evaluate(
      (url: string) =>
        fetch(url).then(
          (r) => r.status,
          () => 'unreachable',
        ),
      `${origin}/robots.txt`,
    ),
  ).toBe('unreachable');
  await tab.reload();
  expect(await tab.evaluate(() => document.querySelector('h1')?.textContent ?? '')).not.toBe('');
  await clickRun(tab, 'overview-first');
  expect(await settled(tab, 'overview-first')).toBe('done');
  expect((await outputOf(tab, 'overview-first')).errors).toEqual([]);
});

test('an editor that cannot load: the snippet says so, runs and keeps what is typed into the code meanwhile, and a reload brings the editor where the engine fetches it again', async ({
  tab,
}) => {
  test.setTimeout(120_000);
  let online = false;
  // The connection drops on the editor's chunk alone: the page and the island have arrived.
  const server = await ownServer({ refuse: (path) => !online && /^\/_astro\/editor\.[\w-]+\.js$/.test(path) });
  try {
    await tab.goto(`${server.origin}${PLAYGROUND}`);
    await clickCode(tab, ID);
    await waitFor(tab, (id: string) => document.querySelector(`[data-snippet="${id}"]`)?.hasAttribute('data-load-failed'), [ID], {
      message: 'the editor to fail',
    });
    expect(await loadFailedNote(tab, ID)).toBe(strings.en['snippet.editorFailed']);
    expect(await tab.evaluate((id: string) => document.querySelector(`[data-snippet="${id}"] .cm-content`) === null, ID)).toBe(true);
    // The static code takes the typing; Run runs what it shows.
    await tab.press('Control+a');
    await tab.type('show(tf.scalar(6 * 7), "typed");');
    await clickRun(tab, ID);
    expect(await settled(tab, ID)).toBe('done');
    const seen = await outputOf(tab, ID);
    expect(seen.tensors).toHaveLength(1);
    expect(seen.tensors[0]!.values.join(' ')).toContain('42');
    await waitFor(tab, () => Object.values(localStorage).includes('show(tf.scalar(6 * 7), "typed");'), [], {
      message: 'the edit to be saved',
    });
    if (!reloadRefetches(tab)) return;
    // The connection is back, and the reader does what the note says.
    online = true;
    await tab.reload();
    await clickCode(tab, ID);
    await hydrated(tab, ID);
    expect(await codeOf(tab, ID)).toBe('show(tf.scalar(6 * 7), "typed");');
    expect(await loadFailedNote(tab, ID)).toBe('');
  } finally {
    await server.close();
  }
});

test('a snippet whose code cannot load says so when Run is pressed, and runs after a reload where the engine fetches it again', async ({
  tab,
}) => {
  test.setTimeout(120_000);
  let online = false;
  // The island's chunk, which Run needs, does not arrive.
  const server = await ownServer({ refuse: (path) => !online && /^\/_astro\/island\.[\w-]+\.js$/.test(path) });
  const seen = async () => ({
    state: await tab.evaluate((id: string) => document.querySelector(`[data-snippet="${id}"] [data-status-state]`)?.textContent, ID),
    note: await loadFailedNote(tab, ID),
  });
  try {
    await tab.goto(`${server.origin}${PLAYGROUND}`);
    await clickRun(tab, ID);
    expect(await settled(tab, ID)).toBe('error');
    expect(await seen()).toEqual({ state: strings.en['snippet.state.error'], note: strings.en['snippet.islandFailed'] });
    if (!reloadRefetches(tab)) return;
    online = true;
    await tab.reload();
    await clickRun(tab, ID);
    expect(await settled(tab, ID)).toBe('done');
    expect(await seen()).toEqual({ state: strings.en['snippet.state.done'], note: '' });
  } finally {
    await server.close();
  }
});

test('on a phone, a weights table keeps its headers whole', async ({ tab }) => {
  await tab.setViewport(390, 844);
  await tab.goto('/fr/state/');
  await clickRun(tab, 'state-layer');
  expect(await settled(tab, 'state-layer')).toBe('done');
  const broken = await tab.evaluate(() =>
    Array.from(document.querySelectorAll('[data-snippet="state-layer"] [data-weights] thead th'))
      .filter((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        // More than one line box: the header wrapped, maybe inside a word.
        return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size > 1;
      })
      .map((th) => th.textContent),
  );
  expect(broken).toEqual([]);
});

test('a training chart shows its axis labels whole, as built and before anything runs', async ({ tab }) => {
  await tab.goto('/en/trainable-weights/');
  // The loss falls to about 5e-10 there: the widest label the chart writes.
  const cut = await tab.evaluate(() =>
    Array.from(document.querySelectorAll<SVGTextElement>('[data-snippet="weights-captured"] .out-chart text'))
      .filter((text) => text.getBBox().x < 0)
      .map((text) => text.textContent),
  );
  expect(cut).toEqual([]);
  expect(await tab.evaluate(() => document.querySelectorAll('[data-snippet="weights-captured"] .out-chart text').length)).toBeGreaterThan(
    3,
  );
});
