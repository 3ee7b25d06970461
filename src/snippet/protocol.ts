/**
 * The boundary between the page and the snippet worker, in one place.
 * Everything that crosses it is plain, structured-clonable data: the page never
 * sees a tfjs object, the worker never sees the DOM.
 */

import type { BackendName } from '../tfjs/backends';

export type { BackendName };

/** A tensor reduced to what a reader needs to see it. */
export interface TensorData {
  kind: 'tensor';
  dtype: string;
  shape: number[];
  /** Total number of elements (product of shape). */
  size: number;
  /**
   * Row-major values, at most MAX_TENSOR_VALUES of them (the first ones);
   * `truncated` says whether more exist. Booleans as 0/1, strings as text.
   */
  values: (number | string)[];
  truncated: boolean;
  /**
   * Set when a matrix (rank >= 2) is too large to send whole: `values` then hold the top-left
   * `rows x cols` block of each leading slice (up to LIMITS.TENSOR_VIEW.SLICES slices), row-major,
   * which is what the page shows of it, instead of the first values in memory order.
   */
  window?: { rows: number; cols: number };
  /** Min and max over the values sent (for colour scales); null for strings or empty tensors. */
  min: number | null;
  max: number | null;
}

/** One weight (variable) of a layer. */
export interface WeightData {
  /** The variable's full name, e.g. "dense_Dense1/kernel". */
  name: string;
  shape: number[];
  dtype: string;
  trainable: boolean;
  values: TensorData;
}

/** A layer: its class, config, and weights. */
export interface LayerData {
  kind: 'layer';
  name: string;
  className: string;
  /** True when the layer has been built (weights exist). */
  built: boolean;
  /** Output shape when known (batch dimension as null), else null. */
  outputShape: (number | null)[] | (number | null)[][] | null;
  trainableParams: number;
  nonTrainableParams: number;
  weights: WeightData[];
}

/** A model: Keras-style summary rows plus each layer's weights. */
export interface ModelData {
  kind: 'model';
  name: string;
  className: string;
  layers: LayerData[];
  trainableParams: number;
  nonTrainableParams: number;
}

/** Any other value: text is always text (never HTML), objects as JSON-like trees. */
export type PlainData =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'undefined' }
  | { kind: 'json'; value: JsonValue; truncated: boolean }
  | { kind: 'function'; source: string };

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type ShownData = TensorData | LayerData | ModelData | PlainData;

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

/** Where an error happened in the reader's code (1-based line and column). */
export interface CodeLocation {
  line: number;
  column: number;
}

export interface ErrorData {
  /** "SyntaxError", "Error", "ValueError" ... or "Thrown" for a non-Error value. */
  name: string;
  message: string;
  location: CodeLocation | null;
  /** How the error surfaced: in the run itself, or later (timer, unhandled rejection). */
  origin: 'syntax' | 'runtime' | 'async';
}

/** Caps that keep a flood of output from freezing the page (e2e/hostile.spec.ts floods them). */
export const LIMITS = {
  MAX_TENSOR_VALUES: 1000,
  /** The most of a large matrix the page shows: a corner per slice, and that many slices. */
  TENSOR_VIEW: { ROWS: 12, COLS: 12, SLICES: 8 },
  MAX_SHOWS: 200,
  MAX_LOG_LINES: 500,
  MAX_TEXT_LENGTH: 20_000,
  MAX_JSON_NODES: 2_000,
  /** Requests refused by the worker's security policy that a run reports; a loop of them says no more. */
  MAX_BLOCKED_REPORTS: 5,
  /** How long the worker holds run events before posting them as one batch. */
  BATCH_MS: 16,
} as const;

// ---------------------------------------------------------------------------
// Page -> worker

