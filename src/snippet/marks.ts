/**
 * Performance marks for the steps of a snippet's first Run (DevTools' timeline shows them, and
 * `npm run bench` reads them): intent, the island loaded, the editor's chunk loaded and the editor
 * mounted, a worker spawned and, from the worker's own clock, its entry, its request for the
 * await parser (code that awaits), its code and tfjs evaluated, and ready.
 */
import type { WorkerTimings } from './protocol';

export type Step =
  | 'intent'
  | 'island'
  | 'editor-loaded'
  | 'editor'
  | 'worker-spawn'
  | 'worker-entry'
  | 'worker-parser'
  | 'worker-loaded'
  | 'worker-ready'
  | 'run-start'
  | 'run-done';

/** Marks `step` now, or at `at` (ms on the page's clock). */
export function mark(step: Step, at?: number): void {
  // Marks are a nicety: a browser without User Timing Level 3 options just gets none.
  try {
    performance.mark(`snippet:${step}`, at === undefined ? undefined : { startTime: Math.max(0, at) });
  } catch {}
}

/** The worker's own timings, put on the page's clock. */
export function markWorker(timings: WorkerTimings): void {
  const shift = timings.timeOrigin - performance.timeOrigin;
  mark('worker-entry', timings.entry + shift);
  if (timings.parser !== undefined) mark('worker-parser', timings.parser + shift);
  mark('worker-loaded', timings.loaded + shift);
  mark('worker-ready', timings.ready + shift);
}
