/** Links between pages land on sections that exist, in the page's own language. */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales';
import { pageFiles, readPage } from '../../src/collection/files';

describe('links between pages', () => {
  for (const lang of LANGS) {
    for (const file of pageFiles(lang)) {
      it(`${lang}/${file}`, () => {
        const page = readPage(lang, file);
        for (const [, linkLang, target, anchor] of page.prose.matchAll(/\]\(\/(en|fr)\/([a-z-]*)\/?(?:#([a-z0-9-]+))?\)/g)) {
          expect(linkLang, `${lang}/${file} links to the other language`).toBe(lang);
          const targetFile = `${target === '' ? 'index' : target}.mdx`;
          expect(pageFiles(lang), `${lang}/${file} -> ${targetFile}`).toContain(targetFile);
          if (anchor) expect(readPage(lang, targetFile).headings.map((h) => h.id), `${lang}/${file} -> ${targetFile}#${anchor}`).toContain(anchor);
        }
      });
    }
  }
});
