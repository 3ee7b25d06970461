#!/usr/bin/env node
/**
 * Performance figures for the README, each against its goal: page weight and paint per page,
 * how long a reader waits for a snippet's result (first Run clicked at once, after hovering,
 * second Run, and the naive page doing the same work, in the same run), plainly and with the
 * CPU throttled 4x, the steps of the first Run, main-thread responsiveness during a run, the
 * editor's weight and its longest task per keystroke, build time, and (with --lighthouse)
 * Lighthouse scores. Prints tables and writes bench-results/bench.json. Timings are noisy:
 * medians, and compare in one run.
 *
 *   npm run bench                       build, serve, measure
 *   npm run bench -- --no-build         measure the existing dist/
 *   npm run bench -- --lighthouse       also run Lighthouse on every page
 *   npm run bench -- --runs 7           runs per median (default 5)
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { LANGS } from '../src/i18n/locales.ts';
import { measurePage } from './bench/pages.mjs';
import { writeCodeMirrorAlonePage } from './bench/codemirror-alone.mjs';
import { writeNaivePage } from './bench/naive.mjs';
import { measureNaive, measureSite } from './bench/runs.mjs';
import { builtPages } from './dist.mjs';
import { EDITOR_BUDGET_BYTES, editorSize } from './editor-size.mjs';
import { KEYSTROKE_BUDGET_MS, editorTyping } from './editor-typing.mjs';
import { CHROMIUM_ARGS, findEngines } from './engines.mjs';

const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '4329' },
    page: { type: 'string', default: '/en/' },
    snippet: { type: 'string', default: 'overview-first' },
  },
});
const RUNS = Number(options.runs);
const PORT = Number(options.port);
const BASE = `http://127.0.0.1:${PORT}`;
const NAIVE = `http://127.0.0.1:${PORT + 1}`;
const CODEMIRROR_ALONE = `http://127.0.0.1:${PORT + 2}`;
/** Chromium's CPU emulation of a mid-range phone. */
const THROTTLE = 4;
const GOALS = {
  firstLoadKB: 29,
  firstLoadJsKB: 8,
  firstRunVsNaive: 0.5,
  secondRunMs: 30,
  hoverRunMs: 100,
  gapMs: 50,
  editorKB: EDITOR_BUDGET_BYTES / 1024,
  keystrokeMs: KEYSTROKE_BUDGET_MS,
};

/** Typing sessions measured each way (with the editor's help, without, and the peers). */
const TYPING_RUNS = 5;

/** Medians over typing sessions, with the range of the longest task and every session's figures. */
function typingSummary(runs) {
  const longest = runs.map((r) => r.longestKeystrokeTaskMs);
  return {
    longestKeystrokeTaskMs: median(longest),
    longestKeystrokeTaskRangeMs: [Math.min(...longest), Math.max(...longest)],
    meanKeydownTaskCpuMs: median(runs.map((r) => r.meanKeydownTaskCpuMs)),
    longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
    runs,
  };
}

/** A typing summary as the table prints it: median (range; mean CPU of a keydown's task). */
const typingFigures = (t) => `${t.longestKeystrokeTaskMs} (${t.longestKeystrokeTaskRangeMs.join('-')}; ${t.meanKeydownTaskCpuMs})`;

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const kb = (bytes) => Number((bytes / 1024).toFixed(1));
const ms = (x) => Math.round(x);
const verdict = (ok) => (ok ? 'met' : 'NOT MET');

/** The guide's pages: every built page under a language, its 404 page aside. */
function guidePages() {
  return builtPages()
    .map((page) => page.path)
    .filter((path) => LANGS.some((lang) => path.startsWith(`/${lang}/`)) && !path.endsWith('/404/'));
}

/** Longest gap between page timer ticks while a snippet keeps its worker busy for 2 s. */
async function measureResponsiveness(browser) {
  const gaps = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const code = 'const t0 = Date.now();\nwhile (Date.now() - t0 < 2000) {}\nshow(tf.scalar(1));';
    // A share link: the code is shown, not run, until Run is pressed.
    await page.goto(`${BASE}/en/playground/#snippet=playground&code=${deflateRawSync(code).toString('base64url')}`, {
      waitUntil: 'networkidle',
    });
    const root = page.locator('[data-snippet="playground"]');
    await root.hover();
    await root.locator('.cm-content').waitFor();
    const run = root.locator('[data-action="run"]');
    await run.scrollIntoViewIfNeeded();
    const box = await run.boundingBox();
    if (!box) throw new Error('the Run button has no box');
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__gap = 0;
      let last = performance.now();
      w.__ticker = setInterval(() => {
        const now = performance.now();
        w.__gap = Math.max(w.__gap, now - last);
        last = now;
      }, 10);
    });
    // The end is awaited inside the page (a MutationObserver): polling from here would add its own work.
    const done = page.evaluate(
      (el) =>
        new Promise((resolve) => {
          new MutationObserver(() => el.getAttribute('data-state') === 'done' && resolve(undefined)).observe(el, { attributes: true });
        }),
      await root.elementHandle(),
    );
    // A click at the button's place, as a reader's: no locator work of the harness in the page meanwhile.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await done;
    gaps.push(await page.evaluate(() => /** @type {any} */ (window).__gap));
    await context.close();
  }
  return median(gaps);
}

