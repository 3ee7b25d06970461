/**
 * Live `model.fit` progress: the latest epoch as a line of text, a small SVG
 * loss chart, and every figure in a table for those who cannot see the chart.
 */
import type { Lang } from '../../i18n/locales';
import { h, scroller, svg } from './dom';
import { translator } from '../../i18n/translate';

export interface LossChart {
  element: HTMLElement;
  /** `epoch` is 0-based, as in tfjs' onEpochEnd; it is shown as epoch + 1. */
  addEpoch(epoch: number, epochs: number, logs: Record<string, number>): void;
}

const W = 320;
const H = 120;
// Left: room for the widest axis label, 10 characters ("-1.234e-10") of a 9px monospace font,
// which WebKit draws wider than the others.
const PAD = { left: 66, right: 8, top: 10, bottom: 18 };
/** Beyond this many points a polyline is thinned: the chart is ~260 px wide anyway. */
const MAX_POINTS = 300;
/** Beyond this many rows the figures table stops growing (the chart still does). */
const MAX_ROWS = 200;

export function createLossChart(lang: Lang): LossChart {
  const title = translator(lang).t('output.chartTitle');
  const series = new Map<string, { epoch: number; value: number }[]>();
  let columns: string[] | null = null;
  let rows = 0;

  // aria-live off: the output region would otherwise read every epoch aloud.
  const line = h('p', { class: 'out-fit-line', 'aria-live': 'off' });
  const plot = svg('svg', { class: 'out-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title });
  const body = h('tbody');
  const head = h('tr');
  const figures = h(
    'details',
    { class: 'out-fit-figures' },
    h('summary', {}, translator(lang).t('output.chartFigures')),
    scroller(title, h('table', {}, h('caption', {}, title), h('thead', {}, head), body)),
  );
  const element = h(
    'figure',
    { class: 'out-fit', 'data-fit-progress': true },
    h('figcaption', {}, translator(lang).t('output.fitProgress')),
    line,
    plot,
    figures,
  );

  function addEpoch(epoch: number, epochs: number, logs: Record<string, number>): void {
    const keys = Object.keys(logs);
    // The logs' keys are tfjs' own names (`loss`, `val_loss`, a metric's): shown as code, in every language.
    const shown = keys.flatMap((k, i) => [i === 0 ? ' — ' : ', ', h('code', {}, k), ` ${translator(lang).number(logs[k] ?? NaN)}`]);
    line.replaceChildren(translator(lang).t('output.epoch', { epoch: epoch + 1, epochs }), ...shown);
    element.dataset.epoch = String(epoch + 1);
    element.dataset.epochs = String(epochs);

    const plotted = keys.filter((k) => k === 'loss' || k === 'val_loss');
    for (const k of plotted.length > 0 ? plotted : keys.slice(0, 1)) {
      const v = logs[k];
      if (v === undefined || !Number.isFinite(v)) continue;
      let points = series.get(k);
      if (!points) series.set(k, (points = []));
      points.push({ epoch, value: v });
    }
    addRow(epoch, logs);
    draw(Math.max(epochs, epoch + 1));
  }

  function addRow(epoch: number, logs: Record<string, number>): void {
    if (!columns) {
      columns = Object.keys(logs);
      head.append(
        h('th', { scope: 'col' }, translator(lang).t('output.colEpoch')),
        ...columns.map((k) => h('th', { scope: 'col' }, h('code', {}, k))),
      );
    }
    rows++;
    if (rows > MAX_ROWS) {
      if (rows === MAX_ROWS + 1) body.append(h('tr', {}, h('td', { colspan: columns.length + 1 }, '…')));
      return;
    }
    const cells = columns.map((k) => h('td', { class: 'out-num' }, logs[k] === undefined ? '' : translator(lang).number(logs[k])));
    body.append(h('tr', {}, h('th', { scope: 'row' }, epoch + 1), ...cells));
  }

  function draw(epochs: number): void {
    const all = [...series.values()].flat().map((p) => p.value);
    if (all.length === 0) return;
    let lo = all.reduce((a, b) => Math.min(a, b));
    let hi = all.reduce((a, b) => Math.max(a, b));
    if (lo === hi) [lo, hi] = [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
    const x = (e: number) => PAD.left + (e / Math.max(epochs - 1, 1)) * (W - PAD.left - PAD.right);
    const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * (H - PAD.top - PAD.bottom);
    const bottom = H - PAD.bottom;
    const children: SVGElement[] = [
      svg('line', { class: 'out-axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom }),
      svg('line', { class: 'out-axis', x1: PAD.left, y1: bottom, x2: W - PAD.right, y2: bottom }),
      svg('text', { x: PAD.left - 4, y: PAD.top + 4, 'text-anchor': 'end' }, translator(lang).number(hi)),
      svg('text', { x: PAD.left - 4, y: bottom, 'text-anchor': 'end' }, translator(lang).number(lo)),
      svg('text', { x: PAD.left, y: H - 4, 'text-anchor': 'start' }, '1'),
      svg('text', { x: W - PAD.right, y: H - 4, 'text-anchor': 'end' }, epochs),
    ];
    const alt: string[] = [];
    let legendY = PAD.top + 4;
    for (const [metric, points] of series) {
      const step = Math.ceil(points.length / MAX_POINTS);
      const thinned = points.filter((_, i) => i % step === 0 || i === points.length - 1);
      const coords = thinned.map((p) => `${x(p.epoch).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
      const last = points[points.length - 1];
      const first = points[0];
      children.push(svg('polyline', { 'data-metric': metric, points: coords }));
      // A dot on the latest point keeps a single epoch visible.
      if (last) children.push(svg('circle', { 'data-metric': metric, cx: x(last.epoch), cy: y(last.value), r: 2.5 }));
      // A line sample beside the name: the dash pattern tells the series apart without colour.
      const textX = W - PAD.right;
      const sampleEnd = textX - metric.length * 6 - 4;
      children.push(
        svg('line', {
          class: 'out-legend-sample',
          'data-metric': metric,
          x1: sampleEnd - 14,
          y1: legendY - 3,
          x2: sampleEnd,
          y2: legendY - 3,
        }),
        svg('text', { class: 'out-legend', x: textX, y: legendY, 'text-anchor': 'end' }, metric),
      );
      legendY += 12;
      if (first && last) {
        alt.push(
          translator(lang).t('output.chartAlt', {
            metric,
            first: translator(lang).number(first.value),
            last: translator(lang).number(last.value),
            epoch: last.epoch + 1,
          }),
        );
      }
    }
    plot.replaceChildren(...children);
    plot.setAttribute('aria-label', `${title}. ${translator(lang).list(alt)}`);
  }

  return { element, addEpoch };
}
