#!/usr/bin/env node
// How the snippet editor feels while typing, for the benchmark: the longest main-thread task
// while a reader types into a 200-line snippet with the editor's tfjs help loaded (completions
// opening, signature help, the syntax check after each pause), in Chromium, from a trace of
// the renderer's main thread. The budget: no task over 16 ms (one frame).
//
//   node scripts/editor-typing.mjs            builds nothing: serves dist/ and measures
//   node scripts/editor-typing.mjs --compare  also without the help, with the browser editing, and V8's compiling
/* global document, window, getSelection -- the functions given to page.evaluate run in the page */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findEngines } from './engines.mjs';
import { longSnippet } from './long-snippet.mjs';

/** One frame at 60 Hz: a keystroke's work must fit in it. */
export const KEYSTROKE_BUDGET_MS = 16;

/** What the reader types, at a fast typist's pace: completions, an options object, a call's arguments, a syntax error and its fix. */
const TYPED = [
  "const probe = tf.layers.dense({ units: 4, activation: 'relu' });",
  'const out = probe.apply(tf.ones([1, 3]));',
  'out.square().sum().print();',
  'const broken = ;',
];
const KEY_DELAY_MS = 60;

/**
 * Types into the playground's editor, holding a 200-line snippet, and returns the longest
 * main-thread task (ms) while typing, how many exceeded the budget, and the longest time an
 * input event's handlers took (Event Timing); with `compilation`, V8's background compiling too
 * (its trace category is left out otherwise, so as not to weigh on the figures). Throws if a
 * typed line is not in the code afterwards.
 * @param {import('@playwright/test').Browser} browser Chromium
 * @param {string} base the served site, e.g. http://127.0.0.1:4329
 */
export async function editorTyping(browser, base, { lines = 200, withoutHelp = false, browserEdits = false, compilation = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The same typing without the help, for comparison: its chunk never arrives.
  if (withoutHelp) await page.route(/\/_astro\/assist\.[\w-]+\.js$/, (route) => route.abort());
  // The same typing the way CodeMirror does it alone, for comparison: the editor never sees a
  // `beforeinput`, so the browser edits the DOM and CodeMirror reads the edit back
  // (src/snippet/editor/typed-text.ts is the other way).
  if (browserEdits)
    await page.addInitScript(() => window.addEventListener('beforeinput', (event) => event.stopImmediatePropagation(), true));
  try {
    await page.goto(`${base}/en/playground/`, { waitUntil: 'networkidle' });
    const root = page.locator('[data-snippet="playground"]');
    await root.locator('pre').first().click();
    await root.locator('.cm-content').click();
    if (!withoutHelp) await root.locator('.cm-editor[data-assist]').waitFor();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(longSnippet(lines));
    // In the middle of the code, on a new line.
    await page.evaluate(() => {
      const content = document.querySelector('[data-snippet="playground"] .cm-content');
      const line = content?.querySelectorAll('.cm-line')[Math.floor(content.querySelectorAll('.cm-line').length / 2)];
      const range = document.createRange();
      range.selectNodeContents(line);
      range.collapse(false);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__inputs = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          w.__inputs.push({ name: e.name, handlers: e.processingEnd - e.processingStart, duration: e.duration });
      }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    });
    await browser.startTracing(page, { categories: compilation ? [...TRACE_CATEGORIES, COMPILE_CATEGORY] : TRACE_CATEGORIES });
    for (const line of TYPED) {
      await page.keyboard.type(line, { delay: KEY_DELAY_MS });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
    }
    // The syntax check runs once typing pauses: it is the keystrokes' work too.
    await page.waitForTimeout(1000);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    // A fast figure from typing that lost keys would be no figure at all.
    const typed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-snippet="playground"] .cm-line'), (line) => line.textContent?.trim()),
    );
    const lost = TYPED.filter((line) => !typed.includes(line));
    if (lost.length > 0) throw new Error(`typing into the editor lost keys: ${JSON.stringify(lost)} not in the code`);
    const inputs = await page.evaluate(() => /** @type {any} */ (window).__inputs);
    const events = trace.traceEvents ?? trace;
    const tasks = mainThreadTasks(events);
    const keystrokes = tasks.filter((t) => t.keystroke);
    const keydowns = tasks.filter((t) => t.keydown);
    const longest = (list, key) => Math.round(Math.max(0, ...list.map((t) => t[key])) * 10) / 10;
    const p95 = (list, key) => {
      const sorted = list.map((t) => t[key]).sort((a, b) => a - b);
      return Math.round((sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0) * 10) / 10;
    };
    return {
      lines,
      keys: TYPED.join('').length + 2 * TYPED.length,
      // Wall-clock time, and the main thread's own CPU time (what a busy machine does not inflate).
      longestKeystrokeTaskMs: longest(keystrokes, 'wall'),
      longestKeystrokeTaskCpuMs: longest(keystrokes, 'cpu'),
      p95KeystrokeTaskMs: p95(keystrokes, 'wall'),
      // The steadiest figure: the longest moves by tens of percent from run to run, this by a few.
      // Over the tasks that take a key in (keydown, the insertion, the editor's update): a keyup's
      // task of its own is tiny, and counting it would halve the mean.
      meanKeydownTaskCpuMs: Math.round((keydowns.reduce((sum, t) => sum + t.cpu, 0) / Math.max(1, keydowns.length)) * 10) / 10,
      longestTaskMs: longest(tasks, 'wall'),
      longestTaskCpuMs: longest(tasks, 'cpu'),
      tasksOverBudget: tasks.filter((t) => t.wall > KEYSTROKE_BUDGET_MS).length,
      longestInputHandlersMs: Math.round(Math.max(0, ...inputs.map((i) => i.handlers)) * 10) / 10,
      ...(compilation ? backgroundCompilation(events, keystrokes) : {}),
    };
  } finally {
    await context.close();
  }
}

