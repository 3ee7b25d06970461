/**
 * A snippet's output area. Worker messages can stream in faster than the page
 * should paint them, so they are queued and rendered in batches, once per
 * animation frame and within a small time slice: a flood of output never holds
 * the main thread for long, and a click on the page is answered meanwhile.
 *
 * The area is the snippet's polite live region, holding two things: a visually
 * hidden summary, set once when the run ends (what a screen reader hears), and
 * the detailed output in an `aria-live="off"` container (explored, not recited).
 *
 * Until the first Run it holds the output rendered at build time (src/build/outputs.ts,
 * the same renderer): a run keeps it on screen until its own first output replaces it, and
 * the area keeps its height until the run ends, so nothing jumps.
 */
import type { Lang } from '../../i18n/locales';
import type { ErrorData, RunEvent } from '../protocol';
import { renderError } from '../render/messages';
import { createOutputItems, RunRenderer } from '../render/run';
import { SELECTORS } from '../markup';
import { RunAnnouncer } from './announce';

/** Time a frame may spend rendering output before yielding to the page. */
const SLICE_MS = 8;

type Item = { message: RunEvent } | { node: () => HTMLElement | null } | { announce: () => void };

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
  private renderer: RunRenderer;
  /** Cleared outputs must not receive a frame scheduled before the clear. */
  private generation = 0;
  private items: HTMLElement;
  /** The previous output, still shown until the new run's first output replaces it. */
  private stale: HTMLElement | null = null;
  private readonly summary: HTMLElement;
  private readonly announcer: RunAnnouncer;
  /** The output rendered at build time, to bring back with the original code (Reset). */
  private readonly built: HTMLElement | null;

  constructor(
    private readonly element: HTMLElement,
    private readonly lang: Lang,
    private readonly expectError: string | null,
    private readonly scheduler: Scheduler = browserScheduler,
  ) {
    this.announcer = new RunAnnouncer(lang, expectError);
    this.renderer = new RunRenderer({ lang, expectError });
    this.summary = document.createElement('p');
    this.summary.className = 'sr-only';
    this.summary.dataset.outputSummary = '';
    const built = element.querySelector<HTMLElement>(`:scope > ${SELECTORS.outputItems}`);
    this.built = built && element.hasAttribute('data-built') ? (built.cloneNode(true) as HTMLElement) : null;
    this.items = built ?? createOutputItems();
    element.replaceChildren(this.summary, this.items);
  }

  /** Starts the output of a new run: what is shown stays until the run's first output replaces it. */
  clear(): void {
    this.generation++;
    this.queue = [];
    this.scheduled = false;
    this.renderer = new RunRenderer({ lang: this.lang, expectError: this.expectError });
    this.announcer.reset();
    this.summary.textContent = '';
    this.element.removeAttribute('aria-busy');
    // The area keeps its height until the run ends: the new output does not start from an empty box.
    this.element.style.minHeight = `${this.element.offsetHeight}px`;
    if (!this.stale) {
      this.stale = this.items;
      this.stale.dataset.stale = '';
      this.stale.inert = true;
    }
    this.items = createOutputItems();
    this.element.removeAttribute('data-built');
  }

  /** Shows the output rendered at build time again (the original code is back); false when it has none or shows it already. */
  restoreBuilt(): boolean {
    if (!this.built || this.element.hasAttribute('data-built')) return false;
    this.clear();
    this.generation++;
    this.items = this.built.cloneNode(true) as HTMLElement;
    this.replaceStale();
    this.element.setAttribute('data-built', '');
    this.element.style.minHeight = '';
    return true;
  }

  push(message: RunEvent): void {
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
   * Ends the run's output: once everything queued before is on screen, the area lets go of the
   * height it held, the summary is announced (the region no longer busy, which screen readers
   * would wait for), and `then` runs, in that same step: a state set there is set when the
   * output's layout is final (where the page has no scroll anchoring, Safari, a later shrink
   * would move whatever the reader is about to click next).
   */
  announce(then: () => void = () => undefined): void {
    this.enqueue({ announce: then });
  }

  /**
   * Renders an error from the page itself (a worker that did not start, a
   * snippet that did not fail), unless `keep` says it no longer applies.
   */
  error(error: ErrorData, keep: () => boolean = () => true): void {
    this.note(() => (keep() ? renderError(error, this.lang, { expected: false }) : null));
  }

  /** Renders everything queued now, for a test that reads the DOM at once. */
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
    let announce: (() => void) | null = null;
    while (taken < this.queue.length) {
      const item = this.queue[taken++]!;
      if ('announce' in item) {
        announce = item.announce;
        break;
      }
      const node = 'node' in item ? item.node() : this.renderer.render(item.message);
      if (node) batch.append(node);
      // The end (a summary, a height let go) costs nothing: the run never waits a frame for it.
      const next = this.queue[taken];
      if (this.scheduler.now() - start >= budgetMs && !(next && 'announce' in next)) break;
    }
    this.queue.splice(0, taken);
    this.items.append(batch);
    if (this.items.hasChildNodes() || announce) this.replaceStale();
    if (this.queue.length === 0) this.element.removeAttribute('aria-busy');
    if (announce) {
      this.summary.textContent = this.announcer.text();
      this.element.style.minHeight = '';
      announce();
    }
  }

  /** The new output takes the old one's place. */
  private replaceStale(): void {
    if (this.stale) this.stale.replaceWith(this.items);
    else if (!this.items.isConnected) this.element.append(this.items);
    this.stale = null;
  }
}
