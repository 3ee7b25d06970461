/**
 * Runs one snippet and reports everything it does as protocol messages. This is the only
 * code path that runs reader code: the module worker calls it, and so do the Node tests,
 * so what the tests see is what the page sees.
 */
import type * as TfModule from '../../tfjs/tf';
import type { LayersModel, ModelFitArgs } from '@tensorflow/tfjs-layers';
import { capText, errorText, functionText, isErrorLike, primitiveText, summarize, inspect, toJson } from '../../tfjs/inspect';
import { LIMITS, type BackendName, type CodeLocation, type ErrorData, type JsonValue, type LogLevel, type RunEvent } from '../protocol';
import { optimizerHeld, watchOptimizers } from './optimizers';

/** Taken before any snippet runs: a snippet may replace the global one. */
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const nextTask = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0));

/** The `tf` a snippet sees: the site's namespace without the runner's own helpers. */
export type SnippetTf = Omit<typeof TfModule, 'selectBackend'>;

export interface SnippetEnv {
  tf: SnippetTf;
  /** The site's Lambda layer class, handed to the snippet as `Lambda`. */
  Lambda: abstract new (...args: never[]) => object;
  post: (message: RunEvent) => void;
  runId: number;
  backend: BackendName;
}

/** Runs `code` as the body of an async function of (tf, show, console, Lambda). Never rejects. */
export async function runSnippet(code: string, env: SnippetEnv): Promise<void> {
  const { tf, post, runId, backend } = env;
  // Deep tfjs call chains (fit -> callbacks -> call) would otherwise hide the reader's frame.
  if ((Error.stackTraceLimit ?? 0) < 100) Error.stackTraceLimit = 100;
  streamFitEpochs(tf);
  watchOptimizers(tf);
  // A Lambda reloaded from source (Lambda.enableUnsafeDeserialization) is rebuilt with
  // `new Function`, which only sees globals: give it the same `tf` and `Lambda` as the snippet.
  Object.assign(globalThis, { tf, Lambda: env.Lambda });
  const output = new Output(post, runId);
  const before = liveCounts(tf);
  const start = performance.now();
  post({ type: 'started', runId, backend });

  let error: ErrorData | null = null;
  let snippet: CompiledSnippet | null = null;
  try {
    snippet = compile(code);
  } catch (e) {
    error = e instanceof SyntaxError ? await syntaxErrorData(code, e) : describeError(e, 'runtime');
  }
  if (snippet) {
    const previousSink = fitSink;
    fitSink = output;
    try {
      await snippet(tf, output.show, output.console, env.Lambda);
    } catch (e) {
      error = describeError(e, 'runtime');
    } finally {
      fitSink = previousSink;
    }
  }

  const durationMs = performance.now() - start;
  // A request the worker's policy refused is reported in a task of its own, queued right after
  // the rejection: one turn lets that explanation (worker.ts) come before the error and the footer.
  await nextTask();
  if (error) post({ type: 'error', runId, error });
  output.reportDropped();
  const after = liveCounts(tf);
  const leakedTensors = after.tensors - before.tensors;
  const leakedVariables = after.variables - before.variables;
  const held = optimizerHeld(tf);
  post({
    type: 'done',
    runId,
    ok: error === null,
    durationMs,
    leakedTensors,
    leakedVariables,
    // Clamped: an optimizer made before the run (only possible in tests sharing a tfjs) is not this run's.
    optimizerTensors: Math.max(0, Math.min(held.tensors, leakedTensors)),
    optimizerVariables: Math.max(0, Math.min(held.variables, leakedVariables)),
    backend,
  });
}

/**
 * The message for an error that surfaced after the run's own flow: a throw in a timer
 * callback (self.onerror) or an unhandled rejection. Located like a runtime error.
 */
export function asyncErrorMessage(runId: number, error: unknown): RunEvent {
  return { type: 'error', runId, error: describeError(error, 'async') };
}

/** Console-style text for console.log arguments (printf directives, tensors, JSON). */
export function formatLogArgs(args: readonly unknown[]): string {
  const [first, ...rest] = args;
  let parts: string[];
  if (typeof first === 'string' && rest.length > 0 && first.includes('%')) {
    let next = 0;
    const head = first.replace(/%[sdifoOjc%]/g, (spec) => {
      if (spec === '%%') return '%';
      if (next >= rest.length) return spec;
      return formatDirective(spec, rest[next++]);
    });
    parts = [head, ...rest.slice(next).map(formatTopLevel)];
  } else {
    parts = args.map(formatTopLevel);
  }
  return capText(parts.join(' '));
}

// ---------------------------------------------------------------------------
// Compiling, and mapping stack frames back to the reader's lines

type CompiledSnippet = (tf: SnippetTf, show: Output['show'], console: Output['console'], lambda: unknown) => Promise<unknown>;

const PARAMS = ['tf', 'show', 'console', 'Lambda'] as const;
/** Names the compiled code in stack traces (and in the browser's devtools). */
const SOURCE_URL = 'lambda-or-layer-snippet.js';
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => CompiledSnippet;

