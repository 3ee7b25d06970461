#!/usr/bin/env node
// The weight of the snippet editor, for the benchmark: the gzip bytes of the island entry and of
// every chunk it imports, statically or dynamically (its tfjs help, src/snippet/editor/assist.ts,
// with the API index), followed through the built files themselves. The snippet worker and tfjs
// are not the editor: the island starts the worker by URL, and their chunks are left out by name.
//
//   node scripts/editor-size.mjs [dist]      prints the chunks and the total
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget of issue 15: the editor with its completions, signature help, docs and syntax check. */
export const EDITOR_BUDGET_BYTES = 200 * 1024;

/** The worker's and tfjs' chunks (and what only the worker loads). */
const NOT_THE_EDITOR = /^(worker|session|tf|tfjs-[\w-]*|lambda|acorn)[-.]/;
/** `from"./x.js"`, `import"./x.js"`: what a chunk needs before it runs. */
const STATIC_IMPORT = /\b(?:from|import)\s*(["'`])\.\/([\w.-]+\.(?:js|css))\1/g;
/** `import("./x.js")` (quotes or backticks), and the chunks Vite preloads with one (`_astro/x.js`). */
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(["'`])\.\/([\w.-]+\.(?:js|css))\1|(["'`])_astro\/([\w.-]+\.(?:js|css))\3/g;
/** What a built page asks for itself. */
const PAGE_ASSET = /\/_astro\/([\w.-]+\.(?:js|css))/g;

/**
 * The editor's chunks in `dist` (gzip bytes each, level 9), and their total. `firstLoad` marks
 * those a page has already loaded before the editor is asked for (the snippet bootstrap and what
 * it imports, the island's stylesheet): `fetchedForEditor` leaves them out.
 * @param {string} [dist]
 * @returns {{ total: number, fetchedForEditor: number, chunks: { file: string, bytes: number, gzip: number, firstLoad: boolean }[] }}
 */
export function editorSize(dist = 'dist') {
  const dir = join(dist, '_astro');
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: build the site first (npm run build)`);
  const files = readdirSync(dir);
  const entry = files.find((f) => /^island\.[\w-]+\.js$/.test(f));
  if (!entry) throw new Error(`no island chunk in ${dir}`);
  const island = reachable(dir, [entry], true);
  const firstLoad = reachable(dir, [...pageAssets(dist)], false);
  const chunks = [...island].map((file) => {
    const content = readFileSync(join(dir, file));
    return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length, firstLoad: firstLoad.has(file) };
  });
  const sum = (list) => list.reduce((total, c) => total + c.gzip, 0);
  return { total: sum(chunks), fetchedForEditor: sum(chunks.filter((c) => !c.firstLoad)), chunks };
}

/** The chunks `start` leads to through static imports, and dynamic ones when `dynamic`. */
function reachable(dir, start, dynamic) {
  const seen = new Set();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || NOT_THE_EDITOR.test(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(m[2]);
    if (dynamic) for (const m of code.matchAll(DYNAMIC_IMPORT)) queue.push(basename(m[2] ?? m[4]));
  }
  return seen;
}

/** The scripts and stylesheets the built pages link to. */
function pageAssets(dist) {
  const assets = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== '_astro') walk(join(dir, entry.name));
      else if (entry.name.endsWith('.html'))
        for (const m of readFileSync(join(dir, entry.name), 'utf8').matchAll(PAGE_ASSET)) assets.add(m[1]);
    }
  };
  walk(dist);
  return assets;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { total, fetchedForEditor, chunks } = editorSize(process.argv[2] ?? 'dist');
  const kb = (n) => (n / 1024).toFixed(1);
  console.table(
    chunks.map((c) => ({ chunk: c.file, 'raw KB': kb(c.bytes), 'gzip KB': kb(c.gzip), 'first load': c.firstLoad ? 'yes' : '' })),
  );
  console.log(
    `Editor: ${kb(total)} KB gzip (${kb(fetchedForEditor)} KB fetched for it beyond the first load); budget ${kb(EDITOR_BUDGET_BYTES)} KB`,
  );
}
