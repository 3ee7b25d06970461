/**
 * Values that are not tensors or layers: text stays text, objects become a
 * collapsible tree whose keys and strings are text nodes, never markup.
 */
import type { Lang } from '../../i18n/locales';
import { LIMITS, type JsonValue, type PlainData } from '../protocol';
import { h } from './dom';
import { translator } from '../../i18n/translate';

/** Levels of the JSON tree open at first; deeper ones wait for a click. */
const OPEN_DEPTH = 2;

export function renderPlain(data: PlainData, lang: Lang): HTMLElement {
  switch (data.kind) {
    case 'text':
      return h('pre', { class: 'out-text', 'data-text': true }, data.text);
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
      return h('p', { class: 'out-value' }, h('code', {}, literal(data)));
    case 'function':
      return h(
        'div',
        { class: 'out-function' },
        h('p', { class: 'out-caption' }, translator(lang).t('output.function')),
        h('pre', { class: 'out-text' }, h('code', {}, data.source)),
      );
    case 'json':
      return renderJson(data.value, data.truncated, lang);
  }
}

/** How JavaScript would print a primitive (so -0 stays -0 here: this is the value itself). */
export function literal(data: Extract<PlainData, { kind: 'number' | 'boolean' | 'null' | 'undefined' }>): string {
  switch (data.kind) {
    case 'number':
      return Object.is(data.value, -0) ? '-0' : String(data.value);
    case 'boolean':
      return String(data.value);
    default:
      return data.kind;
  }
}

function renderJson(value: JsonValue, truncated: boolean, lang: Lang): HTMLElement {
  // A node budget guards against huge (or, via structured clone, cyclic) values.
  const budget = { left: LIMITS.MAX_JSON_NODES };
  const root = h('div', { class: 'out-json', 'data-json': true }, node(value, null, 0, budget, lang));
  if (truncated || budget.left < 0) {
    root.append(h('p', { class: 'out-more', 'data-truncated': true }, translator(lang).t('output.jsonTruncated')));
  }
  return root;
}

function node(value: JsonValue, key: string | null, depth: number, budget: { left: number }, lang: Lang): HTMLElement {
  budget.left--;
  const keyEl = key === null ? null : h('span', { class: 'out-json-key' }, key);
  const sep = key === null ? null : ': ';
  if (value === null || typeof value !== 'object') {
    return h('div', { class: 'out-json-leaf' }, keyEl, sep, scalar(value));
  }
  const entries: [string, JsonValue][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return h('div', { class: 'out-json-leaf' }, keyEl, sep, h('span', { class: 'out-json-punct' }, open + close));
  }
  const count = Array.isArray(value)
    ? translator(lang).plural('output.jsonItems', entries.length)
    : translator(lang).plural('output.jsonKeys', entries.length);
  const list = h('ul', { class: 'out-json-children' });
  for (const [k, v] of entries) {
    if (budget.left <= 0) {
      budget.left = -1;
      list.append(h('li', { class: 'out-more' }, '…'));
      break;
    }
    list.append(h('li', {}, node(v, k, depth + 1, budget, lang)));
  }
  return h(
    'details',
    { class: 'out-json-node', open: depth < OPEN_DEPTH },
    h('summary', {}, keyEl, sep, h('span', { class: 'out-json-punct' }, open), ` ${count} `, h('span', { class: 'out-json-punct' }, close)),
    list,
  );
}

function scalar(value: string | number | boolean | null): HTMLElement {
  if (typeof value === 'string') {
    // JSON quoting shows where the string starts and ends and makes control characters visible.
    return h('span', { class: 'out-json-string' }, JSON.stringify(value));
  }
  return h('span', { class: `out-json-${value === null ? 'null' : typeof value}` }, String(value));
}
