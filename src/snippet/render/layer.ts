/**
 * Layers and models: what they are, how many parameters they hold, and each
 * weight (name, shape, dtype, trainable, values), so a Lambda's empty table sits
 * next to a subclass's kernel and bias.
 */
import type { Lang } from '../../i18n/locales';
import type { LayerData, ModelData, TensorData, WeightData } from '../protocol';
import { h, scroller } from './dom';
import { formatOutputShape, formatShape, formatValue, product } from './numbers';
import { renderTensor, sameShape, sameValue } from './tensor';
import { translator } from '../../i18n/translate';

/** Per weight name (of `next`): whether its values differ from the same weight in `prev`. */
export type WeightDiff = Map<string, boolean>;

/**
 * Compares two shows of the same layer or model, weight by weight (matched by
 * name). Only the values the worker sent are compared (the first LIMITS.MAX_TENSOR_VALUES).
 */
export function diffWeights(prev: LayerData | ModelData, next: LayerData | ModelData): WeightDiff {
  const before = new Map(weightsOf(prev).map((w) => [w.name, w] as const));
  const diff: WeightDiff = new Map();
  for (const w of weightsOf(next)) {
    const old = before.get(w.name);
    if (!old) continue;
    const a = old.values.values;
    const b = w.values.values;
    const changed = !sameShape(old.shape, w.shape) || a.length !== b.length || a.some((v, i) => !sameValue(v, b[i] ?? NaN));
    diff.set(w.name, changed);
  }
  return diff;
}

function weightsOf(data: LayerData | ModelData): WeightData[] {
  return data.kind === 'layer' ? data.weights : data.layers.flatMap((l) => l.weights);
}

/** A layer: header, parameter counts and its weights table. `previous` highlights changes. */
export function renderLayer(data: LayerData, lang: Lang, previous?: LayerData): HTMLElement {
  const diff = previous ? diffWeights(previous, data) : null;
  const before = previous ? new Map(previous.weights.map((w) => [w.name, w] as const)) : null;
  const outputShape = formatOutputShape(data.outputShape);
  return h(
    'section',
    { class: 'out-layer', 'data-layer': data.name },
    h('p', { class: 'out-caption' }, translator(lang).t('output.layerCaption', { name: data.name, className: data.className })),
    facts(lang, [
      // A layer applied eagerly has no symbolic output: its shape exists only in a model.
      ['output.outputShape', outputShape === null ? translator(lang).t('output.notInModel') : h('code', {}, outputShape)],
      ['output.state', translator(lang).t(data.built ? 'output.built' : 'output.notBuilt')],
      ['output.trainableParams', translator(lang).count(data.trainableParams)],
      ['output.nonTrainableParams', translator(lang).count(data.nonTrainableParams)],
    ]),
    changeNote(diff, lang),
    ...weightsSection(data, lang, diff, before),
  );
}

/** A model: a `model.summary()`-like table and totals, then each layer's weights, collapsible. */
export function renderModel(data: ModelData, lang: Lang, previous?: ModelData): HTMLElement {
  const diff = previous ? diffWeights(previous, data) : null;
  const before = previous ? new Map(weightsOf(previous).map((w) => [w.name, w] as const)) : null;
  const body = h('tbody');
  for (const layer of data.layers) {
    body.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, `${layer.name} (${layer.className})`),
        h('td', {}, formatOutputShape(layer.outputShape) ?? '?'),
        h('td', { class: 'out-num' }, translator(lang).count(layer.trainableParams + layer.nonTrainableParams)),
      ),
    );
  }
  const caption = translator(lang).t('output.modelCaption', { name: data.name, className: data.className });
  const summary = h(
    'table',
    { class: 'out-summary', 'data-summary': true },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, translator(lang).t('output.colLayer')),
        h('th', { scope: 'col' }, translator(lang).t('output.outputShape')),
        h('th', { scope: 'col' }, translator(lang).t('output.colParamCount')),
      ),
    ),
    body,
  );
  const total = data.trainableParams + data.nonTrainableParams;
  const root = h(
    'section',
    { class: 'out-model', 'data-model': data.name },
    h('p', { class: 'out-caption' }, caption),
    data.layers.length === 0 ? h('p', { class: 'out-note' }, translator(lang).t('output.noLayers')) : scroller(caption, summary),
    facts(lang, [
      ['output.totalParams', translator(lang).count(total)],
      ['output.trainableParams', translator(lang).count(data.trainableParams)],
      ['output.nonTrainableParams', translator(lang).count(data.nonTrainableParams)],
    ]),
    changeNote(diff, lang),
  );
  for (const layer of data.layers) {
    // Open the layers whose weights changed, so "before and after fit" shows at once.
    const open = layer.weights.some((w) => diff?.get(w.name) === true);
    root.append(
      h(
        'details',
        { class: 'out-layer-weights', 'data-layer': layer.name, open },
        h('summary', {}, translator(lang).t('output.layerWeights', { name: layer.name, className: layer.className })),
        ...weightsSection(layer, lang, diff, before),
      ),
    );
  }
  return root;
}

type FactKey = 'output.outputShape' | 'output.state' | 'output.trainableParams' | 'output.nonTrainableParams' | 'output.totalParams';

