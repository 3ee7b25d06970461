/**
 * The only way the renderers build DOM: elements and text nodes, never markup,
 * so no string from a snippet can ever be parsed as HTML.
 */

export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** An element with attributes (true = present, false/null/undefined = absent) and children as text or nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element: `createElement` would make an unknown HTML element that never draws. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    // append(string) creates a text node: the browser never parses it.
    el.append(typeof child === 'number' ? String(child) : child);
  }
}

/**
 * A container that scrolls its wide content sideways instead of the page.
 * Focusable so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function scroller(label: string, ...children: Child[]): HTMLDivElement {
  return h('div', { class: 'out-scroll', tabindex: 0, role: 'group', 'aria-label': label }, ...children);
}
