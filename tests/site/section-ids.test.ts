import { describe, expect, it } from 'vitest';
import { parseHeadingMarker } from '../../src/markdown/section-ids';
import { alternates, langFromPath, pagePath } from '../../src/i18n/paths';

describe('section id markers', () => {
  it('splits the text from the id', () => {
    expect(parseHeadingMarker('La méthode get_config [#get-config]')).toEqual({ text: 'La méthode get_config', id: 'get-config' });
  });
  it('leaves headings without a marker alone', () => {
    expect(parseHeadingMarker('Pourquoi ?')).toEqual({ text: 'Pourquoi ?', id: null });
  });
  it('refuses ids that are not lowercase words joined by hyphens', () => {
    expect(parseHeadingMarker('Title [#Get_Config]').id).toBeNull();
    expect(parseHeadingMarker('Title [#get-config] trailing').id).toBeNull();
  });
});

describe('page paths', () => {
  it('serves the overview at the language root', () => {
    expect(pagePath('fr', 'index')).toBe('/fr/');
    expect(pagePath('en', 'state')).toBe('/en/state/');
  });
  it('lists the same page in every language', () => {
    expect(alternates('state')).toEqual([
      { lang: 'en', path: '/en/state/' },
      { lang: 'fr', path: '/fr/state/' },
    ]);
  });
  it('reads the language from a path', () => {
    expect(langFromPath('/fr/state/')).toBe('fr');
    expect(langFromPath('/de/state/')).toBeNull();
  });
});
