// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { OutputView, type Scheduler } from '../../src/snippet/island/output';
import type { RunEvent } from '../../src/snippet/protocol';

/** Frames run only when the test says so; each render "costs" `cost` ms. */
function manualScheduler(cost = 0): Scheduler & { run(): void; pending: number } {
  const frames: (() => void)[] = [];
  let now = 0;
  return {
    frame: (callback) => void frames.push(callback),
    now: () => (now += cost),
    run() {
      const due = frames.splice(0);
      for (const frame of due) frame();
    },
    get pending() {
      return frames.length;
    },
  };
}

const log = (text: string): RunEvent => ({ type: 'log', runId: 1, level: 'log', text });

describe('output batching', () => {
  it('renders nothing until the next frame, then the whole batch at once, in order', () => {
    const el = document.createElement('div');
    const frames = manualScheduler();
    const output = new OutputView(el, 'en', null, frames);
    output.push(log('one'));
    output.push(log('two'));
    expect(el.querySelectorAll('[data-log]')).toHaveLength(0);
    expect(frames.pending).toBe(1);
    frames.run();
    expect([...el.querySelectorAll('[data-log]')].map((n) => n.textContent)).toEqual(['one', 'two']);
    expect(el.hasAttribute('aria-busy')).toBe(false);
  });

  it('spreads a flood over several frames instead of blocking one', () => {
    const el = document.createElement('div');
    const frames = manualScheduler(1); // each item takes 1 ms; a frame allows 8
    const output = new OutputView(el, 'en', null, frames);
    for (let i = 0; i < 50; i++) output.push(log(`line ${i}`));
    frames.run();
    const afterOne = el.querySelectorAll('[data-log]').length;
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThan(50);
    expect(el.getAttribute('aria-busy')).toBe('true');
    while (frames.pending > 0) frames.run();
    expect(el.querySelectorAll('[data-log]')).toHaveLength(50);
  });

  it('drops what a cleared run had queued', () => {
    const el = document.createElement('div');
    const frames = manualScheduler();
    const output = new OutputView(el, 'en', null, frames);
    output.push(log('old run'));
    output.clear();
    output.push(log('new run'));
    frames.run();
    expect([...el.querySelectorAll('[data-log]')].map((n) => n.textContent)).toEqual(['new run']);
  });

  it('marks an error as expected only when it is the declared one', () => {
    const el = document.createElement('div');
    const frames = manualScheduler();
    const output = new OutputView(el, 'en', 'Unknown layer', frames);
    const location = { line: 3, column: 1 };
    output.push({ type: 'error', runId: 1, error: { name: 'Error', message: 'Unknown layer: Scale', location, origin: 'runtime' } });
    output.push({ type: 'error', runId: 1, error: { name: 'TypeError', message: 'x is not a function', location: null, origin: 'async' } });
    frames.run();
    const errors = el.querySelectorAll('[data-error]');
    expect(errors[0]?.getAttribute('data-expected')).toBe('true');
    expect(errors[0]?.getAttribute('data-line')).toBe('3');
    expect(errors[1]?.getAttribute('data-expected')).toBe('false');
  });

  it('draws one loss chart per fit call and updates it epoch by epoch', () => {
    const el = document.createElement('div');
    const frames = manualScheduler();
    const output = new OutputView(el, 'en', null, frames);
    for (let epoch = 0; epoch < 3; epoch++) {
      output.push({ type: 'fit-epoch', runId: 1, fitId: 1, epoch, epochs: 3, logs: { loss: 1 / (epoch + 1) } });
    }
    frames.run();
    expect(el.querySelectorAll('[data-fit-progress]')).toHaveLength(1);
    expect(el.querySelector('[data-fit-progress]')?.getAttribute('data-epoch')).toBe('3');
  });

  it('ends with the leak count from the worker', () => {
    const el = document.createElement('div');
    const frames = manualScheduler();
    const output = new OutputView(el, 'en', null, frames);
    output.push({
      type: 'done',
      runId: 1,
      ok: true,
      durationMs: 5,
      leakedTensors: 2,
      leakedVariables: 1,
      optimizerTensors: 0,
      optimizerVariables: 0,
      layerVariables: 1,
      backend: 'cpu',
    });
    frames.run();
    expect(el.querySelector('[data-leaked-tensors]')?.textContent).toBe('2');
  });

  it('updates one "… N more" line as the worker’s counts grow', () => {
    const el = document.createElement('div');
    const frames = manualScheduler();
    const output = new OutputView(el, 'en', null, frames);
    output.push({ type: 'dropped', runId: 1, shows: 0, logs: 1024 });
    frames.run();
    output.push({ type: 'dropped', runId: 1, shows: 0, logs: 5000 });
    output.push({ type: 'dropped', runId: 1, shows: 3, logs: 9000 });
    frames.run();
    expect([...el.querySelectorAll('[data-dropped]')].map((n) => n.textContent)).toEqual([
      '… 3 more results not shown · … 9,000 more lines not shown',
    ]);
  });

  it('folds big results once a run has drawn a lot, and draws one when it is opened', () => {
    const el = document.createElement('div');
    const frames = manualScheduler();
    const output = new OutputView(el, 'en', null, frames);
    const values = Array.from({ length: 1000 }, (_, i) => i);
    for (let i = 0; i < 200; i++) {
      output.push({
        type: 'show',
        runId: 1,
        label: `t${i}`,
        data: { kind: 'tensor', dtype: 'float32', shape: [50, 50], size: 2500, values, truncated: true, min: 0, max: 999 },
      });
    }
    output.flushAll();
    const folded = el.querySelectorAll<HTMLDetailsElement>('[data-folded]');
    expect(el.querySelectorAll('[data-folded-note]')).toHaveLength(1);
    expect(folded.length).toBeGreaterThan(150);
    expect(el.querySelectorAll('[data-tensor]').length + folded.length).toBe(200);
    expect(el.querySelectorAll('*').length).toBeLessThan(6000);
    const last = folded[folded.length - 1]!;
    expect(last.querySelector('summary')?.textContent).toBe('t199: Tensor float32, shape 50×50');
    last.open = true;
    last.dispatchEvent(new Event('toggle'));
    expect(last.querySelector('[data-tensor]')?.getAttribute('data-shape')).toBe('50,50');
  });

  it('ends a run in one step: the held height let go, then the final state, never a shrink after it', () => {
    const el = document.createElement('div');
    const frames = manualScheduler(10); // each render overruns a frame's slice
    const output = new OutputView(el, 'en', null, frames);
    output.clear();
    el.style.minHeight = '300px'; // what clear() holds (happy-dom lays nothing out)
    output.push(log('one'));
    output.push(log('two'));
    const seen: string[] = [];
    output.announce(() => seen.push(`final, min-height "${el.style.minHeight}", ${el.querySelectorAll('[data-log]').length} logs`));
    frames.run();
    expect(seen).toEqual([]);
    expect(el.style.minHeight).toBe('300px');
    // The last output's frame ends the run too: no frame of its own for that.
    frames.run();
    expect(seen).toEqual(['final, min-height "", 2 logs']);
    expect(frames.pending).toBe(0);
  });

  it('announces a summary once the output is painted, in a region that reads nothing else', () => {
    const el = document.createElement('div');
    const frames = manualScheduler();
    const output = new OutputView(el, 'fr', null, frames);
    const summary = el.querySelector('[data-output-summary]')!;
    expect(el.querySelector('[data-output-items]')?.getAttribute('aria-live')).toBe('off');
    output.push({
      type: 'show',
      runId: 1,
      label: null,
      data: { kind: 'tensor', dtype: 'int32', shape: [3], size: 3, values: [1, 2, 3], truncated: false, min: 1, max: 3 },
    });
    output.announce();
    expect(summary.textContent).toBe('');
    frames.run();
    expect(summary.textContent).toBe('1 résultat\u00a0: Tenseur int32, forme 3.');
    output.clear();
    expect(summary.textContent).toBe('');
  });
});
