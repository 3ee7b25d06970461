#!/usr/bin/env node
/**
 * Performance figures for the README: page weight and paint per page, snippet run latency,
 * main-thread responsiveness during a run, build time, and (with --lighthouse) Lighthouse scores.
 * Prints a table and writes bench-results/bench.json. Timings are noisy: medians of several runs.
 *
 *   npm run bench                       build, serve, measure
 *   npm run bench -- --no-build         measure the existing dist/
 *   npm run bench -- --lighthouse       also run Lighthouse on every page
 *   npm run bench -- --runs 7           runs per latency median (default 5)
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findEngines } from './engines.mjs';

const chromiumPath = (await findEngines()).chromium?.executablePath;

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', 5));
const PORT = Number(option('--port', 4329));
const BASE = `http://127.0.0.1:${PORT}`;
// A snippet that builds a layer and applies it, on a page of the guide.
const LAYER_SNIPPET = { page: option('--page', '/en/'), id: option('--snippet', 'overview-first') };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** The guide's pages: every built page under a language, its 404 page aside. */
function pagesInDist() {
  return builtPages()
    .map((page) => page.path)
    .filter((path) => LANGS.some((lang) => path.startsWith(`/${lang}/`)) && !path.endsWith('/404/'));
}

function categorize(url, type) {
  if (type === 'document') return 'html';
  if (type === 'stylesheet') return 'css';
  if (type === 'script' || /\.m?js(\?|$)/.test(url)) return 'js';
  if (type === 'font') return 'fonts';
  return 'other';
}

async function measurePage(browser, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__perf = { lcp: 0, longTasks: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__perf.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__perf.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const bytes = { html: 0, css: 0, js: 0, fonts: 0, other: 0 };
  const requests = [];
  page.on('requestfinished', (request) => requests.push(request));
  await page.goto(BASE + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  for (const request of requests) {
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) continue;
    bytes[categorize(request.url(), request.resourceType())] += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  const perf = await page.evaluate(() => /** @type {any} */ (window).__perf);
  const tbt = perf.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  // The editor (island) and tfjs (worker, tf, backends) must wait for the reader's intent.
  const tfjs = requests.some((r) => /\/_astro\/(?:tf-|worker-|tfjs-|island\.|lambda-)[^/]*\.js$/.test(r.url()));
  await context.close();
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  return { path, ...bytes, total, requests: requests.length, lcpMs: Math.round(perf.lcp), tbtMs: Math.round(tbt), tfjs };
}

/** Click to first result on screen, measured in the page (click timestamp to the DOM change). */
async function runLatency(page, id) {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const root = document.querySelector(`[data-snippet="${id}"]`);
        if (!root) return reject(new Error(`no snippet ${id}`));
        const out = root.querySelector('[data-output]');
        const button = [...root.querySelectorAll('button')].find((b) => /^(Run|Exécuter)$/.test(b.textContent?.trim() ?? ''));
        const SELECTOR = '[data-tensor], [data-weights], [data-error]';
        // A previous run's results must not count as this run's.
        const old = new Set(out ? out.querySelectorAll(SELECTOR) : []);
        const seen = () => [...(out?.querySelectorAll(SELECTOR) ?? [])].some((el) => !old.has(el));
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (seen()) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true });
        button?.click();
        setTimeout(() => reject(new Error('run did not finish in 30 s')), 30_000);
      }),
    id,
  );
}

async function measureRuns(browser) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(BASE + LAYER_SNIPPET.page, { waitUntil: 'networkidle' });
    const root = page.locator(`[data-snippet="${LAYER_SNIPPET.id}"]`);
    await root.scrollIntoViewIfNeeded();
    // A real reader's pointer passes over the snippet on its way to Run: that is the intent signal.
    await root.hover();
    cold.push(await runLatency(page, LAYER_SNIPPET.id));
    await page.locator(`[data-snippet="${LAYER_SNIPPET.id}"][data-state=done]`).waitFor();
    await page.waitForTimeout(300); // let the spare worker warm up, as it would while the reader reads
    warm.push(await runLatency(page, LAYER_SNIPPET.id));
    await context.close();
  }
  return { coldMs: Math.round(median(cold)), warmMs: Math.round(median(warm)), coldRuns: cold.map(Math.round), warmRuns: warm.map(Math.round) };
}

