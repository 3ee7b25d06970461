/**
 * Turns a snippet's text into a function of (tf, show, console, Lambda), and keeps what is
 * needed to map the errors it throws back to the reader's lines. How depends on the engine,
 * measured once by throwing from known places:
 * - Code compiled with `new Function` names its frames after a `//# sourceURL` in V8 and
 *   Firefox. WebKit gives such frames no location at all, so there the snippet is loaded as a
 *   module from a blob: URL, whose frames carry it.
 * - An error that tfjs raises after awaits of its own (inside `model.fit`) often keeps no frame
 *   of the snippet: Firefox and WebKit write no awaiting frames, and V8 loses them across
 *   tfjs' timers. So awaits are instrumented (./awaits.ts), in every engine alike.
 * Either way the code runs in strict mode, as a module would, so it behaves the same everywhere.
 */
import type { CodeLocation } from '../protocol';
import { at, awaitedLocation, instrumentAwaits, type Instrumented } from './awaits';
import { literal, locateInStack, measureFrame, type FrameFormat } from './locate';
import { isErrorLike } from './text';

/** The snippet's body as an async function of the names it may use. */
export type CompiledSnippet = (tf: unknown, show: unknown, console: unknown, lambda: unknown) => Promise<unknown>;

/** The names a snippet sees, in order. */
export const PARAMS = ['tf', 'show', 'console', 'Lambda'] as const;
/** One more parameter, after those: the await helper of instrumented code. */
const AWAIT_HELPER = '$lolAwaited';
const ALL_PARAMS = [...PARAMS, AWAIT_HELPER];
/** Names the compiled code in stack traces (and in the browser's devtools). */
const SOURCE_URL = 'lambda-or-layer-snippet.js';
const AsyncFunction = (Object.getPrototypeOf(async () => {}) as { constructor: new (...args: string[]) => Raw }).constructor;

type Raw = (...args: unknown[]) => Promise<unknown>;

interface Strategy {
  kind: 'function' | 'module';
  /** Compiles a body; for a module, `url` is the blob URL its frames are named after. */
  build(body: string): Promise<{ fn: Raw; url: string }>;
}

const functionStrategy: Strategy = {
  kind: 'function',
  // The newline keeps a trailing line comment from swallowing the sourceURL.
  build: (body) =>
    Promise.resolve({ fn: new AsyncFunction(...ALL_PARAMS, `"use strict";${body}\n//# sourceURL=${SOURCE_URL}`), url: SOURCE_URL }),
};

const moduleStrategy: Strategy = {
  kind: 'module',
  async build(body) {
    const source = `export default async function (${ALL_PARAMS.join(', ')}) {\n${body}\n}`;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      // The reader's own code, which the worker runs anyway (this is how WebKit gets its frames).
      // eslint-disable-next-line no-unsanitized/method
      const module = (await import(/* @vite-ignore */ url)) as { default: Raw };
      return { fn: module.default, url };
    } finally {
      URL.revokeObjectURL(url);
    }
  },
};

/** How frames of a compiled snippet look, for the snippet compiled from `url`. */
function framePattern(kind: Strategy['kind'], url: string): RegExp[] {
  if (kind === 'module') return [new RegExp(`${literal(url)}:(\\d+):(\\d+)`)];
  return [
    new RegExp(`${literal(url)}:(\\d+):(\\d+)`),
    /<anonymous>:(\d+):(\d+)/, // V8 without sourceURL support
    /> (?:Async)?Function:(\d+):(\d+)/, // Firefox without sourceURL support
  ];
}

export interface Compiler {
  readonly strategy: Strategy['kind'];
  /** Whether awaits are instrumented (./awaits.ts): errors raised past an await get its line. */
  readonly instrumented: boolean;
  /** Compiles `code`; rejects with the engine's SyntaxError. */
  compile(code: string): Promise<CompiledSnippet>;
  /** Loads and readies the parser for the first compile (./awaits.ts); changes nothing `locate` knows. */
  warm(): Promise<void>;
  /** Where in the last compiled snippet `error` was raised, or null when the engine cannot tell. */
  locate(error: unknown): CodeLocation | null;
}

const PROBE = 'tf(new Error("probe"))';

