/**
 * What a snippet's `data-state` says, and how a finished run is judged: a
 * snippet may be written to fail (to show Keras or tfjs refusing something),
 * and then its error is the lesson, not a breakage.
 */
import type { ErrorData } from './protocol';

/** Every state a snippet can be in; each has its label (`snippet.state.<state>`). */
export const SNIPPET_STATES = ['idle', 'loading', 'running', 'done', 'error', 'stopped'] as const;
export type SnippetState = (typeof SNIPPET_STATES)[number];

/** States in which a run is under way, so Stop has something to stop. */
export function isBusy(state: SnippetState): boolean {
  return state === 'loading' || state === 'running';
}

export type Verdict =
  /** Ran cleanly, or failed exactly as the snippet said it would (`lesson` is that error). */
  | { state: 'done'; lesson: ErrorData | null }
  /** Failed unexpectedly. */
  | { state: 'error'; reason: 'failed' }
  /** Meant to fail with `expected`, but failed with something else. */
  | { state: 'error'; reason: 'wrong-error'; expected: string }
  /** Meant to fail with `expected`, but ran without error. */
  | { state: 'error'; reason: 'did-not-fail'; expected: string };

/** Whether an error is the one a snippet declared (the declared text appears in it). */
export function matchesExpected(error: ErrorData, expected: string): boolean {
  return `${error.name}: ${error.message}`.includes(expected);
}

/**
 * Judges a run from the errors it reported so far (late async errors included)
 * and whether the worker said it finished cleanly.
 */
export function judge(expected: string | null, ok: boolean, errors: readonly ErrorData[]): Verdict {
  const failed = !ok || errors.length > 0;
  if (expected === null) return failed ? { state: 'error', reason: 'failed' } : { state: 'done', lesson: null };
  if (!failed) return { state: 'error', reason: 'did-not-fail', expected };
  const lesson = errors.find((e) => matchesExpected(e, expected));
  return lesson ? { state: 'done', lesson } : { state: 'error', reason: 'wrong-error', expected };
}
