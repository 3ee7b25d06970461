import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { pageFiles, readPage } from '../../src/collection/files';

const en = pageFiles('en');
const fr = pageFiles('fr');

describe('English and French pages stay in step', () => {
  it('every page exists in both languages', () => {
    expect(en.length).toBeGreaterThanOrEqual(10);
    expect(fr).toEqual(en);
  });

  for (const file of en) {
    describe(file, () => {
      const pe = readPage('en', file);
      const pf = readPage('fr', file);

      it('has the file name as its key and the same order in both languages', () => {
        expect(pe.frontmatter.key).toBe(file.replace(/\.mdx$/, ''));
        expect(pf.frontmatter.key).toBe(pe.frontmatter.key);
        expect(pf.frontmatter.order).toBe(pe.frontmatter.order);
        expect(pf.frontmatter.title).not.toBe('');
      });

      it('gives every section a stable id, the same ids in the same order', () => {
        for (const page of [pe, pf]) {
          for (const h of page.headings) {
            expect(h.depth, `${page.lang}/${file}: "${h.text}" (only ## and ###)`).toBeLessThanOrEqual(3);
            expect(h.id, `${page.lang}/${file}: "${h.text}" has no [#id]`).not.toBeNull();
          }
          const ids = page.headings.map((h) => h.id);
          expect(new Set(ids).size, `${page.lang}/${file}: duplicate ids`).toBe(ids.length);
        }
        expect(pf.headings.map((h) => h.id)).toEqual(pe.headings.map((h) => h.id));
        expect(pf.headings.map((h) => h.depth)).toEqual(pe.headings.map((h) => h.depth));
      });

      it('embeds the same snippets in the same order, each with its source file', () => {
        expect(pf.snippetIds).toEqual(pe.snippetIds);
        for (const id of pe.snippetIds) expect(existsSync(`content/snippets/${id}.js`), id).toBe(true);
      });

      it('is not the English text copied into the French page', () => {
        expect(pf.prose).not.toEqual(pe.prose);
      });
    });
  }

  it('the eight differences, the overview and the playground are all there', () => {
    const keys = en.map((f) => f.replace(/\.mdx$/, ''));
    for (const key of [
      'index',
      'state',
      'trainable-weights',
      'serialization',
      'training-inference',
      'build',
      'shapes',
      'integration',
      'reuse',
      'playground',
    ]) {
      expect(keys).toContain(key);
    }
  });
});
