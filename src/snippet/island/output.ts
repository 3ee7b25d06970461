/**
 * A snippet's output area. Worker messages can stream in faster than the page
 * should paint them, so they are queued and rendered in batches, once per
 * animation frame and within a small time slice: a flood of output never holds
 * the main thread for long, and a click on the page is answered meanwhile.
 */
import type { Lang } from '../../i18n/locales';
import type { ErrorData } from '../protocol';
import { createLossChart, createShowHistory, renderDone, renderDropped, renderError, renderLog, renderShown, type LossChart } from '../render/index';
import type { RunMessage } from '../runtime/runner';
import { matchesExpected } from '../state';

/** Time a frame may spend rendering output before yielding to the page. */
const SLICE_MS = 8;

type Item = { message: RunMessage } | { node: () => HTMLElement | null };

export interface Scheduler {
  frame(callback: () => void): void;
  now(): number;
}

const browserScheduler: Scheduler = {
  frame: (callback) => requestAnimationFrame(() => callback()),
  now: () => performance.now(),
};

export class OutputView {
  private queue: Item[] = [];
  private scheduled = false;
  private charts = new Map<number, LossChart>();
  private history = createShowHistory();
  /** Cleared outputs must not receive a frame scheduled before the clear. */
  private generation = 0;

  constructor(
    private readonly element: HTMLElement,
    private readonly lang: Lang,
    private readonly expectError: string | null,
    private readonly scheduler: Scheduler = browserScheduler,
  ) {}

  /** Empties the output for a new run. */
  clear(): void {
    this.generation++;
    this.queue = [];
    this.scheduled = false;
    this.charts.clear();
    this.history = createShowHistory();
    this.element.replaceChildren();
    this.element.removeAttribute('aria-busy');
  }

  push(message: RunMessage): void {
    if (message.type === 'started') return;
    this.enqueue({ message });
  }

  /** Page-side notices (stopped, time limit, a verdict) in order with the run's own output. */
  note(make: () => HTMLElement | null): void {
    this.enqueue({ node: make });
  }

  /**
   * Renders an error from the page itself (a worker that did not start, a
   * snippet that did not fail), unless `keep` says it no longer applies.
   */
  error(error: ErrorData, keep: () => boolean = () => true): void {
    this.note(() => (keep() ? renderError(error, this.lang, { expected: false }) : null));
  }

  /** Renders everything queued now (tests, and before the page is hidden). */
  flushAll(): void {
    while (this.queue.length > 0) this.flush(Infinity);
  }

  private enqueue(item: Item): void {
    this.queue.push(item);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Screen readers wait for the batch instead of reading half-rendered output.
    this.element.setAttribute('aria-busy', 'true');
    const generation = this.generation;
    this.scheduler.frame(() => {
      if (generation !== this.generation) return;
      this.scheduled = false;
      this.flush(SLICE_MS);
      if (this.queue.length > 0) this.schedule();
    });
  }

  private flush(budgetMs: number): void {
    const start = this.scheduler.now();
    const batch = document.createDocumentFragment();
    let taken = 0;
    while (taken < this.queue.length) {
      const item = this.queue[taken++]!;
      const node = 'node' in item ? item.node() : this.render(item.message);
      if (node) batch.append(node);
      if (this.scheduler.now() - start >= budgetMs) break;
    }
    this.queue.splice(0, taken);
    this.element.append(batch);
    if (this.queue.length === 0) this.element.removeAttribute('aria-busy');
  }

  private render(message: RunMessage): HTMLElement | null {
    switch (message.type) {
      case 'show':
        return renderShown({ label: message.label, data: message.data }, this.lang, this.history.previous(message.data));
      case 'log':
        return renderLog(message.level, message.text, this.lang);
      case 'error': {
        const expected = this.expectError !== null && matchesExpected(message.error, this.expectError);
        return renderError(message.error, this.lang, { expected });
      }
      case 'fit-epoch': {
        let chart = this.charts.get(message.fitId);
        const fresh = !chart;
        if (!chart) {
          chart = createLossChart(this.lang);
          this.charts.set(message.fitId, chart);
        }
        chart.addEpoch(message.epoch, message.epochs, message.logs);
        // Later epochs update the chart already on the page.
        return fresh ? chart.element : null;
      }
      case 'dropped':
        return renderDropped(message.shows, message.logs, this.lang);
      case 'done':
        return renderDone(message, this.lang);
      default:
        return null;
    }
  }
}
