// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { sectionIds } from './src/markdown/section-ids.ts';
import csp from './src/build/csp.ts';
import licenses, { bundledPackages } from './src/build/licenses.ts';
import { CODE_THEMES, tokenClasses } from './src/markdown/code-tokens.ts';
import { DEFAULT_LANG, LANG_TAGS, LANGS } from './src/i18n/locales.ts';
import { tfjsApi } from './src/build/tfjs-api-plugin.ts';

export default defineConfig({
  // Canonical and hreflang links need absolute URLs; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // 'jsx' collapsing strips the spaces between inline elements that French typography needs.
  compressHTML: false,
  i18n: {
    locales: [...LANGS],
    defaultLocale: DEFAULT_LANG,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    mdx(),
    csp(),
    licenses(),
    sitemap({
      // Every page with its other-language alternate; 404 pages are not content.
      i18n: { defaultLocale: DEFAULT_LANG, locales: LANG_TAGS },
      filter: (page) => !/\/404\/?$/.test(new URL(page).pathname),
      // The root is the language chooser, which the i18n option takes for an English page:
      // make it x-default instead, as the pages' own <link rel=alternate> do.
      serialize(item) {
        const root = new URL('/', item.url).href;
        const links = (item.links ?? []).filter((link) => link.url !== root);
        return { ...item, links: links.length > 0 ? [...links, { lang: 'x-default', url: root }] : undefined };
      },
    }),
  ],
  markdown: {
    processor: satteri({ hastPlugins: [sectionIds] }),
    shikiConfig: {
      themes: CODE_THEMES,
      // Token classes instead of inline colours: one AA-contrast palette for both themes (code.css).
      transformers: [tokenClasses('code-static', { lines: false })],
    },
  },
  build: { format: 'directory' },
  // ES workers keep dynamic imports lazy: the wasm backend and acorn load only when needed.
  // tfjsApi: the editor's completions and docs (virtual:tfjs-api), generated from the installed tfjs.
  vite: {
    worker: {
      format: 'es',
      // tfjs repeats its Apache-2.0 header in each of its ~840 source files: half the worker's
      // bytes, parsed on every first Run. One copy of each license is in /third-party-licenses.txt.
      rolldownOptions: { output: { comments: { legal: false } } },
      plugins: () => [bundledPackages()],
    },
    plugins: [tfjsApi(), bundledPackages()],
    build: {
      // One stylesheet (one request) for every page.
      cssCodeSplit: false,
    },
    environments: {
      // The island is one chunk: a preload helper (a request of its own on every page) would
      // have nothing to fetch in parallel with it.
      client: { build: { modulePreload: false } },
    },
  },
});
