/**
 * Stable, language-independent section ids. MDX cannot parse `{#id}`, so headings end
 * with `[#id]` instead: `## La méthode get_config [#get-config]`. The marker is removed
 * from the text and becomes the heading's id, so /en/x/#get-config and /fr/x/#get-config
 * name the same section.
 */
import type { HastPluginEntry } from 'satteri';

const MARKER = /\s*\[#([a-z0-9]+(?:-[a-z0-9]+)*)\]\s*$/;

/** Splits "Title [#id]" into its text and id (id is null without a marker). */
export function parseHeadingMarker(text: string): { text: string; id: string | null } {
  const m = MARKER.exec(text);
  return m ? { text: text.slice(0, m.index), id: m[1]! } : { text, id: null };
}

interface HastText {
  type: 'text';
  value: string;
}
interface HastElement {
  type: 'element';
  tagName: string;
  children: Array<HastText | HastElement | { type: string }>;
}

/** Sätteri hast plugin: runs before Astro's own heading-ids step, which keeps an existing id. */
export const sectionIds = {
  name: 'section-ids',
  element: {
    filter: ['h2', 'h3'],
    visit(
      node: HastElement,
      ctx: {
        setProperty(node: unknown, key: string, value: unknown): void;
        replaceNode(node: unknown, replacement: HastText): void;
      },
    ) {
      const last = node.children[node.children.length - 1];
      if (!last || last.type !== 'text') return;
      const { text, id } = parseHeadingMarker((last as HastText).value);
      if (!id) return;
      ctx.replaceNode(last, { type: 'text', value: text });
      ctx.setProperty(node, 'id', id);
    },
  },
} as unknown as HastPluginEntry;
