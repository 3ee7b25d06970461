/**
 * The snippet worker's entry (a module Web Worker, one per run). It imports nothing at run
 * time, on purpose: a bundler puts the modules an entry shares with lazily loaded chunks into
 * the entry's own chunk, so those chunks import the entry back, and WebKit then evaluates the
 * entry a second time (two tfjs in one worker, every run done twice). Everything else is in
 * ./session, imported at once; messages that arrive before it are kept and handed over.
 */
import type { FromWorker, ToWorker } from '../protocol';

const entry = performance.now();
/** When the parser was asked for, beside tfjs (the `ready` message's timings say it). */
let parser: number | undefined;
const early: MessageEvent<ToWorker>[] = [];
const keep = (event: MessageEvent<ToWorker>): void => {
  early.push(event);
  // The parser of the await instrumentation (./awaits.ts), when the page says the code needs it.
  if (event.data.type === 'init' && event.data.parser && parser === undefined) {
    parser = performance.now();
    void import('acorn').catch(() => undefined);
  }
};
self.addEventListener('message', keep);
import('./session').then(
  (session) => {
    self.removeEventListener('message', keep);
    session.start(early, { entry, parser });
  },
  (error: unknown) => {
    self.postMessage({ type: 'start-failed', stage: 'load', message: String(error) } satisfies FromWorker);
  },
);
