/**
 * The names a snippet's code sees, as types with their documentation: the editor's completions
 * and hover are generated from this (src/build/tfjs-api.ts), so what a reader is offered is what
 * the worker hands over (src/snippet/worker/run.ts; a test checks the two agree).
 */
import type { Lambda } from '../tfjs/lambda';
import type { TfNamespace } from '../tfjs/types';

/** What `console` captures into the output, below the snippet. */
export interface SnippetConsole {
  /** Writes a line to the snippet's output. */
  log(...data: unknown[]): void;
  /** Writes a line marked as information to the snippet's output. */
  info(...data: unknown[]): void;
  /** Writes a line marked as a warning to the snippet's output. */
  warn(...data: unknown[]): void;
  /** Writes a line marked as an error to the snippet's output. */
  error(...data: unknown[]): void;
  /** Writes a line to the snippet's output, as `log` does. */
  debug(...data: unknown[]): void;
  /** Writes "Trace:" and the values to the snippet's output (no stack: the output shows the reader's code). */
  trace(...data: unknown[]): void;
  /** Writes the value to the snippet's output, as `log` does. */
  dir(item?: unknown): void;
  /** Writes the values to the snippet's output, as `log` does. */
  dirxml(...data: unknown[]): void;
  /** Writes the data to the snippet's output as JSON (there is no table). */
  table(tabularData?: unknown): void;
  /** Writes the label to the snippet's output (lines are not indented). */
  group(...label: unknown[]): void;
  /** Writes the label to the snippet's output, as `group` does. */
  groupCollapsed(...label: unknown[]): void;
  /** Ends a group (nothing to write). */
  groupEnd(): void;
  /** Writes "Assertion failed:" and the values as an error line when `condition` is falsy. */
  assert(condition?: unknown, ...data: unknown[]): void;
  /** Writes how many times it was called with this label ("default" when none). */
  count(label?: unknown): void;
  /** Starts counting again from zero for this label. */
  countReset(label?: unknown): void;
  /** Starts a timer with this label. */
  time(label?: unknown): void;
  /** Writes the timer's elapsed milliseconds, and the values, without ending it. */
  timeLog(label?: unknown, ...data: unknown[]): void;
  /** Writes the timer's elapsed milliseconds and ends it. */
  timeEnd(label?: unknown): void;
}

/** A snippet is the body of an async function of these names (so `await` works at its top level). */
export interface SnippetScope {
  /** TensorFlow.js: tfjs-core and tfjs-layers, with the cpu backend (the wasm one when chosen). */
  tf: TfNamespace;
  /**
   * Displays a value below the snippet: tensor, layer, model, text, number or JSON.
   * A tensor shows its values, a layer its weights, a model its summary and weights, and any other
   * object or array is collapsible JSON.
   * @param value What to display.
   * @param label A caption shown above it.
   */
  show(value: unknown, label?: string): void;
  /** The output's console, which also takes what tfjs prints (`tensor.print()`, `model.summary()`). */
  console: SnippetConsole;
  /**
   * This site's Keras-like Lambda layer (TensorFlow.js has none): wraps a function as a layer
   * with no weights, like `keras.layers.Lambda`.
   */
  Lambda: typeof Lambda;
}