/**
 * A task is the `RunTask` event of DevTools' own category, which ends after the task's microtask
 * checkpoint. Not `toplevel`'s lighter `ThreadControllerImpl::RunTask`: it ends before that
 * checkpoint, where CodeMirror's DOM observer does most of a keystroke's work, and reads about
 * half of it. The richer category costs little: the page's own task time while typing
 * (`Performance.getMetrics`) was within run-to-run noise of the same typing with no trace at all.
 */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** V8's compilers' own events, among them the optimising ones that run on background threads. */
const COMPILE_CATEGORY = 'disabled-by-default-v8.compile';
const BACKGROUND_COMPILES = new Set(['V8.MaglevTask', 'V8.TurbofanTask']);

/**
 * CPU (ms) that V8's optimising compilers (Maglev, Turbofan) spent in the page's renderer on
 * background threads while typing, and how much of it ran during the longest keystroke task:
 * on two cores, that work takes the main thread's core, which a task's wall time shows and its
 * CPU time does not.
 */
function backgroundCompilation(events, keystrokes) {
  const compiles = events.filter((e) => e.ph === 'X' && BACKGROUND_COMPILES.has(e.name) && e.pid === keystrokes[0]?.pid);
  const longest = keystrokes.reduce((a, b) => (b.wall > a.wall ? b : a), keystrokes[0]);
  const overlap = (e) => Math.max(0, Math.min(e.ts + e.dur, longest.end) - Math.max(e.ts, longest.start)) / e.dur;
  const round = (x) => Math.round(x * 10) / 10;
  return {
    backgroundCompileCpuMs: round(compiles.reduce((sum, e) => sum + (e.tdur ?? e.dur), 0) / 1000),
    backgroundCompileInLongestMs: round(compiles.reduce((sum, e) => sum + overlap(e) * (e.tdur ?? e.dur), 0) / 1000),
  };
}

/** Keyboard events: a task that dispatches one is a keystroke's. */
const KEY_EVENTS = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput']);

/** The tasks run on the page renderer's main thread: wall and CPU time (ms), whether a key event ran in it, whether a keydown did, its process and its span (trace µs). */
function mainThreadTasks(events) {
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((t) => t.pid === e.pid && t.tid === e.tid && t.name === 'RunTask'),
  );
  const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X');
  const keys = onMain.filter((e) => e.name === 'EventDispatch' && KEY_EVENTS.has(e.args?.data?.type));
  const keydowns = keys.filter((k) => k.args.data.type === 'keydown');
  const within = (task, dispatched) => dispatched.some((k) => k.ts >= task.ts && k.ts < task.ts + task.dur);
  return onMain
    .filter((e) => e.name === 'RunTask')
    .map((e) => ({
      wall: e.dur / 1000,
      cpu: (e.tdur ?? e.dur) / 1000,
      keystroke: within(e, keys),
      keydown: within(e, keydowns),
      pid: e.pid,
      start: e.ts,
      end: e.ts + e.dur,
    }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = 4331;
  const server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const browser = await chromium.launch({ executablePath: (await findEngines()).chromium?.executablePath, args: CHROMIUM_ARGS });
  try {
    const result = await editorTyping(browser, `http://127.0.0.1:${port}`);
    console.log(result);
    if (process.argv.includes('--compare')) {
      console.log('without the help:', await editorTyping(browser, `http://127.0.0.1:${port}`, { withoutHelp: true }));
      console.log('the browser editing:', await editorTyping(browser, `http://127.0.0.1:${port}`, { browserEdits: true }));
      console.log('with V8 background compiling:', await editorTyping(browser, `http://127.0.0.1:${port}`, { compilation: true }));
    }
    console.log(
      `Longest main-thread task of a keystroke in a ${result.lines}-line snippet: ${result.longestKeystrokeTaskMs} ms (${result.longestKeystrokeTaskCpuMs} ms of CPU; budget ${KEYSTROKE_BUDGET_MS} ms)`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}
