/** One short sentence per shown value, for the live region: a summary, not a wall of numbers. */
import type { Lang } from '../../i18n/locales';
import type { ShownData } from '../protocol';
import { formatValue } from './numbers';
import { literal } from './plain';
import { translator } from '../../i18n/translate';

export function summarize(item: { label: string | null; data: ShownData }, lang: Lang): string {
  const summary = describe(item.data, lang);
  return item.label ? translator(lang).t('output.labelled', { label: item.label, summary }) : summary;
}

function describe(data: ShownData, lang: Lang): string {
  switch (data.kind) {
    case 'tensor': {
      const first = data.values[0];
      if (data.shape.length === 0 && first !== undefined) {
        return translator(lang).t('output.sumScalar', { dtype: data.dtype, value: formatValue(first, data.dtype, lang) });
      }
      // "2×3" reads as "2 by 3"; "[2, 3]" would be read out as punctuation.
      return translator(lang).t('output.tensorCaption', { dtype: data.dtype, shape: data.shape.join('×') || '[]' });
    }
    case 'layer':
      return translator(lang).t('output.sumLayer', {
        name: data.name,
        weights: translator(lang).plural('output.nWeights', data.weights.length),
        params: translator(lang).plural('output.nTrainable', data.trainableParams),
      });
    case 'model':
      return translator(lang).t('output.sumModel', {
        name: data.name,
        layers: translator(lang).plural('output.nLayers', data.layers.length),
        params: translator(lang).plural('output.nParams', data.trainableParams + data.nonTrainableParams),
      });
    case 'text':
      return translator(lang).plural('output.sumText', data.text.length);
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
      return translator(lang).t('output.sumValue', { value: literal(data) });
    case 'function':
      return translator(lang).t('output.function');
    case 'json': {
      const v = data.value;
      if (Array.isArray(v)) return translator(lang).t('output.sumArray', { items: translator(lang).plural('output.jsonItems', v.length) });
      if (v !== null && typeof v === 'object') {
        return translator(lang).t('output.sumObject', { keys: translator(lang).plural('output.jsonKeys', Object.keys(v).length) });
      }
      return translator(lang).t('output.sumValue', { value: JSON.stringify(v) });
    }
  }
}
