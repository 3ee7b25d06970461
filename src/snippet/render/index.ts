/**
 * Pure DOM renderers: plain protocol data in, elements out. They never touch
 * tfjs, and build everything with createElement and text nodes, so nothing a
 * snippet prints is ever interpreted as HTML.
 */
import type { Lang } from '../../i18n/locales';
import type { ShownData } from '../protocol';
import { h } from './dom';
import { renderLayer, renderModel } from './layer';
import { renderPlain } from './plain';
import { renderTensor } from './tensor';
import { summarize } from './summary';
import { translator } from '../../i18n/translate';

export { renderLog, renderBlocked, renderError, renderDone, renderDropped, type DoneData } from './messages';
export { createLossChart } from './chart';
export { diffWeights } from './layer';

export interface ShownItem {
  label: string | null;
  data: ShownData;
}

/**
 * One `show(value, label?)`. `previous` is the same layer/model (same name)
 * shown earlier in the run: changed weights are then marked (see createShowHistory).
 */
export function renderShown(item: ShownItem, lang: Lang, previous?: ShownData): HTMLElement {
  const { data } = item;
  const body =
    data.kind === 'tensor'
      ? renderTensor(data, lang)
      : data.kind === 'layer'
        ? renderLayer(data, lang, previous?.kind === 'layer' && previous.name === data.name ? previous : undefined)
        : data.kind === 'model'
          ? renderModel(data, lang, previous?.kind === 'model' && previous.name === data.name ? previous : undefined)
          : renderPlain(data, lang);
  return h(
    'figure',
    { class: 'out-item', 'data-shown': data.kind },
    item.label !== null && item.label !== '' ? h('figcaption', { class: 'out-label' }, item.label) : null,
    body,
  );
}

/**
 * A shown value folded to its one-line summary; its full view is drawn when the reader opens it.
 * Used once a run has drawn a lot: 200 matrices in full would cost the page seconds of layout.
 */
export function renderFolded(item: ShownItem, lang: Lang, previous?: ShownData): HTMLElement {
  const details = h('details', { class: 'out-item out-folded', 'data-folded': item.data.kind }, h('summary', {}, summarize(item, lang)));
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(renderShown(item, lang, previous));
  });
  return details;
}

/** Said once, before the first folded result. */
export function renderFoldedNote(lang: Lang): HTMLElement {
  return h('p', { class: 'out-more', 'data-folded-note': true }, translator(lang).t('output.foldedNote'));
}

/**
 * Remembers the layers and models shown in one run, by name, so showing one
 * again ("before and after fit") can be compared with the earlier show.
 * Create one per run.
 */
export function createShowHistory(): { previous(data: ShownData): ShownData | undefined } {
  const seen = new Map<string, ShownData>();
  return {
    /** The earlier show of the same layer/model (if any); remembers this one for next time. */
    previous(data) {
      if (data.kind !== 'layer' && data.kind !== 'model') return undefined;
      const key = `${data.kind}:${data.name}`;
      const before = seen.get(key);
      seen.set(key, data);
      return before;
    },
  };
}