function facts(lang: Lang, rows: [FactKey, string | Node][]): HTMLElement {
  const dl = h('dl', { class: 'out-facts' });
  for (const [key, value] of rows) dl.append(h('div', {}, h('dt', {}, translator(lang).t(key)), h('dd', {}, value)));
  return dl;
}

function changeNote(diff: WeightDiff | null, lang: Lang): HTMLElement | null {
  if (!diff || diff.size === 0) return null;
  const changed = [...diff.values()].filter(Boolean).length;
  return h(
    'p',
    { class: 'out-note', 'data-changed-count': changed },
    translator(lang).plural('output.changedCount', changed, { total: translator(lang).count(diff.size) }),
  );
}

/** Weights with at most this many values show them in the table; larger ones keep the fold. */
const INLINE_VALUES = 16;

/** "No weights", or the weights table: each weight, then its values (inline when few, else folded). */
function weightsSection(layer: LayerData, lang: Lang, diff: WeightDiff | null, before: Map<string, WeightData> | null): HTMLElement[] {
  if (layer.weights.length === 0) return [h('p', { class: 'out-note', 'data-no-weights': true }, translator(lang).t('output.noWeights'))];
  const heads = ['output.colName', 'output.colShape', 'output.colDtype', 'output.colTrainable', 'output.colParams'] as const;
  const body = h('tbody');
  for (const w of layer.weights) {
    const changed = diff?.get(w.name);
    const marker =
      changed === undefined
        ? null
        : h(
            'span',
            { class: 'out-badge', 'data-marker': changed ? 'changed' : 'unchanged' },
            translator(lang).t(changed ? 'output.changed' : 'output.unchanged'),
          );
    const previous = before?.get(w.name)?.values;
    body.append(
      h(
        'tr',
        {
          'data-weight': true,
          'data-name': w.name,
          'data-shape': w.shape.join(','),
          'data-trainable': String(w.trainable),
          'data-changed': changed === undefined ? null : String(changed),
        },
        h('th', { scope: 'row' }, h('code', {}, ...breakable(w.name)), marker && ' ', marker),
        h('td', {}, h('code', {}, formatShape(w.shape))),
        h('td', {}, w.dtype),
        h('td', { 'data-trainable-text': true }, translator(lang).t(w.trainable ? 'output.yes' : 'output.no')),
        h('td', { class: 'out-num' }, translator(lang).count(product(w.shape))),
      ),
      h(
        'tr',
        { class: 'out-weight-values' },
        h(
          'td',
          { colspan: heads.length },
          isSmall(w.values)
            ? inlineValues(w.values, previous && isSmall(previous) && changed ? previous : null, lang)
            : h(
                'details',
                {},
                h('summary', {}, translator(lang).t('output.valuesOf', { name: w.name })),
                renderTensor(w.values, lang, previous),
              ),
        ),
      ),
    );
  }
  const label = translator(lang).t('output.weights');
  const table = h(
    'table',
    { class: 'out-weights', 'data-weights': true },
    h('caption', {}, label),
    h('thead', {}, h('tr', {}, ...heads.map((k) => h('th', { scope: 'col' }, translator(lang).t(k))))),
    body,
  );
  return [scroller(label, table)];
}

/** A weight whose every value was sent and which has few of them. */
function isSmall(values: TensorData): boolean {
  return values.size <= INLINE_VALUES && values.values.length === values.size && !values.truncated;
}

/** `[1, 2.98]`, nested by the shape: `[[1, 2], [3, 4]]`. */
function valuesText(values: TensorData, lang: Lang): string {
  const items = values.values.map((v) => formatValue(v, values.dtype, lang));
  const nest = (dims: number[], at: number): [string, number] => {
    if (dims.length === 0) return [items[at] ?? '', at + 1];
    const parts: string[] = [];
    for (let i = 0; i < (dims[0] ?? 0); i++) {
      const [text, next] = nest(dims.slice(1), at);
      parts.push(text);
      at = next;
    }
    return [`[${parts.join(', ')}]`, at];
  };
  return nest(values.shape, 0)[0];
}

/**
 * A small weight's values in its row; shown again after a change, old and new side by side
 * ("before [1] → after [2.98]", the words for screen readers, the arrow for the eye).
 */
function inlineValues(values: TensorData, previous: TensorData | null, lang: Lang): HTMLElement {
  const now = h('code', { 'data-values-now': true }, valuesText(values, lang));
  const line = h(
    'p',
    { class: 'out-inline-values', 'data-weight-values': true },
    h('span', { class: 'out-inline-label' }, `${translator(lang).t('output.values')} `),
  );
  if (!previous) {
    line.append(now);
    return line;
  }
  line.append(
    h('span', { class: 'sr-only' }, `${translator(lang).t('output.before')} `),
    h('code', { 'data-values-before': true }, valuesText(previous, lang)),
    h('span', { 'aria-hidden': 'true' }, ' → '),
    h('span', { class: 'sr-only' }, ` ${translator(lang).t('output.after')} `),
    now,
  );
  return line;
}

/** A weight's full name may break after each "/" rather than mid-word ("dense_Dense1/" + "kernel"). */
function breakable(name: string): (string | Node)[] {
  return name.split('/').flatMap((part, i, all) => (i < all.length - 1 ? [`${part}/`, h('wbr')] : [part]));
}
