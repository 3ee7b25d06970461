/** One short sentence per shown value, for the live region: a summary, not a wall of numbers. */
import type { Lang } from '../../i18n/locales';
import type { ShownData } from '../protocol';
import { formatValue, tr, trn } from './format';
import { literal } from './plain';

export function summarize(item: { label: string | null; data: ShownData }, lang: Lang): string {
  const summary = describe(item.data, lang);
  return item.label ? tr(lang, 'output.labelled', { label: item.label, summary }) : summary;
}

function describe(data: ShownData, lang: Lang): string {
  switch (data.kind) {
    case 'tensor': {
      const first = data.values[0];
      if (data.shape.length === 0 && first !== undefined) {
        return tr(lang, 'output.sumScalar', { dtype: data.dtype, value: formatValue(first, data.dtype, lang) });
      }
      // "2×3" reads as "2 by 3"; "[2, 3]" would be read out as punctuation.
      return tr(lang, 'output.tensorCaption', { dtype: data.dtype, shape: data.shape.join('×') || '[]' });
    }
    case 'layer':
      return tr(lang, 'output.sumLayer', {
        name: data.name,
        weights: trn(lang, 'output.nWeights', data.weights.length),
        params: trn(lang, 'output.nTrainable', data.trainableParams),
      });
    case 'model':
      return tr(lang, 'output.sumModel', {
        name: data.name,
        layers: trn(lang, 'output.nLayers', data.layers.length),
        params: trn(lang, 'output.nParams', data.trainableParams + data.nonTrainableParams),
      });
    case 'text':
      return trn(lang, 'output.sumText', data.text.length);
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
      return tr(lang, 'output.sumValue', { value: literal(data) });
    case 'function':
      return tr(lang, 'output.function');
    case 'json': {
      const v = data.value;
      if (Array.isArray(v)) return tr(lang, 'output.sumArray', { items: trn(lang, 'output.jsonItems', v.length) });
      if (v !== null && typeof v === 'object') {
        return tr(lang, 'output.sumObject', { keys: trn(lang, 'output.jsonKeys', Object.keys(v).length) });
      }
      return tr(lang, 'output.sumValue', { value: JSON.stringify(v) });
    }
  }
}
