/**
 * Every snippet's output, in the page before anyone presses Run: at build time each snippet
 * runs once per language through the Node runner (the code path the tests use, tfjs on cpu),
 * and its events are drawn by the same RunRenderer the live output uses, on a happy-dom
 * document, into HTML. A snippet that throws when it should not, or does not throw the error
 * it declares, fails the build, naming itself and the page.
 *
 * Runs are cached in node_modules/.cache by the code and a hash of everything that runs it
 * (the worker, tfjs and the lockfile), so a rebuild reruns only what changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { translator } from '../i18n/translate';
import { DEFAULT_BACKEND } from '../tfjs/backends';
import { runSnippetCode, type RunResult } from '../snippet/node/run';
import type { RunEvent } from '../snippet/protocol';

import { h } from '../snippet/render/dom';
import { createOutputItems, RunRenderer } from '../snippet/render/run';
import type { SnippetSource } from '../snippet/source';
import { judge } from '../snippet/state';

const CACHE_DIR = 'node_modules/.cache/lambda-or-layer/outputs';
/** What a run's result depends on besides the snippet's code. */
const RUNNER_SOURCES = ['src/snippet/worker', 'src/snippet/node', 'src/snippet/protocol.ts', 'src/tfjs', 'package-lock.json'];

let runnerHash: string | null = null;

function filesUnder(path: string): string[] {
  return statSync(path).isDirectory()
    ? readdirSync(path)
        .sort()
        .flatMap((name) => filesUnder(join(path, name)))
    : [path];
}

/** A hash of the runner's own code: a change there reruns every snippet. */
function runner(): string {
  runnerHash ??= createHash('sha256')
    .update(
      RUNNER_SOURCES.flatMap(filesUnder)
        .map((file) => `${file}\n${readFileSync(file, 'utf8')}`)
        .join('\n'),
    )
    .digest('hex');
  return runnerHash;
}

function cached(source: SnippetSource): Promise<RunResult> {
  const key = createHash('sha256').update(`${runner()}\n${source.timeoutMs}\n${source.code}`).digest('hex').slice(0, 32);
  const file = join(CACHE_DIR, `${key}.json`);
  try {
    return Promise.resolve(JSON.parse(readFileSync(file, 'utf8')) as RunResult);
  } catch {
    return runSnippetCode(source.code, { timeoutMs: source.timeoutMs }).then((result) => {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(file, JSON.stringify(result));
      return result;
    });
  }
}

// ---------------------------------------------------------------------------
// Runs, a few at a time (each in its own thread), all started on the first request

const runs = new Map<string, Promise<RunResult>>();
const waiting: { source: SnippetSource; start(): void }[] = [];
let active = 0;
const PARALLEL = Math.max(1, availableParallelism());

const keyOf = (source: Pick<SnippetSource, 'id' | 'lang'>) => `${source.id}@${source.lang}`;

function schedule(source: SnippetSource): Promise<RunResult> {
  let run = runs.get(keyOf(source));
  if (!run) {
    run = new Promise<RunResult>((resolve, reject) => {
      waiting.push({
        source,
        start: () => {
          active++;
          cached(source)
            .then(resolve, reject)
            .finally(() => {
              active--;
              next();
            });
        },
      });
    });
    runs.set(keyOf(source), run);
    next();
  }
  return run;
}

function next(): void {
  while (active < PARALLEL && waiting.length > 0) waiting.shift()!.start();
}

/** Moves a waiting run to the front: the page being rendered needs it now. */
function hurry(source: SnippetSource): void {
  const at = waiting.findIndex((w) => keyOf(w.source) === keyOf(source));
  if (at > 0) waiting.unshift(...waiting.splice(at, 1));
}

// ---------------------------------------------------------------------------

export interface BuildRequest {
  /** The snippet, in the page's language. */
  source: SnippetSource;
  /** The page it is on, for the error message. */
  page: string;
  /** Every snippet of the site in every language: all of them start running on the first request. */
  all: readonly SnippetSource[];
}

/**
 * The output of `source` as HTML for its `[data-output]` element: the built note, then what
 * the run showed. Throws when the run does not end as the snippet declares.
 */
export async function builtOutput({ source, page, all }: BuildRequest): Promise<string> {
  for (const other of all) void schedule(other).catch(() => undefined);
  hurry(source);
  const result = await schedule(source);
  const verdict = judge(source.expectError, result.done?.ok ?? false, result.errors);
  if (result.timedOut || verdict.state !== 'done') {
    const why = result.timedOut
      ? `it did not finish within its ${source.timeoutMs} ms`
      : verdict.state === 'error' && verdict.reason === 'did-not-fail'
        ? `it declares @expect-error "${source.expectError}" but ran without error`
        : `it failed: ${result.errors.map((e) => `${e.name}: ${e.message}`).join(' | ')}`;
    throw new Error(`Snippet ${source.id} (${source.lang}) on ${page}: ${why}.`);
  }
  return renderOutputHtml(source, result);
}

/** Draws the run's events with the live renderer, on a document of its own (exported for the tests). */
export function renderOutputHtml(source: Pick<SnippetSource, 'lang' | 'expectError'>, result: RunResult): string {
  const { document } = new Window();
  const global = globalThis as { document?: unknown };
  const previous = global.document;
  // The renderers build DOM through the global `document`, as in the browser.
  global.document = document;
  try {
    const items = createOutputItems();
    const backend = translator(source.lang).t(`snippet.backendName.${result.done?.backend ?? DEFAULT_BACKEND}`);
    const note = translator(source.lang).t('output.builtNote', { version: result.tfVersion, backend });
    items.append(h('p', { class: 'out-built', 'data-built-note': true }, note));
    // At build time there is no script to unfold a folded value later: everything is drawn.
    const renderer = new RunRenderer({ lang: source.lang, expectError: source.expectError, detailBudget: Infinity, duration: false });
    for (const event of result.events) {
      const node = renderer.render(event as RunEvent);
      if (node) items.append(node);
    }
    return items.outerHTML;
  } finally {
    global.document = previous;
  }
}