/** Longest gap between page timer ticks while a snippet keeps its worker busy for 2 s. */
async function measureResponsiveness(browser) {
  const gaps = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(BASE + '/en/playground/', { waitUntil: 'networkidle' });
    const root = page.locator('[data-snippet="playground"]');
    await root.locator('pre').first().click();
    await root.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('const t0 = Date.now();\nwhile (Date.now() - t0 < 2000) {}\nshow(tf.scalar(1));');
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
    await root.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('[data-snippet="playground"][data-state=done]').waitFor({ timeout: 30_000 });
    gaps.push(await page.evaluate(() => /** @type {any} */ (window).__gap));
    await context.close();
  }
  return { longestGapMs: Math.round(median(gaps)), runs: gaps.map(Math.round) };
}

function lighthouse(path) {
  const out = execFileSync('npx', ['lighthouse', BASE + path, '--quiet', '--output=json', '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`], { env: { ...process.env, CHROME_PATH: chromiumPath ?? '' }, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(out.toString());
  const score = (k) => Math.round((report.categories[k]?.score ?? 0) * 100);
  return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') };
}

/** Gzip size of the chunks fetched on intent, by what they are. */
function chunkSizes() {
  const files = readdirSync('dist/_astro');
  const gz = (re) => files.filter((f) => re.test(f)).reduce((sum, f) => sum + gzipSync(readFileSync(join('dist/_astro', f))).length, 0);
  return {
    islandKB: Number(kb(gz(/^island\..*\.(js|css)$/))),
    workerAndTfjsKB: Number(kb(gz(/^(worker|tf|lambda)-.*\.js$/))),
    wasmBackendKB: Number(kb(gz(/^tfjs-backend-wasm-(BIA|simd-B).*|^tfjs-backend-wasm-[^st].*\.js$/))),
  };
}

async function main() {
  const result = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}` };
  if (!flag('--no-build')) {
    const t0 = performance.now();
    execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
    result.buildSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  }
  if (!existsSync('dist')) throw new Error('no dist/: run without --no-build');

  const server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    result.pages = [];
    for (const path of pagesInDist()) result.pages.push(await measurePage(browser, path));
    result.run = await measureRuns(browser);
    result.responsiveness = await measureResponsiveness(browser);
    if (flag('--lighthouse')) {
      result.lighthouse = {};
      for (const { path } of result.pages) result.lighthouse[path] = lighthouse(path);
    }
  } finally {
    await browser.close();
    server.kill();
  }

  console.log('\nFirst load per page (KB transferred, gzip; LCP and TBT in ms)');
  console.table(result.pages.map((p) => ({ page: p.path, total: kb(p.total), html: kb(p.html), css: kb(p.css), js: kb(p.js), fonts: kb(p.fonts), other: kb(p.other), requests: p.requests, lcp: p.lcpMs, tbt: p.tbtMs, tfjs: p.tfjs ? 'YES' : 'no' })));
  const worst = (k) => Math.max(...result.pages.map((p) => p[k]));
  console.log(`Worst page: ${kb(worst('total'))} KB total, ${kb(worst('js'))} KB JS (budgets: 25 KB, 8 KB)`);
  console.log(`Snippet run (median of ${RUNS}): cold ${result.run.coldMs} ms, warm ${result.run.warmMs} ms (budgets: 600, 60)`);
  console.log(`Longest main-thread gap during a 2 s busy snippet: ${result.responsiveness.longestGapMs} ms (budget: 50)`);
  result.onIntent = chunkSizes();
  console.log(`Fetched on intent (gzip): editor island ${result.onIntent.islandKB} KB, worker + tfjs ${result.onIntent.workerAndTfjsKB} KB`);
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