export type ToWorker =
  /**
   * Sent first: the worker holds the Web Lock `name` for as long as it lives, so the page,
   * asking for the same lock, learns when the worker ends however it ends (close(), a crash),
   * which no Worker event reports.
   */
  | { type: 'lifeline'; name: string }
  /**
   * Load tfjs and initialise the backend; the worker answers `ready`. `parser`: the code about
   * to run says `await`, so the parser that instruments awaits loads beside tfjs; otherwise it
   * loads once needed, or while a spare waits (beside tfjs, it slows a run that does not use it).
   */
  | { type: 'init'; backend: BackendName; parser?: boolean }
  /**
   * Sent on `ready` to a worker no run has been asked of yet (a spare): it readies the snippet
   * parser while it waits. A worker a Run is already waiting for gets none: the warm-up would
   * delay that run.
   */
  | { type: 'warm' }
  /** Run a snippet; `runId` tags every answer of this run. */
  | { type: 'run'; runId: number; code: string; backend: BackendName };

// ---------------------------------------------------------------------------
// Worker -> page

/**
 * When a worker reached each step of its start, in ms on its own clock (`timeOrigin` is that
 * clock's origin): its entry ran, it asked for the await parser beside tfjs (only when `init`
 * said `parser`), its code and tfjs were loaded and evaluated, tfjs and the compiler were ready.
 * The page turns them into performance marks (../marks.ts).
 */
export interface WorkerTimings {
  timeOrigin: number;
  entry: number;
  parser?: number;
  loaded: number;
  ready: number;
}

export type FromWorker =
  | { type: 'ready'; backend: BackendName; tfVersion: string; timings: WorkerTimings }
  /**
   * The worker cannot run snippets: its code did not arrive (`load`: offline, blocked) or tfjs
   * did not start (`init`). `message` is the engine's own words. (When the entry script itself
   * does not load, no code runs to say so: the page sees the worker's `error` event instead.)
   */
  | { type: 'start-failed'; stage: 'load' | 'init'; message: string }
  | RunEvent
  /**
   * Several run events in one message, in order. The worker batches what a snippet posts in
   * a tight loop (one message per ~16 ms), so a flood never queues thousands of tasks on the page.
   */
  | { type: 'batch'; runId: number; events: RunEvent[] };

/** What one run reports, tagged with its `runId`. */
export type RunEvent =
  | { type: 'started'; runId: number; backend: BackendName }
  | { type: 'show'; runId: number; label: string | null; data: ShownData }
  | { type: 'log'; runId: number; level: LogLevel; text: string }
  /**
   * One epoch of a `model.fit` call, streamed as it happens. `fitId` numbers the run's fit
   * calls from 1; `epoch` is the 0-based index tfjs callbacks receive (display epoch + 1);
   * `epochs` is the call's `epochs` argument (default 1); `logs` holds loss and metrics.
   */
  | { type: 'fit-epoch'; runId: number; fitId: number; epoch: number; epochs: number; logs: Record<string, number> }
  | { type: 'error'; runId: number; error: ErrorData }
  /**
   * The worker's Content-Security-Policy refused something the snippet asked for (a request to
   * another site, a `data:` import). The browser's own error only says "Failed to fetch";
   * this says why. `directive` is the one that refused (`connect-src`), `url` what was refused.
   */
  | { type: 'blocked'; runId: number; directive: string; url: string }
  /**
   * Output beyond the caps was dropped: how many items of each kind so far. Sent again as the
   * counts grow (an endless flood never reaches `done`); the last one holds the totals.
   */
  | { type: 'dropped'; runId: number; shows: number; logs: number }
  | {
      type: 'done';
      runId: number;
      ok: boolean;
      /** Wall time of the run in the worker, in ms. */
      durationMs: number;
      /** Tensors alive after the run that were not before (layer weights included). */
      leakedTensors: number;
      /** Of those, how many are variables (layer weights, and optimizer variables such as Adam's moments). */
      leakedVariables: number;
      /**
       * Of the leaked tensors, how many an optimizer of the run still holds (SGD's learning-rate
       * scalar, Adam's moments): state kept on purpose until `optimizer.dispose()`, not a leak.
       * `optimizerVariables` of them are variables.
       */
      optimizerTensors: number;
      optimizerVariables: number;
      /** Of the leaked variables, how many are weights a layer made (`addWeight`): the rest no layer owns. */
      layerVariables: number;
      backend: BackendName;
    };
