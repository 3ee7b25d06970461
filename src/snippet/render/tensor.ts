/**
 * A tensor laid out by its shape: a scalar, a vector as one row, a matrix as a
 * table with a colour scale, higher ranks as labelled 2D slices.
 */
import type { Lang } from '../../i18n/locales';
import { LIMITS, type TensorData } from '../protocol';
import { h, scroller } from './dom';
import { formatShape, formatValue, product } from './numbers';
import { translator } from '../../i18n/translate';

/** Caps on rendered cells, so even a 1e6-value tensor costs a few hundred nodes. */
const VIEW = { ...LIMITS.TENSOR_VIEW, VECTOR: 24 } as const;

/** Colour-scale steps on each side of zero (data-heat = -HEAT..HEAT). */
const HEAT = 4;

interface Ctx {
  data: TensorData;
  lang: Lang;
  /** The same tensor shown earlier, to mark the cells that changed. */
  previous: TensorData | null;
  maxAbs: number;
  /** How many values were rendered as cells, for the "… N more values" count. */
  shown: number;
}

/** `previous` (same shape) marks changed cells with data-changed="true". */
export function renderTensor(data: TensorData, lang: Lang, previous?: TensorData): HTMLElement {
  const root = h('div', {
    class: 'out-tensor',
    'data-tensor': true,
    'data-shape': data.shape.join(','),
    'data-dtype': data.dtype,
  });
  const numeric = data.min !== null && data.max !== null && data.dtype !== 'bool';
  const ctx: Ctx = {
    data,
    lang,
    previous: previous && sameShape(previous.shape, data.shape) ? previous : null,
    maxAbs: numeric ? Math.max(Math.abs(data.min ?? 0), Math.abs(data.max ?? 0)) : 0,
    shown: 0,
  };
  root.append(caption(data, lang, numeric));
  const [rows = 1, cols = 1] = data.shape.slice(-2);
  const label = translator(lang).t('output.tensorCaption', { dtype: data.dtype, shape: formatShape(data.shape) });
  if (data.size === 0) {
    root.append(h('p', { class: 'out-note' }, translator(lang).t('output.emptyTensor')));
  } else if (data.shape.length === 0) {
    root.append(h('p', { class: 'out-scalar' }, h('code', {}, cellText(ctx, 0))));
  } else if (data.shape.length === 1) {
    root.append(scroller(label, table(ctx, 0, 1, data.shape[0] ?? 0, VIEW.VECTOR, false, data.shape[0] ?? 0)));
  } else if (data.shape.length === 2) {
    root.append(scroller(label, table(ctx, 0, rows, cols, VIEW.COLS, true, data.window?.cols ?? cols)));
  } else {
    root.append(slices(ctx, rows, cols));
  }
  const hidden = data.size - ctx.shown;
  if (hidden > 0) root.append(h('p', { class: 'out-more' }, translator(lang).plural('output.moreValues', hidden)));
  return root;
}

function caption(data: TensorData, lang: Lang, numeric: boolean): HTMLElement {
  const shape = data.shape.length === 0 ? `[] (${translator(lang).t('output.scalar')})` : formatShape(data.shape);
  const p = h(
    'p',
    { class: 'out-caption' },
    ...translator(lang).nodes('output.tensorCaption', {
      dtype: h('code', {}, data.dtype),
      shape: h('code', {}, shape),
    }),
  );
  if (numeric && data.size > 1) {
    const range = translator(lang).t('output.range', {
      min: translator(lang).number(data.min ?? 0),
      max: translator(lang).number(data.max ?? 0),
    });
    p.append(' · ', h('span', { class: 'out-range' }, range));
  }
  return p;
}

