/**
 * The static code block's text, set without markup: the bootstrap shows a saved edit there
 * before the reader looks, and the island puts the original back (Reset without an editor).
 */

/** Shows `code` in the block, one `.line` per line as shiki lays it out, as text nodes only. */
export function showStatic(pre: HTMLElement, code: string): void {
  const nodes: Node[] = [];
  code.split('\n').forEach((text, i) => {
    if (i > 0) nodes.push(document.createTextNode('\n'));
    const line = document.createElement('span');
    line.className = 'line';
    line.textContent = text;
    nodes.push(line);
  });
  (pre.querySelector('code') ?? pre).replaceChildren(...nodes);
}
