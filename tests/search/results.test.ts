/** What the search dialog lists: sections ranked by match, excerpts never parsed as markup. */
import { describe, expect, it } from 'vitest';
import type { PagefindFragment, PagefindSubResult } from '../../src/search/pagefind';
import { MAX_SECTIONS, excerptParts, toPageHit } from '../../src/search/results';

const sub = (id: string | null, score: number): PagefindSubResult => ({
  title: id ?? 'Page',
  url: id ? `/fr/serialization/#${id}` : '/fr/serialization/',
  excerpt: `… ${id} …`,
  weighted_locations: [{ weight: 1, balanced_score: score, location: 0 }],
  ...(id ? { anchor: { element: 'h2', id } } : {}),
});

const fragment = (subs: PagefindSubResult[]): PagefindFragment => ({
  url: '/fr/serialization/',
  excerpt: 'page excerpt',
  meta: { title: 'Configuration et sérialisation' },
  sub_results: subs,
});

describe('toPageHit', () => {
  it('links to the best-matching sections first, a few at most', () => {
    const hit = toPageHit(
      fragment([sub(null, 1), sub('plain-words', 2), sub('get-config', 9), sub('saving-a-lambda', 5), sub('keras-reference', 3)]),
    );
    expect(hit.title).toBe('Configuration et sérialisation');
    expect(hit.sections.map((s) => s.url)).toEqual([
      '/fr/serialization/#get-config',
      '/fr/serialization/#saving-a-lambda',
      '/fr/serialization/#keras-reference',
    ]);
    expect(hit.sections).toHaveLength(MAX_SECTIONS);
  });

  it('keeps page order between equally good sections', () => {
    const hit = toPageHit(fragment([sub('a', 1), sub('b', 1)]));
    expect(hit.sections.map((s) => s.title)).toEqual(['a', 'b']);
  });

  it('tells which language the page is in, for a search over both languages', () => {
    expect(toPageHit(fragment([sub('a', 1)])).lang).toBe('fr');
    expect(toPageHit({ ...fragment([]), url: '/en/state/' }).lang).toBe('en');
    expect(toPageHit({ ...fragment([]), url: '/elsewhere/' }).lang).toBeNull();
  });

  it('falls back to the page itself when Pagefind gives no section', () => {
    expect(toPageHit(fragment([])).sections).toEqual([
      { title: 'Configuration et sérialisation', url: '/fr/serialization/', excerpt: 'page excerpt' },
    ]);
  });
});

describe('excerptParts', () => {
  it('splits out the highlighted words and decodes the escaped text', () => {
    expect(excerptParts('une couche <mark>imbriquée</mark> &amp; x =&gt; <mark>y</mark>')).toEqual([
      { text: 'une couche ', mark: false },
      { text: 'imbriquée', mark: true },
      { text: ' & x => ', mark: false },
      { text: 'y', mark: true },
    ]);
  });

  it('returns markup from the page as text, never as elements', () => {
    expect(excerptParts('&lt;img src=x onerror=alert(1)&gt;')).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: false }]);
  });
});
