/**
 * A snippet's output area. Worker messages can stream in faster than the page
 * should paint them, so they are queued and rendered in batches, once per
 * animation frame and within a small time slice: a flood of output never holds
 * the main thread for long, and a click on the page is answered meanwhile.
 *
 * The area is the snippet's polite live region, holding two things: a visually
 * hidden summary, set once when the run ends (what a screen reader hears), and
 * the detailed output in an `aria-live="off"` container (explored, not recited).
 */
import type { Lang } from '../../i18n/locales';
import type { ErrorData } from '../protocol';
import {
  createLossChart,
  createShowHistory,
  renderDone,
  renderDropped,
  renderError,
  renderFolded,
  renderFoldedNote,
  renderBlocked,
  renderLog,
  renderShown,
  type LossChart,
} from '../render/index';
import type { RunMessage } from '../runtime/runner';
import { matchesExpected } from '../state';
import { RunAnnouncer } from './announce';

/** Time a frame may spend rendering output before yielding to the page. */
const SLICE_MS = 8;
/**
 * Elements a run may draw in full. Beyond, tensors, layers and objects are folded to one line
 * each (drawn when opened): 200 matrices in full would be ~40,000 elements and seconds of layout.
 */
const DETAIL_BUDGET = 4000;
/** Shown values that cost a few elements at most: never folded. */
const LIGHT = new Set(['text', 'number', 'boolean', 'null', 'undefined', 'function']);

type Item = { message: RunMessage } | { node: () => HTMLElement | null } | { announce: true };

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
  /** The "… N more not shown" line: updated in place as the worker's counts grow. */
  private dropped: HTMLElement | null = null;
  private budget = DETAIL_BUDGET;
  /** Cleared outputs must not receive a frame scheduled before the clear. */
  private generation = 0;
  private readonly items: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly announcer: RunAnnouncer;

  constructor(
    private readonly element: HTMLElement,
    private readonly lang: Lang,
    private readonly expectError: string | null,
    private readonly scheduler: Scheduler = browserScheduler,
  ) {
    this.announcer = new RunAnnouncer(lang, expectError);
    this.summary = document.createElement('p');
    this.summary.className = 'sr-only';
    this.summary.dataset.outputSummary = '';
    this.items = document.createElement('div');
    this.items.className = 'snippet__items';
    this.items.dataset.outputItems = '';
    this.items.setAttribute('aria-live', 'off');
    element.replaceChildren(this.summary, this.items);
  }

  /** Empties the output for a new run. */
  clear(): void {
    this.generation++;
    this.queue = [];
    this.scheduled = false;
    this.charts.clear();
    this.history = createShowHistory();
    this.dropped = null;
    this.budget = DETAIL_BUDGET;
    this.announcer.reset();
    this.items.replaceChildren();
    this.summary.textContent = '';
    this.element.removeAttribute('aria-busy');
  }

  push(message: RunMessage): void {
    if (message.type === 'started') return;
    this.announcer.add(message);
    this.enqueue({ message });
  }

  /** Page-side notices (stopped, time limit, a verdict) in order with the run's own output. */
  note(make: () => HTMLElement | null): void {
    this.enqueue({ node: make });
  }

  /** A page-side message that belongs in the summary (stopped, worker lost, a verdict). */
  noteForSummary(text: string): void {
    this.announcer.note(text);
  }

  /**
   * Announces the run's summary once everything queued before is on screen (and the
   * region is no longer busy, which screen readers would wait for).
   */
  announce(): void {
    this.enqueue({ announce: true });
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
    let announce = false;
    while (taken < this.queue.length) {
      const item = this.queue[taken++]!;
      if ('announce' in item) {
        announce = true;
        break;
      }
      const node = 'node' in item ? item.node() : this.render(item.message);
      if (node) batch.append(node);
      if (this.scheduler.now() - start >= budgetMs) break;
    }
    this.queue.splice(0, taken);
    this.items.append(batch);
    if (this.queue.length === 0) this.element.removeAttribute('aria-busy');
    if (announce) this.summary.textContent = this.announcer.text();
  }

  private render(message: RunMessage): Node | null {
    switch (message.type) {
      case 'show': {
        const item = { label: message.label, data: message.data };
        const previous = this.history.previous(message.data);
        if (!LIGHT.has(item.data.kind) && this.budget <= 0) {
          const folded = renderFolded(item, this.lang, previous);
          if (this.budget !== -Infinity) {
            this.budget = -Infinity;
            const both = document.createDocumentFragment();
            both.append(renderFoldedNote(this.lang), folded);
            return both;
          }
          return folded;
        }
        const node = renderShown(item, this.lang, previous);
        this.budget -= node.getElementsByTagName('*').length;
        return node;
      }
      case 'log':
        return renderLog(message.level, message.text, this.lang);
      case 'blocked':
        return renderBlocked(message.directive, message.url, this.lang);
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
      case 'dropped': {
        const line = renderDropped(message.shows, message.logs, this.lang);
        const previous = this.dropped;
        this.dropped = line;
        // Still in the batch being built, or already on the page: either way, replaced in place.
        if (previous?.parentNode) {
          previous.replaceWith(line);
          return null;
        }
        return line;
      }
      case 'done':
        return renderDone(message, this.lang);
      default:
        return null;
    }
  }
}