function compile(code: string): CompiledSnippet {
  // The newline keeps a trailing line comment from swallowing the sourceURL.
  return new AsyncFunction(...PARAMS, `${code}\n//# sourceURL=${SOURCE_URL}`);
}

interface FrameFormat {
  pattern: RegExp;
  /** Lines the engine adds before the body. */
  lineOffset: number;
  /** Columns added before the body's first line, if the header does not end with a newline. */
  columnOffset: number;
}

/**
 * Where does the reader's line 1 land in a stack trace? The header the engine wraps around
 * a Function body differs between engines (and may change), so measure it once by throwing
 * from a known position instead of hard-coding it.
 */
const FRAME_FORMAT: FrameFormat | null = (() => {
  const body = 'tf(new Error("probe"))';
  let probe: unknown;
  const capture = ((e: unknown) => {
    probe = e;
  }) as unknown as SnippetTf;
  // An async function runs synchronously up to its first await, so `probe` is set on return.
  void compile(body)(capture, null as never, null as never, null);
  const stack = isErrorLike(probe) ? String((probe as Error).stack ?? '') : '';
  const candidates = [
    new RegExp(`${SOURCE_URL.replace(/[.]/g, '\\.')}:(\\d+):(\\d+)`),
    /<anonymous>:(\d+):(\d+)/, // V8 without sourceURL support
    /> (?:Async)?Function:(\d+):(\d+)/, // Firefox
  ];
  for (const pattern of candidates) {
    const m = pattern.exec(stack);
    if (m) {
      return { pattern, lineOffset: Number(m[1]) - 1, columnOffset: Number(m[2]) - (body.indexOf('new') + 1) };
    }
  }
  return null;
})();

/** The reader's line and column of the innermost stack frame inside the snippet. */
export function locateInStack(stack: string): CodeLocation | null {
  if (!FRAME_FORMAT) return null;
  for (const frame of stack.split('\n')) {
    const m = FRAME_FORMAT.pattern.exec(frame);
    if (!m) continue;
    const line = Number(m[1]) - FRAME_FORMAT.lineOffset;
    if (line < 1) continue;
    const column = Number(m[2]) - (line === 1 ? FRAME_FORMAT.columnOffset : 0);
    return { line, column: Math.max(1, column) };
  }
  return null;
}

/** Describes a thrown value, keeping tfjs' own message as it is. */
export function describeError(error: unknown, origin: 'runtime' | 'async'): ErrorData {
  if (!isErrorLike(error)) {
    return { name: 'Thrown', message: formatTopLevel(error), location: null, origin };
  }
  const stack = (error as { stack?: unknown }).stack;
  return {
    // tfjs-layers' ValueError & co. keep the name "Error"; their class names do not survive
    // minification, so the page would not show what the Node tests see.
    name: String(error.name),
    message: String(error.message),
    location: typeof stack === 'string' ? locateInStack(stack) : null,
    origin,
  };
}

/**
 * V8 gives a Function-constructor SyntaxError no position, so parse the same function
 * with acorn (loaded only now: most runs never need it) to find one.
 */
async function syntaxErrorData(code: string, error: SyntaxError): Promise<ErrorData> {
  let location: CodeLocation | null = null;
  let acornMessage = '';
  try {
    const { parse } = await import('acorn');
    // Parse what the engine compiled, so redeclaring a parameter (`const tf = ...`) is caught too.
    parse(`(async function (${PARAMS.join(', ')}) {\n${code}\n})`, {
      ecmaVersion: 'latest',
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
    });
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    if (loc) {
      acornMessage = String((e as Error).message).replace(/\s*\(\d+:\d+\)$/, '');
      const lines = code.split('\n');
      // The wrapper's closing line reports unclosed blocks: point at the reader's last line.
      const line = Math.min(Math.max(loc.line - 1, 1), lines.length);
      const column = loc.line - 1 === line ? loc.column + 1 : lines[line - 1]!.length + 1;
      location = { line, column };
    }
  }
  return { name: 'SyntaxError', message: error.message || acornMessage, location, origin: 'syntax' };
}

// ---------------------------------------------------------------------------
// Output: show, console, caps

/** While output is being dropped, how often the running counts are sent (an endless flood never ends the run). */
const DROPPED_REPORT_MS = 250;

class Output {
  private shows = 0;
  private logs = 0;
  private droppedShows = 0;
  private droppedLogs = 0;
  private reportedAt = 0;
  private fits = 0;

  constructor(
    private readonly post: (message: RunEvent) => void,
    private readonly runId: number,
  ) {}

  readonly show = (value: unknown, label?: unknown): void => {
    if (this.shows >= LIMITS.MAX_SHOWS) {
      this.droppedShows++;
      this.reportDroppedNow();
      return;
    }
    this.shows++;
    const text = label === undefined || label === null ? null : capText(String(label));
    this.post({ type: 'show', runId: this.runId, label: text, data: inspect(value) });
  };

  readonly console = {
    log: (...args: unknown[]) => this.log('log', args),
    info: (...args: unknown[]) => this.log('info', args),
    warn: (...args: unknown[]) => this.log('warn', args),
    error: (...args: unknown[]) => this.log('error', args),
    debug: (...args: unknown[]) => this.log('log', args),
  };

