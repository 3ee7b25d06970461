// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { sectionIds } from './src/markdown/section-ids.ts';

export default defineConfig({
  // Canonical and hreflang links need absolute URLs; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // 'jsx' collapsing strips the spaces between inline elements that French typography needs.
  compressHTML: false,
  i18n: {
    locales: ['en', 'fr'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    mdx(),
    sitemap({
      // Every page with its other-language alternate; 404 pages are not content.
      i18n: { defaultLocale: 'en', locales: { en: 'en', fr: 'fr' } },
      filter: (page) => !/\/404\/?$/.test(new URL(page).pathname),
    }),
  ],
  markdown: {
    processor: satteri({ hastPlugins: [sectionIds] }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
    },
  },
  build: { format: 'directory' },
  // ES workers keep dynamic imports lazy: the wasm backend and acorn load only when needed.
  vite: { worker: { format: 'es' } },
});