/**
 * Code in the shape of the site's snippets (a Lambda, a Layer subclass, destructuring, loops,
 * an awaited fit with callbacks, a template literal), parsed once while the worker waits for its
 * run. A first parse in a fresh worker compiles the parser's own functions as it meets them:
 * about 15 ms in V8 that the reader's Run would otherwise wait for.
 */
const WARM_UP = `const double = new Lambda({ fn: (x) => tf.mul(x, 2), name: 'double' });
class Scale extends tf.layers.Layer {
  static className = 'Scale';
  constructor(config) { super(config); this.initial = config?.initial ?? 1; }
  build([, features]) { this.w = this.addWeight('w', [features], 'float32', tf.initializers.ones(), undefined, true); }
  call(inputs, kwargs) { return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.w.read())); }
  getConfig() { return { ...super.getConfig(), initial: this.initial }; }
}
const { a, b = [1, 2] } = { a: 1 };
let y = a > 0 && !b.length ? -1 : (a ** 2 / 3) % 2;
for (let i = 0; i < 3; i++) if (i === 1) continue; else y += i;
for (const [k, v] of Object.entries({ k: 1 })) show(k, v);
try {
  await model.fit(x, y, { epochs: 2, callbacks: { onEpochEnd: async (epoch, logs) => show(\`\${epoch}: \${logs.loss}\`) } });
} catch (e) { console.log(e instanceof Error ? e.message : String(e)); }`;

/** Measures the engine once: which strategy names the snippet's frames. */
async function probe(options: CompilerOptions): Promise<Compiler> {
  const candidates = options.strategy ? [options.strategy] : [functionStrategy, moduleStrategy];
  for (const strategy of candidates) {
    let format: FrameFormat | null;
    try {
      const { fn, url } = await strategy.build(PROBE);
      let thrown: unknown;
      // An async function runs synchronously up to its first await, so `thrown` is set on return.
      void fn((e: unknown) => (thrown = e));
      const stack = isErrorLike(thrown) ? String((thrown as Error).stack ?? '') : '';
      format = measureFrame(stack, framePattern(strategy.kind, url), PROBE.indexOf('new') + 1);
    } catch {
      continue; // e.g. no blob: modules here
    }
    if (!format) continue;
    return createCompiler(strategy, format, options.instrumentAwaits ?? true);
  }
  // No strategy names its frames: compile plainly, and locate nothing rather than guess.
  return createCompiler(functionStrategy, null, false);
}

function createCompiler(strategy: Strategy, format: FrameFormat | null, instrument: boolean): Compiler {
  let last: { pattern: RegExp; mapped: Instrumented | null } | null = null;
  return {
    strategy: strategy.kind,
    instrumented: instrument,
    async compile(code) {
      const mapped = instrument ? await instrumentAwaits(code, AWAIT_HELPER, PARAMS) : null;
      const { fn, url } = await strategy.build(mapped?.code ?? code);
      last = { pattern: framePattern(strategy.kind, url)[0]!, mapped };
      return (tf, show, console, lambda) => fn(tf, show, console, lambda, at);
    },
    async warm() {
      if (instrument) await instrumentAwaits(WARM_UP, AWAIT_HELPER, PARAMS);
    },
    locate(error) {
      if (!format || !last) return null;
      const stack = isErrorLike(error) ? (error as { stack?: unknown }).stack : undefined;
      const found = typeof stack === 'string' ? locateInStack(stack, { ...format, pattern: last.pattern }) : null;
      if (found) return last.mapped ? last.mapped.original(found) : found;
      return awaitedLocation(error);
    },
  };
}

export interface CompilerOptions {
  /** Tests force a strategy or the instrumentation; the page measures the engine. */
  strategy?: Strategy;
  instrumentAwaits?: boolean;
}

let shared: Promise<Compiler> | null = null;
let current: Compiler | null = null;

/** The engine's compiler, measured on first use (the worker asks for it while tfjs loads). */
export function prepareCompiler(options: CompilerOptions = {}): Promise<Compiler> {
  if (options.strategy || options.instrumentAwaits !== undefined) return probe(options);
  shared ??= probe(options).then((compiler) => (current = compiler));
  return shared;
}

/** The compiler of this worker once prepared (errors located synchronously, in event handlers). */
export function activeCompiler(): Compiler | null {
  return current;
}