/** Rank >= 3: one matrix per index of the leading dimensions, labelled like numpy ("[0, :, :]"). */
function slices(ctx: Ctx, rows: number, cols: number): HTMLElement {
  const lead = ctx.data.shape.slice(0, -2);
  const count = product(lead);
  const wrap = h('div', { class: 'out-slices' });
  let s = 0;
  for (; s < Math.min(count, VIEW.SLICES); s++) {
    // A windowed tensor holds only each slice's corner.
    const offset = ctx.data.window ? s * ctx.data.window.rows * ctx.data.window.cols : s * rows * cols;
    if (offset >= ctx.data.values.length) break;
    const label = `[${unravel(s, lead).join(', ')}, :, :]`;
    wrap.append(
      h(
        'div',
        { class: 'out-slice', 'data-slice': label },
        h('p', { class: 'out-slice-label' }, h('code', {}, label)),
        scroller(label, table(ctx, offset, rows, cols, VIEW.COLS, true, ctx.data.window?.cols ?? cols)),
      ),
    );
  }
  if (s < count) wrap.append(h('p', { class: 'out-note' }, translator(ctx.lang).plural('output.moreSlices', count - s)));
  return wrap;
}

/**
 * A rows x cols block of values starting at `offset`, capped, with "…" cells where elided.
 * `stride` is how far apart rows are in `values` (cols, or the window's width).
 */
function table(ctx: Ctx, offset: number, rows: number, cols: number, colCap: number, rowHeads: boolean, stride: number): HTMLElement {
  const shownCols = Math.min(cols, colCap);
  const shownRows = Math.min(rows, VIEW.ROWS);
  const head = h('tr', {}, rowHeads && h('td', {}));
  for (let c = 0; c < shownCols; c++) head.append(h('th', { scope: 'col' }, c));
  if (cols > shownCols) head.append(elided(ctx, 'th'));
  const body = h('tbody');
  let r = 0;
  for (; r < shownRows; r++) {
    const start = offset + r * stride;
    if (start >= ctx.data.values.length) break;
    const row = h('tr', {}, rowHeads && h('th', { scope: 'row' }, r));
    let c = 0;
    for (; c < shownCols && start + c < ctx.data.values.length; c++) row.append(cell(ctx, start + c));
    if (c < cols) row.append(elided(ctx, 'td'));
    body.append(row);
  }
  if (r < rows) {
    const last = elided(ctx, 'td');
    last.colSpan = shownCols + (cols > shownCols ? 1 : 0);
    body.append(h('tr', { class: 'out-elided-row' }, rowHeads && elided(ctx, 'th'), last));
  }
  return h('table', { class: 'out-matrix' }, h('thead', {}, head), body);
}

function cell(ctx: Ctx, index: number): HTMLTableCellElement {
  const v = ctx.data.values[index];
  if (v === undefined) return elided(ctx, 'td');
  ctx.shown++;
  const text = formatValue(v, ctx.data.dtype, ctx.lang);
  const before = ctx.previous?.values[index];
  return h(
    'td',
    {
      'data-value': true,
      'data-heat': heat(ctx, v),
      'data-changed': before !== undefined && !sameValue(before, v) ? 'true' : null,
      // The full-precision value on hover, when the compact form rounded it.
      title: typeof v === 'number' && text !== String(v) ? String(v) : null,
    },
    text,
  );
}

function cellText(ctx: Ctx, index: number): string {
  const v = ctx.data.values[index];
  if (v === undefined) return '…';
  ctx.shown++;
  return formatValue(v, ctx.data.dtype, ctx.lang);
}

function elided<K extends 'td' | 'th'>(ctx: Ctx, tag: K): HTMLElementTagNameMap[K] {
  return h(tag, { class: 'out-elided', 'data-elided': true, title: translator(ctx.lang).t('output.elided') }, '…');
}

/** Zero is neutral; the sign picks the hue and |v| / max|v| the strength, in HEAT steps. */
function heat(ctx: Ctx, v: number | string): string | null {
  if (typeof v !== 'number' || !(ctx.maxAbs > 0) || !Number.isFinite(v)) return null;
  return String(Math.round((v / ctx.maxAbs) * HEAT) || 0);
}

function unravel(index: number, dims: number[]): number[] {
  const out: number[] = [];
  for (let i = dims.length - 1; i >= 0; i--) {
    const d = dims[i] ?? 1;
    out.unshift(index % d);
    index = Math.floor(index / d);
  }
  return out;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Value equality where NaN equals NaN (a NaN weight that stays NaN did not change). */
export function sameValue(a: number | string, b: number | string): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}
