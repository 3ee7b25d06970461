// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
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
  integrations: [mdx()],
  markdown: {
    processor: satteri({ hastPlugins: [sectionIds] }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
    },
  },
  build: { format: 'directory' },
});
