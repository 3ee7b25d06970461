/**
 * One palette for all highlighted code: fenced blocks, snippets, and the live editor. Shiki
 * tokenises at build time with the site's github-light/github-dark themes; the
 * transformer below turns its inline colours into token classes, and the
 * CodeMirror highlight style uses the same classes. The colours themselves live
 * in src/styles/code.css as CSS variables per theme, adjusted where the stock GitHub
 * colours miss WCAG AA on the code background (dark comments, light keywords).
 */
import type { ShikiTransformer } from 'shiki';

/** Shiki's themes for every code block; ROLE_BY_LIGHT_COLOUR below reads github-light's colours. */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Token classes, one letter each: a page of code carries hundreds of them. */
export const TOKEN = {
  comment: 'tk-c',
  keyword: 'tk-k',
  constant: 'tk-n',
  entity: 'tk-e',
  variable: 'tk-v',
  string: 'tk-s',
  tag: 'tk-t',
  invalid: 'tk-i',
} as const;

/** github-light token colour -> role (github-dark pairs each with its own colour). */
const ROLE_BY_LIGHT_COLOUR: Record<string, string | null> = {
  '#6A737D': TOKEN.comment,
  '#D73A49': TOKEN.keyword,
  '#005CC5': TOKEN.constant,
  '#6F42C1': TOKEN.entity,
  '#E36209': TOKEN.variable,
  '#032F62': TOKEN.string,
  '#22863A': TOKEN.tag,
  '#B31D28': TOKEN.invalid,
  // Plain text: inherits the code colour.
  '#24292E': null,
};

/**
 * Token classes instead of inline colours on the static code: the page's CSS
 * then owns the colours (both themes, the error line) and the editor matches them.
 * `lines`: keep shiki's `.line` element around each line (a snippet numbers them in CSS);
 * without it a line is its tokens and a newline, a few hundred bytes less on a page of Python.
 */
export function tokenClasses(preClass: string, { lines }: { lines: boolean }): ShikiTransformer {
  return {
    name: 'snippet-token-classes',
    pre(node) {
      // `astro-code` stays (what the site and its tests know a code block by); snippet.css
      // outranks the site-wide --shiki-dark rules for the token classes.
      node.properties.class = `astro-code ${preClass}`;
      delete node.properties.style;
    },
    span(node) {
      const style = typeof node.properties.style === 'string' ? node.properties.style : '';
      const light = /(?:^|;)color:(#[0-9A-Fa-f]{6})/.exec(style)?.[1]?.toUpperCase();
      if (light === undefined || !(light in ROLE_BY_LIGHT_COLOUR)) return;
      delete node.properties.style;
      const role = ROLE_BY_LIGHT_COLOUR[light];
      if (role) node.properties.class = role;
    },
    code(node) {
      if (lines) return;
      node.children = node.children.flatMap((child) =>
        child.type === 'element' && child.tagName === 'span' && [child.properties.class].flat().includes('line') ? child.children : [child],
      );
    },
    line(node) {
      // Plain tokens need no element of their own: their text is enough (fewer bytes per page).
      node.children = node.children.flatMap((child) =>
        child.type === 'element' && child.tagName === 'span' && Object.keys(child.properties).length === 0 ? child.children : [child],
      );
    },
  };
}
