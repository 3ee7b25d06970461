/**
 * A run's events turned into the output a reader sees, one node per event, in order: the one
 * code for the live output (island/output.ts paints it as it streams) and the output rendered
 * into the page at build time (src/build/outputs.ts), so both are the same DOM.
 */
import type { Lang } from '../../i18n/locales';
import type { RunEvent } from '../protocol';
import { matchesExpected } from '../state';
import { createLossChart, type LossChart } from './chart';
import { createShowHistory, renderFolded, renderFoldedNote, renderShown } from './index';
import { renderBlocked, renderDone, renderDropped, renderError, renderLog } from './messages';
import { h } from './dom';

/**
 * Elements a run may draw in full. Beyond, tensors, layers and objects are folded to one line
 * each (drawn when opened): 200 matrices in full would be ~40,000 elements and seconds of layout.
 */
const DETAIL_BUDGET = 4000;
/** Shown values that cost a few elements at most: never folded. */
const LIGHT = new Set(['text', 'number', 'boolean', 'null', 'undefined', 'function']);

/** The container a run's output goes in, the same whether the build or the page fills it. */
export function createOutputItems(): HTMLElement {
  // aria-live off: the island announces a run once, as a summary (./announce.ts), not item by item.
  return h('div', { class: 'snippet__items', 'data-output-items': true, 'aria-live': 'off' });
}

export interface RunRendererOptions {
  lang: Lang;
  /** The error text the snippet is meant to fail with, or null. */
  expectError: string | null;
  /** Elements drawn in full before folding (Infinity at build time: there is no script to unfold later). */
  detailBudget?: number;
  /** Whether the footer says how long the run took (not at build time: the reader's machine is not the build's). */
  duration?: boolean;
}

export class RunRenderer {
  private charts = new Map<number, LossChart>();
  private history = createShowHistory();
  /** The "… N more not shown" line: updated in place as the worker's counts grow. */
  private dropped: HTMLElement | null = null;
  private budget: number;

  constructor(private readonly options: RunRendererOptions) {
    this.budget = options.detailBudget ?? DETAIL_BUDGET;
  }

  /** The node for one event, or null when the event updates a node already out (a chart, the dropped count). */
  render(event: RunEvent): Node | null {
    const { lang } = this.options;
    switch (event.type) {
      case 'show': {
        const item = { label: event.label, data: event.data };
        const previous = this.history.previous(event.data);
        if (!LIGHT.has(item.data.kind) && this.budget <= 0) {
          const folded = renderFolded(item, lang, previous);
          if (this.budget !== -Infinity) {
            this.budget = -Infinity;
            const both = document.createDocumentFragment();
            both.append(renderFoldedNote(lang), folded);
            return both;
          }
          return folded;
        }
        const node = renderShown(item, lang, previous);
        this.budget -= node.getElementsByTagName('*').length;
        return node;
      }
      case 'log':
        return renderLog(event.level, event.text, lang);
      case 'blocked':
        return renderBlocked(event.directive, event.url, lang);
      case 'error': {
        const expected = this.options.expectError !== null && matchesExpected(event.error, this.options.expectError);
        return renderError(event.error, lang, { expected });
      }
      case 'fit-epoch': {
        let chart = this.charts.get(event.fitId);
        const fresh = !chart;
        if (!chart) {
          chart = createLossChart(lang);
          this.charts.set(event.fitId, chart);
        }
        chart.addEpoch(event.epoch, event.epochs, event.logs);
        // Later epochs update the chart already out.
        return fresh ? chart.element : null;
      }
      case 'dropped': {
        const line = renderDropped(event.shows, event.logs, lang);
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
        return renderDone(event, lang, { duration: this.options.duration ?? true });
      case 'started':
        return null;
    }
  }
}