function lighthouse(url, chromiumPath) {
  const out = execFileSync(
    'npx',
    [
      'lighthouse',
      url,
      '--quiet',
      '--output=json',
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath ?? '' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(out.toString());
  const score = (k) => Math.round((report.categories[k]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
  };
}

function serve(dir, port) {
  return spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(port), DIST_DIR: dir }, stdio: 'ignore' });
}

async function main() {
  const result = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, goals: GOALS };
  if (!options['no-build']) {
    const t0 = performance.now();
    execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
    result.buildSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  }
  if (!existsSync('dist')) throw new Error('no dist/: run without --no-build');
  const naiveDir = writeNaivePage('bench-results/naive');
  const chromiumPath = (await findEngines()).chromium?.executablePath;
  const aloneDir = await writeCodeMirrorAlonePage('bench-results/codemirror-alone');
  const servers = [serve('dist', PORT), serve(naiveDir, PORT + 1), serve(aloneDir, PORT + 2)];
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    result.pages = [];
    for (const path of guidePages()) result.pages.push(await measurePage(browser, BASE + path));
    const target = { url: BASE + options.page, id: options.snippet, runs: RUNS };
    result.runs = {};
    for (const throttle of [1, THROTTLE]) {
      const atOnce = await measureSite(browser, { ...target, hoverMs: 0, throttle });
      const hovered = await measureSite(browser, { ...target, hoverMs: 400, throttle });
      const naive = await measureNaive(browser, { url: `${NAIVE}/`, runs: RUNS, throttle });
      result.runs[`x${throttle}`] = {
        firstAtOnceMs: ms(median(atOnce.first)),
        firstAfterHoverMs: ms(median(hovered.first)),
        secondMs: ms(median([...atOnce.second, ...hovered.second])),
        naiveMs: ms(median(naive.times)),
        naiveBackend: naive.backend,
        breakdown: Object.fromEntries(
          Object.keys(atOnce.breakdown[0] ?? {}).map((k) => [k, ms(median(atOnce.breakdown.map((b) => b[k])))]),
        ),
        all: {
          atOnce: atOnce.first.map(ms),
          hovered: hovered.first.map(ms),
          second: [...atOnce.second, ...hovered.second].map(ms),
          naive: naive.times.map(ms),
        },
      };
    }
    result.longestGapMs = ms(await measureResponsiveness(browser));
    // The same typing with the editor's tfjs help, without it (what the help costs a keystroke),
    // with the browser editing the DOM as CodeMirror alone lets it (the peer of typed-text.ts), and
    // in CodeMirror as it ships (the baseline: ./bench/codemirror-alone.mjs), in turn, TYPING_RUNS
    // times each: the longest task of a single run is one sample of a maximum.
    const typing = { help: [], bare: [], browserEdits: [], codemirrorAlone: [] };
    for (let i = 0; i < TYPING_RUNS; i++) {
      typing.help.push(await editorTyping(browser, BASE));
      typing.bare.push(await editorTyping(browser, BASE, { withoutHelp: true }));
      typing.browserEdits.push(await editorTyping(browser, BASE, { browserEdits: true }));
      // No help there to wait for.
      typing.codemirrorAlone.push(await editorTyping(browser, CODEMIRROR_ALONE, { withoutHelp: true }));
    }
    result.typing = Object.fromEntries(Object.entries(typing).map(([key, runs]) => [key, typingSummary(runs)]));
    // One more session, for V8's compiling on background threads: its trace weighs on the figures.
    result.typing.compilation = await editorTyping(browser, BASE, { compilation: true });
    if (options.lighthouse) {
      result.lighthouse = {};
      for (const { path } of result.pages) result.lighthouse[path] = lighthouse(BASE + path, chromiumPath);
    }
  } finally {
    await browser.close();
    for (const server of servers) server.kill();
  }
  const editor = editorSize('dist');
  result.editor = { kb: kb(editor.fetchedForEditor), chunks: editor.chunks };

  console.log('\nFirst load per page (KB transferred, gzip; LCP and TBT in ms)');
  console.table(
    result.pages.map((p) => ({
      page: p.path,
      total: kb(p.total),
      html: kb(p.html),
      css: kb(p.css),
      js: kb(p.js),
      requests: p.requests,
      lcp: p.lcpMs,
      tbt: p.tbtMs,
      unasked: p.unasked.join(' ') || 'none',
    })),
  );
  const worst = (k) => kb(Math.max(...result.pages.map((p) => p[k])));
  const plain = result.runs.x1;
  const slow = result.runs[`x${THROTTLE}`];
  const rows = [
    [
      'first load, worst page (KB gzip, outputs included)',
      worst('total'),
      `<= ${GOALS.firstLoadKB}`,
      verdict(worst('total') <= GOALS.firstLoadKB),
    ],
    ['first-load JavaScript, worst page (KB gzip)', worst('js'), `<= ${GOALS.firstLoadJsKB}`, verdict(worst('js') <= GOALS.firstLoadJsKB)],
    [
      'fetched without intent (tfjs, editor)',
      result.pages.some((p) => p.unasked.length) ? 'yes' : 'nothing',
      'nothing',
      verdict(!result.pages.some((p) => p.unasked.length)),
    ],
    ['naive page (tf.min.js on click, main thread), ms', `${plain.naiveMs} (${plain.naiveBackend})`, '-', '-'],
    [
      'first Run clicked at once, ms',
      `${plain.firstAtOnceMs} = ${(plain.firstAtOnceMs / plain.naiveMs).toFixed(2)} x naive`,
      `<= ${GOALS.firstRunVsNaive} x naive`,
      verdict(plain.firstAtOnceMs <= GOALS.firstRunVsNaive * plain.naiveMs),
    ],
    [
      'first Run after hovering 400 ms, ms',
      plain.firstAfterHoverMs,
      `< ${GOALS.hoverRunMs}`,
      verdict(plain.firstAfterHoverMs < GOALS.hoverRunMs),
    ],
    ['second Run, ms', plain.secondMs, `<= ${GOALS.secondRunMs}`, verdict(plain.secondMs <= GOALS.secondRunMs)],
    [
      `CPU ${THROTTLE}x: naive / at once / after hover / second, ms`,
      `${slow.naiveMs} / ${slow.firstAtOnceMs} (${(slow.firstAtOnceMs / slow.naiveMs).toFixed(2)} x) / ${slow.firstAfterHoverMs} / ${slow.secondMs}`,
      '-',
      '-',
    ],
    [
      'longest main-thread gap while a snippet runs 2 s, ms',
      result.longestGapMs,
      `<= ${GOALS.gapMs}`,
      verdict(result.longestGapMs <= GOALS.gapMs),
    ],
    // The budget is a maximum: one session over it is one keystroke a reader felt.
    [
      `longest keystroke task, 200-line snippet, with help / without (ms, median of ${TYPING_RUNS}; range; mean CPU of a keydown's task)`,
      [result.typing.help, result.typing.bare].map(typingFigures).join(' / '),
      `<= ${GOALS.keystrokeMs} in every session`,
      verdict(result.typing.help.longestKeystrokeTaskRangeMs[1] <= GOALS.keystrokeMs),
    ],
    [
      `the same, the browser editing the DOM and CodeMirror reading it back (ms, median of ${TYPING_RUNS}; range; mean CPU)`,
      typingFigures(result.typing.browserEdits),
      '-',
      '-',
    ],
    [
      `the same in CodeMirror alone, as it ships, on a page of its own: the baseline (ms, median of ${TYPING_RUNS}; range; mean CPU)`,
      typingFigures(result.typing.codemirrorAlone),
      '-',
      '-',
    ],
    [
      "V8 compiling on background threads while typing (ms of CPU in a session / of it during its longest keystroke task; that session's task, wall / CPU)",
      `${result.typing.compilation.backgroundCompileCpuMs} / ${result.typing.compilation.backgroundCompileInLongestMs}; ${result.typing.compilation.longestKeystrokeTaskMs} / ${result.typing.compilation.longestKeystrokeTaskCpuMs}`,
      '-',
      '-',
    ],
    // The frames drawn after the keys and the syntax check's timer: caused by typing too, not held to the budget.
    [
      `longest task of any kind while typing, with help / without (ms, median of ${TYPING_RUNS})`,
      `${result.typing.help.longestTaskMs} / ${result.typing.bare.longestTaskMs}`,
      '-',
      '-',
    ],
    [
      'editor with completions, signatures, docs (KB gzip)',
      result.editor.kb,
      `<= ${GOALS.editorKB}`,
      verdict(result.editor.kb <= GOALS.editorKB),
    ],
  ];
  console.log('\nAgainst the goals');
  console.table(rows.map(([what, measured, goal, status]) => ({ what, measured, goal, status })));
  console.log(`\nFirst Run clicked at once, step by step (median ms, CPU x1): ${JSON.stringify(plain.breakdown)}`);
  console.log(`Same, CPU x${THROTTLE}: ${JSON.stringify(slow.breakdown)}`);
  if (result.buildSeconds) console.log(`Build: ${result.buildSeconds} s`);
  if (result.lighthouse) console.table(result.lighthouse);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', JSON.stringify(result, null, 2));
  console.log('Written to bench-results/bench.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