  private log(level: LogLevel, args: unknown[]): void {
    if (this.logs >= LIMITS.MAX_LOG_LINES) {
      this.droppedLogs++;
      this.reportDroppedNow();
      return;
    }
    this.logs++;
    this.post({ type: 'log', runId: this.runId, level, text: formatLogArgs(args) });
  }

  /** A new fit call: its id, and where its epochs go. */
  startFit(): (epoch: number, epochs: number, logs: Record<string, number>) => void {
    const fitId = ++this.fits;
    return (epoch, epochs, logs) => this.post({ type: 'fit-epoch', runId: this.runId, fitId, epoch, epochs, logs });
  }

  reportDropped(): void {
    if (this.droppedShows > 0 || this.droppedLogs > 0) {
      this.reportedAt = performance.now();
      this.post({ type: 'dropped', runId: this.runId, shows: this.droppedShows, logs: this.droppedLogs });
    }
  }

  /** The running counts, at most every DROPPED_REPORT_MS (the clock is read once per 1024 drops). */
  private reportDroppedNow(): void {
    if ((this.droppedShows + this.droppedLogs) % 1024 !== 0) return;
    if (performance.now() - this.reportedAt >= DROPPED_REPORT_MS) this.reportDropped();
  }
}

function liveCounts(tf: SnippetTf): { tensors: number; variables: number } {
  return { tensors: tf.memory().numTensors, variables: Object.keys(tf.engine().registeredVariables).length };
}

// ---------------------------------------------------------------------------
// fit progress

/** The run whose fit calls stream epochs; the wrapper reads it when fit is called. */
let fitSink: Output | null = null;
const FIT_STREAMING = Symbol.for('lambda-or-layer.fit-streaming');

type FitArgs = ModelFitArgs & { callbacks?: unknown };

/**
 * Wraps LayersModel.prototype.fit once (Sequential.fit delegates to it) so every call gets
 * one more callback that posts each epoch; the reader's callbacks run as before.
 */
function streamFitEpochs(tf: SnippetTf): void {
  const proto = tf.LayersModel.prototype as LayersModel & { [FIT_STREAMING]?: true };
  if (proto[FIT_STREAMING]) return;
  const fit = proto.fit;
  // BaseCallback is not exported; an array tfjs accepts as-is must start with one.
  const BaseCallback = Object.getPrototypeOf(tf.CustomCallback.prototype).constructor as abstract new () => object;
  proto.fit = function (this: LayersModel, x, y, args: FitArgs = {}) {
    if (!fitSink) return fit.call(this, x, y, args);
    const post = fitSink.startFit();
    const epochs = args.epochs ?? 1;
    const streamer = new tf.CustomCallback({
      onEpochEnd: (epoch, logs) => post(epoch, epochs, numericLogs(logs)),
    });
    const user: unknown[] = args.callbacks == null ? [] : Array.isArray(args.callbacks) ? args.callbacks : [args.callbacks];
    const callbacks = user.map((c) =>
      c instanceof BaseCallback ? c : new tf.CustomCallback(c as ConstructorParameters<typeof tf.CustomCallback>[0], args.yieldEvery),
    );
    return fit.call(this, x, y, { ...args, callbacks: [...callbacks, streamer] as ModelFitArgs['callbacks'] });
  };
  Object.defineProperty(proto, FIT_STREAMING, { value: true });
}

function numericLogs(logs: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (logs && typeof logs === 'object') {
    for (const [key, value] of Object.entries(logs)) if (typeof value === 'number') out[key] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Console formatting

function formatDirective(spec: string, arg: unknown): string {
  switch (spec) {
    case '%s':
      return typeof arg === 'string' ? arg : formatTopLevel(arg);
    case '%d':
    case '%i':
    case '%f': {
      if (typeof arg === 'bigint') return `${arg}n`;
      const n = typeof arg === 'symbol' ? Number.NaN : Number(arg);
      return String(spec === '%f' ? n : Math.trunc(n));
    }
    case '%c':
      return ''; // CSS has no meaning in a text output
    default:
      return formatTopLevel(arg);
  }
}

/** One console argument: strings as they are, tensors as tfjs prints them, objects as JSON. */
function formatTopLevel(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
    case 'symbol':
      return primitiveText(value);
    case 'function':
      return functionText(value as (...args: unknown[]) => unknown);
    case 'undefined':
    case 'boolean':
      return String(value);
  }
  if (value === null) return 'null';
  if (isErrorLike(value)) return errorText(value);
  const summary = summarize(value);
  if (summary !== null) {
    try {
      // tfjs' own rendering (summarised beyond ~20 values) is what readers see in tutorials.
      const text = (value as { toString(): string }).toString();
      return typeof text === 'string' && text.startsWith('Tensor') ? text : summary;
    } catch {
      return `${summary} (disposed)`;
    }
  }
  const { value: json, truncated } = toJson(value);
  return truncated ? `${jsonText(json)} …` : jsonText(json);
}

/** Compact JSON that keeps NaN and Infinity readable instead of turning them into null. */
function jsonText(value: JsonValue): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
    .join(',')}}`;
}
